//! A read-only data folder: root ignores chmod, so the storage folders (uploads/,
//! blobs/, thumbs/) live on one small tmpfs, remounted read-only under a running server. (The
//! kernel refuses to remount a file system read-only while a file on it is open for writing, as
//! the SQLite index always is, so the index stays outside; storage files are open only during a
//! request. The three folders are symlinks into the one mount: uploads become blobs by a link.) New uploads get
//! a clear 503 with Retry-After (the app retries later, keeping its files), what is stored
//! stays readable and intact, and once writable again the same upload goes through.
mod common;

use axum::http::StatusCode;
use common::*;
use shoebox_core::hash::sha256_hex;

fn bytes(n: usize, seed: u8) -> Vec<u8> {
    (0..n).map(|i| (i as u32).wrapping_mul(2654435761).rotate_left(seed as u32 % 31) as u8 ^ seed).collect()
}

fn mount(args: &[&str], at: &std::path::Path) -> bool {
    std::process::Command::new("mount").args(args).arg(at).stderr(std::process::Stdio::null()).status().is_ok_and(|s| s.success())
}

/// Unmounts the tmpfs mounts when the test ends, whatever happens.
struct Mounts(Vec<std::path::PathBuf>);
impl Drop for Mounts {
    fn drop(&mut self) {
        for m in &self.0 {
            let _ = std::process::Command::new("umount").arg(m).status();
        }
    }
}

#[tokio::test]
async fn a_read_only_data_folder_is_503_for_writes_and_keeps_serving_reads() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let store = dir.path().join("store");
    std::fs::create_dir_all(&store).unwrap();
    std::fs::create_dir_all(&data).unwrap();
    if !mount(&["-t", "tmpfs", "-o", "size=32m", "tmpfs"], &store) {
        eprintln!("SKIPPED a_read_only_data_folder: cannot mount a tmpfs here (needs root)");
        return;
    }
    let _mounted = Mounts(vec![store.clone()]);
    for p in ["uploads", "blobs", "thumbs"] {
        std::fs::create_dir_all(store.join(p)).unwrap();
        std::os::unix::fs::symlink(store.join(p), data.join(p)).unwrap();
    }
    let remount = |how: &str| mount(&["-o", &format!("remount,{how}")], &store);
    let m2 = data.clone();
    let s = TestServer::with(move |c| c.data_dir = m2);
    let kept = bytes(600_000, 31);
    s.upload(&kept, 200_000, &[("filename", "kept.jpg")]).await;
    let half = bytes(900_000, 32);
    let loc = s.create(900_000, &[("filename", "half.jpg"), ("sha256", &sha256_hex(&half))]).await;
    assert_eq!(s.patch(&loc, 0, &half[..300_000]).await.status, StatusCode::NO_CONTENT);

    assert!(remount("ro"), "remount read-only");
    // Writes: a clear, retryable refusal; never a panic, never a damaged file.
    let r = s.create_as(ALICE, 10_000, &[("filename", "new.jpg")]).await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE, "{}", r.text());
    assert!(r.text().contains("read-only") && r.text().contains("try again"), "{}", r.text());
    assert_eq!(r.h("retry-after").as_deref(), Some("60"));
    let r = s.patch(&loc, 300_000, &half[300_000..600_000]).await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE, "{}", r.text());
    // Reads go on: the library lists what is stored and serves it byte for byte.
    let list = s.get("/api/v1/media").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.text().contains(&sha256_hex(&kept)));
    let got = s.get(&format!("/api/v1/media/{}", sha256_hex(&kept))).await;
    assert_eq!((got.status, sha256_hex(&got.body)), (StatusCode::OK, sha256_hex(&kept)));
    let h = s.head(&loc).await;
    assert_eq!(h.h("upload-offset").as_deref(), Some("300000"), "the durable offset is unchanged");

    // Writable again: the same upload continues where it was and completes, verified.
    assert!(remount("rw"), "remount read-write");
    let r = s.patch(&loc, 300_000, &half[300_000..]).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    let got = s.get(&format!("/api/v1/media/{}", sha256_hex(&half))).await;
    assert_eq!((got.status, sha256_hex(&got.body)), (StatusCode::OK, sha256_hex(&half)));
}
