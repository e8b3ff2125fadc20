//! A Google Takeout export's upload keys (`takenAt`, `lat`, `lon`, `description`, `albums`):
//! checked at creation with a 400 naming the key (unknown keys still kept), the library's
//! date, place and albums taken from them (the 14-hour date rule against the photo's EXIF), a
//! visitor's albums forced into its drop, and the call that adds an export's date, place and
//! albums to content the user already has — for the owner's full-access token alone.
mod common;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;
use serde_json::json;
use shoebox_core::hash::sha256_hex;
use shoebox_fixtures::{jpeg, JpegSpec};
use shoebox_server::accounts::DeviceScope;
use shoebox_server::config::KioskProfile;

const KEY: &str = "shop-kiosk-key-0123456789";

/// Uploads `bytes` as `token` with `meta` (and its sha256); true when new bytes were sent.
async fn put(s: &TestServer, token: &str, bytes: &[u8], meta: &[(&str, &str)]) -> bool {
    let sha = sha256_hex(bytes);
    let mut m = meta.to_vec();
    m.push(("sha256", &sha));
    let c = s.create_as(token, bytes.len() as u64, &m).await;
    assert_eq!(c.status, StatusCode::CREATED, "{}", c.text());
    if c.h("upload-duplicate").as_deref() == Some("?1") {
        return false;
    }
    let p = s.patch_as(token, &c.h("location").unwrap(), 0, bytes).await;
    assert_eq!(p.status, StatusCode::NO_CONTENT, "{}", p.text());
    true
}

fn of<'a>(items: &'a [serde_json::Value], name: &str) -> Vec<&'a serde_json::Value> {
    items.iter().filter(|m| m["filename"] == name).collect()
}

fn albums(items: &[&serde_json::Value]) -> Vec<String> {
    let mut a: Vec<String> = items.iter().map(|m| m["album"].as_str().unwrap_or("-").to_string()).collect();
    a.sort();
    a
}

/// A camera JPEG with EXIF DateTimeOriginal 2023:07:14 18:30:05 and GPS near Paris.
fn camera(seed: u32) -> Vec<u8> {
    jpeg(&JpegSpec { seed, ..JpegSpec::camera(64, 48) })
}

#[tokio::test]
async fn bad_values_of_the_takeout_keys_are_400_naming_the_key_and_unknown_keys_are_kept() {
    let s = TestServer::new();
    let cases: [(&[(&str, &str)], &str); 8] = [
        (&[("takenAt", "2019-07-04 18:03")], "takenAt"),
        (&[("lat", "91"), ("lon", "0")], "lat"),
        (&[("lat", "1.5")], "lon"),
        (&[("lat", "1"), ("lon", "east")], "lon"),
        (&[("albums", "Summer")], "albums"),
        (&[("description", "a\u{1}b")], "description"),
        (&[("favorited", "yes")], "favorited"),
        (&[("archived", "1")], "archived"),
    ];
    for (meta, key) in cases {
        let r = s.create_as(ALICE, 10, meta).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{meta:?}");
        assert!(r.text().contains(&format!("metadata {key} ")), "{meta:?}: {}", r.text());
    }
    let ok = [("takenAt", "2019-07-04T20:03:11+02:00"), ("lat", "-33.8688"), ("lon", "151.2093"), ("albums", "[\"A\"]"), ("googleId", "x")];
    let r = s.create_as(ALICE, 10, &ok).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let head = s.head_as(ALICE, &r.h("location").unwrap()).await;
    assert!(head.h("upload-metadata").unwrap().contains("googleId "), "unknown keys are echoed");
}

