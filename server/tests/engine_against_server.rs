//! The upload engine with a native driver against the real `shoebox-server` on 127.0.0.1:
//! a folder of mixed files is uploaded and every stored file's SHA-256 verified through the
//! API; the same folder again sends no PATCH; and a run through a proxy that drops
//! connections after random byte counts still ends with identical bytes.
//!
//! The native driver is `common/native_driver.rs`.
mod common;

use common::content::noise;
use common::native_driver::*;
use common::process::ServerProcess;
use shoebox_core::engine::*;
use shoebox_core::facts::Outcome;
use shoebox_core::hash::sha256_hex;
use std::fs;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

fn jpeg(w: u16, h: u16, payload: usize, seed: u64) -> Vec<u8> {
    let mut v = vec![0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08];
    v.extend_from_slice(&h.to_be_bytes());
    v.extend_from_slice(&w.to_be_bytes());
    v.extend_from_slice(&[0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]);
    v.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x0C, 0x03, 0x01, 0x00, 0x02, 0x11, 0x03, 0x11, 0x00, 0x3F, 0x00]);
    v.extend(noise(payload, seed).into_iter().map(|b| if b == 0xFF { 0xFE } else { b }));
    v.extend_from_slice(&[0xFF, 0xD9]);
    v
}

fn mp4(payload: usize, seed: u64) -> Vec<u8> {
    let mut v = vec![0, 0, 0, 0x18];
    v.extend_from_slice(b"ftypisom\0\0\x02\0isommp42");
    v.extend(noise(payload, seed));
    v
}

fn png(w: u32, h: u32, payload: usize, seed: u64) -> Vec<u8> {
    let mut v = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    v.extend_from_slice(b"IHDR");
    v.extend_from_slice(&w.to_be_bytes());
    v.extend_from_slice(&h.to_be_bytes());
    v.extend_from_slice(&[8, 2, 0, 0, 0, 0, 0, 0, 0]);
    v.extend(noise(payload, seed));
    v
}

/// A folder "Holiday" of mixed files. Returns (root, files that must end up stored).
fn make_folder(dir: &Path) -> (PathBuf, Vec<PathBuf>) {
    let root = dir.join("Holiday");
    fs::create_dir_all(root.join("Day 1")).unwrap();
    fs::create_dir_all(root.join("Day 2/Beach")).unwrap();
    let mut media = Vec::new();
    let mut put = |rel: &str, bytes: Vec<u8>, is_media: bool| {
        let p = root.join(rel);
        fs::write(&p, bytes).unwrap();
        if is_media {
            media.push(p);
        }
    };
    put("Day 1/IMG_0001.jpg", jpeg(4000, 3000, 2_500_000, 1), true);
    put("Day 1/IMG_0002.jpg", jpeg(1200, 800, 40_000, 2), true);
    put("Day 1/IMG_0003.jpg", jpeg(640, 480, 300, 3), true);
    put("Day 2/Beach/clip.mp4", mp4(3_300_000, 4), true);
    put("Day 2/Beach/screenshot.png", png(800, 600, 120_000, 5), true);
    put("Day 2/copy of IMG_0002.jpg", jpeg(1200, 800, 40_000, 2), true);
    put("Day 2/notes.txt", b"not a photo".to_vec(), false);
    put("Day 2/empty.jpg", Vec::new(), false);
    put(".DS_Store", vec![0, 0, 0, 1, b'B', b'u', b'd', b'1'], false);
    (root, media)
}

fn settings(addr: SocketAddr) -> EngineSettings {
    EngineSettings {
        endpoint: format!("http://{addr}/files/"),
        token: Some(TOKEN.into()),
        chunk_size: Some(512 * 1024),
        ..Default::default()
    }
}

fn stored_digests(addr: SocketAddr) -> Vec<String> {
    let (st, b) = get(addr, "/api/v1/media?limit=1000");
    assert_eq!(st, 200, "{}", String::from_utf8_lossy(&b));
    let v: serde_json::Value = serde_json::from_slice(&b).unwrap();
    v["items"].as_array().unwrap().iter().map(|i| i["sha256"].as_str().unwrap().to_string()).collect()
}

