//! `migrate --to-database` copies every column of the media index into PostgreSQL: the video
//! facts (v4), Live Photo pairs and Motion Photo clips (v5), sidecars, content identifiers and
//! clip lengths (v6), a Takeout description (v7) and marks (v9), value for value; and a file from before those columns still copies, the
//! missing ones left to PostgreSQL's defaults (so the sweeps do them there).
mod common;
use shoebox_server::db::Value;

const V6: &[&str] = &[
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
];

fn text(v: &Value) -> String {
    format!("{v:?}")
}

#[test]
fn every_index_column_reaches_postgresql_and_old_files_still_copy() {
    let data = tempfile::tempdir().unwrap();
    {
        let _index = shoebox_server::index::MediaIndex::open(&data.path().join("index.sqlite")).unwrap();
    }
    let c = rusqlite::Connection::open(data.path().join("index.sqlite")).unwrap();
    c.execute_batch(
        "INSERT INTO media (user, sha256, size, filename, filetype, uploaded_at, duration_ms, video_codec, video_probed, pair_key, \
           pair_checked, motion_of, content_id, motion_h264, description, favorited, archived) \
         VALUES ('alice', 'c1', 10, 'IMG_1.MOV', 'video/quicktime', '2024-05-01T10:00:00Z', 1500, 'hevc', 1, 'trip\ndcim\nimg_1', 1, 'p1', 'ID-1', 1, 'By the lake', 1, 1);
         INSERT INTO media (user, sha256, size, filename, filetype, uploaded_at, pair_key, pair_checked, motion_sha256, content_id) \
         VALUES ('alice', 'p1', 20, 'IMG_1.HEIC', 'image/heic', '2024-05-01T10:00:00Z', 'trip\ndcim\nimg_1', 1, 'c1', 'ID-1');
         INSERT INTO media (user, sha256, size, filename, filetype, uploaded_at, pair_checked, sidecar_of) \
         VALUES ('alice', 's1', 30, 'IMG_1.AAE', 'application/xml', '2024-05-01T10:00:00Z', 1, 'p1');
         INSERT INTO media (user, sha256, size, filename, filetype, uploaded_at, pair_checked, motion_offset, motion_length) \
         VALUES ('alice', 'm1', 40, 'S.jpg', 'image/jpeg', '2024-05-01T10:00:00Z', 1, 1234, 567);",
    )
    .unwrap();
    let list = V6.join(", ");
    let want: Vec<Vec<String>> = {
        let mut st = c.prepare(&format!("SELECT sha256, {list} FROM media ORDER BY seq")).unwrap();
        st.query_map([], |r| {
            Ok((0..=V6.len())
                .map(|i| {
                    let v: rusqlite::types::Value = r.get(i).unwrap();
                    match v {
                        rusqlite::types::Value::Null => text(&Value::Null),
                        rusqlite::types::Value::Integer(i) => text(&Value::Int(i)),
                        rusqlite::types::Value::Text(t) => text(&Value::Text(t)),
                        other => format!("{other:?}"),
                    }
                })
                .collect())
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
    };
    assert!(want.iter().flatten().filter(|v| !v.contains("Null")).count() > 20, "the fixture sets the columns: {want:?}");
    drop(c);

    let url = common::postgres::database();
    shoebox_server::commands::sqlite_to_postgres::migrate(data.path(), &url).unwrap();
    let pg = shoebox_server::db::pg::Pg::connect(&url).unwrap();
    let got: Vec<Vec<String>> = pg
        .query(&format!("SELECT sha256, {list} FROM media ORDER BY seq"), &[])
        .unwrap()
        .iter()
        .map(|r| {
            (0..=V6.len())
                .map(|i| {
                    r.get::<Option<i64>>(i)
                        .ok()
                        .flatten()
                        .map(|n| text(&Value::Int(n)))
                        .or_else(|| r.get::<Option<String>>(i).ok().flatten().map(|t| text(&Value::Text(t))))
                        .unwrap_or_else(|| text(&Value::Null))
                })
                .collect()
        })
        .collect();
    assert_eq!(got, want);

    // A file from before v4: no such columns; the copy works and PostgreSQL's defaults apply.
    let old = tempfile::tempdir().unwrap();
    let c = rusqlite::Connection::open(old.path().join("index.sqlite")).unwrap();
    c.execute_batch(
        "CREATE TABLE media (seq INTEGER PRIMARY KEY AUTOINCREMENT, user TEXT NOT NULL, sha256 TEXT NOT NULL, source_sha256 TEXT, \
           size INTEGER NOT NULL, filename TEXT, relative_path TEXT, album TEXT, filetype TEXT, width INTEGER, height INTEGER, \
           captured_at TEXT, uploaded_at TEXT NOT NULL, trashed_at TEXT, camera TEXT, lat REAL, lon REAL, orientation INTEGER, \
           captured_local INTEGER NOT NULL DEFAULT 0);
         INSERT INTO media (user, sha256, size, filetype, uploaded_at) VALUES ('bob', 'v9', 5, 'video/mp4', '2024-05-01T10:00:00Z');",
    )
    .unwrap();
    drop(c);
    let url = common::postgres::database();
    let out = shoebox_server::commands::sqlite_to_postgres::migrate(old.path(), &url).unwrap();
    assert!(out.contains("media: 1 of 1 rows copied"), "{out}");
    let pg = shoebox_server::db::pg::Pg::connect(&url).unwrap();
    let r = pg.query("SELECT video_probed, pair_checked, sidecar_of FROM media WHERE sha256 = 'v9'", &[]).unwrap();
    assert_eq!((r[0].get::<i64>(0).unwrap(), r[0].get::<i64>(1).unwrap(), r[0].get::<Option<String>>(2).unwrap()), (0, 0, None));
}
