//! Kiosk visitor sessions, kept in the server's database (so they work when several nodes
//! share one) and looked up by the hash of their token: a short-lived token that uploads only
//! into its own drop (an album of the kiosk operator's account) and reads only that drop.
use crate::auth::token_hash;
use crate::db::{Db, Result};
use crate::vals;
use std::path::Path;
use std::sync::Arc;

pub struct Sessions {
    db: Db,
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
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS sessions (
  hash TEXT PRIMARY KEY,
  profile TEXT NOT NULL,
  user TEXT NOT NULL,
  drop_album TEXT NOT NULL,
  code TEXT NOT NULL,
  created_ms INTEGER NOT NULL,
  expires_ms INTEGER NOT NULL,
  parent TEXT
);
CREATE INDEX IF NOT EXISTS sessions_parent ON sessions(parent);
";

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
        Ok(Sessions { db: Db::sqlite(conn) })
    }

    /// The sessions in PostgreSQL (already migrated by `Pg::connect`), shared by every node.
    pub fn postgres(pg: Arc<crate::db::pg::Pg>) -> Self {
        Sessions { db: Db::Postgres(pg) }
    }

    /// A new session; returns its token (shown once, to the kiosk) and the session.
    pub fn create(
        &self,
        profile: &str,
        user: &str,
        album_pattern: &str,
        date: &str,
        now_ms: u64,
        ttl_ms: u64,
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
        };
        self.db.execute(
            "INSERT INTO sessions (hash, profile, \"user\", drop_album, code, created_ms, expires_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            vals![s.hash, s.profile, s.user, s.drop, s.code, now_ms as i64, s.expires_ms as i64],
        )?;
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
                parent.parent.as_ref().unwrap_or(&parent.hash)
            ],
        )?;
        Ok(token)
    }

    /// The live session a token opens (expired ones are as good as absent).
    pub fn lookup(&self, token: &str, now_ms: u64) -> Result<Option<Session>> {
        self.lookup_hash(&token_hash(token), now_ms)
    }

    pub fn lookup_hash(&self, hash: &str, now_ms: u64) -> Result<Option<Session>> {
        self.db
            .query_row(
                "SELECT hash, profile, \"user\", drop_album, code, expires_ms, parent FROM sessions WHERE hash = ?1 AND expires_ms > ?2",
                vals![hash, now_ms as i64],
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
                })
            })
            .transpose()
    }

    /// End a session: its token, and the phone links into it, stop working at once. Returns
    /// the hashes ended (their uploads end with them).
    pub fn end(&self, hash: &str) -> Result<Vec<String>> {
        let mut ended: Vec<String> = vec![hash.to_string()];
        for r in self.db.query("SELECT hash FROM sessions WHERE parent = ?1", vals![hash])? {
            ended.push(r.get(0)?);
        }
        self.db.execute("DELETE FROM sessions WHERE hash = ?1 OR parent = ?1", vals![hash])?;
        Ok(ended)
    }

    /// Forget sessions that expired (run by the reaper).
    pub fn sweep(&self, now_ms: u64) -> Result<usize> {
        Ok(self.db.execute("DELETE FROM sessions WHERE expires_ms <= ?1", vals![now_ms as i64])? as usize)
    }
}
