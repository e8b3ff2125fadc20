//! User content never runs as the app: what the signed blob URLs and GET /api/v1/media/{sha}
//! answer for uploads a browser could execute (HTML, SVG with script, XMP sidecars, a JPEG
//! declared text/html, HTML declared image/jpeg), and for real photos and videos: inline only
//! when the type is listed and the bytes agree, always sandboxed and `nosniff`; and the CSP the
//! app's own files carry (Trunk's loader by hash, connections open unless narrowed).
mod common;
use axum::http::StatusCode;
use common::*;
use serde_json::Value;
use shoebox_core::hash::sha256_hex;
use shoebox_fixtures::encode_jpeg;

const HTML: &[u8] = b"<!doctype html><title>x</title><script>localStorage.setItem('pwned','1')</script>";
const SVG: &[u8] =
    b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>document.title='pwned'</script><rect width=\"9\" height=\"9\"/></svg>";
const XMP: &[u8] =
    b"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/></x:xmpmeta>";

/// The record of `sha` (parts included: a sidecar is listed on its own only then).
async fn item(s: &TestServer, sha: &str) -> Value {
    let items = s.get_as(ALICE, "/api/v1/media?order=taken&parts=1").await.json()["items"].as_array().unwrap().clone();
    items.into_iter().find(|m| m["sha256"] == sha).unwrap_or_else(|| panic!("no record of {sha}"))
}

/// A small real photo: 64x48 pixels.
fn jpeg() -> Vec<u8> {
    let rgb: Vec<u8> = (0..64 * 48).flat_map(|i| [(i % 256) as u8, 80, 160]).collect();
    encode_jpeg(&rgb, 64, 48, 90, false, false)
}

/// Every blob or media answer, whatever its status, is sandboxed and never sniffed.
fn assert_protected(r: &Resp, what: &str) {
    let csp = r.h("content-security-policy").unwrap_or_else(|| panic!("{what}: no CSP ({})", r.status));
    assert!(csp.starts_with("default-src 'none'"), "{what}: {csp}");
    assert!(csp.split(';').any(|d| d.trim() == "sandbox"), "{what}: {csp}");
    assert_eq!(r.h("x-content-type-options").as_deref(), Some("nosniff"), "{what}");
}

fn assert_attachment(r: &Resp, name: &str, what: &str) {
    assert_eq!(r.status, StatusCode::OK, "{what}: {}", r.text());
    assert_eq!(r.h("content-type").as_deref(), Some("application/octet-stream"), "{what}");
    assert_eq!(r.h("content-disposition"), Some(format!("attachment; filename=\"{name}\"")), "{what}");
    assert_protected(r, what);
}

