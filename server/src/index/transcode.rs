//! Which Live Photo clips need an H.264 copy (v6 `motion_h264`): a clip of a pair whose probed
//! codec is HEVC, not tried yet. 1 once the copy is stored, 0 when it could not be made (not
//! tried again). The photos of the pair carry the same mark, so their item says its
//! `videoUrl` plays the copy. Here is only the SQL, the same on SQLite and PostgreSQL.
use super::MediaIndex;
use crate::db::Result;
use crate::vals;

impl MediaIndex {
    /// Up to `limit` (user, clip sha256) of paired HEVC clips without a copy or a failure.
    pub fn clips_to_copy(&self, limit: usize) -> Result<Vec<(String, String)>> {
        let rows = self.db.query(
            "SELECT DISTINCT \"user\", sha256 FROM media WHERE motion_of IS NOT NULL AND video_codec = 'hevc' \
             AND motion_h264 IS NULL AND trashed_at IS NULL LIMIT ?1",
            vals![limit as i64],
        )?;
        rows.iter().map(|r| Ok((r.get(0)?, r.get(1)?))).collect()
    }

    /// Marks the user's clip (and the photos that name it) as copied or not.
    pub fn set_h264_copy(&self, user: &str, clip_sha: &str, made: bool) -> Result<()> {
        self.db.execute(
            "UPDATE media SET motion_h264 = ?3 WHERE \"user\" = ?1 AND (sha256 = ?2 OR motion_sha256 = ?2)",
            vals![user, clip_sha, i64::from(made)],
        )?;
        Ok(())
    }
}
