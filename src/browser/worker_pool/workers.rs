//! The pool's Web Workers themselves: starting them (hash workers first, codec workers when
//! needed), handing them queued jobs, reading their answers, and replacing one that crashes.
//! The public face of the pool, and the jobs it queues, are in `worker_pool.rs`.
use futures::channel::oneshot;
use shoebox_core::failure::WorkerFault;
use shoebox_core::worker_protocol::{Job, Reply, WorkerKind, BESIDE_PER_WORKER};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, ErrorEvent, MessageEvent, Url, Worker, WorkerOptions, WorkerType};

/// Which script a worker runs.
#[derive(Clone, Debug)]
pub enum WorkerSource {
    /// Trunk's no-modules worker builds next to the page: `{base}hashworker.js` (hash workers)
    /// or `{base}worker.js` (codec workers) defines `wasm_bindgen`, which loads the matching
    /// `_bg.wasm` and runs the worker crate's entry for that kind.
    TrunkBin { base: String },
    /// A module worker importing the page's own wasm-bindgen module and calling its exported
    /// `shoeboxWorkerMain(codecs)` (used by the wasm-bindgen-test browser tests).
    ThisModule,
}

/// Consecutive start-up failures of one kind after which the pool stops respawning that kind
/// and fails the queued jobs that need it.
pub const MAX_START_FAILURES: u32 = 3;

/// Inspect jobs one worker runs at once.
const MAX_LIGHT_PER_WORKER: usize = 64;

pub type Answer = Result<(Reply, JsValue), WorkerFault>;

pub struct Task {
    pub id: u32,
    pub job: Job,
    pub blob: Blob,
    /// An inspect job: shares its worker with other light jobs.
    pub light: bool,
    /// A chunk digest: goes first, beside anything (`Job::runs_beside`).
    pub beside: bool,
    pub tx: oneshot::Sender<Answer>,
}

struct Slot {
    worker: Worker,
    ready: bool,
    running: Vec<Task>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

/// One worker's place in the pool: its kind never changes, its worker is replaced on a crash.
struct Place {
    kind: WorkerKind,
    slot: Option<Slot>,
}

pub struct Inner {
    places: Vec<Place>,
    /// Workers of each kind the pool runs once that kind is started.
    size: usize,
    pub queue: VecDeque<Task>,
    pub next_id: u32,
    source: WorkerSource,
    /// Per kind (`index`): start-up failures since one of that kind last got ready.
    start_failures: [u32; 2],
    /// The pool may start workers (the app's pool: once the page has painted).
    pub started: bool,
}

fn index(kind: WorkerKind) -> usize {
    match kind {
        WorkerKind::Hash => 0,
        WorkerKind::Codec => 1,
    }
}

impl Inner {
    /// A pool of `size` hash workers, none started yet ([`start_kind`] starts them).
    pub fn new(size: usize, source: WorkerSource) -> Self {
        let size = size.max(1);
        let places = (0..size).map(|_| Place { kind: WorkerKind::Hash, slot: None }).collect();
        Inner { places, size, queue: VecDeque::new(), next_id: 1, source, start_failures: [0; 2], started: false }
    }

    pub fn size(&self) -> usize {
        self.size
    }

    /// Whether the workers of `kind` failed to start too often to try again.
    pub fn gave_up(&self, kind: WorkerKind) -> bool {
        self.start_failures[index(kind)] >= MAX_START_FAILURES
    }

    /// Whether some kind of worker that runs `job` is still to be had: one the pool has (or
    /// would start for it) and has not given up on.
    pub fn can_still_run(&self, job: &Job) -> bool {
        [WorkerKind::Hash, WorkerKind::Codec]
            .into_iter()
            .any(|k| k.runs(job) && !self.gave_up(k) && (has_kind(self, k) || k == WorkerKind::for_job(job)))
    }

    /// Workers of `kind` created and not crashed (ready or still loading).
    pub fn live(&self, kind: WorkerKind) -> usize {
        self.places.iter().filter(|p| p.kind == kind && p.slot.is_some()).count()
    }

