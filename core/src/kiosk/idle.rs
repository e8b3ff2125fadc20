//! When a kiosk visit is idle. Never while any of its uploads moves: the kiosk's own (the
//! engine's status says so) or a phone's (the server's answer about the visit says so). The idle
//! time counts from the last activity: a touch, bytes moving, or anything the server saw on the
//! visit's other tokens. Its last stretch is a countdown the screen shows and a touch cancels.

/// The countdown shown before the end: the last 30 s, or the last half of a shorter idle time.
pub const COUNTDOWN_MS: u64 = 30_000;
/// The server hears "the visitor is here" at most this often (touches come many a second).
pub const REPORT_EVERY_MS: u64 = 5_000;

#[derive(Clone, Debug)]
pub(crate) struct Idle {
    idle_ms: u64,
    last_activity: u64,
    /// The engine is looking at or uploading the visitor's files.
    engine_moving: bool,
    /// The server's last answer said bytes are arriving for one of the visit's uploads.
    server_moving: bool,
    /// The server's last `lastActivityAt`, to notice when it moves on.
    server_last: Option<u64>,
    last_report: Option<u64>,
    /// The latest time an input carried.
    now: u64,
}

impl Idle {
    pub fn new(idle_ms: u64, now: u64) -> Self {
        Idle {
            idle_ms: idle_ms.max(1000),
            last_activity: now,
            engine_moving: false,
            server_moving: false,
            server_last: None,
            last_report: None,
            now,
        }
    }

    pub fn set_idle(&mut self, idle_ms: u64) {
        self.idle_ms = idle_ms.max(1000);
    }

    /// A new visit starts its idle time afresh.
    pub fn restart(&mut self, now: u64) {
        *self = Idle::new(self.idle_ms, now);
    }

    fn see(&mut self, now: u64) {
        self.now = self.now.max(now);
    }

    fn mark(&mut self, now: u64) {
        self.see(now);
        self.last_activity = self.last_activity.max(now);
    }

    pub fn touch(&mut self, now: u64) {
        self.mark(now);
    }

    /// Whether the server should hear of a touch now (at most every `REPORT_EVERY_MS`).
    pub fn report_due(&mut self, now: u64) -> bool {
        let due = self.last_report.is_none_or(|t| now >= t + REPORT_EVERY_MS);
        if due {
            self.last_report = Some(now);
        }
        due
    }

    /// The engine's uploads are moving or not; the moment they stop counts as activity.
    pub fn on_engine(&mut self, moving: bool, now: u64) {
        if moving || self.engine_moving {
            self.mark(now);
        }
        self.see(now);
        self.engine_moving = moving;
    }

    /// The server's answer about the visit: bytes arriving now, and its last activity (epoch
    /// ms on the server's clock, so only a change of it counts, seen at this page's `now`).
    pub fn on_server(&mut self, moving: bool, last_activity: Option<u64>, now: u64) {
        if moving || self.server_moving {
            self.mark(now);
        }
        if let (Some(prev), Some(t)) = (self.server_last, last_activity) {
            if t > prev {
                self.mark(now);
            }
        }
        self.see(now);
        self.server_moving = moving;
        self.server_last = last_activity.or(self.server_last);
    }

    pub fn on_time(&mut self, now: u64) {
        self.see(now);
    }

    pub fn moving(&self) -> bool {
        self.engine_moving || self.server_moving
    }

    /// When the visit ends if nothing happens. While the server says a phone is sending, each
    /// of its answers moves this on; were they to stop coming, the end comes all the same.
    pub fn ends_at(&self) -> Option<u64> {
        (!self.engine_moving).then_some(self.last_activity + self.idle_ms)
    }

    fn window(&self) -> u64 {
        COUNTDOWN_MS.min(self.idle_ms / 2)
    }

    /// Whole seconds left, while the countdown shows.
    pub fn finishing_in(&self) -> Option<u64> {
        let end = self.ends_at().filter(|_| !self.moving())?;
        let left = end.saturating_sub(self.now);
        (left <= self.window()).then(|| left.div_ceil(1000))
    }

    /// Whole seconds to the end, while nothing moves.
    pub fn seconds_left(&self) -> Option<u64> {
        let end = self.ends_at().filter(|_| !self.moving())?;
        Some(end.saturating_sub(self.now).div_ceil(1000))
    }

    /// The next moment something changes: the countdown appears, ticks a second, or the end.
    /// `ticking`: a countdown shows all along (the done screen's), so every second counts.
    pub fn next_wake(&self, ticking: bool) -> Option<u64> {
        let end = self.ends_at()?;
        if self.server_moving {
            return Some(end);
        }
        let from = if ticking { self.now } else { end.saturating_sub(self.window()) };
        if self.now < from {
            return Some(from);
        }
        let left = end.saturating_sub(self.now);
        Some(if left == 0 { end } else { self.now + (left - 1) % 1000 + 1 })
    }

    pub fn expired(&self, now: u64) -> bool {
        self.ends_at().is_some_and(|e| now >= e)
    }
}
