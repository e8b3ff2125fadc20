//! What a kiosk visit's drop holds, for the operator's log of visits: its items by kind and
//! their size (not what is in the Trash; a Live Photo's clip and a sidecar are part of their
//! item, not items of their own).
use super::sidecars::IS_SIDECAR;
use super::MediaIndex;
use crate::db::Result;
use crate::vals;

/// The items of one drop.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DropCount {
    pub items: u64,
    pub videos: u64,
    pub bytes: u64,
}

impl MediaIndex {
    pub fn drop_count(&self, user: &str, drop: &str) -> Result<DropCount> {
        let sql = format!(
            "SELECT COUNT(*), CAST(COALESCE(SUM(CASE WHEN filetype LIKE 'video/%' THEN 1 ELSE 0 END), 0) AS BIGINT), \
             CAST(COALESCE(SUM(size), 0) AS BIGINT) FROM media \
             WHERE \"user\" = ?1 AND album = ?2 AND trashed_at IS NULL AND motion_of IS NULL AND NOT {IS_SIDECAR}"
        );
        let r = self.db.query_row(&sql, vals![user, drop])?;
        r.map_or(Ok(DropCount::default()), |r| Ok(DropCount { items: r.get(0)?, videos: r.get(1)?, bytes: r.get(2)? }))
    }
}
