//! The upload engine: a deterministic state machine (no I/O, no clock, no async) that takes
//! chosen files to an outcome each — uploaded, already backed up, skipped or failed.
//!
//! Modelled on quinn-proto: inputs arrive through `handle_*` methods with the current time
//! `now` (ms, any monotonic origin the driver likes, the same for every call); outputs are
//! pulled with `poll_action`, `poll_timeout` and `poll_event`. The driver performs actions
//! with its adapters (browser: XHR, Blob slices, workers, IndexedDB; native tests: scripted or
//! real HTTP) and feeds results back.
//!
//! # Call order (the driver's loop)
//!
//! 1. `Engine::new(settings)`; optionally `set_workers(hash, prepare)`, `set_online`,
//!    `set_metered`, and `load_resume_records(records from the store)`. With records and no
//!    files, `status()` is `ContinueBackup`.
//! 2. `add_files(entries, now)` as the walk finds files (any number of batches, more folders later).
//! 3. After **every** call that takes `now` (any `handle_*`, `add_files`, `start`, `pause_*`,
//!    `set_*`...), drain:
//!    - `while let Some(a) = engine.poll_action() { perform(a) }` — actions never block the
//!      engine; answers come back later through `handle_*`.
//!    - `while let Some(e) = engine.poll_event() { update the UI store }`; read `status()`,
//!      `totals()` and `file_view(id)` as the events say.
//!    - `engine.poll_timeout()`: the earliest time (ms) at which `handle_timeout(now)` must be
//!      called (re-arm a single timer; `None` means no timer). Calling it early is harmless.
//! 4. Answers: `handle_inspected`, `handle_hashed`, `handle_prepared` for the matching actions;
//!    `handle_progress(req, bytes_sent_so_far)` while a request body uploads (XHR
//!    `upload.onprogress`); `handle_response(req, Ok(resp) | Err(NetError))` once per request.
//!    Answers for requests the engine aborted are ignored.
//! 5. Each file is judged from its name and size as soon as it is added (system and empty
//!    files for good; the rest provisionally, by extension) and judged again from its content
//!    when `Inspect` answers; `totals().inspected` counts the files judged from content. So
//!    the plan is ready as soon as the walk ends, and a 100,000-file plan does not wait for a
//!    minute of content reads. Nothing is hashed or uploaded before its inspection.
//!    The plan view is shown once `status()` is `ReadyToBackUp`; the user presses Back up →
//!    `start(now)`. Hashing, checking, preparing and uploading then run by themselves until
//!    `status()` is `Complete`. Adding files after that returns to the plan.
//!
//! The first actions are `GET {api}/api/v1/config` and `OPTIONS {endpoint}`; with
//! `LimitsChoice::Server` decisions wait for the config (a 401 gives `SignInNeeded`; any other
//! failure means a plain tus server: seed limits, no dedup API).
//!
//! Costs: every input is O(log n) in the number of files (queues, heaps and counters, no scans),
//! except user actions that name many files (`set_excluded`, `retry_failed`, settings changes
//! that re-judge the plan), which are linear in what they touch.
//!
//! Checksums: the engine never sees file bytes. When the server advertises the checksum
//! extension with sha256 (else sha1), each PATCH's `Body::Slice` carries `checksum: Some(algo)`
//! and the driver digests that slice and adds `Upload-Checksum`.
//!
//! Prepared photos: after `handle_prepared(Prepared{..})` the driver keeps the blob; bodies with
//! `Source::Prepared` slice it; `Action::DropPrepared` says when it may be released.
//!
//! Cancelled files end as `Outcome::Failed(CANCELLED.into())` so that "retry" brings them back.

mod dedup;
mod eta;
mod file;
mod intents;
mod plan;
mod protocol;
mod resume;
mod retry;
mod scheduler;
mod status;
mod tally;
mod types;
mod upload;

pub use eta::SpeedMeter;
pub use protocol::{origin_of, resolve_url, ServerCaps};
pub use resume::{Fingerprint, ResumeRecord};
pub use retry::{backoff_delay_ms, Rng};
pub use types::*;

use crate::api::Config;
use crate::facts::FileFacts;
use file::FileState;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet, VecDeque};

/// The reason of a file the user cancelled.
pub const CANCELLED: &str = "cancelled";

/// How many `Inspect` actions may be outstanding at once. Inspection is bound by the browser's
/// file-read latency, not by CPU, so many may wait at once (each holds at most `INSPECT_BYTES`
/// briefly). The plan no longer waits for them, so this is tuned for a smooth page rather than
/// the last file/s: 256 in flight made bursts of answers handled in one long main-thread task.
pub const MAX_INSPECTING: usize = 64;

