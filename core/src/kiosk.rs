//! The kiosk screen's flow, as a pure state machine beside the engine (no I/O, no clock: every
//! input carries `now`): welcome → a visitor chooses files (a session is started first) → plan
//! and backup → done ("Done — N photos saved") → back to welcome after Finish or the idle time,
//! ending the visitor's session on the server (its unfinished uploads with it, unless the
//! visitor chose to let them finish). A visit is never idle while any of its uploads moves
//! (`idle.rs`). A phone that opened the visit's link follows the same flow, but the visit is
//! the kiosk's: the phone never ends it by itself (no idle end, not when left), and shows
//! "This link has ended" once the server has.
//! The flow also holds the visit's conversation with the server (`calls.rs`): which endpoint
//! each mode asks, what each answer means, when to ask again. The driver performs the actions
//! (calls through the app's one performer) and copies the phase.
use crate::api::{ApiCall, Bearer, KioskProfileAnswer};
use serde::{Deserialize, Serialize};

mod calls;
mod idle;
mod language;
mod page_policy;
mod saved;
pub use calls::{KioskCall, END_WAIT_MS, POLL_EVERY_MS};
pub use idle::{COUNTDOWN_MS, REPORT_EVERY_MS};
pub use page_policy::PagePolicy;
pub use saved::{SavedKind, SavedKinds};

/// A kiosk screen (with the kiosk's key), or a visitor's phone that opened the kiosk's QR
/// link (with a token into that visit).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KioskMode {
    Kiosk { key: String },
    Phone { token: String },
}

/// What the flow needs to hear of the engine's status (the driver maps it from `Status`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EngineSignal {
    /// Looking at or uploading files: the visit is alive.
    Moving,
    /// A plan waits for "Back up".
    Planned,
    /// The backup is done; `saved` files are in the drop (uploaded or already there).
    Complete {
        saved: SavedKinds,
    },
    /// The server refused the token: it has ended the visit.
    SignInNeeded,
    Other,
}

/// A notice the page shows (its words are in the strings module).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KioskNotice {
    /// The kiosk cannot start visits (no key, the server unreachable).
    Unavailable,
    /// The server refused the kiosk's key when the page opened: said at once on the welcome
    /// screen, for the operator, before a visitor chooses a card.
    WrongKey,
}

/// What the kiosk screen shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum KioskPhase {
    /// "Choose or drop your photos".
    Welcome,
    /// Files chosen; the visitor session is being started.
    Starting,
    /// Plan and backup, as in the normal app, into `drop`.
    Visiting { drop: String, code: String },
    /// "Done — 6 photos, 2 images and 1 video saved. You can take your card."
    Done { drop: String, code: String, saved: SavedKinds },
    /// Ending the session and forgetting everything.
    Resetting,
    /// A phone's link: the server ended the visit ("This link has ended").
    Ended,
}

/// What the driver must do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KioskAction {
    /// Send this call; its answer comes back through `handle_answer` with its name.
    Call(KioskCall, ApiCall),
    /// The page is going away (`pagehide`): send this call with a request that outlives the
    /// page (`keepalive`); nothing comes back.
    Leave(ApiCall),
    /// "Into your own account": ask for an upload-only pairing, show its QR code, poll until
    /// the visitor approves it from their signed-in phone, then `on_own_session`.
    StartOwnAccount,
    /// Add the files the visitor chose (held while the session started) to the backup.
    ReleaseFiles,
    /// The kiosk's profile: its welcome text, whether visitors may use their own account, and
    /// the quality and limits of every visit (kept in memory, never saved).
    UseProfile(KioskProfileAnswer),
    /// The visit's token for the engine (in memory only, for this visit) and its welcome text.
    UseVisit {
        token: String,
        welcome: String,
    },
    /// A link into this visit for the visitor's phone (`/?visit=TOKEN`).
    ShowPhoneLink(String),
    /// The names of the files in the visit's drop.
    ShowArrivals(Vec<String>),
    ShowNotice(KioskNotice),
    /// Forget the files held for a visit that will not start.
    Forget,
    /// Show the page in this language (`None`: the kiosk's default again). Never kept.
    UseLanguage(Option<String>),
    /// Reload the page: it forgets the file list, the token and the previews (nothing of a
    /// visit was stored anywhere else).
    Reload,
}

#[derive(Clone, Debug)]
pub struct KioskFlow {
    mode: KioskMode,
    phase: KioskPhase,
    idle: idle::Idle,
    keep_uploads: bool,
    /// The visit uploads into the visitor's own account (an upload-only token), not a drop.
    own: bool,
    /// A link into the visit is shown: the done screen lists what reached the drop.
    phone_link: bool,
    /// When the page next asks the server about the visit.
    next_poll: Option<u64>,
    /// The visitor's language (`language.rs`).
    language: Option<String>,
    /// Calls with the visit's token not answered yet, and when the last was sent; an end that
    /// waits for them, until when (`calls.rs`).
    visit_calls: (usize, u64),
    end_after: Option<u64>,
    actions: Vec<KioskAction>,
}

