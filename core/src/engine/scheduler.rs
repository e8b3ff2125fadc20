//! The scheduler: after every input, `pump` starts whatever the limits allow (inspect, hash,
//! check, prepare, upload slots, bytes in flight) and emits the UI events. Also the user
//! intents (start, pause, cancel, retry, exclude, network state) and the local-action answers.
use super::file::{FileState, Stage};
use super::protocol::{base_headers, ServerCaps};
use super::types::*;
use super::Engine;
use crate::api::{Config, CONFIG_PATH};
use crate::facts::{decide, Decision, FileFacts, MediaKind, Outcome, UploadNote};
use std::cmp::Reverse;

/// Progress of a one-off server request (config, OPTIONS).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Fetch {
    #[default]
    NotAsked,
    InFlight,
    Done,
}

#[derive(Debug, Default)]
pub(crate) struct ServerState {
    pub config: Option<Config>,
    pub config_state: Fetch,
    pub caps: Option<ServerCaps>,
    pub options_state: Fetch,
    /// The server answered 401: everything waits for a new token (or `resume_all`).
    pub signin: bool,
    /// A media/check request is out.
    pub checking: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ReqKind {
    Config,
    Options,
    Check(Vec<FileId>),
    Create(FileId),
    Head(FileId),
    Patch(FileId),
    Delete,
}

#[derive(Clone, Debug)]
pub(crate) struct Req {
    pub kind: ReqKind,
    pub url: String,
    /// Body slice (0..0 when none).
    pub start: u64,
    pub end: u64,
    pub sent: u64,
    pub last_progress: u64,
    pub checksummed: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Timer {
    Stall(RequestId),
    Retry(FileId),
    /// Ask the config/OPTIONS again (they failed while offline).
    Server,
}

impl Engine {
    // ---- helpers -------------------------------------------------------------------------

    /// Mutate one file, keeping the tally, the failed set and the change events exact.
    pub(crate) fn with_file<R>(&mut self, id: FileId, f: impl FnOnce(&mut FileState) -> R) -> Option<R> {
        let fs = self.files.get_mut(&id)?;
        self.tally.apply(fs, -1);
        let r = f(fs);
        self.tally.apply(fs, 1);
        if matches!(fs.outcome, Some(Outcome::Failed(_))) {
            self.failed.insert(id);
        } else {
            self.failed.remove(&id);
        }
        if self.changed.insert(id) {
            self.events.push_back(Event::FileChanged { id });
        }
        Some(r)
    }

    pub(crate) fn stage(&self, id: FileId) -> Option<Stage> {
        self.files.get(&id).map(|f| f.stage)
    }

    /// Transfers may run: started, not paused, online, not metered under Wi-Fi only, signed in.
    pub(crate) fn can_transfer(&self) -> bool {
        self.started && !self.paused_all && self.online && !(self.settings.wifi_only && self.metered) && !self.server.signin
    }

    pub(crate) fn limits_ready(&self) -> bool {
        self.settings.limits != crate::limits::LimitsChoice::Server || self.server.config_state == Fetch::Done
    }

    pub(crate) fn new_request(&mut self, kind: ReqKind, request: HttpRequest, now: u64) -> RequestId {
        let req = RequestId(self.next_req);
        self.next_req += 1;
        let (start, end, checksummed) = match &request.body {
            Body::Slice { start, end, checksum, .. } => (*start, *end, checksum.is_some()),
            _ => (0, 0, false),
        };
        self.bytes_in_flight += end - start;
        self.requests.insert(req, Req { kind, url: request.url.clone(), start, end, sent: 0, last_progress: now, checksummed });
        self.timers.push(Reverse((now + self.settings.stall_timeout_ms, Timer::Stall(req))));
        self.actions.push_back(Action::Http { req, request });
        req
    }

    /// Forget a request (answered or aborted), returning what it was.
    pub(crate) fn finish_request(&mut self, req: RequestId) -> Option<Req> {
        let r = self.requests.remove(&req)?;
        self.bytes_in_flight -= r.end - r.start;
        Some(r)
    }

    pub(crate) fn set_timer(&mut self, at: u64, t: Timer) {
        self.timers.push(Reverse((at, t)));
    }

