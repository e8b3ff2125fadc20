//! Retry policy: exponential backoff with jitter (pure functions) and a tiny seeded RNG.

/// First retry delay, roughly.
pub const BACKOFF_START_MS: u64 = 1_000;
/// Longest delay between attempts.
pub const BACKOFF_CAP_MS: u64 = 60_000;

/// Delay before attempt number `attempt` (1 = the first retry): `start * 2^(attempt-1)`
/// capped at `cap`, then "equal jitter": a uniform value in [d/2, d] drawn from `jitter`
/// (0.0..1.0). Never below `start/2`, never above the cap.
pub fn backoff_delay_ms(attempt: u32, jitter: f64) -> u64 {
    let exp = attempt.saturating_sub(1).min(16);
    let d = BACKOFF_START_MS.saturating_mul(1u64 << exp).min(BACKOFF_CAP_MS);
    let j = jitter.clamp(0.0, 1.0);
    d / 2 + ((d / 2) as f64 * j) as u64
}

/// What to do with an HTTP status on an upload request (tus client view).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusClass {
    Success,
    /// 409: the offset is in doubt: HEAD and continue from the server's.
    OffsetConflict,
    /// 460 (or 417 from rustus) on a checksummed PATCH: resend the chunk.
    ChecksumMismatch,
    /// 422: declared digest mismatch at completion.
    DigestMismatch,
    /// 404/410 (and 403 on a HEAD): the upload is gone; create a new one.
    Gone,
    /// 423, 429, 5xx, 408: back off and retry.
    Transient,
    Unauthorized,
    TooLarge,
    /// Other 4xx (and odd codes): fail with the server's message.
    Fatal,
}

/// Classify a status. `checksummed`: the request carried `Upload-Checksum`.
pub fn classify(status: u16, checksummed: bool, head: bool) -> StatusClass {
    match status {
        200..=299 => StatusClass::Success,
        409 => StatusClass::OffsetConflict,
        460 => StatusClass::ChecksumMismatch,
        417 if checksummed => StatusClass::ChecksumMismatch,
        422 => StatusClass::DigestMismatch,
        404 | 410 => StatusClass::Gone,
        403 if head => StatusClass::Gone,
        401 => StatusClass::Unauthorized,
        413 => StatusClass::TooLarge,
        408 | 423 | 429 => StatusClass::Transient,
        500..=599 => StatusClass::Transient,
        _ => StatusClass::Fatal,
    }
}

/// xorshift64* — deterministic jitter for tests, good enough for spreading retries.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15 | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in [0, 1).
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn backoff_grows_and_caps() {
        assert!((500..=1000).contains(&backoff_delay_ms(1, 0.5)));
        assert_eq!(backoff_delay_ms(2, 1.0), 2000);
        assert_eq!(backoff_delay_ms(30, 1.0), 60_000);
        assert_eq!(backoff_delay_ms(30, 0.0), 30_000);
        for a in 1..40 {
            assert!(backoff_delay_ms(a, 0.999) <= BACKOFF_CAP_MS);
        }
    }
    #[test]
    fn classes() {
        assert_eq!(classify(417, true, false), StatusClass::ChecksumMismatch);
        assert_eq!(classify(417, false, false), StatusClass::Fatal);
        assert_eq!(classify(503, false, false), StatusClass::Transient);
        assert_eq!(classify(400, false, false), StatusClass::Fatal);
    }
}
