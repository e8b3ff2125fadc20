//! Users and devices: the `user` command's sign-in link, signing in a new device by approval
//! (single-use, expiring, rate-limited codes), listing, revoking (refused at once) and rotating
//! device tokens, upload-only tokens, and quotas refused at creation.
mod common;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;
use shoebox_server::accounts::{Accounts, DeviceScope, Poll, MAX_ATTEMPTS, PAIRING_TTL_MS};
use shoebox_server::commands::{run_on, Command, UserCommand};

fn json_post(token: Option<&str>, uri: &str, body: serde_json::Value) -> Request<Body> {
    let mut r = Request::post(uri).header("Content-Type", "application/json");
    if let Some(t) = token {
        r = r.header("Authorization", format!("Bearer {t}"));
    }
    r.body(Body::from(body.to_string())).unwrap()
}

fn empty_post(token: &str, uri: &str) -> Request<Body> {
    Request::post(uri).header("Authorization", format!("Bearer {token}")).body(Body::empty()).unwrap()
}

async fn pair(s: &TestServer, approver: &str, scope: &str) -> String {
    let start = s.send(json_post(None, "/api/v1/pair", serde_json::json!({"name": "Chromebook", "scope": scope}))).await;
    assert_eq!(start.status, StatusCode::CREATED, "{}", start.text());
    let j = start.json();
    let (device, code) = (j["deviceCode"].as_str().unwrap().to_string(), j["userCode"].as_str().unwrap().to_string());
    assert!(code.len() == 9 && code.as_bytes()[4] == b'-', "{code}");
    let poll = || json_post(None, "/api/v1/pair/poll", serde_json::json!({"deviceCode": device}));
    assert_eq!(s.send(poll()).await.status, StatusCode::PRECONDITION_REQUIRED, "pending until approved");
    let seen = s.get_as(approver, &format!("/api/v1/pair/{}", code.to_lowercase().replace('-', "%20"))).await;
    assert_eq!(seen.json()["name"], "Chromebook", "the approver sees what asks (codes read loosely)");
    assert_eq!(s.send(empty_post(approver, &format!("/api/v1/pair/{code}/approve"))).await.status, StatusCode::NO_CONTENT);
    let got = s.send(poll()).await;
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(s.send(poll()).await.status, StatusCode::NOT_FOUND, "the token is given once");
    got.json()["token"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn a_new_device_signs_in_by_approval_and_a_revoked_one_is_refused_at_once() {
    let s = TestServer::new();
    let token = pair(&s, ALICE, "full").await;
    assert_eq!(s.get_as(&token, "/api/v1/media").await.status, StatusCode::OK, "the new device's own token works");
    let devices = s.get_as(&token, "/api/v1/devices").await.json();
    let id = devices[0]["id"].as_str().unwrap().to_string();
    assert_eq!(devices[0]["name"], "Chromebook");
    // Rotate: the old token stops, the new one works.
    let rotated = s.send(empty_post(ALICE, &format!("/api/v1/devices/{id}/rotate"))).await.json()["token"].as_str().unwrap().to_string();
    assert_eq!(s.get_as(&token, "/api/v1/media").await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(s.get_as(&rotated, "/api/v1/media").await.status, StatusCode::OK);
    // Another user cannot see or revoke it.
    let del = |t: &str| {
        Request::delete(format!("/api/v1/devices/{id}")).header("Authorization", format!("Bearer {t}")).body(Body::empty()).unwrap()
    };
    assert_eq!(s.send(del(BOB)).await.status, StatusCode::NOT_FOUND);
    assert_eq!(s.send(del(ALICE)).await.status, StatusCode::NO_CONTENT);
    assert_eq!(s.get_as(&rotated, "/api/v1/media").await.status, StatusCode::UNAUTHORIZED, "refused at once");
}

#[tokio::test]
async fn an_upload_only_token_uploads_but_never_reads_the_library() {
    let s = TestServer::new();
    let token = pair(&s, ALICE, "upload").await;
    let c = s.create_as(&token, 10, &[]).await;
    assert_eq!(c.status, StatusCode::CREATED);
    for uri in ["/api/v1/media", "/api/v1/devices", &format!("/api/v1/media/{}", "a".repeat(64))] {
        assert_eq!(s.get_as(&token, uri).await.status, StatusCode::NOT_FOUND, "{uri}");
    }
    // Nor can it approve other devices.
    assert_eq!(s.send(empty_post(&token, "/api/v1/pair/ABCD-EFGH/approve")).await.status, StatusCode::NOT_FOUND);
    let devices = s.get_as(ALICE, "/api/v1/devices").await.json();
    assert_eq!(devices[0]["scope"], "upload");
    assert!(devices[0]["expiresAt"].is_string(), "upload-only tokens expire (an hour by default)");
}

#[test]
fn codes_are_single_use_expire_and_guesses_are_rate_limited() {
    let dir = tempfile::tempdir().unwrap();
    let a = Accounts::open(&dir.path().join("a.sqlite")).unwrap();
    let (device, code) = a.start_pairing("Kiosk", DeviceScope::Upload, Some(3_600_000), 1_000).unwrap();
    assert!(!a.approve(&code, "alice", 1_000 + PAIRING_TTL_MS).unwrap(), "expired codes cannot be approved");
    assert_eq!(a.poll(&device, 1_000 + PAIRING_TTL_MS).unwrap(), Poll::Gone);
    let (device, code) = a.start_pairing("Kiosk", DeviceScope::Upload, Some(3_600_000), 5_000).unwrap();
    assert!(a.approve(&code, "alice", 6_000).unwrap());
    assert!(!a.approve(&code, "bob", 6_000).unwrap(), "a code is approved once");
    assert!(matches!(a.poll(&device, 7_000).unwrap(), Poll::Approved { user, .. } if user == "alice"));
    for i in 0..MAX_ATTEMPTS {
        assert!(a.attempt("approve:mallory", 10_000 + i).unwrap());
    }
    assert!(!a.attempt("approve:mallory", 10_000 + MAX_ATTEMPTS).unwrap(), "the next guess is refused");
    assert!(a.attempt("approve:alice", 10_000).unwrap(), "others are not affected");
}

#[tokio::test]
async fn wrong_codes_are_counted_and_then_refused_with_429() {
    let s = TestServer::new();
    let mut last = StatusCode::OK;
    for _ in 0..=MAX_ATTEMPTS {
        last = s.send(empty_post(ALICE, "/api/v1/pair/ZZZZ-ZZZZ/approve")).await.status;
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn the_user_command_signs_in_a_first_device_sets_quotas_and_removes_users() {
    let s = TestServer::new();
    let dir = s.dir.path();
    let out = run_on(
        Command::User(UserCommand::Add { name: "carol".into(), quota: Some(5_000), url: "http://x".into() }),
        dir,
        s.state.config.database.as_deref(),
    )
    .unwrap();
    let token = s.sign_in_by_link(&out).await;
    assert_eq!(s.get_as(&token, "/api/v1/account").await.json(), serde_json::json!({"usedBytes": 0, "quotaBytes": 5000}));
    // Within the quota, then over it: refused at creation, with a clear reason.
    let photo = bytes(3_000, 1);
    let c = s.create_as(&token, photo.len() as u64, &[]).await;
    assert_eq!(c.status, StatusCode::CREATED);
    assert_eq!(s.patch_as(&token, &c.h("location").unwrap(), 0, &photo).await.status, StatusCode::NO_CONTENT);
    let over = s.create_as(&token, 3_000, &[]).await;
    assert_eq!(over.status, StatusCode::INSUFFICIENT_STORAGE);
    assert!(over.text().starts_with("storage is full: 3000 of 5000 bytes used"), "{}", over.text());
    assert_eq!(over.h("shoebox-error").as_deref(), Some("quota_full"), "the code beside the tus client's text");
    let list = run_on(Command::User(UserCommand::List), dir, s.state.config.database.as_deref()).unwrap();
    assert!(list.contains("carol\t5000\t3000\t1"), "{list}");
    assert!(run_on(
        Command::User(UserCommand::Add { name: "carol".into(), quota: None, url: "http://x".into() }),
        dir,
        s.state.config.database.as_deref()
    )
    .is_err());
    run_on(Command::User(UserCommand::Remove { name: "carol".into() }), dir, s.state.config.database.as_deref()).unwrap();
    assert_eq!(s.get_as(&token, "/api/v1/media").await.status, StatusCode::UNAUTHORIZED, "a removed user's devices are refused");
}

#[tokio::test]
async fn uploads_created_at_once_count_each_other_against_the_quota() {
    let s = TestServer::new();
    let out = run_on(
        Command::User(UserCommand::Add { name: "erin".into(), quota: Some(5_000), url: "http://x".into() }),
        s.dir.path(),
        s.state.config.database.as_deref(),
    )
    .unwrap();
    let token = s.sign_in_by_link(&out).await;
    assert_eq!(s.create_as(&token, 3_000, &[]).await.status, StatusCode::CREATED);
    assert_eq!(
        s.create_as(&token, 3_000, &[]).await.status,
        StatusCode::INSUFFICIENT_STORAGE,
        "the first, unfinished, already claims 3000"
    );
}