    fn decide_file(&self, f: &FileState) -> Option<Decision> {
        let facts = f.facts.as_ref()?;
        if !self.limits_ready() {
            return None;
        }
        let limits = self.settings.limits.resolve(self.server.config.as_ref().map(|c| &c.limits));
        Some(decide(facts, f.entry.size, &limits, self.settings.quality, self.settings.strip_location))
    }

    /// (Re)judge a file with the current limits and settings: provisionally (from its name and
    /// size) while it waits for inspection, for good once inspected.
    pub(crate) fn judge(&mut self, id: FileId) {
        let Some(f) = self.files.get(&id) else { return };
        let provisional = matches!(f.stage, Stage::InspectQueued | Stage::Inspecting);
        if !(provisional || f.stage == Stage::Planned) || f.facts.is_none() {
            return;
        }
        let d = self.decide_file(f);
        if d.is_none() {
            self.undecided.push(id);
        }
        self.with_file(id, |f| set_verdict(f, d));
        if !provisional && self.started {
            self.enqueue_for_hash(id);
        }
    }

    /// A planned file enters the backup: a local record may settle it (done, or continue an
    /// unfinished upload without hashing again); otherwise it is hashed.
    pub(crate) fn enqueue_for_hash(&mut self, id: FileId) {
        let Some(f) = self.files.get(&id) else { return };
        if f.stage != Stage::Planned || !f.in_backup() || f.outcome.is_some() {
            return;
        }
        let fp = f.fingerprint();
        if self.resume.done_for(&fp).is_some() {
            self.with_file(id, |f| {
                f.stage = Stage::Done;
                f.outcome = Some(Outcome::AlreadyBackedUp);
            });
            return;
        }
        if let Some(sha) = self.resume.progress_for(&fp).and_then(|r| r.fingerprint.sha256.clone()) {
            self.with_file(id, |f| f.sha256 = Some(sha));
            self.after_check(id);
            return;
        }
        self.with_file(id, |f| f.stage = Stage::HashQueued);
        self.hash_q.push_back(id);
    }

    /// Checked (or no check possible): prepare when the decision says so, else queue to upload.
    pub(crate) fn after_check(&mut self, id: FileId) {
        let Some(f) = self.files.get(&id) else { return };
        let needs_prepare = matches!(f.decision, Some(Decision::Prepare { .. })) && !f.prepare_done;
        if needs_prepare {
            self.with_file(id, |f| f.stage = Stage::PrepareQueued);
            self.prepare_q.push_back(id);
        } else {
            self.with_file(id, |f| f.stage = Stage::UploadQueued);
            self.upload_q.push_back(id);
        }
    }

    // ---- inputs: files and local actions -------------------------------------------------

    pub(crate) fn add_files_inner(&mut self, files: Vec<FileEntry>, _now: u64) {
        if self.started && self.tally.finished == self.tally.in_backup && self.tally.undecided == 0 && self.tally.inspected == self.tally.files {
            // The previous backup is complete: new files go to a new plan.
            self.started = false;
        }
        for e in files {
            let id = e.id;
            if self.files.contains_key(&id) {
                continue;
            }
            // Judged here without change events: the driver reads new files' views itself.
            let mut f = FileState::new(e);
            let d = self.decide_file(&f);
            if d.is_none() {
                self.undecided.push(id);
            }
            set_verdict(&mut f, d);
            let queued = f.stage == Stage::InspectQueued;
            self.tally.apply(&f, 1);
            self.files.insert(id, f);
            if queued {
                self.inspect_q.push_back(id);
            } else if self.started {
                self.enqueue_for_hash(id);
            }
        }
        self.dirty = true;
    }

    pub(crate) fn on_inspected(&mut self, id: FileId, facts: Result<FileFacts, String>, _now: u64) {
        if self.stage(id) != Some(Stage::Inspecting) {
            return;
        }
        match facts {
            Ok(facts) => {
                self.with_file(id, |f| {
                    f.facts = Some(facts);
                    f.checked = true;
                    f.stage = Stage::Planned;
                });
                self.judge(id);
            }
            Err(e) => {
                self.with_file(id, |f| {
                    f.stage = Stage::Done;
                    // The provisional verdict no longer holds: the file counts as failed.
                    f.decision = None;
                    f.outcome = Some(Outcome::Failed(e.clone()));
                    f.up.last_error = Some(e);
                });
            }
        }
    }

