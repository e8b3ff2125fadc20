//! The kiosk visit's conversation with the server: which endpoint each mode asks with which
//! token, what each answer means for the flow, and how often the page asks about the visit
//! (and, on the kiosk, about its drop) while it runs.
use super::{KioskAction, KioskFlow, KioskMode, KioskNotice, KioskPhase};
use crate::api::kiosk::instant_ms;
use crate::api::{ApiAnswer, ApiCall, ApiReply, Bearer, KioskProfileAnswer, KioskSession, MediaPage, PhoneLink};
use crate::api::{KIOSK_PHONE_PATH, KIOSK_SESSIONS_PATH, KIOSK_SESSION_PATH};

/// The page asks the server about the visit this often.
pub const POLL_EVERY_MS: u64 = 2_000;
/// The kiosk lists at most this many files of its drop.
const ARRIVALS: &str = "?limit=1000";

/// Which call an answer belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KioskCall {
    /// `GET /api/v1/kiosk/profile` with the kiosk's key.
    Profile,
    /// A kiosk starts a visit with its key (`POST …/sessions`, 201); a phone joins the visit
    /// its link names (`GET …/sessions/current`, 200).
    Start,
    /// `POST …/current/phone`: a link into the visit for the visitor's phone.
    PhoneLink,
    /// `GET …/sessions/current`: are the visit's uploads moving, when was it last active
    /// (or 401: it has ended).
    Visit,
    /// `GET /api/v1/media`: the files in the visit's drop.
    Arrivals,
    /// `POST …/current/activity`: the visitor is here.
    Activity,
    /// `DELETE …/sessions/current` (or `/api/v1/devices/current` for an own-account visit).
    End,
}

/// The longest an end waits for the visit's calls still out (Finish pressed right after a
/// touch reported activity): sent after the visit ended, they would be refused (401), which the
/// browser shows as an error on the kiosk's screen.
pub const END_WAIT_MS: u64 = 5_000;

/// The answer's body as `T` when it came with `status`.
fn read<T: serde::de::DeserializeOwned>(answer: &ApiAnswer, status: u16) -> Option<T> {
    answer.as_ref().ok().filter(|r| r.status == status).and_then(ApiReply::json)
}

impl KioskFlow {
    pub(super) fn start(&mut self) {
        let call = match &self.mode {
            KioskMode::Kiosk { key } => ApiCall::post::<()>(KIOSK_SESSIONS_PATH, Bearer::Token(key.clone()), None),
            KioskMode::Phone { token } => ApiCall::get(KIOSK_SESSION_PATH, Bearer::Token(token.clone())),
        };
        self.actions.push(KioskAction::Call(KioskCall::Start, call));
    }

    /// The token this page speaks for the visit with: the phone's link, or the kiosk's visitor
    /// token (the engine's).
    pub(super) fn visit_bearer(&self) -> Bearer {
        match &self.mode {
            KioskMode::Phone { token } => Bearer::Token(token.clone()),
            KioskMode::Kiosk { .. } => Bearer::Device,
        }
    }

    /// An own-account visit ends its upload-only token; a drop visit ends its session.
    pub(super) fn end_call(&self, keep_uploads: bool) -> ApiCall {
        let path = match (self.own, keep_uploads) {
            (true, _) => crate::api::DEVICE_CURRENT_PATH.to_string(),
            (false, true) => format!("{KIOSK_SESSION_PATH}?keepUploads=1"),
            (false, false) => KIOSK_SESSION_PATH.to_string(),
        };
        ApiCall::delete(path, Bearer::Device)
    }

    pub(super) fn ask_arrivals(&mut self) {
        let call = ApiCall::get(format!("{}{ARRIVALS}", crate::api::MEDIA_PATH), Bearer::Device);
        let since = self.visit_calls.1;
        self.visit_call(KioskCall::Arrivals, call, since);
    }

    /// A call with the visit's token: counted until answered.
    pub(super) fn visit_call(&mut self, which: KioskCall, call: ApiCall, now: u64) {
        self.visit_calls = (self.visit_calls.0 + 1, now.max(self.visit_calls.1));
        self.actions.push(KioskAction::Call(which, call));
    }

