//! Kiosk visitor sessions, kept in the server's database (so they work when several nodes
//! share one) and looked up by the hash of their token: a short-lived token that uploads only
//! into its own drop (an album of the kiosk operator's account) and reads only that drop.
//!
//! A visit is one row; a phone link into it is a row whose `parent` is the visit. Whether a
//! token still works is decided on the visit's row: it lives until its expiry, and only while
//! something happens: bytes arriving for any of its uploads, or the visitor's own actions
//! (`touch`), each pushing `last_active_ms` on. After the profile's idle time plus
//! [`IDLE_GRACE_MS`] without either, every token of the visit stops, on every node. A visit
//! ended with "let my uploads finish" is `finishing`: its tokens may only go on sending the
//! bytes of uploads already started, and it ends once those stop arriving for the idle time.
use crate::accounts::auth::token_hash;
use crate::db::{Db, Result};
use crate::vals;
use std::path::Path;
use std::sync::Arc;

pub struct Sessions {
    pub(super) db: Db,
    /// How long past its idle time a quiet visit still lives ([`IDLE_GRACE_MS`] by default).
    grace_ms: u64,
}

/// One visitor session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    /// The hash of its token (the token itself is never stored).
    pub hash: String,
    pub profile: String,
    /// The operator's account it uploads into.
    pub user: String,
    /// Its album, e.g. "Kiosk 2026-12-01 K7QX".
    pub drop: String,
    /// The short code the visitor can give the shop.
    pub code: String,
    pub expires_ms: u64,
    /// For a phone link, the visit it belongs to.
    pub parent: Option<String>,
    /// The visit's last activity and last bytes received (milliseconds since the epoch).
    pub last_active_ms: u64,
    pub last_bytes_ms: u64,
    /// The profile's idle time, fixed when the visit began.
    pub idle_ms: u64,
    /// Ended with "let my uploads finish": only running uploads may go on.
    pub finishing: bool,
    /// The server's grace after the idle time.
    pub grace_ms: u64,
}

impl Session {
    /// The visit this token belongs to (itself, or a phone link's parent).
    pub fn visit(&self) -> &str {
        self.parent.as_deref().unwrap_or(&self.hash)
    }
    /// When the server ends the visit if nothing happens before.
    pub fn idle_ends_ms(&self) -> u64 {
        (self.last_active_ms + self.idle_ms + self.grace_ms).min(self.expires_ms)
    }
    /// Bytes arrived for one of the visit's uploads within the last [`MOVING_MS`].
    pub fn uploads_moving(&self, now_ms: u64) -> bool {
        self.last_bytes_ms + MOVING_MS > now_ms
    }
}

/// How long past the idle time the server waits before ending a quiet visit: the page reports
/// touches at most every few seconds, so its own idle end normally comes first.
pub const IDLE_GRACE_MS: u64 = 15_000;
/// Uploads count as moving while bytes arrived this recently (PATCHes report every second).
pub const MOVING_MS: u64 = 5_000;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS sessions (
  hash TEXT PRIMARY KEY,
  profile TEXT NOT NULL,
  user TEXT NOT NULL,
  drop_album TEXT NOT NULL,
  code TEXT NOT NULL,
  created_ms INTEGER NOT NULL,
  expires_ms INTEGER NOT NULL,
  parent TEXT,
  last_active_ms INTEGER NOT NULL DEFAULT 0,
  last_bytes_ms INTEGER NOT NULL DEFAULT 0,
  idle_ms INTEGER NOT NULL DEFAULT 0,
  ended_ms INTEGER
);
CREATE INDEX IF NOT EXISTS sessions_parent ON sessions(parent);
CREATE TABLE IF NOT EXISTS visit_log (
  hash TEXT PRIMARY KEY,
  user TEXT NOT NULL,
  profile TEXT NOT NULL,
  code TEXT NOT NULL,
  drop_album TEXT NOT NULL,
  started_ms INTEGER NOT NULL,
  ended_ms INTEGER
);
CREATE INDEX IF NOT EXISTS visit_log_user ON visit_log(user, started_ms);
";

/// Columns added after the first version; a visit from before them has a last activity of 0,
/// so it ends at the upgrade (visits are short, and nothing of them is lost but the token).
const ADDED: &[(&str, &str)] = &[
    ("last_active_ms", "INTEGER NOT NULL DEFAULT 0"),
    ("last_bytes_ms", "INTEGER NOT NULL DEFAULT 0"),
    ("idle_ms", "INTEGER NOT NULL DEFAULT 0"),
    ("ended_ms", "INTEGER"),
];

