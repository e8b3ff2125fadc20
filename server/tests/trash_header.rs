//! The Trash's own header: "Restore all" brings every trashed record of the user back, "Empty
//! trash" deletes them now (with the bytes no record names any more, as the purge would), and
//! the summary says how many days the Trash keeps things. Another user, an upload-only device,
//! a visitor and nobody are refused or touch nothing.
mod common;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;
use serde_json::{json, Value};
use shoebox_server::accounts::DeviceScope;

fn post(token: &str, uri: &str) -> Request<Body> {
    Request::post(uri).header("Authorization", format!("Bearer {token}")).body(Body::empty()).unwrap()
}

/// Alice's three uploads: (id, sha256) by file name.
async fn three(s: &TestServer) -> Vec<(String, String, String)> {
    for (i, name) in ["a.jpg", "b.jpg", "c.jpg"].iter().enumerate() {
        s.upload(&bytes(3000 + i, i as u64 + 7), 1 << 20, &[("filename", name)]).await;
    }
    let mut v: Vec<(String, String, String)> = items(s, ALICE)
        .await
        .iter()
        .map(|i: &Value| {
            (i["filename"].as_str().unwrap().to_string(), i["id"].as_str().unwrap().to_string(), i["sha256"].as_str().unwrap().to_string())
        })
        .collect();
    v.sort();
    v
}

fn blob_kept(s: &TestServer, sha: &str) -> bool {
    s.stored("blobs").iter().any(|p| p.ends_with(&format!("alice/{}/{sha}", &sha[..2])))
}

#[tokio::test]
async fn empty_trash_deletes_the_trashed_records_and_their_bytes_now_and_nothing_else() {
    let s = TestServer::new();
    let f = three(&s).await;
    let trashed = json!({"ids": [f[0].1, f[1].1]});
    assert_eq!(s.send(post_json(ALICE, "/api/v1/media/trash", trashed)).await.json(), json!({"trashed": 2}));
    assert!(blob_kept(&s, &f[0].2), "trashed bytes stay until emptied");
    // Another user's Empty trash touches nothing of Alice's.
    assert_eq!(s.send(post(BOB, "/api/v1/media/trash/empty")).await.json(), json!({"deleted": 0}));
    assert_eq!(s.get("/api/v1/media/summary").await.json()["trashCount"], 2);

    let r = s.send(post(ALICE, "/api/v1/media/trash/empty")).await;
    assert_eq!((r.status, r.json()), (StatusCode::OK, json!({"deleted": 2})));
    let sum = s.get("/api/v1/media/summary").await.json();
    assert_eq!((sum["count"].clone(), sum["trashCount"].clone()), (json!(1), json!(0)));
    assert_eq!(items(&s, ALICE).await.len(), 1, "the photo not in the Trash stays");
    assert!(!blob_kept(&s, &f[0].2) && !blob_kept(&s, &f[1].2), "no record names the trashed bytes: gone");
    assert!(blob_kept(&s, &f[2].2));
    // Gone for good: the same content is not "already backed up" any more.
    let check = s.send(post_json(ALICE, "/api/v1/media/check", json!({"sha256": [f[0].2, f[2].2]}))).await.json();
    assert_eq!(check["present"], json!([f[2].2]), "{check}");
    assert_eq!(s.send(post(ALICE, "/api/v1/media/trash/empty")).await.json(), json!({"deleted": 0}), "an empty Trash again");
}

#[tokio::test]
async fn restore_all_brings_every_trashed_record_back_for_its_user_only() {
    let s = TestServer::new();
    let f = three(&s).await;
    let trashed = json!({"ids": [f[0].1, f[2].1]});
    s.send(post_json(ALICE, "/api/v1/media/trash", trashed)).await;
    assert_eq!(s.send(post(BOB, "/api/v1/media/trash/restore-all")).await.json(), json!({"restored": 0}));
    assert_eq!(s.get("/api/v1/media/summary").await.json()["trashCount"], 2, "Bob restored nothing of Alice's");
    assert_eq!(s.send(post(ALICE, "/api/v1/media/trash/restore-all")).await.json(), json!({"restored": 2}));
    let back: Vec<String> = items(&s, ALICE).await.iter().map(|i| i["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(back.len(), 3);
    assert!(back.contains(&f[0].1) && back.contains(&f[2].1), "the same records, the same ids");
    assert_eq!(s.get("/api/v1/media/summary").await.json()["trashCount"], 0);
}

#[tokio::test]
async fn the_summary_names_the_trash_days() {
    assert_eq!(TestServer::new().get("/api/v1/media/summary").await.json()["trashDays"], 30);
    assert_eq!(TestServer::with(|c| c.trash_days = 7).get("/api/v1/media/summary").await.json()["trashDays"], 7);
}

#[tokio::test]
async fn upload_only_visitors_and_nobody_are_refused() {
    let s = TestServer::with(|c| {
        c.kiosks = vec![shoebox_server::config::KioskProfile {
            name: "shop".into(),
            user: "alice".into(),
            key: "shop-kiosk-key-0123456789".into(),
            ..Default::default()
        }];
    });
    let f = three(&s).await;
    s.send(post_json(ALICE, "/api/v1/media/trash", json!({"ids": [f[0].1]}))).await;
    let (upload_only, _) =
        s.state.accounts.add_device("alice", "Phone", DeviceScope::Upload, shoebox_server::timefmt::now_ms(), None).unwrap();
    let visitor = s.send(post("shop-kiosk-key-0123456789", "/api/v1/kiosk/sessions")).await.json()["token"].as_str().unwrap().to_string();
    for uri in ["/api/v1/media/trash/empty", "/api/v1/media/trash/restore-all"] {
        for token in [upload_only.as_str(), visitor.as_str()] {
            assert_eq!(s.send(post(token, uri)).await.status, StatusCode::FORBIDDEN, "{uri}");
        }
        assert_eq!(s.send(post("shop-kiosk-key-0123456789", uri)).await.status, StatusCode::FORBIDDEN, "a kiosk key: {uri}");
        assert_eq!(s.send(Request::post(uri).body(Body::empty()).unwrap()).await.status, StatusCode::UNAUTHORIZED, "nobody: {uri}");
    }
    assert_eq!(s.get("/api/v1/media/summary").await.json()["trashCount"], 1, "nothing was restored or deleted");
    assert!(blob_kept(&s, &f[0].2));
}