/// The upload engine. See the module documentation for the call order.
pub struct Engine {
    settings: EngineSettings,
    files: HashMap<FileId, FileState>,
    inspect_q: VecDeque<FileId>,
    hash_q: VecDeque<FileId>,
    check_q: VecDeque<FileId>,
    prepare_q: VecDeque<FileId>,
    upload_q: VecDeque<FileId>,
    /// Files holding an upload slot (at most `parallel_uploads`, plus paused ones released).
    active: Vec<FileId>,
    /// Inspected files waiting for limits (LimitsChoice::Server before the config answered).
    undecided: Vec<FileId>,
    /// Failed files, for `retry_failed`.
    failed: HashSet<FileId>,
    hash_workers: usize,
    prepare_workers: usize,
    requests: HashMap<RequestId, scheduler::Req>,
    next_req: u64,
    bytes_in_flight: u64,
    timers: BinaryHeap<Reverse<(u64, scheduler::Timer)>>,
    actions: VecDeque<Action>,
    events: VecDeque<Event>,
    changed: HashSet<FileId>,
    server: scheduler::ServerState,
    online: bool,
    metered: bool,
    paused_all: bool,
    started: bool,
    tally: tally::Tally,
    resume: resume::ResumeIndex,
    rng: Rng,
    speed: SpeedMeter,
    last_status: Option<Status>,
    /// Something changed that the totals show.
    dirty: bool,
    eta: Option<u64>,
    speed_bps: u64,
}

impl Engine {
    pub fn new(settings: EngineSettings) -> Engine {
        let rng = Rng::new(settings.jitter_seed);
        Engine {
            settings,
            files: HashMap::new(),
            inspect_q: VecDeque::new(),
            hash_q: VecDeque::new(),
            check_q: VecDeque::new(),
            prepare_q: VecDeque::new(),
            upload_q: VecDeque::new(),
            active: Vec::new(),
            undecided: Vec::new(),
            failed: HashSet::new(),
            hash_workers: 1,
            prepare_workers: 1,
            requests: HashMap::new(),
            next_req: 1,
            bytes_in_flight: 0,
            timers: BinaryHeap::new(),
            actions: VecDeque::new(),
            events: VecDeque::new(),
            changed: HashSet::new(),
            server: scheduler::ServerState::default(),
            online: true,
            metered: false,
            paused_all: false,
            started: false,
            tally: tally::Tally::default(),
            resume: resume::ResumeIndex::default(),
            rng,
            speed: SpeedMeter::default(),
            last_status: None,
            dirty: false,
            eta: None,
            speed_bps: 0,
        }
    }

    pub fn settings(&self) -> &EngineSettings {
        &self.settings
    }

    /// Replace the settings. A new endpoint, API base or token asks for the config and OPTIONS
    /// again (and clears "Sign-in needed"); new limits, quality or location settings re-judge
    /// files that have not started; the rest applies to what happens next.
    pub fn set_settings(&mut self, settings: EngineSettings, now: u64) {
        self.apply_settings(settings, now);
        self.pump(now);
    }

    /// How many workers the driver has for Hash and Prepare (at least 1 each).
    pub fn set_workers(&mut self, hash: usize, prepare: usize) {
        self.hash_workers = hash.max(1);
        self.prepare_workers = prepare.max(1);
    }

    /// The browser's online state. Offline pauses every transfer without spending attempts
    /// ("Waiting for connection"); back online it continues at once.
    pub fn set_online(&mut self, online: bool, now: u64) {
        self.set_network(online, self.metered, now);
    }

    /// Metered (cellular) connection; with `wifi_only` this pauses transfers ("Waiting for Wi-Fi").
    pub fn set_metered(&mut self, metered: bool, now: u64) {
        self.set_network(self.online, metered, now);
    }

    /// Records from the resume store (call before `add_files`). Records of other endpoints are
    /// kept aside and ignored.
    pub fn load_resume_records(&mut self, records: Vec<ResumeRecord>) {
        for r in records {
            if r.endpoint == self.settings.endpoint {
                self.resume.insert(r);
            }
        }
        self.events.push_back(Event::StatusChanged);
    }

    /// Files found by the walk. Ids must be new. Each will be inspected.
    pub fn add_files(&mut self, files: Vec<FileEntry>, now: u64) {
        self.add_files_inner(files, now);
        self.pump(now);
    }

    /// Exclude (or include again) files from the backup (the plan view's check boxes). Only
    /// files that have not started (no hash yet) change; others are left as they are.
    pub fn set_excluded(&mut self, ids: &[FileId], excluded: bool, now: u64) {
        for &id in ids {
            self.set_excluded_one(id, excluded);
        }
        self.pump(now);
    }

    /// `set_excluded` for every file whose relative path starts with `prefix` (a folder:
    /// give it with its trailing `/`). Linear in the number of files.
    pub fn set_excluded_prefix(&mut self, prefix: &str, excluded: bool, now: u64) {
        let ids: Vec<FileId> = self.files.iter().filter(|(_, f)| f.entry.relative_path.starts_with(prefix)).map(|(id, _)| *id).collect();
        self.set_excluded(&ids, excluded, now);
    }