    pub fn terminate_all(&mut self) {
        for slot in self.places.drain(..).filter_map(|p| p.slot) {
            slot.worker.terminate();
        }
    }
}

/// Starts the pool's workers of `kind`: the hash workers' places exist from the start; the
/// codec workers' are added the first time a job needs one. Does nothing if already started.
pub fn start_kind(inner: &Rc<RefCell<Inner>>, kind: WorkerKind) {
    let idle: Vec<usize> = {
        let mut guard = inner.borrow_mut();
        if !guard.places.iter().any(|p| p.kind == kind) {
            let size = guard.size;
            guard.places.extend((0..size).map(|_| Place { kind, slot: None }));
        }
        guard.places.iter().enumerate().filter(|(_, p)| p.kind == kind && p.slot.is_none()).map(|(i, _)| i).collect()
    };
    for i in idle {
        let slot = spawn(inner, i, kind);
        inner.borrow_mut().places[i].slot = slot;
    }
    dispatch(inner);
}

/// Once the pool has started: starts the kind of worker each queued job needs where the pool
/// has none of that kind yet (the codec workers, for the first Prepare), then hands out jobs.
pub fn start_needed(inner: &Rc<RefCell<Inner>>) {
    let needed: Vec<WorkerKind> = {
        let guard = inner.borrow();
        if !guard.started {
            return;
        }
        let lacking = |k: &WorkerKind| !has_kind(&guard, *k) && guard.queue.iter().any(|t| WorkerKind::for_job(&t.job) == *k);
        [WorkerKind::Hash, WorkerKind::Codec].into_iter().filter(lacking).collect()
    };
    for kind in needed {
        start_kind(inner, kind);
    }
    dispatch(inner);
}

/// Whether the pool has places for workers of `kind` (started, or starting after first paint).
fn has_kind(inner: &Inner, kind: WorkerKind) -> bool {
    inner.places.iter().any(|p| p.kind == kind)
}

/// Give queued tasks to ready workers that can run them.
fn dispatch(inner: &Rc<RefCell<Inner>>) {
    let mut inner = inner.borrow_mut();
    let Inner { places, queue, .. } = &mut *inner;
    // Chunk digests first, beside whatever a worker runs (a PATCH waits for each).
    while let Some(at) = queue.iter().position(|t| t.beside) {
        let beside = |slot: &Slot| slot.running.iter().filter(|t| t.beside).count();
        let job = &queue[at].job;
        let free = places.iter_mut().filter(|p| p.kind.runs(job)).filter_map(|p| p.slot.as_mut());
        let Some(slot) = free.filter(|s| s.ready && beside(s) < BESIDE_PER_WORKER).min_by_key(|s| (beside(s), s.running.len())) else {
            break;
        };
        let task = queue.remove(at).expect("found");
        post(slot, task);
    }
    // Then FIFO per kind of worker: a job waiting for a kind holds back every later job from
    // that kind, so heavy jobs are not starved; a Prepare waiting for a codec worker does not
    // hold back hashes that a hash worker can take. Digests running beside do not count.
    let mut owed: Vec<WorkerKind> = Vec::new();
    let mut at = 0;
    while at < queue.len() && owed.len() < 2 {
        let task = &queue[at];
        let accepts = |slot: &Slot| {
            let others = || slot.running.iter().filter(|t| !t.beside);
            slot.ready
                && if task.light { others().count() < MAX_LIGHT_PER_WORKER && others().all(|t| t.light) } else { others().next().is_none() }
        };
        let open = |p: &&mut Place| p.kind.runs(&task.job) && !owed.contains(&p.kind);
        // Prefer the least busy worker, and a hash worker over a codec worker, which may be
        // wanted for a photo next.
        let best = places
            .iter_mut()
            .filter(open)
            .filter_map(|p| Some((p.kind, p.slot.as_mut()?)))
            .filter(|(_, s)| accepts(s))
            .min_by_key(|(kind, s)| (s.running.len(), *kind == WorkerKind::Codec));
        match best {
            Some((_, slot)) => {
                let task = queue.remove(at).expect("in range");
                post(slot, task);
            }
            None => {
                for kind in [WorkerKind::Hash, WorkerKind::Codec] {
                    if kind.runs(&task.job) && !owed.contains(&kind) {
                        owed.push(kind);
                    }
                }
                at += 1;
            }
        }
    }
}

fn post(slot: &mut Slot, task: Task) {
    let job = serde_json::to_string(&task.job).unwrap_or_default();
    let msg = js_sys::Array::of3(&task.id.into(), &job.into(), &task.blob);
    match slot.worker.post_message(&msg) {
        Ok(()) => slot.running.push(task),
        Err(e) => {
            let _ = task.tx.send(Err(WorkerFault::NotSent { detail: format!("{e:?}") }));
        }
    }
}

fn spawn(inner: &Rc<RefCell<Inner>>, index: usize, kind: WorkerKind) -> Option<Slot> {
    let source = inner.borrow().source.clone();
    let worker = match new_worker(&source, kind) {
        Ok(w) => w,
        Err(e) => {
            web_sys::console::error_2(&"worker pool: cannot create worker".into(), &e);
            inner.borrow_mut().start_failures[self::index(kind)] = MAX_START_FAILURES;
            return None;
        }
    };
    let weak = Rc::downgrade(inner);
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new({
        let weak = weak.clone();
        move |ev: MessageEvent| on_message(&weak, index, ev)
    });
    let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |ev: ErrorEvent| {
        ev.prevent_default();
        on_crash(&weak, index, ev.message());
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Some(Slot { worker, ready: false, running: Vec::new(), _on_message: on_message, _on_error: on_error })
}

fn on_message(weak: &Weak<RefCell<Inner>>, index: usize, ev: MessageEvent) {
    let Some(inner) = weak.upgrade() else { return };
    let msg: js_sys::Array = ev.data().unchecked_into();
    let id = msg.get(0).as_f64().unwrap_or(-1.0) as u32;
    let reply = msg.get(1).as_string().and_then(|j| serde_json::from_str::<Reply>(&j).ok());
    {
        let mut guard = inner.borrow_mut();
        let ready = reply == Some(Reply::Ready);
        let Some(place) = guard.places.get(index) else { return };
        let kind = place.kind;
        if ready {
            guard.start_failures[self::index(kind)] = 0;
        }
        let Some(slot) = guard.places.get_mut(index).and_then(|p| p.slot.as_mut()) else { return };
        if ready {
            slot.ready = true;
        } else if let Some(pos) = slot.running.iter().position(|t| t.id == id) {
            let task = slot.running.swap_remove(pos);
            let answer = reply.ok_or(WorkerFault::UnexpectedReply).map(|r| (r, msg.get(2)));
            let _ = task.tx.send(answer);
        }
    }
    dispatch(&inner);
}

/// A worker died (panic → wasm trap, out of memory, script failed to load): fail its job,
/// replace it with one of its kind, and carry on. Repeated failures of one kind before any of
/// that kind got ready stop its respawning and fail the queued jobs no other kind can run.
fn on_crash(weak: &Weak<RefCell<Inner>>, index: usize, message: String) {
    let Some(inner) = weak.upgrade() else { return };
    let (old, kind, never_ready) = {
        let mut guard = inner.borrow_mut();
        let Some(place) = guard.places.get_mut(index) else { return };
        let (kind, old) = (place.kind, place.slot.take());
        let never_ready = old.as_ref().is_some_and(|s| !s.ready);
        if never_ready {
            guard.start_failures[self::index(kind)] += 1;
        }
        (old, kind, never_ready)
    };
    if let Some(mut slot) = old {
        slot.worker.terminate();
        for task in slot.running.drain(..) {
            let _ = task.tx.send(Err(WorkerFault::Crashed { detail: message.clone() }));
        }
    }
    if inner.borrow().gave_up(kind) {
        let stranded: VecDeque<Task> = {
            let mut guard = inner.borrow_mut();
            let queue = std::mem::take(&mut guard.queue);
            let (stranded, kept): (VecDeque<Task>, VecDeque<Task>) = queue.into_iter().partition(|t| !guard.can_still_run(&t.job));
            guard.queue = kept;
            stranded
        };
        for t in stranded {
            let _ = t.tx.send(Err(WorkerFault::NotStarted { detail: message.clone() }));
        }
        if never_ready {
            return;
        }
    }
    let slot = spawn(&inner, index, kind);
    if let Some(p) = inner.borrow_mut().places.get_mut(index) {
        p.slot = slot;
    }
    dispatch(&inner);
}

#[wasm_bindgen]
extern "C" {
    /// URL of this wasm-bindgen module's JS shim (ES module builds only).
    #[wasm_bindgen(thread_local_v2, js_namespace = ["import", "meta"], js_name = url)]
    static MODULE_URL: String;
}

fn new_worker(source: &WorkerSource, kind: WorkerKind) -> Result<Worker, JsValue> {
    let (script, module) = match source {
        WorkerSource::TrunkBin { base } => {
            let name = match kind {
                WorkerKind::Hash => "hashworker",
                WorkerKind::Codec => "worker",
            };
            (format!("importScripts({base:?} + '{name}.js'); wasm_bindgen({base:?} + '{name}_bg.wasm');"), false)
        }
        WorkerSource::ThisModule => {
            let url = MODULE_URL.with(|u| u.clone());
            // wasm-bindgen names the binary `<shim>_bg.wasm`; pass it explicitly because some
            // shims (the test runner's) have no default location.
            let wasm = format!("{}_bg.wasm", url.strip_suffix(".js").unwrap_or(&url));
            let codecs = kind == WorkerKind::Codec;
            (
                format!("const m = await import({url:?}); await m.default({{ module_or_path: {wasm:?} }}); m.shoeboxWorkerMain({codecs});"),
                true,
            )
        }
    };
    let opts = BlobPropertyBag::new();
    opts.set_type("text/javascript");
    let blob = Blob::new_with_str_sequence_and_options(&js_sys::Array::of1(&script.into()), &opts)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let wopts = WorkerOptions::new();
    if module {
        wopts.set_type(WorkerType::Module);
    }
    let worker = Worker::new_with_options(&url, &wopts);
    Url::revoke_object_url(&url)?;
    worker
}
