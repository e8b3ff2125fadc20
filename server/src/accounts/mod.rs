//! Users and their devices, kept in the server's database (`accounts.sqlite`): each user's
//! quota, each device's own token (stored as its SHA-256 digest; revocable, rotatable), and the
//! pairing codes of the OAuth device-authorization pattern (a new device shows a short code, a
//! signed-in one approves it; single-use, expiring, attempts rate-limited), which also give a
//! kiosk an upload-only token for a visitor's own account. With `--database postgres://…`
//! the same tables live in PostgreSQL (`db::pg_schema`), shared by every node.
pub mod auth;
pub mod kiosks;
pub mod sessions;
pub mod signin_codes;
pub mod signing;
pub mod visit_log;

use crate::db::{Db, Result, Row};
use crate::vals;
use auth::token_hash;
use std::path::Path;
use std::sync::Arc;

pub struct Accounts {
    pub(crate) db: Db,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS users (name TEXT PRIMARY KEY, quota_bytes INTEGER, created_ms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS devices (
  id TEXT PRIMARY KEY, user TEXT NOT NULL, name TEXT NOT NULL, hash TEXT NOT NULL UNIQUE,
  scope TEXT NOT NULL, created_ms INTEGER NOT NULL, expires_ms INTEGER
);
CREATE TABLE IF NOT EXISTS pairings (
  device_hash TEXT PRIMARY KEY, user_code TEXT NOT NULL UNIQUE, scope TEXT NOT NULL, name TEXT NOT NULL,
  user TEXT, created_ms INTEGER NOT NULL, expires_ms INTEGER NOT NULL, token_ttl_ms INTEGER
);
CREATE TABLE IF NOT EXISTS signins (
  hash TEXT PRIMARY KEY, user TEXT NOT NULL, name TEXT NOT NULL, created_ms INTEGER NOT NULL, expires_ms INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS attempts (bucket TEXT NOT NULL, at_ms INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS attempts_bucket ON attempts(bucket, at_ms);
";

/// How long a pairing code lives, and how many tries one bucket gets per window.
pub const PAIRING_TTL_MS: u64 = 10 * 60_000;
pub const ATTEMPT_WINDOW_MS: u64 = 10 * 60_000;
pub const MAX_ATTEMPTS: u64 = 10;
/// Anonymous calls per window from one client address (`client_addr::bucket`): pairing starts
/// and sign-in link exchanges. A person signs in a handful of devices; a flood from one
/// address stops here without touching anyone else.
pub const PER_CLIENT: u64 = 10;
/// The same calls per window from everyone together: far above normal use, a ceiling on what
/// many addresses at once can mint.
pub const SERVER_CEILING: u64 = 1_000;
/// Pairing polls per window from one client address that name no live pairing. A device polls
/// every 2 s and misses at most once (when its code has expired), so only guessing reaches it.
pub const POLL_MISSES_PER_CLIENT: u64 = 30;
/// Letters easy to read off a screen and type (no 0/O, 1/I).
const CODE_ALPHABET: &[u8] = b"BCDFGHJKLMNPQRSTVWXZ23456789";

/// What a device token may do (the shape the API answers with).
pub use shoebox_core::api::DeviceScope;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Device {
    pub id: String,
    pub user: String,
    pub name: String,
    pub scope: DeviceScope,
    pub created_ms: u64,
    pub expires_ms: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserRow {
    pub name: String,
    pub quota_bytes: Option<u64>,
}

/// The answer to a device polling for its pairing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Poll {
    Pending,
    /// Approved: the device's token (given once) and whose account it is.
    Approved {
        token: String,
        user: String,
    },
    /// Unknown, used or expired.
    Gone,
}

fn random_hex(n: usize) -> String {
    let mut b = vec![0u8; n];
    getrandom::getrandom(&mut b).expect("OS random source");
    shoebox_core::hash::hex(&b)
}

fn user_code() -> String {
    let mut b = [0u8; 8];
    getrandom::getrandom(&mut b).expect("OS random source");
    let c: String = b.iter().map(|x| CODE_ALPHABET[*x as usize % CODE_ALPHABET.len()] as char).collect();
    format!("{}-{}", &c[..4], &c[4..])
}

/// A code as typed: letters upper-cased, spaces and dashes ignored.
pub fn normalize_code(s: &str) -> String {
    let c: String = s.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_uppercase()).collect();
    if c.len() == 8 {
        format!("{}-{}", &c[..4], &c[4..])
    } else {
        c
    }
}

impl Accounts {
    pub fn open(path: &Path) -> Result<Self> {
        let conn = rusqlite::Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.execute_batch(SCHEMA)?;
        Ok(Accounts { db: Db::sqlite(conn) })
    }

    /// The accounts in PostgreSQL (already migrated by `Pg::connect`).
    pub fn postgres(pg: Arc<crate::db::pg::Pg>) -> Self {
        Accounts { db: Db::Postgres(pg) }
    }

    // ---- users ---------------------------------------------------------------------------

    pub fn add_user(&self, name: &str, quota: Option<u64>, now: u64) -> Result<bool> {
        let n = self.db.execute(
            "INSERT INTO users (name, quota_bytes, created_ms) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
            vals![name, quota.map(|q| q as i64), now as i64],
        )?;
        Ok(n == 1)
    }

    pub fn set_quota(&self, name: &str, quota: Option<u64>) -> Result<bool> {
        Ok(self.db.execute("UPDATE users SET quota_bytes = ?2 WHERE name = ?1", vals![name, quota.map(|q| q as i64)])? == 1)
    }

    pub fn users(&self) -> Result<Vec<UserRow>> {
        let rows = self.db.query("SELECT name, quota_bytes FROM users ORDER BY name", &[])?;
        rows.iter().map(|r| Ok(UserRow { name: r.get(0)?, quota_bytes: r.get::<Option<u64>>(1)? })).collect()
    }

    /// The user's quota; `None` when unlimited (or the user is not in the table: flag users).
    pub fn quota(&self, name: &str) -> Result<Option<u64>> {
        Ok(self
            .db
            .query_row("SELECT quota_bytes FROM users WHERE name = ?1", vals![name])?
            .map(|r| r.get::<Option<u64>>(0))
            .transpose()?
            .flatten())
    }

    /// Remove a user: every device token of theirs stops working. Their stored photos stay on
    /// disk (deleting a backup is never a side effect).
    pub fn remove_user(&self, name: &str) -> Result<bool> {
        self.db.execute("DELETE FROM devices WHERE \"user\" = ?1", vals![name])?;
        self.db.execute("DELETE FROM signins WHERE \"user\" = ?1", vals![name])?;
        Ok(self.db.execute("DELETE FROM users WHERE name = ?1", vals![name])? == 1)
    }

    pub fn user_exists(&self, name: &str) -> Result<bool> {
        Ok(self.db.query_row("SELECT 1 FROM users WHERE name = ?1", vals![name])?.is_some())
    }

    // ---- devices -------------------------------------------------------------------------

    /// A new device of `user`; returns its token (shown once) and its record.
    pub fn add_device(&self, user: &str, name: &str, scope: DeviceScope, now: u64, ttl_ms: Option<u64>) -> Result<(String, Device)> {
        let token = random_hex(24);
        let d =
            Device { id: random_hex(8), user: user.into(), name: name.into(), scope, created_ms: now, expires_ms: ttl_ms.map(|t| now + t) };
        self.db.execute(
            "INSERT INTO devices (id, \"user\", name, hash, scope, created_ms, expires_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            vals![d.id, d.user, d.name, token_hash(&token), d.scope.as_str(), now as i64, d.expires_ms.map(|e| e as i64)],
        )?;
        Ok((token, d))
    }

    /// The live device a token opens.
    pub fn device_for(&self, token: &str, now: u64) -> Result<Option<Device>> {
        self.db
            .query_row(
                "SELECT id, \"user\", name, scope, created_ms, expires_ms FROM devices WHERE hash = ?1 AND (expires_ms IS NULL OR expires_ms > ?2)",
                vals![token_hash(token), now as i64],
            )?
            .map(|r| row_device(&r))
            .transpose()
    }

    pub fn devices(&self, user: &str) -> Result<Vec<Device>> {
        let rows = self.db.query(
            "SELECT id, \"user\", name, scope, created_ms, expires_ms FROM devices WHERE \"user\" = ?1 ORDER BY created_ms",
            vals![user],
        )?;
        rows.iter().map(row_device).collect()
    }

    /// Revoke one of the user's devices: its token is refused at once.
    pub fn revoke(&self, user: &str, id: &str) -> Result<bool> {
        Ok(self.db.execute("DELETE FROM devices WHERE \"user\" = ?1 AND id = ?2", vals![user, id])? == 1)
    }

    /// A new token for a device (the old one stops working).
    pub fn rotate(&self, user: &str, id: &str) -> Result<Option<String>> {
        let token = random_hex(24);
        let n = self.db.execute("UPDATE devices SET hash = ?3 WHERE \"user\" = ?1 AND id = ?2", vals![user, id, token_hash(&token)])?;
        Ok((n == 1).then_some(token))
    }

    // ---- pairing (device authorization) --------------------------------------------------

    /// A device asks to be signed in: its secret device code (kept by it, polled with) and the
    /// short user code it shows. `token_ttl_ms`: the token's life once approved (kiosks: 1 h).
    pub fn start_pairing(&self, name: &str, scope: DeviceScope, token_ttl_ms: Option<u64>, now: u64) -> Result<(String, String)> {
        let device_code = random_hex(24);
        let code = user_code();
        self.db.execute(
            "INSERT INTO pairings (device_hash, user_code, scope, name, created_ms, expires_ms, token_ttl_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            vals![token_hash(&device_code), code, scope.as_str(), name, now as i64, (now + PAIRING_TTL_MS) as i64, token_ttl_ms.map(|t| t as i64)],
        )?;
        Ok((device_code, code))
    }

    /// What a code asks for, before approving it: (device name, scope). `None`: no such code.
    pub fn pairing(&self, code: &str, now: u64) -> Result<Option<(String, DeviceScope, Option<u64>)>> {
        self.db
            .query_row(
                "SELECT name, scope, token_ttl_ms FROM pairings WHERE user_code = ?1 AND expires_ms > ?2 AND \"user\" IS NULL",
                vals![normalize_code(code), now as i64],
            )?
            .map(|r| {
                Ok((r.get::<String>(0)?, DeviceScope::parse(&r.get::<String>(1)?).unwrap_or(DeviceScope::Upload), r.get::<Option<u64>>(2)?))
            })
            .transpose()
    }

    /// A signed-in user approves a code for their account. False when no live code matches.
    pub fn approve(&self, code: &str, user: &str, now: u64) -> Result<bool> {
        let n = self.db.execute(
            "UPDATE pairings SET \"user\" = ?2 WHERE user_code = ?1 AND expires_ms > ?3 AND \"user\" IS NULL",
            vals![normalize_code(code), user, now as i64],
        )?;
        Ok(n == 1)
    }

    /// The device polls: once approved, its token, once (the pairing is then gone).
    pub fn poll(&self, device_code: &str, now: u64) -> Result<Poll> {
        let hash = token_hash(device_code);
        let row = self
            .db
            .query_row(
                "SELECT \"user\", scope, name, token_ttl_ms FROM pairings WHERE device_hash = ?1 AND expires_ms > ?2",
                vals![hash, now as i64],
            )?
            .map(|r| {
                Ok::<_, crate::db::Error>((r.get::<Option<String>>(0)?, r.get::<String>(1)?, r.get::<String>(2)?, r.get::<Option<i64>>(3)?))
            })
            .transpose()?;
        let Some((user, scope, name, ttl)) = row else { return Ok(Poll::Gone) };
        let Some(user) = user else { return Ok(Poll::Pending) };
        // Only the poll that deletes the pairing makes the device: two polls at once (two
        // nodes) cannot both get a token.
        if self.db.execute("DELETE FROM pairings WHERE device_hash = ?1", vals![hash])? == 0 {
            return Ok(Poll::Gone);
        }
        let (token, _) =
            self.add_device(&user, &name, DeviceScope::parse(&scope).unwrap_or(DeviceScope::Upload), now, ttl.map(|t| t as u64))?;
        Ok(Poll::Approved { token, user })
    }

    // ---- rate limits ---------------------------------------------------------------------

    /// Count one attempt in `bucket`; false when the bucket already had `MAX_ATTEMPTS` in the
    /// window (the caller answers 429). Kept in the database, so every node counts the same.
    pub fn attempt(&self, bucket: &str, now: u64) -> Result<bool> {
        self.attempt_within(bucket, MAX_ATTEMPTS, now)
    }

    /// Whether `bucket` already had `max` attempts in the window, without counting one.
    pub fn exhausted(&self, bucket: &str, max: u64, now: u64) -> Result<bool> {
        let since = now.saturating_sub(ATTEMPT_WINDOW_MS) as i64;
        let n: u64 = self
            .db
            .query_row("SELECT COUNT(*) FROM attempts WHERE bucket = ?1 AND at_ms > ?2", vals![bucket, since])?
            .map_or(Ok(0), |r| r.get(0))?;
        Ok(n >= max)
    }

    /// The same with the bucket's own limit. A refused attempt is not counted, so a client
    /// held back does not push its own window further out.
    pub fn attempt_within(&self, bucket: &str, max: u64, now: u64) -> Result<bool> {
        self.db.execute("DELETE FROM attempts WHERE at_ms <= ?1", vals![now.saturating_sub(ATTEMPT_WINDOW_MS) as i64])?;
        let n: u64 = self.db.query_row("SELECT COUNT(*) FROM attempts WHERE bucket = ?1", vals![bucket])?.map_or(Ok(0), |r| r.get(0))?;
        if n >= max {
            return Ok(false);
        }
        self.db.execute("INSERT INTO attempts (bucket, at_ms) VALUES (?1, ?2)", vals![bucket, now as i64])?;
        Ok(true)
    }
}

fn row_device(r: &Row) -> Result<Device> {
    Ok(Device {
        id: r.get(0)?,
        user: r.get(1)?,
        name: r.get(2)?,
        scope: DeviceScope::parse(&r.get::<String>(3)?).unwrap_or(DeviceScope::Upload),
        created_ms: r.get::<u64>(4)?,
        expires_ms: r.get::<Option<u64>>(5)?,
    })
}
