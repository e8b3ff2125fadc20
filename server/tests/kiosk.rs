//! Kiosk visitor sessions and what each token may do: a kiosk key only starts sessions; a
//! visitor uploads only into its own drop (whatever its metadata says), sees only that drop,
//! learns nothing of other drops from dedup, cannot touch other sessions' uploads, and is
//! refused the moment its session ends (its unfinished uploads are ended with it). Something
//! that exists but is not the caller's answers exactly as something that does not exist.
mod common;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;
use shoebox_core::hash::sha256_hex;
use shoebox_server::config::KioskProfile;

const KEY: &str = "shop-kiosk-key-0123456789";

fn kiosk_server() -> TestServer {
    TestServer::with(|c| {
        c.kiosks = vec![KioskProfile { name: "shop".into(), user: "alice".into(), key: KEY.into(), ..Default::default() }];
    })
}

async fn visitor(s: &TestServer) -> (String, String) {
    let r =
        s.send(Request::post("/api/v1/kiosk/sessions").header("Authorization", format!("Bearer {KEY}")).body(Body::empty()).unwrap()).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let j = r.json();
    let drop = j["drop"].as_str().unwrap().to_string();
    assert!(drop.starts_with("Kiosk ") && drop.ends_with(j["code"].as_str().unwrap()), "{drop}");
    (j["token"].as_str().unwrap().to_string(), drop)
}

/// Upload `bytes` whole as `token` (creation, then one PATCH); returns the creation answer's Location.
async fn put(s: &TestServer, token: &str, bytes: &[u8], meta: &[(&str, &str)]) -> (StatusCode, String) {
    let sha = sha256_hex(bytes);
    let mut m = meta.to_vec();
    m.push(("sha256", &sha));
    let c = s.create_as(token, bytes.len() as u64, &m).await;
    if c.status != StatusCode::CREATED {
        return (c.status, String::new());
    }
    let loc = c.h("location").unwrap();
    if c.h("upload-duplicate").as_deref() == Some("?1") {
        return (StatusCode::OK, loc);
    }
    let p = s.patch_as(token, &loc, 0, bytes).await;
    assert_eq!(p.status, StatusCode::NO_CONTENT, "{}", p.text());
    (StatusCode::CREATED, loc)
}

