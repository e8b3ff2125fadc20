//! Integrity of what is stored: bytes a disk corrupts on their way down are refused at
//! completion (never recorded as media) and can be sent again; `shoebox-server verify` and the
//! background scrub find a byte flipped in a stored blob.
mod common;
use axum::http::StatusCode;
use clap::Parser;
use common::*;
use shoebox_core::hash::sha256_hex;
use shoebox_server::config::{Args, ServerConfig};
use shoebox_server::integrity::faults::CorruptWrites;
use shoebox_server::store::local::LocalStore;
use shoebox_server::{app, AppState};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A server whose disk damages bytes on their way down when told to; `device`: it reads
/// uploads back from the device itself (`--read-back-from-device`) rather than through the
/// file system.
fn faulty_server_reading(device: bool) -> (TestServer, CorruptWrites) {
    let dir = tempfile::tempdir().unwrap();
    let fault = CorruptWrites::default();
    let store = Arc::new(LocalStore::open_with_faults(dir.path(), fault.clone()).unwrap().reading_back_from_device(device));
    let state = AppState::with_store(config(dir.path()), store).unwrap();
    (TestServer { app: app(state.clone()), state, dir }, fault)
}

fn faulty_server() -> (TestServer, CorruptWrites) {
    faulty_server_reading(false)
}

/// Fails on the old code: it hashed only the bytes as they arrived, so the damaged file was
/// recorded as a good backup.
#[tokio::test]
async fn bytes_corrupted_on_their_way_to_disk_are_refused_and_can_be_sent_again() {
    corrupted_bytes_are_refused_and_sent_again(faulty_server()).await
}

#[tokio::test]
async fn read_back_from_the_device_refuses_corrupted_bytes_too() {
    corrupted_bytes_are_refused_and_sent_again(faulty_server_reading(true)).await
}

#[test]
fn read_back_from_device_is_off_unless_asked() {
    let c = |a: &[&str]| ServerConfig::from_args(Args::parse_from(a)).unwrap();
    assert!(!c(&["shoebox-server"]).read_back_from_device);
    assert!(c(&["shoebox-server", "--read-back-from-device"]).read_back_from_device);
}

async fn corrupted_bytes_are_refused_and_sent_again((s, fault): (TestServer, CorruptWrites)) {
    let data = bytes(700_000, 51);
    let sha = sha256_hex(&data);
    let loc = s.create(data.len() as u64, &[("sha256", &sha), ("filename", "IMG_0051.jpg")]).await;
    fault.set(true);
    assert_eq!(s.patch(&loc, 0, &data[..300_000]).await.status, StatusCode::NO_CONTENT);
    let r = s.patch(&loc, 300_000, &data[300_000..]).await;
    assert_eq!(r.status, StatusCode::INTERNAL_SERVER_ERROR, "{}", r.text());
    assert!(r.text().contains("read back from storage") && r.text().contains("send it again"), "{}", r.text());
    // Not media: not listed, not served, not counted as completed.
    assert_eq!(s.get("/api/v1/media").await.json()["items"].as_array().unwrap().len(), 0);
    assert_eq!(s.get(&format!("/api/v1/media/{sha}")).await.status, StatusCode::NOT_FOUND);
    assert!(s.stored("blobs").is_empty(), "no blob kept");
    let m = s.state.metrics.render();
    assert_eq!(metric_value(&m, "shoebox_stored_mismatches_total"), 1.0);
    assert_eq!(metric_value(&m, "shoebox_uploads_completed_total"), 0.0);
    // The upload restarts at 0; once the disk behaves, the same URL takes the file.
    assert_eq!(s.head(&loc).await.h("upload-offset").as_deref(), Some("0"));
    fault.set(false);
    assert_eq!(s.patch(&loc, 0, &data).await.status, StatusCode::NO_CONTENT);
    assert_eq!(s.get(&format!("/api/v1/media/{sha}")).await.body, data);
    assert_eq!(s.get("/api/v1/media").await.json()["items"].as_array().unwrap().len(), 1);
}

/// The bytes of an early PATCH are read back behind the later ones, by the time they are
/// answered: damage to them is found at completion although the last PATCHes were stored well.
#[tokio::test]
async fn damage_to_an_early_patch_is_found_when_later_ones_are_stored_well() {
    let (s, fault) = faulty_server();
    let data = bytes(5_000_000, 55);
    let sha = sha256_hex(&data);
    let loc = s.create(data.len() as u64, &[("sha256", &sha), ("filename", "IMG_0055.jpg")]).await;
    fault.set(true);
    assert_eq!(s.patch(&loc, 0, &data[..2_500_000]).await.status, StatusCode::NO_CONTENT);
    fault.set(false);
    assert_eq!(s.patch(&loc, 2_500_000, &data[2_500_000..4_000_000]).await.status, StatusCode::NO_CONTENT);
    let r = s.patch(&loc, 4_000_000, &data[4_000_000..]).await;
    assert_eq!(r.status, StatusCode::INTERNAL_SERVER_ERROR, "{}", r.text());
    assert!(r.text().contains("read back from storage"), "{}", r.text());
    assert_eq!(s.get("/api/v1/media").await.json()["items"].as_array().unwrap().len(), 0);
    assert_eq!(s.head(&loc).await.h("upload-offset").as_deref(), Some("0"));
    // Sent again on a good disk, in several PATCHes, the same upload completes.
    for (from, to) in [(0, 2_500_000), (2_500_000, 4_000_000), (4_000_000, data.len())] {
        assert_eq!(s.patch(&loc, from as u64, &data[from..to]).await.status, StatusCode::NO_CONTENT);
    }
    assert_eq!(s.get(&format!("/api/v1/media/{sha}")).await.body, data);
}

