//! Bad protocol input, each with its asserted outcome, beside what tus.rs and api_access.rs
//! already cover: malformed, negative and over-u64 offsets and lengths (400 naming the
//! header), metadata that is not base64 or UTF-8 or is over its limit (400 saying it),
//! request heads over 64 KiB (431), chunked PATCH bodies without Content-Length (taken, or
//! 413 past Upload-Length), unknown and odd upload ids (404), expired device tokens (401), and
//! other users' tokens of every kind on an upload URL (404). After each, the server still
//! answers and the stored bytes are exactly the source's.
mod common;
use axum::body::Body;
use axum::http::{Method, StatusCode};
use common::http::{read_reply, request, tus_headers};
use common::*;
use shoebox_core::hash::sha256_hex;
use shoebox_server::accounts::DeviceScope;
use std::io::Write;
use std::net::{SocketAddr, TcpStream};

const BAD_NUMBERS: [&str; 9] = ["-1", "18446744073709551616", "99999999999999999999999999", "abc", "1.5", "0x10", "1e3", "", "5 5"];

/// The server with its real listener (hyper, the head limits) on a free port.
async fn serve_real(s: &TestServer) -> SocketAddr {
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = l.local_addr().unwrap();
    let state = s.state.clone();
    tokio::spawn(async move { shoebox_server::serve(l, state).await.unwrap() });
    addr
}

async fn offset(s: &TestServer, loc: &str) -> String {
    s.head(loc).await.h("upload-offset").unwrap()
}

/// Sends the rest of `data` from the current offset and checks the stored media is `data`.
async fn finish_and_compare(s: &TestServer, loc: &str, data: &[u8]) {
    let off: usize = offset(s, loc).await.parse().unwrap();
    let r = s.patch(loc, off as u64, &data[off..]).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    assert_eq!(s.get(&format!("/api/v1/media/{}", sha256_hex(data))).await.body, data, "stored bytes differ from the source");
}

#[tokio::test]
async fn malformed_negative_and_huge_offsets_and_lengths_are_400_naming_the_header() {
    let s = TestServer::new();
    let data = bytes(1000, 81);
    let loc = s.create(1000, &[("sha256", &sha256_hex(&data))]).await;
    assert_eq!(s.patch(&loc, 0, &data[..100]).await.status, StatusCode::NO_CONTENT);
    for v in BAD_NUMBERS {
        let r = s.send(s.tus(Method::POST, "/files/").header("Upload-Length", v).body(Body::empty()).unwrap()).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "Upload-Length {v:?}");
        assert!(r.text().contains("Upload-Length"), "{v:?}: {}", r.text());
        let r = s
            .send(
                s.tus(Method::PATCH, &loc)
                    .header("Upload-Offset", v)
                    .header("Content-Type", "application/offset+octet-stream")
                    .body(Body::from(data[100..200].to_vec()))
                    .unwrap(),
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "Upload-Offset {v:?}");
        assert!(r.text().contains("Upload-Offset"), "{v:?}: {}", r.text());
    }
    // The largest u64 parses, and is simply too large (413), as is any offset but the real one (409).
    let r = s.send(s.tus(Method::POST, "/files/").header("Upload-Length", u64::MAX.to_string()).body(Body::empty()).unwrap()).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(s.patch(&loc, u64::MAX, b"x").await.status, StatusCode::CONFLICT);
    assert_eq!(offset(&s, &loc).await, "100", "nothing bad was stored");
    // A deferred length set to nonsense is refused the same way, and the upload stays usable.
    let r = s.send(s.tus(Method::POST, "/files/").header("Upload-Defer-Length", "1").body(Body::empty()).unwrap()).await;
    let deferred = r.h("location").unwrap();
    for v in ["-5", "18446744073709551616", "ten"] {
        let r = s
            .send(
                s.tus(Method::PATCH, &deferred)
                    .header("Upload-Offset", "0")
                    .header("Upload-Length", v)
                    .header("Content-Type", "application/offset+octet-stream")
                    .body(Body::from("abc"))
                    .unwrap(),
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{v:?}");
        assert!(r.text().contains("Upload-Length"), "{}", r.text());
    }
    assert_eq!(offset(&s, &deferred).await, "0");
    finish_and_compare(&s, &loc, &data).await;
}

