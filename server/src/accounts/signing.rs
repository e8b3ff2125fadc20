//! Signed blob URLs: `<img>`, `<video>` and downloads cannot send a Bearer header, so the
//! library hands out `/api/v1/blob/{kind}/{sha256}?u=&e=&s=` URLs that carry their own proof:
//! s = base64url(HMAC-SHA256(key, "kind|user|sha256|e")), truncated to 128 bits. A leaf module:
//! it knows nothing of HTTP or the index.
//!
//! Expiry is windowed (the next whole hour after an hour from now), so the same picture has the
//! same URL for an hour and the browser's cache can reuse it; a URL lives one to two hours.
//!
//! A URL handed to a kiosk visitor is also bound to its visit (`&v=`, the hash of the visit's
//! token, inside the MAC): it works only while that visit lives, and is never cached.
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::io::{self, Write};
use std::path::Path;

type HmacSha256 = Hmac<Sha256>;

/// Bytes of the MAC kept in the URL (128 bits).
const SIG_BYTES: usize = 16;
const WINDOW_S: u64 = 3600;

/// What a signed URL serves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlobKind {
    Thumb,
    Preview,
    Original,
    Download,
    /// The clip inside a Motion Photo's bytes.
    Motion,
    /// A zip of several originals (`routes::album_zip`): the digest signed is that of what it
    /// holds. Never a blob route's kind (`parse` does not know it).
    Zip,
}

impl BlobKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BlobKind::Thumb => "thumb",
            BlobKind::Preview => "preview",
            BlobKind::Original => "original",
            BlobKind::Download => "download",
            BlobKind::Motion => "motion",
            BlobKind::Zip => "zip",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "thumb" => BlobKind::Thumb,
            "preview" => BlobKind::Preview,
            "original" => BlobKind::Original,
            "download" => BlobKind::Download,
            "motion" => BlobKind::Motion,
            _ => return None,
        })
    }
}

pub struct Signer {
    key: Vec<u8>,
}

/// The signed URLs of one record, for its JSON.
pub struct Urls {
    pub thumb: String,
    pub preview: String,
    pub original: String,
    pub download: String,
}

impl Signer {
    pub fn new(key: &[u8]) -> Self {
        Signer { key: key.to_vec() }
    }

