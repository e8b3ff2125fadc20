//! Completion crash points: the real binary is made to abort (`SHOEBOX_CRASH_AT`) at each
//! step of completing an upload, then restarted. After every one the upload is either listed
//! once or resumable (and listed once when finished), never half of each; the index names only
//! stored content, every stored blob is named, and the expiry reaper removing the upload
//! records takes nothing away from the library. Once over the data folder, once over a real S3
//! bucket (SeaweedFS) and PostgreSQL.
mod common;
use common::http::{request, tus_headers};
use common::process::ServerProcess;
use common::*;
use shoebox_core::hash::sha256_hex;
use shoebox_server::integrity::faults::{CRASH_ENV, CRASH_STEPS};
use shoebox_server::integrity::verify::verify;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

const ARGS: [&str; 2] = ["--token", "alice:alice-token-0001"];

/// Where the server keeps its data: the data folder, or a fresh S3 prefix and PostgreSQL
/// database (the same crash points over the scale-out backends).
#[derive(Clone, Default)]
struct Backend {
    store: Option<String>,
    database: Option<String>,
}

impl Backend {
    fn cloud() -> Self {
        Backend { store: Some(common::s3::store_url()), database: Some(common::postgres::database()) }
    }
    fn start(&self, dir: &std::path::Path, env: &[(&str, &str)]) -> ServerProcess {
        let mut args: Vec<&str> = ARGS.to_vec();
        let mut env = env.to_vec();
        if let (Some(s), Some(d)) = (&self.store, &self.database) {
            args.extend(["--store", s, "--database", d]);
            env.extend(common::s3::credentials_env());
        }
        ServerProcess::start(dir, &args, &env)
    }
    fn state(&self, dir: &std::path::Path) -> shoebox_server::AppState {
        let mut c = config(dir);
        if let (Some(s), Some(d)) = (&self.store, &self.database) {
            let mut url = shoebox_server::store::s3::S3Url::parse(s).unwrap();
            url.keys = Some((common::s3::KEY_ID.into(), common::s3::SECRET.into()));
            (c.store, c.database) = (Some(url), Some(d.clone()));
        }
        shoebox_server::AppState::open(c).unwrap()
    }
    fn verify(&self, state: &shoebox_server::AppState, dir: &std::path::Path) -> shoebox_server::integrity::verify::Report {
        match &state.config.store {
            Some(url) => {
                let s3 = shoebox_server::store::s3::S3Store::open(url).unwrap();
                shoebox_server::integrity::verify_store::verify(&s3, &state.index).unwrap()
            }
            None => verify(dir).unwrap(),
        }
    }
    fn uploads_left(&self, state: &shoebox_server::AppState, dir: &std::path::Path) -> Vec<String> {
        match &state.config.store {
            Some(url) => shoebox_server::store::s3::S3Store::open(url).unwrap().list_objects("uploads").unwrap(),
            None => files_under(&dir.join("uploads")).iter().map(|p| p.display().to_string()).collect(),
        }
    }
}

/// A PATCH whose answer may never come (the server aborts while handling it).
fn patch_unanswered(p: &ServerProcess, loc: &str, off: usize, body: &[u8]) -> Vec<u8> {
    let mut h = tus_headers(ALICE);
    h.push(("Upload-Offset", off.to_string()));
    h.push(("Content-Type", "application/offset+octet-stream".into()));
    let mut c = TcpStream::connect(p.addr).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let _ = c.write_all(&common::http::head_bytes("PATCH", loc, &h, Some(body.len())));
    let _ = c.write_all(body);
    let mut got = Vec::new();
    let _ = c.read_to_end(&mut got);
    got
}

fn items(p: &ServerProcess) -> Vec<serde_json::Value> {
    let r = request(p.addr, "GET", "/api/v1/media", &[("Authorization", format!("Bearer {ALICE}"))], b"");
    assert_eq!(r.status, 200, "{}", r.text());
    serde_json::from_slice::<serde_json::Value>(&r.body).unwrap()["items"].as_array().unwrap().clone()
}

fn listed(p: &ServerProcess, sha: &str) -> usize {
    items(p).iter().filter(|i| i["sha256"] == sha).count()
}

