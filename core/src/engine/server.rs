//! The server handshake: `GET /api/v1/config` and `OPTIONS {endpoint}`, once per endpoint, and
//! what their answers mean. Reachability is not a server type: an endpoint that cannot be
//! reached at all (OPTIONS fails too) is "Waiting for connection" and both are asked again
//! later; only a reachable tus endpoint whose config request fails is a plain tus server.
use super::http::*;
use super::parts::{ReqKind, Timer};
use super::protocol::ServerCaps;
use super::requests;
use super::Engine;
use crate::api::Config;

/// Progress of a one-off server request (config, OPTIONS).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Fetch {
    #[default]
    NotAsked,
    InFlight,
    /// The config request failed without an answer; whether that means "a plain tus server"
    /// or "unreachable" waits for OPTIONS.
    NoAnswer,
    Done,
}

/// After "storage is full", the engine tries again this often (space may have been freed).
const STORAGE_RETRY_MS: u64 = 5 * 60_000;

/// How long to wait before asking an unreachable server again: 1 s, doubling to 30 s.
const REACH_RETRY_MS: [u64; 6] = [1_000, 2_000, 4_000, 8_000, 16_000, 30_000];

#[derive(Debug, Default)]
pub(crate) struct ServerState {
    pub config: Option<Config>,
    pub config_state: Fetch,
    pub caps: Option<ServerCaps>,
    pub options_state: Fetch,
    /// The server answered 401: everything waits for a new token (or `resume_all`).
    pub signin: bool,
    /// A media/check request is out.
    pub checking: bool,
    /// The endpoint could not be reached at all; asked again at the next Server timer.
    pub unreachable: bool,
    /// Tries in a row that found it unreachable (for the retry delay).
    pub reach_failures: usize,
    /// A creation was answered 507: no room for more (quota or disk); the server's reason.
    pub storage_full: Option<crate::failure::FailReason>,
    /// Digests (original and uploaded, and large files' size keys) of content a deduplicating server said
    /// it holds since this endpoint and token were set: an upload completed, or a duplicate
    /// answered. A later file with those bytes creates its upload without a body
    /// (`transfer.rs`), or is hashed whole first when not hashed yet (`scheduler.rs`).
    pub holds: std::collections::HashSet<String>,
}

impl ServerState {
    /// Forget what the server said (a new endpoint or token).
    pub fn reset(&mut self) {
        *self = ServerState::default();
    }
    /// The endpoint did not answer, and has not answered since: true from the first failed
    /// OPTIONS until one succeeds, also while it is being asked again.
    pub fn cannot_reach(&self) -> bool {
        self.unreachable || self.reach_failures > 0
    }
    /// Whether the server deduplicates content (its config says so).
    pub fn dedups(&self) -> bool {
        self.config.as_ref().is_some_and(|c| c.dedup)
    }
    /// Whether the handshake is complete enough to upload.
    pub fn ready(&self) -> bool {
        self.options_state == Fetch::Done && !self.unreachable
    }
}

impl Engine {
    /// Config and OPTIONS, once per endpoint (again when they could not be asked or answered).
    pub(crate) fn pump_server(&mut self, now: u64) {
        if !self.run.online || self.server.signin || self.server.unreachable {
            return;
        }
        // A kiosk's page before its visit: the server would refuse a request without a token.
        if self.settings.token_required && self.settings.token.is_none() {
            return;
        }
        if self.server.config_state == Fetch::NotAsked {
            self.server.config_state = Fetch::InFlight;
            let r = requests::config(&self.settings);
            self.send(ReqKind::Config, r, now);
        }
        if self.server.options_state == Fetch::NotAsked {
            self.server.options_state = Fetch::InFlight;
            let r = requests::options(&self.settings);
            self.send(ReqKind::Options, r, now);
        }
    }

    pub(crate) fn sign_in_needed(&mut self, now: u64) {
        if !self.server.signin {
            self.abort_transfers(now);
            self.server.signin = true;
            self.out.dirty = true;
        }
    }

