//! `shoebox-server migrate --to-database postgres://…`: copies a local server's SQLite databases
//! (the media index, users and devices, pairing codes, kiosk sessions and the operator's visit log) into PostgreSQL, row for
//! row, in one transaction per table. Rows the database already has (same key) are kept as
//! they are, so a migration that stopped halfway is simply run again. The SQLite files are
//! only read. Run it with the server stopped, so no row is written behind the copy.
use crate::db::pg::Pg;
use crate::db::Value;
use rusqlite::types::ValueRef;
use std::path::Path;
use std::sync::Arc;

/// (file in the data folder, table, columns). `media.seq` is left for PostgreSQL to number,
/// in the same order, so the library's "uploaded" order is kept. A column an older file does
/// not have yet keeps PostgreSQL's default (a video not probed, a record not paired: the
/// background sweeps do it there).
const TABLES: &[(&str, &str, &[&str])] = &[
    (
        "index.sqlite",
        "media",
        &[
            "user",
            "sha256",
            "source_sha256",
            "size",
            "filename",
            "relative_path",
            "album",
            "filetype",
            "width",
            "height",
            "captured_at",
            "uploaded_at",
            "trashed_at",
            "camera",
            "lat",
            "lon",
            "orientation",
            "captured_local",
            "duration_ms",
            "video_codec",
            "video_probed",
            "pair_key",
            "pair_checked",
            "motion_sha256",
            "motion_of",
            "motion_offset",
            "sidecar_of",
            "content_id",
            "motion_length",
            "motion_h264",
            "description",
            "favorited",
            "archived",
        ],
    ),
    ("index.sqlite", "albums", &["user", "name", "created_at"]),
    ("accounts.sqlite", "users", &["name", "quota_bytes", "created_ms"]),
    ("accounts.sqlite", "devices", &["id", "user", "name", "hash", "scope", "created_ms", "expires_ms"]),
    ("accounts.sqlite", "pairings", &["device_hash", "user_code", "scope", "name", "user", "created_ms", "expires_ms", "token_ttl_ms"]),
    ("sessions.sqlite", "sessions", &["hash", "profile", "user", "drop_album", "code", "created_ms", "expires_ms", "parent"]),
    ("sessions.sqlite", "visit_log", &["hash", "user", "profile", "code", "drop_album", "started_ms", "ended_ms"]),
];

fn columns(conn: &rusqlite::Connection, table: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT name FROM pragma_table_info(?1)")?;
    let names = stmt.query_map([table], |r| r.get(0))?.collect();
    names
}

fn value(v: ValueRef<'_>) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::Int(i),
        ValueRef::Real(f) => Value::Real(f),
        ValueRef::Text(t) | ValueRef::Blob(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
    }
}

/// Copies every table; returns what was copied, table by table.
pub fn migrate(data_dir: &Path, to: &str) -> Result<String, String> {
    let pg = Arc::new(Pg::connect(to).map_err(|e| format!("--to-database: {e}"))?);
    let mut out = Vec::new();
    for (file, table, cols) in TABLES {
        let path = data_dir.join(file);
        if !path.exists() {
            out.push(format!("{table}: no {file}, nothing to copy"));
            continue;
        }
        let conn = rusqlite::Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let have = columns(&conn, table).map_err(|e| format!("{file} {table}: {e}"))?;
        if have.is_empty() {
            out.push(format!("{table}: not in {file}, nothing to copy"));
            continue;
        }
        let cols: Vec<&str> = cols.iter().copied().filter(|c| have.iter().any(|h| h == c)).collect();
        let list = cols.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ");
        let order = if *table == "media" { " ORDER BY seq" } else { "" };
        let mut stmt = conn.prepare(&format!("SELECT {list} FROM {table}{order}")).map_err(|e| format!("{file} {table}: {e}"))?;
        let rows: Vec<Vec<Value>> = stmt
            .query_map([], |r| (0..cols.len()).map(|i| r.get_ref(i).map(value)).collect())
            .and_then(|it| it.collect())
            .map_err(|e| format!("{file} {table}: {e}"))?;
        let marks = (1..=cols.len()).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ");
        let sql = format!("INSERT INTO {table} ({list}) VALUES ({marks}) ON CONFLICT DO NOTHING");
        let added = pg
            .transaction(|tx| rows.iter().try_fold(0u64, |n, row| Ok(n + tx.execute(&sql, row)?)))
            .map_err(|e| format!("copying {table} into PostgreSQL: {e}"))?;
        out.push(format!("{table}: {added} of {} rows copied ({} were there already)", rows.len(), rows.len() as u64 - added));
    }
    // The default user's token (when the server ran without --token): its sign-in link keeps
    // working on every node.
    if let Ok(t) = std::fs::read_to_string(data_dir.join(crate::accounts::auth::TOKEN_FILE)) {
        if !t.trim().is_empty() {
            pg.setting(crate::state::DEFAULT_TOKEN, t.trim()).map_err(|e| e.to_string())?;
            out.push("the default token: kept".into());
        }
    }
    Ok(out.join("\n"))
}
