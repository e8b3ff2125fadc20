//! Main-thread pool of photo/hash Web Workers (the worker side is the `shoebox-worker` crate).
//!
//! API for the driver (all futures are `!Send`, run them with `spawn_local`):
//! - `WorkerPool::default_size() -> usize`: navigator.hardwareConcurrency − 1, at least 1.
//! - `WorkerPool::new(size) -> WorkerPool`: spawns `size` workers from Trunk's `worker.js` +
//!   `worker_bg.wasm` next to the page, after its first paint. `WorkerPool::with_source(size,
//!   WorkerSource)` picks another worker script and starts at once (tests use `ThisModule`).
//! - `pool.size() -> usize`
//! - `pool.inspect(file: File).await -> Result<FileFacts, WorkerFault>`: reads only the first
//!   `INSPECT_BYTES` (Blob.slice) in a worker.
//! - `pool.hash(blob: Blob).await -> Result<String, WorkerFault>`: streaming SHA-256 over 8 MiB
//!   slices, the next slice read while the current one is hashed.
//! - `pool.prepare(file, max_pixels: Option<u64>, quality: u8, strip_location: bool).await
//!   -> PrepareResult`: the worker's `PrepareOutcome` as it sent it (`Prepared { size, sha256,
//!   mime }`, `KeepOriginal { reason }`, or `Failed { why }` when the job could not run), with
//!   the new bytes as a Blob typed with that MIME, so the uploader can slice it.
//! - `pool.inflate(archive, start, entry).await -> Result<Blob, WorkerFault>`: see there.
//!
//! Concurrency: one hash or prepare job per worker (CPU-bound), or up to `MAX_LIGHT_PER_WORKER`
//! inspect jobs and hashes of small files (`Job::is_light`) at once (bound by file-read
//! latency: many reads in flight are what make 100,000 small files fast); the rest wait in a
//! FIFO queue. Chunk digests (`Job::runs_beside`) skip the queue and run beside anything, up to
//! `BESIDE_PER_WORKER` per worker. A worker that crashes (panic, out of memory) is replaced
//! and only its own job fails; a worker script that cannot start fails the queued jobs.
use futures::channel::oneshot;
use shoebox_core::facts::FileFacts;
use shoebox_core::failure::WorkerFault;
use shoebox_core::takeout::archive::ZipEntry;
use shoebox_core::worker_protocol::{Job, PrepareOutcome, Reply, BESIDE_PER_WORKER};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, ErrorEvent, File, MessageEvent, Url, Worker, WorkerOptions, WorkerType};

/// What Prepare gave, and the new bytes when there are some (`outcome` is `Prepared`).
pub struct PrepareResult {
    pub outcome: PrepareOutcome,
    pub blob: Option<Blob>,
}

/// Which script a worker runs.
#[derive(Clone, Debug)]
pub enum WorkerSource {
    /// Trunk's no-modules worker build: `{base}worker.js` defines `wasm_bindgen`, which loads
    /// `{base}worker_bg.wasm` and runs `worker/src/main.rs`.
    TrunkBin { base: String },
    /// A module worker importing the page's own wasm-bindgen module and calling its exported
    /// `shoeboxWorkerMain` (used by the wasm-bindgen-test browser tests).
    ThisModule,
}

/// Consecutive start-up failures after which the pool stops respawning and fails queued jobs.
const MAX_START_FAILURES: u32 = 3;

type Answer = Result<(Reply, JsValue), WorkerFault>;

struct Task {
    id: u32,
    job: String,
    blob: Blob,
    /// An inspect job: shares its worker with other light jobs.
    light: bool,
    /// A chunk digest: goes first, beside anything (`Job::runs_beside`).
    beside: bool,
    tx: oneshot::Sender<Answer>,
}

/// Inspect jobs one worker runs at once.
const MAX_LIGHT_PER_WORKER: usize = 64;

