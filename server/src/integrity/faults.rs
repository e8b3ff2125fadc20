//! Test-only fault hooks, off unless their environment variable is set (tests set them on the
//! server processes they spawn; nobody should in production):
//!
//! - `SHOEBOX_CRASH_AT=<step>` aborts the process (`std::process::abort`, no cleanup, like a
//!   power cut for everything not yet fsync'd) when a completing upload reaches `<step>`, one
//!   of [`CRASH_STEPS`]. The crash-point tests restart the server after each.
//! - `SHOEBOX_FAULT_CORRUPT_WRITES=1` flips the lowest bit of the first byte of every chunk
//!   written to an upload's file, after it was hashed: a disk that corrupts what it stores.
//!   In-process tests get the same fault from `LocalStore::open_with_faults`.
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

pub const CRASH_ENV: &str = "SHOEBOX_CRASH_AT";
pub const CORRUPT_ENV: &str = "SHOEBOX_FAULT_CORRUPT_WRITES";

/// The steps of completing an upload, in order (`upload::finish`):
/// every byte durable; read back and verified; the content blob stored (hard-linked);
/// the media record in the index; the upload record marked complete (its bytes not yet removed).
pub const CRASH_STEPS: [&str; 5] = ["bytes-durable", "verified", "blob-committed", "indexed", "recorded"];

/// Aborts the process here when `SHOEBOX_CRASH_AT` names `step`. The variable is read once.
pub fn crash_point(step: &'static str) {
    static AT: OnceLock<Option<String>> = OnceLock::new();
    let at = AT.get_or_init(|| std::env::var(CRASH_ENV).ok().filter(|s| !s.is_empty()));
    if at.as_deref() == Some(step) {
        eprintln!("shoebox-server: {CRASH_ENV}={step}: aborting here (test hook)");
        std::process::abort();
    }
}

/// The corrupting-disk fault, shared by a store and its writers; tests switch it on and off.
#[derive(Clone, Default, Debug)]
pub struct CorruptWrites(Arc<AtomicBool>);

impl CorruptWrites {
    pub fn from_env() -> Self {
        let on = std::env::var(CORRUPT_ENV).is_ok_and(|v| !v.is_empty() && v != "0");
        if on {
            tracing::warn!("{CORRUPT_ENV} is set: every upload chunk is corrupted on its way to disk (test hook)");
        }
        let f = CorruptWrites::default();
        f.set(on);
        f
    }
    pub fn set(&self, on: bool) {
        self.0.store(on, Ordering::Relaxed)
    }
    pub fn is_on(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
    /// The bytes to write: `b` itself, or a damaged copy while the fault is on.
    pub fn apply<'a>(&self, b: &'a [u8]) -> std::borrow::Cow<'a, [u8]> {
        if !self.is_on() || b.is_empty() {
            return std::borrow::Cow::Borrowed(b);
        }
        let mut v = b.to_vec();
        v[0] ^= 1;
        std::borrow::Cow::Owned(v)
    }
}