    pub(crate) fn on_config(&mut self, result: Result<HttpResponse, NetError>, now: u64) {
        self.server.config_state = Fetch::Done;
        match result {
            Ok(resp) if resp.status == 401 => {
                self.server.config = None;
                self.sign_in_needed(now);
            }
            Ok(resp) if (200..300).contains(&resp.status) => {
                self.server.config = serde_json::from_str::<Config>(&resp.body).ok();
            }
            Err(NetError::Offline) => {
                self.server.config_state = Fetch::NotAsked;
                self.timers.set(now + 1000, Timer::Server);
            }
            // No answer at all: a CORS refusal of a third-party server looks the same as a
            // server that is down. OPTIONS tells them apart.
            Err(_) => {
                self.server.config_state = Fetch::NoAnswer;
                self.settle_handshake(now);
            }
            // A reachable endpoint without our API: a plain tus server (seed limits, no dedup).
            Ok(_) => self.server.config = None,
        }
        self.out.dirty = true;
    }

    pub(crate) fn on_options(&mut self, result: Result<HttpResponse, NetError>, now: u64) {
        match &result {
            Err(NetError::Offline) => {
                self.server.options_state = Fetch::NotAsked;
                self.timers.set(now + 1000, Timer::Server);
                return;
            }
            Err(_) => {
                // Nothing answers: not a server type, a connection problem.
                self.server.options_state = Fetch::NotAsked;
                self.server.unreachable = true;
                let delay = REACH_RETRY_MS[self.server.reach_failures.min(REACH_RETRY_MS.len() - 1)];
                self.server.reach_failures += 1;
                if self.server.config_state != Fetch::InFlight {
                    self.server.config_state = Fetch::NotAsked;
                }
                self.abort_transfers(now);
                self.timers.set(now + delay, Timer::Server);
                self.out.dirty = true;
                return;
            }
            Ok(resp) if resp.status == 401 => {
                self.server.options_state = Fetch::NotAsked;
                self.sign_in_needed(now);
                return;
            }
            Ok(resp) if (200..300).contains(&resp.status) => self.server.caps = Some(ServerCaps::from_options(resp)),
            Ok(_) => self.server.caps = Some(ServerCaps::default()),
        }
        self.server.options_state = Fetch::Done;
        self.server.reach_failures = 0;
        self.settle_handshake(now);
        self.out.dirty = true;
    }

    /// The config had no answer: once OPTIONS has answered, the endpoint is reachable and has
    /// no Shoebox API.
    fn settle_handshake(&mut self, _now: u64) {
        if self.server.config_state == Fetch::NoAnswer && self.server.options_state == Fetch::Done {
            self.server.config_state = Fetch::Done;
            self.server.config = None;
        }
    }

    /// A creation answered 507: no new upload is created until there is room (asked again
    /// later); uploads the server already took go on.
    pub(crate) fn storage_is_full(&mut self, reason: crate::failure::FailReason, now: u64) {
        if self.server.storage_full.is_none() {
            self.timers.set(now + STORAGE_RETRY_MS, Timer::Server);
        }
        self.server.storage_full = Some(reason);
        self.out.dirty = true;
    }

    /// The Server timer: ask an unreachable (or offline) server again; try again after a
    /// "storage is full".
    pub(crate) fn on_server_timer(&mut self, now: u64) {
        if self.server.storage_full.take().is_some() {
            self.clear_retries();
            self.speed.meter.reset(now);
            self.out.dirty = true;
        }
        if self.server.unreachable {
            self.server.unreachable = false;
            if self.server.config_state == Fetch::NoAnswer {
                self.server.config_state = Fetch::NotAsked;
            }
        }
    }

    /// Whether the limits are known (a LimitsChoice other than Server, or the handshake done).
    pub(crate) fn limits_ready(&self) -> bool {
        self.settings.limits != crate::limits::LimitsChoice::Server || self.server.config_state == Fetch::Done
    }
}
