//! The server on PostgreSQL (`--database postgres://…`), against a real cluster started by the
//! harness (common/postgres.rs): the index, accounts and sessions flows, and what several
//! nodes over one database must agree on: records, tokens, sessions, the signing key, and
//! upload locks (one writer across nodes; a killed node's locks are freed).
//! The whole in-process suites also run here with SHOEBOX_TEST_DATABASE=postgres.
mod common;
use axum::http::StatusCode;
use common::*;
use serde_json::{json, Value};
use shoebox_core::api::MediaItem;
use shoebox_core::hash::sha256_hex;
use shoebox_server::accounts::signing::BlobKind;
use shoebox_server::accounts::{DeviceScope, Poll};
use shoebox_server::store::record::UploadId;
use shoebox_server::AppState;
use std::time::{Duration, Instant};

fn item(n: u64, filename: &str, album: Option<&str>, captured: Option<&str>) -> MediaItem {
    MediaItem {
        sha256: sha256_hex(&n.to_le_bytes()),
        filename: Some(filename.into()),
        album: album.map(str::to_string),
        size: 1000 + n,
        filetype: Some("image/jpeg".into()),
        captured_at: captured.map(str::to_string),
        uploaded_at: format!("2024-04-{:02}T10:00:00Z", 1 + n % 28),
        width: Some(4000),
        height: Some(3000),
        lat: Some(48.5),
        orientation: Some(6),
        ..MediaItem::default()
    }
}

/// A second "node": its own data folder and process state, the same database.
fn node(url: &str) -> (AppState, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut c = shoebox_server::config::ServerConfig::new(dir.path());
    c.database = Some(url.to_string());
    (AppState::open(c).unwrap(), dir)
}

#[tokio::test]
async fn the_index_on_postgres_inserts_dedups_pages_trashes_restores_and_purges() {
    let s = TestServer::postgres(|_| {});
    let idx = &s.state.index;
    let items: Vec<MediaItem> =
        (1..=7).map(|n| item(n, &format!("p{n}.jpg"), Some(if n % 2 == 0 { "Even" } else { "Odd" }), None)).collect();
    assert_eq!(idx.insert_many("alice", &items).unwrap(), 7);
    assert!(!idx.insert("alice", &items[0]).unwrap(), "the same content in the same album is one record");
    let mut elsewhere = items[0].clone();
    elsewhere.album = None;
    assert!(idx.insert("alice", &elsewhere).unwrap(), "in another album it is a record of its own");
    assert!(idx.has("alice", None, &items[2].sha256).unwrap());
    assert!(!idx.has("bob", None, &items[2].sha256).unwrap());
    assert!(idx.has("alice", Some("Odd"), &items[2].sha256).unwrap());
    assert!(!idx.has("alice", Some("Even"), &items[2].sha256).unwrap());
    assert_eq!(idx.used_bytes("alice").unwrap(), (1..=7).map(|n| 1000 + n).sum::<u64>(), "each content counted once");
    let got = idx.get("alice", None, &items[1].sha256).unwrap().unwrap();
    assert_eq!((got.width, got.lat, got.orientation, got.album.as_deref()), (Some(4000), Some(48.5), Some(6), Some("Even")));

    // Cursor paging, in upload order and by day taken.
    for order in ["upload", "taken"] {
        let (mut seen, mut cursor) = (Vec::new(), String::new());
        loop {
            let v = s.get(&format!("/api/v1/media?order={order}&limit=3{cursor}")).await.json();
            seen.extend(v["items"].as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap().to_string()));
            match v["next"].as_str() {
                Some(c) => cursor = format!("&cursor={}", c.replace('|', "%7C")),
                None => break,
            }
        }
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), 8, "{order}: every record once");
    }
    let v = s.get("/api/v1/media?order=taken&q=P3&tz=-300").await.json();
    assert_eq!(v["items"].as_array().unwrap().len(), 1, "search is case-insensitive: {v}");
    assert_eq!(v["items"][0]["day"], "2024-04-04", "10:00 UTC is 05:00 at -5 h, the same day");
    let v = s.get("/api/v1/media?order=taken&q=p3&tz=900").await.json();
    assert_eq!(v["items"][0]["day"], "2024-04-05", "10:00 UTC is past midnight at +15 h");

    // Dedup check, Trash, restore, summary, albums, purge.
    let c = s.send(post_json(ALICE, "/api/v1/media/check", json!({"sha256": [items[4].sha256, "f".repeat(64)]}))).await.json();
    assert_eq!(c["present"], json!([items[4].sha256]));
    let id = s.get("/api/v1/media?q=p5.jpg").await.json()["items"][0]["id"].as_str().unwrap().to_string();
    let r = s.send(post_json(ALICE, "/api/v1/media/trash", json!({"ids": [id, "999"]}))).await;
    assert_eq!(r.json(), json!({"trashed": 1}));
    let sum = s.get("/api/v1/media/summary").await.json();
    assert_eq!(sum["trashCount"], 1, "{sum}");
    assert_eq!(s.send(post_json(ALICE, "/api/v1/media/restore", json!({"ids": [id]}))).await.json(), json!({"restored": 1}));
    let albums = s.get("/api/v1/albums").await.json();
    let names: Vec<Value> = albums["albums"].as_array().unwrap().iter().map(|a| a["album"].clone()).collect();
    assert_eq!(names.len(), 3, "{albums}");
    let odd = albums["albums"].as_array().unwrap().iter().find(|a| a["album"] == "Odd").unwrap();
    assert_eq!(odd["count"], 4);
    assert!(odd["coverThumbUrl"].as_str().unwrap().contains(&items[6].sha256), "the newest record is the cover: {odd}");

    assert_eq!(idx.trash("alice", std::slice::from_ref(&id), "2024-01-01T00:00:00Z").unwrap(), 1);
    let st = s.state.clone();
    let p = tokio::task::spawn_blocking(move || {
        shoebox_server::background::purge::purge(&st.index, st.store.as_ref(), &st.blob_gate, 30, shoebox_server::timefmt::now_ms())
    })
    .await
    .unwrap()
    .unwrap();
    assert_eq!(p.records, 1);
    assert!(!idx.has("alice", None, &items[4].sha256).unwrap());
    assert_eq!(idx.contents().unwrap().len(), 6);
}