#[tokio::test]
async fn html_svg_sidecars_and_mislabelled_files_are_downloads_never_pages() {
    let s = TestServer::new();
    let photo = jpeg();
    let cases: [(&[u8], &str, &str); 5] = [
        (HTML, "page.html", "text/html"),
        (SVG, "drawing.svg", "image/svg+xml"),
        (XMP, "IMG_1.xmp", "application/rdf+xml"),
        (&photo, "polyglot.jpg", "text/html"),
        (b"<html><script>parent.postMessage(1,'*')</script>fake", "fake.jpg", "image/jpeg"),
    ];
    for (data, name, filetype) in cases {
        s.upload(data, 1 << 20, &[("filename", name), ("filetype", filetype)]).await;
        let sha = sha256_hex(data);
        let m = item(&s, &sha).await;
        let what = format!("{name} declared {filetype}");
        let r = anon(&s, m["originalUrl"].as_str().unwrap(), None).await;
        assert_attachment(&r, name, &format!("original of {what}"));
        assert_eq!(r.body, data, "{what}: the bytes are the same, only their presentation changes");
        assert_attachment(&anon(&s, m["downloadUrl"].as_str().unwrap(), None).await, name, &format!("download of {what}"));
        let r = s.get_as(ALICE, &format!("/api/v1/media/{sha}")).await;
        assert_attachment(&r, name, &format!("GET /api/v1/media of {what}"));
        assert_eq!(r.body, data, "{what}");
        // A part of it is no more executable than the whole.
        let r = anon(&s, m["originalUrl"].as_str().unwrap(), Some("bytes=0-9")).await;
        assert_eq!((r.status, r.h("content-type").as_deref()), (StatusCode::PARTIAL_CONTENT, Some("application/octet-stream")), "{what}");
        assert_protected(&r, &format!("206 of {what}"));
    }
    // The real photo declared text/html: its preview is the original itself (it is small), and
    // that must not turn into a page either; its thumbnail is one the server made.
    let m = item(&s, &sha256_hex(&photo)).await;
    let r = anon(&s, m["previewUrl"].as_str().unwrap(), None).await;
    assert_attachment(&r, "polyglot.jpg", "preview of a JPEG declared text/html");
    let r = anon(&s, m["thumbUrl"].as_str().unwrap(), None).await;
    assert_eq!((r.status, r.h("content-type").as_deref()), (StatusCode::OK, Some("image/jpeg")));
    assert_protected(&r, "a thumbnail the server made");
    // Neither an HTML nor an SVG has a thumbnail: the 404 is protected too.
    let m = item(&s, &sha256_hex(SVG)).await;
    let r = anon(&s, m["thumbUrl"].as_str().unwrap(), None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_protected(&r, "404 of an SVG's thumbnail");
}

#[tokio::test]
async fn real_photos_and_videos_are_shown_inline_but_sandboxed() {
    let s = TestServer::new();
    let (photo, video) = (jpeg(), content::mp4(200_000, 11));
    s.upload(&photo, 1 << 20, &[("filename", "IMG_2.jpg"), ("filetype", "image/jpeg")]).await;
    s.upload(&video, 64 << 10, &[("filename", "clip.mp4"), ("filetype", "video/mp4")]).await;
    for (data, ctype, name) in [(&photo, "image/jpeg", "IMG_2.jpg"), (&video, "video/mp4", "clip.mp4")] {
        let sha = sha256_hex(data);
        let m = item(&s, &sha).await;
        let original = m["originalUrl"].as_str().unwrap();
        let r = anon(&s, original, None).await;
        assert_eq!((r.status, r.h("content-type").as_deref()), (StatusCode::OK, Some(ctype)), "{name}");
        assert_eq!(r.h("content-disposition"), None, "{name} is shown, not downloaded");
        assert_eq!(&r.body, data);
        assert_protected(&r, name);
        let r = anon(&s, original, Some("bytes=100-199")).await;
        assert_eq!((r.status, r.h("content-type").as_deref()), (StatusCode::PARTIAL_CONTENT, Some(ctype)), "{name}");
        assert_eq!(r.body, &data[100..200]);
        assert_protected(&r, &format!("206 of {name}"));
        let r = anon(&s, original, Some(&format!("bytes={}-", data.len()))).await;
        assert_eq!(r.status, StatusCode::RANGE_NOT_SATISFIABLE);
        assert_protected(&r, &format!("416 of {name}"));
        let r = anon(&s, &original.replace("&s=", "&s=A"), None).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert_protected(&r, &format!("403 of {name}"));
        let r = anon(&s, m["downloadUrl"].as_str().unwrap(), None).await;
        assert_eq!(r.h("content-disposition"), Some(format!("attachment; filename=\"{name}\"")));
        assert_protected(&r, &format!("download of {name}"));
        // Bearer reads: the head read to judge the type is sent once, then the rest.
        let r = s.get_as(ALICE, &format!("/api/v1/media/{sha}")).await;
        assert_eq!((r.status, r.h("content-type").as_deref()), (StatusCode::OK, Some(ctype)), "{name}");
        assert_eq!(&r.body, data, "{name}");
        assert_protected(&r, &format!("GET /api/v1/media of {name}"));
    }
    let r = s.get_as(ALICE, &format!("/api/v1/media/{}", sha256_hex(b"nothing"))).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_protected(&r, "404 of GET /api/v1/media");
}

const INDEX: &str = "<!doctype html><html><head><script type=\"module\">import init from '/shoebox-0123456789abcdef.js';init();</script>\
<link rel=\"modulepreload\" href=\"/shoebox-0123456789abcdef.js\"></head><body></body></html>";

fn app_server(connect: Option<&str>) -> (TestServer, tempfile::TempDir) {
    let app_dir = tempfile::tempdir().unwrap();
    std::fs::write(app_dir.path().join("index.html"), INDEX).unwrap();
    std::fs::write(app_dir.path().join("sw.js"), "'use strict';").unwrap();
    let (p, connect) = (app_dir.path().to_path_buf(), connect.map(str::to_string));
    let s = TestServer::with(move |c| {
        c.app_dir = Some(p);
        c.csp_connect_src = connect;
    });
    (s, app_dir)
}

#[tokio::test]
async fn the_apps_files_forbid_injected_script_and_allow_its_loader_by_hash() {
    use base64::Engine;
    use sha2::Digest;
    let (s, app_dir) = app_server(None);
    let loader = "import init from '/shoebox-0123456789abcdef.js';init();";
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(loader.as_bytes()));
    for path in ["/", "/some/client/route", "/sw.js"] {
        let r = s.get(path).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        let csp = r.h("content-security-policy").unwrap_or_else(|| panic!("{path}: no CSP"));
        let directive = |name: &str| csp.split("; ").find(|d| d.split(' ').next() == Some(name)).map(str::to_string);
        assert_eq!(directive("script-src"), Some(format!("script-src 'self' 'wasm-unsafe-eval' 'sha256-{hash}'")), "{path}");
        assert_eq!(directive("object-src").as_deref(), Some("object-src 'none'"));
        assert_eq!(directive("base-uri").as_deref(), Some("base-uri 'none'"));
        assert_eq!(directive("frame-ancestors").as_deref(), Some("frame-ancestors 'none'"));
        assert_eq!(directive("connect-src").as_deref(), Some("connect-src 'self' *"), "any tus server by default");
    }
    // A new build deployed under the running server: its loader's hash, not the old one's.
    std::fs::write(app_dir.path().join("index.html"), INDEX.replace("init();", "init(); ")).unwrap();
    let csp = s.get("/").await.h("content-security-policy").unwrap();
    assert!(!csp.contains(&hash), "{csp}");

    let (s, _dir) = app_server(Some("https://photos.example.com https://tus.example.com"));
    let csp = s.get("/").await.h("content-security-policy").unwrap();
    assert!(csp.contains("; connect-src 'self' https://photos.example.com https://tus.example.com;"), "{csp}");
    assert!(!csp.contains(" *"), "narrowed everywhere: {csp}");
}