fn verify_all_stored(addr: SocketAddr, media: &[PathBuf]) {
    let stored = stored_digests(addr);
    for p in media {
        let want = sha256_hex(&fs::read(p).unwrap());
        assert!(stored.contains(&want), "{} not stored", p.display());
        let (st, bytes) = get(addr, &format!("/api/v1/media/{want}"));
        assert_eq!(st, 200);
        assert_eq!(sha256_hex(&bytes), want, "stored bytes of {} differ", p.display());
    }
}

fn start_server(dir: &Path) -> ServerProcess {
    ServerProcess::start(&dir.join("data"), &["--token", &format!("alice:{TOKEN}")], &[])
}

#[test]
fn a_mixed_folder_uploads_verified_and_a_second_run_sends_no_patch() {
    let dir = tempfile::tempdir().unwrap();
    let (root, media) = make_folder(dir.path());
    let server = start_server(dir.path());
    let addr = server.addr;

    let mut d = NativeDriver::new(settings(addr), addr);
    d.add_folder(&root);
    d.run_until(|s| matches!(s, Status::ReadyToBackUp { .. }));
    assert_eq!(d.engine.status(), Status::ReadyToBackUp { count: 6 });
    let t = d.engine.totals();
    assert_eq!((t.photos, t.videos, t.skipped.total()), (5, 1, 3), "{t:?}");
    let now = d.now;
    d.engine.start(now);
    d.run_until(|s| matches!(s, Status::Complete { .. }));
    // The copy of IMG_0002 has the same content: stored once, "already backed up".
    assert_eq!(d.engine.status(), Status::Complete { uploaded: 5, already: 1, skipped: 3, failed: 0 });
    verify_all_stored(addr, &media);
    let patches = metric(addr, "shoebox_http_requests_total", "method=\"PATCH\"");
    assert!(patches >= 10, "chunked uploads: {patches} PATCH");

    // The same folder again, as another browser (no local records): nothing is sent again.
    let mut d2 = NativeDriver::new(settings(addr), addr);
    d2.add_folder(&root);
    d2.run_until(|s| matches!(s, Status::ReadyToBackUp { .. }));
    let now = d2.now;
    d2.engine.start(now);
    d2.run_until(|s| matches!(s, Status::Complete { .. }));
    assert_eq!(d2.engine.status(), Status::Complete { uploaded: 0, already: 6, skipped: 3, failed: 0 });
    assert_eq!(metric(addr, "shoebox_http_requests_total", "method=\"PATCH\""), patches, "no PATCH on the second run");
    assert_eq!(d2.http_count.get("PATCH"), None);
}

/// A proxy that forwards connections to `to`, cutting some of them after a random number of
/// client→server bytes.
fn dropping_proxy(to: SocketAddr, seed: u64, cut_one_in: u64) -> (SocketAddr, Arc<AtomicU64>, Arc<AtomicBool>) {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = l.local_addr().unwrap();
    let cuts = Arc::new(AtomicU64::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let (cuts2, stop2) = (cuts.clone(), stop.clone());
    std::thread::spawn(move || {
        let mut x = seed | 1;
        let mut rnd = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for c in l.incoming() {
            if stop2.load(Ordering::Relaxed) {
                break;
            }
            let Ok(mut client) = c else { continue };
            let Ok(mut server) = TcpStream::connect(to) else { continue };
            let cut = if rnd() % cut_one_in == 0 { Some(rnd() % 600_000) } else { None };
            let mut s2 = server.try_clone().unwrap();
            let mut c2 = client.try_clone().unwrap();
            let cuts3 = cuts2.clone();
            std::thread::spawn(move || {
                let mut buf = [0u8; 16 * 1024];
                let mut sent = 0u64;
                loop {
                    let n = match client.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => n,
                    };
                    if let Some(limit) = cut {
                        if sent + n as u64 > limit {
                            let k = (limit - sent) as usize;
                            let _ = server.write_all(&buf[..k]);
                            cuts3.fetch_add(1, Ordering::Relaxed);
                            let _ = server.shutdown(std::net::Shutdown::Both);
                            let _ = client.shutdown(std::net::Shutdown::Both);
                            return;
                        }
                    }
                    if server.write_all(&buf[..n]).is_err() {
                        break;
                    }
                    sent += n as u64;
                }
                let _ = server.shutdown(std::net::Shutdown::Write);
            });
            std::thread::spawn(move || {
                let _ = std::io::copy(&mut s2, &mut c2);
                let _ = c2.shutdown(std::net::Shutdown::Both);
            });
        }
    });
    (addr, cuts, stop)
}

