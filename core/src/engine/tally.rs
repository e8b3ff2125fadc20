//! Running counters over all files, kept exact by subtracting a file's contribution before a
//! change and adding it after (so status and totals are O(1)).
use super::file::{FileState, Stage};
use super::view::SkippedCounts;
use crate::facts::{Decision, MediaKind, Outcome};
use crate::kiosk::SavedKinds;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    pub files: u64,
    pub inspected: u64,
    pub excluded: u64,
    /// Waiting for the limits (no verdict yet, not even a provisional one).
    pub undecided: u64,
    pub photos: u64,
    pub videos: u64,
    pub sidecars: u64,
    pub to_downsize: u64,
    pub skipped: SkippedCounts,
    /// In the backup, and of those with an outcome.
    pub in_backup: u64,
    pub finished: u64,
    pub bytes_total: u64,
    pub bytes_done: u64,
    pub uploaded: u64,
    pub already: u64,
    /// Uploaded or already there, by kind (a kiosk's done screen).
    pub saved: SavedKinds,
    pub failed: u64,
    /// Bytes of uploaded files (the page's line: what this page sent).
    pub bytes_uploaded: u64,
    /// Files holding work that is not finished (started, in the backup, no outcome).
    pub paused_files: u64,
    /// Outstanding Inspect / Hash / Prepare actions (by stage).
    pub n_inspecting: u64,
    pub n_hashing: u64,
    pub n_preparing: u64,
    /// Prepared blobs waiting for an upload slot (bounded to keep memory constant).
    pub n_prepared_queued: u64,
}

impl Tally {
    pub fn apply(&mut self, f: &FileState, sign: i64) {
        let add = |x: &mut u64, v: u64| {
            if sign > 0 {
                *x += v
            } else {
                *x -= v
            }
        };
        add(&mut self.files, 1);
        match f.stage {
            Stage::Inspecting => add(&mut self.n_inspecting, 1),
            Stage::Hashing | Stage::Rehashing => add(&mut self.n_hashing, 1),
            Stage::Preparing => add(&mut self.n_preparing, 1),
            Stage::UploadQueued if f.prepared.is_some() && !f.paused => add(&mut self.n_prepared_queued, 1),
            _ => {}
        }
        // A file whose inspection failed has its verdict too: the batch must not wait for it.
        if f.checked || matches!(f.outcome, Some(Outcome::Failed(_))) {
            add(&mut self.inspected, 1);
        }
        if f.decision.is_none() && f.outcome.is_none() {
            add(&mut self.undecided, 1);
        }
        if f.excluded {
            add(&mut self.excluded, 1);
            return;
        }
        let skip = match (&f.outcome, f.decision) {
            (Some(Outcome::Skipped(r)), _) => Some(*r),
            (_, Some(Decision::Skip(r))) => Some(r),
            _ => None,
        };
        if let Some(r) = skip {
            add(self.skipped.get_mut(r.kind()), 1);
            return;
        }
        if !f.in_backup() {
            return;
        }
        add(&mut self.in_backup, 1);
        match f.facts.as_ref().map(|x| x.kind) {
            Some(MediaKind::Photo) => add(&mut self.photos, 1),
            Some(MediaKind::Video) => add(&mut self.videos, 1),
            Some(MediaKind::Sidecar) => add(&mut self.sidecars, 1),
            _ => {}
        }
        if matches!(f.decision, Some(Decision::Prepare { .. })) {
            add(&mut self.to_downsize, 1);
        }
        add(&mut self.bytes_total, f.upload_size());
        add(&mut self.bytes_done, f.bytes_done());
        match &f.outcome {
            Some(o) => {
                add(&mut self.finished, 1);
                match o {
                    Outcome::Uploaded(_) => {
                        add(&mut self.uploaded, 1);
                        self.saved.apply(f.facts.as_ref(), sign);
                        add(&mut self.bytes_uploaded, f.upload_size());
                    }
                    Outcome::AlreadyBackedUp => {
                        add(&mut self.already, 1);
                        self.saved.apply(f.facts.as_ref(), sign);
                    }
                    Outcome::Failed(_) => add(&mut self.failed, 1),
                    Outcome::Skipped(_) => {}
                }
            }
            None => {
                if f.paused {
                    add(&mut self.paused_files, 1);
                }
            }
        }
    }
}

/// The page's tally and the current batch's, kept exact together. A batch is what one plan
/// and one Back up press cover; after a finished backup, new files begin the next batch.
#[derive(Clone, Debug, Default)]
pub(crate) struct Tallies {
    pub page: Tally,
    pub batch: Tally,
    /// The current batch's number (files carry the number of the batch they belong to).
    pub current: u32,
}

impl Tallies {
    pub fn apply(&mut self, f: &FileState, sign: i64) {
        self.page.apply(f, sign);
        if f.batch == self.current {
            self.batch.apply(f, sign);
        }
    }
    pub fn new_batch(&mut self) {
        self.current += 1;
        self.batch = Tally::default();
    }
}
