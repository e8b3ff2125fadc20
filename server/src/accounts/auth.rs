//! Bearer tokens → users. Every `/files/` and `/api/v1/` request except OPTIONS preflights must
//! carry `Authorization: Bearer TOKEN` (checked in `http/middleware.rs`); the user it maps to is
//! handed to handlers as [`User`].
use std::collections::HashMap;
use std::io::{self, Write};
use std::path::Path;

/// The authenticated user, set by `middleware::require_token`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User(pub String);

pub const DEFAULT_USER: &str = "default";
/// Kept in the data folder so the app URL stays the same across restarts.
pub const TOKEN_FILE: &str = "default-token";

/// User names become folder names in the blob store, so they are restricted up front.
pub fn valid_user_name(u: &str) -> bool {
    !u.is_empty() && u.len() <= 64 && u.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// What the caller may do (beside `User`, which names whose account it acts in).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Access {
    /// A user's own token: everything in their account.
    Full,
    /// An upload-only token (a kiosk uploading into a visitor's own account for an hour):
    /// uploads and dedup checks, never the library.
    Upload { device: String },
    /// A kiosk key: it can only start visitor sessions of its profile.
    KioskKey { profile: String },
    /// A kiosk visitor: uploads into its own drop (an album of the operator's account) and
    /// reads back only that drop. `session` is the hash of its token, `visit` the hash of the
    /// visit it belongs to (itself, or a phone link's parent); `finishing` once the visitor
    /// ended the visit letting running uploads finish (they alone may go on).
    Visitor { session: String, visit: String, drop: String, profile: String, finishing: bool },
}

impl Access {
    /// The album a caller is confined to, if any.
    pub fn drop(&self) -> Option<&str> {
        match self {
            Access::Visitor { drop, .. } => Some(drop),
            _ => None,
        }
    }
    pub fn session(&self) -> Option<&str> {
        match self {
            Access::Visitor { session, .. } => Some(session),
            _ => None,
        }
    }
}

/// Tokens are kept and compared as SHA-256 digests: the secret itself is never held, and a
/// lookup by digest reveals nothing about how much of a wrong token was right.
pub fn token_hash(token: &str) -> String {
    shoebox_core::hash::sha256_hex(token.as_bytes())
}

/// Whether `given` is `secret`, in time that depends on neither: both are hashed first (so
/// their lengths do not show), and the digests are compared byte by byte without stopping
/// early. For secrets held in the clear, such as the metrics token.
pub fn same_secret(given: &str, secret: &str) -> bool {
    use sha2::{Digest, Sha256};
    let (a, b) = (Sha256::digest(given.as_bytes()), Sha256::digest(secret.as_bytes()));
    a.iter().zip(b.iter()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[derive(Clone, Debug, Default)]
pub struct Tokens {
    by_hash: HashMap<String, String>,
    kiosk_keys: HashMap<String, String>,
}

impl Tokens {
    pub fn new(pairs: &[(String, String)]) -> Self {
        Tokens { by_hash: pairs.iter().map(|(u, t)| (token_hash(t), u.clone())).collect(), kiosk_keys: HashMap::new() }
    }
    /// Kiosk keys (profile name, key).
    pub fn with_kiosk_keys(mut self, keys: &[(String, String)]) -> Self {
        self.kiosk_keys = keys.iter().map(|(p, k)| (token_hash(k), p.clone())).collect();
        self
    }
    pub fn user(&self, token: &str) -> Option<&str> {
        self.by_hash.get(&token_hash(token)).map(|s| s.as_str())
    }
    /// The kiosk profile a key opens.
    pub fn kiosk(&self, key: &str) -> Option<&str> {
        self.kiosk_keys.get(&token_hash(key)).map(|s| s.as_str())
    }
}

/// The default user's token: read from the data folder, or created there (mode 0600) once.
pub fn default_token(data_dir: &Path) -> io::Result<String> {
    let path = data_dir.join(TOKEN_FILE);
    match std::fs::read_to_string(&path) {
        Ok(t) if !t.trim().is_empty() => return Ok(t.trim().to_string()),
        Ok(_) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    let mut b = [0u8; 16];
    getrandom::getrandom(&mut b).map_err(|e| io::Error::other(e.to_string()))?;
    let token = shoebox_core::hash::hex(&b);
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    let mut f = opts.open(&path)?;
    f.write_all(token.as_bytes())?;
    f.sync_all()?;
    Ok(token)
}