#[test]
fn dropped_connections_still_end_with_identical_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let (root, media) = make_folder(dir.path());
    let server = start_server(dir.path());
    let (proxy, cuts, stop) = dropping_proxy(server.addr, 0xC0FFEE, 3);
    // URLs name the server; the driver connects through the proxy.
    let mut d = NativeDriver::new(EngineSettings { chunk_size: Some(256 * 1024), ..settings(server.addr) }, proxy);
    d.add_folder(&root);
    d.run_until(|s| matches!(s, Status::ReadyToBackUp { .. }));
    let now = d.now;
    d.engine.start(now);
    d.run_until(|s| matches!(s, Status::Complete { .. }));
    stop.store(true, Ordering::Relaxed);
    assert!(cuts.load(Ordering::Relaxed) > 0, "the proxy cut connections");
    match d.engine.status() {
        Status::Complete { uploaded, already, failed, .. } => {
            assert_eq!(failed, 0);
            assert_eq!(uploaded + already, 6);
        }
        s => panic!("{s:?}"),
    }
    for id in 1..=9 {
        if let Some(Outcome::Failed(m)) = d.engine.file_view(FileId(id)).and_then(|v| v.outcome) {
            panic!("file {id} failed: {m:?}");
        }
    }
    verify_all_stored(server.addr, &media);
}

#[test]
fn a_large_video_uploads_before_it_is_hashed_and_a_second_run_finds_it_by_its_probe() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("Videos");
    fs::create_dir_all(&root).unwrap();
    let clip = root.join("long.mp4");
    fs::write(&clip, mp4((STREAM_HASH_BYTES + 3 * 1024 * 1024) as usize, 21)).unwrap();
    let server = start_server(dir.path());
    let addr = server.addr;
    let s = EngineSettings { chunk_size: Some(8 * 1024 * 1024), ..settings(addr) };

    let mut d = NativeDriver::new(s.clone(), addr);
    d.add_folder(&root);
    d.run_until(|s| matches!(s, Status::ReadyToBackUp { .. }));
    let now = d.now;
    d.engine.start(now);
    d.run_until(|s| matches!(s, Status::Complete { .. }));
    assert_eq!(d.engine.status(), Status::Complete { uploaded: 1, already: 0, skipped: 0, failed: 0 });
    verify_all_stored(addr, std::slice::from_ref(&clip));
    assert_eq!(d.http_count.get("POST"), Some(&2), "a probe check and the creation, no check by digest: {:?}", d.http_count);
    assert_eq!(d.probes, 1);
    assert_eq!(d.declared, vec![sha256_hex(&fs::read(&clip).unwrap())], "declared once, on the last PATCH");

    // Another browser: the probe matches, the file is hashed whole, found, nothing sent.
    let patches = metric(addr, "shoebox_http_requests_total", "method=\"PATCH\"");
    let mut d2 = NativeDriver::new(s, addr);
    d2.add_folder(&root);
    d2.run_until(|s| matches!(s, Status::ReadyToBackUp { .. }));
    let now = d2.now;
    d2.engine.start(now);
    d2.run_until(|s| matches!(s, Status::Complete { .. }));
    assert_eq!(d2.engine.status(), Status::Complete { uploaded: 0, already: 1, skipped: 0, failed: 0 });
    assert_eq!(metric(addr, "shoebox_http_requests_total", "method=\"PATCH\""), patches);
    assert_eq!(d2.http_count.get("PATCH"), None);
    assert_eq!(d2.http_count.get("POST"), Some(&2), "a probe check, then a check by digest: {:?}", d2.http_count);
}