/// The live row of `visit` (a visit's own hash): not expired, not idle past its grace.
/// (`?2` is now, `?3` the grace; the visit log reads it too.)
pub(super) const LIVE: &str = "v.expires_ms > ?2 AND v.last_active_ms + v.idle_ms + ?3 > ?2";
const COLUMNS: &str =
    "s.hash, s.profile, s.\"user\", s.drop_album, s.code, s.expires_ms, s.parent, v.last_active_ms, v.last_bytes_ms, v.idle_ms, v.ended_ms";

/// Letters and digits that cannot be mistaken for one another when read aloud or off a screen.
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

fn random_bytes<const N: usize>() -> [u8; N] {
    let mut b = [0u8; N];
    getrandom::getrandom(&mut b).expect("OS random source");
    b
}

impl Sessions {
    pub fn open(path: &Path) -> Result<Self> {
        let conn = rusqlite::Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.execute_batch(SCHEMA)?;
        let have: Vec<String> = conn
            .prepare("SELECT name FROM pragma_table_info('sessions')")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for (col, ty) in ADDED.iter().filter(|(c, _)| !have.iter().any(|h| h == c)) {
            conn.execute_batch(&format!("ALTER TABLE sessions ADD COLUMN {col} {ty}"))?;
        }
        Ok(Sessions { db: Db::sqlite(conn), grace_ms: IDLE_GRACE_MS })
    }

    /// The sessions in PostgreSQL (already migrated by `Pg::connect`), shared by every node.
    pub fn postgres(pg: Arc<crate::db::pg::Pg>) -> Self {
        Sessions { db: Db::Postgres(pg), grace_ms: IDLE_GRACE_MS }
    }

    pub(super) fn grace_ms(&self) -> u64 {
        self.grace_ms
    }

    /// The same sessions with another grace after the idle time (`--kiosk-idle-grace`).
    pub fn with_grace(mut self, grace_ms: u64) -> Self {
        self.grace_ms = grace_ms;
        self
    }

    /// A new session; returns its token (shown once, to the kiosk) and the session.
    #[allow(clippy::too_many_arguments)]
    pub fn create(
        &self,
        profile: &str,
        user: &str,
        album_pattern: &str,
        date: &str,
        now_ms: u64,
        ttl_ms: u64,
        idle_ms: u64,
    ) -> Result<(String, Session)> {
        let token = shoebox_core::hash::hex(&random_bytes::<24>());
        let code: String = random_bytes::<6>().iter().map(|b| CODE_ALPHABET[*b as usize % CODE_ALPHABET.len()] as char).collect();
        let drop = album_pattern.replace("{date}", date).replace("{code}", &code).replace("{visitor}", &code);
        let s = Session {
            hash: token_hash(&token),
            profile: profile.into(),
            user: user.into(),
            drop,
            code,
            expires_ms: now_ms + ttl_ms,
            parent: None,
            last_active_ms: now_ms,
            last_bytes_ms: 0,
            idle_ms,
            finishing: false,
            grace_ms: self.grace_ms,
        };
        self.db.execute(
            "INSERT INTO sessions (hash, profile, \"user\", drop_album, code, created_ms, expires_ms, last_active_ms, idle_ms) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            vals![s.hash, s.profile, s.user, s.drop, s.code, now_ms as i64, s.expires_ms as i64, now_ms as i64, idle_ms as i64],
        )?;
        self.log_start(&s, now_ms)?;
        Ok((token, s))
    }

