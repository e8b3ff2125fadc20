//! The album calls (create, rename, add a selection, remove items) over SQLite, and the same
//! story over PostgreSQL: empty albums are kept and listed, every record follows a rename, a
//! Live Photo's clip follows its photo, removing never takes a photo out of the library; and
//! who may call them: another user reaches none of it (nothing leaks through a name or a
//! count), an upload-only device and a kiosk visitor get 403, no token 401.
mod common;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;
use serde_json::{json, Value};
use shoebox_core::api::MediaItem;
use shoebox_core::hash::sha256_hex;
use shoebox_server::accounts::DeviceScope;

fn sha(n: u64) -> String {
    sha256_hex(&n.to_le_bytes())
}

fn item(n: u64, filename: &str, album: Option<&str>, captured: &str) -> MediaItem {
    MediaItem {
        sha256: sha(n),
        filename: Some(filename.into()),
        album: album.map(str::to_string),
        size: 1000 + n,
        filetype: Some("image/jpeg".into()),
        captured_at: Some(captured.into()),
        uploaded_at: "2024-04-10T10:00:00Z".into(),
        ..MediaItem::default()
    }
}

/// Alice: 1 and 2 in Holiday (May 2024), 3 with no album (March 2023), 4 only in the Trash.
/// Bob: 9 in his own "Holiday".
fn seed(s: &TestServer) {
    let mut trashed = item(4, "gone.jpg", None, "2022-01-01T10:00:00");
    trashed.trashed_at = Some("2024-06-01T00:00:00Z".into());
    let alice = [
        item(1, "beach.jpg", Some("Holiday"), "2024-05-01T10:00:00"),
        item(2, "sunset.jpg", Some("Holiday"), "2024-05-03T20:00:00"),
        item(3, "cat.jpg", None, "2023-03-05T09:00:00"),
        trashed,
    ];
    s.state.index.insert_many("alice", &alice).unwrap();
    s.state.index.insert("bob", &item(9, "bobs.jpg", Some("Holiday"), "2020-01-01T00:00:00")).unwrap();
}

async fn call(s: &TestServer, token: &str, path: &str, body: Value) -> (StatusCode, Value) {
    let r = s.send(post_json(token, path, body)).await;
    let v = if r.body.is_empty() { Value::Null } else { r.json() };
    (r.status, v)
}

/// (album, count) of each album listed, in order.
async fn albums(s: &TestServer, token: &str) -> Vec<(Value, u64)> {
    let v = s.get_as(token, "/api/v1/albums").await.json();
    v["albums"].as_array().unwrap().iter().map(|a| (a["album"].clone(), a["count"].as_u64().unwrap())).collect()
}

async fn names(s: &TestServer, token: &str, query: &str) -> Vec<String> {
    let r = s.get_as(token, &format!("/api/v1/media?order=taken&{query}")).await;
    assert_eq!(r.status, StatusCode::OK, "{query}: {}", r.text());
    r.json()["items"].as_array().unwrap().iter().map(|i| i["filename"].as_str().unwrap().to_string()).collect()
}

