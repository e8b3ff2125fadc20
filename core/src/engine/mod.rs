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
//! 2. `walk_started(now)`, then `add_files(entries, now)` as the walk finds files, then
//!    `walk_ended(now)`. While a walk runs the status is `Looking` and inspections wait
//!    (listing and reading compete for the same browser round trips). More folders may come
//!    at any time: into the plan before Back up, into the running backup after it (no second
//!    press), or, after a finished backup, into a new batch with its own plan and figures.
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
//!    `status()` is `Complete`. `start_when_planned(now)` ("Continue" after a reload) presses
//!    Back up by itself as soon as the walk ends and the plan is ready.
//!
//! The first actions are `GET {api}/api/v1/config` and `OPTIONS {endpoint}`; with
//! `LimitsChoice::Server` decisions wait for the config (a 401 gives `SignInNeeded`; any other
//! failure of a reachable endpoint means a plain tus server: seed limits, no dedup API; an
//! endpoint that cannot be reached at all is "Waiting for connection", asked again later).
//!
//! Costs: every input is O(log n) in the number of files (queues, heaps and counters, no scans),
//! except user actions that name many files (`set_excluded`, `retry_failed`, settings changes
//! that re-judge the plan), which are linear in what they touch.
//!
//! Checksums: the engine never sees file bytes. When the server advertises the checksum
//! extension with an algorithm the driver can compute (`set_checksum_support`; sha256, else
//! sha1, md5 only when nothing else is offered), each PATCH's `Body::Slice` carries
//! `checksum: Some(algo)` and the driver digests that slice with exactly that algorithm and
//! adds `Upload-Checksum`. Offered nothing it can compute, the engine sends no checksum.
//!
//! Prepared photos: after `handle_prepared(Prepared{..})` the driver keeps the blob; bodies with
//! `Source::Prepared` slice it; `Action::DropPrepared` says when it may be released.

mod account;
mod album_names;
mod answers;
mod archives;
mod chunks;
mod dedup;
mod eta;
mod file;
mod folders;
mod http;
mod intents;
mod kiosk_signal;
mod parts;
mod plan;
mod protocol;
mod requests;
mod resume;
mod retry;
mod scheduler;
mod server;
mod status;
mod stream;
mod sync;
mod takeout;
mod takeout_carry;
mod tally;
mod thumbs;
mod transfer;
mod types;
mod view;

pub use album_names::{album_value, folder_album, planned_albums, FOLDER_SEPARATOR};
pub use chunks::CHUNK_GROW_BELOW_MS;
pub use eta::SpeedMeter;
pub use folders::{covers, folder_of};
pub use http::*;
pub use protocol::{origin_of, resolve_url, ServerCaps};
pub use resume::{Fingerprint, ResumeRecord};
pub use retry::{backoff_delay_ms, Rng};
pub use stream::STREAM_HASH_BYTES;
pub use takeout::{TakeoutNote, TakeoutView, MAX_TAKEOUT_READS, TAKEOUT_READ_MAX};
pub use takeout_carry::{Waiting, MAX_WAITING};
pub use thumbs::{thumb_size, THUMB_LONG_SIDE};
pub use transfer::{next_step, NextStep};
pub use types::*;
pub use view::*;

use crate::facts::FileFacts;
use file::FileState;
use parts::{InFlight, Outbox, Queues, RunState, Speed, Timers};
use std::collections::{BTreeMap, HashMap};

/// How many `Inspect` actions may be outstanding at once. Inspection is bound by the browser's
/// file-read latency, not by CPU, so many may wait at once (each holds at most `INSPECT_BYTES`
/// briefly). The plan no longer waits for them, so this is tuned for a smooth page rather than
/// the last file/s: 256 in flight made bursts of answers handled in one long main-thread task.
pub const MAX_INSPECTING: usize = 64;

