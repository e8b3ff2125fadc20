//! The Trash: records are marked (`trashed_at`), never moved, so a trashed photo still counts
//! for dedup (`check`, `has`) and for the space used until it is purged; restoring clears the
//! mark. The purge deletes records trashed before a cutoff and says which blobs no record
//! names any more (the caller deletes those bytes, see `purge.rs`).
use super::MediaIndex;
use rusqlite::{params, OptionalExtension};

impl MediaIndex {
    /// Marks the user's records with these ids as trashed at `at` (RFC 3339); ids that are not
    /// theirs, unknown, or already trashed are not counted.
    pub fn trash(&self, user: &str, ids: &[String], at: &str) -> rusqlite::Result<u64> {
        self.mark(user, ids, "UPDATE media SET trashed_at = ?3 WHERE user = ?1 AND seq = ?2 AND trashed_at IS NULL", Some(at))
    }

    /// Clears the mark; the records are back in the library with the same ids.
    pub fn restore(&self, user: &str, ids: &[String]) -> rusqlite::Result<u64> {
        self.mark(
            user,
            ids,
            "UPDATE media SET trashed_at = NULL WHERE user = ?1 AND seq = ?2 AND trashed_at IS NOT NULL AND ?3 IS NULL",
            None,
        )
    }

    fn mark(&self, user: &str, ids: &[String], sql: &str, at: Option<&str>) -> rusqlite::Result<u64> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let mut n = 0;
        {
            let mut stmt = tx.prepare_cached(sql)?;
            for seq in ids.iter().filter_map(|i| i.parse::<i64>().ok()) {
                n += stmt.execute(params![user, seq, at])? as u64;
            }
        }
        tx.commit()?;
        Ok(n)
    }

    /// True when any record of the user (trashed or not) names this content as its sha256.
    pub fn names_blob(&self, user: &str, sha256: &str) -> rusqlite::Result<bool> {
        self.conn()
            .query_row("SELECT 1 FROM media WHERE user = ?1 AND sha256 = ?2 LIMIT 1", params![user, sha256], |_| Ok(()))
            .optional()
            .map(|r| r.is_some())
    }

    /// Deletes every record trashed before `cutoff` (RFC 3339, same format as `trashed_at`);
    /// returns how many, and the (user, sha256) pairs no record names any more.
    pub fn purge_trashed(&self, cutoff: &str) -> rusqlite::Result<(usize, Vec<(String, String)>)> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let gone: Vec<(String, String)> = {
            let mut stmt = tx.prepare(
                "SELECT DISTINCT user, sha256 FROM media WHERE trashed_at IS NOT NULL AND trashed_at < ?1 ORDER BY user, sha256",
            )?;
            let rows = stmt.query_map([cutoff], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<Result<_, _>>()?
        };
        let n = tx.execute("DELETE FROM media WHERE trashed_at IS NOT NULL AND trashed_at < ?1", [cutoff])?;
        let mut unnamed = Vec::new();
        {
            let mut still = tx.prepare("SELECT 1 FROM media WHERE user = ?1 AND sha256 = ?2 LIMIT 1")?;
            for (user, sha) in gone {
                if still.query_row(params![user, sha], |_| Ok(())).optional()?.is_none() {
                    unnamed.push((user, sha));
                }
            }
        }
        tx.commit()?;
        Ok((n, unnamed))
    }
}