#[tokio::test]
async fn devices_pair_and_are_revoked_on_postgres() {
    let s = TestServer::postgres(|_| {});
    let a = &s.state.accounts;
    assert!(a.add_user("carol", Some(5_000), 1).unwrap());
    assert!(!a.add_user("carol", None, 2).unwrap(), "added once");
    assert_eq!(a.quota("carol").unwrap(), Some(5_000));
    assert!(a.set_quota("carol", None).unwrap());
    assert_eq!(a.quota("carol").unwrap(), None);
    let (device_code, code) = a.start_pairing("Chromebook", DeviceScope::Full, None, 10).unwrap();
    assert_eq!(a.poll(&device_code, 11).unwrap(), Poll::Pending);
    assert_eq!(a.pairing(&code.to_lowercase(), 12).unwrap().map(|p| p.0), Some("Chromebook".to_string()));
    assert!(a.approve(&code, "carol", 13).unwrap());
    let Poll::Approved { token, user } = a.poll(&device_code, 14).unwrap() else { panic!("approved") };
    assert_eq!(user, "carol");
    assert_eq!(a.poll(&device_code, 15).unwrap(), Poll::Gone, "the token is given once");
    let d = a.device_for(&token, 16).unwrap().expect("the token opens the device");
    assert_eq!(a.devices("carol").unwrap(), vec![d.clone()]);
    let r = s.get_as(&token, "/api/v1/account").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let new = a.rotate("carol", &d.id).unwrap().unwrap();
    assert!(a.device_for(&token, 17).unwrap().is_none() && a.device_for(&new, 17).unwrap().is_some());
    assert!(a.revoke("carol", &d.id).unwrap());
    assert_eq!(s.get_as(&new, "/api/v1/account").await.status, StatusCode::UNAUTHORIZED);
    assert!((0..10).all(|_| a.attempt("ip", 100).unwrap()));
    assert!(!a.attempt("ip", 100).unwrap(), "the eleventh try in the window is refused");
    assert!(a.remove_user("carol").unwrap());
    assert!(a.users().unwrap().iter().all(|u| u.name != "carol"));
}

