//! Who may call what, and what bad input gets: tokens (401), per-user isolation (404), names
//! stored as data, metadata refused with a clear 400, API paths never served the app; metrics.
mod common;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use common::*;
use shoebox_core::hash::sha256_hex;

#[tokio::test]
async fn metrics_count_requests_bytes_completions_and_dedup() {
    let s = TestServer::new();
    let data = bytes(50_000, 5);
    s.upload(&data, 10_000, &[]).await;
    s.create_as(ALICE, 50_000, &[("sha256", &sha256_hex(&data))]).await;
    let text = s.get("/metrics").await.text();
    assert_eq!(metric_value(&text, "shoebox_http_requests_total{method=\"PATCH\",status=\"204\"}"), 5.0);
    assert_eq!(metric_value(&text, "shoebox_http_requests_total{method=\"POST\",status=\"201\"}"), 2.0);
    assert_eq!(metric_value(&text, "shoebox_received_bytes_total"), 50_000.0);
    assert_eq!(metric_value(&text, "shoebox_uploads_completed_total"), 1.0);
    assert_eq!(metric_value(&text, "shoebox_uploads_deduplicated_total"), 1.0);
    assert!(text.contains("# TYPE shoebox_http_requests_total counter"));
}

#[tokio::test]
async fn requests_without_a_valid_token_are_401() {
    let s = TestServer::new();
    let loc = s.create(3, &[]).await;
    for token in [None, Some("wrong-token-123"), Some("")] {
        let with = |b: axum::http::request::Builder| match token {
            Some(t) => b.header("Authorization", format!("Bearer {t}")),
            None => b,
        };
        let reqs = vec![
            with(Request::post("/files/").header("Tus-Resumable", "1.0.0").header("Upload-Length", "3")).body(Body::empty()).unwrap(),
            with(Request::head(&loc).header("Tus-Resumable", "1.0.0")).body(Body::empty()).unwrap(),
            with(
                Request::patch(&loc)
                    .header("Tus-Resumable", "1.0.0")
                    .header("Upload-Offset", "0")
                    .header("Content-Type", "application/offset+octet-stream"),
            )
            .body(Body::from("abc"))
            .unwrap(),
            with(Request::delete(&loc).header("Tus-Resumable", "1.0.0")).body(Body::empty()).unwrap(),
            with(Request::get("/api/v1/config")).body(Body::empty()).unwrap(),
            with(Request::get("/api/v1/media")).body(Body::empty()).unwrap(),
            with(Request::post("/api/v1/media/check")).body(Body::from("{\"sha256\":[]}")).unwrap(),
        ];
        for req in reqs {
            let what = format!("{} {}", req.method(), req.uri());
            let r = s.send(req).await;
            assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{what} with {token:?}");
        }
    }
    // Nothing reached storage: the upload is untouched.
    assert_eq!(s.head(&loc).await.h("upload-offset").as_deref(), Some("0"));
    // Preflights need no token.
    let r = s.send(Request::options(&loc).body(Body::empty()).unwrap()).await;
    assert!(r.status.is_success());
}

