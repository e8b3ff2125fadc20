//! Two real `shoebox-server` processes over one S3 bucket (SeaweedFS) and one PostgreSQL
//! database, as behind a load balancer: an upload begun on node A finishes on node B with
//! identical bytes, also after A is killed with SIGKILL mid-PATCH; dedup sees both nodes'
//! uploads; two PATCHes of one upload through the two nodes get 423 as on one node; and
//! afterwards neither node's data folder holds anything another node would need.
mod common;

use common::http::{head_bytes, parse_reply, read_reply, request, tus_headers, Reply};
use common::process::ServerProcess;
use common::{bytes, files_under, ALICE};
use shoebox_core::hash::sha256_hex;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

struct Cluster {
    a: ServerProcess,
    b: ServerProcess,
    dirs: [tempfile::TempDir; 2],
    store: String,
    database: String,
}

fn node(dir: &std::path::Path, store: &str, database: &str) -> ServerProcess {
    let token = format!("alice:{ALICE}");
    let env = common::s3::credentials_env();
    ServerProcess::start(dir, &["--store", store, "--database", database, "--token", &token], &env)
}

impl Cluster {
    fn start() -> Self {
        let (store, database) = (common::s3::store_url(), common::postgres::database());
        let dirs = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
        let a = node(dirs[0].path(), &store, &database);
        let b = node(dirs[1].path(), &store, &database);
        Cluster { a, b, dirs, store, database }
    }
}

fn create(addr: SocketAddr, len: usize, meta: &str) -> String {
    let mut h = tus_headers(ALICE);
    h.push(("Upload-Length", len.to_string()));
    h.push(("Upload-Metadata", meta.to_string()));
    let r = request(addr, "POST", "/files/", &h, &[]);
    assert_eq!(r.status, 201, "{}", r.text());
    let loc = r.h("location").unwrap();
    // Absolute or not, the path is what any node answers to.
    loc.find("/files/").map(|i| loc[i..].to_string()).unwrap()
}

fn patch(addr: SocketAddr, loc: &str, offset: usize, body: &[u8]) -> Reply {
    let mut h = tus_headers(ALICE);
    h.push(("Upload-Offset", offset.to_string()));
    h.push(("Content-Type", "application/offset+octet-stream".into()));
    // With Expect: 100-continue the body goes only once the server asks for it: a refused
    // PATCH (423) is answered without reading it, and no unread bytes turn its close into a reset.
    h.push(("Expect", "100-continue".into()));
    let mut c = TcpStream::connect(addr).unwrap();
    c.write_all(&head_bytes("PATCH", loc, &h, Some(body.len()))).unwrap();
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        assert_eq!(c.read(&mut byte).unwrap(), 1, "the server closed before answering");
        head.push(byte[0]);
    }
    if !head.starts_with(b"HTTP/1.1 100") {
        let mut rest = Vec::new();
        let _ = c.read_to_end(&mut rest);
        head.extend(rest);
        return parse_reply(&head, false);
    }
    c.write_all(body).unwrap();
    read_reply(c, false)
}

fn offset(addr: SocketAddr, loc: &str) -> usize {
    let r = request(addr, "HEAD", loc, &tus_headers(ALICE), &[]);
    assert_eq!(r.status, 200, "HEAD {loc}");
    r.h("upload-offset").unwrap().parse().unwrap()
}

fn media(addr: SocketAddr, digest: &str) -> Vec<u8> {
    let r = request(addr, "GET", &format!("/api/v1/media/{digest}"), &[("Authorization", format!("Bearer {ALICE}"))], &[]);
    assert_eq!(r.status, 200, "{}", r.text());
    r.body
}

fn meta(name: &str) -> String {
    use base64::Engine;
    format!("filename {}", base64::engine::general_purpose::STANDARD.encode(name))
}

/// Nothing but what a node may lose: its data folder is empty (no records, no bytes, no keys).
fn assert_stateless(c: &Cluster) {
    for d in &c.dirs {
        let left = files_under(d.path());
        assert!(left.is_empty(), "a node kept state of its own: {left:?}");
    }
}

