//! The Trash: records are marked (`trashed_at`), never moved, so a trashed photo still counts
//! for dedup (`check`, `has`) and for the space used until it is purged; restoring clears the
//! mark. The purge deletes records trashed before a cutoff and says which blobs no record
//! names any more (the caller deletes those bytes, see `background/purge.rs`).
use super::MediaIndex;
use crate::db::Result;
use crate::vals;

impl MediaIndex {
    /// Marks the user's records with these ids as trashed at `at` (RFC 3339); ids that are not
    /// theirs, unknown, or already trashed are not counted.
    pub fn trash(&self, user: &str, ids: &[String], at: &str) -> Result<u64> {
        self.mark(user, ids, "UPDATE media SET trashed_at = ?3 WHERE \"user\" = ?1 AND seq = ?2 AND trashed_at IS NULL", Some(at))
    }

    /// Clears the mark; the records are back in the library with the same ids.
    pub fn restore(&self, user: &str, ids: &[String]) -> Result<u64> {
        // ?3 is bound (as NULL) only so both statements take the same parameters; the CAST
        // gives PostgreSQL its type, which it cannot infer from `IS NULL` alone.
        self.mark(
            user,
            ids,
            "UPDATE media SET trashed_at = NULL WHERE \"user\" = ?1 AND seq = ?2 AND trashed_at IS NOT NULL AND CAST(?3 AS TEXT) IS NULL",
            None,
        )
    }

    /// Clears the mark of every trashed record of the user ("Restore all").
    pub fn restore_all(&self, user: &str) -> Result<u64> {
        self.db
            .transaction(|tx| tx.execute("UPDATE media SET trashed_at = NULL WHERE \"user\" = ?1 AND trashed_at IS NOT NULL", vals![user]))
    }

    /// Deletes every trashed record of the user now ("Empty trash"); returns how many, and the
    /// (user, sha256) pairs no record of theirs names any more.
    pub fn empty_trash(&self, user: &str) -> Result<(usize, Vec<(String, String)>)> {
        self.db.transaction(|tx| {
            let gone: Vec<String> = tx
                .query("SELECT DISTINCT sha256 FROM media WHERE \"user\" = ?1 AND trashed_at IS NOT NULL ORDER BY sha256", vals![user])?
                .iter()
                .map(|r| r.get(0))
                .collect::<Result<_>>()?;
            let n = tx.execute("DELETE FROM media WHERE \"user\" = ?1 AND trashed_at IS NOT NULL", vals![user])? as usize;
            let mut unnamed = Vec::new();
            for sha in gone {
                if tx.query_row("SELECT 1 FROM media WHERE \"user\" = ?1 AND sha256 = ?2 LIMIT 1", vals![user, sha])?.is_none() {
                    unnamed.push((user.to_string(), sha));
                }
            }
            Ok((n, unnamed))
        })
    }

    fn mark(&self, user: &str, ids: &[String], sql: &str, at: Option<&str>) -> Result<u64> {
        self.db.transaction(|tx| {
            let mut n = 0;
            for seq in ids.iter().filter_map(|i| i.parse::<i64>().ok()) {
                n += tx.execute(sql, vals![user, seq, at])?;
            }
            Ok(n)
        })
    }

    /// True when any record of the user (trashed or not) names this content as its sha256.
    pub fn names_blob(&self, user: &str, sha256: &str) -> Result<bool> {
        Ok(self.db.query_row("SELECT 1 FROM media WHERE \"user\" = ?1 AND sha256 = ?2 LIMIT 1", vals![user, sha256])?.is_some())
    }

    /// Deletes every record trashed before `cutoff` (RFC 3339, same format as `trashed_at`);
    /// returns how many, and the (user, sha256) pairs no record names any more.
    pub fn purge_trashed(&self, cutoff: &str) -> Result<(usize, Vec<(String, String)>)> {
        self.db.transaction(|tx| {
            let gone: Vec<(String, String)> = tx
                .query(
                    "SELECT DISTINCT \"user\", sha256 FROM media WHERE trashed_at IS NOT NULL AND trashed_at < ?1 ORDER BY \"user\", sha256",
                    vals![cutoff],
                )?
                .iter()
                .map(|r| Ok((r.get(0)?, r.get(1)?)))
                .collect::<Result<_>>()?;
            let n = tx.execute("DELETE FROM media WHERE trashed_at IS NOT NULL AND trashed_at < ?1", vals![cutoff])? as usize;
            let mut unnamed = Vec::new();
            for (user, sha) in gone {
                if tx.query_row("SELECT 1 FROM media WHERE \"user\" = ?1 AND sha256 = ?2 LIMIT 1", vals![user, sha])?.is_none() {
                    unnamed.push((user, sha));
                }
            }
            Ok((n, unnamed))
        })
    }
}