struct Slot {
    worker: Worker,
    ready: bool,
    running: Vec<Task>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

struct Inner {
    slots: Vec<Option<Slot>>,
    queue: VecDeque<Task>,
    next_id: u32,
    source: WorkerSource,
    start_failures: u32,
}

pub struct WorkerPool {
    inner: Rc<RefCell<Inner>>,
}

impl WorkerPool {
    /// navigator.hardwareConcurrency minus one core left for the page, at least 1.
    pub fn default_size() -> usize {
        let cores = web_sys::window().map(|w| w.navigator().hardware_concurrency()).unwrap_or(2.0);
        (cores as usize).saturating_sub(1).max(1)
    }

    pub fn new(size: usize) -> Self {
        let base = web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
        let base = Url::new_with_base("./", &base).map(|u| u.href()).unwrap_or(base);
        Self::build(size, WorkerSource::TrunkBin { base }, true)
    }

    /// A pool whose workers start at once (tests, and pools made after the page is up).
    pub fn with_source(size: usize, source: WorkerSource) -> Self {
        Self::build(size, source, false)
    }

    /// The app's pool starts its workers after the page's first paint (jobs queue until then):
    /// fetching and compiling over a megabyte of worker wasm on two cores would otherwise delay
    /// the page itself.
    fn build(size: usize, source: WorkerSource, after_paint: bool) -> Self {
        let slots = (0..size.max(1)).map(|_| None).collect();
        let inner = Rc::new(RefCell::new(Inner { slots, queue: VecDeque::new(), next_id: 1, source, start_failures: 0 }));
        let weak = Rc::downgrade(&inner);
        let start = move || {
            let Some(inner) = weak.upgrade() else { return };
            let n = inner.borrow().slots.len();
            for i in 0..n {
                let slot = spawn(&inner, i);
                inner.borrow_mut().slots[i] = slot;
            }
            dispatch(&inner);
        };
        if after_paint {
            super::first_paint::after_first_paint(start);
        } else {
            start();
        }
        WorkerPool { inner }
    }

    pub fn size(&self) -> usize {
        self.inner.borrow().slots.len()
    }

    pub async fn inspect(&self, file: File) -> Result<FileFacts, WorkerFault> {
        match self.run(Job::Inspect { name: file.name() }, file.into()).await? {
            (Reply::Inspected(facts), _) => Ok(facts),
            (other, _) => Err(unexpected(other)),
        }
    }

    /// SHA-256 of `blob`; with `pieces` (the file's id) the worker also keeps the CRC-32C of its
    /// pieces for that file's chunk checksums ([`WorkerPool::digest`] with `of`).
    pub async fn hash(&self, blob: Blob, pieces: Option<u64>) -> Result<String, WorkerFault> {
        match self.run(Job::Hash { pieces }, blob).await? {
            (Reply::Hashed(sha256), _) => Ok(sha256),
            (other, _) => Err(unexpected(other)),
        }
    }

    /// A chunk's checksum digest (raw bytes) with exactly the algorithm the engine asked for;
    /// `of` says which file's bytes from where the chunk is, when it is an original's.
    pub async fn digest(
        &self,
        blob: Blob,
        algo: shoebox_core::tus::ChecksumAlgo,
        of: Option<shoebox_core::worker_protocol::ChunkOf>,
    ) -> Result<Vec<u8>, WorkerFault> {
        match self.run(Job::Digest { algo, of }, blob).await? {
            (Reply::Digested(hex), _) => shoebox_core::hash::unhex(&hex).ok_or(WorkerFault::MalformedDigest),
            (other, _) => Err(unexpected(other)),
        }
    }

    pub async fn prepare(&self, file: File, max_pixels: Option<u64>, quality: u8, strip_location: bool) -> PrepareResult {
        let failed = |fault: WorkerFault| PrepareResult { outcome: PrepareOutcome::Failed { why: fault.into() }, blob: None };
        match self.run(Job::Prepare { max_pixels, quality, strip_location }, file.into()).await {
            Ok((Reply::Prepared { size, sha256, mime }, buf)) => {
                let opts = BlobPropertyBag::new();
                opts.set_type(&mime);
                match Blob::new_with_buffer_source_sequence_and_options(&js_sys::Array::of1(&buf), &opts) {
                    Ok(blob) => PrepareResult { outcome: PrepareOutcome::Prepared { size, sha256, mime }, blob: Some(blob) },
                    Err(_) => failed(WorkerFault::NoBlob),
                }
            }
            Ok((Reply::KeptOriginal(reason), _)) => PrepareResult { outcome: PrepareOutcome::KeepOriginal { reason }, blob: None },
            Ok((other, _)) => failed(unexpected(other)),
            Err(e) => failed(e),
        }
    }

