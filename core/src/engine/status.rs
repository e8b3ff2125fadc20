//! The status card and the totals, computed in O(1) from the running tally.
use super::types::*;
use super::Engine;

impl Engine {
    pub(crate) fn compute_status(&self) -> Status {
        let t = &self.tally;
        if self.server.signin {
            return Status::SignInNeeded;
        }
        if t.files == 0 {
            let n = self.resume.len_in_progress() as u64;
            return if n > 0 { Status::ContinueBackup { remaining: n } } else { Status::Ready };
        }
        // The plan is ready once every file has a verdict, provisional (from its name and
        // size) or final; inspections go on behind it and may still move a file.
        if t.undecided > 0 {
            return Status::Looking { found: t.files };
        }
        if !self.started {
            return Status::ReadyToBackUp { count: t.in_backup - t.finished };
        }
        if t.finished >= t.in_backup && t.inspected == t.files {
            return Status::Complete { uploaded: t.uploaded, already: t.already, skipped: t.skipped.total(), failed: t.failed };
        }
        if self.paused_all {
            return Status::Paused;
        }
        if !self.online {
            return Status::WaitingForConnection;
        }
        if self.settings.wifi_only && self.metered {
            return Status::WaitingForWifi;
        }
        Status::BackingUp { done: t.finished, total: t.in_backup, bytes_left: t.bytes_total.saturating_sub(t.bytes_done), eta_ms: self.eta }
    }

    pub(crate) fn compute_totals(&self) -> Totals {
        let t = &self.tally;
        Totals {
            files: t.files,
            inspected: t.inspected,
            excluded: t.excluded,
            photos: t.photos,
            videos: t.videos,
            to_downsize: t.to_downsize,
            skipped: t.skipped,
            bytes_total: t.bytes_total,
            bytes_done: t.bytes_done,
            uploaded: t.uploaded,
            already: t.already,
            failed: t.failed,
            speed_bps: self.speed_bps,
            eta_ms: self.eta,
        }
    }
}
