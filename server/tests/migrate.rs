//! `shoebox-server migrate --to-store`: a local-disk server's media move into a real bucket
//! (SeaweedFS) with identical bytes, thumbnails included; a damaged file is reported, not
//! copied; a second run copies nothing; a server over the bucket then serves the same media.
mod common;

use common::{bytes, TestServer};
use shoebox_core::hash::sha256_hex;
use shoebox_server::store::s3::S3Store;
use shoebox_server::store::Store;
use std::io::Read;

#[tokio::test]
async fn local_media_move_into_a_bucket_whole_and_verified() {
    if common::on_s3() {
        return eprintln!("this test starts from a local-disk server");
    }
    let s = TestServer::new();
    let (small, large) = (bytes(300_000, 1), bytes(11 << 20, 2));
    s.upload(&small, 100_000, &[("filename", "a.jpg")]).await;
    s.upload(&large, 4 << 20, &[("filename", "b.mp4")]).await;
    s.state.store.put_thumb("alice", &sha256_hex(&small), "thumb", b"\xff\xd8 a thumbnail").unwrap();
    let damaged = bytes(1000, 3);
    s.upload(&damaged, 1000, &[("filename", "c.jpg")]).await;
    let d = sha256_hex(&damaged);
    let path = s.dir.path().join("blobs/alice").join(&d[..2]).join(&d);
    let mut b = std::fs::read(&path).unwrap();
    b[10] ^= 1;
    std::fs::write(&path, b).unwrap();

    let url = common::s3::store();
    let dir = s.dir.path().to_path_buf();
    let (u, dd) = (url.clone(), dir.clone());
    let moved = tokio::task::spawn_blocking(move || shoebox_server::migrate::migrate(&dd, &u)).await.unwrap().unwrap();
    assert_eq!((moved.blobs, moved.bytes, moved.thumbs, moved.skipped), (2, (300_000 + (11 << 20)) as u64, 1, 0), "{moved:?}");
    assert_eq!(moved.damaged, vec![format!("alice {d}")]);
    assert!(moved.text().contains("DAMAGED"), "{}", moved.text());

    let s3 = S3Store::open(&url).unwrap();
    for data in [&small, &large] {
        let (mut r, len) = s3.open_blob("alice", &sha256_hex(data)).unwrap().unwrap();
        let mut got = Vec::new();
        r.read_to_end(&mut got).unwrap();
        assert_eq!((len, sha256_hex(&got)), (data.len() as u64, sha256_hex(data)));
    }
    assert!(s3.open_blob("alice", &d).unwrap().is_none(), "the damaged file stayed behind");
    assert_eq!(s3.open_thumb("alice", &sha256_hex(&small), "thumb").unwrap().as_deref(), Some(&b"\xff\xd8 a thumbnail"[..]));
    assert!(s3.list_objects("uploads").unwrap().is_empty(), "no upload left behind");

    let (u, dd) = (url.clone(), dir.clone());
    let again = tokio::task::spawn_blocking(move || shoebox_server::migrate::migrate(&dd, &u)).await.unwrap().unwrap();
    assert_eq!((again.blobs, again.skipped), (0, 2), "a second run copies nothing");

    // The same data folder's index, the bytes from the bucket.
    let over = TestServer::with(|c| {
        c.data_dir = dir.clone();
        c.store = Some(url.clone());
    });
    assert_eq!(over.get(&format!("/api/v1/media/{}", sha256_hex(&large))).await.body, large);
}
