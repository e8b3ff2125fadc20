//! The scheduler: after every input, `pump` starts whatever the limits allow (inspect, hash,
//! check, prepare, upload slots, bytes in flight) and emits the UI events; timers; the
//! bookkeeping every other part uses (`with_file`, requests). Judging files is in `plan.rs`,
//! the user's intents in `intents.rs`, the tus transfer in `upload.rs`.
use super::file::{FileState, Stage};
use super::protocol::{base_headers, ServerCaps};
use super::types::*;
use super::Engine;
use crate::api::{Config, CONFIG_PATH};
use crate::facts::{Decision, Outcome};
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

    // ---- internals shared with upload.rs --------------------------------------------------

    pub(crate) fn clear_retries(&mut self) {
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

pub(crate) fn f_is_active(e: &Engine, id: FileId) -> bool {
    e.stage(id) == Some(Stage::Active)
}

/// Build the `GET /api/v1/config` request.
pub(crate) fn config_request(settings: &EngineSettings) -> HttpRequest {
    HttpRequest {
        method: Method::Get,
        url: format!("{}{}", settings.api_base(), CONFIG_PATH),
        headers: base_headers(&settings.token, false),
        body: Body::Empty,
    }
}
