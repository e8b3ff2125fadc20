//! The media index: one row per user, content and album (the same bytes can sit in several
//! albums, e.g. two kiosk visitors' drops), in an embedded SQLite database (`index.sqlite` in
//! the data folder). Only the index lives here; bytes live in the store, one blob per user and
//! content, shared by every record that names it. Reads can be confined to one album (a kiosk
//! visitor sees only its drop). The library's queries are in `query`, the Trash in `trash`,
//! the table and its migrations in `schema`, the viewer's time zone in `zone`. With
//! `--database postgres://…` the same table lives in PostgreSQL (`db::pg_schema`), shared by
//! every node; the SQL here runs on both.
pub mod albums;
pub mod audit;
pub mod drops;
pub mod motion;
pub mod probes;
pub mod query;
pub mod schema;
pub mod sidecars;
pub mod takeout;
pub mod transcode;
pub mod trash;
pub mod zip_items;
pub mod zone;

use crate::db::{Db, Result, Row, Value};
use crate::vals;
use shoebox_core::api::MediaItem;
use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;

pub struct MediaIndex {
    db: Db,
}

/// SQLite's default limit on bound parameters is far above this; batches keep statements small.
const CHECK_BATCH: usize = 500;

impl MediaIndex {
    pub fn open(path: &Path) -> Result<Self> {
        let conn = rusqlite::Connection::open(path)?;
        // WAL keeps readers off the writer's back; FULL sync: a written record survives power loss.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        // Several processes (the server, `shoebox-server purge`) may share the file.
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        zone::register(&conn)?;
        schema::migrate(&conn)?;
        Ok(MediaIndex { db: Db::sqlite(conn) })
    }

    /// The index in PostgreSQL (already migrated by `Pg::connect`).
    pub fn postgres(pg: Arc<crate::db::pg::Pg>) -> Self {
        MediaIndex { db: Db::Postgres(pg) }
    }

    pub fn db(&self) -> &Db {
        &self.db
    }

    /// Adds a record unless the user already has this content in this album (the first wins).
    pub fn insert(&self, user: &str, m: &MediaItem) -> Result<bool> {
        Ok(self.insert_many(user, std::slice::from_ref(m))? == 1)
    }

