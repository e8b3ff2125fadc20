//! Large files hashed while they upload: `Shoebox-Sha256` declared on a PATCH (checked at
//! completion like a `sha256` declared at creation, kept across requests, refused when
//! malformed or contradicting) and probes in `POST /api/v1/media/check` (matching only the
//! asker's own content of that size).
mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;
use shoebox_core::hash::sha256_hex;

async fn patch_declaring(s: &TestServer, loc: &str, offset: u64, bytes: &[u8], sha: &str) -> Resp {
    let req = s
        .tus(axum::http::Method::PATCH, loc)
        .header("Upload-Offset", offset)
        .header("Content-Type", "application/offset+octet-stream")
        .header("Shoebox-Sha256", sha)
        .body(Body::from(bytes.to_vec()))
        .unwrap();
    s.send(req).await
}

#[tokio::test]
async fn a_hash_declared_on_the_last_patch_is_checked_against_the_stored_bytes() {
    let s = TestServer::new();
    let data = bytes(300_000, 7);
    let sha = sha256_hex(&data);
    let loc = s.create(data.len() as u64, &[("filename", "clip.mp4")]).await;
    assert_eq!(s.patch(&loc, 0, &data[..100_000]).await.status, StatusCode::NO_CONTENT);
    let r = patch_declaring(&s, &loc, 100_000, &data[100_000..], &sha).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    let stored = items(&s, ALICE).await;
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0]["sha256"], sha.as_str());

    // A wrong declaration: 422 and nothing stored.
    let other = bytes(200_000, 8);
    let loc = s.create(other.len() as u64, &[("filename", "b.mp4")]).await;
    let r = patch_declaring(&s, &loc, 0, &other, &sha256_hex(b"something else")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text());
    assert_eq!(items(&s, ALICE).await.len(), 1);
    assert_eq!(s.head(&loc).await.status, StatusCode::NOT_FOUND, "the upload was discarded");
}

#[tokio::test]
async fn a_hash_declared_early_is_kept_for_the_completion() {
    let s = TestServer::new();
    let data = bytes(200_000, 9);
    let loc = s.create(data.len() as u64, &[("filename", "c.mp4")]).await;
    // Declared (wrongly) on the first PATCH, nothing on the last: still checked.
    let r = patch_declaring(&s, &loc, 0, &data[..50_000], &sha256_hex(b"not these bytes")).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    let r = s.patch(&loc, 50_000, &data[50_000..]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text());
    assert!(items(&s, ALICE).await.is_empty());
}

#[tokio::test]
async fn a_malformed_or_contradicting_declaration_is_refused_and_loses_nothing() {
    let s = TestServer::new();
    let data = bytes(100_000, 10);
    let sha = sha256_hex(&data);
    let loc = s.create(data.len() as u64, &[("filename", "d.mp4"), ("sha256", &sha)]).await;
    for bad in ["XYZ", &sha.to_ascii_uppercase(), &sha[..63]] {
        let r = patch_declaring(&s, &loc, 0, &data, bad).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{bad}: {}", r.text());
    }
    let r = patch_declaring(&s, &loc, 0, &data, &sha256_hex(b"other")).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "contradicts the creation's sha256: {}", r.text());
    assert!(r.text().contains("differs"), "{}", r.text());
    assert_eq!(s.head(&loc).await.h("upload-offset").as_deref(), Some("0"), "no byte was taken");
    let r = patch_declaring(&s, &loc, 0, &data, &sha).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "the same digest again is fine: {}", r.text());
    assert_eq!(items(&s, ALICE).await.len(), 1);
}

#[tokio::test]
async fn probes_match_only_the_askers_own_content_of_that_size() {
    let s = TestServer::new();
    let data = bytes(3 * 1024 * 1024 + 17, 11);
    s.upload(&data, 1024 * 1024, &[("filename", "e.mp4")]).await;
    let ask = |token: &'static str, size: usize, p: String| {
        let body = serde_json::json!({"sha256": [], "probes": [{"size": size, "probe": p}]});
        s.send(post_json(token, "/api/v1/media/check", body))
    };
    let mine = ask(ALICE, data.len(), probe(&data)).await;
    assert_eq!(mine.status, StatusCode::OK, "{}", mine.text());
    assert_eq!(mine.json()["probable"], serde_json::json!([probe(&data)]));
    // Made once from the stored bytes, then read from the index: the same answer again.
    assert_eq!(ask(ALICE, data.len(), probe(&data)).await.json()["probable"], serde_json::json!([probe(&data)]));
    // Another size, another user, a changed tail: no match.
    assert!(ask(ALICE, data.len() + 1, probe(&data)).await.json().get("probable").is_none());
    assert!(ask(BOB, data.len(), probe(&data)).await.json().get("probable").is_none(), "bob never learns what alice has");
    let mut changed = data.clone();
    *changed.last_mut().unwrap() ^= 1;
    assert!(ask(ALICE, data.len(), probe(&changed)).await.json().get("probable").is_none());
    // Nobody: refused. A malformed probe: 400 naming it.
    let body = serde_json::json!({"sha256": [], "probes": [{"size": 1, "probe": probe(&data)}]});
    let r = s
        .send(Request::post("/api/v1/media/check").header("Content-Type", "application/json").body(Body::from(body.to_string())).unwrap())
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let r = ask(ALICE, 5, "nothex".into()).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.text().contains("nothex"), "{}", r.text());
}

#[tokio::test]
async fn the_config_says_the_server_takes_probes() {
    let s = TestServer::new();
    assert_eq!(s.get("/api/v1/config").await.json()["probe"], true);
}
