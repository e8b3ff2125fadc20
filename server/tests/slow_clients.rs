//! Slow and idle clients against the real `shoebox-server` binary on 127.0.0.1: a connection
//! that never finishes its request head is closed within --header-timeout-secs, a PATCH body
//! that stalls ends its request within --body-idle-timeout-secs (the bytes that arrived stay
//! and the upload resumes), and connections past --max-connections wait without stopping the
//! server from answering once the others go. Other clients are served all along.
mod common;
use common::http::{head_bytes, patch, read_reply, request, tus_headers};
use common::process::ServerProcess;
use common::*;
use shoebox_core::hash::sha256_hex;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

fn start(extra: &[&str]) -> (tempfile::TempDir, ServerProcess) {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec!["--token", "alice:alice-token-0001"];
    args.extend_from_slice(extra);
    let p = ServerProcess::start(dir.path(), &args, &[]);
    (dir, p)
}

fn config_ok(addr: SocketAddr) -> bool {
    request(addr, "GET", "/api/v1/config", &[("Authorization", format!("Bearer {ALICE}"))], b"").status == 200
}

/// Reads until the server closes the connection; what it sent, and how long that took.
fn until_closed(c: &mut TcpStream, limit: Duration) -> (Vec<u8>, Duration) {
    let t = Instant::now();
    c.set_read_timeout(Some(limit)).unwrap();
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match c.read(&mut buf) {
            Ok(0) => return (got, t.elapsed()),
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => return (got, t.elapsed()),
            Err(e) => panic!("still open after {:?} ({e}); got {:?}", t.elapsed(), String::from_utf8_lossy(&got)),
        }
    }
}

fn create(addr: SocketAddr, data: &[u8]) -> String {
    let mut h = tus_headers(ALICE);
    h.push(("Upload-Length", data.len().to_string()));
    h.push(("Upload-Metadata", shoebox_core::tus::encode_metadata([("sha256", Some(sha256_hex(data).as_str()))])));
    let r = request(addr, "POST", "/files/", &h, b"");
    assert_eq!(r.status, 201, "{}", r.text());
    r.h("location").unwrap().to_string()
}

fn offset(addr: SocketAddr, loc: &str) -> usize {
    request(addr, "HEAD", loc, &tus_headers(ALICE), b"").h("upload-offset").unwrap().parse().unwrap()
}

#[test]
fn a_half_sent_header_is_closed_within_the_timeout_while_others_are_served() {
    let (_dir, p) = start(&["--header-timeout-secs", "1"]);
    let mut slow = TcpStream::connect(p.addr).unwrap();
    slow.write_all(b"GET /api/v1/config HTTP/1.1\r\nHost: test\r\nAuthorization: Bea").unwrap();
    // A connection that sends nothing at all is held to the same deadline.
    let mut silent = TcpStream::connect(p.addr).unwrap();
    let t = Instant::now();
    assert!(config_ok(p.addr), "another client is answered while the slow one hangs");
    assert!(t.elapsed() < Duration::from_millis(900), "answered at once: {:?}", t.elapsed());
    let (got, took) = until_closed(&mut slow, Duration::from_secs(5));
    assert!(took < Duration::from_secs(3), "closed after {took:?}");
    assert!(!String::from_utf8_lossy(&got).contains(" 200 "), "the half request was never served");
    let (_, took) = until_closed(&mut silent, Duration::from_secs(5));
    assert!(took < Duration::from_secs(3), "silent connection closed after {took:?}");
    assert!(config_ok(p.addr));
}

