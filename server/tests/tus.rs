//! tus 1.0 core and extensions, one test per rule, run in-process against `app(state)`.
mod common;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use common::*;
use sha2::Digest;
use shoebox_core::hash::sha256_hex;
use std::time::Duration;

#[tokio::test]
async fn options_advertises_version_extensions_max_size_and_checksums() {
    let s = TestServer::with(|c| c.max_size = 123_456);
    for uri in ["/files/", "/files/0123456789abcdef0123456789abcdef"] {
        let r = s.send(Request::options(uri).body(Body::empty()).unwrap()).await;
        assert!(r.status.is_success(), "{uri}: {}", r.status);
        assert_eq!(r.h("tus-version").as_deref(), Some("1.0.0"));
        let ext = r.h("tus-extension").unwrap();
        for e in ["creation", "creation-with-upload", "creation-defer-length", "expiration", "termination", "checksum", "concatenation"] {
            assert!(ext.split(',').any(|x| x == e), "missing {e} in {ext}");
        }
        assert_eq!(r.h("tus-max-size").as_deref(), Some("123456"));
        assert_eq!(r.h("tus-checksum-algorithm").as_deref(), Some("crc32c,sha1,sha256,md5"));
    }
}

#[tokio::test]
async fn unsupported_tus_version_is_412_with_tus_version() {
    let s = TestServer::new();
    let loc = s.create(10, &[]).await;
    for (m, uri) in [(Method::POST, "/files/"), (Method::HEAD, loc.as_str()), (Method::PATCH, loc.as_str())] {
        let req = Request::builder()
            .method(m.clone())
            .uri(uri)
            .header("Authorization", format!("Bearer {ALICE}"))
            .header("Tus-Resumable", "0.2.2")
            .header("Upload-Length", "10");
        let r = s.send(req.body(Body::empty()).unwrap()).await;
        assert_eq!(r.status, StatusCode::PRECONDITION_FAILED, "{m}");
        assert_eq!(r.h("tus-version").as_deref(), Some("1.0.0"));
    }
    // Missing entirely is the same.
    let r = s.send(Request::head(&loc).header("Authorization", format!("Bearer {ALICE}")).body(Body::empty()).unwrap()).await;
    assert_eq!(r.status, StatusCode::PRECONDITION_FAILED);
}

#[tokio::test]
async fn patch_with_wrong_content_type_is_415() {
    let s = TestServer::new();
    let loc = s.create(4, &[]).await;
    let r = s
        .send(
            s.tus(Method::PATCH, &loc)
                .header("Upload-Offset", "0")
                .header("Content-Type", "application/octet-stream")
                .body(Body::from("abcd"))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(s.head(&loc).await.h("upload-offset").as_deref(), Some("0"));
}

#[tokio::test]
async fn patch_at_wrong_offset_is_409() {
    let s = TestServer::new();
    let loc = s.create(8, &[]).await;
    assert_eq!(s.patch(&loc, 0, b"abcd").await.status, StatusCode::NO_CONTENT);
    let r = s.patch(&loc, 0, b"abcd").await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.h("content-type").unwrap().starts_with("text/plain"), "tus clients keep their plain-text reason");
    assert!(r.text().contains("does not match"), "{}", r.text());
    assert_eq!(r.h("shoebox-error").as_deref(), Some("offset_conflict"), "and the code rides in a header");
    assert_eq!(s.patch(&loc, 6, b"ab").await.status, StatusCode::CONFLICT);
    assert_eq!(s.head(&loc).await.h("upload-offset").as_deref(), Some("4"));
}

#[tokio::test]
async fn unknown_upload_is_404() {
    let s = TestServer::new();
    for uri in ["/files/0123456789abcdef0123456789abcdef", "/files/not-an-id", "/files/..%2F..%2Fetc"] {
        assert_eq!(s.head(uri).await.status, StatusCode::NOT_FOUND, "{uri}");
        assert_eq!(s.patch(uri, 0, b"x").await.status, StatusCode::NOT_FOUND, "{uri}");
    }
}

#[tokio::test]
async fn head_reports_offset_length_metadata_and_no_store() {
    let s = TestServer::new();
    let loc = s.create(10, &[("filename", "a.jpg")]).await;
    let r = s.head(&loc).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.h("upload-offset").as_deref(), Some("0"));
    assert_eq!(r.h("upload-length").as_deref(), Some("10"));
    assert_eq!(r.h("cache-control").as_deref(), Some("no-store"));
    assert_eq!(r.h("upload-metadata").as_deref(), Some(format!("filename {}", STANDARD.encode("a.jpg")).as_str()));
    assert_eq!(r.h("tus-resumable").as_deref(), Some("1.0.0"));
    assert!(r.body.is_empty());
}