async fn the_album_story(s: &TestServer) {
    seed(s);
    // An empty album is kept and listed, after those with photos.
    assert_eq!(call(s, ALICE, "/api/v1/albums", json!({"album": "  Trip  "})).await, (StatusCode::CREATED, json!({"album": "Trip"})));
    assert_eq!(albums(s, ALICE).await, [(json!("Holiday"), 2), (Value::Null, 1), (json!("Trip"), 0)]);
    let (st, v) = call(s, ALICE, "/api/v1/albums", json!({"album": "Trip"})).await;
    assert_eq!((st, v["code"].clone()), (StatusCode::CONFLICT, json!("album_exists")));
    assert_eq!(call(s, ALICE, "/api/v1/albums", json!({"album": "Holiday"})).await.0, StatusCode::CONFLICT, "an album made by uploads");
    for bad in [json!({"album": " "}), json!({"album": "a\u{7}b"}), json!({"album": "é".repeat(513)}), json!({"name": "x"})] {
        assert_eq!(call(s, ALICE, "/api/v1/albums", bad.clone()).await.0, StatusCode::BAD_REQUEST, "{bad}");
    }

    // Add a selection: unknown content, content only in the Trash and another user's are not counted.
    let pick = json!({"album": "Trip", "sha256": [sha(1), sha(3), sha(4), sha(9), "f".repeat(64)]});
    assert_eq!(call(s, ALICE, "/api/v1/albums/add", pick.clone()).await, (StatusCode::OK, json!({"added": 2})));
    assert_eq!(call(s, ALICE, "/api/v1/albums/add", pick).await.1, json!({"added": 0}), "already there");
    assert_eq!(names(s, ALICE, "album=Trip").await, ["beach.jpg", "cat.jpg"]);
    assert_eq!(names(s, ALICE, "album=Holiday").await, ["sunset.jpg", "beach.jpg"], "a copy: still in Holiday");
    let sum = s.get("/api/v1/media/summary?album=Trip").await.json();
    let days: Vec<&str> = sum["days"].as_array().unwrap().iter().map(|d| d["day"].as_str().unwrap()).collect();
    assert_eq!((sum["count"].clone(), days), (json!(2), vec!["2024-05-01", "2023-03-05"]), "the album page's count and date range");
    let bad = json!({"album": "Trip", "sha256": ["ABC"]});
    assert_eq!(call(s, ALICE, "/api/v1/albums/add", bad).await.0, StatusCode::BAD_REQUEST);
    let many: Vec<String> = (0..10_001).map(|_| sha(1)).collect();
    assert_eq!(call(s, ALICE, "/api/v1/albums/add", json!({"album": "Trip", "sha256": many})).await.0, StatusCode::BAD_REQUEST);
    // Adding to a new name makes the album.
    assert_eq!(call(s, ALICE, "/api/v1/albums/add", json!({"album": "Cats", "sha256": [sha(3)]})).await.1, json!({"added": 1}));

    // Rename: every record follows; the old name is gone; an existing name is refused.
    assert_eq!(call(s, ALICE, "/api/v1/albums/rename", json!({"from": "Trip", "to": "Road trip"})).await.1, json!({"renamed": 2}));
    assert_eq!(names(s, ALICE, "album=Road%20trip").await, ["beach.jpg", "cat.jpg"]);
    assert!(names(s, ALICE, "album=Trip").await.is_empty());
    let (st, v) = call(s, ALICE, "/api/v1/albums/rename", json!({"from": "Road trip", "to": "Holiday"})).await;
    assert_eq!((st, v["code"].clone()), (StatusCode::CONFLICT, json!("album_exists")));
    assert_eq!(call(s, ALICE, "/api/v1/albums/rename", json!({"from": "Trip", "to": "X"})).await.0, StatusCode::NOT_FOUND);
    assert_eq!(call(s, ALICE, "/api/v1/albums/rename", json!({"from": "Road trip", "to": ""})).await.0, StatusCode::BAD_REQUEST);
    // An empty album renames too, and stays listed.
    call(s, ALICE, "/api/v1/albums", json!({"album": "Later"})).await;
    assert_eq!(call(s, ALICE, "/api/v1/albums/rename", json!({"from": "Later", "to": "Someday"})).await.1, json!({"renamed": 0}));

    // Remove: the album's record goes where the photo is elsewhere in the library; the last
    // record of a photo moves to no album instead, so nothing leaves the library.
    let out = json!({"album": "Road trip", "sha256": [sha(1), sha(9), sha(2)]});
    assert_eq!(call(s, ALICE, "/api/v1/albums/remove", out).await.1, json!({"removed": 1}), "2 is not in it, 9 is bob's");
    assert_eq!(names(s, ALICE, "album=Road%20trip").await, ["cat.jpg"]);
    assert_eq!(names(s, ALICE, "album=Holiday").await, ["sunset.jpg", "beach.jpg"]);
    let out = json!({"album": "Holiday", "sha256": [sha(1), sha(2)]});
    assert_eq!(call(s, ALICE, "/api/v1/albums/remove", out).await.1, json!({"removed": 2}));
    assert_eq!(names(s, ALICE, "album=").await, ["sunset.jpg", "beach.jpg", "cat.jpg"], "their last records, now in no album");
    assert_eq!(names(s, ALICE, "").await.len(), 5, "nothing left the library: {:?}", names(s, ALICE, "").await);
    let gone = json!({"album": "Nowhere", "sha256": [sha(1)]});
    assert_eq!(call(s, ALICE, "/api/v1/albums/remove", gone).await.0, StatusCode::NOT_FOUND);
    assert_eq!(
        albums(s, ALICE).await,
        [(Value::Null, 3), (json!("Cats"), 1), (json!("Road trip"), 1), (json!("Holiday"), 0), (json!("Someday"), 0)],
        "an emptied album is still listed; the latest day first, then by name"
    );
    // Bob's own album of the same name was never touched.
    assert_eq!(albums(s, BOB).await, [(json!("Holiday"), 1)]);
}

