//! The kiosk screen's flow, as a pure state machine beside the engine (no I/O, no clock: every
//! input carries `now`): welcome → a visitor chooses files (a session is started first) → plan
//! and backup → done ("Done — N photos saved") → back to welcome after Finish or the idle time,
//! ending the visitor's session on the server (its unfinished uploads with it, unless the
//! visitor chose to let them finish). A visit is never idle while any of its uploads moves
//! (`idle.rs`). A phone that opened the visit's link follows the same flow, but the visit is
//! the kiosk's: the phone never ends it by itself (no idle end, not when left), and shows
//! "This link has ended" once the server has.
//! The driver performs the actions and copies the phase.
use crate::engine::Status;
use serde::{Deserialize, Serialize};

mod idle;
pub use idle::{COUNTDOWN_MS, REPORT_EVERY_MS};

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
    /// A phone's link: the server ended the visit ("This link has ended").
    Ended,
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
    /// The page is going away (`pagehide`): end the session with a request that outlives the
    /// page (`keepalive`); its uploads die with the page, so none is kept.
    EndSessionLeaving,
    /// `POST /api/v1/kiosk/sessions/current/activity`: the visitor is here.
    ReportActivity,
    /// Forget the file list, the token and the previews, and show the welcome screen.
    Reset,
}

#[derive(Clone, Debug)]
pub struct KioskFlow {
    phase: KioskPhase,
    idle: idle::Idle,
    keep_uploads: bool,
    /// A phone that opened the visit's link, not the kiosk's own screen.
    phone: bool,
    actions: Vec<KioskAction>,
}

impl KioskFlow {
    /// `idle_ms`: back to welcome after this long without activity (the server's profile says).
    pub fn new(idle_ms: u64, now: u64) -> Self {
        KioskFlow {
            phase: KioskPhase::Welcome,
            idle: idle::Idle::new(idle_ms, now),
            keep_uploads: false,
            phone: false,
            actions: Vec::new(),
        }
    }

    /// The flow of a phone that opened the visit's link.
    pub fn phone(now: u64) -> Self {
        KioskFlow { phone: true, ..KioskFlow::new(120_000, now) }
    }

    pub fn phase(&self) -> &KioskPhase {
        &self.phase
    }

    pub fn set_idle(&mut self, idle_ms: u64) {
        self.idle.set_idle(idle_ms);
    }

    /// Next action, until `None`.
    pub fn poll_action(&mut self) -> Option<KioskAction> {
        (!self.actions.is_empty()).then(|| self.actions.remove(0))
    }

    fn visit_runs(&self) -> bool {
        matches!(self.phase, KioskPhase::Visiting { .. } | KioskPhase::Done { .. })
    }

    /// Whether the page asks the server about the visit now: the kiosk while its visit runs, a
    /// phone from the moment its link is opened until the server says it has ended.
    pub fn polls(&self) -> bool {
        match self.phone {
            true => !matches!(self.phase, KioskPhase::Ended | KioskPhase::Resetting),
            false => self.visit_runs(),
        }
    }

    /// The kiosk's own screen times out (the phone's page waits for the server's word).
    fn times_out(&self) -> bool {
        !self.phone && (self.visit_runs() || self.phase == KioskPhase::Starting)
    }

    /// When `on_timeout` must be called: the countdown appears, ticks, or the visit ends.
    pub fn poll_timeout(&self) -> Option<u64> {
        self.times_out().then(|| self.idle.next_wake()).flatten()
    }

    /// "Finishing in N s — touch to stay": whole seconds left, only in the last stretch.
    pub fn finishing_in(&self) -> Option<u64> {
        self.times_out().then(|| self.idle.finishing_in()).flatten()
    }

    /// Any touch, key or pointer: the visitor is still there (and the server hears of it,
    /// now and then, so a visit active here is active everywhere).
    pub fn on_touch(&mut self, now: u64) {
        self.idle.touch(now);
        if self.visit_runs() && self.idle.report_due(now) {
            self.actions.push(KioskAction::ReportActivity);
        }
    }

    /// "Into your own account": the visit uploads into the visitor's account instead of a drop.
    pub fn on_begin_own(&mut self, now: u64) {
        self.on_touch(now);
        if self.phase == KioskPhase::Welcome {
            self.phase = KioskPhase::Starting;
            self.idle.restart(now);
            self.actions.push(KioskAction::StartOwnAccount);
        }
    }

    /// A visit begins without files ("Upload from your phone"): a session is started.
    pub fn on_begin(&mut self, now: u64) {
        self.on_touch(now);
        if self.phase == KioskPhase::Welcome {
            self.phase = KioskPhase::Starting;
            self.idle.restart(now);
            self.actions.push(KioskAction::StartSession);
        }
    }

