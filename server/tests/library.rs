//! The library's records API: list filters (search, album, dates, kind, quality, Trash, the
//! viewer's zone, day jumps), the keyset cursor staying stable while items arrive, per-day
//! summary, albums, Trash and restore (still counted for dedup), who may call it (403 for
//! upload-only and visitor tokens) and isolation between users.
mod common;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;
use serde_json::{json, Value};
use shoebox_core::api::MediaItem;
use shoebox_core::hash::sha256_hex;
use shoebox_server::accounts::DeviceScope;

fn item(n: u64, filename: &str, album: Option<&str>, filetype: &str, captured: Option<&str>) -> MediaItem {
    MediaItem {
        sha256: sha256_hex(&n.to_le_bytes()),
        filename: Some(filename.into()),
        relative_path: album.map(|a| format!("{a}/{filename}")),
        album: album.map(str::to_string),
        size: 1000 + n,
        filetype: Some(filetype.into()),
        captured_at: captured.map(str::to_string),
        uploaded_at: "2024-04-10T10:00:00Z".into(),
        ..MediaItem::default()
    }
}

/// a, b: Holiday on 2024-05-01 (a wall clock, b an instant at 23:30 UTC); c: a video with no
/// album and no capture time (day of upload); d: a downsized scan in Work; e: trashed.
fn seeded() -> TestServer {
    let s = TestServer::new();
    let mut d = item(4, "scan.png", Some("Work"), "image/png", Some("2023-12-31T12:00:00"));
    d.source_sha256 = Some(sha256_hex(b"the original scan"));
    let mut e = item(5, "old.jpg", Some("Holiday"), "image/jpeg", Some("2024-03-01T08:00:00"));
    e.trashed_at = Some("2024-06-01T00:00:00Z".into());
    let items = vec![
        item(1, "beach.jpg", Some("Holiday"), "image/jpeg", Some("2024-05-01T23:30:00")),
        item(2, "sunset.jpg", Some("Holiday"), "image/jpeg", Some("2024-05-01T23:30:00Z")),
        item(3, "clip.mp4", None, "video/mp4", None),
        d,
        e,
    ];
    s.state.index.insert_many("alice", &items).unwrap();
    s
}