    /// The library's thumbnail of a photo (a JPEG blob of `width` x `height`, upright).
    pub async fn thumbnail(&self, blob: Blob, width: u32, height: u32) -> Result<Blob, WorkerFault> {
        match self.run(Job::Thumbnail { width, height }, blob).await? {
            (Reply::Thumbnail(_), buf) => {
                let opts = BlobPropertyBag::new();
                opts.set_type("image/jpeg");
                Blob::new_with_buffer_source_sequence_and_options(&js_sys::Array::of1(&buf), &opts).map_err(|_| WorkerFault::NoBlob)
            }
            (other, _) => Err(unexpected(other)),
        }
    }

    /// A deflated archive entry inflated in a worker (its compressed bytes start at `start` of
    /// `archive`): a Blob of its bytes, or why they are not the entry's (size, CRC-32).
    pub async fn inflate(&self, archive: Blob, start: u64, entry: &ZipEntry) -> Result<Blob, WorkerFault> {
        let job = Job::Inflate { start, compressed_size: entry.compressed_size, size: entry.size, crc32: entry.crc32 };
        match self.run(job, archive).await? {
            (Reply::Inflated(_), blob) => blob.dyn_into().map_err(|_| WorkerFault::NoBlob),
            (other, _) => Err(unexpected(other)),
        }
    }

    /// Make a worker panic (tests of crash recovery): resolves with the crash error.
    pub async fn crash_one_for_test(&self) -> Result<(), WorkerFault> {
        self.run(Job::Crash, Blob::new().map_err(|_| WorkerFault::NoBlob)?).await.map(|_| ())
    }