    /// The visitor chose or dropped files.
    pub fn on_files(&mut self, now: u64) {
        self.on_touch(now);
        match self.phase {
            KioskPhase::Welcome => {
                self.phase = KioskPhase::Starting;
                self.idle.restart(now);
                self.actions.push(KioskAction::StartSession);
            }
            KioskPhase::Visiting { .. } | KioskPhase::Done { .. } => self.actions.push(KioskAction::ReleaseFiles),
            KioskPhase::Starting | KioskPhase::Resetting | KioskPhase::Ended => {}
        }
    }

    pub fn on_session(&mut self, drop: String, code: String, now: u64) {
        if self.phase == KioskPhase::Starting {
            self.phase = KioskPhase::Visiting { drop, code };
            self.idle.touch(now);
            self.actions.push(KioskAction::ReleaseFiles);
        }
    }

    /// The session could not be started (or the visitor never approved): back to welcome,
    /// nothing was sent. A phone whose link is refused has ended.
    pub fn on_session_failed(&mut self) {
        if self.phase == KioskPhase::Starting {
            self.phase = if self.phone { KioskPhase::Ended } else { KioskPhase::Welcome };
            self.actions.push(KioskAction::Reset);
        }
    }

    /// The server no longer knows the visit (401 for its token: Finish elsewhere, the idle
    /// end, the expiry). The kiosk forgets it at once; a phone says the link has ended.
    pub fn on_session_gone(&mut self) {
        if self.phone {
            if self.phase != KioskPhase::Ended {
                self.phase = KioskPhase::Ended;
                self.actions.push(KioskAction::Reset);
            }
        } else if self.visit_runs() {
            self.phase = KioskPhase::Resetting;
            self.actions.push(KioskAction::Reset);
        }
    }

    /// The server's answer about the visit (`GET …/sessions/current`): bytes are arriving for
    /// one of its uploads, and when it last saw activity (epoch ms, the server's clock).
    pub fn on_server(&mut self, uploads_moving: bool, last_activity: Option<u64>, now: u64) {
        self.idle.on_server(uploads_moving, last_activity, now);
    }

    /// "Let my uploads finish if I walk away."
    pub fn set_keep_uploads(&mut self, keep: bool) {
        self.keep_uploads = keep;
    }

    /// The engine's status: a finished backup is the done screen (more files go on from it);
    /// looking at or uploading files keeps the visit alive; a refused token means the server
    /// ended the visit.
    pub fn on_status(&mut self, status: &Status, now: u64) {
        self.idle.on_engine(matches!(status, Status::Looking { .. } | Status::BackingUp { .. }), now);
        match (&self.phase, status) {
            (KioskPhase::Visiting { drop, code }, Status::Complete { uploaded, already, .. }) => {
                self.phase = KioskPhase::Done { drop: drop.clone(), code: code.clone(), saved: uploaded + already };
            }
            (KioskPhase::Done { drop, code, .. }, Status::BackingUp { .. } | Status::ReadyToBackUp { .. } | Status::Looking { .. }) => {
                self.phase = KioskPhase::Visiting { drop: drop.clone(), code: code.clone() };
            }
            (KioskPhase::Visiting { .. } | KioskPhase::Done { .. }, Status::SignInNeeded) => self.on_session_gone(),
            _ => {}
        }
    }

    /// "Finish": end now, whatever runs (a running upload is ended unless the visitor chose
    /// to let it finish).
    pub fn on_finish(&mut self, _now: u64) {
        self.end();
    }

    /// The page is being left (`pagehide`): the kiosk's visit ends with it, so that no later
    /// restore of this page (Back, Forward) finds it alive. A phone leaves the visit running.
    pub fn on_page_hidden(&mut self) {
        if self.phone {
            return;
        }
        match self.phase {
            KioskPhase::Visiting { .. } | KioskPhase::Done { .. } => {
                self.phase = KioskPhase::Resetting;
                self.actions.push(KioskAction::EndSessionLeaving);
            }
            KioskPhase::Starting => self.phase = KioskPhase::Resetting,
            KioskPhase::Welcome | KioskPhase::Resetting | KioskPhase::Ended => {}
        }
    }

    pub fn on_timeout(&mut self, now: u64) {
        self.idle.on_time(now);
        if self.times_out() && self.idle.expired(now) {
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
            KioskPhase::Welcome | KioskPhase::Resetting | KioskPhase::Ended => {}
        }
    }
}

#[cfg(test)]
mod tests;