    /// The visit ends once no call with its token is out, unless the last went out more than
    /// [`END_WAIT_MS`] ago (an answer that never comes holds nothing), or at the deadline.
    pub(super) fn end_if_due(&mut self, now: u64) {
        let Some(deadline) = self.end_after else { return };
        let (out, last) = self.visit_calls;
        if out == 0 || now >= deadline || now >= last + END_WAIT_MS {
            self.end_after = None;
            self.actions.push(KioskAction::Call(KioskCall::End, self.end_call(self.keep_uploads)));
            self.actions.push(KioskAction::Forget);
        }
    }

    /// Every `POLL_EVERY_MS` while the page asks: the visit's state, and on a kiosk its drop.
    pub(super) fn poll_if_due(&mut self, now: u64) {
        if !self.polls() || self.next_poll.is_none_or(|t| now < t) {
            return;
        }
        self.next_poll = Some(now + POLL_EVERY_MS);
        self.visit_call(KioskCall::Visit, ApiCall::get(KIOSK_SESSION_PATH, self.visit_bearer()), now);
        if !self.phone() {
            self.ask_arrivals();
        }
    }

    /// What the server answered to `call`.
    pub fn handle_answer(&mut self, now: u64, call: KioskCall, answer: ApiAnswer) {
        if matches!(call, KioskCall::Visit | KioskCall::Arrivals | KioskCall::Activity | KioskCall::PhoneLink) {
            self.visit_calls.0 = self.visit_calls.0.saturating_sub(1);
        }
        self.answer(now, call, answer);
        self.end_if_due(now);
    }

    fn answer(&mut self, now: u64, call: KioskCall, answer: ApiAnswer) {
        match call {
            KioskCall::Profile => match answer.as_ref().map(|r| r.status) {
                // Not a kiosk key of this server (unknown or revoked). A 404 is a kiosk key
                // without a profile of its own: it keeps the defaults.
                Ok(401 | 403) => self.actions.push(KioskAction::ShowNotice(KioskNotice::WrongKey)),
                _ => {
                    if let Some(p) = read::<KioskProfileAnswer>(&answer, 200) {
                        self.set_idle(p.idle_seconds * 1000);
                        self.actions.push(KioskAction::UseProfile(p));
                    }
                }
            },
            KioskCall::Start => self.started(now, answer),
            KioskCall::PhoneLink => {
                if let Some(link) = read::<PhoneLink>(&answer, 201) {
                    self.phone_link = true;
                    self.actions.push(KioskAction::ShowPhoneLink(link.token));
                }
            }
            KioskCall::Visit => match answer.as_ref().map(|r| r.status) {
                Ok(401) => self.on_session_gone(),
                _ => {
                    if let Some(s) = read::<KioskSession>(&answer, 200) {
                        self.on_server(s.uploads_moving, instant_ms(&s.last_activity_at), now);
                    }
                }
            },
            KioskCall::Arrivals => {
                if let Some(page) = read::<MediaPage>(&answer, 200) {
                    let names = page.items.into_iter().filter_map(|i| i.filename).collect();
                    self.actions.push(KioskAction::ShowArrivals(names));
                }
            }
            KioskCall::Activity => {}
            // Whatever the answer, the visit is over here: forget it.
            KioskCall::End => self.actions.push(KioskAction::Reload),
        }
    }

    /// The visit's session started (or was refused: a kiosk says it is unavailable, a phone
    /// that its link has ended).
    fn started(&mut self, now: u64, answer: ApiAnswer) {
        let (status, token) = match &self.mode {
            KioskMode::Kiosk { .. } => (201, None),
            KioskMode::Phone { token } => (200, Some(token.clone())),
        };
        let Some(s) = read::<KioskSession>(&answer, status) else {
            if !self.phone() && self.phase == KioskPhase::Starting {
                self.actions.push(KioskAction::ShowNotice(KioskNotice::Unavailable));
            }
            return self.on_session_failed();
        };
        if self.phase != KioskPhase::Starting {
            return;
        }
        let token = token.or(s.token).unwrap_or_default();
        self.set_idle(s.idle_seconds * 1000);
        self.actions.push(KioskAction::UseVisit { token, welcome: s.welcome });
        self.on_session(s.drop, s.code, now);
        if !self.phone() {
            self.visit_call(KioskCall::PhoneLink, ApiCall::post::<()>(KIOSK_PHONE_PATH, Bearer::Device, None), now);
            self.next_poll = Some(now + POLL_EVERY_MS);
        }
    }
}