    /// The user pressed "Back up": hash, check, prepare and upload every included file.
    pub fn start(&mut self, now: u64) {
        self.start_inner(now);
        self.pump(now);
    }

    /// Pause everything ("Backup is paused"): requests in flight are aborted, nothing new starts.
    pub fn pause_all(&mut self, now: u64) {
        self.pause_all_inner(now);
        self.pump(now);
    }

    /// Resume after `pause_all` (also clears "Sign-in needed" and retries right away).
    pub fn resume_all(&mut self, now: u64) {
        self.resume_all_inner(now);
        self.pump(now);
    }

    /// Pause one file (its request is aborted; it keeps its place and offset).
    pub fn pause_file(&mut self, id: FileId, now: u64) {
        self.pause_file_inner(id, now);
        self.pump(now);
    }

    /// Resume a paused file.
    pub fn resume_file(&mut self, id: FileId, now: u64) {
        self.resume_file_inner(id, now);
        self.pump(now);
    }

    /// Cancel one file: abort, DELETE the upload when the server supports termination, forget
    /// its resume record. Outcome `Failed(CANCELLED)`.
    pub fn cancel_file(&mut self, id: FileId, now: u64) {
        self.cancel_file_inner(id, now);
        self.pump(now);
    }

    /// Retry a failed (or cancelled) file from where it stopped; also resumes a paused one.
    pub fn retry_file(&mut self, id: FileId, now: u64) {
        self.retry_file_inner(id, now);
        self.pump(now);
    }

    /// Retry every failed file.
    pub fn retry_failed(&mut self, now: u64) {
        let ids: Vec<FileId> = self.failed.iter().copied().collect();
        for id in ids {
            self.retry_file_inner(id, now);
        }
        self.pump(now);
    }

    /// Answer to `Action::Inspect`. `Err` (the file could not be read) fails the file.
    pub fn handle_inspected(&mut self, id: FileId, facts: Result<FileFacts, String>, now: u64) {
        self.on_inspected(id, facts, now);
        self.pump(now);
    }

    /// Answer to `Action::Hash`: lower-case hex SHA-256 of the original, or why it failed.
    pub fn handle_hashed(&mut self, id: FileId, sha256: Result<String, String>, now: u64) {
        self.on_hashed(id, sha256, now);
        self.pump(now);
    }

    /// Answer to `Action::Prepare`.
    pub fn handle_prepared(&mut self, id: FileId, outcome: PrepareOutcome, now: u64) {
        self.on_prepared(id, outcome, now);
        self.pump(now);
    }

    /// Answer to `Action::Http`, exactly once per request (unless the engine aborted it).
    pub fn handle_response(&mut self, req: RequestId, result: Result<HttpResponse, NetError>, now: u64) {
        self.on_response(req, result, now);
        self.pump(now);
    }

    /// Upload progress of a request body: `bytes_sent` so far for this request (cumulative).
    pub fn handle_progress(&mut self, req: RequestId, bytes_sent: u64, now: u64) {
        self.on_progress(req, bytes_sent, now);
        self.pump(now);
    }

    /// The time from `poll_timeout` has come (or passed).
    pub fn handle_timeout(&mut self, now: u64) {
        self.on_timeout(now);
        self.pump(now);
    }

    /// Next thing the driver must do.
    pub fn poll_action(&mut self) -> Option<Action> {
        self.actions.pop_front()
    }

    /// When to call `handle_timeout` next (ms, the driver's clock), if at all.
    pub fn poll_timeout(&self) -> Option<u64> {
        self.timers.peek().map(|Reverse((t, _))| *t)
    }

    /// Next UI event (coalesced).
    pub fn poll_event(&mut self) -> Option<Event> {
        let e = self.events.pop_front()?;
        if let Event::FileChanged { id } = e {
            self.changed.remove(&id);
        }
        Some(e)
    }

    /// The status card.
    pub fn status(&self) -> Status {
        self.compute_status()
    }

    /// Counts, bytes, speed and ETA.
    pub fn totals(&self) -> Totals {
        self.compute_totals()
    }

    /// One file, as the UI shows it. `None` for an unknown id.
    pub fn file_view(&self, id: FileId) -> Option<FileView> {
        self.files.get(&id).map(|f| f.view())
    }

    /// The config the server advertised (`None` before it answered, or for a plain tus server).
    pub fn server_config(&self) -> Option<&Config> {
        self.server.config.as_ref()
    }

    /// What OPTIONS said (`None` before it answered).
    pub fn server_caps(&self) -> Option<&ServerCaps> {
        self.server.caps.as_ref()
    }

    /// Sum of request body bytes outstanding now (bounded by `max_bytes_in_flight`).
    pub fn bytes_in_flight(&self) -> u64 {
        self.bytes_in_flight
    }

    /// Unfinished resume records of this endpoint that were loaded ("Continue your backup").
    pub fn resumable_count(&self) -> usize {
        self.resume.len_in_progress()
    }
}
