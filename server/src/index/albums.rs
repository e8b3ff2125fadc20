//! Albums as the person shapes them: created (kept and listed while empty), renamed (every
//! record follows), filled from a selection, and emptied. An album is the `album` column of
//! its records; the `albums` table remembers the names made or touched here, so an album with
//! no records is still listed. Adding copies the content's record (one record per user,
//! content and album, as an upload into several albums makes), its Live Photo clip and its
//! sidecars along; removing deletes the album's record, or moves it out of any album when it
//! is the content's last one in the library, so a photo never leaves the library this way.
use super::MediaIndex;
use crate::db::{Result, Tx};
use crate::vals;
use shoebox_core::api::AlbumSummary;

/// Why a change was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    /// The user has no album of that name.
    NoSuchAlbum,
    /// The user already has an album of that name.
    Exists,
}

/// Every column of a record but `seq`, `album` and `trashed_at` (a copy is in the library).
const COPIED: &str = "\"user\", sha256, source_sha256, size, filename, relative_path, filetype, width, height, captured_at, \
     uploaded_at, camera, lat, lon, orientation, captured_local, duration_ms, video_codec, video_probed, motion_sha256, motion_of, \
     motion_offset, sidecar_of, content_id, motion_length, motion_h264, description, favorited, archived";

/// A record in no pair and no sidecar's is keyed again in its new album (the key names the
/// album, see `index::motion`), so a clip backed up there later still finds it.
const FREE_KEY: &str = "CASE WHEN motion_sha256 IS NULL AND motion_of IS NULL AND sidecar_of IS NULL THEN NULL ELSE pair_key END";
const FREE_CHECKED: &str = "CASE WHEN motion_sha256 IS NULL AND motion_of IS NULL AND sidecar_of IS NULL THEN 0 ELSE pair_checked END";

fn exists(tx: &Tx, user: &str, album: &str) -> Result<bool> {
    Ok(tx.query_row("SELECT 1 FROM media WHERE \"user\" = ?1 AND album = ?2 LIMIT 1", vals![user, album])?.is_some()
        || tx.query_row("SELECT 1 FROM albums WHERE \"user\" = ?1 AND name = ?2", vals![user, album])?.is_some())
}

fn remember(tx: &Tx, user: &str, album: &str, at: &str) -> Result<u64> {
    tx.execute("INSERT INTO albums (\"user\", name, created_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING", vals![user, album, at])
}

/// The records of `head`'s group in `album` (`None`: no album): its Live Photo clip and its
/// sidecars, not itself.
fn companions(tx: &Tx, user: &str, album: Option<&str>, head: &str, clip: Option<&str>) -> Result<Vec<(i64, String)>> {
    tx.query(
        "SELECT seq, sha256 FROM media WHERE \"user\" = ?1 AND COALESCE(album, '') = COALESCE(CAST(?2 AS TEXT), '') \
         AND ((sha256 = ?4 AND motion_of = ?3) OR sidecar_of = ?3) ORDER BY seq",
        vals![user, album, head, clip],
    )?
    .iter()
    .map(|r| Ok((r.get(0)?, r.get(1)?)))
    .collect()
}

impl MediaIndex {
    /// A new, empty album; `at` is when (RFC 3339).
    pub fn create_album(&self, user: &str, name: &str, at: &str) -> Result<std::result::Result<(), Refused>> {
        self.db.transaction(|tx| {
            if exists(tx, user, name)? || remember(tx, user, name, at)? == 0 {
                return Ok(Err(Refused::Exists));
            }
            Ok(Ok(()))
        })
    }

    /// Renames the album: every record of it (trashed ones too) follows. Returns how many.
    pub fn rename_album(&self, user: &str, from: &str, to: &str, at: &str) -> Result<std::result::Result<u64, Refused>> {
        self.db.transaction(|tx| {
            if !exists(tx, user, from)? {
                return Ok(Err(Refused::NoSuchAlbum));
            }
            if from == to {
                return Ok(Ok(0));
            }
            if exists(tx, user, to)? {
                return Ok(Err(Refused::Exists));
            }
            let n = tx.execute(
                &format!(
                    "UPDATE media SET album = ?3, pair_key = {FREE_KEY}, pair_checked = {FREE_CHECKED} WHERE \"user\" = ?1 AND album = ?2"
                ),
                vals![user, from, to],
            )?;
            tx.execute("DELETE FROM albums WHERE \"user\" = ?1 AND name = ?2", vals![user, from])?;
            remember(tx, user, to, at)?;
            Ok(Ok(n))
        })
    }