    pub(crate) fn on_hashed(&mut self, id: FileId, sha: Result<String, String>, now: u64) {
        match self.stage(id) {
            Some(Stage::Hashing) => {}
            Some(Stage::Rehashing) => return self.on_rehashed(id, sha, now),
            _ => return,
        }
        let sha = match sha {
            Ok(s) => s.to_ascii_lowercase(),
            Err(e) => {
                self.fail(id, e);
                return;
            }
        };
        self.with_file(id, |f| f.sha256 = Some(sha));
        let fp = self.files[&id].fingerprint();
        if self.resume.done_for(&fp).is_some() {
            self.finish(id, Outcome::AlreadyBackedUp, now);
            return;
        }
        let dedup = self.server.config.as_ref().is_some_and(|c| c.dedup);
        if dedup && self.resume.progress_for(&fp).is_none() {
            self.with_file(id, |f| f.stage = Stage::CheckQueued);
            self.check_q.push_back(id);
        } else {
            self.after_check(id);
        }
    }

    pub(crate) fn on_prepared(&mut self, id: FileId, outcome: PrepareOutcome, _now: u64) {
        if self.stage(id) != Some(Stage::Preparing) {
            return;
        }
        let downsize = matches!(self.files[&id].decision, Some(Decision::Prepare { max_pixels: Some(_), .. }));
        self.with_file(id, |f| {
            f.prepare_done = true;
            match outcome {
                PrepareOutcome::Prepared { size, sha256, mime } => {
                    f.prepared = Some(super::file::Prepared { size, sha256: sha256.to_ascii_lowercase(), mime });
                    f.note = downsize.then_some(UploadNote::Downsized);
                }
                PrepareOutcome::KeepOriginal { .. } => {
                    f.prepared = None;
                    f.note = Some(UploadNote::KeptOriginal);
                }
            }
            f.stage = Stage::UploadQueued;
        });
        self.upload_q.push_back(id);
    }

    // ---- user intents --------------------------------------------------------------------

    pub(crate) fn start_inner(&mut self, now: u64) {
        if self.started {
            return;
        }
        self.started = true;
        self.paused_all = false;
        self.speed.reset(now);
        let ids: Vec<FileId> = self.files.iter().filter(|(_, f)| f.stage == Stage::Planned).map(|(id, _)| *id).collect();
        let mut ids = ids;
        ids.sort();
        for id in ids {
            self.enqueue_for_hash(id);
        }
        self.dirty = true;
    }

    pub(crate) fn set_excluded_one(&mut self, id: FileId, excluded: bool) {
        let Some(f) = self.files.get(&id) else { return };
        if f.excluded == excluded || !matches!(f.stage, Stage::InspectQueued | Stage::Inspecting | Stage::Planned) {
            return;
        }
        self.with_file(id, |f| f.excluded = excluded);
        if !excluded && self.started {
            self.enqueue_for_hash(id);
        }
    }

    pub(crate) fn pause_all_inner(&mut self, now: u64) {
        if self.paused_all {
            return;
        }
        self.paused_all = true;
        self.abort_transfers(now);
        self.dirty = true;
    }

    pub(crate) fn resume_all_inner(&mut self, now: u64) {
        let was_signin = self.server.signin;
        self.paused_all = false;
        self.server.signin = false;
        if was_signin && self.server.config_state == Fetch::Done && self.server.config.is_none() {
            // The config may have been refused with 401: ask again.
            self.server.config_state = Fetch::NotAsked;
        }
        self.clear_retries();
        self.speed.reset(now);
        self.dirty = true;
    }

    pub(crate) fn set_network(&mut self, online: bool, metered: bool, now: u64) {
        let could = self.can_transfer();
        self.online = online;
        self.metered = metered;
        let can = self.can_transfer();
        if could && !can {
            self.abort_transfers(now);
        } else if !could && can {
            self.clear_retries();
            self.speed.reset(now);
        }
        self.dirty = true;
        self.pump(now);
    }