#[tokio::test]
async fn metadata_that_is_not_base64_or_utf8_or_too_long_is_400_saying_why() {
    let s = TestServer::new();
    let limit = shoebox_server::upload::metadata::MAX_METADATA_BYTES;
    let cases: Vec<(String, String)> = vec![
        ("filename a*b".into(), "not valid base64".into()),
        ("filename ====".into(), "not valid base64".into()),
        ("filename //79".into(), "not UTF-8".into()),
        ("file\tname YQ==".into(), "invalid metadata key".into()),
        (format!("filename {}", "A".repeat(limit)), format!("longer than {limit} bytes")),
    ];
    for (md, why) in cases {
        let r = s
            .send(s.tus(Method::POST, "/files/").header("Upload-Length", "3").header("Upload-Metadata", md).body(Body::empty()).unwrap())
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{why}");
        assert!(r.text().contains(&why), "{why}: {}", r.text());
    }
    assert!(s.stored("uploads").is_empty(), "nothing was created");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn request_heads_over_the_limit_are_431_and_the_server_keeps_answering() {
    let s = TestServer::new();
    let addr = serve_real(&s).await;
    let limit = shoebox_server::http::listen::MAX_HEADER_BYTES;
    tokio::task::spawn_blocking(move || {
        let ok = || request(addr, "GET", "/api/v1/config", &[("Authorization", format!("Bearer {ALICE}"))], b"").status;
        // One huge header, and a great many small ones.
        let mut h = tus_headers(ALICE);
        h.push(("X-Padding", "a".repeat(limit)));
        assert_eq!(request(addr, "POST", "/files/", &h, b"").status, 431);
        let many: Vec<(&str, String)> = (0..200).map(|_| ("X-Many", "b".to_string())).collect();
        assert_eq!(request(addr, "GET", "/api/v1/config", &many, b"").status, 431);
        // Metadata over its own 16 KiB limit but within the head limit gets a 400 that says so.
        let mut h = tus_headers(ALICE);
        h.push(("Upload-Length", "3".into()));
        h.push(("Upload-Metadata", format!("filename {}", "QUFB".repeat(5000))));
        let r = request(addr, "POST", "/files/", &h, b"");
        assert_eq!(r.status, 400);
        assert!(r.text().contains("16384"), "{}", r.text());
        assert_eq!(ok(), 200);
    })
    .await
    .unwrap();
}

/// A PATCH with `Transfer-Encoding: chunked` and no Content-Length, `body` in `parts` chunks.
fn chunked_patch(addr: SocketAddr, loc: &str, off: usize, body: &[u8], parts: usize) -> common::http::Reply {
    let mut c = TcpStream::connect(addr).unwrap();
    let mut head = format!("PATCH {loc} HTTP/1.1\r\nHost: t\r\nConnection: close\r\nAuthorization: Bearer {ALICE}\r\n");
    head.push_str(&format!("Tus-Resumable: 1.0.0\r\nUpload-Offset: {off}\r\nContent-Type: application/offset+octet-stream\r\n"));
    head.push_str("Transfer-Encoding: chunked\r\n\r\n");
    c.write_all(head.as_bytes()).unwrap();
    for part in body.chunks(body.len().div_ceil(parts).max(1)) {
        c.write_all(format!("{:x}\r\n", part.len()).as_bytes()).unwrap();
        c.write_all(part).unwrap();
        c.write_all(b"\r\n").unwrap();
    }
    c.write_all(b"0\r\n\r\n").unwrap();
    read_reply(c, false)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn chunked_patches_without_content_length_are_taken_or_413_past_the_length() {
    let s = TestServer::new();
    let addr = serve_real(&s).await;
    let data = bytes(300_000, 82);
    let loc = s.create(300_000, &[("sha256", &sha256_hex(&data))]).await;
    let (l, d) = (loc.clone(), data.clone());
    tokio::task::spawn_blocking(move || {
        let r = chunked_patch(addr, &l, 0, &d[..100_000], 7);
        assert_eq!(r.status, 204, "{}", r.text());
        assert_eq!(r.h("upload-offset"), Some("100000"));
        // Past the length: refused, and the chunk is discarded whole.
        let mut over = d[100_000..].to_vec();
        over.extend_from_slice(b"one byte too many");
        let r = chunked_patch(addr, &l, 100_000, &over, 5);
        assert_eq!(r.status, 413, "{}", r.text());
    })
    .await
    .unwrap();
    assert_eq!(offset(&s, &loc).await, "100000");
    finish_and_compare(&s, &loc, &data).await;
}

#[tokio::test]
async fn unknown_and_odd_upload_ids_are_404() {
    let s = TestServer::new();
    let long = format!("/files/{}", "a".repeat(4000));
    let ids = ["/files/00000000000000000000000000000000", "/files/ZZZZ", "/files/..%2F..%2Fetc%2Fpasswd", "/files/%00", long.as_str()];
    for uri in ids {
        assert_eq!(s.head(uri).await.status, StatusCode::NOT_FOUND, "HEAD {uri}");
        assert_eq!(s.patch(uri, 0, b"abc").await.status, StatusCode::NOT_FOUND, "PATCH {uri}");
        let r = s.send(s.tus(Method::DELETE, uri).body(Body::empty()).unwrap()).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "DELETE {uri}");
    }
    assert!(s.stored("uploads").is_empty());
}

#[tokio::test]
async fn an_expired_device_token_is_401_and_changes_nothing() {
    let s = TestServer::new();
    let data = bytes(2000, 83);
    let loc = s.create(2000, &[("sha256", &sha256_hex(&data))]).await;
    assert_eq!(s.patch(&loc, 0, &data[..500]).await.status, StatusCode::NO_CONTENT);
    // Issued long ago for a minute: expired. Its user's own uploads are closed to it.
    let (expired, _) = s.state.accounts.add_device("alice", "old phone", DeviceScope::Full, 1_000, Some(60_000)).unwrap();
    assert_eq!(s.head_as(&expired, &loc).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(s.patch_as(&expired, &loc, 500, &data[500..]).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(s.create_as(&expired, 10, &[]).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(s.get_as(&expired, "/api/v1/media").await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(offset(&s, &loc).await, "500");
    finish_and_compare(&s, &loc, &data).await;
}

#[tokio::test]
async fn other_users_tokens_of_every_kind_get_404_on_an_upload_url() {
    let s = TestServer::new();
    let data = bytes(2000, 84);
    let loc = s.create(2000, &[("sha256", &sha256_hex(&data))]).await;
    assert_eq!(s.patch(&loc, 0, &data[..700]).await.status, StatusCode::NO_CONTENT);
    let now = shoebox_server::timefmt::now_ms();
    let bob_full = s.state.accounts.add_device("bob", "bob's phone", DeviceScope::Full, now, None).unwrap().0;
    let bob_upload = s.state.accounts.add_device("bob", "bob's kiosk link", DeviceScope::Upload, now, Some(3_600_000)).unwrap().0;
    for t in [BOB, bob_full.as_str(), bob_upload.as_str()] {
        assert_eq!(s.head_as(t, &loc).await.status, StatusCode::NOT_FOUND);
        assert_eq!(s.patch_as(t, &loc, 700, &data[700..]).await.status, StatusCode::NOT_FOUND);
        let r = s.send(
            axum::http::Request::delete(&loc)
                .header("Authorization", format!("Bearer {t}"))
                .header("Tus-Resumable", "1.0.0")
                .body(Body::empty())
                .unwrap(),
        );
        assert_eq!(r.await.status, StatusCode::NOT_FOUND);
    }
    assert_eq!(offset(&s, &loc).await, "700");
    finish_and_compare(&s, &loc, &data).await;
}