    /// Queue one job and wait for its answer.
    async fn run(&self, job: Job, blob: Blob) -> Answer {
        let (tx, rx) = oneshot::channel();
        {
            let mut inner = self.inner.borrow_mut();
            if inner.start_failures >= MAX_START_FAILURES {
                return Err(WorkerFault::NotStarted { detail: String::new() });
            }
            let id = inner.next_id;
            inner.next_id += 1;
            // Light jobs share a worker (the engine bounds how many: SMALL_HASHES_PER_WORKER).
            let light = job.is_light(blob.size() as u64);
            let beside = job.runs_beside();
            inner.queue.push_back(Task { id, job: serde_json::to_string(&job).unwrap_or_default(), blob, light, beside, tx });
        }
        dispatch(&self.inner);
        rx.await.unwrap_or(Err(WorkerFault::Dropped))
    }
}

impl Drop for WorkerPool {
    fn drop(&mut self) {
        for slot in self.inner.borrow_mut().slots.drain(..).flatten() {
            slot.worker.terminate();
        }
    }
}

fn unexpected(r: Reply) -> WorkerFault {
    match r {
        Reply::Failed(fault) => fault.into(),
        _ => WorkerFault::UnexpectedReply,
    }
}

/// Give queued tasks to idle, ready workers.
fn dispatch(inner: &Rc<RefCell<Inner>>) {
    let mut inner = inner.borrow_mut();
    let Inner { slots, queue, .. } = &mut *inner;
    // Chunk digests first, beside whatever a worker runs (a PATCH waits for each).
    while let Some(at) = queue.iter().position(|t| t.beside) {
        let beside = |slot: &Slot| slot.running.iter().filter(|t| t.beside).count();
        let free = slots.iter_mut().flatten().filter(|s| s.ready && beside(s) < BESIDE_PER_WORKER);
        let Some(slot) = free.min_by_key(|s| (beside(s), s.running.len())) else { break };
        let task = queue.remove(at).expect("found");
        post(slot, task);
    }
    // Then strict FIFO: the head waits for a worker that can take it, so heavy jobs are not
    // starved. Digests running beside do not count.
    while let Some(head) = queue.front() {
        let accepts = |slot: &Slot| {
            let others = || slot.running.iter().filter(|t| !t.beside);
            slot.ready
                && if head.light { others().count() < MAX_LIGHT_PER_WORKER && others().all(|t| t.light) } else { others().next().is_none() }
        };
        // Prefer the least busy worker.
        let Some(slot) = slots.iter_mut().flatten().filter(|s| accepts(s)).min_by_key(|s| s.running.len()) else { break };
        let task = queue.pop_front().expect("peeked");
        post(slot, task);
    }
}

fn post(slot: &mut Slot, task: Task) {
    let msg = js_sys::Array::of3(&task.id.into(), &task.job.clone().into(), &task.blob);
    match slot.worker.post_message(&msg) {
        Ok(()) => slot.running.push(task),
        Err(e) => {
            let _ = task.tx.send(Err(WorkerFault::NotSent { detail: format!("{e:?}") }));
        }
    }
}

fn spawn(inner: &Rc<RefCell<Inner>>, index: usize) -> Option<Slot> {
    let source = inner.borrow().source.clone();
    let worker = match new_worker(&source) {
        Ok(w) => w,
        Err(e) => {
            web_sys::console::error_2(&"worker pool: cannot create worker".into(), &e);
            inner.borrow_mut().start_failures = MAX_START_FAILURES;
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
        if ready {
            guard.start_failures = 0;
        }
        let Some(Some(slot)) = guard.slots.get_mut(index) else { return };
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
/// replace it, and carry on. Repeated failures before any worker got ready stop the respawning.
fn on_crash(weak: &Weak<RefCell<Inner>>, index: usize, message: String) {
    let Some(inner) = weak.upgrade() else { return };
    let (old, never_ready) = {
        let mut guard = inner.borrow_mut();
        let old = guard.slots.get_mut(index).and_then(Option::take);
        let never_ready = old.as_ref().is_some_and(|s| !s.ready);
        if never_ready {
            guard.start_failures += 1;
        }
        (old, never_ready)
    };
    if let Some(mut slot) = old {
        slot.worker.terminate();
        for task in slot.running.drain(..) {
            let _ = task.tx.send(Err(WorkerFault::Crashed { detail: message.clone() }));
        }
    }
    let give_up = inner.borrow().start_failures >= MAX_START_FAILURES;
    if give_up {
        let queued: Vec<Task> = inner.borrow_mut().queue.drain(..).collect();
        for t in queued {
            let _ = t.tx.send(Err(WorkerFault::NotStarted { detail: message.clone() }));
        }
        if never_ready {
            return;
        }
    }
    let slot = spawn(&inner, index);
    if let Some(s) = inner.borrow_mut().slots.get_mut(index) {
        *s = slot;
    }
    dispatch(&inner);
}

#[wasm_bindgen]
extern "C" {
    /// URL of this wasm-bindgen module's JS shim (ES module builds only).
    #[wasm_bindgen(thread_local_v2, js_namespace = ["import", "meta"], js_name = url)]
    static MODULE_URL: String;
}

fn new_worker(source: &WorkerSource) -> Result<Worker, JsValue> {
    let (script, module) = match source {
        WorkerSource::TrunkBin { base } => {
            (format!("importScripts({0:?} + 'worker.js'); wasm_bindgen({0:?} + 'worker_bg.wasm');", base), false)
        }
        WorkerSource::ThisModule => {
            let url = MODULE_URL.with(|u| u.clone());
            // wasm-bindgen names the binary `<shim>_bg.wasm`; pass it explicitly because some
            // shims (the test runner's) have no default location.
            let wasm = format!("{}_bg.wasm", url.strip_suffix(".js").unwrap_or(&url));
            (format!("const m = await import({url:?}); await m.default({{ module_or_path: {wasm:?} }}); m.shoeboxWorkerMain();"), true)
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