    pub(crate) fn pause_file_inner(&mut self, id: FileId, now: u64) {
        let Some(f) = self.files.get(&id) else { return };
        if f.outcome.is_some() || f.paused {
            return;
        }
        let active = f.stage == Stage::Active;
        self.abort_file_request(id, now);
        if active {
            self.active.retain(|x| *x != id);
        }
        self.with_file(id, |f| {
            f.paused = true;
            f.up.retry_at = None;
            if active {
                f.stage = Stage::UploadQueued;
            }
        });
    }

    pub(crate) fn resume_file_inner(&mut self, id: FileId, _now: u64) {
        let Some(f) = self.files.get(&id) else { return };
        if !f.paused {
            return;
        }
        let stage = f.stage;
        self.with_file(id, |f| f.paused = false);
        match stage {
            Stage::HashQueued => self.hash_q.push_front(id),
            Stage::CheckQueued => self.check_q.push_front(id),
            Stage::PrepareQueued => self.prepare_q.push_front(id),
            Stage::UploadQueued => self.upload_q.push_front(id),
            _ => {}
        }
    }

    pub(crate) fn cancel_file_inner(&mut self, id: FileId, now: u64) {
        let Some(f) = self.files.get(&id) else { return };
        if f.outcome.is_some() {
            return;
        }
        let url = f.up.url.clone();
        let had_prepared = f.prepared.is_some();
        let fp = f.fingerprint();
        self.abort_file_request(id, now);
        if f_is_active(self, id) {
            self.active.retain(|x| *x != id);
        }
        if let Some(url) = url {
            let termination = self.server.caps.as_ref().is_some_and(|c| c.termination);
            if termination && self.online {
                let request = HttpRequest { method: Method::Delete, url, headers: base_headers(&self.settings.token, true), body: Body::Empty };
                self.new_request(ReqKind::Delete, request, now);
            }
            let key = ResumeRecord::progress_key(&self.settings.endpoint, &fp);
            self.resume.remove(&key);
            self.actions.push_back(Action::RemoveResume { key });
        }
        if had_prepared {
            self.actions.push_back(Action::DropPrepared { file: id });
        }
        self.with_file(id, |f| {
            f.paused = false;
            f.up = Default::default();
            f.prepared = None;
            f.prepare_done = false;
            f.stage = Stage::Done;
            f.outcome = Some(Outcome::Failed(super::CANCELLED.into()));
        });
    }

    pub(crate) fn retry_file_inner(&mut self, id: FileId, now: u64) {
        let Some(f) = self.files.get(&id) else { return };
        if f.paused {
            return self.resume_file_inner(id, now);
        }
        if !matches!(f.outcome, Some(Outcome::Failed(_))) {
            return;
        }
        let inspected = f.checked;
        let hashed = f.sha256.is_some();
        self.with_file(id, |f| {
            f.outcome = None;
            f.up.attempts = 0;
            f.up.last_error = None;
            f.up.retry_at = None;
            f.up.offset_known = f.up.url.is_none();
            if f.up.url.is_none() {
                f.up.offset = 0;
            }
        });
        if !inspected {
            self.with_file(id, |f| f.stage = Stage::InspectQueued);
            self.inspect_q.push_back(id);
            self.judge(id);
        } else if !hashed {
            self.with_file(id, |f| f.stage = Stage::Planned);
            self.judge(id);
        } else {
            self.after_check(id);
        }
    }

    pub(crate) fn apply_settings(&mut self, s: EngineSettings, now: u64) {
        let old = std::mem::replace(&mut self.settings, s);
        let new = &self.settings;
        if old.endpoint != new.endpoint || old.api_base != new.api_base || old.token != new.token {
            self.server.config_state = Fetch::NotAsked;
            self.server.options_state = Fetch::NotAsked;
            self.server.config = None;
            self.server.caps = None;
            self.server.signin = false;
        }
        if old.limits != new.limits || old.quality != new.quality || old.strip_location != new.strip_location {
            self.rejudge_all();
        }
        self.speed.reset(now);
        self.dirty = true;
    }

