//! Live Photo pairs in the index (v5): each record gets a name key once (`pair_key`: album,
//! folder and name stem, lower case; `pair_checked` 1 once set), and a photo and a clip of one
//! capture point at each other: `motion_sha256` on the photo names its clip, `motion_of` on the
//! clip names its photo (and keeps it out of the library's list). Which records make a pair is
//! `previews::live`'s decision. A Motion Photo's clip is inside its own bytes: `motion_offset`
//! says where it starts and `motion_length` (v6) how long it is when it is not the file's end
//! (Samsung's, `previews::samsung`). `content_id` (v6) is Apple's content
//! identifier, read from either half (`previews::apple_ids`). Here is only the SQL, the same on SQLite
//! and PostgreSQL.
use super::MediaIndex;
use crate::db::Result;
use crate::vals;

/// A record whose key was not set yet.
#[derive(Debug, Clone)]
pub struct Unkeyed {
    pub seq: i64,
    pub user: String,
    pub sha256: String,
    pub filename: Option<String>,
    pub relative_path: Option<String>,
    pub album: Option<String>,
    pub filetype: Option<String>,
    pub captured_at: Option<String>,
}

/// An unpaired record of the same user and key.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub seq: i64,
    pub sha256: String,
    pub filetype: Option<String>,
    pub captured_at: Option<String>,
    /// Apple's content identifier, once read.
    pub content_id: Option<String>,
}

const FREE_UNTRASHED: &str = "motion_sha256 IS NULL AND motion_of IS NULL AND trashed_at IS NULL";

impl MediaIndex {
    /// Up to `limit` records without a key, oldest first.
    pub fn unkeyed(&self, limit: usize) -> Result<Vec<Unkeyed>> {
        let rows = self.db.query(
            "SELECT seq, \"user\", sha256, filename, relative_path, album, filetype, captured_at FROM media \
             WHERE pair_checked = 0 ORDER BY seq LIMIT ?1",
            vals![limit as i64],
        )?;
        rows.iter()
            .map(|r| {
                Ok(Unkeyed {
                    seq: r.get(0)?,
                    user: r.get(1)?,
                    sha256: r.get(2)?,
                    filename: r.get(3)?,
                    relative_path: r.get(4)?,
                    album: r.get(5)?,
                    filetype: r.get(6)?,
                    captured_at: r.get(7)?,
                })
            })
            .collect()
    }

    pub fn set_pair_key(&self, seq: i64, key: Option<&str>) -> Result<()> {
        self.db.execute("UPDATE media SET pair_key = ?2, pair_checked = 1 WHERE seq = ?1", vals![seq, key])?;
        Ok(())
    }

    /// The user's other unpaired, untrashed records with this key, oldest first.
    pub fn pair_candidates(&self, user: &str, key: &str, not_seq: i64) -> Result<Vec<Candidate>> {
        self.candidates(&format!("pair_key = ?2 AND seq <> ?3 AND {FREE_UNTRASHED}"), vals![user, key, not_seq])
    }

    /// The user's other unpaired, untrashed records in this album with this content
    /// identifier, oldest first.
    pub fn id_candidates(&self, user: &str, album: Option<&str>, id: &str, not_seq: i64) -> Result<Vec<Candidate>> {
        self.candidates(
            &format!("content_id = ?2 AND seq <> ?3 AND COALESCE(album, '') = COALESCE(CAST(?4 AS TEXT), '') AND {FREE_UNTRASHED}"),
            vals![user, id, not_seq, album],
        )
    }

    fn candidates(&self, cond: &str, args: &[crate::db::Value]) -> Result<Vec<Candidate>> {
        let rows = self.db.query(
            &format!("SELECT seq, sha256, filetype, captured_at, content_id FROM media WHERE \"user\" = ?1 AND {cond} ORDER BY seq"),
            args,
        )?;
        rows.iter()
            .map(|r| {
                Ok(Candidate { seq: r.get(0)?, sha256: r.get(1)?, filetype: r.get(2)?, captured_at: r.get(3)?, content_id: r.get(4)? })
            })
            .collect()
    }

    /// Records the content identifier read from a record's bytes.
    pub fn set_content_id(&self, seq: i64, id: &str) -> Result<()> {
        self.db.execute("UPDATE media SET content_id = ?2 WHERE seq = ?1", vals![seq, id])?;
        Ok(())
    }

    /// Marks every record of the user's content as a Motion Photo whose clip starts at
    /// `offset` and is `length` bytes long (`None`: to the end of the file).
    pub fn set_motion_clip(&self, user: &str, sha256: &str, offset: u64, length: Option<u64>) -> Result<()> {
        self.db.execute(
            "UPDATE media SET motion_offset = ?3, motion_length = ?4 WHERE \"user\" = ?1 AND sha256 = ?2",
            vals![user, sha256, offset as i64, length.map(|l| l as i64)],
        )?;
        Ok(())
    }

    /// Where the clip of the user's Motion Photo starts and how long it is (in `album` only,
    /// when given).
    pub fn motion_clip(&self, user: &str, album: Option<&str>, sha256: &str) -> Result<Option<(u64, Option<u64>)>> {
        let row = self.db.query_row(
            "SELECT motion_offset, motion_length FROM media WHERE \"user\" = ?1 AND sha256 = ?2 AND motion_offset IS NOT NULL \
             AND (CAST(?3 AS TEXT) IS NULL OR album = ?3) LIMIT 1",
            vals![user, sha256, album],
        )?;
        let Some(r) = row else { return Ok(None) };
        Ok(Some((r.get::<i64>(0)?.max(0) as u64, r.get::<Option<i64>>(1)?.map(|l| l.max(0) as u64))))
    }

    /// Pairs the photo record and the clip record when both are still unpaired; false when
    /// either was paired meanwhile (another node's sweep).
    pub fn pair(&self, photo_seq: i64, photo_sha: &str, clip_seq: i64, clip_sha: &str) -> Result<bool> {
        const FREE: &str = "motion_sha256 IS NULL AND motion_of IS NULL";
        self.db.transaction(|tx| {
            if tx.execute(&format!("UPDATE media SET motion_sha256 = ?2 WHERE seq = ?1 AND {FREE}"), vals![photo_seq, clip_sha])? == 0 {
                return Ok(false);
            }
            if tx.execute(&format!("UPDATE media SET motion_of = ?2 WHERE seq = ?1 AND {FREE}"), vals![clip_seq, photo_sha])? == 0 {
                tx.execute("UPDATE media SET motion_sha256 = NULL WHERE seq = ?1", vals![photo_seq])?;
                return Ok(false);
            }
            Ok(true)
        })
    }
}
