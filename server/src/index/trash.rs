//! The Trash: records are marked (`trashed_at`), never moved, so a trashed photo still counts
//! for dedup (`check`, `has`) and for the space used until it is purged; restoring clears the
//! mark. A Live Photo and its clip, and an item and its sidecars, go to the Trash and come back
//! together, whichever of them was named. The purge deletes records trashed before a cutoff
//! and says which blobs no record names any more (the caller deletes those bytes, see
//! `background/purge.rs`).
use super::MediaIndex;
use crate::db::{Result, Tx};
use crate::vals;

impl MediaIndex {
    /// Marks the user's records with these ids as trashed at `at` (RFC 3339), with their
    /// pair's other half and their sidecars; ids that are not theirs, unknown, or already
    /// trashed are not counted (nor are the companions).
    pub fn trash(&self, user: &str, ids: &[String], at: &str) -> Result<u64> {
        self.mark(user, ids, Some(at))
    }

    /// Clears the mark (with the pair's and the sidecars'); the records are back in the
    /// library with the same ids.
    pub fn restore(&self, user: &str, ids: &[String]) -> Result<u64> {
        self.mark(user, ids, None)
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

    fn mark(&self, user: &str, ids: &[String], at: Option<&str>) -> Result<u64> {
        // Every statement names ?3 (the mark, NULL when restoring), so all take the same
        // parameters; the CAST gives PostgreSQL its type, which it cannot infer from `IS NULL`.
        let (set, state) = match at {
            Some(_) => ("trashed_at = ?3", "trashed_at IS NULL AND CAST(?3 AS TEXT) IS NOT NULL"),
            None => ("trashed_at = NULL", "trashed_at IS NOT NULL AND CAST(?3 AS TEXT) IS NULL"),
        };
        self.db.transaction(|tx| {
            let mut n = 0;
            for seq in ids.iter().filter_map(|i| i.parse::<i64>().ok()) {
                let row = tx.query(
                    &format!("SELECT sha256, album, motion_sha256, motion_of FROM media WHERE \"user\" = ?1 AND seq = ?2 AND {state}"),
                    vals![user, seq, at],
                )?;
                let Some(r) = row.first() else { continue };
                let (sha, album, clip, photo): (String, Option<String>, Option<String>, Option<String>) =
                    (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
                n += tx.execute(&format!("UPDATE media SET {set} WHERE \"user\" = ?1 AND seq = ?2 AND {state}"), vals![user, seq, at])?;
                // The pair's head is the photo; its clip and its sidecars follow it.
                let (head, clip) = match photo {
                    Some(p) => (p, Some(sha)),
                    None => (sha, clip),
                };
                companions(tx, user, seq, album.as_deref(), &head, clip.as_deref(), set, state, at)?;
            }
            Ok(n)
        })
    }
}

/// Marks the other records of the group headed by `head` in the same album: the photo and its
/// clip of a Live Photo pair, and the head's sidecars.
#[allow(clippy::too_many_arguments)]
fn companions(
    tx: &Tx,
    user: &str,
    seq: i64,
    album: Option<&str>,
    head: &str,
    clip: Option<&str>,
    set: &str,
    state: &str,
    at: Option<&str>,
) -> Result<()> {
    tx.execute(
        &format!(
            "UPDATE media SET {set} WHERE \"user\" = ?1 AND seq <> ?2 AND {state} AND COALESCE(album, '') = COALESCE(CAST(?4 AS TEXT), '') \
             AND ((sha256 = ?5 AND motion_sha256 = ?6) OR (sha256 = ?6 AND motion_of = ?5) OR sidecar_of = ?5)"
        ),
        vals![user, seq, at, album, head, clip],
    )?;
    Ok(())
}

impl MediaIndex {
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
