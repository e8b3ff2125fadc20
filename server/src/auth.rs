//! Bearer tokens → users. Every `/files/` and `/api/v1/` request except OPTIONS preflights must
//! carry `Authorization: Bearer TOKEN` (checked in `middleware.rs`); the user it maps to is
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

#[derive(Clone, Debug, Default)]
pub struct Tokens {
    by_token: HashMap<String, String>,
}

impl Tokens {
    pub fn new(pairs: &[(String, String)]) -> Self {
        Tokens { by_token: pairs.iter().map(|(u, t)| (t.clone(), u.clone())).collect() }
    }
    pub fn user(&self, token: &str) -> Option<&str> {
        self.by_token.get(token).map(|s| s.as_str())
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
