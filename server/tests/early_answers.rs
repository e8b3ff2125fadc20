//! Answers given before the request body was read, against the real `shoebox-server` binary on
//! 127.0.0.1 over one keep-alive connection: a creation-with-upload of content the user already
//! has (`Upload-Duplicate`) and a PATCH at the wrong offset. The client keeps sending the body
//! after the answer arrived, as a browser does; the server must read and drop the rest rather
//! than reset the connection (which a browser reports as a network error, losing the answer),
//! and the same connection then serves the next request. A client that waits for "100
//! Continue" is answered at once and never asked for the body.
mod common;
use common::http::{parse_reply, request, tus_headers, Reply};
use common::process::ServerProcess;
use common::*;
use shoebox_core::hash::sha256_hex;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

const LEN: usize = 2 << 20;
/// What the client sends before it waits for the answer; the rest follows after.
const FIRST: usize = 64 << 10;

fn start() -> (tempfile::TempDir, ServerProcess) {
    let dir = tempfile::tempdir().unwrap();
    let p = ServerProcess::start(dir.path(), &["--token", "alice:alice-token-0001"], &[]);
    (dir, p)
}

fn meta(data: &[u8]) -> String {
    shoebox_core::tus::encode_metadata([("sha256", Some(sha256_hex(data).as_str())), ("filename", Some("a.jpg"))])
}

/// A request head without `Connection: close`: the connection is meant to live on.
fn keep_alive_head(method: &str, path: &str, headers: &[(&str, String)], len: usize) -> Vec<u8> {
    let mut s = format!("{method} {path} HTTP/1.1\r\nHost: test\r\nContent-Length: {len}\r\n");
    for (k, v) in headers {
        s.push_str(&format!("{k}: {v}\r\n"));
    }
    s.push_str("\r\n");
    s.into_bytes()
}

/// One response off a connection that stays open (its length from Content-Length).
fn read_one(c: &mut TcpStream) -> Reply {
    c.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut raw = Vec::new();
    let mut byte = [0u8; 1];
    while !raw.ends_with(b"\r\n\r\n") {
        let n = c.read(&mut byte).unwrap_or_else(|e| panic!("reading the answer: {e}; got {:?}", String::from_utf8_lossy(&raw)));
        assert_eq!(n, 1, "the server closed the connection; got {:?}", String::from_utf8_lossy(&raw));
        raw.push(byte[0]);
    }
    let head = parse_reply(&raw, true);
    let len: usize = head.h("content-length").map_or(0, |v| v.parse().unwrap());
    let mut body = vec![0u8; len];
    c.read_exact(&mut body).unwrap();
    raw.extend_from_slice(&body);
    parse_reply(&raw, false)
}

/// Sends `head` and the first part of `body`, reads the answer, then sends the rest of the
/// body (which must go through) and asks for the config on the same connection.
fn answer_mid_body(addr: SocketAddr, head: Vec<u8>, body: &[u8]) -> Reply {
    let mut c = TcpStream::connect(addr).unwrap();
    c.write_all(&head).unwrap();
    c.write_all(&body[..FIRST]).unwrap();
    let answer = read_one(&mut c);
    for piece in body[FIRST..].chunks(64 << 10) {
        c.write_all(piece).unwrap_or_else(|e| panic!("the rest of the body after a {}: {e}", answer.status));
    }
    let config = keep_alive_head("GET", "/api/v1/config", &[("Authorization", format!("Bearer {ALICE}"))], 0);
    c.write_all(&config).unwrap_or_else(|e| panic!("the next request after a {}: {e}", answer.status));
    let next = read_one(&mut c);
    assert_eq!(next.status, 200, "the connection serves the next request: {}", next.text());
    assert!(next.text().contains("chunkSize"), "{}", next.text());
    answer
}

#[test]
fn a_duplicate_answered_at_creation_arrives_whole_while_the_body_is_still_coming() {
    let (_dir, p) = start();
    let data = bytes(LEN, 5);
    let mut h = tus_headers(ALICE);
    h.extend([("Upload-Length", LEN.to_string()), ("Upload-Metadata", meta(&data))]);
    h.push(("Content-Type", "application/offset+octet-stream".into()));
    let first = request(p.addr, "POST", "/files/", &h, &data);
    assert_eq!(first.status, 201, "{}", first.text());
    assert_eq!(first.h("upload-offset"), Some(LEN.to_string().as_str()));
    assert_eq!(first.h("upload-duplicate"), None);

    let answer = answer_mid_body(p.addr, keep_alive_head("POST", "/files/", &h, LEN), &data);
    assert_eq!(answer.status, 201, "{}", answer.text());
    assert_eq!(answer.h("upload-duplicate"), Some("?1"));
    assert_eq!(answer.h("upload-offset"), Some(LEN.to_string().as_str()));
}

/// A new upload of `data` (nothing sent yet), and the headers of a PATCH at a wrong offset.
fn upload_and_wrong_patch(addr: SocketAddr, data: &[u8]) -> (String, Vec<(&'static str, String)>) {
    let mut h = tus_headers(ALICE);
    h.extend([("Upload-Length", LEN.to_string()), ("Upload-Metadata", meta(data))]);
    let created = request(addr, "POST", "/files/", &h, b"");
    assert_eq!(created.status, 201, "{}", created.text());
    let mut h = tus_headers(ALICE);
    h.extend([("Upload-Offset", "4096".to_string()), ("Content-Type", "application/offset+octet-stream".into())]);
    (created.h("location").unwrap().to_string(), h)
}

#[test]
fn a_patch_refused_before_its_body_is_read_keeps_the_connection() {
    let (_dir, p) = start();
    let data = bytes(LEN, 6);
    let (loc, h) = upload_and_wrong_patch(p.addr, &data);
    let answer = answer_mid_body(p.addr, keep_alive_head("PATCH", &loc, &h, LEN), &data);
    assert_eq!(answer.status, 409, "{}", answer.text());
    // Nothing of the refused body was kept, and the upload goes on from where it was.
    let head = request(p.addr, "HEAD", &loc, &tus_headers(ALICE), b"");
    assert_eq!(head.h("upload-offset"), Some("0"));
    let done = common::http::patch(p.addr, &loc, 0, &data);
    assert_eq!(done.status, 204, "{}", done.text());
}

#[test]
fn a_client_waiting_for_100_continue_gets_the_refusal_and_sends_nothing() {
    let (_dir, p) = start();
    let data = bytes(LEN, 7);
    let (loc, mut h) = upload_and_wrong_patch(p.addr, &data);
    h.push(("Expect", "100-continue".into()));
    let mut c = TcpStream::connect(p.addr).unwrap();
    c.write_all(&keep_alive_head("PATCH", &loc, &h, LEN)).unwrap();
    // The refusal comes instead of "100 Continue": the body is never asked for, and the server
    // does not wait for it (it would take the next request for the body).
    let answer = read_one(&mut c);
    assert_eq!(answer.status, 409, "{}", answer.text());
    let config = keep_alive_head("GET", "/api/v1/config", &[("Authorization", format!("Bearer {ALICE}"))], 0);
    let _ = c.write_all(&config);
    c.set_read_timeout(Some(Duration::from_secs(3))).unwrap();
    let mut buf = [0u8; 64];
    match c.read(&mut buf) {
        Ok(0) => {}
        Ok(n) => assert!(buf[..n].starts_with(b"HTTP/1.1 200"), "{:?}", String::from_utf8_lossy(&buf[..n])),
        Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => {}
        Err(e) => panic!("neither answered nor closed: the server waits for a body that never comes ({e})"),
    }
}