/// The upload engine. See the module documentation for the call order.
pub struct Engine {
    settings: EngineSettings,
    files: HashMap<FileId, FileState>,
    q: Queues,
    inflight: InFlight,
    timers: Timers,
    out: Outbox,
    server: server::ServerState,
    run: RunState,
    tally: tally::Tallies,
    folders: folders::Folders,
    seen: sync::Seen,
    resume: resume::ResumeIndex,
    /// Records of other destinations or accounts, kept for when the settings switch to them.
    resume_elsewhere: Vec<ResumeRecord>,
    speed: Speed,
    takeout: takeout::TakeoutState,
    /// What export batches leave for later ones (kept across batches, unlike `takeout`).
    takeout_carry: takeout_carry::Carry,
    rng: Rng,
    /// Workers the driver has for Hash and Prepare.
    hash_workers: usize,
    prepare_workers: usize,
    /// Checksum algorithms the driver can compute.
    checksums: Vec<ChecksumAlgo>,
    /// The latest `now` given (countdowns are computed from it).
    now: u64,
}

impl Engine {
    pub fn new(settings: EngineSettings) -> Engine {
        let rng = Rng::new(settings.jitter_seed);
        Engine {
            settings: settings.normalized(),
            files: HashMap::new(),
            q: Queues::default(),
            inflight: InFlight::default(),
            timers: Timers::default(),
            out: Outbox::default(),
            server: server::ServerState::default(),
            run: RunState::default(),
            tally: tally::Tallies::default(),
            folders: folders::Folders::default(),
            seen: sync::Seen::default(),
            resume: resume::ResumeIndex::default(),
            resume_elsewhere: Vec::new(),
            speed: Speed::default(),
            takeout: takeout::TakeoutState::default(),
            takeout_carry: takeout_carry::Carry::default(),
            rng,
            hash_workers: 1,
            prepare_workers: 1,
            checksums: vec![ChecksumAlgo::Crc32c, ChecksumAlgo::Sha256, ChecksumAlgo::Sha1],
            now: 0,
        }
    }

    pub fn settings(&self) -> &EngineSettings {
        &self.settings
    }

    /// Replace the settings. A new endpoint, API base or token asks for the config and OPTIONS
    /// again (and clears "Sign-in needed"); new limits, quality or location settings re-judge
    /// files that have not started; the rest applies to what happens next.
    pub fn set_settings(&mut self, settings: EngineSettings, now: u64) {
        self.apply_settings(settings.normalized(), now);
        self.pump(now);
    }

    /// How many workers the driver has for Hash and Prepare (at least 1 each).
    pub fn set_workers(&mut self, hash: usize, prepare: usize) {
        self.hash_workers = hash.max(1);
        self.prepare_workers = prepare.max(1);
    }

    /// The checksum algorithms the driver's hash port can compute for a chunk (default: crc32c,
    /// sha256 and sha1). Of those the server offers, the first in `ChecksumAlgo::ALL` is used
    /// (crc32c, sha256, sha1, md5); none in common: no checksum.
    pub fn set_checksum_support(&mut self, algos: &[ChecksumAlgo]) {
        self.checksums = algos.to_vec();
    }

    /// The browser's online state. Offline pauses every transfer without spending attempts
    /// ("Waiting for connection"); back online it continues at once.
    pub fn set_online(&mut self, online: bool, now: u64) {
        self.set_network(online, self.run.metered, now);
    }

    /// Metered (cellular) connection; with `wifi_only` this pauses transfers ("Waiting for Wi-Fi").
    pub fn set_metered(&mut self, metered: bool, now: u64) {
        self.set_network(self.run.online, metered, now);
    }

    /// Records from the resume store (call before `add_files`). Records of other endpoints are
    /// kept aside and ignored.
    pub fn load_resume_records(&mut self, records: Vec<ResumeRecord>) {
        let scope = self.record_scope();
        for r in records {
            if r.endpoint == scope {
                self.resume.insert(r);
            } else {
                self.resume_elsewhere.push(r);
            }
        }
        self.out.events.push_back(Event::StatusChanged);
    }

