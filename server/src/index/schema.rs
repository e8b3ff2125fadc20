//! The index's table and its migrations, run at open: v1 (one record per user and content) →
//! v2 (per user, content and album) → v3 (the library: trash, camera, GPS, orientation and
//! whether capturedAt is a wall-clock time) → v4 (video facts, probed after completion) → v5
//! (Live Photo pairs: the name key, whether it was looked at, the pair's two sides; where a
//! Motion Photo's clip starts) → v6 (sidecars: the item an XMP or AAE file belongs to; Apple's
//! content identifier; a Motion Photo clip's length; whether a HEVC clip has its H.264 copy; unpaired records are
//! looked at again) → v7 (a Takeout sidecar's description) → v8 (the albums kept by name, `index::albums`) → v9 (a Takeout
//! sidecar's favourite and archived marks). Every migration keeps every row and its seq.
use rusqlite::{Connection, OptionalExtension};

pub const VERSION: i64 = 9;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS media (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  user TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  source_sha256 TEXT,
  size INTEGER NOT NULL,
  filename TEXT,
  relative_path TEXT,
  album TEXT,
  filetype TEXT,
  width INTEGER,
  height INTEGER,
  captured_at TEXT,
  uploaded_at TEXT NOT NULL,
  trashed_at TEXT,
  camera TEXT,
  lat REAL,
  lon REAL,
  orientation INTEGER,
  captured_local INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX IF NOT EXISTS media_content ON media(user, sha256, IFNULL(album, ''));
CREATE INDEX IF NOT EXISTS media_source ON media(user, source_sha256);
CREATE INDEX IF NOT EXISTS media_album ON media(user, album);
CREATE INDEX IF NOT EXISTS media_size ON media(user, size);
CREATE TABLE IF NOT EXISTS content_probes (sha256 TEXT PRIMARY KEY, probe TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS albums (\"user\" TEXT NOT NULL, name TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (\"user\", name));
";

/// Created after the v3 and v4 columns exist (an older table gets them from `ALTER TABLE` first).
const V3_INDEXES: &str = "
CREATE INDEX IF NOT EXISTS media_trashed ON media(trashed_at) WHERE trashed_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS media_unprobed ON media(seq) WHERE video_probed = 0 AND filetype LIKE 'video/%';
CREATE INDEX IF NOT EXISTS media_unpaired ON media(seq) WHERE pair_checked = 0;
CREATE INDEX IF NOT EXISTS media_pair_key ON media(user, pair_key);
CREATE INDEX IF NOT EXISTS media_content_id ON media(user, content_id) WHERE content_id IS NOT NULL;
";

/// Version 1 had `UNIQUE(user, sha256)`; the table is rebuilt once in the v2 shape.
const MIGRATE_1_TO_2: &str = "
CREATE TABLE media_v2 AS SELECT * FROM media;
DROP TABLE media;
CREATE TABLE media (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  user TEXT NOT NULL, sha256 TEXT NOT NULL, source_sha256 TEXT, size INTEGER NOT NULL,
  filename TEXT, relative_path TEXT, album TEXT, filetype TEXT, width INTEGER, height INTEGER,
  captured_at TEXT, uploaded_at TEXT NOT NULL
);
INSERT INTO media SELECT * FROM media_v2 ORDER BY seq;
DROP TABLE media_v2;
";

/// v2 → v3: new nullable columns only, so `ALTER TABLE` keeps the rows where they are. v2 rows
/// keep their capturedAt as it was written (an instant), hence `captured_local` 0.
/// v3 → v4, the same way: a video's duration and codec (its width and height go in the
/// existing columns), and whether it was probed (0: not yet, so stored videos are backfilled).
/// v4 → v5 likewise: Live Photo pairing (`index::motion`); 0 in `pair_checked` lets stored
/// media be paired too.
/// v5 → v6 likewise: the sidecar's item (`index::sidecars`).
/// v6 → v7 likewise: the description a Takeout sidecar gave (`upload::metadata`).
/// v8 → v9 likewise: a Takeout sidecar's favourite and archived marks.
const V3_COLUMNS: [(&str, &str); 21] = [
    ("trashed_at", "TEXT"),
    ("camera", "TEXT"),
    ("lat", "REAL"),
    ("lon", "REAL"),
    ("orientation", "INTEGER"),
    ("captured_local", "INTEGER NOT NULL DEFAULT 0"),
    ("duration_ms", "INTEGER"),
    ("video_codec", "TEXT"),
    ("video_probed", "INTEGER NOT NULL DEFAULT 0"),
    ("pair_key", "TEXT"),
    ("pair_checked", "INTEGER NOT NULL DEFAULT 0"),
    ("motion_sha256", "TEXT"),
    ("motion_of", "TEXT"),
    ("motion_offset", "INTEGER"),
    ("sidecar_of", "TEXT"),
    ("content_id", "TEXT"),
    ("motion_length", "INTEGER"),
    ("motion_h264", "INTEGER"),
    ("description", "TEXT"),
    ("favorited", "INTEGER NOT NULL DEFAULT 0"),
    ("archived", "INTEGER NOT NULL DEFAULT 0"),
];

/// Records stored before v6 that are in no pair nor attached are swept again: a sidecar was
/// keyed by its last extension alone (`IMG_1.CR3.xmp` under `IMG_1.CR3`), and no content
/// identifier was read.
pub const RESWEEP_6: &str = "UPDATE media SET pair_checked = 0 WHERE sidecar_of IS NULL AND motion_sha256 IS NULL AND motion_of IS NULL;";

/// Brings the database at `conn` to [`VERSION`], in one transaction per step.
pub fn migrate(conn: &Connection) -> rusqlite::Result<()> {
    let v1: bool =
        conn.query_row("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_autoindex_media_1'", [], |_| Ok(())).optional()?.is_some();
    if v1 {
        conn.execute_batch(&format!("BEGIN; {MIGRATE_1_TO_2} COMMIT;"))?;
    }
    let stored: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    conn.execute_batch(SCHEMA)?;
    let have: Vec<String> = {
        let mut stmt = conn.prepare("SELECT name FROM pragma_table_info('media')")?;
        let names = stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
        names
    };
    let missing: Vec<String> = V3_COLUMNS
        .iter()
        .filter(|(c, _)| !have.iter().any(|h| h == c))
        .map(|(c, t)| format!("ALTER TABLE media ADD COLUMN {c} {t};"))
        .collect();
    if !missing.is_empty() {
        conn.execute_batch(&format!("BEGIN; {} COMMIT;", missing.join("\n")))?;
    }
    conn.execute_batch(V3_INDEXES)?;
    if stored < 6 {
        conn.execute_batch(RESWEEP_6)?;
    }
    conn.pragma_update(None, "user_version", VERSION)
}