async fn names(s: &TestServer, token: &str, query: &str) -> Vec<String> {
    let r = s.get_as(token, &format!("/api/v1/media?order=taken&{query}")).await;
    assert_eq!(r.status, StatusCode::OK, "{query}: {}", r.text());
    r.json()["items"].as_array().unwrap().iter().map(|i| i["filename"].as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn filters_narrow_the_library_and_combine() {
    let s = seeded();
    assert_eq!(names(&s, ALICE, "").await, ["sunset.jpg", "beach.jpg", "clip.mp4", "scan.png"]);
    assert_eq!(names(&s, ALICE, "q=HOLI").await, ["sunset.jpg", "beach.jpg"], "album names match, case-insensitively");
    assert_eq!(names(&s, ALICE, "q=scan").await, ["scan.png"]);
    assert_eq!(names(&s, ALICE, "q=work%2Fsc").await, ["scan.png"], "relative paths match");
    assert_eq!(names(&s, ALICE, "album=Holiday").await, ["sunset.jpg", "beach.jpg"]);
    assert_eq!(names(&s, ALICE, "album=").await, ["clip.mp4"], "an empty album is the records without one");
    assert_eq!(names(&s, ALICE, "from=2024-04-01&to=2024-04-30").await, ["clip.mp4"]);
    assert_eq!(names(&s, ALICE, "from=2024-05-01&to=2024-05-01").await, ["sunset.jpg", "beach.jpg"]);
    assert_eq!(names(&s, ALICE, "kind=video").await, ["clip.mp4"]);
    assert_eq!(names(&s, ALICE, "kind=photo").await, ["sunset.jpg", "beach.jpg", "scan.png"]);
    assert_eq!(names(&s, ALICE, "quality=downsized").await, ["scan.png"]);
    assert_eq!(names(&s, ALICE, "quality=original").await, ["sunset.jpg", "beach.jpg", "clip.mp4"]);
    assert_eq!(names(&s, ALICE, "trash=true").await, ["old.jpg"]);
    assert_eq!(names(&s, ALICE, "kind=photo&album=Holiday&q=beach").await, ["beach.jpg"]);
    // A jump: the day and everything older.
    assert_eq!(names(&s, ALICE, "day=2024-04-30").await, ["clip.mp4", "scan.png"]);
}

#[tokio::test]
async fn instants_shift_with_the_viewers_zone_and_wall_clock_times_never_do() {
    let s = seeded();
    let page = |tz: i32| {
        let s = &s;
        async move {
            let v = s.get(&format!("/api/v1/media?order=taken&tz={tz}&album=Holiday")).await.json();
            v["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| (i["filename"].as_str().unwrap().to_string(), i["day"].as_str().unwrap().to_string()))
                .collect::<Vec<_>>()
        }
    };
    let east = page(60).await;
    assert_eq!(east, [("sunset.jpg".into(), "2024-05-02".into()), ("beach.jpg".into(), "2024-05-01".into())]);
    let west = page(-600).await;
    assert!(west.contains(&("sunset.jpg".into(), "2024-05-01".into())) && west.contains(&("beach.jpg".into(), "2024-05-01".into())));
    assert_eq!(names(&s, ALICE, "tz=60&from=2024-05-02").await, ["sunset.jpg"]);
    // The upload day stands in for a missing capture time.
    let v = s.get("/api/v1/media?order=taken&kind=video").await.json();
    let clip = &v["items"][0];
    assert_eq!(clip["day"], "2024-04-10");
    let far_west = s.get("/api/v1/media?order=taken&kind=video&tz=-660").await.json();
    assert_eq!(far_west["items"][0]["day"], "2024-04-09", "10:00 UTC is 23:00 the day before at UTC-11");
    let far_east = s.get("/api/v1/media?order=taken&kind=video&tz=840").await.json();
    assert_eq!(far_east["items"][0]["day"], "2024-04-11", "and the next day from 10:00 at UTC+14");
    assert_eq!(clip["kind"], "video");
    assert_eq!(clip["downsized"], false);
    assert!(clip["id"].is_string());
    for url in ["thumbUrl", "previewUrl", "originalUrl", "downloadUrl"] {
        assert!(clip[url].as_str().unwrap().starts_with("/api/v1/blob/"), "{url}: {clip}");
    }
}

#[tokio::test]
async fn bad_parameters_are_400_naming_the_parameter() {
    let s = seeded();
    for (q, name) in [
        ("kind=pdf", "kind"),
        ("quality=best", "quality"),
        ("from=2024-13-01", "from"),
        ("to=yesterday", "to"),
        ("tz=abc", "tz"),
        ("tz=5000", "tz"),
        ("trash=maybe", "trash"),
        ("day=2024-1-1", "day"),
        ("limit=-3", "limit"),
        ("order=random", "order"),
        ("order=taken&cursor=zzz", "cursor"),
    ] {
        let r = s.get(&format!("/api/v1/media?{q}")).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{q}");
        assert!(r.text().contains(name), "{q}: {}", r.text());
    }
    assert_eq!(s.get("/api/v1/media/summary?kind=pdf").await.status, StatusCode::BAD_REQUEST);
    assert_eq!(s.get("/api/v1/albums?tz=x").await.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_keyset_cursor_is_stable_while_items_are_added() {
    let s = TestServer::new();
    let days: Vec<String> = (0..50).map(|i| format!("2024-02-{:02}T12:00:00", 1 + i % 28)).collect();
    let items: Vec<MediaItem> = (0..50).map(|i| item(i, &format!("IMG_{i:02}.jpg"), None, "image/jpeg", Some(&days[i as usize]))).collect();
    s.state.index.insert_many("alice", &items).unwrap();
    let mut seen: Vec<(String, String, i64)> = Vec::new();
    let mut cursor = String::new();
    let mut pages = 0;
    loop {
        let v = s.get(&format!("/api/v1/media?order=taken&limit=7&cursor={}", cursor.replace('|', "%7C"))).await.json();
        for i in v["items"].as_array().unwrap() {
            let taken = i["capturedAt"].as_str().unwrap().to_string();
            seen.push((i["day"].as_str().unwrap().to_string(), taken, i["id"].as_str().unwrap().parse().unwrap()));
        }
        pages += 1;
        if pages == 2 {
            // New photos, one newer than everything and one among the pages still to come.
            let more = [
                item(100, "new.jpg", None, "image/jpeg", Some("2025-01-01T00:00:00")),
                item(101, "mid.jpg", None, "image/jpeg", Some("2024-02-02T08:00:00")),
            ];
            s.state.index.insert_many("alice", &more).unwrap();
        }
        match v["next"].as_str() {
            Some(n) => cursor = n.to_string(),
            None => break,
        }
    }
    let mut sorted = seen.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(seen, sorted, "newest day first, then the newest taken, then newest id, with no step back");
    // Within 2024-02-02 the 12:00 photos come before the one added at 08:00.
    let day2: Vec<&str> = seen.iter().filter(|s| s.0 == "2024-02-02").map(|s| s.1.as_str()).collect();
    assert_eq!(day2.last(), Some(&"2024-02-02T08:00:00"));
    let ids: std::collections::HashSet<i64> = seen.iter().map(|s| s.2).collect();
    assert_eq!(ids.len(), seen.len(), "nothing twice");
    assert!((1..=50).all(|id| ids.contains(&id)), "every item present before the first page");
}

#[tokio::test]
async fn the_summary_counts_days_and_the_trash() {
    let s = seeded();
    let v = s.get("/api/v1/media/summary?tz=60").await.json();
    assert_eq!(
        v["days"],
        json!([
            {"day": "2024-05-02", "count": 1, "bytes": 1002},
            {"day": "2024-05-01", "count": 1, "bytes": 1001},
            {"day": "2024-04-10", "count": 1, "bytes": 1003},
            {"day": "2023-12-31", "count": 1, "bytes": 1004},
        ])
    );
    assert_eq!((v["count"].clone(), v["bytes"].clone()), (json!(4), json!(4010)));
    assert_eq!((v["trashCount"].clone(), v["trashBytes"].clone()), (json!(1), json!(1005)));
    assert_eq!(v["usedBytes"], 5015, "trashed media keep their space until purged");
    assert_eq!(v["quotaBytes"], Value::Null);
    let h = s.get("/api/v1/media/summary?album=Holiday").await.json();
    assert_eq!(h["days"], json!([{"day": "2024-05-01", "count": 2, "bytes": 2003}]));
    let t = s.get("/api/v1/media/summary?trash=true").await.json();
    assert_eq!((t["count"].clone(), t["trashCount"].clone()), (json!(1), json!(1)));
}

/// The grid's headings, counts and scrubber come from the summary, its items from the list:
/// under any filter the two must name the same days with the same counts.
#[tokio::test]
async fn the_summary_follows_every_filter_the_list_takes() {
    let s = seeded();
    for query in [
        "q=holi",
        "q=SUNSET&tz=60",
        "from=2024-01-01&to=2024-12-31",
        "from=2024-05-02&tz=60",
        "to=2023-12-31",
        "kind=video",
        "kind=photo&tz=-600",
        "album=Holiday",
        "album=",
        "quality=downsized",
        "trash=true",
        "q=beach&album=Holiday&kind=photo&from=2024-05-01&to=2024-05-01",
    ] {
        let items = s.get(&format!("/api/v1/media?order=taken&{query}")).await.json();
        let mut want: Vec<(String, u64)> = Vec::new();
        for i in items["items"].as_array().unwrap() {
            let day = i["day"].as_str().unwrap().to_string();
            match want.last_mut() {
                Some((d, n)) if *d == day => *n += 1,
                _ => want.push((day, 1)),
            }
        }
        assert!(!want.is_empty(), "{query}: the filter should match something");
        let sum = s.get(&format!("/api/v1/media/summary?{query}")).await.json();
        let got: Vec<(String, u64)> = sum["days"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| (d["day"].as_str().unwrap().to_string(), d["count"].as_u64().unwrap()))
            .collect();
        assert_eq!(got, want, "{query}: the summary's days are the list's");
        assert_eq!(sum["count"].as_u64().unwrap(), want.iter().map(|(_, n)| n).sum::<u64>(), "{query}");
    }
}

#[tokio::test]
async fn albums_are_listed_latest_first_with_a_signed_cover() {
    let s = seeded();
    let v = s.get("/api/v1/albums").await.json();
    let albums = v["albums"].as_array().unwrap();
    let rows: Vec<(Value, u64, u64, String)> = albums
        .iter()
        .map(|a| (a["album"].clone(), a["count"].as_u64().unwrap(), a["bytes"].as_u64().unwrap(), a["latestDay"].as_str().unwrap().into()))
        .collect();
    assert_eq!(
        rows,
        [
            (json!("Holiday"), 2, 2003, "2024-05-01".to_string()),
            (Value::Null, 1, 1003, "2024-04-10".to_string()),
            (json!("Work"), 1, 1004, "2023-12-31".to_string()),
        ],
        "the trashed photo counts for no album"
    );
    let cover = albums[0]["coverThumbUrl"].as_str().unwrap();
    assert!(cover.starts_with(&format!("/api/v1/blob/thumb/{}?u=alice&e=", sha256_hex(&2u64.to_le_bytes()))), "{cover}");
}

#[tokio::test]
async fn trash_keeps_dedup_and_restore_brings_records_back() {
    let s = seeded();
    let bob_item = item(9, "bobs.jpg", None, "image/jpeg", None);
    s.state.index.insert("bob", &bob_item).unwrap();
    let bobs_id = s.get_as(BOB, "/api/v1/media?order=taken").await.json()["items"][0]["id"].as_str().unwrap().to_string();
    let v = s.get("/api/v1/media?order=taken&q=beach").await.json();
    let (id, sha) = (v["items"][0]["id"].as_str().unwrap().to_string(), v["items"][0]["sha256"].as_str().unwrap().to_string());

    let r = s.send(post_json(ALICE, "/api/v1/media/trash", json!({"ids": [id, "999999", "abc", bobs_id]}))).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json(), json!({"trashed": 1}), "unknown and other users' ids are not counted");
    assert_eq!(s.send(post_json(ALICE, "/api/v1/media/trash", json!({"ids": [id]}))).await.json(), json!({"trashed": 0}));
    assert!(!names(&s, ALICE, "").await.contains(&"beach.jpg".to_string()));
    assert!(names(&s, ALICE, "trash=true").await.contains(&"beach.jpg".to_string()));
    let trashed = s.get("/api/v1/media?order=taken&trash=true&q=beach").await.json();
    assert!(trashed["items"][0]["trashedAt"].as_str().unwrap().ends_with('Z'));
    // Still backed up: a sync must not upload it again.
    let c = s.send(post_json(ALICE, "/api/v1/media/check", json!({"sha256": [sha]}))).await.json();
    assert_eq!(c["present"], json!([sha]));
    assert_eq!(names(&s, BOB, "").await, ["bobs.jpg"], "bob's record was not touched");

    let r = s.send(post_json(ALICE, "/api/v1/media/restore", json!({"ids": [id, bobs_id]}))).await;
    assert_eq!(r.json(), json!({"restored": 1}));
    assert!(names(&s, ALICE, "").await.contains(&"beach.jpg".to_string()));
    let restored = s.get("/api/v1/media?order=taken&q=beach").await.json();
    assert_eq!(restored["items"][0]["id"], json!(id), "the same record, same id");
    assert_eq!(restored["items"][0]["trashedAt"], Value::Null);

    let many: Vec<String> = (0..10_001).map(|i| i.to_string()).collect();
    assert_eq!(s.send(post_json(ALICE, "/api/v1/media/trash", json!({ "ids": many }))).await.status, StatusCode::BAD_REQUEST);
    assert_eq!(s.send(post_json(ALICE, "/api/v1/media/restore", json!({"nope": 1}))).await.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn another_user_sees_none_of_it() {
    let s = seeded();
    assert!(names(&s, BOB, "").await.is_empty());
    assert!(names(&s, BOB, "trash=true").await.is_empty());
    let v = s.get_as(BOB, "/api/v1/media/summary").await.json();
    assert_eq!((v["count"].clone(), v["trashCount"].clone(), v["days"].clone()), (json!(0), json!(0), json!([])));
    assert_eq!(s.get_as(BOB, "/api/v1/albums").await.json(), json!({"albums": []}));
    let ids: Vec<String> = (1..=5).map(|i| i.to_string()).collect();
    assert_eq!(s.send(post_json(BOB, "/api/v1/media/trash", json!({ "ids": ids }))).await.json(), json!({"trashed": 0}));
    assert_eq!(names(&s, ALICE, "").await.len(), 4);
}

#[tokio::test]
async fn upload_only_and_visitor_tokens_are_403_on_the_library() {
    let s = TestServer::with(|c| {
        c.kiosks = vec![shoebox_server::config::KioskProfile {
            name: "shop".into(),
            user: "alice".into(),
            key: "shop-kiosk-key-0123456789".into(),
            ..Default::default()
        }];
    });
    let (upload_only, _) =
        s.state.accounts.add_device("alice", "Phone", DeviceScope::Upload, shoebox_server::timefmt::now_ms(), None).unwrap();
    let r = s
        .send(
            Request::post("/api/v1/kiosk/sessions")
                .header("Authorization", "Bearer shop-kiosk-key-0123456789")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    let visitor = r.json()["token"].as_str().unwrap().to_string();
    let sha = "a".repeat(64);
    for token in [upload_only.as_str(), visitor.as_str()] {
        for uri in ["/api/v1/media/summary", "/api/v1/albums"] {
            assert_eq!(s.get_as(token, uri).await.status, StatusCode::FORBIDDEN, "{uri}");
        }
        for uri in ["/api/v1/media/trash", "/api/v1/media/restore"] {
            assert_eq!(s.send(post_json(token, uri, json!({"ids": ["1"]}))).await.status, StatusCode::FORBIDDEN, "{uri}");
        }
        for v in ["thumb", "preview"] {
            let put = Request::put(format!("/api/v1/media/{sha}/{v}"))
                .header("Authorization", format!("Bearer {token}"))
                .body(Body::from(vec![0xFF, 0xD8, 0xFF]))
                .unwrap();
            assert_eq!(s.send(put).await.status, StatusCode::FORBIDDEN, "{v}");
        }
    }
    // A visitor still lists its own drop (empty here); an upload-only device lists nothing.
    assert_eq!(s.get_as(&visitor, "/api/v1/media?order=taken").await.json()["items"], json!([]));
    assert_eq!(s.get_as(&upload_only, "/api/v1/media").await.status, StatusCode::NOT_FOUND);
}

#[test]
fn an_index_of_version_2_gains_the_library_columns_keeping_every_record() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("index.sqlite");
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch(
            "CREATE TABLE media (seq INTEGER PRIMARY KEY AUTOINCREMENT, user TEXT NOT NULL, sha256 TEXT NOT NULL, source_sha256 TEXT,
               size INTEGER NOT NULL, filename TEXT, relative_path TEXT, album TEXT, filetype TEXT, width INTEGER, height INTEGER,
               captured_at TEXT, uploaded_at TEXT NOT NULL);
             CREATE UNIQUE INDEX media_content ON media(user, sha256, IFNULL(album, ''));
             INSERT INTO media (user, sha256, size, album, filetype, captured_at, uploaded_at)
               VALUES ('a', 'x', 1, 'A', 'image/jpeg', '2021-06-15T23:30:00Z', 't'), ('a', 'y', 2, NULL, 'video/mp4', NULL, '2024-01-02T03:04:05Z');
             PRAGMA user_version = 2;",
        )
        .unwrap();
    }
    let idx = shoebox_server::index::MediaIndex::open(&path).unwrap();
    let q = shoebox_server::index::query::PageQuery::from_params(
        &[("order".to_string(), "taken".to_string()), ("tz".into(), "60".into())].into(),
    )
    .unwrap();
    let (items, _) = idx.page("a", &q).unwrap();
    let got: Vec<(&str, &str, &str, Option<&str>)> =
        items.iter().map(|i| (i.sha256.as_str(), i.day.as_str(), i.id.as_str(), i.trashed_at.as_deref())).collect();
    // The v2 EXIF time was written as an instant, and stays one: shifted by the zone.
    assert_eq!(got, [("y", "2024-01-02", "2", None), ("x", "2021-06-16", "1", None)]);
    let c = rusqlite::Connection::open(&path).unwrap();
    assert_eq!(c.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0)).unwrap(), shoebox_server::index::schema::VERSION);
    drop(idx);
    // Opening again changes nothing.
    let idx = shoebox_server::index::MediaIndex::open(&path).unwrap();
    assert_eq!(idx.page("a", &q).unwrap().0.len(), 2);
}
