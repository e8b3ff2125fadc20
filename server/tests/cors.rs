//! CORS for pages on other origins: preflights on upload URLs, the server's own origin and `*`,
//! and tus discovery (OPTIONS) from a page still gets the tus headers.
mod common;
use axum::body::Body;
use axum::http::{Method, Request};
use common::*;

#[tokio::test]
async fn cors_preflight_on_upload_urls_from_allowed_origins() {
    let s = TestServer::with(|c| c.cors_origins = vec!["https://photos.example".into()]);
    let loc = s.create(3, &[]).await;
    let pre = |origin: &str| {
        Request::options(loc.as_str())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "PATCH")
            .header("Access-Control-Request-Headers", "authorization,tus-resumable,upload-offset,upload-checksum,content-type")
            .body(Body::empty())
            .unwrap()
    };
    let r = s.send(pre("https://photos.example")).await;
    assert!(r.status.is_success());
    assert_eq!(r.h("access-control-allow-origin").as_deref(), Some("https://photos.example"));
    let allow = r.h("access-control-allow-headers").unwrap().to_ascii_lowercase();
    for h in [
        "authorization",
        "tus-resumable",
        "upload-length",
        "upload-metadata",
        "upload-offset",
        "upload-checksum",
        "upload-defer-length",
        "upload-concat",
        "content-type",
    ] {
        assert!(allow.contains(h), "{h} not allowed: {allow}");
    }
    assert!(r.h("access-control-allow-methods").unwrap().contains("PATCH"));
    assert!(r.h("access-control-max-age").unwrap().parse::<u32>().unwrap() >= 600);
    // Another origin gets no permission.
    let r = s.send(pre("https://evil.example")).await;
    assert_eq!(r.h("access-control-allow-origin"), None);
    // The actual request exposes what tus clients read.
    let r = s.send(s.tus(Method::HEAD, &loc).header("Origin", "https://photos.example").body(Body::empty()).unwrap()).await;
    let expose = r.h("access-control-expose-headers").unwrap().to_ascii_lowercase();
    for h in [
        "location",
        "upload-offset",
        "upload-length",
        "upload-metadata",
        "upload-expires",
        "upload-duplicate",
        "tus-version",
        "tus-extension",
        "tus-max-size",
        "tus-checksum-algorithm",
    ] {
        assert!(expose.contains(h), "{h} not exposed: {expose}");
    }
}

#[tokio::test]
async fn cors_allows_the_servers_own_origin_and_star() {
    let s = TestServer::new();
    let r = s
        .send(
            Request::options("/files/")
                .header("Host", "127.0.0.1:8080")
                .header("Origin", "http://127.0.0.1:8080")
                .header("Access-Control-Request-Method", "POST")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.h("access-control-allow-origin").as_deref(), Some("http://127.0.0.1:8080"));
    let s = TestServer::with(|c| c.cors_origins = vec!["*".into()]);
    let r = s
        .send(
            Request::options("/files/")
                .header("Origin", "https://any.example")
                .header("Access-Control-Request-Method", "POST")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.h("access-control-allow-origin").as_deref(), Some("https://any.example"));
}

#[tokio::test]
async fn discovery_options_from_a_page_gets_tus_headers_and_cors() {
    // Not a preflight (no Access-Control-Request-Method): the real OPTIONS a browser sends after it.
    let s = TestServer::with(|c| c.cors_origins = vec!["https://photos.example".into()]);
    let r = s.send(Request::options("/files/").header("Origin", "https://photos.example").body(Body::empty()).unwrap()).await;
    assert!(r.status.is_success());
    assert_eq!(r.h("tus-version").as_deref(), Some("1.0.0"));
    assert_eq!(r.h("access-control-allow-origin").as_deref(), Some("https://photos.example"));
}

#[tokio::test]
async fn a_refusal_exposes_its_error_code_to_pages_on_other_origins() {
    let s = TestServer::with(|c| c.cors_origins = vec!["https://photos.example".into()]);
    let loc = s.create(8, &[]).await;
    let wrong = s
        .tus(Method::PATCH, &loc)
        .header("Origin", "https://photos.example")
        .header("Upload-Offset", "4")
        .header("Content-Type", "application/offset+octet-stream")
        .body(Body::from("ab"))
        .unwrap();
    let r = s.send(wrong).await;
    assert_eq!(r.status, axum::http::StatusCode::CONFLICT);
    assert_eq!(r.h("shoebox-error").as_deref(), Some("offset_conflict"));
    let expose = r.h("access-control-expose-headers").unwrap().to_ascii_lowercase();
    assert!(expose.contains("shoebox-error"), "the code is readable by the page: {expose}");
}