    /// Many records in one transaction (imports, benchmarks): one fsync instead of one per row.
    pub fn insert_many(&self, user: &str, items: &[MediaItem]) -> Result<usize> {
        self.db.transaction(|tx| {
            let mut n = 0;
            for m in items {
                n += tx.execute(
                    "INSERT INTO media (\"user\", sha256, source_sha256, size, filename, relative_path, album, filetype, width, height,
                   captured_at, uploaded_at, trashed_at, camera, lat, lon, orientation, captured_local, description, favorited, archived)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21) ON CONFLICT DO NOTHING",
                    vals![
                        user,
                        m.sha256,
                        m.source_sha256,
                        m.size as i64,
                        m.filename,
                        m.relative_path,
                        m.album,
                        m.filetype,
                        m.width,
                        m.height,
                        m.captured_at,
                        m.uploaded_at,
                        m.trashed_at,
                        m.camera,
                        m.lat,
                        m.lon,
                        m.orientation,
                        m.captured_at.as_deref().is_some_and(crate::timefmt::is_wall_clock),
                        m.description,
                        m.favorited,
                        m.archived,
                    ],
                )? as usize;
            }
            Ok(n)
        })
    }

    /// True when `digest` is the sha256 or the sourceSha256 of one of the user's items (in
    /// `album` only, when given). (`CAST(?N AS TEXT) IS NULL`, here and below: PostgreSQL
    /// cannot infer a parameter's type from `IS NULL` alone.)
    pub fn has(&self, user: &str, album: Option<&str>, digest: &str) -> Result<bool> {
        self.db
            .query_row(
                "SELECT 1 FROM media WHERE \"user\" = ?1 AND (sha256 = ?2 OR source_sha256 = ?2) AND (CAST(?3 AS TEXT) IS NULL OR album = ?3) LIMIT 1",
                vals![user, digest, album],
            )
            .map(|r| r.is_some())
    }

    /// The given digests that match any item's sha256 or sourceSha256, in the order given.
    pub fn check(&self, user: &str, album: Option<&str>, digests: &[String]) -> Result<Vec<String>> {
        let mut found: HashSet<String> = HashSet::new();
        // One query per column, so each uses its own index (an OR across both would scan).
        for column in ["sha256", "source_sha256"] {
            for batch in digests.chunks(CHECK_BATCH) {
                let marks = (0..batch.len()).map(|i| format!("?{}", i + 3)).collect::<Vec<_>>().join(",");
                let sql = format!(
                    "SELECT {column} FROM media WHERE \"user\" = ?1 AND (CAST(?2 AS TEXT) IS NULL OR album = ?2) AND {column} IN ({marks})"
                );
                let mut args: Vec<Value> = vals![user, album].to_vec();
                args.extend(batch.iter().map(|s| Value::Text(s.clone())));
                for r in self.db.query(&sql, &args)? {
                    found.insert(r.get(0)?);
                }
            }
        }
        let mut seen = HashSet::new();
        Ok(digests.iter().filter(|d| found.contains(*d) && seen.insert(d.as_str())).cloned().collect())
    }

    /// One page of the user's items in upload order, after the cursor; `next` is set when more follow.
    pub fn list(&self, user: &str, album: Option<&str>, after: i64, limit: usize) -> Result<(Vec<MediaItem>, Option<i64>)> {
        let rows = self.db.query(
            &format!("SELECT seq, {COLUMNS} FROM media WHERE \"user\" = ?1 AND seq > ?2 AND (CAST(?4 AS TEXT) IS NULL OR album = ?4) ORDER BY seq LIMIT ?3"),
            vals![user, after, limit as i64 + 1, album],
        )?;
        let mut items: Vec<(i64, MediaItem)> = rows.iter().map(|r| Ok((r.get::<i64>(0)?, row_item(r, 1)?))).collect::<Result<_>>()?;
        let more = items.len() > limit;
        items.truncate(limit);
        let next = if more { items.last().map(|(s, _)| *s) } else { None };
        Ok((items.into_iter().map(|(_, m)| m).collect(), next))
    }

    /// Bytes the user's stored content takes (each content once, however many records name it).
    pub fn used_bytes(&self, user: &str) -> Result<u64> {
        // CAST: PostgreSQL's SUM of BIGINT is NUMERIC; the alias: it wants one on a subquery.
        self.db
            .query_row(
                "SELECT CAST(COALESCE(SUM(size), 0) AS BIGINT) FROM (SELECT sha256, MAX(size) AS size FROM media WHERE \"user\" = ?1 GROUP BY sha256) AS c",
                vals![user],
            )?
            .map_or(Ok(0), |r| r.get::<u64>(0))
    }

    /// The user's oldest record of this content (trashed ones too: they keep their bytes).
    pub fn get(&self, user: &str, album: Option<&str>, sha256: &str) -> Result<Option<MediaItem>> {
        self.db
            .query_row(
                &format!("SELECT {COLUMNS} FROM media WHERE \"user\" = ?1 AND sha256 = ?2 AND (CAST(?3 AS TEXT) IS NULL OR album = ?3) ORDER BY seq LIMIT 1"),
                vals![user, sha256, album],
            )?
            .map(|r| row_item(&r, 0))
            .transpose()
    }
}

impl MediaIndex {
    /// Up to `limit` (user, content) pairs of videos not probed yet.
    pub fn unprobed_videos(&self, limit: usize) -> Result<Vec<(String, String)>> {
        let rows = self.db.query(
            "SELECT DISTINCT \"user\", sha256 FROM media WHERE video_probed = 0 AND filetype LIKE 'video/%' LIMIT ?1",
            vals![limit as i64],
        )?;
        rows.iter().map(|r| Ok((r.get(0)?, r.get(1)?))).collect()
    }

    /// Records a video's facts on every record of that content (`None`: it could not be read;
    /// it is not tried again). The size is the one shown, replacing what the upload declared.
    pub fn set_video_facts(&self, user: &str, sha256: &str, f: Option<&VideoFacts>) -> Result<()> {
        let f = f.cloned().unwrap_or_default();
        self.db.execute(
            "UPDATE media SET video_probed = 1, duration_ms = ?3, video_codec = ?4, width = COALESCE(?5, width), \
             height = COALESCE(?6, height) WHERE \"user\" = ?1 AND sha256 = ?2",
            vals![user, sha256, f.duration_ms.map(|d| d as i64), f.codec, f.width.map(i64::from), f.height.map(i64::from)],
        )?;
        Ok(())
    }
}

