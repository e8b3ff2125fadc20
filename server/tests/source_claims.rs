//! Claims the server cannot check, from callers who are not the account's owner. A
//! `sourceSha256` names the original of a downsized photo, bytes the server never sees: from a
//! kiosk visitor or an upload-only device it is dropped, so neither can make the owner's later
//! backup of those bytes count as already held (and never be sent). And a kiosk's drop album
//! must name the visit, or visits would share one album and see each other's photos.
mod common;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;
use shoebox_core::api::DeviceScope;
use shoebox_core::hash::sha256_hex;
use shoebox_server::accounts::Poll;
use shoebox_server::config::{Args, KioskProfile, ServerConfig};

const KEY: &str = "claims-kiosk-key-0123456789";

fn kiosk_server() -> TestServer {
    TestServer::with(|c| c.kiosks = vec![KioskProfile { name: "shop".into(), user: "alice".into(), key: KEY.into(), ..Default::default() }])
}

async fn visitor(s: &TestServer) -> String {
    let r =
        s.send(Request::post("/api/v1/kiosk/sessions").header("Authorization", format!("Bearer {KEY}")).body(Body::empty()).unwrap()).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    r.json()["token"].as_str().unwrap().to_string()
}

fn upload_device(s: &TestServer) -> String {
    let (a, now) = (&s.state.accounts, shoebox_server::timefmt::now_ms());
    let (device, code) = a.start_pairing("Kiosk", DeviceScope::Upload, Some(3_600_000), now).unwrap();
    assert!(a.approve(&code, "alice", now).unwrap());
    match a.poll(&device, now).unwrap() {
        Poll::Approved { token, .. } => token,
        other => panic!("{other:?}"),
    }
}

/// Uploads `bytes` as `token`, claiming `source` as the original's digest.
async fn upload_claiming(s: &TestServer, token: &str, bytes: &[u8], source: &str) {
    let sha = sha256_hex(bytes);
    let meta = [("filename", "x.jpg"), ("sha256", sha.as_str()), ("sourceSha256", source)];
    let r = s.create_as(token, bytes.len() as u64, &meta).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let done = s.patch_as(token, &r.h("location").unwrap(), 0, bytes).await;
    assert_eq!(done.status, StatusCode::NO_CONTENT, "{}", done.text());
}

/// The owner's view of `digest`: the dedup check, and a creation declaring it either way.
async fn owner_sees(s: &TestServer, digest: &str, len: u64) -> Vec<bool> {
    let check = s.send(post_json(ALICE, "/api/v1/media/check", serde_json::json!({"sha256": [digest]}))).await;
    let mut seen = vec![check.json()["present"].as_array().unwrap().iter().any(|d| d == digest)];
    for key in ["sha256", "sourceSha256"] {
        let r = s.create_as(ALICE, len, &[("filename", "mine.jpg"), (key, digest)]).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
        seen.push(r.h("upload-duplicate").is_some());
    }
    seen
}

#[tokio::test]
async fn a_visitor_or_an_upload_only_device_cannot_mark_the_owners_photo_as_held() {
    let s = kiosk_server();
    let original = bytes(50_000, 21);
    let d = sha256_hex(&original);
    let visitor = visitor(&s).await;
    upload_claiming(&s, &visitor, &bytes(10_000, 31), &d).await;
    let device = upload_device(&s);
    upload_claiming(&s, &device, &bytes(10_000, 41), &d).await;
    assert_eq!(owner_sees(&s, &d, original.len() as u64).await, vec![false; 3], "the owner's photo is still to be sent");
    // The owner's own claim is taken (a downsized photo from the owner's own browser).
    upload_claiming(&s, ALICE, &bytes(10_000, 51), &d).await;
    assert_eq!(owner_sees(&s, &d, original.len() as u64).await[..2], [true, true]);
}

fn config_with(args: &[&str]) -> Result<ServerConfig, String> {
    use clap::Parser;
    let mut all = vec!["shoebox-server"];
    all.extend_from_slice(args);
    ServerConfig::from_args(Args::try_parse_from(all).unwrap())
}

#[test]
fn a_drop_album_without_the_visits_code_is_refused_at_start() {
    let err = config_with(&["--kiosk-album", "Lab {date}"]).unwrap_err();
    assert!(err.contains("--kiosk-album") && err.contains("{code}"), "{err}");
    assert!(config_with(&["--kiosk-album", "Lab {date} {visitor}"]).is_ok());
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kiosks.json");
    std::fs::write(&file, r#"[{"name": "lab", "user": "alice", "key": "lab-key-0123456789abc", "album": "Lab"}]"#).unwrap();
    let err = config_with(&["--kiosk-config", file.to_str().unwrap()]).unwrap_err();
    assert!(err.contains("\"lab\"") && err.contains("{code}"), "{err}");
}
