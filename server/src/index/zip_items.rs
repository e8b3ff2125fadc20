//! The records a zip download holds: a selection's, by id, each the caller's own and in the
//! library (not the Trash); and whether the caller has an album of a name at all.
use super::{row_item, MediaIndex, COLUMNS};
use crate::db::Result;
use crate::vals;
use shoebox_core::api::MediaItem;

impl MediaIndex {
    /// True when `user` has an album of this name (with records, or made empty).
    pub fn album_exists(&self, user: &str, album: &str) -> Result<bool> {
        Ok(self.db.query_row("SELECT 1 FROM media WHERE \"user\" = ?1 AND album = ?2 LIMIT 1", vals![user, album])?.is_some()
            || self.db.query_row("SELECT 1 FROM albums WHERE \"user\" = ?1 AND name = ?2", vals![user, album])?.is_some())
    }

    /// `user`'s records of these ids that are not in the Trash, in the order asked; another
    /// user's id, an unknown one or a trashed one is left out.
    pub fn records_by_id(&self, user: &str, ids: &[i64]) -> Result<Vec<MediaItem>> {
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let sql = format!("SELECT {COLUMNS} FROM media WHERE \"user\" = ?1 AND seq = ?2 AND trashed_at IS NULL");
            if let Some(r) = self.db.query_row(&sql, vals![user, *id])? {
                out.push(row_item(&r, 0)?);
            }
        }
        Ok(out)
    }
}