#[tokio::test]
async fn another_users_uploads_and_media_are_404() {
    let s = TestServer::new();
    let loc = s.create(6, &[]).await;
    s.patch(&loc, 0, b"abc").await;
    assert_eq!(s.head_as(BOB, &loc).await.status, StatusCode::NOT_FOUND);
    assert_eq!(s.patch_as(BOB, &loc, 3, b"def").await.status, StatusCode::NOT_FOUND);
    let del = Request::delete(&loc)
        .header("Authorization", format!("Bearer {BOB}"))
        .header("Tus-Resumable", "1.0.0")
        .body(Body::empty())
        .unwrap();
    assert_eq!(s.send(del).await.status, StatusCode::NOT_FOUND);
    assert_eq!(s.head(&loc).await.h("upload-offset").as_deref(), Some("3"));
    // Bob cannot use Alice's parts in a final either.
    let r = s
        .send(
            Request::post("/files/")
                .header("Authorization", format!("Bearer {BOB}"))
                .header("Tus-Resumable", "1.0.0")
                .header("Upload-Concat", format!("final;{loc}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    s.patch(&loc, 3, b"def").await;
    let sha = sha256_hex(b"abcdef");
    assert_eq!(s.get_as(BOB, &format!("/api/v1/media/{sha}")).await.status, StatusCode::NOT_FOUND);
    assert!(items(&s, BOB).await.is_empty());
    // Declaring Alice's digest does not make Bob's upload a duplicate.
    assert_eq!(s.create_as(BOB, 6, &[("sha256", &sha)]).await.h("upload-duplicate"), None);
}

#[tokio::test]
async fn path_like_names_are_stored_as_data() {
    let s = TestServer::new();
    let names = ["../../../../etc/passwd", "/absolute/name.jpg", "a/../../b.jpg", "..", "C:\\Windows\\x.jpg", "名前 with spaces.jpg"];
    for (i, n) in names.iter().enumerate() {
        let body = format!("content {i}");
        s.upload(body.as_bytes(), 100, &[("filename", n), ("relativePath", n)]).await;
    }
    let got: Vec<String> = items(&s, ALICE).await.iter().map(|i| i["filename"].as_str().unwrap().to_string()).collect();
    assert_eq!(got, names);
    // Everything stayed inside the data folder, named by ids and digests only.
    for p in files_under(s.dir.path()) {
        let name = p.file_name().unwrap().to_str().unwrap().to_string();
        assert!(name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-' || b == b'_'), "{p:?}");
    }
}

#[tokio::test]
async fn bad_metadata_gets_a_clear_400() {
    let s = TestServer::new();
    let long = "x".repeat(5000);
    let cases: Vec<(String, &str)> = vec![
        ("filename !!!notbase64".into(), "base64"),
        (shoebox_core::tus::encode_metadata([("filename", Some("a\0b.jpg"))]), "control"),
        (shoebox_core::tus::encode_metadata([("filename", Some(long.as_str()))]), "longer"),
        (shoebox_core::tus::encode_metadata([("sha256", Some("NOT-HEX"))]), "hex"),
        (format!("filename {}", "QUFB".repeat(6000)), "longer"),
    ];
    for (md, why) in cases {
        let r = s
            .send(s.tus(Method::POST, "/files/").header("Upload-Length", "3").header("Upload-Metadata", md).body(Body::empty()).unwrap())
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{why}");
        assert!(r.text().contains(why), "{why}: {}", r.text());
    }
    assert!(s.stored("uploads").is_empty());
}

#[tokio::test]
async fn api_paths_never_fall_back_to_the_app() {
    let app_dir = tempfile::tempdir().unwrap();
    std::fs::write(app_dir.path().join("index.html"), "<html>app</html>").unwrap();
    std::fs::write(app_dir.path().join("shoebox_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(app_dir.path().join("shoebox.js"), "export default 1;").unwrap();
    let p = app_dir.path().to_path_buf();
    let s = TestServer::with(move |c| c.app_dir = Some(p));
    let r = s.send(Request::get("/").body(Body::empty()).unwrap()).await;
    assert_eq!((r.status, r.text().as_str()), (StatusCode::OK, "<html>app</html>"));
    let r = s.send(Request::get("/some/client/route?token=abc").body(Body::empty()).unwrap()).await;
    assert_eq!((r.status, r.text().as_str()), (StatusCode::OK, "<html>app</html>"));
    let r = s.send(Request::get("/shoebox_bg.wasm").body(Body::empty()).unwrap()).await;
    assert_eq!(r.h("content-type").as_deref(), Some("application/wasm"));
    let r = s.send(Request::get("/shoebox.js").body(Body::empty()).unwrap()).await;
    assert!(r.h("content-type").unwrap().contains("javascript"));
    assert_eq!(s.get("/api/v1/nothing").await.status, StatusCode::NOT_FOUND);
    assert_eq!(s.get("/files/x/y").await.status, StatusCode::NOT_FOUND);
}