    pub(crate) fn rejudge_all(&mut self) {
        let ids: Vec<FileId> = self
            .files
            .iter()
            .filter(|(_, f)| matches!(f.stage, Stage::Planned | Stage::InspectQueued | Stage::Inspecting))
            .map(|(id, _)| *id)
            .collect();
        self.undecided.clear();
        for id in ids {
            self.judge(id);
        }
    }

    // ---- internals shared with upload.rs --------------------------------------------------

    fn clear_retries(&mut self) {
        let ids = self.active.clone();
        for id in ids {
            if self.files.get(&id).is_some_and(|f| f.up.retry_at.is_some()) {
                self.with_file(id, |f| f.up.retry_at = None);
            }
        }
    }

    /// Abort the file's request in flight, if any; the offset becomes doubtful.
    pub(crate) fn abort_file_request(&mut self, id: FileId, _now: u64) {
        let Some(req) = self.files.get(&id).and_then(|f| f.up.inflight) else { return };
        self.finish_request(req);
        self.actions.push_back(Action::Abort { req });
        self.with_file(id, |f| {
            f.up.inflight = None;
            f.up.inflight_sent = 0;
            if f.up.url.is_some() {
                f.up.offset_known = false;
            }
        });
    }

    /// Abort every transfer (uploads and checks): paused, offline, metered or signed out.
    /// Costs no attempts.
    pub(crate) fn abort_transfers(&mut self, now: u64) {
        let ids = self.active.clone();
        for id in ids {
            self.abort_file_request(id, now);
        }
        let checks: Vec<RequestId> = self.requests.iter().filter(|(_, r)| matches!(r.kind, ReqKind::Check(_))).map(|(k, _)| *k).collect();
        for req in checks {
            if let Some(r) = self.finish_request(req) {
                self.actions.push_back(Action::Abort { req });
                if let ReqKind::Check(ids) = r.kind {
                    self.requeue_check(ids);
                }
            }
        }
        self.speed.reset(now);
    }

    /// Fail a file with a reason (releases its slot).
    pub(crate) fn fail(&mut self, id: FileId, reason: String) {
        self.release(id);
        self.with_file(id, |f| {
            f.stage = Stage::Done;
            f.up.retry_at = None;
            f.up.last_error = Some(reason.clone());
            f.outcome = Some(Outcome::Failed(reason));
        });
    }

    /// Give up the upload slot, if held.
    pub(crate) fn release(&mut self, id: FileId) {
        if self.stage(id) == Some(Stage::Active) {
            self.active.retain(|x| *x != id);
        }
    }

    // ---- pump ----------------------------------------------------------------------------

    pub(crate) fn pump(&mut self, now: u64) {
        self.pump_server(now);
        // Inspect (not affected by pause: it only feeds the plan).
        while (self.tally.n_inspecting as usize) < super::MAX_INSPECTING {
            let Some(id) = self.inspect_q.pop_front() else { break };
            if self.stage(id) == Some(Stage::InspectQueued) {
                self.with_file(id, |f| f.stage = Stage::Inspecting);
                self.actions.push_back(Action::Inspect { file: id });
            }
        }
        if self.limits_ready() && !self.undecided.is_empty() {
            let ids = std::mem::take(&mut self.undecided);
            for id in ids {
                self.judge(id);
            }
        }
        if self.started && !self.paused_all && !self.server.signin {
            self.pump_hash();
            self.pump_check(now);
            self.pump_prepare();
            if self.can_transfer() {
                self.pump_uploads(now);
            }
        }
        self.emit_summary(now);
    }

    fn pump_hash(&mut self) {
        while (self.tally.n_hashing as usize) < self.hash_workers {
            let Some(id) = self.hash_q.pop_front() else { break };
            let Some(f) = self.files.get(&id) else { continue };
            if f.stage != Stage::HashQueued || f.paused {
                continue;
            }
            self.with_file(id, |f| f.stage = Stage::Hashing);
            self.actions.push_back(Action::Hash { file: id });
        }
    }