impl KioskFlow {
    /// A kiosk asks for its profile at once (a kiosk opened without its key cannot start
    /// visits); a phone asks about its link from the start.
    pub fn new(mode: KioskMode, now: u64) -> Self {
        let mut k = KioskFlow {
            mode,
            phase: KioskPhase::Welcome,
            idle: idle::Idle::new(120_000, now),
            keep_uploads: false,
            own: false,
            phone_link: false,
            next_poll: None,
            language: None,
            visit_calls: (0, 0),
            end_after: None,
            actions: Vec::new(),
        };
        match &k.mode {
            KioskMode::Kiosk { key } if key.is_empty() => k.actions.push(KioskAction::ShowNotice(KioskNotice::Unavailable)),
            KioskMode::Kiosk { key } => {
                let call = ApiCall::get(crate::api::KIOSK_PROFILE_PATH, Bearer::Token(key.clone()));
                k.actions.push(KioskAction::Call(KioskCall::Profile, call));
            }
            KioskMode::Phone { .. } => k.next_poll = Some(now + POLL_EVERY_MS),
        }
        k
    }

    fn phone(&self) -> bool {
        matches!(self.mode, KioskMode::Phone { .. })
    }

    pub fn phase(&self) -> &KioskPhase {
        &self.phase
    }

    pub fn set_idle(&mut self, idle_ms: u64) {
        self.idle.set_idle(idle_ms);
    }

    pub fn mode(&self) -> &KioskMode {
        &self.mode
    }

    /// Next action, until `None`.
    pub fn poll_action(&mut self) -> Option<KioskAction> {
        (!self.actions.is_empty()).then(|| self.actions.remove(0))
    }

    fn visit_runs(&self) -> bool {
        matches!(self.phase, KioskPhase::Visiting { .. } | KioskPhase::Done { .. })
    }

    /// Whether the page asks the server about the visit now: the kiosk while its drop visit
    /// runs, a phone from the moment its link is opened until the server says it has ended.
    pub fn polls(&self) -> bool {
        match self.phone() {
            true => !matches!(self.phase, KioskPhase::Ended | KioskPhase::Resetting),
            false => self.visit_runs() && !self.own,
        }
    }

    /// The kiosk's own screen times out (the phone's page waits for the server's word).
    fn times_out(&self) -> bool {
        !self.phone() && (self.visit_runs() || self.phase == KioskPhase::Starting)
    }

    /// When `handle_timeout` must be called: the countdown appears, ticks, or the visit ends;
    /// or the server is asked about the visit again.
    pub fn poll_timeout(&self) -> Option<u64> {
        let idle = self.times_out().then(|| self.idle.next_wake(self.done_counts_down())).flatten();
        let poll = self.next_poll.filter(|_| self.polls());
        [idle, poll, self.language_resets_at(), self.end_after].into_iter().flatten().min()
    }

    /// The kiosk's done screen shows the time to its reset all along.
    fn done_counts_down(&self) -> bool {
        !self.phone() && matches!(self.phase, KioskPhase::Done { .. })
    }

    /// The done screen's "This screen starts over in N s": whole seconds to the reset.
    pub fn resets_in(&self) -> Option<u64> {
        self.done_counts_down().then(|| self.idle.seconds_left()).flatten()
    }

    /// "Finishing in N s — touch to stay": whole seconds left, only in the last stretch.
    pub fn finishing_in(&self) -> Option<u64> {
        self.times_out().then(|| self.idle.finishing_in()).flatten()
    }

    /// Any touch, key or pointer: the visitor is still there (and the server hears of it,
    /// now and then, so a visit active here is active everywhere).
    pub fn handle_touch(&mut self, now: u64) {
        self.idle.touch(now);
        if self.visit_runs() && self.idle.report_due(now) && !self.own {
            let call = ApiCall::post::<()>(crate::api::KIOSK_ACTIVITY_PATH, self.visit_bearer(), None);
            self.visit_call(KioskCall::Activity, call, now);
        }
    }

    /// "Into your own account": the visit uploads into the visitor's account instead of a drop.
    pub fn handle_begin_own(&mut self, now: u64) {
        self.handle_touch(now);
        if self.phase == KioskPhase::Welcome {
            self.phase = KioskPhase::Starting;
            self.idle.restart(now);
            self.actions.push(KioskAction::StartOwnAccount);
        }
    }

    /// A visit begins without files ("Upload from your phone"): a session is started.
    pub fn handle_begin(&mut self, now: u64) {
        self.handle_touch(now);
        if self.phase == KioskPhase::Welcome {
            self.phase = KioskPhase::Starting;
            self.idle.restart(now);
            self.start();
        }
    }