/// One record as the backfill walks the index (`commands::backfill`).
#[derive(Debug, Clone)]
pub struct Content {
    pub seq: i64,
    pub user: String,
    pub sha256: String,
    pub video: bool,
    pub duration_ms: Option<i64>,
}

impl MediaIndex {
    /// Up to `limit` records after `seq`, in order (trashed ones too: they keep their bytes).
    pub fn contents_after(&self, seq: i64, limit: usize) -> Result<Vec<Content>> {
        let rows = self.db.query(
            "SELECT seq, \"user\", sha256, filetype, duration_ms FROM media WHERE seq > ?1 ORDER BY seq LIMIT ?2",
            vals![seq, limit as i64],
        )?;
        rows.iter()
            .map(|r| {
                let filetype: Option<String> = r.get(3)?;
                Ok(Content {
                    seq: r.get(0)?,
                    user: r.get(1)?,
                    sha256: r.get(2)?,
                    video: filetype.is_some_and(|t| t.starts_with("video/")),
                    duration_ms: r.get(4)?,
                })
            })
            .collect()
    }
}

/// A video's facts as `previews::probe` finds them (ffprobe's first video stream).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VideoFacts {
    pub duration_ms: Option<u64>,
    /// As shown: a phone video recorded upright is taller than wide.
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub codec: Option<String>,
}

/// The columns `row_item` reads, in its order.
pub const COLUMNS: &str =
    "sha256, source_sha256, size, filename, relative_path, album, filetype, width, height, captured_at, uploaded_at, \
                           seq, camera, lat, lon, orientation, trashed_at, duration_ms, video_codec, motion_sha256, motion_of, motion_offset, sidecar_of, motion_h264, description, \
                           favorited, archived";

/// How many columns `COLUMNS` names (a query's own columns follow them).
pub const COLUMN_COUNT: usize = 27;

/// A record from `COLUMNS` starting at column `o`; `day` and the URLs are the caller's to fill.
pub fn row_item(r: &Row, o: usize) -> Result<MediaItem> {
    let source_sha256: Option<String> = r.get(o + 1)?;
    let filetype: Option<String> = r.get(o + 6)?;
    let sha256: String = r.get(o)?;
    let embedded = r.get::<Option<i64>>(o + 21)?.is_some();
    let motion = match r.get::<Option<String>>(o + 19)? {
        Some(clip) => {
            Some(shoebox_core::api::Motion { sha256: clip, h264_copy: r.get::<Option<i64>>(o + 23)? == Some(1), ..Default::default() })
        }
        None if embedded => Some(shoebox_core::api::Motion { sha256: sha256.clone(), embedded, ..Default::default() }),
        None => None,
    };
    Ok(MediaItem {
        sha256,
        downsized: source_sha256.is_some(),
        source_sha256,
        size: r.get::<i64>(o + 2)? as u64,
        filename: r.get(o + 3)?,
        relative_path: r.get(o + 4)?,
        album: r.get(o + 5)?,
        kind: shoebox_core::api::kind_of(filetype.as_deref()).to_string(),
        filetype,
        width: r.get(o + 7)?,
        height: r.get(o + 8)?,
        captured_at: r.get(o + 9)?,
        uploaded_at: r.get(o + 10)?,
        id: r.get::<i64>(o + 11)?.to_string(),
        camera: r.get(o + 12)?,
        lat: r.get(o + 13)?,
        lon: r.get(o + 14)?,
        orientation: r.get(o + 15)?,
        trashed_at: r.get(o + 16)?,
        duration_ms: r.get::<Option<i64>>(o + 17)?.map(|d| d.max(0) as u64),
        codec: r.get(o + 18)?,
        motion,
        motion_of: r.get(o + 20)?,
        sidecar_of: r.get(o + 22)?,
        description: r.get(o + 24)?,
        favorited: r.get(o + 25)?,
        archived: r.get(o + 26)?,
        ..MediaItem::default()
    })
}