    fn pump_prepare(&mut self) {
        let parallel = self.settings.parallel_uploads.max(1) as u64;
        while (self.tally.n_preparing as usize) < self.prepare_workers && self.tally.n_preparing + self.tally.n_prepared_queued < parallel {
            let Some(id) = self.prepare_q.pop_front() else { break };
            let Some(f) = self.files.get(&id) else { continue };
            if f.stage != Stage::PrepareQueued || f.paused {
                continue;
            }
            let Some(Decision::Prepare { max_pixels, strip_location }) = f.decision else {
                self.after_check(id);
                continue;
            };
            self.with_file(id, |f| f.stage = Stage::Preparing);
            self.actions.push_back(Action::Prepare { file: id, max_pixels, quality: self.settings.prepare_quality, strip_location });
        }
    }

    fn pump_uploads(&mut self, now: u64) {
        if self.server.options_state != Fetch::Done {
            return;
        }
        let parallel = self.settings.parallel_uploads.max(1);
        while self.active.len() < parallel {
            let Some(id) = self.upload_q.pop_front() else { break };
            let Some(f) = self.files.get(&id) else { continue };
            if f.stage != Stage::UploadQueued || f.paused {
                continue;
            }
            self.with_file(id, |f| f.stage = Stage::Active);
            self.active.push(id);
            self.activate(id, now);
        }
        let ids = self.active.clone();
        for id in ids {
            let Some(f) = self.files.get(&id) else { continue };
            if f.stage == Stage::Active && f.up.inflight.is_none() && f.up.retry_at.is_none() {
                self.issue_next(id, now);
            }
        }
    }

    /// Emit StatusChanged / TotalsChanged when something changed.
    fn emit_summary(&mut self, now: u64) {
        let transferring = self.can_transfer() && !self.active.is_empty();
        if transferring {
            let left = self.tally.bytes_total.saturating_sub(self.tally.bytes_done);
            self.eta = self.speed.eta_ms(left, now);
            self.speed_bps = self.speed.speed_bps(now).unwrap_or(0.0) as u64;
        } else {
            self.eta = None;
            if !self.can_transfer() {
                self.speed_bps = 0;
            }
        }
        let st = self.compute_status();
        if self.last_status.as_ref() != Some(&st) {
            self.last_status = Some(st);
            self.events.push_back(Event::StatusChanged);
        }
        if self.dirty || !self.changed.is_empty() {
            self.dirty = false;
            if self.events.back() != Some(&Event::TotalsChanged) {
                self.events.push_back(Event::TotalsChanged);
            }
        }
    }

    // ---- timers --------------------------------------------------------------------------

    pub(crate) fn on_timeout(&mut self, now: u64) {
        while let Some(Reverse((at, t))) = self.timers.peek().copied() {
            if at > now {
                break;
            }
            self.timers.pop();
            match t {
                Timer::Stall(req) => {
                    let Some(r) = self.requests.get(&req) else { continue };
                    let deadline = r.last_progress + self.settings.stall_timeout_ms;
                    if now >= deadline {
                        self.on_stalled(req, now);
                    } else {
                        self.set_timer(deadline, Timer::Stall(req));
                    }
                }
                Timer::Retry(id) => {
                    if self.files.get(&id).is_some_and(|f| f.up.retry_at.is_some_and(|r| r <= now)) {
                        self.with_file(id, |f| f.up.retry_at = None);
                    }
                }
                Timer::Server => {}
            }
        }
    }
}

fn f_is_active(e: &Engine, id: FileId) -> bool {
    e.stage(id) == Some(Stage::Active)
}

/// Build the `GET /api/v1/config` request.
pub(crate) fn config_request(settings: &EngineSettings) -> HttpRequest {
    HttpRequest { method: Method::Get, url: format!("{}{}", settings.api_base(), CONFIG_PATH), headers: base_headers(&settings.token, false), body: Body::Empty }
}

/// Record a decision (`None`: limits not known yet). Only an inspected file's skip is an
/// outcome; a provisional one is shown in the plan but may change when the content is read.
fn set_verdict(f: &mut FileState, d: Option<Decision>) {
    f.decision = d;
    if !f.checked {
        return;
    }
    f.outcome = match d {
        Some(Decision::Skip(r)) => Some(Outcome::Skipped(r)),
        _ => None,
    };
    let unreadable = f.facts.as_ref().is_some_and(|x| x.kind == MediaKind::Photo && !x.readable);
    f.note = unreadable.then_some(UploadNote::UnreadableSentOriginal);
}