#[tokio::test]
async fn the_library_takes_googles_date_place_and_albums() {
    let s = TestServer::new();
    let path = "Takeout/Google Photos/Photos from 2023/IMG_0001.jpg";
    // EXIF 18:30:05 (wall clock) and Google's 16:30:05Z agree: the EXIF date stays; Google's place wins.
    let agree = [
        ("filename", "IMG_0001.jpg"),
        ("relativePath", path),
        ("takenAt", "2023-07-14T16:30:05Z"),
        ("lat", "46.5196530"),
        ("lon", "6.6322730"),
        ("description", "Lake"),
        ("albums", r#"["Summer","Family"]"#),
        ("favorited", "true"),
        ("archived", "false"),
    ];
    assert!(put(&s, ALICE, &camera(1), &agree).await);
    // A date corrected in Google Photos (years apart) wins over EXIF; no albums means none,
    // not the chosen folder's name.
    let corrected = [
        ("filename", "IMG_0002.jpg"),
        ("relativePath", "Takeout/Google Photos/Photos from 2019/IMG_0002.jpg"),
        ("takenAt", "2019-07-04T18:03:11Z"),
        ("albums", "[]"),
        ("archived", "true"),
    ];
    assert!(put(&s, ALICE, &camera(2), &corrected).await);
    // Without EXIF, Google's instant rather than the file's modification time.
    let plain = [("filename", "IMG_0003.jpg"), ("lastModified", "1700000000000"), ("takenAt", "2001-02-03T04:05:06Z")];
    assert!(put(&s, ALICE, &content::photo(5_000, 3), &plain).await);

    let list = items(&s, ALICE).await;
    let one = of(&list, "IMG_0001.jpg");
    assert_eq!(albums(&one), ["Family", "Summer"], "one record per album");
    for m in &one {
        assert_eq!(m["capturedAt"], "2023-07-14T18:30:05");
        assert_eq!((m["lat"].as_f64(), m["lon"].as_f64()), (Some(46.519653), Some(6.632273)));
        assert_eq!(m["description"], "Lake");
        assert_eq!((m["favorited"].as_bool(), m.get("archived")), (Some(true), None), "a mark is listed only when set");
    }
    let two = of(&list, "IMG_0002.jpg");
    assert_eq!((two.len(), two[0]["capturedAt"].as_str(), two[0]["album"].as_str()), (1, Some("2019-07-04T18:03:11Z"), None));
    // The EXIF place stays when the sidecar has none.
    assert!((two[0]["lat"].as_f64().unwrap() - 48.858).abs() < 0.01, "{}", two[0]);
    assert_eq!((two[0].get("favorited"), two[0]["archived"].as_bool()), (None, Some(true)));
    assert_eq!(of(&list, "IMG_0003.jpg")[0]["capturedAt"], "2001-02-03T04:05:06Z");
    assert!(of(&list, "IMG_0003.jpg")[0].get("favorited").is_none() && of(&list, "IMG_0003.jpg")[0].get("archived").is_none());
    assert_eq!(s.get_as(ALICE, "/api/v1/media?album=Summer").await.json()["items"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn a_visitors_albums_are_its_drop() {
    let s = TestServer::with(|c| {
        c.kiosks = vec![KioskProfile { name: "shop".into(), user: "alice".into(), key: KEY.into(), ..Default::default() }]
    });
    let r =
        s.send(Request::post("/api/v1/kiosk/sessions").header("Authorization", format!("Bearer {KEY}")).body(Body::empty()).unwrap()).await;
    let (visitor, drop) = (r.json()["token"].as_str().unwrap().to_string(), r.json()["drop"].as_str().unwrap().to_string());
    put(&s, &visitor, &content::photo(4_000, 7), &[("filename", "v.jpg"), ("albums", r#"["Alice's best","Other"]"#), ("album", "Mine")])
        .await;
    let list = items(&s, ALICE).await;
    assert_eq!(albums(&of(&list, "v.jpg")), [drop]);
}

#[tokio::test]
async fn the_fill_call_adds_what_is_missing_for_the_owners_full_access_token_only() {
    let s = TestServer::with(|c| {
        c.kiosks = vec![KioskProfile { name: "shop".into(), user: "alice".into(), key: KEY.into(), ..Default::default() }]
    });
    // Backed up from the phone first: no EXIF date (the file's time), no place, album "Phone".
    let bytes = content::photo(6_000, 11);
    let sha = sha256_hex(&bytes);
    put(&s, ALICE, &bytes, &[("filename", "IMG_0100.jpg"), ("relativePath", "Phone/IMG_0100.jpg"), ("lastModified", "1700000000000")])
        .await;
    // The export's copy is a dedup hit: nothing sent, no record added.
    assert!(!put(&s, ALICE, &bytes, &[("filename", "IMG_0100.jpg"), ("takenAt", "2015-05-05T05:05:05Z"), ("albums", r#"["Trip"]"#)]).await);
    assert_eq!(items(&s, ALICE).await.len(), 1);
    let uri = format!("/api/v1/media/{sha}/takeout");
    let body = json!({"takenAt": "2015-05-05T07:05:05+02:00", "lat": "10.5", "lon": "-20.25", "description": "Trip", "albums": "[\"Trip\",\"Phone\",\"Best\"]", "favorited": "true"});

    // Nobody, another user, an upload-only device and a kiosk visitor are refused; nothing changes.
    let anon = Request::post(&uri).header("Content-Type", "application/json").body(Body::from(body.to_string())).unwrap();
    assert_eq!(s.send(anon).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(s.send(post_json(BOB, &uri, body.clone())).await.status, StatusCode::NOT_FOUND);
    let (device, _) = s.state.accounts.add_device("alice", "Phone", DeviceScope::Upload, shoebox_server::timefmt::now_ms(), None).unwrap();
    assert_eq!(s.send(post_json(&device, &uri, body.clone())).await.status, StatusCode::FORBIDDEN);
    let r =
        s.send(Request::post("/api/v1/kiosk/sessions").header("Authorization", format!("Bearer {KEY}")).body(Body::empty()).unwrap()).await;
    let visitor = r.json()["token"].as_str().unwrap().to_string();
    assert_eq!(s.send(post_json(&visitor, &uri, body.clone())).await.status, StatusCode::FORBIDDEN);
    let list = items(&s, ALICE).await;
    assert_eq!((list.len(), list[0]["capturedAt"].as_str(), list[0]["lat"].as_f64()), (1, Some("2023-11-14T22:13:20Z"), None));
    assert!(list[0].get("favorited").is_none(), "a refused call marks nothing");
    // Bad values are refused naming the key; unknown content is 404.
    let bad = s.send(post_json(ALICE, &uri, json!({"lat": "100", "lon": "0"}))).await;
    assert!(bad.status == StatusCode::BAD_REQUEST && bad.text().contains("lat"), "{}", bad.text());
    let bad = s.send(post_json(ALICE, &uri, json!({"archived": "yes"}))).await;
    assert!(bad.status == StatusCode::BAD_REQUEST && bad.text().contains("archived"), "{}", bad.text());
    assert_eq!(s.send(post_json(ALICE, &uri, json!({"lat": 1.0}))).await.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        s.send(post_json(ALICE, &format!("/api/v1/media/{}/takeout", "b".repeat(64)), body.clone())).await.status,
        StatusCode::NOT_FOUND
    );

    // The owner: the date (only the file's time before) and place are filled, two albums added.
    let r = s.send(post_json(ALICE, &uri, body.clone())).await;
    assert_eq!(r.json(), json!({"dates": 1, "places": 1, "albums": 2}), "{}", r.text());
    let list = items(&s, ALICE).await;
    assert_eq!(albums(&list.iter().collect::<Vec<_>>()), ["Best", "Phone", "Trip"]);
    for m in &list {
        assert_eq!(
            (m["capturedAt"].as_str(), m["lat"].as_f64(), m["lon"].as_f64()),
            (Some("2015-05-05T05:05:05Z"), Some(10.5), Some(-20.25))
        );
        assert_eq!(m["description"], "Trip");
        assert_eq!((m["favorited"].as_bool(), m.get("archived")), (Some(true), None), "the export's mark on every record");
    }
    // A place already there is never replaced; albums are not added twice; a mark is not taken away.
    let again = json!({"lat": "1", "lon": "2", "albums": "[\"Trip\"]", "favorited": "false"});
    assert_eq!(s.send(post_json(ALICE, &uri, again)).await.json(), json!({"dates": 0, "places": 0, "albums": 0}));
    assert!(items(&s, ALICE).await.iter().all(|m| m["favorited"] == true));
    // A date read from the photo itself is never replaced.
    let exif = camera(5);
    put(&s, ALICE, &exif, &[("filename", "cam.jpg")]).await;
    let uri = format!("/api/v1/media/{}/takeout", sha256_hex(&exif));
    let r = s.send(post_json(ALICE, &uri, json!({"takenAt": "1999-01-01T00:00:00Z", "lat": "3", "lon": "4"}))).await;
    assert_eq!(r.json(), json!({"dates": 0, "places": 0, "albums": 0}));
    assert_eq!(of(&items(&s, ALICE).await, "cam.jpg")[0]["capturedAt"], "2023-07-14T18:30:05");
}

#[test]
fn an_index_of_version_6_gains_the_description_keeping_every_record() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("index.sqlite");
    drop(shoebox_server::index::MediaIndex::open(&path).unwrap());
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch(
            "ALTER TABLE media DROP COLUMN description; PRAGMA user_version = 6;
             INSERT INTO media (user, sha256, size, filename, uploaded_at) VALUES ('alice', 'x', 1, 'a.jpg', '2024-01-02T03:04:05Z');",
        )
        .unwrap();
    }
    let idx = shoebox_server::index::MediaIndex::open(&path).unwrap();
    let fill = shoebox_server::index::takeout::Fill { description: Some("By the lake".into()), ..Default::default() };
    assert!(idx.fill_takeout("alice", "x", &fill).unwrap().is_some());
    let item = idx.get("alice", None, "x").unwrap().unwrap();
    assert_eq!((item.filename.as_deref(), item.description.as_deref()), (Some("a.jpg"), Some("By the lake")));
    let c = rusqlite::Connection::open(&path).unwrap();
    assert_eq!(c.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0)).unwrap(), shoebox_server::index::schema::VERSION);
}
