//! Attacks on the promises of who may send and see what, each asserting the refusal: quotas
//! and kiosk limits on every path a length becomes known by (deferred lengths, partial uploads
//! and their final), no oracle in a visitor's answers, and a visit that ends completely (its
//! running PATCHes, its signed URLs, and by itself when nothing happens). Runs over SQLite +
//! disk and, in the scale-out suite, over PostgreSQL + S3.
mod common;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use common::*;
use shoebox_core::hash::sha256_hex;
use shoebox_core::tus::encode_metadata;
use shoebox_server::config::KioskProfile;

const KEY: &str = "trust-kiosk-key-0123456789";

fn server(idle_seconds: u64, grace_ms: u64) -> TestServer {
    TestServer::with(|c| {
        c.kiosks = vec![KioskProfile {
            name: "shop".into(),
            user: "alice".into(),
            key: KEY.into(),
            idle_seconds: Some(idle_seconds),
            limits: Some("seed".into()),
            ..Default::default()
        }];
        c.kiosk_idle_grace = std::time::Duration::from_millis(grace_ms);
    })
}

fn quota(s: &TestServer, user: &str, bytes: u64) {
    let _ = s.state.accounts.add_user(user, Some(bytes), 0);
    s.state.accounts.set_quota(user, Some(bytes)).unwrap();
}

async fn visit(s: &TestServer) -> serde_json::Value {
    let r =
        s.send(Request::post("/api/v1/kiosk/sessions").header("Authorization", format!("Bearer {KEY}")).body(Body::empty()).unwrap()).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    r.json()
}

fn token(v: &serde_json::Value) -> String {
    v["token"].as_str().unwrap().to_string()
}

/// A creation with `Upload-Defer-Length: 1` (or the given extra headers) as `token`.
async fn create_with(s: &TestServer, token: &str, headers: &[(&str, String)], meta: &[(&str, &str)]) -> Resp {
    let mut b = Request::post("/files/").header("Authorization", format!("Bearer {token}")).header("Tus-Resumable", "1.0.0");
    for (k, v) in headers {
        b = b.header(*k, v);
    }
    let md = encode_metadata(meta.iter().map(|(k, v)| (*k, Some(*v))));
    if !md.is_empty() {
        b = b.header("Upload-Metadata", md);
    }
    s.send(b.body(Body::empty()).unwrap()).await
}

async fn patch_declaring(s: &TestServer, token: &str, loc: &str, offset: u64, bytes: &[u8], length: Option<u64>) -> Resp {
    let mut b = Request::patch(loc)
        .header("Authorization", format!("Bearer {token}"))
        .header("Tus-Resumable", "1.0.0")
        .header("Upload-Offset", offset)
        .header("Content-Type", "application/offset+octet-stream");
    if let Some(l) = length {
        b = b.header("Upload-Length", l);
    }
    s.send(b.body(Body::from(bytes.to_vec())).unwrap()).await
}

async fn used(s: &TestServer) -> u64 {
    s.get("/api/v1/account").await.json()["usedBytes"].as_u64().unwrap()
}

#[tokio::test]
async fn a_deferred_length_cannot_pass_the_quota_declared_late_or_never() {
    let s = server(120, 15_000);
    quota(&s, "alice", 100_000);
    let defer = [("Upload-Defer-Length", "1".to_string())];
    // Declared with the bytes: judged then, nothing stored.
    let loc = create_with(&s, ALICE, &defer, &[]).await.h("location").unwrap();
    let r = patch_declaring(&s, ALICE, &loc, 0, &bytes(300_000, 1), Some(300_000)).await;
    assert_eq!(r.status, StatusCode::INSUFFICIENT_STORAGE, "{}", r.text());
    assert_eq!(used(&s).await, 0);
    // Never declared: the bytes themselves are judged as they come.
    let loc = create_with(&s, ALICE, &defer, &[]).await.h("location").unwrap();
    let r = patch_declaring(&s, ALICE, &loc, 0, &bytes(300_000, 2), None).await;
    assert_eq!(r.status, StatusCode::INSUFFICIENT_STORAGE, "{}", r.text());
    assert_eq!(s.head(&loc).await.h("upload-offset").as_deref(), Some("0"));
    // Within the quota it still works, and what arrived counts while the length is open.
    let r = patch_declaring(&s, ALICE, &loc, 0, &bytes(40_000, 3), None).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    assert_eq!(used(&s).await, 40_000);
}

