//! Concatenation races seen with tus-js-client's `parallelUploads` after an abort: a final
//! naming parts whose last bytes are durable (HEAD says offset == length) must succeed even
//! when the PATCH that carried them is still settling, was cut off, or never got recorded.
mod common;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use bytes::Bytes;
use common::http::{head_bytes, tus_headers};
use common::*;
use shoebox_core::hash::sha256_hex;
use shoebox_server::store::record::UploadId;
use std::io::{self, Write};
use std::time::{Duration, Instant};
use tokio::sync::mpsc;
use tower::ServiceExt;

async fn partial(s: &TestServer, len: usize) -> String {
    let r = s
        .send(s.tus(Method::POST, "/files/").header("Upload-Length", len).header("Upload-Concat", "partial").body(Body::empty()).unwrap())
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    r.h("location").unwrap()
}

fn uid(loc: &str) -> UploadId {
    UploadId::parse(loc.rsplit('/').next().unwrap()).unwrap()
}

fn patch_req(s: &TestServer, loc: &str, offset: usize, body: Body) -> Request<Body> {
    s.tus(Method::PATCH, loc).header("Upload-Offset", offset).header("Content-Type", "application/offset+octet-stream").body(body).unwrap()
}

fn final_req(s: &TestServer, parts: &[&str], data: &[u8]) -> Request<Body> {
    let md = shoebox_core::tus::encode_metadata([("sha256", Some(sha256_hex(data).as_str()))]);
    s.tus(Method::POST, "/files/")
        .header("Upload-Concat", format!("final;{}", parts.join(" ")))
        .header("Upload-Metadata", md)
        .body(Body::empty())
        .unwrap()
}

/// Sends `req` on its own task, so the test can act while it runs.
fn spawn_send(s: &TestServer, req: Request<Body>) -> tokio::task::JoinHandle<Resp> {
    let app = s.app.clone();
    tokio::spawn(async move {
        let (parts, body) = app.oneshot(req).await.unwrap().into_parts();
        let body = http_body_util::BodyExt::collect(body).await.unwrap().to_bytes().to_vec();
        Resp { status: parts.status, headers: parts.headers, body }
    })
}

async fn assert_final_ok(s: &TestServer, r: Resp, data: &[u8]) {
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    assert_eq!(s.get(&format!("/api/v1/media/{}", sha256_hex(data))).await.body, data);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn final_waits_for_a_parts_last_patch_still_running() {
    let s = TestServer::new();
    let data = bytes(300_000, 21);
    let (pa, pb) = (partial(&s, 100_000).await, partial(&s, 200_000).await);
    assert_eq!(s.patch(&pa, 0, &data[..100_000]).await.status, StatusCode::NO_CONTENT);
    // pb's only PATCH: every byte sent, the body not yet ended, so the request holds the lock.
    let (tx, rx) = mpsc::channel::<io::Result<Bytes>>(4);
    let stream = futures_util::stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|b| (b, rx)) });
    let patch = spawn_send(&s, patch_req(&s, &pb, 0, Body::from_stream(stream)));
    tx.send(Ok(Bytes::copy_from_slice(&data[100_000..]))).await.unwrap();
    let start = Instant::now();
    while s.state.locks.inflight(&uid(&pb)).is_none() {
        assert!(start.elapsed() < Duration::from_secs(10), "the PATCH never started writing");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let fin = spawn_send(&s, final_req(&s, &[&pa, &pb], &data));
    tokio::time::sleep(Duration::from_millis(300)).await;
    // Before the fix this answered 400 "is not complete" at once.
    assert!(!fin.is_finished(), "the final did not wait for the running PATCH: {}", fin.await.unwrap().text());
    drop(tx);
    assert_eq!(patch.await.unwrap().status, StatusCode::NO_CONTENT);
    assert_final_ok(&s, fin.await.unwrap(), &data).await;
}

#[tokio::test]
async fn final_accepts_a_part_completed_by_a_cut_off_patch() {
    let s = TestServer::new();
    let data = bytes(200_000, 22);
    let (pa, pb) = (partial(&s, 100_000).await, partial(&s, 100_000).await);
    assert_eq!(s.patch(&pa, 0, &data[..100_000]).await.status, StatusCode::NO_CONTENT);
    // All of pb's bytes arrive, then the connection breaks before the request ends.
    let chunks: Vec<io::Result<Bytes>> = vec![Ok(Bytes::copy_from_slice(&data[100_000..])), Err(io::Error::other("connection reset"))];
    let r = s.send(patch_req(&s, &pb, 0, Body::from_stream(futures_util::stream::iter(chunks)))).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text());
    assert_eq!(s.head(&pb).await.h("upload-offset").as_deref(), Some("100000"));
    assert_final_ok(&s, s.send(final_req(&s, &[&pa, &pb], &data)).await, &data).await;
    // Naming a part twice is refused at once rather than waiting on its own lock.
    let (pc, pd) = (partial(&s, 1).await, partial(&s, 1).await);
    assert_eq!(s.patch(&pc, 0, b"x").await.status, StatusCode::NO_CONTENT);
    assert_eq!(s.patch(&pd, 0, b"y").await.status, StatusCode::NO_CONTENT);
    let r = s.send(final_req(&s, &[&pc, &pd, &pc], b"xyx")).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.text().contains("named twice"), "{}", r.text());
}

#[tokio::test]
async fn final_completes_a_part_whose_bytes_are_durable_but_unrecorded() {
    let s = TestServer::new();
    let data = bytes(50_000, 23);
    let pa = partial(&s, 50_000).await;
    // As after a server stop between the fsync and the record update: bytes only.
    let mut w = s.state.store.open_writer(&uid(&pa), 0).unwrap();
    w.write_all(&data).unwrap();
    w.sync().unwrap();
    drop(w);
    assert_eq!(s.head(&pa).await.h("upload-offset").as_deref(), Some("50000"));
    assert_final_ok(&s, s.send(final_req(&s, &[&pa], &data)).await, &data).await;
    // Used parts stay used.
    assert_eq!(s.send(final_req(&s, &[&pa], &data)).await.status, StatusCode::BAD_REQUEST);
}

/// What tus-js-client's abort does on the wire: the whole last chunk is sent, then the socket is
/// closed without reading the answer, and the resumed client finds offset == length on HEAD.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn final_accepts_a_part_whose_last_patch_was_abandoned_by_its_client() {
    let s = TestServer::new();
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = l.local_addr().unwrap();
    let app = shoebox_server::app(s.state.clone());
    tokio::spawn(async move { axum::serve(l, app).await.unwrap() });
    let data = bytes(400_000, 24);
    let pa = partial(&s, 400_000).await;
    let (loc, d) = (pa.clone(), data.clone());
    tokio::task::spawn_blocking(move || {
        let mut c = std::net::TcpStream::connect(addr).unwrap();
        let mut h = tus_headers(ALICE);
        h.push(("Upload-Offset", "0".into()));
        h.push(("Content-Type", "application/offset+octet-stream".into()));
        c.write_all(&head_bytes("PATCH", &loc, &h, Some(d.len()))).unwrap();
        c.write_all(&d).unwrap();
        c.shutdown(std::net::Shutdown::Both).unwrap();
    })
    .await
    .unwrap();
    let start = Instant::now();
    while s.head(&pa).await.h("upload-offset").as_deref() != Some("400000") {
        assert!(start.elapsed() < Duration::from_secs(10), "the abandoned PATCH's bytes never became durable");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    assert_final_ok(&s, s.send(final_req(&s, &[&pa], &data)).await, &data).await;
}