#[tokio::test]
async fn a_kiosk_key_only_starts_visitor_sessions() {
    let s = kiosk_server();
    for uri in ["/api/v1/media", "/api/v1/config"] {
        assert_eq!(s.get_as(KEY, uri).await.status, StatusCode::NOT_FOUND, "{uri}");
    }
    assert_eq!(s.create_as(KEY, 10, &[]).await.status, StatusCode::NOT_FOUND);
    let check = s.send(post_json(KEY, "/api/v1/media/check", serde_json::json!({"sha256": []}))).await;
    assert_eq!(check.status, StatusCode::NOT_FOUND);
    // A user's own token cannot mint visitor sessions either.
    let r = s
        .send(Request::post("/api/v1/kiosk/sessions").header("Authorization", format!("Bearer {ALICE}")).body(Body::empty()).unwrap())
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // Nor can a wrong key.
    let r = s
        .send(Request::post("/api/v1/kiosk/sessions").header("Authorization", "Bearer not-the-key-000000000").body(Body::empty()).unwrap())
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_visitor_uploads_only_into_its_drop_and_sees_only_it() {
    let s = kiosk_server();
    let mine = bytes(3000, 1);
    // The operator's library already holds a photo.
    let owners = bytes(2000, 9);
    s.upload(&owners, 1000, &[("filename", "owner.jpg")]).await;
    let (v1, drop1) = visitor(&s).await;
    let (st, _) = put(&s, &v1, &mine, &[("filename", "v1.jpg"), ("album", "Somewhere else")]).await;
    assert_eq!(st, StatusCode::CREATED);
    let items = s.get_as(&v1, "/api/v1/media?limit=100").await.json()["items"].as_array().unwrap().clone();
    assert_eq!(items.len(), 1, "a visitor lists its drop only: {items:?}");
    assert_eq!(items[0]["album"], drop1.as_str(), "the server enforces the drop's album");
    assert_eq!(s.get_as(&v1, &format!("/api/v1/media/{}", sha256_hex(&mine))).await.status, StatusCode::OK);
    assert_eq!(s.get_as(&v1, &format!("/api/v1/media/{}", sha256_hex(&owners))).await.status, StatusCode::NOT_FOUND);
    // The operator sees it in the drop's album.
    let all = s.get_as(ALICE, "/api/v1/media?limit=100").await.json()["items"].as_array().unwrap().clone();
    assert!(all.iter().any(|i| i["album"] == drop1.as_str() && i["filename"] == "v1.jpg"));
    // Dedup answers only within the drop: the owner's photo is "not there" for the visitor.
    let present =
        s.send(post_json(&v1, "/api/v1/media/check", serde_json::json!({"sha256": [sha256_hex(&owners), sha256_hex(&mine)]}))).await.json();
    assert_eq!(present["present"], serde_json::json!([sha256_hex(&mine)]));
    // Probes likewise: the owner's content of the same size is no match for the visitor.
    let (o, m) = (probe(&owners), probe(&mine));
    let asked = serde_json::json!({"sha256": [], "probes": [{"size": owners.len(), "probe": o}, {"size": mine.len(), "probe": m}]});
    let answer = s.send(post_json(&v1, "/api/v1/media/check", asked)).await.json();
    assert_eq!(answer["probable"], serde_json::json!([m]));
}

#[tokio::test]
async fn the_next_visitor_sees_nothing_and_the_same_photo_is_not_already_there() {
    let s = kiosk_server();
    let photo = bytes(4000, 3);
    let (v1, _) = visitor(&s).await;
    put(&s, &v1, &photo, &[("filename", "a.jpg")]).await;
    let (v2, drop2) = visitor(&s).await;
    assert_eq!(s.get_as(&v2, "/api/v1/media").await.json()["items"], serde_json::json!([]));
    let check = s.send(post_json(&v2, "/api/v1/media/check", serde_json::json!({"sha256": [sha256_hex(&photo)]}))).await.json();
    assert_eq!(check["present"], serde_json::json!([]), "a visitor never learns what another uploaded");
    let asked = serde_json::json!({"sha256": [], "probes": [{"size": photo.len(), "probe": probe(&photo)}]});
    let check = s.send(post_json(&v2, "/api/v1/media/check", asked)).await.json();
    assert!(check.get("probable").is_none(), "nor by a probe: {check}");
    let c = s.create_as(&v2, photo.len() as u64, &[("sha256", &sha256_hex(&photo))]).await;
    assert_eq!(c.h("upload-duplicate"), None, "the same photo is not reported as already there");
    let (st, _) = put(&s, &v2, &photo, &[("filename", "a.jpg")]).await;
    assert_eq!(st, StatusCode::CREATED);
    let items = s.get_as(&v2, "/api/v1/media").await.json()["items"].as_array().unwrap().clone();
    assert_eq!(items.len(), 1, "its own record in its own drop");
    assert_eq!(items[0]["album"], drop2.as_str());
}

#[tokio::test]
async fn a_visitor_cannot_touch_another_sessions_uploads() {
    let s = kiosk_server();
    let (v1, _) = visitor(&s).await;
    let (v2, _) = visitor(&s).await;
    let c = s.create_as(&v1, 100, &[]).await;
    let loc = c.h("location").unwrap();
    assert_eq!(s.head_as(&v2, &loc).await.status, StatusCode::NOT_FOUND);
    assert_eq!(s.patch_as(&v2, &loc, 0, &bytes(100, 1)).await.status, StatusCode::NOT_FOUND);
    let del = s
        .send(
            Request::delete(loc.as_str())
                .header("Tus-Resumable", "1.0.0")
                .header("Authorization", format!("Bearer {v2}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(del.status, StatusCode::NOT_FOUND);
    assert_eq!(s.head_as(&v1, &loc).await.status, StatusCode::OK);
    // A visitor cannot start sessions, nor reach another user's things.
    let r =
        s.send(Request::post("/api/v1/kiosk/sessions").header("Authorization", format!("Bearer {v1}")).body(Body::empty()).unwrap()).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let bobs = s.create_as(BOB, 50, &[]).await.h("location").unwrap();
    assert_eq!(s.head_as(&v1, &bobs).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn ending_a_session_refuses_its_token_at_once_and_ends_its_unfinished_uploads() {
    let s = kiosk_server();
    let (v1, _) = visitor(&s).await;
    let c = s.create_as(&v1, 5000, &[]).await;
    let loc = c.h("location").unwrap();
    assert_eq!(s.patch_as(&v1, &loc, 0, &bytes(1000, 2)).await.status, StatusCode::NO_CONTENT);
    let end = s
        .send(
            Request::delete("/api/v1/kiosk/sessions/current").header("Authorization", format!("Bearer {v1}")).body(Body::empty()).unwrap(),
        )
        .await;
    assert_eq!(end.status, StatusCode::NO_CONTENT);
    assert_eq!(s.get_as(&v1, "/api/v1/media").await.status, StatusCode::UNAUTHORIZED, "refused at once");
    assert_eq!(s.head_as(ALICE, &loc).await.status, StatusCode::NOT_FOUND, "the unfinished upload was ended on the server");
}

#[tokio::test]
async fn an_expired_session_is_refused() {
    let s = TestServer::with(|c| {
        c.kiosks = vec![KioskProfile { name: "shop".into(), user: "alice".into(), key: KEY.into(), ..Default::default() }];
        c.visitor_session = std::time::Duration::from_millis(300);
    });
    let (v1, _) = visitor(&s).await;
    assert_eq!(s.get_as(&v1, "/api/v1/media").await.status, StatusCode::OK);
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    assert_eq!(s.get_as(&v1, "/api/v1/media").await.status, StatusCode::UNAUTHORIZED);
}

#[test]
fn an_index_of_version_1_is_migrated_keeping_every_record() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("index.sqlite");
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE media (seq INTEGER PRIMARY KEY AUTOINCREMENT, user TEXT NOT NULL, sha256 TEXT NOT NULL, source_sha256 TEXT, size INTEGER NOT NULL, filename TEXT, relative_path TEXT, album TEXT, filetype TEXT, width INTEGER, height INTEGER, captured_at TEXT, uploaded_at TEXT NOT NULL, UNIQUE(user, sha256));
            INSERT INTO media (user, sha256, size, album, uploaded_at) VALUES ('a', 'x', 1, 'A', 't'), ('a', 'y', 2, NULL, 't');").unwrap();
    }
    let idx = shoebox_server::index::MediaIndex::open(&path).unwrap();
    let (items, _) = idx.list("a", None, 0, 10).unwrap();
    assert_eq!(items.iter().map(|i| i.sha256.as_str()).collect::<Vec<_>>(), ["x", "y"]);
    // Now the same content may be in a second album, once per album.
    let mut m = items[0].clone();
    m.album = Some("B".into());
    assert!(idx.insert("a", &m).unwrap());
    assert!(!idx.insert("a", &m).unwrap());
    let mut n = items[1].clone();
    n.album = None;
    assert!(!idx.insert("a", &n).unwrap(), "no album is one album too");
}

#[tokio::test]
async fn a_phone_link_uploads_into_the_same_drop_and_dies_with_the_visit() {
    let s = kiosk_server();
    let (v1, drop) = visitor(&s).await;
    let link = s
        .send(
            Request::post("/api/v1/kiosk/sessions/current/phone")
                .header("Authorization", format!("Bearer {v1}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(link.status, StatusCode::CREATED, "{}", link.text());
    let phone = link.json()["token"].as_str().unwrap().to_string();
    let photo = bytes(2500, 7);
    let (st, _) = put(&s, &phone, &photo, &[("filename", "from-phone.jpg")]).await;
    assert_eq!(st, StatusCode::CREATED);
    // The kiosk sees the photo arrive in the visit's drop.
    let items = s.get_as(&v1, "/api/v1/media").await.json()["items"].as_array().unwrap().clone();
    assert_eq!(items.len(), 1);
    assert_eq!((items[0]["filename"].as_str(), items[0]["album"].as_str()), (Some("from-phone.jpg"), Some(drop.as_str())));
    // A link made from the phone belongs to the visit as well.
    let again = s
        .send(
            Request::post("/api/v1/kiosk/sessions/current/phone")
                .header("Authorization", format!("Bearer {phone}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    let phone2 = again.json()["token"].as_str().unwrap().to_string();
    let end = s
        .send(
            Request::delete("/api/v1/kiosk/sessions/current").header("Authorization", format!("Bearer {v1}")).body(Body::empty()).unwrap(),
        )
        .await;
    assert_eq!(end.status, StatusCode::NO_CONTENT);
    for t in [&phone, &phone2] {
        assert_eq!(s.get_as(t, "/api/v1/media").await.status, StatusCode::UNAUTHORIZED, "the link is refused after the visit ends");
    }
}

#[tokio::test]
async fn the_kiosk_profile_and_an_upload_only_token_ending_itself() {
    let s = TestServer::with(|c| {
        c.kiosks = vec![KioskProfile { name: "shop".into(), user: "alice".into(), key: KEY.into(), ..Default::default() }];
        c.kiosk_own_accounts = true;
    });
    let p = s.get_as(KEY, "/api/v1/kiosk/profile").await;
    assert_eq!(p.json()["ownAccounts"], true);
    assert_eq!(s.get_as(ALICE, "/api/v1/kiosk/profile").await.status, StatusCode::NOT_FOUND, "only a kiosk key reads it");
    let (visitor_token, _) = visitor(&s).await;
    assert_eq!(s.get_as(&visitor_token, "/api/v1/kiosk/profile").await.status, StatusCode::NOT_FOUND);
    // A user's full token cannot "end itself" as a device: only upload-only tokens do.
    let end =
        |t: &str| Request::delete("/api/v1/devices/current").header("Authorization", format!("Bearer {t}")).body(Body::empty()).unwrap();
    assert_eq!(s.send(end(ALICE)).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_visitor_upload_over_the_kiosks_limits_is_refused_whatever_the_client_says() {
    let s = TestServer::with(|c| {
        c.kiosks = vec![KioskProfile { name: "shop".into(), user: "alice".into(), key: KEY.into(), ..Default::default() }];
        c.kiosk_limits.max_photo_bytes = 1_000;
    });
    let p = s.get_as(KEY, "/api/v1/kiosk/profile").await.json();
    assert_eq!(p["limits"]["maxPhotoBytes"], 1000);
    let (v, _) = visitor(&s).await;
    let r = s.create_as(&v, 2_000, &[("filetype", "image/jpeg")]).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.text());
    assert!(r.text().contains("over this kiosk's limit"));
    assert_eq!(r.h("shoebox-error").as_deref(), Some("over_kiosk_limit"));
    // The operator's own uploads are not a kiosk's.
    assert_eq!(s.create_as(ALICE, 2_000, &[("filetype", "image/jpeg")]).await.status, StatusCode::CREATED);
}

#[tokio::test]
async fn each_profile_of_a_config_file_has_its_own_settings_and_limits() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kiosks.json");
    std::fs::write(
        &file,
        r#"[{"name": "lab", "user": "alice", "key": "lab-key-0123456789abcdef", "welcome": "Photo lab", "welcomeTexts": {"de": "Fotolabor", "ja": "写真ラボ"}, "limits": "google", "album": "Lab {code}", "idleSeconds": 30},
            {"name": "party", "user": "bob", "key": "party-key-0123456789abcd", "ownAccounts": true}]"#,
    )
    .unwrap();
    let profiles = shoebox_server::accounts::kiosks::KioskProfile::from_file(&file).unwrap();
    let s = TestServer::with(move |c| {
        c.kiosks = profiles;
        c.kiosk_limits.max_photo_bytes = 1_000;
    });
    let lab = s.get_as("lab-key-0123456789abcdef", "/api/v1/kiosk/profile").await.json();
    assert_eq!(
        (lab["welcome"].as_str(), lab["idleSeconds"].as_u64(), lab["ownAccounts"].as_bool()),
        (Some("Photo lab"), Some(30), Some(false))
    );
    assert_eq!(lab["limits"]["name"], "google");
    assert_eq!(lab["welcomeTexts"], serde_json::json!({"de": "Fotolabor", "ja": "写真ラボ"}), "the welcome text per language");
    let party = s.get_as("party-key-0123456789abcd", "/api/v1/kiosk/profile").await.json();
    assert_eq!(
        (party["welcome"].as_str(), party["welcomeTexts"].as_object().map(|m| m.len())),
        (Some(""), Some(0)),
        "no welcome set: the page says its own words in the visitor's language"
    );
    assert_eq!(
        (party["ownAccounts"].as_bool(), party["limits"]["maxPhotoBytes"].as_u64()),
        (Some(true), Some(1000)),
        "what a profile leaves out comes from the flags"
    );
    // Each profile's visitors: their own account, album pattern and limits.
    let start = |key: &'static str| {
        Request::post("/api/v1/kiosk/sessions").header("Authorization", format!("Bearer {key}")).body(Body::empty()).unwrap()
    };
    let v_lab = s.send(start("lab-key-0123456789abcdef")).await.json();
    assert!(v_lab["drop"].as_str().unwrap().starts_with("Lab "));
    let v_party = s.send(start("party-key-0123456789abcd")).await.json();
    let big = s.create_as(v_lab["token"].as_str().unwrap(), 5_000, &[("filetype", "image/jpeg")]).await;
    assert_eq!(big.status, StatusCode::CREATED, "google limits allow it in the lab");
    let big = s.create_as(v_party["token"].as_str().unwrap(), 5_000, &[("filetype", "image/jpeg")]).await;
    assert_eq!(big.status, StatusCode::PAYLOAD_TOO_LARGE, "the party kiosk keeps the flags' 1000-byte limit");
    // A bad file is a clear error.
    std::fs::write(&file, r#"[{"name": "x", "user": "alice", "key": "short"}]"#).unwrap();
    assert!(shoebox_server::accounts::kiosks::KioskProfile::from_file(&file).unwrap_err().contains("too short"));
    std::fs::write(&file, r#"[{"name": "x", "user": "alice", "key": "lab-key-0123456789abcdef", "welcomeTexts": {"klingon": "nuqneH"}}]"#)
        .unwrap();
    assert!(
        shoebox_server::accounts::kiosks::KioskProfile::from_file(&file).unwrap_err().contains("klingon"),
        "a language without a catalog"
    );
}
