//! The operator's log of kiosk visits: one row per visit, written when it starts and marked
//! when it ends, kept after the visit's own session row is gone (so the operator can see
//! today's drops with their codes and times). Only the owner's full-access token reads it
//! (`GET /api/v1/visits`); rows older than [`KEEP_MS`] are forgotten. Also whether an album is a
//! live visit's drop, which the album calls leave alone.
use super::sessions::{Session, Sessions, LIVE};
use crate::db::Result;
use crate::vals;

/// How long a visit stays in the log.
pub const KEEP_MS: u64 = 90 * 24 * 3600 * 1000;

/// One visit as the log holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VisitRow {
    pub profile: String,
    pub code: String,
    pub drop: String,
    pub started_ms: u64,
    pub ended_ms: Option<u64>,
    /// Its tokens still work (not ended, not expired, not idle past its grace).
    pub live: bool,
}

impl Sessions {
    pub(super) fn log_start(&self, s: &Session, now_ms: u64) -> Result<()> {
        self.db.execute("DELETE FROM visit_log WHERE started_ms < ?1", vals![now_ms.saturating_sub(KEEP_MS) as i64])?;
        self.db.execute(
            "INSERT INTO visit_log (hash, \"user\", profile, code, drop_album, started_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            vals![s.hash, s.user, s.profile, s.code, s.drop, now_ms as i64],
        )?;
        Ok(())
    }

    pub(super) fn log_end(&self, visit: &str, now_ms: u64) -> Result<()> {
        self.db.execute("UPDATE visit_log SET ended_ms = ?2 WHERE hash = ?1 AND ended_ms IS NULL", vals![visit, now_ms as i64])?;
        Ok(())
    }

    /// True while a visit of `user` whose drop is `album` lives (finishing included: its
    /// uploads may still land there), so the album cannot change under the visitor.
    pub fn drop_is_live(&self, user: &str, album: &str, now_ms: u64) -> Result<bool> {
        let sql = format!("SELECT 1 FROM sessions v WHERE v.\"user\" = ?1 AND v.drop_album = ?4 AND v.parent IS NULL AND {LIVE} LIMIT 1");
        Ok(self.db.query_row(&sql, vals![user, now_ms as i64, self.grace_ms() as i64, album])?.is_some())
    }

    /// `user`'s visits that started in `[from_ms, to_ms)`, newest first.
    pub fn visits(&self, user: &str, from_ms: u64, to_ms: u64, now_ms: u64) -> Result<Vec<VisitRow>> {
        // Live as a token's lookup decides it (`LIVE`: `?2` now, `?3` the grace).
        let sql = format!(
            "SELECT l.profile, l.code, l.drop_album, l.started_ms, l.ended_ms, \
             CASE WHEN l.ended_ms IS NULL AND {LIVE} THEN 1 ELSE 0 END \
             FROM visit_log l LEFT JOIN sessions v ON v.hash = l.hash \
             WHERE l.\"user\" = ?1 AND l.started_ms >= ?4 AND l.started_ms < ?5 ORDER BY l.started_ms DESC"
        );
        let args = vals![user, now_ms as i64, self.grace_ms() as i64, from_ms as i64, to_ms as i64];
        self.db
            .query(&sql, args)?
            .iter()
            .map(|r| {
                Ok(VisitRow {
                    profile: r.get(0)?,
                    code: r.get(1)?,
                    drop: r.get(2)?,
                    started_ms: r.get::<i64>(3)? as u64,
                    ended_ms: r.get::<Option<i64>>(4)?.map(|v| v as u64),
                    live: r.get::<i64>(5)? == 1,
                })
            })
            .collect()
    }
}
