//! The kiosk screen's flow, as a pure state machine beside the engine (no I/O, no clock: every
//! input carries `now`): welcome → a visitor chooses files (a session is started first) → plan
//! and backup → done ("Done — N photos saved") → back to welcome after Finish or the idle time,
//! ending the visitor's session on the server (its unfinished uploads with it, unless the
//! visitor chose to let them finish). The driver performs the actions and copies the phase.
use crate::engine::Status;
use serde::{Deserialize, Serialize};

/// What the kiosk screen shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum KioskPhase {
    /// "Choose or drop your photos".
    Welcome,
    /// Files chosen; the visitor session is being started.
    Starting,
    /// Plan and backup, as in the normal app, into `drop`.
    Visiting { drop: String, code: String },
    /// "Done — `saved` photos saved. You can take your card."
    Done { drop: String, code: String, saved: u64 },
    /// Ending the session and forgetting everything.
    Resetting,
}

/// What the driver must do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KioskAction {
    /// `POST /api/v1/kiosk/sessions` with the kiosk's key, then `on_session` (or `on_session_failed`).
    StartSession,
    /// "Into your own account": ask for an upload-only pairing, show its QR code, poll until
    /// the visitor approves it from their signed-in phone, then `on_session`.
    StartOwnAccount,
    /// Add the files the visitor chose (held while the session started) to the backup.
    ReleaseFiles,
    /// `DELETE /api/v1/kiosk/sessions/current` (`keepUploads=1` when `keep_uploads`).
    EndSession { keep_uploads: bool },
    /// Forget the file list, the token and the previews, and show the welcome screen.
    Reset,
}

#[derive(Clone, Debug)]
pub struct KioskFlow {
    phase: KioskPhase,
    idle_ms: u64,
    last_touch: u64,
    keep_uploads: bool,
    actions: Vec<KioskAction>,
}

impl KioskFlow {
    /// `idle_ms`: back to welcome after this long without a touch (the server's profile says).
    pub fn new(idle_ms: u64, now: u64) -> Self {
        KioskFlow { phase: KioskPhase::Welcome, idle_ms: idle_ms.max(1000), last_touch: now, keep_uploads: false, actions: Vec::new() }
    }

    pub fn phase(&self) -> &KioskPhase {
        &self.phase
    }

    pub fn set_idle(&mut self, idle_ms: u64) {
        self.idle_ms = idle_ms.max(1000);
    }

    /// Next action, until `None`.
    pub fn poll_action(&mut self) -> Option<KioskAction> {
        (!self.actions.is_empty()).then(|| self.actions.remove(0))
    }

    /// When `on_timeout` must be called (the idle reset), if at all.
    pub fn poll_timeout(&self) -> Option<u64> {
        matches!(self.phase, KioskPhase::Starting | KioskPhase::Visiting { .. } | KioskPhase::Done { .. })
            .then_some(self.last_touch + self.idle_ms)
    }

    /// Any touch, key or pointer: the visitor is still there.
    pub fn on_touch(&mut self, now: u64) {
        self.last_touch = now;
    }

    /// "Into your own account": the visit uploads into the visitor's account instead of a drop.
    pub fn on_begin_own(&mut self, now: u64) {
        self.on_touch(now);
        if self.phase == KioskPhase::Welcome {
            self.phase = KioskPhase::Starting;
            self.actions.push(KioskAction::StartOwnAccount);
        }
    }

    /// A visit begins without files ("Upload from your phone"): a session is started.
    pub fn on_begin(&mut self, now: u64) {
        self.on_touch(now);
        if self.phase == KioskPhase::Welcome {
            self.phase = KioskPhase::Starting;
            self.actions.push(KioskAction::StartSession);
        }
    }

    /// The visitor chose or dropped files.
    pub fn on_files(&mut self, now: u64) {
        self.on_touch(now);
        match self.phase {
            KioskPhase::Welcome => {
                self.phase = KioskPhase::Starting;
                self.actions.push(KioskAction::StartSession);
            }
            KioskPhase::Visiting { .. } | KioskPhase::Done { .. } => self.actions.push(KioskAction::ReleaseFiles),
            KioskPhase::Starting | KioskPhase::Resetting => {}
        }
    }

    pub fn on_session(&mut self, drop: String, code: String, now: u64) {
        if self.phase == KioskPhase::Starting {
            self.phase = KioskPhase::Visiting { drop, code };
            self.last_touch = now;
            self.actions.push(KioskAction::ReleaseFiles);
        }
    }

    /// The session could not be started (or the visitor never approved): back to welcome,
    /// nothing was sent.
    pub fn on_session_failed(&mut self) {
        if self.phase == KioskPhase::Starting {
            self.phase = KioskPhase::Welcome;
            self.actions.push(KioskAction::Reset);
        }
    }

    /// "Let my uploads finish if I walk away."
    pub fn set_keep_uploads(&mut self, keep: bool) {
        self.keep_uploads = keep;
    }

