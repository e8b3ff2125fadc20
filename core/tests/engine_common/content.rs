//! The test files' contents: real bytes for small files, or only a size and digest.
use shoebox_core::hash::sha256_hex;

/// A file's bytes: real (small files) or virtual (only size; bytes never materialised).
#[derive(Clone, Debug)]
pub enum Content {
    Bytes(Vec<u8>),
    Virtual { size: u64, digest: String },
}

impl Content {
    pub fn size(&self) -> u64 {
        match self {
            Content::Bytes(b) => b.len() as u64,
            Content::Virtual { size, .. } => *size,
        }
    }
    pub fn sha(&self) -> String {
        match self {
            Content::Bytes(b) => sha256_hex(b),
            Content::Virtual { digest, .. } => digest.clone(),
        }
    }
    /// The probe's digest (`hash::probe_ranges`); virtual content's is derived from its digest.
    pub fn probe(&self, ranges: [(u64, u64); 2]) -> String {
        match self {
            Content::Bytes(b) => {
                sha256_hex(&[&b[ranges[0].0 as usize..ranges[0].1 as usize], &b[ranges[1].0 as usize..ranges[1].1 as usize]].concat())
            }
            Content::Virtual { digest, .. } => sha256_hex(format!("probe {digest}").as_bytes()),
        }
    }
    pub fn slice(&self, s: u64, e: u64) -> Option<Vec<u8>> {
        match self {
            Content::Bytes(b) => Some(b[s as usize..e as usize].to_vec()),
            Content::Virtual { .. } => None,
        }
    }
}

pub fn bytes(n: usize, seed: u8) -> Vec<u8> {
    (0..n).map(|i| (i as u32).wrapping_mul(2654435761).rotate_left(seed as u32 % 31) as u8 ^ seed).collect()
}
