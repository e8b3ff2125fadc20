//! The user's intents (start, exclude, pause, resume, cancel, retry, settings) and the
//! network state, as the engine applies them.
use super::file::Stage;
use super::parts::ReqKind;
use super::requests;
use super::resume::ResumeRecord;
use super::types::*;
use super::view::*;
use super::Engine;
use crate::facts::Outcome;

impl Engine {
    // ---- user intents --------------------------------------------------------------------

    pub(crate) fn start_inner(&mut self, now: u64) {
        if self.run.started {
            return;
        }
        self.run.started = true;
        self.run.paused_all = false;
        self.speed.meter.reset(now);
        let ids: Vec<FileId> =
            self.files.iter().filter(|(_, f)| f.stage == Stage::Planned && f.batch == self.tally.current).map(|(id, _)| *id).collect();
        let mut ids = ids;
        ids.sort();
        for id in ids {
            self.enqueue_for_hash(id);
        }
        self.carry_send_fills(now);
        self.out.dirty = true;
    }

    pub(crate) fn set_excluded_one(&mut self, id: FileId, excluded: bool) {
        let Some(f) = self.files.get(&id) else { return };
        if f.excluded == excluded || !matches!(f.stage, Stage::InspectQueued | Stage::Inspecting | Stage::Planned) {
            return;
        }
        self.with_file(id, |f| f.excluded = excluded);
        if !excluded && self.run.started {
            self.enqueue_for_hash(id);
        }
    }

    pub(crate) fn pause_all_inner(&mut self, now: u64) {
        if self.run.paused_all {
            return;
        }
        self.run.paused_all = true;
        self.abort_transfers(now);
        self.out.dirty = true;
    }

    pub(crate) fn resume_all_inner(&mut self, now: u64) {
        let was_signin = self.server.signin;
        self.run.paused_all = false;
        self.server.signin = false;
        self.server.storage_full = None;
        if was_signin && self.server.config_state == super::server::Fetch::Done && self.server.config.is_none() {
            // The config may have been refused with 401: ask again.
            self.server.config_state = super::server::Fetch::NotAsked;
        }
        self.clear_retries();
        self.speed.meter.reset(now);
        self.out.dirty = true;
    }

    pub(crate) fn set_network(&mut self, online: bool, metered: bool, now: u64) {
        self.change_conditions(now, |e| {
            e.run.online = online;
            e.run.metered = metered;
        });
    }

    /// Change what transfers depend on (network, power, settings); when that stops or allows
    /// transfers, abort them (costing no attempt) or continue at once.
    pub(crate) fn change_conditions(&mut self, now: u64, change: impl FnOnce(&mut Engine)) {
        let could = self.can_transfer();
        change(self);
        let can = self.can_transfer();
        if could && !can {
            self.abort_transfers(now);
        } else if !could && can {
            self.clear_retries();
            self.speed.meter.reset(now);
        }
        self.out.dirty = true;
        self.pump(now);
    }

    pub(crate) fn pause_file_inner(&mut self, id: FileId, _now: u64) {
        let Some(f) = self.files.get(&id) else { return };
        if f.outcome.is_some() || f.paused {
            return;
        }
        let active = f.stage == Stage::Active;
        self.abort_file_request(id);
        if active {
            self.q.active.retain(|x| *x != id);
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
            Stage::HashQueued => self.q.hash.push_front(id),
            Stage::CheckQueued => self.q.check.push_front(id),
            Stage::PrepareQueued => self.q.prepare.push_front(id),
            Stage::UploadQueued => self.q.upload.push_front(id),
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
        self.abort_file_request(id);
        if self.stage(id) == Some(Stage::Active) {
            self.q.active.retain(|x| *x != id);
        }
        if let Some(url) = url {
            let termination = self.server.caps.as_ref().is_some_and(|c| c.termination);
            if termination && self.run.online {
                let request = requests::delete(&self.settings, url);
                self.send(ReqKind::Delete, request, now);
            }
            let key = ResumeRecord::progress_key(&self.record_scope(), &fp);
            self.resume.remove(&key);
            self.out.act(Action::RemoveResume { key });
        }
        if had_prepared {
            self.out.act(Action::DropPrepared { file: id });
        }
        self.with_file(id, |f| {
            f.paused = false;
            f.up = Default::default();
            f.prepared = None;
            f.prepare_done = false;
            f.stage = Stage::Done;
            f.outcome = Some(Outcome::Failed(crate::failure::FailReason::Cancelled));
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
        let batch = self.tally.current;
        self.with_file(id, |f| {
            f.batch = batch;
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
            self.q.inspect.push_back(id);
            self.judge(id);
        } else if !hashed {
            self.with_file(id, |f| f.stage = Stage::Planned);
            self.judge(id);
        } else {
            self.after_check(id);
        }
    }

    pub(crate) fn apply_settings(&mut self, s: EngineSettings, now: u64) {
        let mut old = s.clone();
        self.change_conditions(now, |e| std::mem::swap(&mut e.settings, &mut old));
        let new = &self.settings;
        let (limits_changed, new_scope) = (
            old.limits != new.limits || old.quality != new.quality || old.strip_location != new.strip_location,
            old.endpoint != new.endpoint || old.token != new.token,
        );
        if new_scope || old.api_base != new.api_base {
            // Answers to the old handshake (say, a 401 for the old token) must not count.
            for req in self.inflight.handshake() {
                self.inflight.finish(req);
                self.out.act(Action::Abort { req });
            }
            self.server.reset();
            // Fills the batch made for the old account's photos are not the new account's to send.
            self.takeout.fills.clear();
        }
        if new_scope {
            // This browser's records of what the old account backed up are not the new one's.
            self.rescope_resume_records();
        }
        if limits_changed {
            self.rejudge_all();
        }
        self.speed.meter.reset(now);
        self.out.dirty = true;
    }

    pub(crate) fn rejudge_all(&mut self) {
        let ids: Vec<FileId> = self
            .files
            .iter()
            .filter(|(_, f)| matches!(f.stage, Stage::Planned | Stage::InspectQueued | Stage::Inspecting))
            .map(|(id, _)| *id)
            .collect();
        self.q.undecided.clear();
        for id in ids {
            self.judge(id);
        }
    }
}

impl Engine {
    pub(crate) fn set_folder_included_inner(&mut self, folder: &str, included: bool) {
        self.folders.set_included(folder, included);
        let batch = self.tally.current;
        let ids: Vec<FileId> = self
            .files
            .iter()
            .filter(|(_, f)| f.batch == batch && super::folders::covers(folder, super::folders::folder_of(&f.entry.relative_path)))
            .map(|(id, _)| *id)
            .collect();
        for id in ids {
            self.set_excluded_one(id, !included);
        }
        self.out.folders_dirty = true;
    }
}