#[tokio::test]
async fn albums_are_created_renamed_filled_and_emptied() {
    the_album_story(&TestServer::new()).await;
}

#[tokio::test]
async fn albums_are_created_renamed_filled_and_emptied_on_postgres() {
    the_album_story(&TestServer::postgres(|_| {})).await;
}

#[tokio::test]
async fn another_users_albums_and_items_are_out_of_reach() {
    let s = TestServer::new();
    seed(&s);
    call(&s, ALICE, "/api/v1/albums", json!({"album": "Secret plans"})).await;
    let before = albums(&s, ALICE).await;
    // Bob's calls on Alice's names answer as if they did not exist; on Alice's content, 0.
    assert_eq!(call(&s, BOB, "/api/v1/albums/rename", json!({"from": "Secret plans", "to": "Mine"})).await.0, StatusCode::NOT_FOUND);
    let out = json!({"album": "Secret plans", "sha256": [sha(1)]});
    assert_eq!(call(&s, BOB, "/api/v1/albums/remove", out).await.0, StatusCode::NOT_FOUND);
    let (st, v) = call(&s, BOB, "/api/v1/albums/add", json!({"album": "Mine", "sha256": [sha(1), sha(2), sha(3)]})).await;
    assert_eq!((st, v), (StatusCode::OK, json!({"added": 0})));
    // A name Alice uses is free for Bob: its existence is not given away by a 409.
    assert_eq!(call(&s, BOB, "/api/v1/albums", json!({"album": "Secret plans"})).await.0, StatusCode::CREATED);
    // Bob's own "Holiday" renames his record only.
    assert_eq!(call(&s, BOB, "/api/v1/albums/rename", json!({"from": "Holiday", "to": "Trips"})).await.1, json!({"renamed": 1}));
    let remove = json!({"album": "Trips", "sha256": [sha(9), sha(1)]});
    assert_eq!(call(&s, BOB, "/api/v1/albums/remove", remove).await.1, json!({"removed": 1}));
    assert_eq!(albums(&s, ALICE).await, before, "Alice's albums and counts are as they were");
    assert_eq!(names(&s, ALICE, "album=Holiday").await, ["sunset.jpg", "beach.jpg"]);
    let bobs = albums(&s, BOB).await;
    assert_eq!(bobs, [(Value::Null, 1), (json!("Mine"), 0), (json!("Secret plans"), 0), (json!("Trips"), 0)], "none of Alice's");
    assert_eq!(names(&s, BOB, "").await, ["bobs.jpg"]);
}