#[test]
fn an_upload_begun_on_one_node_finishes_on_the_other_with_identical_bytes() {
    let c = Cluster::start();
    let data = bytes(13 << 20, 41); // a multipart part, then a tail below the part minimum
    let loc = create(c.a.addr, data.len(), &meta("IMG_0001.jpg"));
    assert_eq!(patch(c.a.addr, &loc, 0, &data[..9 << 20]).status, 204);
    assert_eq!(offset(c.b.addr, &loc), 9 << 20, "node B sees what node A stored");
    let r = patch(c.b.addr, &loc, 9 << 20, &data[9 << 20..]);
    assert_eq!((r.status, r.h("upload-offset")), (204, Some("13631488")), "{}", r.text());
    assert_eq!(sha256_hex(&media(c.a.addr, &sha256_hex(&data))), sha256_hex(&data), "node A serves what node B completed");
    // The same content again, through the other node: already backed up, nothing sent.
    let check = request(
        c.a.addr,
        "POST",
        "/api/v1/media/check",
        &[("Authorization", format!("Bearer {ALICE}")), ("Content-Type", "application/json".into())],
        format!("{{\"sha256\":[\"{}\"]}}", sha256_hex(&data)).as_bytes(),
    );
    assert!(check.text().contains(&sha256_hex(&data)), "dedup across nodes: {}", check.text());
    let mut h = tus_headers(ALICE);
    h.push(("Upload-Length", data.len().to_string()));
    h.push(("Upload-Metadata", format!("{},sha256 {}", meta("copy.jpg"), b64(&sha256_hex(&data)))));
    let dup = request(c.b.addr, "POST", "/files/", &h, &[]);
    assert_eq!((dup.status, dup.h("upload-duplicate")), (201, Some("?1")), "{}", dup.text());
    let blobs = shoebox_server::store::s3::S3Store::open(&keyed(&c.store)).unwrap().list_objects("blobs").unwrap();
    assert_eq!(blobs.len(), 1, "one copy in the bucket: {blobs:?}");
    assert_stateless(&c);
    let _ = &c.database;
}

fn b64(s: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(s)
}

fn keyed(url: &str) -> shoebox_server::store::s3::S3Url {
    let mut u = shoebox_server::store::s3::S3Url::parse(url).unwrap();
    u.keys = Some((common::s3::KEY_ID.into(), common::s3::SECRET.into()));
    u
}

/// A PATCH of 12 MiB announced, 10 MiB sent (a part already in the bucket), then nothing;
/// returned once the node holds the upload.
fn hanging_patch(addr: SocketAddr, loc: &str, data: &[u8]) -> TcpStream {
    let mut h = tus_headers(ALICE);
    h.push(("Upload-Offset", "0".into()));
    h.push(("Content-Type", "application/offset+octet-stream".into()));
    let mut s = TcpStream::connect(addr).unwrap();
    s.write_all(&head_bytes("PATCH", loc, &h, Some(data.len()))).unwrap();
    s.write_all(&data[..10 << 20]).unwrap();
    // Wait until the node holds the upload (an empty PATCH then answers 423), however slow
    // the machine: a fixed pause let the other node's PATCH win on a busy one.
    for _ in 0..150 {
        if patch(addr, loc, 0, b"").status == 423 {
            return s;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("the node never took the upload");
}

#[test]
fn two_patches_through_two_nodes_get_423_and_a_killed_node_lets_go() {
    let mut c = Cluster::start();
    let data = bytes(12 << 20, 43);
    let loc = create(c.a.addr, data.len(), &meta("VID_0001.mp4"));
    let held = hanging_patch(c.a.addr, &loc, &data);
    // Node A holds the upload: node B refuses a second writer, as one node would.
    assert_eq!(patch(c.b.addr, &loc, 0, &data).status, 423);
    // A dies mid-PATCH; PostgreSQL frees its lock with its connection.
    c.a.kill9();
    drop(held);
    let mut at = offset(c.b.addr, &loc);
    assert!(at == 0 || at == 10 << 20, "only durable bytes count: {at}");
    let mut tries = 0;
    loop {
        let r = patch(c.b.addr, &loc, at, &data[at..]);
        if r.status == 204 {
            break;
        }
        // The lock goes when PostgreSQL notices the dead connection, at once on loopback.
        assert_eq!(r.status, 423, "{}", r.text());
        tries += 1;
        assert!(tries < 50, "node A's lock was never released");
        std::thread::sleep(Duration::from_millis(200));
        at = offset(c.b.addr, &loc);
    }
    assert_eq!(sha256_hex(&media(c.b.addr, &sha256_hex(&data))), sha256_hex(&data));
    // A restarted node picks up where the cluster is.
    c.a = node(c.dirs[0].path(), &c.store, &c.database);
    assert_eq!(offset(c.a.addr, &loc), data.len());
    assert_stateless(&c);
}

#[test]
fn concurrent_patches_while_both_nodes_live_never_interleave() {
    let c = Cluster::start();
    let data = bytes(12 << 20, 44);
    let other = bytes(12 << 20, 45);
    let loc = create(c.b.addr, data.len(), &meta("IMG_0002.jpg"));
    let mut held = hanging_patch(c.a.addr, &loc, &data);
    assert_eq!(patch(c.b.addr, &loc, 0, &other).status, 423);
    assert_eq!(request(c.b.addr, "DELETE", &loc, &tus_headers(ALICE), &[]).status, 423);
    held.write_all(&data[10 << 20..]).unwrap();
    let r = read_reply(held, false);
    assert_eq!(r.status, 204, "{}", r.text());
    assert_eq!(sha256_hex(&media(c.b.addr, &sha256_hex(&data))), sha256_hex(&data), "only node A's bytes");
}
