//! The scheduler: after every input, `pump` starts whatever the limits allow (inspect, hash,
//! check, prepare, upload slots, bytes in flight), presses Back up when asked to once the plan
//! is ready, and emits the UI events; timers (stalls, retries, the countdown tick); and the
//! bookkeeping every other part uses (`with_file`, `send`). Judging files is in `plan.rs`,
//! the user's intents in `intents.rs`, the handshake in `server.rs`, the transfer in
//! `transfer.rs` and `answers.rs`.
use super::file::{FileState, Stage};
use super::http::*;
use super::parts::{Req, ReqKind, Timer};
use super::types::*;
use super::view::*;
use super::Engine;
use crate::facts::{Decision, Outcome};

impl Engine {
    // ---- helpers -------------------------------------------------------------------------

    /// Mutate one file, keeping the tallies, the failed set and the change events exact.
    pub(crate) fn with_file<R>(&mut self, id: FileId, f: impl FnOnce(&mut FileState) -> R) -> Option<R> {
        let fs = self.files.get_mut(&id)?;
        self.tally.apply(fs, -1);
        let r = f(fs);
        self.tally.apply(fs, 1);
        if matches!(fs.outcome, Some(Outcome::Failed(_))) {
            self.q.failed.insert(id);
        } else {
            self.q.failed.remove(&id);
        }
        self.out.file_changed(id);
        Some(r)
    }

    pub(crate) fn stage(&self, id: FileId) -> Option<Stage> {
        self.files.get(&id).map(|f| f.stage)
    }

    /// Transfers may run: started, not paused, online and reachable, not metered under Wi-Fi
    /// only, signed in.
    pub(crate) fn can_transfer(&self) -> bool {
        let held = self.run.paused_all || !self.run.online || self.server.unreachable || self.server.signin || self.held_by_condition();
        self.run.started && !held
    }

    /// Ask the driver to send a request; its stall timer starts now.
    pub(crate) fn send(&mut self, kind: ReqKind, request: HttpRequest, now: u64) -> RequestId {
        let (start, end, checksummed) = match &request.body {
            Body::Slice { start, end, checksum, .. } => (*start, *end, checksum.is_some()),
            _ => (0, 0, false),
        };
        let req = self.inflight.insert(Req {
            kind,
            url: request.url.clone(),
            start,
            end,
            sent: 0,
            started: now,
            last_progress: now,
            checksummed,
        });
        self.timers.set(now + self.settings.stall_timeout_ms, Timer::Stall(req));
        self.out.act(Action::Http { req, request });
        req
    }

    pub(crate) fn clear_retries(&mut self) {
        for id in self.q.active.clone() {
            if self.files.get(&id).is_some_and(|f| f.up.retry_at.is_some()) {
                self.with_file(id, |f| f.up.retry_at = None);
            }
        }
    }

    /// Abort the file's request in flight, if any; the offset becomes doubtful.
    pub(crate) fn abort_file_request(&mut self, id: FileId) {
        let Some(req) = self.files.get(&id).and_then(|f| f.up.inflight) else { return };
        self.inflight.finish(req);
        self.out.act(Action::Abort { req });
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
        for id in self.q.active.clone() {
            self.abort_file_request(id);
        }
        for req in self.inflight.checks() {
            if let Some(r) = self.inflight.finish(req) {
                self.out.act(Action::Abort { req });
                if let ReqKind::Check(ids) = r.kind {
                    self.requeue_check(ids);
                }
            }
        }
        self.speed.meter.reset(now);
    }

