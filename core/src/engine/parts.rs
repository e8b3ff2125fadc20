//! The engine's typed parts, each with its own small methods (in the manner of quinn-proto's
//! connection state): the work queues, the requests in flight, the timers and the outbox of
//! actions and events. The engine's logic composes them; none of them decides anything.
use super::eta::SpeedMeter;
use super::types::{FileId, RequestId};
use super::view::{Action, Event, Status};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet, VecDeque};

/// Work queues of the local pipeline and the upload slots. Queues hold ids; an id popped
/// whose stage no longer matches (paused, cancelled, excluded) is dropped, so queues need no
/// removal.
#[derive(Debug, Default)]
pub(crate) struct Queues {
    pub inspect: VecDeque<FileId>,
    pub hash: VecDeque<FileId>,
    pub check: VecDeque<FileId>,
    pub prepare: VecDeque<FileId>,
    pub upload: VecDeque<FileId>,
    /// Inspected files waiting for limits (LimitsChoice::Server before the config answered).
    pub undecided: Vec<FileId>,
    /// Uploaded files whose thumbnail waits for the workers to be free (`thumbs.rs`).
    pub thumbs: VecDeque<FileId>,
    /// Thumbnails asked and not yet answered (`Engine::handle_thumbnail_done`).
    pub thumbs_inflight: usize,
    /// Files holding an upload slot (at most `parallel_uploads`, or 3x that many small files).
    pub active: Vec<FileId>,
    /// Failed files, for `retry_failed`.
    pub failed: HashSet<FileId>,
}

/// What one request in flight is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ReqKind {
    Config,
    Options,
    Check(Vec<FileId>),
    Create(FileId),
    Head(FileId),
    Patch(FileId),
    Delete,
    /// A Takeout fill (`takeout.rs`): its answer changes nothing.
    Fill,
    /// The fill of a photo an earlier batch backed up (`takeout_carry.rs`): on its answer the
    /// photo and its sidecar (these paths) stop waiting.
    CarryFill(Vec<String>),
}

#[derive(Clone, Debug)]
pub(crate) struct Req {
    pub kind: ReqKind,
    pub url: String,
    /// Body slice (0..0 when none).
    pub start: u64,
    pub end: u64,
    pub sent: u64,
    /// When it was sent (how long a chunk took decides whether chunks grow).
    pub started: u64,
    pub last_progress: u64,
    pub checksummed: bool,
}

impl Req {
    pub fn body_len(&self) -> u64 {
        self.end - self.start
    }
}

/// Requests in flight and the body bytes they hold (bounded by `max_bytes_in_flight`).
#[derive(Debug)]
pub(crate) struct InFlight {
    reqs: HashMap<RequestId, Req>,
    next: u64,
    pub bytes: u64,
}

impl Default for InFlight {
    fn default() -> Self {
        InFlight { reqs: HashMap::new(), next: 1, bytes: 0 }
    }
}

impl InFlight {
    pub fn insert(&mut self, r: Req) -> RequestId {
        let id = RequestId(self.next);
        self.next += 1;
        self.bytes += r.body_len();
        self.reqs.insert(id, r);
        id
    }
    /// Forget a request (answered or aborted), returning what it was.
    pub fn finish(&mut self, id: RequestId) -> Option<Req> {
        let r = self.reqs.remove(&id)?;
        self.bytes -= r.body_len();
        Some(r)
    }
    pub fn get(&self, id: RequestId) -> Option<&Req> {
        self.reqs.get(&id)
    }
    pub fn get_mut(&mut self, id: RequestId) -> Option<&mut Req> {
        self.reqs.get_mut(&id)
    }
    /// The handshake requests out (config, OPTIONS).
    pub fn handshake(&self) -> Vec<RequestId> {
        self.reqs.iter().filter(|(_, r)| matches!(r.kind, ReqKind::Config | ReqKind::Options)).map(|(k, _)| *k).collect()
    }

    /// The media/check requests out (at most one).
    pub fn checks(&self) -> Vec<RequestId> {
        self.reqs.iter().filter(|(_, r)| matches!(r.kind, ReqKind::Check(_))).map(|(k, _)| *k).collect()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Timer {
    Stall(RequestId),
    Retry(FileId),
    /// Ask the config/OPTIONS again (offline, or the server could not be reached).
    Server,
    /// A countdown or the ETA on screen changes: wake the driver so it republishes.
    Tick,
}

/// One heap of deadlines; stale entries are checked against the state when they fire.
#[derive(Debug, Default)]
pub(crate) struct Timers {
    heap: BinaryHeap<Reverse<(u64, Timer)>>,
    /// The pending Tick, so at most one is queued.
    tick_at: Option<u64>,
}

impl Timers {
    pub fn set(&mut self, at: u64, t: Timer) {
        self.heap.push(Reverse((at, t)));
    }
    pub fn next(&self) -> Option<u64> {
        self.heap.peek().map(|Reverse((t, _))| *t)
    }
    /// The earliest timer due at `now`, removed.
    pub fn pop_due(&mut self, now: u64) -> Option<Timer> {
        let Reverse((at, t)) = *self.heap.peek()?;
        if at > now {
            return None;
        }
        self.heap.pop();
        if t == Timer::Tick {
            self.tick_at = None;
        }
        Some(t)
    }
    /// Ask for a Tick at `at` unless one is due sooner.
    pub fn tick(&mut self, at: u64) {
        if self.tick_at.is_some_and(|t| t <= at) {
            return;
        }
        self.tick_at = Some(at);
        self.set(at, Timer::Tick);
    }
}

/// What the driver pulls: actions to perform and coalesced UI events.
#[derive(Debug, Default)]
pub(crate) struct Outbox {
    pub actions: VecDeque<Action>,
    pub events: VecDeque<Event>,
    /// Files with a FileChanged event queued (coalescing).
    pub changed: HashSet<FileId>,
    /// Something the totals show changed since the last summary.
    pub dirty: bool,
    pub folders_dirty: bool,
}

impl Outbox {
    pub fn act(&mut self, a: Action) {
        self.actions.push_back(a);
    }
    pub fn file_changed(&mut self, id: FileId) {
        if self.changed.insert(id) {
            self.events.push_back(Event::FileChanged { id });
        }
    }
    pub fn pop_event(&mut self) -> Option<Event> {
        let e = self.events.pop_front()?;
        if let Event::FileChanged { id } = e {
            self.changed.remove(&id);
        }
        Some(e)
    }
}

/// Where the backup as a whole stands: the user's presses, the network, the walks.
#[derive(Debug)]
pub(crate) struct RunState {
    /// Back up was pressed for the current batch.
    pub started: bool,
    pub paused_all: bool,
    /// Press Back up by itself once the plan is ready ("Continue" after a reload).
    pub auto_start: bool,
    /// Walks running now.
    pub walks: u32,
    pub online: bool,
    pub metered: bool,
    /// On mains power (or the browser cannot tell: then the setting is unavailable).
    pub charging: bool,
    /// Back up & sync is on, and how many backup folders there are.
    pub sync: bool,
    pub backup_folders: usize,
    pub last_status: Option<Status>,
}

/// Upload speed and the time left, as last computed.
#[derive(Debug, Default)]
pub(crate) struct Speed {
    pub meter: SpeedMeter,
    pub eta: Option<u64>,
    pub bps: u64,
}

impl Default for RunState {
    fn default() -> Self {
        RunState {
            started: false,
            paused_all: false,
            auto_start: false,
            walks: 0,
            online: true,
            metered: false,
            charging: true,
            sync: false,
            backup_folders: 0,
            last_status: None,
        }
    }
}