#[tokio::test]
async fn finished_partial_uploads_count_and_their_final_cannot_pass_the_quota() {
    let s = server(120, 15_000);
    quota(&s, "alice", 100_000);
    let partial = |n: u64| [("Upload-Concat", "partial".to_string()), ("Upload-Length", n.to_string())];
    let a = create_with(&s, ALICE, &partial(80_000), &[]).await.h("location").unwrap();
    assert_eq!(s.patch(&a, 0, &bytes(80_000, 4)).await.status, StatusCode::NO_CONTENT);
    assert_eq!(used(&s).await, 80_000, "a finished part counts while it exists");
    let r = create_with(&s, ALICE, &partial(80_000), &[]).await;
    assert_eq!(r.status, StatusCode::INSUFFICIENT_STORAGE, "{}", r.text());
    // A final over parts that fit stays within it.
    let fin = [("Upload-Concat", format!("final;{a}"))];
    assert_eq!(create_with(&s, ALICE, &fin, &[]).await.status, StatusCode::CREATED);
    assert_eq!(used(&s).await, 80_000);
}

#[tokio::test]
async fn a_kiosk_limit_holds_for_deferred_lengths_and_follows_the_bytes_not_the_declared_type() {
    let s = server(120, 15_000);
    let t = token(&visit(&s).await);
    const MB80: u64 = 80_000_000;
    // Declared late, over the photo limit (seed: 75 MB).
    let defer = [("Upload-Defer-Length", "1".to_string())];
    let loc = create_with(&s, &t, &defer, &[("filename", "big.jpg"), ("filetype", "image/jpeg")]).await.h("location").unwrap();
    let r = patch_declaring(&s, &t, &loc, 0, b"", Some(MB80)).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.text());
    // A photo's name declared as a video does not get the video limit.
    let r = s.create_as(&t, MB80, &[("filename", "big.jpg"), ("filetype", "video/mp4")]).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.text());
    // Named and declared a video, but the bytes are a JPEG: refused when they are judged.
    let mut jpeg = photo_head();
    jpeg.resize(MB80 as usize, 7);
    let r = s.create_as(&t, MB80, &[("filename", "clip.mp4"), ("filetype", "video/mp4")]).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let loc = r.h("location").unwrap();
    let r = s.patch_as(&t, &loc, 0, &jpeg).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.text());
    assert!(s.get("/api/v1/media").await.json()["items"].as_array().unwrap().is_empty(), "nothing stored");
    assert_eq!(s.head_as(&t, &loc).await.status, StatusCode::NOT_FOUND, "the upload is gone");
}

/// The first bytes of a JPEG (enough for the sniffer).
fn photo_head() -> Vec<u8> {
    let mut b = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10];
    b.extend_from_slice(b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
    b
}

#[tokio::test]
async fn a_visitor_cannot_learn_what_the_operator_holds_from_dedup_or_storage_answers() {
    let s = server(120, 15_000);
    let private = bytes(30_000, 9);
    s.upload(&private, 1 << 20, &[("filename", "private.jpg"), ("album", "Private")]).await;
    quota(&s, "alice", 60_000);
    let t = token(&visit(&s).await);
    // Declaring the operator's photo and declaring an unknown digest: the same answers.
    let mut answers = Vec::new();
    for sha in [sha256_hex(&private), sha256_hex(b"nobody has this")] {
        let first = s.create_as(&t, 20_000, &[("filename", "x.jpg"), ("sha256", &sha)]).await;
        assert_eq!(first.status, StatusCode::CREATED, "{}", first.text());
        assert_eq!(first.h("upload-duplicate"), None, "dedup stays inside the drop");
        let full = s.create_as(&t, 20_000, &[("filename", "y.jpg")]).await;
        assert_eq!(full.h("shoebox-error").as_deref(), Some("kiosk_full"), "a visitor's code names the kiosk, not the quota");
        answers.push((full.status, full.text()));
        // End the probe: the next round starts from the same usage.
        let loc = first.h("location").unwrap();
        s.send(
            Request::delete(&loc)
                .header("Authorization", format!("Bearer {t}"))
                .header("Tus-Resumable", "1.0.0")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    }
    assert_eq!(answers[0], answers[1]);
    assert_eq!(answers[0].0, StatusCode::INSUFFICIENT_STORAGE);
    assert!(!answers[0].1.chars().any(|c| c.is_ascii_digit()), "no figures of the operator's storage: {}", answers[0].1);
    let check = s.send(post_json(&t, "/api/v1/media/check", serde_json::json!({"sha256": [sha256_hex(&private)]}))).await;
    assert_eq!(check.json()["present"], serde_json::json!([]));
}

fn end(token: &str, keep: bool) -> Request<Body> {
    let q = if keep { "?keepUploads=1" } else { "" };
    Request::delete(format!("/api/v1/kiosk/sessions/current{q}"))
        .header("Authorization", format!("Bearer {token}"))
        .body(Body::empty())
        .unwrap()
}

/// A PATCH whose body arrives in two halves, with `between` run after the first.
async fn patch_in_two<F: std::future::Future<Output = ()>>(s: &TestServer, token: &str, loc: &str, data: &[u8], between: F) -> Resp {
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<bytes::Bytes, std::io::Error>>(4);
    let body = Body::from_stream(futures_util::stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|x| (x, rx)) }));
    let req = Request::patch(loc)
        .header("Authorization", format!("Bearer {token}"))
        .header("Tus-Resumable", "1.0.0")
        .header("Upload-Offset", 0)
        .header("Content-Type", "application/offset+octet-stream")
        .body(body)
        .unwrap();
    let app = s.app.clone();
    let sent = tokio::spawn(async move { tower::ServiceExt::oneshot(app, req).await.unwrap() });
    let (a, b) = data.split_at(data.len() / 2);
    tx.send(Ok(bytes::Bytes::copy_from_slice(a))).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    between.await;
    // Past the check interval: the running body looks at its visit again.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let _ = tx.send(Ok(bytes::Bytes::copy_from_slice(b))).await;
    drop(tx);
    let res = sent.await.unwrap();
    let (parts, body) = res.into_parts();
    let body = http_body_util::BodyExt::collect(body).await.unwrap().to_bytes().to_vec();
    Resp { status: parts.status, headers: parts.headers, body }
}

