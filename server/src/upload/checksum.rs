//! tus checksum extension: `Upload-Checksum: <algorithm> <base64 digest>` over one PATCH body.
//! `crc32c` (its 4 bytes big-endian, as object stores send it) is the cheap one: it catches
//! transfer corruption at memory speed, while the whole file's SHA-256 is still verified at
//! completion; sha1, sha256 and md5 are there for clients that only know those.
use crate::http::error::ApiError;
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use sha2::Digest;

pub const ALGORITHMS: &str = "crc32c,sha1,sha256,md5";

pub enum ChecksumHasher {
    Sha1(sha1::Sha1),
    Sha256(sha2::Sha256),
    Md5(md5::Md5),
    Crc32c(u32),
}

pub struct Checksum {
    hasher: ChecksumHasher,
    expected: Vec<u8>,
}

impl Checksum {
    /// Parses the header: an unknown algorithm or a malformed value is a 400.
    pub fn parse(h: &str) -> Result<Self, ApiError> {
        let (alg, b64) = h.trim().split_once(' ').ok_or_else(|| ApiError::bad("Upload-Checksum wants \"<algorithm> <base64 digest>\""))?;
        let hasher = match alg {
            "sha1" => ChecksumHasher::Sha1(sha1::Sha1::new()),
            "sha256" => ChecksumHasher::Sha256(sha2::Sha256::new()),
            "md5" => ChecksumHasher::Md5(md5::Md5::new()),
            "crc32c" => ChecksumHasher::Crc32c(0),
            other => return Err(ApiError::bad(format!("unsupported checksum algorithm {other:?}; supported: {ALGORITHMS}"))),
        };
        let expected = STANDARD.decode(b64.trim()).map_err(|_| ApiError::bad("Upload-Checksum digest is not valid base64"))?;
        Ok(Checksum { hasher, expected })
    }
    pub fn update(&mut self, b: &[u8]) {
        match &mut self.hasher {
            ChecksumHasher::Sha1(h) => h.update(b),
            ChecksumHasher::Sha256(h) => h.update(b),
            ChecksumHasher::Md5(h) => h.update(b),
            ChecksumHasher::Crc32c(c) => *c = crc32c::crc32c_append(*c, b),
        }
    }
    pub fn matches(self) -> bool {
        let got: Vec<u8> = match self.hasher {
            ChecksumHasher::Sha1(h) => h.finalize().to_vec(),
            ChecksumHasher::Sha256(h) => h.finalize().to_vec(),
            ChecksumHasher::Md5(h) => h.finalize().to_vec(),
            ChecksumHasher::Crc32c(c) => c.to_be_bytes().to_vec(),
        };
        got == self.expected
    }
}
