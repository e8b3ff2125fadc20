//! The status card and the totals of the current batch and of the page, computed in O(1)
//! from the running tallies.
use super::view::*;
use super::Engine;

impl Engine {
    pub(crate) fn compute_status(&self) -> Status {
        let t = &self.tally.batch;
        if self.server.signin {
            return Status::SignInNeeded;
        }
        // Offline, or the destination did not answer and has not answered since (also while it
        // is being asked again): "Ready" would promise a backup that cannot happen.
        let unreachable = !self.run.online || self.server.cannot_reach();
        if t.files == 0 && self.run.walks == 0 && !self.takeout.reading() {
            let n = self.resume.len_in_progress() as u64;
            if self.run.backup_folders > 0 && !self.run.sync {
                return Status::BackUpOff;
            }
            if unreachable {
                return Status::WaitingForConnection { running: false };
            }
            if n > 0 {
                return Status::ContinueBackup { remaining: n, archives: self.resume.archives_in_progress() };
            }
            return Status::Ready;
        }
        if !self.run.started {
            // The plan is ready once the walks ended and every file has a verdict, provisional
            // (from its name and size) or final; inspections go on behind it.
            if !self.plan_ready() {
                // Verdicts that wait for the server's limits cannot come while it is unreachable.
                if self.run.walks == 0 && unreachable {
                    return Status::WaitingForConnection { running: false };
                }
                return Status::Looking { found: t.files.max(self.folders.listed()) };
            }
            return Status::ReadyToBackUp { count: t.in_backup - t.finished };
        }
        if self.batch_finished() {
            return Status::Complete { uploaded: t.uploaded, already: t.already, skipped: t.skipped.total(), failed: t.failed };
        }
        if self.run.paused_all {
            return Status::Paused;
        }
        if self.server.storage_full.is_some() {
            return Status::StorageFull;
        }
        if unreachable {
            return Status::WaitingForConnection { running: true };
        }
        if self.settings.wifi_only && self.run.metered {
            return Status::WaitingForWifi;
        }
        if self.settings.charging_only && !self.run.charging {
            return Status::WaitingToCharge;
        }
        Status::BackingUp {
            done: t.finished,
            total: t.in_backup,
            bytes_left: t.bytes_total.saturating_sub(t.bytes_done),
            eta_ms: self.speed.eta,
        }
    }

    /// A condition the user set holds transfers back: Wi-Fi only on a metered connection, or
    /// only while charging on battery. Both clear by themselves.
    pub(crate) fn held_by_condition(&self) -> bool {
        (self.settings.wifi_only && self.run.metered) || (self.settings.charging_only && !self.run.charging)
    }

    /// Walks ended and every file of the batch has a verdict.
    pub(crate) fn plan_ready(&self) -> bool {
        self.run.walks == 0 && self.tally.batch.undecided == 0 && self.tally.batch.files > 0 && !self.takeout.reading()
    }

    /// Every file of the started batch has its outcome and its content checked, and no walk
    /// is adding more.
    pub(crate) fn batch_finished(&self) -> bool {
        let t = &self.tally.batch;
        self.run.walks == 0 && t.undecided == 0 && t.finished >= t.in_backup && t.inspected == t.files
    }

    pub(crate) fn compute_totals(&self) -> Totals {
        let t = &self.tally.batch;
        Totals {
            files: t.files,
            inspected: t.inspected,
            excluded: t.excluded,
            photos: t.photos,
            videos: t.videos,
            sidecars: t.sidecars,
            to_downsize: t.to_downsize,
            skipped: t.skipped,
            bytes_total: t.bytes_total,
            bytes_done: t.bytes_done,
            uploaded: t.uploaded,
            already: t.already,
            failed: t.failed,
            speed_bps: self.speed.bps,
            eta_ms: self.speed.eta,
        }
    }

    pub(crate) fn compute_page_totals(&self) -> PageTotals {
        let t = &self.tally.page;
        PageTotals {
            batches: self.tally.current + u32::from(self.tally.batch.files > 0 || self.tally.current == 0),
            files: t.files,
            uploaded: t.uploaded,
            already: t.already,
            skipped: t.skipped.total(),
            failed: t.failed,
            bytes_uploaded: t.bytes_uploaded,
        }
    }
}

/// Where the page is, derived from the status alone (never stored beside it).
impl Status {
    /// The plan shows: files are being found, or are found and not started.
    pub fn in_plan(&self) -> bool {
        matches!(self, Status::Looking { .. } | Status::ReadyToBackUp { .. } | Status::WaitingForConnection { running: false })
    }

    /// A batch has been started: the progress and the file list show.
    pub fn in_backup(&self) -> bool {
        matches!(
            self,
            Status::BackingUp { .. }
                | Status::Paused
                | Status::WaitingForConnection { running: true }
                | Status::WaitingForWifi
                | Status::WaitingToCharge
                | Status::StorageFull
                | Status::Complete { .. }
        )
    }

    /// Running, or waiting to run by itself: Pause shows, the screen stays awake.
    pub fn can_pause(&self) -> bool {
        matches!(
            self,
            Status::BackingUp { .. } | Status::WaitingForConnection { running: true } | Status::WaitingForWifi | Status::WaitingToCharge
        )
    }
}

impl Engine {
    /// The config the server advertised (`None` before it answered, or for a plain tus server).
    pub fn server_config(&self) -> Option<&crate::api::Config> {
        self.server.config.as_ref()
    }

    /// What OPTIONS said (`None` before it answered).
    pub fn server_caps(&self) -> Option<&super::ServerCaps> {
        self.server.caps.as_ref()
    }

    /// Sum of request body bytes outstanding now (bounded by `max_bytes_in_flight`).
    pub fn bytes_in_flight(&self) -> u64 {
        self.inflight.bytes
    }

    /// Unfinished resume records of this endpoint that were loaded ("Continue your backup").
    pub fn resumable_count(&self) -> usize {
        self.resume.len_in_progress()
    }
}
