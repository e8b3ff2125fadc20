//! The server's own data: `shoebox-server backup` copies the databases while the server runs
//! (SQLite's online backup), and `shoebox-server reindex` rebuilds a deleted index.sqlite from
//! the stored files and the upload records still kept; both through the real binary.
mod common;
use common::http::{request, tus_headers};
use common::process::{binary, ServerProcess};
use common::*;
use shoebox_core::hash::sha256_hex;
use std::path::Path;

const ARGS: [&str; 2] = ["--token", "alice:alice-token-0001"];

fn command(args: &[&str], dir: &Path, extra: &[&Path]) -> String {
    let out = std::process::Command::new(binary()).env_remove("SHOEBOX_DATA_DIR").args(args).arg(dir).args(extra).output().unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{args:?}: {text}");
    text
}

/// Uploads in one PATCH; returns the upload id.
fn upload(p: &ServerProcess, data: &[u8], meta: &[(&str, &str)]) -> String {
    let sha = sha256_hex(data);
    let mut m: Vec<(&str, Option<&str>)> = meta.iter().map(|(k, v)| (*k, Some(*v))).collect();
    m.push(("sha256", Some(&sha)));
    let mut h = tus_headers(ALICE);
    h.push(("Upload-Length", data.len().to_string()));
    h.push(("Upload-Metadata", shoebox_core::tus::encode_metadata(m)));
    let r = request(p.addr, "POST", "/files/", &h, b"");
    assert_eq!(r.status, 201, "{}", r.text());
    let loc = r.h("location").unwrap().to_string();
    let mut h = tus_headers(ALICE);
    h.push(("Upload-Offset", "0".into()));
    h.push(("Content-Type", "application/offset+octet-stream".into()));
    assert_eq!(request(p.addr, "PATCH", &loc, &h, data).status, 204);
    loc.rsplit('/').next().unwrap().to_string()
}

/// (sha256, filename, album) of each listed item, in the library's order.
fn listing(p: &ServerProcess) -> Vec<(String, Option<String>, Option<String>)> {
    let r = request(p.addr, "GET", "/api/v1/media", &[("Authorization", format!("Bearer {ALICE}"))], b"");
    assert_eq!(r.status, 200, "{}", r.text());
    let v: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
    let s = |x: &serde_json::Value| x.as_str().map(str::to_string);
    v["items"].as_array().unwrap().iter().map(|i| (s(&i["sha256"]).unwrap(), s(&i["filename"]), s(&i["album"]))).collect()
}

fn remove_index(dir: &Path) {
    for f in ["index.sqlite", "index.sqlite-wal", "index.sqlite-shm"] {
        let _ = std::fs::remove_file(dir.join(f));
    }
}

#[test]
fn backup_while_running_then_reindex_a_deleted_index() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let p = ServerProcess::start(d, &ARGS, &[]);
    let (a, b, c) = (bytes(150_000, 91), bytes(90_000, 92), bytes(60_000, 93));
    upload(&p, &a, &[("filename", "a.jpg"), ("album", "Trip")]);
    upload(&p, &b, &[("filename", "b.jpg"), ("relativePath", "2024/b.jpg")]);
    let reaped = upload(&p, &c, &[("filename", "c.jpg"), ("album", "Trip")]);
    let before = listing(&p);
    assert_eq!(before.len(), 3);

    // Backup while the server runs and keeps taking uploads.
    let dest = tempfile::tempdir().unwrap();
    let out = command(&["backup", "--data-dir"], d, &[dest.path()]);
    assert!(out.contains("index.sqlite: ") && out.contains("accounts.sqlite: "), "{out}");
    let copy = rusqlite::Connection::open(dest.path().join("index.sqlite")).unwrap();
    assert_eq!(copy.query_row("SELECT COUNT(*) FROM media", [], |r| r.get::<_, i64>(0)).unwrap(), 3);
    drop(copy);
    drop(p);

    // The index is lost; c's upload record has expired and was reaped.
    remove_index(d);
    std::fs::remove_file(d.join("uploads").join(format!("{reaped}.json"))).unwrap();
    let out = command(&["reindex", "--data-dir"], d, &[]);
    assert!(out.contains("3 records added (2 found with their names and albums"), "{out}");
    let p = ServerProcess::start(d, &ARGS, &[]);
    let after = listing(&p);
    let find = |sha: &str| after.iter().find(|i| i.0 == sha).cloned().unwrap_or_else(|| panic!("{sha} not listed: {after:?}"));
    assert_eq!(after.len(), 3, "{after:?}");
    assert_eq!(find(&sha256_hex(&a)), (sha256_hex(&a), Some("a.jpg".into()), Some("Trip".into())));
    assert_eq!(find(&sha256_hex(&b)), (sha256_hex(&b), Some("b.jpg".into()), Some("2024".into())), "album from the folder");
    // What no record remembers cannot come back: the bytes are listed, not the name or album.
    assert_eq!(find(&sha256_hex(&c)), (sha256_hex(&c), None, None));
    let got = request(p.addr, "GET", &format!("/api/v1/media/{}", sha256_hex(&c)), &[("Authorization", format!("Bearer {ALICE}"))], b"");
    assert_eq!(got.body, c);
    drop(p);
    // Idempotent: a second run adds nothing.
    assert!(command(&["reindex", "--data-dir"], d, &[]).contains(": 0 records added"));

    // Restoring the backup brings back everything, c's name and album too.
    remove_index(d);
    std::fs::copy(dest.path().join("index.sqlite"), d.join("index.sqlite")).unwrap();
    let p = ServerProcess::start(d, &ARGS, &[]);
    assert_eq!(listing(&p), before);
}