#[tokio::test]
async fn only_full_access_tokens_reach_the_album_calls() {
    let s = TestServer::with_kiosk("shop", "alice", "shop-kiosk-key-0123456789");
    seed(&s);
    let now = shoebox_server::timefmt::now_ms();
    let (upload_only, _) = s.state.accounts.add_device("alice", "Phone", DeviceScope::Upload, now, None).unwrap();
    let (full, _) = s.state.accounts.add_device("alice", "Laptop", DeviceScope::Full, now, None).unwrap();
    let kiosk = Request::post("/api/v1/kiosk/sessions").header("Authorization", "Bearer shop-kiosk-key-0123456789").body(Body::empty());
    let visitor = s.send(kiosk.unwrap()).await.json()["token"].as_str().unwrap().to_string();
    let before = albums(&s, ALICE).await;
    let calls = [
        ("/api/v1/albums", json!({"album": "Theirs"})),
        ("/api/v1/albums/rename", json!({"from": "Holiday", "to": "Theirs"})),
        ("/api/v1/albums/add", json!({"album": "Holiday", "sha256": [sha(3)]})),
        ("/api/v1/albums/remove", json!({"album": "Holiday", "sha256": [sha(1)]})),
    ];
    for (path, body) in &calls {
        for token in [upload_only.as_str(), visitor.as_str()] {
            assert_eq!(call(&s, token, path, body.clone()).await.0, StatusCode::FORBIDDEN, "{path}");
        }
        let anon = Request::post(*path).header("Content-Type", "application/json").body(Body::from(body.to_string())).unwrap();
        assert_eq!(s.send(anon).await.status, StatusCode::UNAUTHORIZED, "{path} with no token");
    }
    assert_eq!(s.get_as(&visitor, "/api/v1/albums").await.status, StatusCode::FORBIDDEN);
    assert_eq!(albums(&s, ALICE).await, before, "none of those calls changed anything");
    // A signed-in device with full access may.
    assert_eq!(call(&s, &full, "/api/v1/albums/add", json!({"album": "Theirs", "sha256": [sha(3)]})).await.1, json!({"added": 1}));
}

#[tokio::test]
async fn a_live_photo_clip_and_sidecar_follow_the_photo() {
    let s = TestServer::new();
    let (photo, clip, xmp) = (item(1, "IMG_1.HEIC", Some("Phone"), "2024-05-01T10:00:00"), sha(2), sha(3));
    let mut c = item(2, "IMG_1.MOV", Some("Phone"), "2024-05-01T10:00:00");
    c.filetype = Some("video/quicktime".into());
    let x = item(3, "IMG_1.HEIC.xmp", Some("Phone"), "2024-05-01T10:00:00");
    s.state.index.insert_many("alice", &[photo, c, x]).unwrap();
    let db = s.state.index.db();
    let at = |q: &str, v: &[shoebox_server::db::Value]| db.execute(q, v).unwrap();
    use shoebox_server::db::Value::Text;
    at("UPDATE media SET motion_sha256 = ?2, pair_checked = 1 WHERE sha256 = ?1", &[Text(sha(1)), Text(clip.clone())]);
    at("UPDATE media SET motion_of = ?1, pair_checked = 1 WHERE sha256 = ?2", &[Text(sha(1)), Text(clip.clone())]);
    at("UPDATE media SET sidecar_of = ?1, pair_checked = 1 WHERE sha256 = ?2", &[Text(sha(1)), Text(xmp.clone())]);
    assert_eq!(call(&s, ALICE, "/api/v1/albums/add", json!({"album": "Best", "sha256": [sha(1)]})).await.1, json!({"added": 1}));
    let v = s.get("/api/v1/media?order=taken&album=Best").await.json();
    assert_eq!(v["items"].as_array().unwrap().len(), 1, "{v}");
    assert_eq!(v["items"][0]["motion"]["sha256"], json!(clip), "the copy is still a Live Photo");
    assert_eq!(v["items"][0]["sidecars"][0]["sha256"], json!(xmp), "with its sidecar");
    assert_eq!(names(&s, ALICE, "album=Best&parts=1").await.len(), 3, "the clip and the sidecar are in the album too");
    assert_eq!(call(&s, ALICE, "/api/v1/albums/remove", json!({"album": "Best", "sha256": [sha(1)]})).await.1, json!({"removed": 1}));
    assert!(names(&s, ALICE, "album=Best&parts=1").await.is_empty(), "all three left together");
    assert_eq!(names(&s, ALICE, "album=Phone&parts=1").await.len(), 3, "the originals stay");
}