#[tokio::test]
async fn creation_over_max_size_is_413() {
    let s = TestServer::with(|c| c.max_size = 1000);
    assert_eq!(s.create_as(ALICE, 1001, &[]).await.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(s.create_as(ALICE, 1000, &[]).await.status, StatusCode::CREATED);
}

#[tokio::test]
async fn patch_past_length_is_413_and_stores_nothing() {
    let s = TestServer::new();
    let loc = s.create(4, &[]).await;
    assert_eq!(s.patch(&loc, 0, b"abcdef").await.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(s.head(&loc).await.h("upload-offset").as_deref(), Some("0"));
}

#[tokio::test]
async fn creation_answers_201_with_relative_location_and_expiry() {
    let s = TestServer::new();
    let r = s.create_as(ALICE, 5, &[]).await;
    assert_eq!(r.status, StatusCode::CREATED);
    let loc = r.h("location").unwrap();
    assert!(loc.starts_with("/files/") && loc.len() == "/files/".len() + 32, "{loc}");
    assert!(httpdate::parse_http_date(&r.h("upload-expires").unwrap()).is_ok());
    // Missing length is a clear 400.
    let r = s.send(s.tus(Method::POST, "/files/").body(Body::empty()).unwrap()).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn chunks_complete_an_upload() {
    let s = TestServer::new();
    let data = bytes(100_000, 1);
    let loc = s.upload(&data, 30_000, &[]).await;
    let h = s.head(&loc).await;
    assert_eq!(h.h("upload-offset").as_deref(), Some("100000"));
    let got = s.get(&format!("/api/v1/media/{}", sha256_hex(&data))).await;
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(got.body, data);
}

#[tokio::test]
async fn creation_with_upload_takes_the_first_bytes() {
    let s = TestServer::new();
    let req = s
        .tus(Method::POST, "/files/")
        .header("Upload-Length", "10")
        .header("Content-Type", "application/offset+octet-stream")
        .body(Body::from("hello"))
        .unwrap();
    let r = s.send(req).await;
    assert_eq!(r.status, StatusCode::CREATED);
    assert_eq!(r.h("upload-offset").as_deref(), Some("5"));
    let loc = r.h("location").unwrap();
    assert_eq!(s.patch(&loc, 5, b"world").await.status, StatusCode::NO_CONTENT);
    assert_eq!(s.get(&format!("/api/v1/media/{}", sha256_hex(b"helloworld"))).await.body, b"helloworld");
}

#[tokio::test]
async fn creation_with_upload_of_a_whole_file_completes() {
    let s = TestServer::new();
    let sha = sha256_hex(b"whole");
    let md = shoebox_core::tus::encode_metadata([("sha256", Some(sha.as_str()))]);
    let req = s
        .tus(Method::POST, "/files/")
        .header("Upload-Length", "5")
        .header("Upload-Metadata", md)
        .header("Content-Type", "application/offset+octet-stream")
        .body(Body::from("whole"))
        .unwrap();
    let r = s.send(req).await;
    assert_eq!(r.status, StatusCode::CREATED);
    assert_eq!(r.h("upload-offset").as_deref(), Some("5"));
    assert_eq!(s.get(&format!("/api/v1/media/{sha}")).await.body, b"whole");
}

#[tokio::test]
async fn deferred_length_is_set_by_a_later_patch() {
    let s = TestServer::new();
    let r = s.send(s.tus(Method::POST, "/files/").header("Upload-Defer-Length", "1").body(Body::empty()).unwrap()).await;
    assert_eq!(r.status, StatusCode::CREATED);
    let loc = r.h("location").unwrap();
    let h = s.head(&loc).await;
    assert_eq!(h.h("upload-defer-length").as_deref(), Some("1"));
    assert_eq!(h.h("upload-length"), None);
    assert_eq!(s.patch(&loc, 0, b"abc").await.status, StatusCode::NO_CONTENT);
    let req = s
        .tus(Method::PATCH, &loc)
        .header("Upload-Offset", "3")
        .header("Upload-Length", "6")
        .header("Content-Type", "application/offset+octet-stream")
        .body(Body::from("def"))
        .unwrap();
    assert_eq!(s.send(req).await.status, StatusCode::NO_CONTENT);
    let h = s.head(&loc).await;
    assert_eq!((h.h("upload-offset").as_deref(), h.h("upload-length").as_deref()), (Some("6"), Some("6")));
    assert_eq!(s.get(&format!("/api/v1/media/{}", sha256_hex(b"abcdef"))).await.status, StatusCode::OK);
}

#[tokio::test]
async fn expired_upload_is_410_then_swept_to_404() {
    let s = TestServer::with(|c| c.upload_expiry = Duration::from_millis(300));
    let loc = s.create(10, &[]).await;
    let r = s.patch(&loc, 0, b"abc").await;
    assert!(httpdate::parse_http_date(&r.h("upload-expires").unwrap()).is_ok());
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(s.head(&loc).await.status, StatusCode::GONE);
    assert_eq!(s.patch(&loc, 3, b"d").await.status, StatusCode::GONE);
    assert_eq!(shoebox_server::background::reaper::sweep(&s.state).unwrap(), 1);
    assert_eq!(s.head(&loc).await.status, StatusCode::NOT_FOUND);
    assert!(s.stored("uploads").is_empty());
}

#[tokio::test]
async fn background_reaper_removes_expired_uploads() {
    let s = TestServer::with(|c| c.upload_expiry = Duration::from_millis(200));
    let loc = s.create(10, &[]).await;
    let task = shoebox_server::background::reaper::spawn(s.state.clone());
    tokio::time::sleep(Duration::from_millis(700)).await;
    task.abort();
    assert_eq!(s.head(&loc).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn termination_deletes_the_upload() {
    let s = TestServer::new();
    let loc = s.create(10, &[]).await;
    s.patch(&loc, 0, b"abc").await;
    let r = s.send(s.tus(Method::DELETE, &loc).body(Body::empty()).unwrap()).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(s.head(&loc).await.status, StatusCode::NOT_FOUND);
    assert!(s.stored("uploads").is_empty());
}

async fn checked_patch(s: &TestServer, loc: &str, off: u64, body: &[u8], checksum: &str) -> Resp {
    let req = s
        .tus(Method::PATCH, loc)
        .header("Upload-Offset", off)
        .header("Content-Type", "application/offset+octet-stream")
        .header("Upload-Checksum", checksum)
        .body(Body::from(body.to_vec()))
        .unwrap();
    s.send(req).await
}

#[tokio::test]
async fn checksums_sha1_sha256_md5_are_verified() {
    let s = TestServer::new();
    let loc = s.create(9, &[]).await;
    let sha1 = STANDARD.encode(sha1::Sha1::digest(b"abc"));
    let sha256 = STANDARD.encode(sha2::Sha256::digest(b"def"));
    let md5 = STANDARD.encode(md5::Md5::digest(b"ghi"));
    assert_eq!(checked_patch(&s, &loc, 0, b"abc", &format!("sha1 {sha1}")).await.status, StatusCode::NO_CONTENT);
    assert_eq!(checked_patch(&s, &loc, 3, b"def", &format!("sha256 {sha256}")).await.status, StatusCode::NO_CONTENT);
    assert_eq!(checked_patch(&s, &loc, 6, b"ghi", &format!("md5 {md5}")).await.status, StatusCode::NO_CONTENT);
    assert_eq!(s.get(&format!("/api/v1/media/{}", sha256_hex(b"abcdefghi"))).await.body, b"abcdefghi");
}

/// The cheap algorithm for our own clients: the 4 bytes of the chunk's CRC32C, big-endian.
#[tokio::test]
async fn crc32c_checksums_are_verified_and_a_wrong_one_is_460() {
    let s = TestServer::new();
    let loc = s.create(6, &[]).await;
    let crc = |b: &[u8]| STANDARD.encode(crc32c::crc32c(b).to_be_bytes());
    assert_eq!(checked_patch(&s, &loc, 0, b"abc", &format!("crc32c {}", crc(b"abc"))).await.status, StatusCode::NO_CONTENT);
    let r = checked_patch(&s, &loc, 3, b"def", &format!("crc32c {}", crc(b"xyz"))).await;
    assert_eq!(r.status.as_u16(), 460);
    assert_eq!(s.head(&loc).await.h("upload-offset").as_deref(), Some("3"));
    assert_eq!(checked_patch(&s, &loc, 3, b"def", &format!("crc32c {}", crc(b"def"))).await.status, StatusCode::NO_CONTENT);
    assert_eq!(s.get(&format!("/api/v1/media/{}", sha256_hex(b"abcdef"))).await.body, b"abcdef");
}

#[tokio::test]
async fn checksum_mismatch_is_460_and_the_chunk_is_discarded() {
    let s = TestServer::new();
    let loc = s.create(6, &[]).await;
    assert_eq!(s.patch(&loc, 0, b"abc").await.status, StatusCode::NO_CONTENT);
    let wrong = STANDARD.encode(sha1::Sha1::digest(b"xyz"));
    let r = checked_patch(&s, &loc, 3, b"def", &format!("sha1 {wrong}")).await;
    assert_eq!(r.status.as_u16(), 460);
    assert_eq!(s.head(&loc).await.h("upload-offset").as_deref(), Some("3"));
    // The resent chunk continues from the unchanged offset and the whole is right.
    let right = STANDARD.encode(sha1::Sha1::digest(b"def"));
    assert_eq!(checked_patch(&s, &loc, 3, b"def", &format!("sha1 {right}")).await.status, StatusCode::NO_CONTENT);
    assert_eq!(s.get(&format!("/api/v1/media/{}", sha256_hex(b"abcdef"))).await.body, b"abcdef");
}

#[tokio::test]
async fn unknown_checksum_algorithm_is_400() {
    let s = TestServer::new();
    let loc = s.create(3, &[]).await;
    let r = checked_patch(&s, &loc, 0, b"abc", "crc32 AAAA").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.text().contains("crc32"));
    assert_eq!(s.head(&loc).await.h("upload-offset").as_deref(), Some("0"));
}

async fn create_partial(s: &TestServer, len: u64) -> String {
    let r = s
        .send(s.tus(Method::POST, "/files/").header("Upload-Length", len).header("Upload-Concat", "partial").body(Body::empty()).unwrap())
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    r.h("location").unwrap()
}

#[tokio::test]
async fn concatenation_joins_partial_uploads() {
    let s = TestServer::new();
    let data = bytes(50_000, 7);
    let (a, b) = data.split_at(20_000);
    let pa = create_partial(&s, a.len() as u64).await;
    let pb = create_partial(&s, b.len() as u64).await;
    // Parts arrive in any order, and are not media on their own.
    assert_eq!(s.patch(&pb, 0, b).await.status, StatusCode::NO_CONTENT);
    assert_eq!(s.patch(&pa, 0, a).await.status, StatusCode::NO_CONTENT);
    assert_eq!(s.head(&pa).await.h("upload-concat").as_deref(), Some("partial"));
    assert_eq!(s.get("/api/v1/media").await.json()["items"].as_array().unwrap().len(), 0);
    let sha = sha256_hex(&data);
    let md = shoebox_core::tus::encode_metadata([("sha256", Some(sha.as_str())), ("filename", Some("big.mov"))]);
    // Absolute URLs, as tus-js-client sends them.
    let concat = format!("final;http://localhost{pa} http://localhost{pb}");
    let r = s
        .send(s.tus(Method::POST, "/files/").header("Upload-Concat", concat).header("Upload-Metadata", md).body(Body::empty()).unwrap())
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let fin = r.h("location").unwrap();
    let h = s.head(&fin).await;
    assert_eq!((h.h("upload-offset").as_deref(), h.h("upload-length").as_deref()), (Some("50000"), Some("50000")));
    assert!(h.h("upload-concat").unwrap().starts_with("final;"));
    assert_eq!(s.get(&format!("/api/v1/media/{sha}")).await.body, data);
    // The parts' bytes were released; a second final using them is refused.
    let r = s.send(s.tus(Method::POST, "/files/").header("Upload-Concat", format!("final;{pa} {pb}")).body(Body::empty()).unwrap()).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn concatenation_refuses_unfinished_parts() {
    let s = TestServer::new();
    let pa = create_partial(&s, 10).await;
    s.patch(&pa, 0, b"abc").await;
    let r = s.send(s.tus(Method::POST, "/files/").header("Upload-Concat", format!("final;{pa}")).body(Body::empty()).unwrap()).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn method_override_tunnels_patch_and_delete_through_post() {
    let s = TestServer::new();
    let loc = s.create(3, &[]).await;
    let req = s
        .tus(Method::POST, &loc)
        .header("X-HTTP-Method-Override", "PATCH")
        .header("Upload-Offset", "0")
        .header("Content-Type", "application/offset+octet-stream")
        .body(Body::from("abc"))
        .unwrap();
    let r = s.send(req).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(r.h("upload-offset").as_deref(), Some("3"));
    assert!(s.metric("shoebox_http_requests_total{method=\"PATCH\",status=\"204\"}").await >= 1.0);
    let r = s.send(s.tus(Method::POST, &loc).header("X-HTTP-Method-Override", "DELETE").body(Body::empty()).unwrap()).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(s.head(&loc).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn completed_upload_keeps_answering_head_with_offset_equal_length() {
    let s = TestServer::new();
    let loc = s.upload(b"done!", 5, &[]).await;
    for _ in 0..2 {
        let h = s.head(&loc).await;
        assert_eq!(h.status, StatusCode::OK);
        assert_eq!((h.h("upload-offset").as_deref(), h.h("upload-length").as_deref()), (Some("5"), Some("5")));
    }
    // A client whose final acknowledgement was lost and resends nothing past the end is fine.
    let r = s.patch(&loc, 5, b"").await;
    assert_eq!((r.status, r.h("upload-offset").as_deref()), (StatusCode::NO_CONTENT, Some("5")));
}