    /// A walk of chosen folders begins (any may run at once); after a finished backup it begins a new batch ("Looking" at once).
    pub fn walk_started(&mut self, now: u64) {
        self.begin_batch_if_finished();
        self.run.walks += 1;
        self.out.dirty = true;
        self.pump(now);
    }

    /// A walk ended: inspections held back while walks ran may start.
    pub fn walk_ended(&mut self, now: u64) {
        self.run.walks = self.run.walks.saturating_sub(1);
        self.end_listing_when_walked();
        self.takeout_walked(now);
        self.out.dirty = true;
        self.pump(now);
    }

    /// Files found by the walk. Ids must be new. Each will be inspected.
    pub fn add_files(&mut self, files: Vec<FileEntry>, now: u64) {
        self.add_files_inner(files, true, now);
        self.pump(now);
    }

    /// Exclude (or include again) files from the backup. Only files that have not started (no
    /// hash yet) change; others are left as they are.
    pub fn set_excluded(&mut self, ids: &[FileId], excluded: bool, now: u64) {
        for &id in ids {
            self.set_excluded_one(id, excluded);
        }
        self.pump(now);
    }

    /// The plan's check box of `folder` ("" for loose files): it covers its sub-folders and
    /// their files (`covers`). Linear in the number of files.
    pub fn set_folder_included(&mut self, folder: &str, included: bool, now: u64) {
        self.set_folder_included_inner(folder, included);
        self.pump(now);
    }

    /// The user pressed "Back up": hash, check, prepare and upload every included file.
    pub fn start(&mut self, now: u64) {
        self.start_inner(now);
        self.pump(now);
    }

    /// Press Back up by itself once the walks end and the plan is ready.
    pub fn start_when_planned(&mut self, now: u64) {
        self.run.auto_start = true;
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
    /// its resume record. Outcome `Failed(FailReason::Cancelled)`.
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
        let ids: Vec<FileId> = self.q.failed.iter().copied().collect();
        for id in ids {
            self.retry_file_inner(id, now);
        }
        self.pump(now);
    }

    /// Answer to `Action::Inspect`. `Err` (the file could not be read) fails the file.
    pub fn handle_inspected(&mut self, id: FileId, facts: Result<FileFacts, crate::failure::FailReason>, now: u64) {
        self.on_inspected(id, facts, now);
        self.pump(now);
    }

    /// Answer to `Action::Hash`: lower-case hex SHA-256 of the original, or why it failed.
    pub fn handle_hashed(&mut self, id: FileId, sha256: Result<String, crate::failure::FailReason>, now: u64) {
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
        self.out.actions.pop_front()
    }

    /// When to call `handle_timeout` next (ms, the driver's clock), if at all. While a retry
    /// countdown or the ETA is on screen this is at most a second away.
    pub fn poll_timeout(&self) -> Option<u64> {
        self.timers.next()
    }

    /// Next UI event (coalesced).
    pub fn poll_event(&mut self) -> Option<Event> {
        self.out.pop_event()
    }

    /// The status card.
    pub fn status(&self) -> Status {
        self.compute_status()
    }

    /// Counts, bytes, speed and ETA of the current batch.
    pub fn totals(&self) -> Totals {
        self.compute_totals()
    }

    /// The page's figures over every batch.
    pub fn page_totals(&self) -> PageTotals {
        self.compute_page_totals()
    }

    /// The current batch's folders with their counts and check boxes.
    pub fn folders(&self) -> &BTreeMap<String, FolderStat> {
        self.folders.map()
    }

    /// One file, as the UI shows it. `None` for an unknown id.
    pub fn file_view(&self, id: FileId) -> Option<FileView> {
        self.files.get(&id).map(|f| f.view(self.now))
    }
}