#[test]
fn a_patch_that_stalls_mid_body_is_ended_and_the_upload_resumes() {
    let (_dir, p) = start(&["--body-idle-timeout-secs", "1"]);
    let data = bytes(1_000_000, 71);
    let loc = create(p.addr, &data);
    let mut c = TcpStream::connect(p.addr).unwrap();
    let mut h = tus_headers(ALICE);
    h.push(("Upload-Offset", "0".into()));
    h.push(("Content-Type", "application/offset+octet-stream".into()));
    c.write_all(&head_bytes("PATCH", &loc, &h, Some(data.len()))).unwrap();
    c.write_all(&data[..300_001]).unwrap();
    let t = Instant::now();
    // Another upload goes through, start to end, while this one stalls.
    let other = bytes(200_000, 72);
    let other_loc = create(p.addr, &other);
    assert_eq!(patch(p.addr, &other_loc, 0, &other).status, 204);
    // The stalled request is answered (the connection still open on our side) and closed.
    c.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let reply = read_reply(c, false);
    assert!(t.elapsed() < Duration::from_secs(5), "ended after {:?}", t.elapsed());
    assert_eq!(reply.status, 400, "{}", reply.text());
    assert!(reply.text().contains("300001 bytes are kept"), "{}", reply.text());
    assert_eq!(offset(p.addr, &loc), 300_001, "exactly the bytes that arrived are durable");
    assert_eq!(patch(p.addr, &loc, 300_001, &data[300_001..]).status, 204);
    let got = request(p.addr, "GET", &format!("/api/v1/media/{}", sha256_hex(&data)), &[("Authorization", format!("Bearer {ALICE}"))], b"");
    assert_eq!(got.status, 200);
    assert_eq!(sha256_hex(&got.body), sha256_hex(&data), "stored bytes are the source's");
    let got =
        request(p.addr, "GET", &format!("/api/v1/media/{}", sha256_hex(&other)), &[("Authorization", format!("Bearer {ALICE}"))], b"");
    assert_eq!(got.body, other);
}

#[test]
fn a_slow_but_moving_body_is_not_cut() {
    let (_dir, p) = start(&["--body-idle-timeout-secs", "1"]);
    let data = bytes(60_000, 73);
    let loc = create(p.addr, &data);
    let mut c = TcpStream::connect(p.addr).unwrap();
    let mut h = tus_headers(ALICE);
    h.push(("Upload-Offset", "0".into()));
    h.push(("Content-Type", "application/offset+octet-stream".into()));
    c.write_all(&head_bytes("PATCH", &loc, &h, Some(data.len()))).unwrap();
    // 2.4 s in all, longer than the idle timeout, but never 1 s without a byte.
    for part in data.chunks(10_000) {
        c.write_all(part).unwrap();
        std::thread::sleep(Duration::from_millis(400));
    }
    let reply = read_reply(c, false);
    assert_eq!(reply.status, 204, "{}", reply.text());
    assert_eq!(offset(p.addr, &loc), data.len());
}

#[test]
fn connections_past_the_limit_wait_and_are_served_once_others_go() {
    let (_dir, p) = start(&["--max-connections", "3", "--header-timeout-secs", "30"]);
    // Three connections hold every place, each in the middle of a request head.
    let holders: Vec<TcpStream> = (0..3)
        .map(|_| {
            let mut c = TcpStream::connect(p.addr).unwrap();
            c.write_all(b"GET /api/v1/config HTTP/1.1\r\nHost: t").unwrap();
            c
        })
        .collect();
    std::thread::sleep(Duration::from_millis(200));
    // A fourth is queued by the kernel: connected, but not answered while the places are held.
    let mut waiting = TcpStream::connect(p.addr).unwrap();
    let h = [("Authorization", format!("Bearer {ALICE}"))];
    waiting.write_all(&head_bytes("GET", "/api/v1/config", &h, None)).unwrap();
    waiting.set_read_timeout(Some(Duration::from_millis(700))).unwrap();
    let mut b = [0u8; 1];
    let early = waiting.read(&mut b);
    assert!(early.is_err(), "answered past the limit: {early:?}");
    drop(holders);
    // Once they go, the waiting one is served, and so is everyone after it.
    waiting.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let t = Instant::now();
    let reply = read_reply(waiting, false);
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert!(t.elapsed() < Duration::from_secs(3), "served {:?} after the places freed", t.elapsed());
    for _ in 0..10 {
        assert!(config_ok(p.addr));
    }
}

#[test]
fn the_connection_flags_are_documented_and_checked() {
    let out = std::process::Command::new(common::process::binary()).arg("--help").output().unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    for f in ["--max-connections", "--header-timeout-secs", "--body-idle-timeout-secs", "--metrics-token", "SHOEBOX_METRICS_TOKEN"] {
        assert!(help.contains(f), "{f} missing from --help");
    }
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(common::process::binary())
        .args(["--listen", "127.0.0.1:0", "--max-connections", "0", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("above 0"));
}
