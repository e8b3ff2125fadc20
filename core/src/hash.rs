//! Incremental SHA-256: fed slice by slice so no file is ever held whole in memory.
use sha2::{Digest, Sha256};

#[derive(Clone, Default)]
pub struct Sha256Stream(Sha256);

impl Sha256Stream {
    pub fn new() -> Self {
        Self(Sha256::new())
    }
    pub fn update(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }
    /// Lower-case hex, as the `sha256` metadata key wants it.
    pub fn finish_hex(self) -> String {
        hex(&self.0.finalize())
    }
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

pub fn hex(bytes: &[u8]) -> String {
    const H: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(H[(b >> 4) as usize] as char);
        s.push(H[(b & 15) as usize] as char);
    }
    s
}

/// The bytes of a hex string; `None` when it is not whole bytes of hex digits.
pub fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len() / 2).map(|i| u8::from_str_radix(s.get(2 * i..2 * i + 2)?, 16).ok()).collect()
}

/// True for 64 lower-case hex characters.
pub fn is_sha256_hex(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Bytes from each end of a file that its probe digests.
pub const PROBE_PART: u64 = 1024 * 1024;

/// The two ranges (`start..end`) whose bytes, one after the other, the probe digests: the
/// first and the last [`PROBE_PART`] bytes (they overlap in a file under twice that). A probe
/// with the size says cheaply whether a large file may be one the server already holds; only
/// when it matches is the whole file hashed before its upload.
pub fn probe_ranges(size: u64) -> [(u64, u64); 2] {
    [(0, size.min(PROBE_PART)), (size.saturating_sub(PROBE_PART), size)]
}