    /// Puts the user's content with these sha256s in `album` (made if new), each as a copy of
    /// its oldest record in the library with its clip and sidecars. Content the user does not
    /// have in the library (unknown, another user's, only in the Trash) and content already
    /// in the album are not counted.
    pub fn add_to_album(&self, user: &str, album: &str, digests: &[String], at: &str) -> Result<u64> {
        self.db.transaction(|tx| {
            remember(tx, user, album, at)?;
            let mut n = 0;
            for d in digests {
                let Some(r) = tx.query_row(
                    "SELECT seq, album, motion_sha256 FROM media WHERE \"user\" = ?1 AND sha256 = ?2 AND trashed_at IS NULL \
                     ORDER BY CASE WHEN motion_of IS NULL AND sidecar_of IS NULL THEN 0 ELSE 1 END, seq LIMIT 1",
                    vals![user, d],
                )?
                else {
                    continue;
                };
                let (seq, from, clip): (i64, Option<String>, Option<String>) = (r.get(0)?, r.get(1)?, r.get(2)?);
                let copied = copy(tx, seq, album)?;
                n += copied;
                if copied == 1 {
                    for (s, _) in companions(tx, user, from.as_deref(), d, clip.as_deref())? {
                        copy(tx, s, album)?;
                    }
                }
            }
            Ok(n)
        })
    }

    /// Takes the content with these sha256s out of `album` (with their clips and sidecars).
    /// A record that is its content's last one in the library moves to no album instead of
    /// going. The album stays, listed even when empty. Returns how many items were named.
    pub fn remove_from_album(&self, user: &str, album: &str, digests: &[String], at: &str) -> Result<std::result::Result<u64, Refused>> {
        self.db.transaction(|tx| {
            if !exists(tx, user, album)? {
                return Ok(Err(Refused::NoSuchAlbum));
            }
            remember(tx, user, album, at)?;
            let mut n = 0;
            for d in digests {
                let Some(r) = tx.query_row(
                    "SELECT seq, motion_sha256 FROM media WHERE \"user\" = ?1 AND album = ?2 AND sha256 = ?3",
                    vals![user, album, d],
                )?
                else {
                    continue;
                };
                let (seq, clip): (i64, Option<String>) = (r.get(0)?, r.get(1)?);
                n += 1;
                let mut group = vec![(seq, d.clone())];
                group.extend(companions(tx, user, Some(album), d, clip.as_deref())?);
                for (s, sha) in group {
                    take_out(tx, user, s, &sha)?;
                }
            }
            Ok(Ok(n))
        })
    }

    /// `GET /api/v1/albums`: the albums with records in the library (each with its cover's
    /// sha256), in `albums`' order, then those kept by name that have none (by name, count 0,
    /// no cover).
    pub fn album_list(&self, user: &str, tz: super::zone::Zone) -> Result<Vec<(AlbumSummary, Option<String>)>> {
        let mut out: Vec<(AlbumSummary, Option<String>)> = self.albums(user, tz)?.into_iter().map(|(a, c)| (a, Some(c))).collect();
        let kept: Vec<String> = self
            .db
            .query("SELECT name FROM albums WHERE \"user\" = ?1 ORDER BY name", vals![user])?
            .iter()
            .map(|r| r.get(0))
            .collect::<Result<_>>()?;
        for k in kept {
            if !out.iter().any(|(a, _)| a.album.as_deref() == Some(k.as_str())) {
                out.push((AlbumSummary { album: Some(k), ..AlbumSummary::default() }, None));
            }
        }
        Ok(out)
    }
}

/// Copies record `seq` into `album`; 0 when the album already has its content.
fn copy(tx: &Tx, seq: i64, album: &str) -> Result<u64> {
    tx.execute(
        &format!(
            "INSERT INTO media ({COPIED}, pair_key, pair_checked, album) SELECT {COPIED}, {FREE_KEY}, {FREE_CHECKED}, ?2 \
             FROM media WHERE seq = ?1 ON CONFLICT DO NOTHING"
        ),
        vals![seq, album],
    )
}

/// Deletes record `seq` when another record keeps its content in the library; else moves it
/// to no album (replacing a trashed record there, which the unique key allows only once).
fn take_out(tx: &Tx, user: &str, seq: i64, sha: &str) -> Result<()> {
    let elsewhere = tx
        .query_row(
            "SELECT 1 FROM media WHERE \"user\" = ?1 AND sha256 = ?2 AND seq <> ?3 AND trashed_at IS NULL LIMIT 1",
            vals![user, sha, seq],
        )?
        .is_some();
    if elsewhere {
        tx.execute("DELETE FROM media WHERE seq = ?1", vals![seq])?;
    } else {
        tx.execute("DELETE FROM media WHERE \"user\" = ?1 AND sha256 = ?2 AND album IS NULL", vals![user, sha])?;
        tx.execute(
            &format!("UPDATE media SET album = NULL, pair_key = {FREE_KEY}, pair_checked = {FREE_CHECKED} WHERE seq = ?1"),
            vals![seq],
        )?;
    }
    Ok(())
}