/// `client_returns`: the client asks HEAD after the restart; otherwise nobody ever asks again
/// and only the expiry reaper sees the upload.
fn crash_then_recover(b: &Backend, step: &str, seed: u64, client_returns: bool) {
    let dir = tempfile::tempdir().unwrap();
    let data = bytes(400_000, seed);
    let sha = sha256_hex(&data);
    let mut p = b.start(dir.path(), &[(CRASH_ENV, step)]);
    let mut h = tus_headers(ALICE);
    h.push(("Upload-Length", data.len().to_string()));
    h.push(("Upload-Metadata", shoebox_core::tus::encode_metadata([("sha256", Some(sha.as_str())), ("filename", Some("IMG_7.jpg"))])));
    let r = request(p.addr, "POST", "/files/", &h, b"");
    assert_eq!(r.status, 201, "{}", r.text());
    let loc = r.h("location").unwrap().to_string();
    let answer = patch_unanswered(&p, &loc, 0, &data);
    assert!(answer.is_empty(), "{step}: the server answered instead of crashing: {}", String::from_utf8_lossy(&answer));
    let start = Instant::now();
    let status = loop {
        if let Some(s) = p.child.try_wait().unwrap() {
            break s;
        }
        assert!(start.elapsed() < Duration::from_secs(20), "{step}: the server did not abort");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(!status.success(), "{step}: {status:?}");

    if !client_returns {
        return reaper_alone(b, dir, step, &sha);
    }
    let p = b.start(dir.path(), &[]);
    let r = request(p.addr, "HEAD", &loc, &tus_headers(ALICE), b"");
    assert_eq!(r.status, 200, "{step}: HEAD after the restart");
    let off: usize = r.h("upload-offset").unwrap().parse().unwrap();
    if off == data.len() {
        assert_eq!(listed(&p, &sha), 1, "{step}: complete, so listed exactly once");
    } else {
        assert_eq!(listed(&p, &sha), 0, "{step}: resumable at {off}, so not listed yet");
        let mut h = tus_headers(ALICE);
        h.push(("Upload-Offset", off.to_string()));
        h.push(("Content-Type", "application/offset+octet-stream".into()));
        let r = request(p.addr, "PATCH", &loc, &h, &data[off..]);
        assert_eq!(r.status, 204, "{step}: {}", r.text());
        assert_eq!(listed(&p, &sha), 1, "{step}: finished after the restart, listed once");
    }
    assert_eq!(items(&p).len(), 1, "{step}: nothing else listed");
    let got = request(p.addr, "GET", &format!("/api/v1/media/{sha}"), &[("Authorization", format!("Bearer {ALICE}"))], b"");
    assert_eq!(sha256_hex(&got.body), sha, "{step}: the stored bytes");
    let r = request(p.addr, "HEAD", &loc, &tus_headers(ALICE), b"");
    assert_eq!(r.h("upload-offset"), Some(data.len().to_string().as_str()), "{step}: HEAD stays complete");
    drop(p);

    // Index and store agree: every record's blob is there and matches, every blob is named.
    let state = b.state(dir.path());
    let report = b.verify(&state, dir.path());
    assert!(report.is_clean() && report.unnamed.is_empty(), "{step}: {}", report.text());
    // The reaper expires every upload record: the library keeps the photo, nothing is left over.
    expire_all(&state);
    // Over PostgreSQL the killed server's upload lock goes when the database notices its
    // connection closed, a moment after the kill: the reaper skips a held upload until then.
    let mut removed = 0;
    for _ in 0..50 {
        removed += shoebox_server::background::reaper::sweep(&state).unwrap();
        if removed > 0 {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(removed, 1, "{step}");
    after_reaping(b, &state, &dir, step, &sha);
}

fn expire_all(state: &shoebox_server::AppState) {
    for id in state.store.list_uploads().unwrap() {
        let mut info = state.store.load_upload(&id).unwrap().unwrap();
        info.expires_ms = 0;
        state.store.save_upload(&info).unwrap();
    }
}

/// Nobody comes back: the upload expires and the reaper runs until nothing of it is left.
/// Whatever step the crash hit, the photo ends in the library once, since every byte was
/// durable (fails where completion moved the bytes into the blob before recording it: the
/// reaper then deleted the record and left a blob that nothing names).
fn reaper_alone(b: &Backend, dir: tempfile::TempDir, step: &str, sha: &str) {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let state = b.state(dir.path());
    expire_all(&state);
    rt.block_on(shoebox_server::background::reaper::expire(&state)).unwrap();
    expire_all(&state);
    rt.block_on(shoebox_server::background::reaper::expire(&state)).unwrap();
    after_reaping(b, &state, &dir, step, sha);
}

fn after_reaping(b: &Backend, state: &shoebox_server::AppState, dir: &tempfile::TempDir, step: &str, sha: &str) {
    let left = b.uploads_left(state, dir.path());
    assert!(left.is_empty(), "{step}: {left:?}");
    let (list, _) = state.index.list("alice", None, 0, 10).unwrap();
    assert_eq!(list.iter().map(|m| m.sha256.as_str()).collect::<Vec<_>>(), [sha], "{step}");
    assert_eq!(list[0].filename.as_deref(), Some("IMG_7.jpg"), "{step}");
    let report = b.verify(state, dir.path());
    assert!(report.is_clean() && report.unnamed.is_empty() && report.checked == 1, "{step}: {}", report.text());
}

#[test]
fn a_crash_at_every_step_of_completion_ends_listed_once_or_resumable() {
    for (i, step) in CRASH_STEPS.iter().enumerate() {
        crash_then_recover(&Backend::default(), step, 70 + i as u64, true);
    }
}

#[test]
fn the_same_crash_points_over_s3_and_postgresql() {
    for (i, step) in CRASH_STEPS.iter().enumerate() {
        crash_then_recover(&Backend::cloud(), step, 90 + i as u64, true);
        crash_then_recover(&Backend::cloud(), step, 100 + i as u64, false);
    }
}

#[test]
fn a_crash_at_every_step_of_completion_then_only_the_reaper_still_ends_listed_once() {
    for (i, step) in CRASH_STEPS.iter().enumerate() {
        crash_then_recover(&Backend::default(), step, 80 + i as u64, false);
    }
}
