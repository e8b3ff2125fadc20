//! A kiosk visit across two real `shoebox-server` nodes over one S3 bucket and one PostgreSQL
//! database: Finish said to one node stops a PATCH still arriving at the other, and nothing of
//! it is stored; the visit's token then answers 401 on both.
mod common;

use common::http::{head_bytes, read_reply, request, tus_headers};
use common::process::ServerProcess;
use common::{bytes, ALICE};
use std::io::Write;
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

const KEY: &str = "two-node-kiosk-key-012345";

fn node(dir: &std::path::Path, store: &str, database: &str) -> ServerProcess {
    let (token, kiosk) = (format!("alice:{ALICE}"), format!("shop:alice:{KEY}"));
    let env = common::s3::credentials_env();
    ServerProcess::start(dir, &["--store", store, "--database", database, "--token", &token, "--kiosk", &kiosk], &env)
}

fn bearer(t: &str) -> Vec<(&'static str, String)> {
    vec![("Authorization", format!("Bearer {t}"))]
}

fn visit(addr: SocketAddr) -> String {
    let r = request(addr, "POST", "/api/v1/kiosk/sessions", &bearer(KEY), &[]);
    assert_eq!(r.status, 201, "{}", r.text());
    let j: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
    j["token"].as_str().unwrap().to_string()
}

#[test]
fn finish_on_one_node_stops_a_patch_arriving_at_the_other() {
    let (store, database) = (common::s3::store_url(), common::postgres::database());
    let dirs = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
    let a = node(dirs[0].path(), &store, &database);
    let b = node(dirs[1].path(), &store, &database);
    let token = visit(a.addr);
    let data = bytes(2 << 20, 21);
    let mut h = tus_headers(&token);
    h.push(("Upload-Length", data.len().to_string()));
    let r = request(a.addr, "POST", "/files/", &h, &[]);
    assert_eq!(r.status, 201, "{}", r.text());
    let loc = r.h("location").unwrap().to_string();
    let loc = loc[loc.find("/files/").unwrap()..].to_string();

    let mut h = tus_headers(&token);
    h.push(("Upload-Offset", "0".into()));
    h.push(("Content-Type", "application/offset+octet-stream".into()));
    let mut c = TcpStream::connect(a.addr).unwrap();
    c.write_all(&head_bytes("PATCH", &loc, &h, Some(data.len()))).unwrap();
    c.write_all(&data[..1 << 20]).unwrap();
    std::thread::sleep(Duration::from_millis(400));
    let end = request(b.addr, "DELETE", "/api/v1/kiosk/sessions/current", &bearer(&token), &[]);
    assert_eq!(end.status, 204, "{}", end.text());
    // Past the running body's check interval, the rest arrives at node A.
    std::thread::sleep(Duration::from_millis(1200));
    let _ = c.write_all(&data[1 << 20..]);
    let reply = read_reply(c, false);
    assert_eq!(reply.status, 401, "{}", reply.text());

    for n in [&a, &b] {
        assert_eq!(request(n.addr, "GET", "/api/v1/kiosk/sessions/current", &bearer(&token), &[]).status, 401);
        let list = request(n.addr, "GET", "/api/v1/media", &bearer(ALICE), &[]);
        let j: serde_json::Value = serde_json::from_slice(&list.body).unwrap();
        assert!(j["items"].as_array().unwrap().is_empty(), "nothing of the visit stored: {j}");
        assert_eq!(request(n.addr, "HEAD", &loc, &tus_headers(ALICE), &[]).status, 404, "the upload was ended");
    }
}
