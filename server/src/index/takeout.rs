//! What a Takeout export adds to content the user already has (an export backed up twice, a
//! photo already backed up from the phone): Google's date where the record has none or only
//! the file's modification time, Google's place where it has none, and a record in each of the
//! export's albums it is not in yet. A date read from the photo itself and a place already
//! there are never replaced; a description only where there is none; a favourite or archived
//! mark is added, never taken away.
use super::MediaIndex;
use crate::db::Result;
use crate::vals;
use shoebox_core::api::MediaItem;

/// What an export says about one content.
#[derive(Clone, Debug, Default)]
pub struct Fill {
    /// RFC 3339, as the API writes instants.
    pub taken_at: Option<String>,
    pub place: Option<(f64, f64)>,
    pub description: Option<String>,
    pub albums: Vec<String>,
    pub favorited: bool,
    pub archived: bool,
}

/// What was changed.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Filled {
    /// Records whose date was filled.
    pub dates: u64,
    /// Records whose place was filled.
    pub places: u64,
    /// Album records added.
    pub albums: u64,
}

const MINE: &str = "\"user\" = ?1 AND (sha256 = ?2 OR source_sha256 = ?2)";

impl MediaIndex {
    /// Fills the user's records of content `digest` (its sha256 or sourceSha256); `None` when
    /// the user has no such record.
    pub fn fill_takeout(&self, user: &str, digest: &str, fill: &Fill) -> Result<Option<Filled>> {
        let Some(first) = self.db.query_row(&format!("SELECT sha256 FROM media WHERE {MINE} ORDER BY seq LIMIT 1"), vals![user, digest])?
        else {
            return Ok(None);
        };
        let sha: String = first.get(0)?;
        let mut filled = self.db.transaction(|tx| {
            let mut f = Filled::default();
            if let Some(t) = &fill.taken_at {
                // captured_local 0: no date, or the file's modification time (a guess).
                f.dates = tx.execute(
                    &format!("UPDATE media SET captured_at = ?3, captured_local = 0 WHERE {MINE} AND (captured_at IS NULL OR captured_local = 0)"),
                    vals![user, digest, t],
                )?;
            }
            if let Some((lat, lon)) = fill.place {
                f.places =
                    tx.execute(&format!("UPDATE media SET lat = ?3, lon = ?4 WHERE {MINE} AND lat IS NULL AND lon IS NULL"), vals![user, digest, lat, lon])?;
            }
            for (column, on) in [("favorited", fill.favorited), ("archived", fill.archived)] {
                if on {
                    tx.execute(&format!("UPDATE media SET {column} = 1 WHERE {MINE}"), vals![user, digest])?;
                }
            }
            if let Some(d) = &fill.description {
                tx.execute(&format!("UPDATE media SET description = ?3 WHERE {MINE} AND description IS NULL"), vals![user, digest, d])?;
            }
            Ok(f)
        })?;
        if !fill.albums.is_empty() {
            if let Some(item) = self.get(user, None, &sha)? {
                let copies: Vec<MediaItem> = fill.albums.iter().map(|a| MediaItem { album: Some(a.clone()), ..item.clone() }).collect();
                filled.albums = self.insert_many(user, &copies)? as u64;
            }
        }
        Ok(Some(filled))
    }
}