    /// The engine's status: a finished backup is the done screen (more files go on from it).
    pub fn on_status(&mut self, status: &Status) {
        match (&self.phase, status) {
            (KioskPhase::Visiting { drop, code }, Status::Complete { uploaded, already, .. }) => {
                self.phase = KioskPhase::Done { drop: drop.clone(), code: code.clone(), saved: uploaded + already };
            }
            (KioskPhase::Done { drop, code, .. }, Status::BackingUp { .. } | Status::ReadyToBackUp { .. } | Status::Looking { .. }) => {
                self.phase = KioskPhase::Visiting { drop: drop.clone(), code: code.clone() };
            }
            _ => {}
        }
    }

    /// "Finish": end now, whatever runs (a running upload is ended unless the visitor chose
    /// to let it finish).
    pub fn on_finish(&mut self, _now: u64) {
        self.end();
    }

    pub fn on_timeout(&mut self, now: u64) {
        if self.poll_timeout().is_some_and(|t| now >= t) {
            self.end();
        }
    }

    fn end(&mut self) {
        match self.phase {
            // Waiting for an approval nobody gave: forget it.
            KioskPhase::Starting => {
                self.phase = KioskPhase::Resetting;
                self.actions.push(KioskAction::Reset);
            }
            KioskPhase::Visiting { .. } | KioskPhase::Done { .. } => {
                self.phase = KioskPhase::Resetting;
                self.actions.push(KioskAction::EndSession { keep_uploads: self.keep_uploads });
                self.actions.push(KioskAction::Reset);
            }
            KioskPhase::Welcome | KioskPhase::Resetting => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drain(k: &mut KioskFlow) -> Vec<KioskAction> {
        std::iter::from_fn(|| k.poll_action()).collect()
    }

    #[test]
    fn a_visit_from_welcome_to_done_and_back_after_the_idle_time() {
        let mut k = KioskFlow::new(60_000, 0);
        assert_eq!(k.poll_timeout(), None, "the welcome screen never times out");
        k.on_files(1_000);
        assert_eq!(drain(&mut k), [KioskAction::StartSession]);
        k.on_files(1_200);
        assert!(drain(&mut k).is_empty(), "files while starting wait for the session");
        k.on_session("Kiosk 2026-12-01 K7QX".into(), "K7QX".into(), 1_500);
        assert_eq!(drain(&mut k), [KioskAction::ReleaseFiles]);
        k.on_status(&Status::Complete { uploaded: 5, already: 1, skipped: 2, failed: 0 });
        assert_eq!(k.phase(), &KioskPhase::Done { drop: "Kiosk 2026-12-01 K7QX".into(), code: "K7QX".into(), saved: 6 });
        k.on_touch(30_000);
        k.on_timeout(61_499);
        assert!(drain(&mut k).is_empty(), "a touch restarts the idle time");
        assert_eq!(k.poll_timeout(), Some(90_000));
        k.on_timeout(90_000);
        assert_eq!(drain(&mut k), [KioskAction::EndSession { keep_uploads: false }, KioskAction::Reset]);
        assert_eq!(k.phase(), &KioskPhase::Resetting);
    }

    #[test]
    fn finish_ends_a_running_backup_unless_the_visitor_lets_it_finish() {
        let mut k = KioskFlow::new(60_000, 0);
        k.on_files(0);
        k.on_session("d".into(), "c".into(), 0);
        k.on_status(&Status::BackingUp { done: 1, total: 9, bytes_left: 10, eta_ms: None });
        k.set_keep_uploads(true);
        drain(&mut k);
        k.on_finish(5_000);
        assert_eq!(drain(&mut k), [KioskAction::EndSession { keep_uploads: true }, KioskAction::Reset]);
    }

    #[test]
    fn into_your_own_account_waits_for_approval_and_an_unanswered_one_is_forgotten_when_idle() {
        let mut k = KioskFlow::new(60_000, 0);
        k.on_begin_own(0);
        assert_eq!(drain(&mut k), [KioskAction::StartOwnAccount]);
        assert_eq!(k.poll_timeout(), Some(60_000), "waiting for an approval times out too");
        k.on_timeout(60_000);
        assert_eq!(drain(&mut k), [KioskAction::Reset]);
        let mut k = KioskFlow::new(60_000, 0);
        k.on_begin_own(0);
        drain(&mut k);
        k.on_session("your account".into(), String::new(), 5_000);
        assert_eq!(drain(&mut k), [KioskAction::ReleaseFiles]);
        assert!(matches!(k.phase(), KioskPhase::Visiting { .. }));
    }

    #[test]
    fn more_files_after_done_go_on_in_the_same_drop_and_a_failed_start_goes_back() {
        let mut k = KioskFlow::new(60_000, 0);
        k.on_files(0);
        k.on_session("d".into(), "c".into(), 0);
        k.on_status(&Status::Complete { uploaded: 1, already: 0, skipped: 0, failed: 0 });
        drain(&mut k);
        k.on_files(10);
        assert_eq!(drain(&mut k), [KioskAction::ReleaseFiles]);
        k.on_status(&Status::Looking { found: 3 });
        assert!(matches!(k.phase(), KioskPhase::Visiting { .. }));
        let mut k2 = KioskFlow::new(60_000, 0);
        k2.on_files(0);
        drain(&mut k2);
        k2.on_session_failed();
        assert_eq!(k2.phase(), &KioskPhase::Welcome);
    }
}