    /// The visitor chose or dropped files.
    pub fn handle_files(&mut self, now: u64) {
        self.handle_touch(now);
        match self.phase {
            KioskPhase::Welcome => {
                self.phase = KioskPhase::Starting;
                self.idle.restart(now);
                self.start();
            }
            KioskPhase::Visiting { .. } | KioskPhase::Done { .. } => self.actions.push(KioskAction::ReleaseFiles),
            KioskPhase::Starting | KioskPhase::Resetting | KioskPhase::Ended => {}
        }
    }

    /// The visitor approved the own-account pairing (its token is the engine's now).
    pub fn on_own_session(&mut self, now: u64) {
        if self.phase == KioskPhase::Starting {
            self.own = true;
        }
        self.on_session(String::new(), String::new(), now);
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
            self.phase = if self.phone() { KioskPhase::Ended } else { KioskPhase::Welcome };
            self.actions.push(KioskAction::Forget);
        }
    }

    /// The server no longer knows the visit (401 for its token: Finish elsewhere, the idle
    /// end, the expiry). The kiosk forgets it at once; a phone says the link has ended.
    fn on_session_gone(&mut self) {
        if self.phone() {
            if self.phase != KioskPhase::Ended {
                self.phase = KioskPhase::Ended;
                self.actions.push(KioskAction::Forget);
            }
        } else if self.visit_runs() {
            self.phase = KioskPhase::Resetting;
            self.actions.push(KioskAction::Reload);
        }
    }

    /// The server's answer about the visit (`GET …/sessions/current`): bytes are arriving for
    /// one of its uploads, and when it last saw activity (epoch ms, the server's clock).
    fn on_server(&mut self, uploads_moving: bool, last_activity: Option<u64>, now: u64) {
        self.idle.on_server(uploads_moving, last_activity, now);
    }

    /// "Let my uploads finish if I walk away."
    pub fn set_keep_uploads(&mut self, keep: bool) {
        self.keep_uploads = keep;
    }

    /// The engine's status: a finished backup is the done screen (more files go on from it,
    /// and a kiosk showing a phone link lists the drop again); looking at or uploading files
    /// keeps the visit alive; a refused token means the server ended the visit.
    pub fn handle_engine(&mut self, now: u64, signal: EngineSignal) {
        self.idle.on_engine(signal == EngineSignal::Moving, now);
        match (&self.phase, signal) {
            (KioskPhase::Visiting { drop, code }, EngineSignal::Complete { saved }) => {
                self.phase = KioskPhase::Done { drop: drop.clone(), code: code.clone(), saved };
            }
            (KioskPhase::Done { drop, code, .. }, EngineSignal::Moving | EngineSignal::Planned) => {
                self.phase = KioskPhase::Visiting { drop: drop.clone(), code: code.clone() };
            }
            (KioskPhase::Visiting { .. } | KioskPhase::Done { .. }, EngineSignal::SignInNeeded) => self.on_session_gone(),
            _ => {}
        }
        if matches!(signal, EngineSignal::Complete { .. }) && self.phone_link {
            // The done screen lists what is in the drop now, not at the last poll.
            self.ask_arrivals();
        }
    }

    /// "Finish": end now, whatever runs (a running upload is ended unless the visitor chose
    /// to let it finish).
    pub fn handle_finish(&mut self, now: u64) {
        self.end(now);
    }

    /// The page is being left (`pagehide`): the kiosk's visit ends with it, so that no later
    /// restore of this page (Back, Forward) finds it alive. A phone leaves the visit running.
    pub fn handle_page_hidden(&mut self) {
        if self.phone() {
            return;
        }
        match self.phase {
            KioskPhase::Visiting { .. } | KioskPhase::Done { .. } => {
                self.phase = KioskPhase::Resetting;
                self.actions.push(KioskAction::Leave(self.end_call(false)));
            }
            KioskPhase::Starting => self.phase = KioskPhase::Resetting,
            KioskPhase::Welcome | KioskPhase::Resetting | KioskPhase::Ended => {}
        }
    }

    pub fn handle_timeout(&mut self, now: u64) {
        self.idle.on_time(now);
        if self.times_out() && self.idle.expired(now) {
            self.end(now);
        }
        self.end_if_due(now);
        self.language_on_time(now);
        self.poll_if_due(now);
    }

    fn end(&mut self, now: u64) {
        match self.phase {
            // Waiting for an approval nobody gave: forget it.
            KioskPhase::Starting => {
                self.phase = KioskPhase::Resetting;
                self.actions.push(KioskAction::Reload);
            }
            // The page reloads once the server has ended the visit (`handle_answer`).
            KioskPhase::Visiting { .. } | KioskPhase::Done { .. } => {
                self.phase = KioskPhase::Resetting;
                self.end_after = Some(now + END_WAIT_MS);
                self.end_if_due(now);
            }
            KioskPhase::Welcome | KioskPhase::Resetting | KioskPhase::Ended => {}
        }
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod visit_tests;