    /// The key from `key` (the SHOEBOX_SIGNING_KEY text itself) when given, else from the key
    /// file (default `<data>/signing.key`), made with 32 random bytes at first start. Nodes
    /// that share one file (or one variable) accept each other's URLs.
    pub fn open(data_dir: &Path, key_file: Option<&Path>, key: Option<&str>) -> io::Result<Self> {
        if let Some(k) = key.filter(|k| !k.is_empty()) {
            if k.len() < 16 {
                return Err(io::Error::new(io::ErrorKind::InvalidInput, "SHOEBOX_SIGNING_KEY must be at least 16 characters"));
            }
            return Ok(Signer::new(k.as_bytes()));
        }
        let path = key_file.map(Path::to_path_buf).unwrap_or_else(|| data_dir.join("signing.key"));
        match std::fs::read(&path) {
            Ok(k) if k.len() >= 16 => return Ok(Signer::new(&k)),
            Ok(_) => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("{}: a signing key needs 16 bytes at least", path.display()),
                ))
            }
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            Err(_) => {}
        }
        let mut k = [0u8; 32];
        getrandom::getrandom(&mut k).map_err(|e| io::Error::other(e.to_string()))?;
        let tmp = path.with_extension(format!("tmp{}", std::process::id()));
        let mut opts = std::fs::OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
        let mut f = opts.open(&tmp)?;
        f.write_all(&k)?;
        f.sync_all()?;
        // A hard link fails when another node made the key first: then theirs is the key.
        let linked = std::fs::hard_link(&tmp, &path);
        let _ = std::fs::remove_file(&tmp);
        match linked {
            Ok(()) => Ok(Signer::new(&k)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(Signer::new(&std::fs::read(&path)?)),
            Err(e) => Err(e),
        }
    }

    /// The expiry a URL made at `now_s` carries: the next whole hour after an hour from now.
    pub fn expiry(now_s: u64) -> u64 {
        ((now_s + WINDOW_S) / WINDOW_S + 1) * WINDOW_S
    }

    fn mac(&self, kind: BlobKind, user: &str, sha256: &str, e: u64, visit: Option<&str>) -> HmacSha256 {
        let mut m = HmacSha256::new_from_slice(&self.key).expect("HMAC takes any key length");
        m.update(format!("{}|{user}|{sha256}|{e}", kind.as_str()).as_bytes());
        if let Some(v) = visit {
            m.update(format!("|visit:{v}").as_bytes());
        }
        m
    }

    pub fn sign(&self, kind: BlobKind, user: &str, sha256: &str, e: u64, visit: Option<&str>) -> String {
        use base64::Engine;
        let tag = self.mac(kind, user, sha256, e, visit).finalize().into_bytes();
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&tag[..SIG_BYTES])
    }

    /// The URL, relative to the server root. User names, digests and visit hashes need no
    /// escaping.
    pub fn url(&self, kind: BlobKind, user: &str, sha256: &str, visit: Option<&str>, now_s: u64) -> String {
        let e = Self::expiry(now_s);
        let sig = self.sign(kind, user, sha256, e, visit);
        let v = visit.map(|v| format!("&v={v}")).unwrap_or_default();
        format!("/api/v1/blob/{}/{sha256}?u={user}&e={e}{v}&s={sig}", kind.as_str())
    }

    pub fn urls(&self, user: &str, sha256: &str, visit: Option<&str>, now_s: u64) -> Urls {
        Urls {
            thumb: self.url(BlobKind::Thumb, user, sha256, visit, now_s),
            preview: self.url(BlobKind::Preview, user, sha256, visit, now_s),
            original: self.url(BlobKind::Original, user, sha256, visit, now_s),
            download: self.url(BlobKind::Download, user, sha256, visit, now_s),
        }
    }

    /// True when `sig` is this server's signature of these values and `e` is still ahead.
    /// The comparison is constant-time (hmac's `verify_truncated_left`).
    #[allow(clippy::too_many_arguments)]
    pub fn verify(&self, kind: BlobKind, user: &str, sha256: &str, e: u64, visit: Option<&str>, sig: &str, now_s: u64) -> bool {
        use base64::Engine;
        if e <= now_s {
            return false;
        }
        let Ok(raw) = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(sig) else { return false };
        raw.len() == SIG_BYTES && self.mac(kind, user, sha256, e, visit).verify_truncated_left(&raw).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_bind_every_field_and_expire() {
        let s = Signer::new(b"0123456789abcdef0123456789abcdef");
        let sha = "a".repeat(64);
        let e = Signer::expiry(1_000_000);
        assert_eq!(e % 3600, 0);
        assert!(e > 1_000_000 + 3600 && e <= 1_000_000 + 7200);
        let sig = s.sign(BlobKind::Thumb, "alice", &sha, e, None);
        assert_eq!(sig.len(), 22);
        assert!(s.verify(BlobKind::Thumb, "alice", &sha, e, None, &sig, 1_000_000));
        assert!(!s.verify(BlobKind::Original, "alice", &sha, e, None, &sig, 1_000_000));
        assert!(!s.verify(BlobKind::Thumb, "bob", &sha, e, None, &sig, 1_000_000));
        assert!(!s.verify(BlobKind::Thumb, "alice", &"b".repeat(64), e, None, &sig, 1_000_000));
        assert!(!s.verify(BlobKind::Thumb, "alice", &sha, e + 3600, None, &sig, 1_000_000));
        assert!(!s.verify(BlobKind::Thumb, "alice", &sha, e, None, &sig, e), "expired");
        assert!(!s.verify(BlobKind::Thumb, "alice", &sha, e, None, "not base64!", 1_000_000));
        assert!(!Signer::new(b"another key, another server").verify(BlobKind::Thumb, "alice", &sha, e, None, &sig, 1_000_000));
        // Stable within the hour: the same URL for a cache to reuse.
        assert_eq!(s.url(BlobKind::Thumb, "alice", &sha, None, 1_000_000), s.url(BlobKind::Thumb, "alice", &sha, None, 1_000_000 + 59));
        // A visit's URL is bound to that visit: it is not a URL of the account, nor of another visit.
        let v = "c".repeat(64);
        let vs = s.sign(BlobKind::Original, "alice", &sha, e, Some(&v));
        assert!(s.verify(BlobKind::Original, "alice", &sha, e, Some(&v), &vs, 1_000_000));
        assert!(!s.verify(BlobKind::Original, "alice", &sha, e, None, &vs, 1_000_000));
        assert!(!s.verify(BlobKind::Original, "alice", &sha, e, Some(&"d".repeat(64)), &vs, 1_000_000));
    }
}
