//! PostgreSQL's schema, as the steps that bring a database to the current version at every
//! start. Every node may start at once, so each run takes a transaction-level advisory lock first (`CREATE TABLE IF NOT EXISTS`
//! alone races in PostgreSQL: two creators can both fail on the catalog's unique index), then
//! applies the steps newer than `schema_version`, in the same transaction (`Pg::upgrade_schema`).
//! The steps are data only, so the connection code runs them and this file depends on nothing.
//!
//! The tables are SQLite's (`index/schema.rs`, `accounts/mod.rs`, `accounts/sessions.rs`) at
//! their current versions, with BIGINT and DOUBLE PRECISION for SQLite's INTEGER and REAL (so a 64-bit value
//! binds one way on both), and the column `user` quoted: it is a reserved word in PostgreSQL.
/// Steps in order; step N brings the schema to version N + 1.
pub const STEPS: &[&str] = &[
    // 1: the index (SQLite's v3), accounts, sessions, and the node-shared settings.
    r#"
CREATE TABLE IF NOT EXISTS media (
  seq BIGSERIAL PRIMARY KEY,
  "user" TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  source_sha256 TEXT,
  size BIGINT NOT NULL,
  filename TEXT,
  relative_path TEXT,
  album TEXT,
  filetype TEXT,
  width BIGINT,
  height BIGINT,
  captured_at TEXT,
  uploaded_at TEXT NOT NULL,
  trashed_at TEXT,
  camera TEXT,
  lat DOUBLE PRECISION,
  lon DOUBLE PRECISION,
  orientation BIGINT,
  captured_local BIGINT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX IF NOT EXISTS media_content ON media("user", sha256, COALESCE(album, ''));
CREATE INDEX IF NOT EXISTS media_source ON media("user", source_sha256);
CREATE INDEX IF NOT EXISTS media_album ON media("user", album);
CREATE INDEX IF NOT EXISTS media_trashed ON media(trashed_at) WHERE trashed_at IS NOT NULL;
CREATE TABLE IF NOT EXISTS users (name TEXT PRIMARY KEY, quota_bytes BIGINT, created_ms BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS devices (
  id TEXT PRIMARY KEY, "user" TEXT NOT NULL, name TEXT NOT NULL, hash TEXT NOT NULL UNIQUE,
  scope TEXT NOT NULL, created_ms BIGINT NOT NULL, expires_ms BIGINT
);
CREATE INDEX IF NOT EXISTS devices_user ON devices("user");
CREATE TABLE IF NOT EXISTS pairings (
  device_hash TEXT PRIMARY KEY, user_code TEXT NOT NULL UNIQUE, scope TEXT NOT NULL, name TEXT NOT NULL,
  "user" TEXT, created_ms BIGINT NOT NULL, expires_ms BIGINT NOT NULL, token_ttl_ms BIGINT
);
CREATE TABLE IF NOT EXISTS attempts (bucket TEXT NOT NULL, at_ms BIGINT NOT NULL);
CREATE INDEX IF NOT EXISTS attempts_bucket ON attempts(bucket, at_ms);
CREATE TABLE IF NOT EXISTS sessions (
  hash TEXT PRIMARY KEY,
  profile TEXT NOT NULL,
  "user" TEXT NOT NULL,
  drop_album TEXT NOT NULL,
  code TEXT NOT NULL,
  created_ms BIGINT NOT NULL,
  expires_ms BIGINT NOT NULL,
  parent TEXT
);
CREATE INDEX IF NOT EXISTS sessions_parent ON sessions(parent);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"#,
    // 2: a visit lives while something happens (`accounts/sessions.rs`): activity, bytes, idle time, and
    // "let my uploads finish".
    r#"
ALTER TABLE sessions ADD COLUMN IF NOT EXISTS last_active_ms BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN IF NOT EXISTS last_bytes_ms BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN IF NOT EXISTS idle_ms BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN IF NOT EXISTS ended_ms BIGINT;
"#,
    // 3: one-time sign-in links (`accounts/signin_codes.rs`).
    r#"
CREATE TABLE IF NOT EXISTS signins (
  hash TEXT PRIMARY KEY, "user" TEXT NOT NULL, name TEXT NOT NULL, created_ms BIGINT NOT NULL, expires_ms BIGINT NOT NULL
);
"#,
    // 4: video facts, probed after completion (`previews::probe`); 0 marks stored videos for
    // the backfill.
    r#"
ALTER TABLE media ADD COLUMN IF NOT EXISTS duration_ms BIGINT;
ALTER TABLE media ADD COLUMN IF NOT EXISTS video_codec TEXT;
ALTER TABLE media ADD COLUMN IF NOT EXISTS video_probed BIGINT NOT NULL DEFAULT 0;
CREATE INDEX IF NOT EXISTS media_unprobed ON media(seq) WHERE video_probed = 0 AND filetype LIKE 'video/%';
"#,
    // 5: Live Photo pairs and Motion Photo clips (`index::motion`); 0 lets stored media be paired too.
    r#"
ALTER TABLE media ADD COLUMN IF NOT EXISTS pair_key TEXT;
ALTER TABLE media ADD COLUMN IF NOT EXISTS pair_checked BIGINT NOT NULL DEFAULT 0;
ALTER TABLE media ADD COLUMN IF NOT EXISTS motion_sha256 TEXT;
ALTER TABLE media ADD COLUMN IF NOT EXISTS motion_of TEXT;
ALTER TABLE media ADD COLUMN IF NOT EXISTS motion_offset BIGINT;
CREATE INDEX IF NOT EXISTS media_unpaired ON media(seq) WHERE pair_checked = 0;
CREATE INDEX IF NOT EXISTS media_pair_key ON media("user", pair_key);
"#,
    // 6: the item a sidecar belongs to (`index::sidecars`), Apple's content identifier
    // (`previews::apple_ids`) a Samsung clip's length and a HEVC clip's H.264 copy (`previews::transcode`); unpaired
    // records are swept again.
    r#"
ALTER TABLE media ADD COLUMN IF NOT EXISTS sidecar_of TEXT;
ALTER TABLE media ADD COLUMN IF NOT EXISTS content_id TEXT;
ALTER TABLE media ADD COLUMN IF NOT EXISTS motion_length BIGINT;
ALTER TABLE media ADD COLUMN IF NOT EXISTS motion_h264 BIGINT;
CREATE INDEX IF NOT EXISTS media_content_id ON media("user", content_id) WHERE content_id IS NOT NULL;
UPDATE media SET pair_checked = 0 WHERE sidecar_of IS NULL AND motion_sha256 IS NULL AND motion_of IS NULL;
"#,
    // 7: probes of stored content (`index::probes`), made when first asked.
    r#"
CREATE INDEX IF NOT EXISTS media_size ON media("user", size);
CREATE TABLE IF NOT EXISTS content_probes (sha256 TEXT PRIMARY KEY, probe TEXT NOT NULL);
"#,
    // 8: the description a Takeout sidecar gave (`upload::metadata`).
    r#"
ALTER TABLE media ADD COLUMN IF NOT EXISTS description TEXT;
"#,
    // 9: the albums kept by name, so an empty one is still listed (`index::albums`).
    r#"
CREATE TABLE IF NOT EXISTS albums ("user" TEXT NOT NULL, name TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY ("user", name));
"#,
    // 10: the operator's log of kiosk visits (`accounts::visit_log`), kept after a visit's row goes.
    r#"
CREATE TABLE IF NOT EXISTS visit_log (
  hash TEXT PRIMARY KEY,
  "user" TEXT NOT NULL,
  profile TEXT NOT NULL,
  code TEXT NOT NULL,
  drop_album TEXT NOT NULL,
  started_ms BIGINT NOT NULL,
  ended_ms BIGINT
);
CREATE INDEX IF NOT EXISTS visit_log_user ON visit_log("user", started_ms);
"#,
    // 11: a Takeout sidecar's favourite and archived marks (`upload::metadata`).
    r#"
ALTER TABLE media ADD COLUMN IF NOT EXISTS favorited BIGINT NOT NULL DEFAULT 0;
ALTER TABLE media ADD COLUMN IF NOT EXISTS archived BIGINT NOT NULL DEFAULT 0;
"#,
];

pub const VERSION: i64 = STEPS.len() as i64;
