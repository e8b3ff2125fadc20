//! Smoothed upload speed and an ETA that does not jump: a sliding window of (time, bytes sent)
//! samples for the speed, and a time-constant low-pass filter on the ETA itself.
use std::collections::VecDeque;

/// Speed over this window.
pub const WINDOW_MS: u64 = 10_000;
/// No ETA before this much measured time.
pub const MIN_SPAN_MS: u64 = 3_000;
/// The ETA filter's time constant.
pub const ETA_TAU_MS: f64 = 4_000.0;

#[derive(Clone, Debug, Default)]
pub struct SpeedMeter {
    /// (time, cumulative bytes sent) — at most one sample per 100 ms.
    samples: VecDeque<(u64, u64)>,
    sent: u64,
    eta: Option<(u64, f64)>,
}

impl SpeedMeter {
    /// Bytes went out (any request body).
    pub fn add(&mut self, bytes: u64, now: u64) {
        self.sent += bytes;
        match self.samples.back_mut() {
            Some((t, b)) if now < *t + 100 => *b = self.sent,
            _ => self.samples.push_back((now, self.sent)),
        }
        // Keep one sample older than the window so the span covers it all.
        while self.samples.len() > 2 && self.samples[1].0 + WINDOW_MS <= now {
            self.samples.pop_front();
        }
    }

    /// Forget the history (paused, offline, idle): the next ETA starts afresh.
    pub fn reset(&mut self, now: u64) {
        self.samples.clear();
        self.samples.push_back((now, self.sent));
        self.eta = None;
    }

    /// Bytes per second over the window, `None` until the window spans `MIN_SPAN_MS`.
    pub fn speed_bps(&self, now: u64) -> Option<f64> {
        let (t0, b0) = *self.samples.front()?;
        let span = now.saturating_sub(t0);
        if span < MIN_SPAN_MS {
            return None;
        }
        Some((self.sent - b0) as f64 * 1000.0 / span as f64)
    }

    /// Update the smoothed ETA with `bytes_left` and return it (ms).
    pub fn eta_ms(&mut self, bytes_left: u64, now: u64) -> Option<u64> {
        if bytes_left == 0 {
            self.eta = None;
            return Some(0);
        }
        let speed = self.speed_bps(now)?;
        if speed <= 0.0 {
            return self.eta.map(|(_, e)| e as u64);
        }
        let raw = bytes_left as f64 * 1000.0 / speed;
        let e = match self.eta {
            None => raw,
            Some((t, prev)) => {
                let dt = now.saturating_sub(t) as f64;
                let predicted = (prev - dt).max(0.0);
                let a = 1.0 - (-dt / ETA_TAU_MS).exp();
                predicted + a * (raw - predicted)
            }
        };
        self.eta = Some((now, e));
        Some(e as u64)
    }

    /// The last computed ETA, without updating.
    pub fn last_eta(&self) -> Option<u64> {
        self.eta.map(|(_, e)| e as u64)
    }
}