#[tokio::test]
async fn kiosk_sessions_live_in_postgres() {
    let s = TestServer::postgres(|_| {});
    let sess = &s.state.sessions;
    let (token, v) = sess.create("shop", "alice", "Kiosk {date} {code}", "2026-12-01", 1_000, 60_000, 120_000).unwrap();
    assert_eq!(sess.lookup(&token, 2_000).unwrap().as_ref(), Some(&v));
    let phone = sess.link(&v).unwrap();
    assert_eq!(sess.lookup(&phone, 2_000).unwrap().unwrap().parent.as_deref(), Some(v.hash.as_str()));
    assert!(sess.lookup(&token, 61_000).unwrap().is_none(), "expired");
    assert_eq!(sess.end(&v.hash, false, 2_000).unwrap().len(), 2, "the visit and its phone link");
    assert!(sess.lookup(&phone, 2_000).unwrap().is_none());
    sess.create("shop", "alice", "K {code}", "d", 0, 10, 10).unwrap();
    assert_eq!(sess.sweep(100).unwrap(), 1);
}

#[tokio::test]
async fn two_nodes_share_records_tokens_sessions_and_the_signing_key() {
    let url = postgres::database();
    let ((a, _da), (b, _db)) = (node(&url), node(&url));
    assert!(a.default_token.is_some());
    assert_eq!(a.default_token, b.default_token, "one default token for every node");
    a.index.insert("default", &item(1, "one.jpg", None, None)).unwrap();
    assert!(b.index.has("default", None, &item(1, "", None, None).sha256).unwrap(), "B sees A's record");
    let (dev_token, _) = a.accounts.add_device("default", "phone", DeviceScope::Full, 1, None).unwrap();
    assert!(b.accounts.device_for(&dev_token, 2).unwrap().is_some(), "B accepts A's device token");
    let (visit, _) = b.sessions.create("shop", "default", "K {code}", "d", 1, 60_000, 60_000).unwrap();
    assert!(a.sessions.lookup(&visit, 2).unwrap().is_some(), "A knows B's visitor");
    let url_a = a.signer.url(BlobKind::Thumb, "default", &"a".repeat(64), None, 1_000);
    let q: std::collections::HashMap<&str, &str> =
        url_a.split_once('?').unwrap().1.split('&').filter_map(|kv| kv.split_once('=')).collect();
    assert!(
        b.signer.verify(BlobKind::Thumb, "default", &"a".repeat(64), q["e"].parse().unwrap(), None, q["s"], 1_000),
        "B checks A's URLs"
    );
    // Over HTTP too: B's router answers A's default token.
    let r = TestServer { app: shoebox_server::app(b.clone()), state: b.clone(), dir: tempfile::tempdir().unwrap() }
        .get_as(a.default_token.as_deref().unwrap(), "/api/v1/media")
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    // An operator's key still wins over the shared one.
    let dir = tempfile::tempdir().unwrap();
    let mut c = shoebox_server::config::ServerConfig::new(dir.path());
    (c.database, c.signing_key) = (Some(url.clone()), Some("an operator's own key".into()));
    let own = AppState::open(c).unwrap();
    assert_ne!(own.signer.url(BlobKind::Thumb, "default", &"a".repeat(64), None, 1_000), url_a);
}

#[tokio::test]
async fn an_upload_locked_on_one_node_is_locked_on_the_other_until_released() {
    let url = postgres::database();
    let ((a, _da), (b, _db)) = (node(&url), node(&url));
    let id = UploadId::random();
    let held = a.locks.try_lock(&id).expect("free at first");
    assert!(b.locks.try_lock(&id).is_none(), "held on node A");
    assert!(b.locks.lock_within(&id, Duration::from_millis(200)).await.is_none(), "still held after waiting");
    let other = UploadId::random();
    assert!(b.locks.try_lock(&other).is_some(), "other uploads are not affected");
    drop(held);
    let mut on_b = b.locks.try_lock(&id).expect("free once A's guard dropped");
    on_b.hasher = None;
    assert!(a.locks.try_lock(&id).is_none(), "now B holds it");
    drop(on_b);
    assert!(a.locks.lock_within(&id, Duration::from_secs(2)).await.is_some());
}

