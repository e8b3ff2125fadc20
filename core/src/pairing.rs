//! Pairing, the asking device's side (the OAuth device-authorization pattern): ask for a
//! pairing, show its code, poll every 2 s until a signed-in device approves it (428 pending,
//! 200 the token), give up after 10 minutes, and stop when the screen that asked moves on.
//! "Sign in this device" and the kiosk's "Into your own account" both run this flow.
use crate::api::{ApiAnswer, ApiCall, Bearer, DeviceScope, DeviceToken, PairPoll, PairRequest, PairStarted, PAIR_PATH, PAIR_POLL_PATH};
use crate::kiosk::KioskPhase;

/// Between two polls (the server's `interval`).
pub const POLL_EVERY_MS: u64 = 2_000;
/// How long a shown code waits for its approval.
pub const DEADLINE_MS: u64 = 10 * 60_000;

/// Which call an answer is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PairingCall {
    Start,
    Poll,
}

/// Why a pairing ended without a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PairingFailure {
    /// The server did not start one (unreachable, refused, too many).
    NotStarted,
    /// Not approved in time, or the server no longer knows it.
    Expired,
}

/// What the driver must do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PairingAction {
    Call(PairingCall, ApiCall),
    /// Show the code and the QR code of [`approve_link`].
    ShowCode(String),
    HideCode,
    /// Approved: this is the device's own token.
    SignedIn(String),
    Failed(PairingFailure),
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum State {
    Starting,
    Waiting { device_code: String, deadline: u64, next_poll: u64, asking: bool },
    Over,
}

#[derive(Clone, Debug)]
pub struct PairingFlow {
    state: State,
    actions: Vec<PairingAction>,
}

/// The address that opens the approval of `code` on a signed-in device.
pub fn approve_link(origin: &str, code: &str) -> String {
    format!("{origin}/?approve={code}")
}

impl PairingFlow {
    /// "Sign in this device": a signed-in device named `name`.
    pub fn sign_in(name: String) -> Self {
        Self::start(PairRequest { name: Some(name), scope: Some(DeviceScope::Full), ttl_seconds: None })
    }

    /// The kiosk's own-account visit: an upload-only token for an hour.
    pub fn kiosk_visit() -> Self {
        Self::start(PairRequest { name: Some("Shoebox kiosk".into()), scope: Some(DeviceScope::Upload), ttl_seconds: Some(3600) })
    }

    fn start(request: PairRequest) -> Self {
        let call = ApiCall::post(PAIR_PATH, Bearer::Nobody, Some(&request));
        PairingFlow { state: State::Starting, actions: vec![PairingAction::Call(PairingCall::Start, call)] }
    }

    /// Next action, until `None`.
    pub fn poll_action(&mut self) -> Option<PairingAction> {
        (!self.actions.is_empty()).then(|| self.actions.remove(0))
    }

    /// When `handle_timeout` must be called: the next poll, or the deadline.
    pub fn poll_timeout(&self) -> Option<u64> {
        match &self.state {
            State::Waiting { asking: false, next_poll, deadline, .. } => Some((*next_poll).min(*deadline)),
            _ => None,
        }
    }

    /// Whether it still waits for a call or its approval.
    pub fn is_running(&self) -> bool {
        self.state != State::Over
    }

    pub fn handle_timeout(&mut self, now: u64) {
        let State::Waiting { device_code, deadline, next_poll, asking } = &mut self.state else { return };
        if now >= *deadline {
            return self.end(PairingAction::Failed(PairingFailure::Expired));
        }
        if *asking || now < *next_poll {
            return;
        }
        *asking = true;
        let body = PairPoll { device_code: device_code.clone() };
        self.actions.push(PairingAction::Call(PairingCall::Poll, ApiCall::post(PAIR_POLL_PATH, Bearer::Nobody, Some(&body))));
    }

    pub fn handle_answer(&mut self, now: u64, which: PairingCall, answer: ApiAnswer) {
        match (which, &mut self.state) {
            (PairingCall::Start, State::Starting) => match answer.ok().filter(|r| r.status == 201).and_then(|r| r.json::<PairStarted>()) {
                Some(started) => {
                    self.actions.push(PairingAction::ShowCode(started.user_code));
                    let deadline = now + DEADLINE_MS;
                    self.state =
                        State::Waiting { device_code: started.device_code, deadline, next_poll: now + POLL_EVERY_MS, asking: false };
                }
                None => self.end(PairingAction::Failed(PairingFailure::NotStarted)),
            },
            (PairingCall::Poll, State::Waiting { next_poll, asking, .. }) => {
                *asking = false;
                match answer {
                    // Not approved yet; a lost answer is asked again, the deadline still counts.
                    Ok(r) if r.status == 428 => *next_poll = now + POLL_EVERY_MS,
                    Err(_) => *next_poll = now + POLL_EVERY_MS,
                    Ok(r) => match r.json::<DeviceToken>().filter(|_| r.status == 200) {
                        Some(t) => self.end(PairingAction::SignedIn(t.token)),
                        None => self.end(PairingAction::Failed(PairingFailure::Expired)),
                    },
                }
            }
            // An answer after a stop, or out of turn.
            _ => {}
        }
    }

    /// The screen that asked moved on: no more calls, and its code is hidden.
    pub fn handle_stop(&mut self) {
        self.actions.retain(|a| !matches!(a, PairingAction::Call(..)));
        if matches!(self.state, State::Waiting { .. }) {
            self.actions.push(PairingAction::HideCode);
        }
        self.state = State::Over;
    }

    /// A kiosk visit waits for its approval only while it is starting.
    pub fn handle_kiosk_phase(&mut self, phase: &KioskPhase) {
        if *phase != KioskPhase::Starting {
            self.handle_stop();
        }
    }

    fn end(&mut self, outcome: PairingAction) {
        if matches!(self.state, State::Waiting { .. }) {
            self.actions.push(PairingAction::HideCode);
        }
        self.state = State::Over;
        self.actions.push(outcome);
    }
}

#[cfg(test)]
mod tests;