    /// A phone link into `parent`'s drop ("Upload from your phone"): its own token, the same
    /// drop and expiry, and it dies with the session it belongs to.
    pub fn link(&self, parent: &Session) -> Result<String> {
        let token = shoebox_core::hash::hex(&random_bytes::<24>());
        self.db.execute(
            "INSERT INTO sessions (hash, profile, \"user\", drop_album, code, created_ms, expires_ms, parent) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            vals![
                token_hash(&token),
                parent.profile,
                parent.user,
                parent.drop,
                parent.code,
                0i64,
                parent.expires_ms as i64,
                // A link made from a phone belongs to the visit too, never to the phone.
                parent.visit()
            ],
        )?;
        Ok(token)
    }

    /// The live session a token opens (expired ones are as good as absent).
    pub fn lookup(&self, token: &str, now_ms: u64) -> Result<Option<Session>> {
        self.lookup_hash(&token_hash(token), now_ms)
    }

    /// The session of a token's hash while its visit lives, finishing or not.
    pub fn lookup_hash(&self, hash: &str, now_ms: u64) -> Result<Option<Session>> {
        self.db
            .query_row(
                &format!(
                    "SELECT {COLUMNS} FROM sessions s JOIN sessions v ON v.hash = COALESCE(s.parent, s.hash) \
                     WHERE s.hash = ?1 AND s.expires_ms > ?2 AND {LIVE}"
                ),
                vals![hash, now_ms as i64, self.grace_ms as i64],
            )?
            .map(|r| {
                Ok(Session {
                    hash: r.get(0)?,
                    profile: r.get(1)?,
                    user: r.get(2)?,
                    drop: r.get(3)?,
                    code: r.get(4)?,
                    expires_ms: r.get::<u64>(5)?,
                    parent: r.get(6)?,
                    last_active_ms: r.get::<u64>(7)?,
                    last_bytes_ms: r.get::<u64>(8)?,
                    idle_ms: r.get::<u64>(9)?,
                    finishing: r.get::<Option<i64>>(10)?.is_some(),
                    grace_ms: self.grace_ms,
                })
            })
            .transpose()
    }

    /// Something happened in the visit of token hash `hash`: bytes arrived for one of its
    /// uploads (`bytes`), or the visitor acted. False when the visit is over (then nothing
    /// more may be written for it); a finishing visit is kept alive by bytes only.
    pub fn touch(&self, hash: &str, bytes: bool, now_ms: u64) -> Result<bool> {
        let Some(s) = self.lookup_hash(hash, now_ms)? else { return Ok(false) };
        if s.finishing && !bytes {
            return Ok(false);
        }
        let sql = if bytes {
            "UPDATE sessions SET last_active_ms = ?2, last_bytes_ms = ?2 WHERE hash = ?1"
        } else {
            "UPDATE sessions SET last_active_ms = ?2 WHERE hash = ?1"
        };
        self.db.execute(sql, vals![s.visit(), now_ms as i64])?;
        Ok(true)
    }

    /// End a visit (`hash` is any of its tokens): with `keep_uploads`, it is only marked
    /// finishing (running uploads may complete); otherwise its tokens, and the phone links
    /// into it, stop at once. Returns the token hashes of the visit (their uploads end with it).
    pub fn end(&self, hash: &str, keep_uploads: bool, now_ms: u64) -> Result<Vec<String>> {
        let visit = match self.lookup_hash(hash, now_ms)? {
            Some(s) => s.visit().to_string(),
            None => hash.to_string(),
        };
        let mut ended: Vec<String> = vec![visit.clone()];
        for r in self.db.query("SELECT hash FROM sessions WHERE parent = ?1", vals![visit])? {
            ended.push(r.get(0)?);
        }
        self.log_end(&visit, now_ms)?;
        if keep_uploads {
            self.db.execute("UPDATE sessions SET ended_ms = ?2 WHERE hash = ?1 AND ended_ms IS NULL", vals![visit, now_ms as i64])?;
        } else {
            self.db.execute("DELETE FROM sessions WHERE hash = ?1 OR parent = ?1", vals![visit])?;
        }
        Ok(ended)
    }

    /// Forget visits that are over (expired, or idle past their grace), and their phone links
    /// (run by the reaper, after it ended their uploads).
    pub fn sweep(&self, now_ms: u64) -> Result<usize> {
        let dead =
            "SELECT hash FROM sessions v WHERE parent IS NULL AND NOT (v.expires_ms > ?1 AND v.last_active_ms + v.idle_ms + ?2 > ?1)";
        let mut n = 0;
        for r in self.db.query(dead, vals![now_ms as i64, self.grace_ms as i64])? {
            let h: String = r.get(0)?;
            self.log_end(&h, now_ms)?;
            n += self.db.execute("DELETE FROM sessions WHERE hash = ?1 OR parent = ?1", vals![h])? as usize;
        }
        // Links whose visit row is gone (ended without "let my uploads finish").
        n += self.db.execute("DELETE FROM sessions WHERE parent IS NOT NULL AND parent NOT IN (SELECT hash FROM sessions)", vals![])?
            as usize;
        Ok(n)
    }
}
