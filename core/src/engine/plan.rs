//! Judging files for the plan and moving them along the local pipeline: each file is judged
//! from its name and size when added, from its content when inspected (`Inspect`), then
//! hashed, checked against the server and prepared before it queues for upload.
use super::file::{FileState, Stage};
use super::types::*;
use super::Engine;
use crate::facts::{decide, Decision, FileFacts, MediaKind, Outcome, UploadNote};
use crate::failure::FailReason;

impl Engine {
    pub(crate) fn decide_file(&self, f: &FileState) -> Option<Decision> {
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
            self.q.undecided.push(id);
        }
        self.with_file(id, |f| set_verdict(f, d));
        if !provisional && self.run.started {
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
        if let Some(rec) = self.resume.done_for(&fp) {
            // On a server that deduplicates, an export's item goes by the server all the same
            // (its content known, so nothing is sent again): what its sidecar says must reach
            // the library through the fill call, and what waited for it is settled, as for an
            // item the server found it holds.
            let dedup = self.server.config.as_ref().is_some_and(|c| c.dedup);
            if let Some(sha) = rec.fingerprint.sha256.clone().filter(|_| dedup && self.takeout.pos.contains_key(&id)) {
                self.with_file(id, |f| f.sha256 = Some(sha));
                self.after_check(id);
                return;
            }
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
        self.q.hash.push_back(id);
    }

    /// Checked (or no check possible): prepare when the decision says so, else queue to upload.
    pub(crate) fn after_check(&mut self, id: FileId) {
        let Some(f) = self.files.get(&id) else { return };
        let needs_prepare = matches!(f.decision, Some(Decision::Prepare { .. })) && !f.prepare_done;
        if needs_prepare {
            self.with_file(id, |f| f.stage = Stage::PrepareQueued);
            self.q.prepare.push_back(id);
        } else {
            self.with_file(id, |f| f.stage = Stage::UploadQueued);
            self.q.upload.push_back(id);
        }
    }

    // ---- inputs: files and local actions -------------------------------------------------

    /// `hold`: a Takeout export's sidecars may be held back (not when they are released).
    pub(crate) fn add_files_inner(&mut self, files: Vec<FileEntry>, hold: bool, _now: u64) {
        self.begin_batch_if_finished();
        let batch = self.tally.current;
        for e in files {
            let id = e.id;
            if self.files.contains_key(&id) || hold && self.takeout_add(&e) {
                continue;
            }
            // Judged here without change events: the driver reads new files' views itself.
            self.seen.fresh(&e);
            let included = self.folders.add(&e.relative_path, e.size);
            let mut f = FileState::new(e, batch);
            f.excluded = !included;
            let d = self.decide_file(&f);
            if d.is_none() {
                self.q.undecided.push(id);
            }
            set_verdict(&mut f, d);
            let queued = f.stage == Stage::InspectQueued;
            self.tally.apply(&f, 1);
            self.files.insert(id, f);
            if queued {
                self.q.inspect.push_back(id);
            } else if self.run.started {
                self.enqueue_for_hash(id);
            }
        }
        self.out.dirty = true;
        self.out.folders_dirty = true;
    }

    /// A walk has named files in these folders (`(folder, files directly in it)`) before
    /// their sizes are read: the plan's folders and counts show now, the sizes follow with
    /// `add_files`. Only counts change; the files themselves are judged when added.
    pub fn files_named(&mut self, folders: Vec<(String, u64)>, now: u64) {
        self.begin_batch_if_finished();
        for (folder, n) in folders {
            self.folders.list(&folder, n);
        }
        self.out.dirty = true;
        self.out.folders_dirty = true;
        self.pump(now);
    }

    /// Once no walk runs, counts from names give way to the files actually added (an
    /// unreadable file is named but never added).
    pub(crate) fn end_listing_when_walked(&mut self) {
        if self.run.walks == 0 && self.folders.end_listing() {
            self.out.folders_dirty = true;
        }
    }

    /// After a finished backup, new files (or a new walk) begin a new batch: its own plan,
    /// folders, Back up press and figures. Files added to a running backup join it.
    pub(crate) fn begin_batch_if_finished(&mut self) {
        if self.run.started && self.batch_finished() {
            self.tally.new_batch();
            self.folders.clear();
            self.takeout_clear();
            self.run.started = false;
            self.out.folders_dirty = true;
            self.out.dirty = true;
        }
    }

    pub(crate) fn on_inspected(&mut self, id: FileId, facts: Result<FileFacts, FailReason>, _now: u64) {
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

    pub(crate) fn on_hashed(&mut self, id: FileId, sha: Result<String, FailReason>, now: u64) {
        if self.on_hashed_beside(id, &sha) {
            return;
        }
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
            self.q.check.push_back(id);
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
                    f.prepared = Some(super::file::Prepared { size, sha256: sha256.to_ascii_lowercase(), mime: Some(mime) });
                    f.note = downsize.then_some(UploadNote::Downsized);
                }
                PrepareOutcome::KeepOriginal { .. } | PrepareOutcome::Failed { .. } => {
                    f.prepared = None;
                    f.note = Some(UploadNote::KeptOriginal);
                }
            }
            f.stage = Stage::UploadQueued;
        });
        self.q.upload.push_back(id);
    }
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