#[tokio::test]
async fn finish_stops_a_patch_that_is_still_arriving_and_nothing_of_it_is_stored() {
    let s = server(120, 15_000);
    let t = token(&visit(&s).await);
    let data = bytes(64_000, 11);
    let loc = s.create_as(&t, data.len() as u64, &[("filename", "late.jpg")]).await.h("location").unwrap();
    let r = patch_in_two(&s, &t, &loc, &data, async {
        assert_eq!(s.send(end(&t, false)).await.status, StatusCode::NO_CONTENT);
    })
    .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.text());
    assert!(s.get("/api/v1/media").await.json()["items"].as_array().unwrap().is_empty(), "nothing of the visit stored");
    assert_eq!(s.head(&loc).await.status, StatusCode::NOT_FOUND, "the upload was ended");
}

#[tokio::test]
async fn let_my_uploads_finish_lets_only_running_uploads_finish() {
    let s = server(120, 15_000);
    let t = token(&visit(&s).await);
    let data = bytes(64_000, 12);
    let loc = s.create_as(&t, data.len() as u64, &[("filename", "kept.jpg")]).await.h("location").unwrap();
    let r = patch_in_two(&s, &t, &loc, &data, async {
        assert_eq!(s.send(end(&t, true)).await.status, StatusCode::NO_CONTENT);
    })
    .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    assert_eq!(s.get("/api/v1/media").await.json()["items"].as_array().unwrap().len(), 1);
    // Nothing else: no new upload, no listing, no session answer.
    assert_eq!(s.create_as(&t, 10, &[("filename", "new.jpg")]).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(s.get_as(&t, "/api/v1/media").await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(s.get_as(&t, "/api/v1/kiosk/sessions/current").await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_visitors_signed_urls_stop_with_the_visit_and_are_never_cached() {
    let s = server(120, 15_000);
    let v = visit(&s).await;
    let t = token(&v);
    let data = bytes(5_000, 13);
    let loc = s.create_as(&t, data.len() as u64, &[("filename", "mine.jpg")]).await.h("location").unwrap();
    assert_eq!(s.patch_as(&t, &loc, 0, &data).await.status, StatusCode::NO_CONTENT);
    let item = s.get_as(&t, "/api/v1/media").await.json()["items"][0].clone();
    let url = item["originalUrl"].as_str().unwrap().to_string();
    assert!(url.contains("&v="), "bound to the visit: {url}");
    let r = s.send(Request::get(&url).body(Body::empty()).unwrap()).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.h("cache-control").as_deref(), Some("no-store"));
    // The binding cannot be stripped or moved to another visit.
    let stripped = url.split("&v=").next().unwrap().to_string() + "&s=" + url.rsplit("&s=").next().unwrap();
    assert_eq!(s.send(Request::get(&stripped).body(Body::empty()).unwrap()).await.status, StatusCode::FORBIDDEN);
    assert_eq!(s.send(end(&t, false)).await.status, StatusCode::NO_CONTENT);
    let r = s.send(Request::get(&url).body(Body::empty()).unwrap()).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "the visit is over");
}

#[tokio::test]
async fn a_quiet_visit_ends_by_itself_and_takes_its_unfinished_uploads() {
    let s = server(1, 0);
    let v = visit(&s).await;
    let t = token(&v);
    let loc = s.create_as(&t, 1_000, &[("filename", "abandoned.jpg")]).await.h("location").unwrap();
    assert_eq!(s.patch_as(&t, &loc, 0, &bytes(500, 14)).await.status, StatusCode::NO_CONTENT);
    // Polling is not activity: the visit still ends.
    for _ in 0..3 {
        tokio::time::sleep(std::time::Duration::from_millis(400)).await;
        let _ = s.get_as(&t, "/api/v1/kiosk/sessions/current").await;
    }
    assert_eq!(s.get_as(&t, "/api/v1/kiosk/sessions/current").await.status, StatusCode::UNAUTHORIZED);
    shoebox_server::background::reaper::sweep(&s.state).unwrap();
    assert_eq!(s.head(&loc).await.status, StatusCode::NOT_FOUND, "the reaper ended the upload");
}

#[tokio::test]
async fn activity_and_bytes_keep_a_visit_alive_and_the_answer_says_so() {
    let s = server(2, 0);
    let v = visit(&s).await;
    let t = token(&v);
    let cur = s.get_as(&t, "/api/v1/kiosk/sessions/current").await.json();
    assert!(cur["expiresAt"].as_str().unwrap() > "2020", "a real expiry: {cur}");
    assert_eq!(cur["uploadsMoving"], false);
    // A phone link's bytes keep the whole visit alive.
    let phone = s.send(post_json(&t, "/api/v1/kiosk/sessions/current/phone", serde_json::json!({}))).await.json()["token"]
        .as_str()
        .unwrap()
        .to_string();
    let data = bytes(4_000, 15);
    let loc = s.create_as(&phone, data.len() as u64, &[("filename", "from-phone.jpg")]).await.h("location").unwrap();
    for i in 0..4u64 {
        tokio::time::sleep(std::time::Duration::from_millis(900)).await;
        let r = s.patch_as(&phone, &loc, i * 1_000, &data[(i * 1_000) as usize..((i + 1) * 1_000) as usize]).await;
        assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
        if i == 1 {
            assert_eq!(s.get_as(&t, "/api/v1/kiosk/sessions/current").await.json()["uploadsMoving"], true);
        }
    }
    // The visitor's own touches keep it alive too.
    for _ in 0..3 {
        tokio::time::sleep(std::time::Duration::from_millis(900)).await;
        assert_eq!(
            s.send(post_json(&t, "/api/v1/kiosk/sessions/current/activity", serde_json::json!({}))).await.status,
            StatusCode::NO_CONTENT
        );
    }
    assert_eq!(s.get_as(&t, "/api/v1/kiosk/sessions/current").await.status, StatusCode::OK);
    assert_eq!(s.get("/api/v1/media").await.json()["items"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn config_tells_each_token_what_it_may_do() {
    let s = server(120, 15_000);
    let t = token(&visit(&s).await);
    assert_eq!(
        s.get_as(&t, "/api/v1/config").await.json()["access"],
        serde_json::json!({"scope": "visitor", "library": false, "thumbnails": false})
    );
    let full = s.get("/api/v1/config").await;
    assert_eq!(full.json()["access"], serde_json::json!({"scope": "full", "library": true, "thumbnails": true}));
    // No API answer is ever sniffed into another type.
    assert_eq!(full.h("x-content-type-options").as_deref(), Some("nosniff"));
    let _ = Method::GET;
}

#[tokio::test]
async fn visits_per_kiosk_key_are_rate_limited() {
    let s = server(120, 15_000);
    let start = || Request::post("/api/v1/kiosk/sessions").header("Authorization", format!("Bearer {KEY}")).body(Body::empty()).unwrap();
    for _ in 0..shoebox_server::routes::kiosk::VISITS_PER_CLIENT {
        assert_eq!(s.send(start()).await.status, StatusCode::CREATED);
    }
    let r = s.send(start()).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "{}", r.text());
    // The operator's own token is not held up by it.
    assert_eq!(s.get("/api/v1/media").await.status, StatusCode::OK);
}