    /// Fail a file with a reason (releases its slot).
    pub(crate) fn fail(&mut self, id: FileId, reason: crate::failure::FailReason) {
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
            self.q.active.retain(|x| *x != id);
        }
    }

    // ---- pump ----------------------------------------------------------------------------

    pub(crate) fn pump(&mut self, now: u64) {
        self.now = self.now.max(now);
        self.pump_server(now);
        // Inspect (not affected by pause: it only feeds the plan), once no walk runs.
        while self.run.walks == 0 && (self.tally.page.n_inspecting as usize) < super::MAX_INSPECTING {
            let Some(id) = self.q.inspect.pop_front() else { break };
            if self.stage(id) == Some(Stage::InspectQueued) {
                self.with_file(id, |f| f.stage = Stage::Inspecting);
                self.out.act(Action::Inspect { file: id });
            }
        }
        if self.limits_ready() && !self.q.undecided.is_empty() {
            for id in std::mem::take(&mut self.q.undecided) {
                self.judge(id);
            }
        }
        if self.run.auto_start && !self.run.started && self.plan_ready() {
            self.run.auto_start = false;
            self.start_inner(now);
        }
        if self.run.started && !self.run.paused_all && !self.server.signin {
            self.pump_hash();
            self.pump_check(now);
            self.pump_prepare();
            if self.can_transfer() {
                self.pump_uploads(now);
            }
        }
        self.pump_thumbs();
        self.emit_summary(now);
    }

    /// Hash in FIFO order: one large file per worker, or up to `SMALL_HASHES_PER_WORKER` small
    /// ones (their time is the round trip to the worker and the file read, not the CPU).
    fn pump_hash(&mut self) {
        while let Some(&id) = self.q.hash.front() {
            let Some(f) = self.files.get(&id) else {
                self.q.hash.pop_front();
                continue;
            };
            if f.stage != Stage::HashQueued || f.paused {
                self.q.hash.pop_front();
                continue;
            }
            let (probe, size) = (self.wants_probe(f), f.entry.size);
            let small = probe || f.entry.size <= super::SMALL_HASH_BYTES;
            let limit = if small { self.hash_workers * super::SMALL_HASHES_PER_WORKER } else { self.hash_workers };
            if self.tally.page.n_hashing as usize >= limit {
                break;
            }
            self.q.hash.pop_front();
            self.with_file(id, |f| f.stage = Stage::Hashing);
            self.out.act(if probe {
                Action::Probe { file: id, ranges: crate::hash::probe_ranges(size) }
            } else {
                Action::Hash { file: id }
            });
        }
    }

    fn pump_prepare(&mut self) {
        let parallel = self.settings.parallel_uploads.max(1) as u64;
        let t = &self.tally.page;
        let mut room = (t.n_preparing as usize) < self.prepare_workers && t.n_preparing + t.n_prepared_queued < parallel;
        while room {
            let Some(id) = self.q.prepare.pop_front() else { break };
            let Some(f) = self.files.get(&id) else { continue };
            if f.stage != Stage::PrepareQueued || f.paused {
                continue;
            }
            let Some(Decision::Prepare { max_pixels, strip_location }) = f.decision else {
                self.after_check(id);
                continue;
            };
            self.with_file(id, |f| f.stage = Stage::Preparing);
            self.out.act(Action::Prepare { file: id, max_pixels, quality: self.settings.prepare_quality, strip_location });
            let t = &self.tally.page;
            room = (t.n_preparing as usize) < self.prepare_workers && t.n_preparing + t.n_prepared_queued < parallel;
        }
    }

    fn pump_uploads(&mut self, now: u64) {
        if !self.server.ready() {
            return;
        }
        let parallel = self.settings.parallel_uploads.max(1);
        let mut i = 0;
        while let Some(&id) = self.q.upload.get(i) {
            let Some(f) = self.files.get(&id) else {
                self.q.upload.remove(i);
                continue;
            };
            if f.stage != Stage::UploadQueued || f.paused {
                self.q.upload.remove(i);
                continue;
            }
            // Bytes another file is sending are not sent beside it: this one waits, the files
            // behind it go on, and once the other is stored this one is a duplicate. One not
            // hashed yet (known by its probe) is then hashed whole first, and found on the server.
            if self.server_holds(f) {
                if f.stream && f.sha256.is_none() && f.up.url.is_none() {
                    self.q.upload.remove(i);
                    self.with_file(id, |f| f.stream = false);
                    self.hash_first(id);
                    continue;
                }
            } else if self.twin_uploading(f) {
                i += 1;
                continue;
            }
            if self.takeout_waits(id) {
                break;
            }
            // A small file is one request (creation-with-upload) whose time is mostly round
            // trips and the server's fsyncs, not bandwidth: more of them go at once.
            let small = f.upload_size() <= SMALL_UPLOAD_BYTES;
            if self.q.active.len() >= if small { parallel * SMALL_UPLOADS_PER_SLOT } else { parallel } {
                break;
            }
            self.q.upload.remove(i);
            self.with_file(id, |f| f.stage = Stage::Active);
            self.q.active.push(id);
            self.activate(id);
        }
        for id in self.q.active.clone() {
            let Some(f) = self.files.get(&id) else { continue };
            if f.stage == Stage::Active && f.up.inflight.is_none() && f.up.retry_at.is_none() {
                self.issue_next(id, now);
            }
        }
    }

    /// Another file with the same original bytes holds an upload slot (on a server that
    /// deduplicates: elsewhere both must be sent anyway).
    fn twin_uploading(&self, f: &FileState) -> bool {
        self.server.dedups() && self.q.active.iter().any(|a| *a != f.entry.id && self.files.get(a).is_some_and(|g| g.same_content(f)))
    }

    /// Emit StatusChanged / TotalsChanged / FoldersChanged when something changed, and keep a
    /// Tick pending while a countdown or the ETA is on screen.
    fn emit_summary(&mut self, now: u64) {
        let transferring = self.can_transfer() && !self.q.active.is_empty();
        if transferring {
            let t = &self.tally.batch;
            let left = t.bytes_total.saturating_sub(t.bytes_done);
            self.speed.eta = self.speed.meter.eta_ms(left, now);
            self.speed.bps = self.speed.meter.speed_bps(now).unwrap_or(0.0) as u64;
        } else {
            self.speed.eta = None;
            if !self.can_transfer() {
                self.speed.bps = 0;
            }
        }
        let st = self.compute_status();
        if self.run.last_status.as_ref() != Some(&st) {
            self.run.last_status = Some(st);
            self.out.events.push_back(Event::StatusChanged);
        }
        if self.out.dirty || !self.out.changed.is_empty() {
            self.out.dirty = false;
            if self.out.events.back() != Some(&Event::TotalsChanged) {
                self.out.events.push_back(Event::TotalsChanged);
            }
        }
        if self.out.folders_dirty {
            self.out.folders_dirty = false;
            self.out.events.push_back(Event::FoldersChanged);
        }
        if let Some(at) = self.next_tick(now, transferring) {
            self.timers.tick(at);
        }
    }

    /// When what the screen shows next changes by the clock alone: a retry countdown's next
    /// whole second, or in a second while the ETA and speed show. `None`: nothing ticks.
    fn next_tick(&self, now: u64, transferring: bool) -> Option<u64> {
        let countdown = self
            .q
            .active
            .iter()
            .filter_map(|id| self.files.get(id)?.up.retry_at)
            .filter(|at| *at > now)
            .map(|at| now + ((at - now - 1) % 1000) + 1)
            .min();
        let eta = transferring.then_some(now + 1000);
        countdown.into_iter().chain(eta).min()
    }

    // ---- timers --------------------------------------------------------------------------

    pub(crate) fn on_timeout(&mut self, now: u64) {
        self.now = self.now.max(now);
        while let Some(t) = self.timers.pop_due(now) {
            match t {
                Timer::Stall(req) => {
                    let Some(r) = self.inflight.get(req) else { continue };
                    let deadline = r.last_progress + self.settings.stall_timeout_ms;
                    if now >= deadline {
                        self.on_stalled(req, now);
                    } else {
                        self.timers.set(deadline, Timer::Stall(req));
                    }
                }
                Timer::Retry(id) => {
                    if self.files.get(&id).is_some_and(|f| f.up.retry_at.is_some_and(|r| r <= now)) {
                        self.with_file(id, |f| f.up.retry_at = None);
                    }
                }
                Timer::Server => self.on_server_timer(now),
                Timer::Tick => {
                    // The countdowns moved: their rows change; the ETA is recomputed by the pump.
                    for id in self.q.active.clone() {
                        if self.files.get(&id).is_some_and(|f| f.up.retry_at.is_some()) {
                            self.out.file_changed(id);
                        }
                    }
                    self.out.dirty = true;
                }
            }
        }
    }
}