#[tokio::test]
async fn a_corrupted_upload_without_a_declared_digest_is_refused_too() {
    // The declared digest would have caught it at the next step; without one only the
    // read-back does.
    let (s, fault) = faulty_server();
    fault.set(true);
    let data = bytes(100_000, 52);
    let loc = s.create(data.len() as u64, &[]).await;
    assert_eq!(s.patch(&loc, 0, &data).await.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(s.get("/api/v1/media").await.json()["items"].as_array().unwrap().len(), 0);
}

/// The one blob of `sha` under the data folder.
pub fn blob_path(dir: &Path, user: &str, sha: &str) -> PathBuf {
    dir.join("blobs").join(user).join(&sha[..2]).join(sha)
}

fn flip_a_byte(p: &Path, at: usize) {
    let mut b = std::fs::read(p).unwrap();
    b[at] ^= 0x40;
    std::fs::write(p, b).unwrap();
}

fn verify(dir: &Path) -> std::process::Output {
    std::process::Command::new(common::process::binary())
        .env_remove("SHOEBOX_DATA_DIR")
        .args(["verify", "--data-dir"])
        .arg(dir)
        .output()
        .unwrap()
}

#[tokio::test]
async fn verify_reports_a_flipped_byte_and_exits_non_zero() {
    let s = TestServer::new();
    let (a, b) = (bytes(200_000, 53), bytes(50_000, 54));
    s.upload(&a, 64_000, &[]).await;
    s.upload(&b, 64_000, &[]).await;
    let ok = verify(s.dir.path());
    let out = String::from_utf8_lossy(&ok.stdout);
    assert!(ok.status.success(), "{out}{}", String::from_utf8_lossy(&ok.stderr));
    assert!(out.contains("Verified 2 stored files (250000 bytes): 0 mismatched"), "{out}");

    flip_a_byte(&blob_path(s.dir.path(), "alice", &sha256_hex(&a)), 123_456);
    let bad = verify(s.dir.path());
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(!bad.status.success());
    assert!(err.contains(&format!("MISMATCH alice {}", sha256_hex(&a))), "{err}");
    assert!(!err.contains(&sha256_hex(&b)), "the good blob is not reported: {err}");
    assert!(err.contains("1 mismatched"), "{err}");

    // A record whose blob is gone is reported as well.
    std::fs::remove_file(blob_path(s.dir.path(), "alice", &sha256_hex(&b))).unwrap();
    let err = String::from_utf8_lossy(&verify(s.dir.path()).stderr).into_owned();
    assert!(err.contains(&format!("MISSING alice {}", sha256_hex(&b))), "{err}");
}

#[tokio::test]
async fn the_background_scrub_counts_a_flipped_byte_in_metrics() {
    let s = TestServer::with(|c| c.scrub_interval = Some(Duration::from_millis(200)));
    let (a, b) = (bytes(120_000, 55), bytes(80_000, 56));
    s.upload(&a, 120_000, &[]).await;
    s.upload(&b, 80_000, &[]).await;
    flip_a_byte(&blob_path(s.dir.path(), "alice", &sha256_hex(&b)), 0);
    let task = shoebox_server::integrity::scrub::spawn(s.state.clone()).expect("the scrub is configured");
    let start = Instant::now();
    loop {
        let m = s.state.metrics.render();
        if metric_value(&m, "shoebox_scrub_mismatches_total") >= 1.0 {
            assert!(m.contains("# TYPE shoebox_scrub_mismatches_total counter"));
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(20), "the scrub found nothing:\n{m}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    task.abort();
    // One pass: both checked, only the damaged one reported.
    let r = tokio::task::spawn_blocking({
        let st = s.state.clone();
        move || shoebox_server::integrity::scrub::run_once(&st).unwrap()
    })
    .await
    .unwrap();
    assert_eq!(r.checked, 2);
    assert_eq!(r.mismatches.iter().map(|(b, _)| b.sha256.clone()).collect::<Vec<_>>(), [sha256_hex(&b)]);
    // The scrub is off unless asked for.
    assert!(shoebox_server::integrity::scrub::spawn(TestServer::new().state).is_none());
}

#[test]
fn scrub_interval_flag_takes_hours_and_fractions() {
    let parse = |v: &str| {
        ServerConfig::from_args(Args::try_parse_from(["shoebox-server".to_string(), format!("--scrub-interval-hours={v}")]).unwrap())
    };
    assert_eq!(parse("6").unwrap().scrub_interval, Some(Duration::from_secs(6 * 3600)));
    assert_eq!(parse("0.5").unwrap().scrub_interval, Some(Duration::from_secs(1800)));
    assert!(parse("0").is_err() && parse("-1").is_err());
    let none = ServerConfig::from_args(Args::try_parse_from(["shoebox-server"]).unwrap()).unwrap();
    assert_eq!(none.scrub_interval, None);
}