#[test]
fn a_lock_held_by_a_killed_server_is_freed() {
    let url = postgres::database();
    let dir = tempfile::tempdir().unwrap();
    let mut server = process::ServerProcess::start(dir.path(), &["--database", &url], &[]);
    let token = server.token.clone().expect("the default token");
    let mut h = http::tus_headers(&token);
    h.push(("Upload-Length", "1000".into()));
    let r = http::request(server.addr, "POST", "/files/", &h, &[]);
    assert_eq!(r.status, 201, "{}", r.text());
    let loc = r.h("location").unwrap().to_string();
    let id = UploadId::parse(loc.rsplit('/').next().unwrap()).unwrap();
    // A PATCH that sends 10 of its 1000 bytes and stalls: the server holds the upload's lock.
    let mut patch = std::net::TcpStream::connect(server.addr).unwrap();
    let mut ph = http::tus_headers(&token);
    ph.push(("Upload-Offset", "0".into()));
    ph.push(("Content-Type", "application/offset+octet-stream".into()));
    std::io::Write::write_all(&mut patch, &http::head_bytes("PATCH", &loc, &ph, Some(1000))).unwrap();
    std::io::Write::write_all(&mut patch, &[7u8; 10]).unwrap();
    let (other, _d) = node(&url);
    let deadline = Instant::now() + Duration::from_secs(10);
    while other.locks.try_lock(&id).is_some() {
        assert!(Instant::now() < deadline, "the stalled PATCH never took the lock");
        std::thread::sleep(Duration::from_millis(50));
    }
    server.kill9();
    // PostgreSQL sees the dead node's connection close and frees its session locks.
    let deadline = Instant::now() + Duration::from_secs(20);
    while other.locks.try_lock(&id).is_none() {
        assert!(Instant::now() < deadline, "the killed server's lock was never freed");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn backup_refuses_postgres_and_points_to_pg_dump() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(process::binary())
        .args(["--database", "postgres://nobody@127.0.0.1:1/none", "--data-dir"])
        .arg(dir.path())
        .args(["backup", "/tmp/never-written"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("pg_dump"), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn nodes_starting_at_once_migrate_once() {
    let url = postgres::database();
    let nodes: Vec<_> = (0..4)
        .map(|_| {
            std::thread::spawn({
                let u = url.clone();
                move || node(&u)
            })
        })
        .collect();
    let states: Vec<_> = nodes.into_iter().map(|t| t.join().expect("every node starts")).collect();
    let tokens: std::collections::HashSet<_> = states.iter().map(|(s, _)| s.default_token.clone()).collect();
    assert_eq!(tokens.len(), 1, "one default token, whoever made it");
}

/// The index is called directly inside async handlers: hundreds of calls in one task that
/// never yields must not stall (the calling task's tokio budget runs out after ~128 polls).
#[tokio::test]
async fn many_blocking_calls_in_one_async_task_never_stall() {
    let s = TestServer::postgres(|_| {});
    let items: Vec<MediaItem> = (0..300).map(|n| item(n, "x.jpg", None, None)).collect();
    for m in &items {
        assert!(s.state.index.insert("alice", m).unwrap());
    }
    assert!(items.iter().all(|m| s.state.index.has("alice", None, &m.sha256).unwrap()));
}

#[tokio::test]
async fn one_node_purges_at_a_time_and_quota_checks_take_turns_across_nodes() {
    let url = postgres::database();
    let ((a, _da), (b, _db)) = (node(&url), node(&url));
    let mut old = item(1, "old.jpg", None, None);
    old.trashed_at = Some("2020-01-01T00:00:00Z".into());
    b.index.insert("default", &old).unwrap();
    let purge = |s: AppState| {
        tokio::task::spawn_blocking(move || {
            shoebox_server::background::purge::purge(&s.index, s.store.as_ref(), &s.blob_gate, 30, shoebox_server::timefmt::now_ms())
                .unwrap()
        })
    };
    let held = a.pg.as_ref().unwrap().try_lock(shoebox_server::db::lock_key("shoebox:purge")).unwrap().expect("free");
    assert_eq!(purge(b.clone()).await.unwrap().records, 0, "node A is purging: B leaves it");
    drop(held);
    assert_eq!(purge(b.clone()).await.unwrap().records, 1);

    let gate = a.quota_gate.lock("alice").await.unwrap();
    let wait = tokio::time::timeout(Duration::from_millis(300), b.quota_gate.lock("alice")).await;
    assert!(wait.is_err(), "B waits while A checks alice's quota");
    assert!(b.quota_gate.lock("bob").await.is_ok(), "another user's check does not wait");
    drop(gate);
    assert!(tokio::time::timeout(Duration::from_secs(5), b.quota_gate.lock("alice")).await.is_ok());
}
