//! Benchmark (BENCHMARKS.md "Server"): in one run, on loopback and the same disk,
//! (a) a raw single PUT of N bytes to a handler that only writes and fsyncs them, and
//! (b) the same bytes through tus (POST + PATCHes of 8 MiB, declared sha256, so the server also
//!     hashes, verifies, moves the file into content-addressed storage and indexes it);
//! plus (c) the time to answer a 10,000-digest POST /api/v1/media/check against 100,000 items.
//! Run: cargo run --release -p shoebox-server --example bench_upload [-- SIZE_MIB ROUNDS DIR]
use axum::body::Body;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::put;
use axum::Router;
use futures_util::StreamExt;
use shoebox_core::api::MediaItem;
use shoebox_core::hash::sha256_hex;
use shoebox_core::tus::encode_metadata;
use shoebox_server::config::ServerConfig;
use shoebox_server::{app, AppState};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

const CHUNK: usize = 8 << 20;
/// The largest chunk the app's engine grows to (its 64 MiB bytes-in-flight budget).
const BIG_CHUNK: usize = 64 << 20;
const TOKEN: &str = "bench-token-0001";

/// The baseline: stream the body into a file on a blocking thread, fsync, answer.
async fn raw_put(State(dir): State<Arc<PathBuf>>, body: Body) -> StatusCode {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<bytes::Bytes>(64);
    let path = dir.join("raw.bin");
    let writer = tokio::task::spawn_blocking(move || -> std::io::Result<()> {
        let mut f = std::fs::File::create(path)?;
        while let Some(b) = rx.blocking_recv() {
            f.write_all(&b)?;
        }
        f.sync_all()
    });
    let mut s = body.into_data_stream();
    while let Some(Ok(b)) = s.next().await {
        if tx.send(b).await.is_err() {
            break;
        }
    }
    drop(tx);
    match writer.await {
        Ok(Ok(())) => StatusCode::NO_CONTENT,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// One request on a connection of its own.
fn send(addr: SocketAddr, method: &str, path: &str, headers: &[(&str, String)], body: &[u8]) -> (u16, String) {
    Conn::open(addr).send(method, path, headers, body)
}

/// A kept-alive HTTP/1.1 connection, as a browser uploads: one per upload, reused by each of
/// its requests, so the bench does not time a TCP handshake per PATCH that the app never pays.
struct Conn(TcpStream);

impl Conn {
    fn open(addr: SocketAddr) -> Conn {
        let c = TcpStream::connect(addr).unwrap();
        c.set_nodelay(true).unwrap();
        Conn(c)
    }

    fn send(&mut self, method: &str, path: &str, headers: &[(&str, String)], body: &[u8]) -> (u16, String) {
        let mut h = format!("{method} {path} HTTP/1.1\r\nHost: bench\r\nContent-Length: {}\r\n", body.len());
        for (k, v) in headers {
            h.push_str(&format!("{k}: {v}\r\n"));
        }
        h.push_str("\r\n");
        self.0.write_all(h.as_bytes()).unwrap();
        self.0.write_all(body).unwrap();
        // The head, then exactly Content-Length bytes of body: the connection stays usable.
        let mut out = Vec::new();
        let mut byte = [0u8; 1];
        while !out.ends_with(b"\r\n\r\n") {
            assert_eq!(self.0.read(&mut byte).unwrap(), 1, "connection closed mid-answer");
            out.push(byte[0]);
        }
        let head = String::from_utf8_lossy(&out).into_owned();
        let len: usize = head
            .lines()
            .find_map(|l| l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().parse().unwrap_or(0)))
            .unwrap_or(0);
        let mut rest = vec![0u8; len];
        self.0.read_exact(&mut rest).unwrap();
        let text = head + &String::from_utf8_lossy(&rest);
        let status = text.split(' ').nth(1).unwrap_or("0").parse().unwrap_or(0);
        (status, text)
    }
}

fn tus_upload(addr: SocketAddr, data: &[u8], sha: &str, chunk: usize) -> (Duration, Vec<Duration>) {
    let t = Instant::now();
    let auth = ("Authorization", format!("Bearer {TOKEN}"));
    let tus = ("Tus-Resumable", "1.0.0".to_string());
    let md = encode_metadata([("sha256", Some(sha)), ("filename", Some("bench.bin"))]);
    let mut conn = Conn::open(addr);
    let (st, text) =
        conn.send("POST", "/files/", &[auth.clone(), tus.clone(), ("Upload-Length", data.len().to_string()), ("Upload-Metadata", md)], b"");
    assert_eq!(st, 201, "{text}");
    let loc = text.lines().find_map(|l| l.strip_prefix("location: ")).unwrap().trim().to_string();
    let mut each = Vec::new();
    for (i, c) in data.chunks(chunk).enumerate() {
        let tp = Instant::now();
        let h = [
            auth.clone(),
            tus.clone(),
            ("Upload-Offset", (i * chunk).to_string()),
            ("Content-Type", "application/offset+octet-stream".into()),
        ];
        let (st, text) = conn.send("PATCH", &loc, &h, c);
        assert_eq!(st, 204, "{text}");
        each.push(tp.elapsed());
    }
    (t.elapsed(), each)
}

fn mbps(n: usize, d: Duration) -> f64 {
    n as f64 / d.as_secs_f64() / 1e6
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mib: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(1024);
    let rounds: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(3);
    let root = args.get(3).map(PathBuf::from).unwrap_or_else(|| std::env::temp_dir().join("shoebox-bench"));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).unwrap();

    let mut config = ServerConfig::new(root.join("data"));
    config.tokens = vec![("bench".into(), TOKEN.into())];
    let state = AppState::open(config).unwrap();
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let tus_addr = l.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(l, app(state)).await.unwrap() });
    // The same server reading uploads back from the device itself (`--read-back-from-device`).
    let mut config = ServerConfig::new(root.join("data-device"));
    config.tokens = vec![("bench".into(), TOKEN.into())];
    config.read_back_from_device = true;
    let state = AppState::open(config).unwrap();
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let device_addr = l.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(l, app(state)).await.unwrap() });
    let raw_dir = Arc::new(root.join("raw"));
    std::fs::create_dir_all(&*raw_dir).unwrap();
    let raw_app = Router::new().route("/raw", put(raw_put)).layer(axum::extract::DefaultBodyLimit::disable()).with_state(raw_dir);
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let raw_addr = l.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(l, raw_app).await.unwrap() });

    println!(
        "machine: {} cores; payload {mib} MiB; tus chunks {} MiB; data under {}",
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0),
        CHUNK >> 20,
        root.display()
    );
    let mut ratios = Vec::new();
    let mut big_ratios = Vec::new();
    let mut device_ratios = Vec::new();
    for round in 0..rounds {
        // Fresh content each round, so the tus upload is never a dedup shortcut.
        let mut data = vec![0u8; mib << 20];
        let mut x: u64 = 0x9E3779B97F4A7C15 ^ round as u64;
        for w in data.chunks_mut(8) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            w.copy_from_slice(&x.to_le_bytes()[..w.len()]);
        }
        let th = Instant::now();
        let sha = sha256_hex(&data);
        if round == 0 {
            println!("sha256 of the payload in this process: {:.0} MB/s", mbps(data.len(), th.elapsed()));
        }
        let data = Arc::new(data);
        let d = data.clone();
        let raw = tokio::task::spawn_blocking(move || {
            let t = Instant::now();
            let (st, text) = send(raw_addr, "PUT", "/raw", &[], &d);
            assert_eq!(st, 204, "{text}");
            t.elapsed()
        })
        .await
        .unwrap();
        let d = data.clone();
        let (tus, mut each) = tokio::task::spawn_blocking(move || tus_upload(tus_addr, &d, &sha, CHUNK)).await.unwrap();
        clear_blobs(&root.join("data"));
        each.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        let ratio = raw.as_secs_f64() / tus.as_secs_f64();
        ratios.push(ratio);
        println!(
            "round {}: raw PUT+fsync {:.2} s ({:.0} MB/s); tus 8 MiB PATCHes + sha256 verify + index {:.2} s ({:.0} MB/s); tus/raw throughput {:.2}; PATCH p50 {:.0} ms p90 {:.0} ms max {:.0} ms",
            round + 1, raw.as_secs_f64(), mbps(data.len(), raw), tus.as_secs_f64(), mbps(data.len(), tus), ratio,
            ms(each[each.len() / 2]), ms(each[each.len() * 9 / 10]), ms(each[each.len() - 1])
        );
        // Nearly the same bytes again (one changed, so it is not a duplicate) in the largest
        // chunks the app grows to on a fast link.
        let _ = std::fs::remove_file(raw_dir_file(&root));
        let mut d = data.to_vec();
        d[0] ^= 0xff;
        let sha2 = sha256_hex(&d);
        let (big, _) = tokio::task::spawn_blocking(move || tus_upload(tus_addr, &d, &sha2, BIG_CHUNK)).await.unwrap();
        clear_blobs(&root.join("data"));
        big_ratios.push(raw.as_secs_f64() / big.as_secs_f64());
        let mut d = data.to_vec();
        d[1] ^= 0xff;
        let sha3 = sha256_hex(&d);
        let (dev, _) = tokio::task::spawn_blocking(move || tus_upload(device_addr, &d, &sha3, CHUNK)).await.unwrap();
        clear_blobs(&root.join("data-device"));
        device_ratios.push(raw.as_secs_f64() / dev.as_secs_f64());
        println!(
            "round {}: tus {} MiB PATCHes (the app's largest, on a fast link) {:.2} s ({:.0} MB/s); tus/raw throughput {:.2}",
            round + 1,
            BIG_CHUNK >> 20,
            big.as_secs_f64(),
            mbps(data.len(), big),
            raw.as_secs_f64() / big.as_secs_f64()
        );
        println!(
            "round {}: tus {} MiB PATCHes, read back from the device (--read-back-from-device) {:.2} s ({:.0} MB/s); tus/raw throughput {:.2}",
            round + 1,
            CHUNK >> 20,
            dev.as_secs_f64(),
            mbps(data.len(), dev),
            raw.as_secs_f64() / dev.as_secs_f64()
        );
    }
    device_ratios.sort_by(|a, b| a.partial_cmp(b).unwrap());
    ratios.sort_by(|a, b| a.partial_cmp(b).unwrap());
    big_ratios.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!("median tus/raw throughput ratio: {:.2} (goal >= 0.70)", ratios[ratios.len() / 2]);
    println!("median with {} MiB chunks: {:.2}", BIG_CHUNK >> 20, big_ratios[big_ratios.len() / 2]);
    println!("median read back from the device: {:.2}", device_ratios[device_ratios.len() / 2]);

    // (c) 10,000-digest check against an index of 100,000 items, half of the asked digests present.
    let state = AppState::open({
        let mut c = ServerConfig::new(root.join("check"));
        c.tokens = vec![("bench".into(), TOKEN.into())];
        c
    })
    .unwrap();
    let items: Vec<MediaItem> = (0..100_000u64)
        .map(|i| MediaItem {
            sha256: sha256_hex(&i.to_le_bytes()),
            source_sha256: (i % 10 == 0).then(|| sha256_hex(&(i + 1_000_000).to_le_bytes())),
            filename: Some(format!("IMG_{i:06}.jpg")),
            relative_path: None,
            album: None,
            size: i,
            filetype: Some("image/jpeg".into()),
            width: None,
            height: None,
            captured_at: None,
            uploaded_at: "2026-01-01T00:00:00Z".into(),
            ..MediaItem::default()
        })
        .collect();
    state.index.insert_many("bench", &items).unwrap();
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = l.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(l, app(state)).await.unwrap() });
    let digests: Vec<String> =
        (0..10_000u64).map(|i| sha256_hex(&(if i % 2 == 0 { i * 7 } else { 5_000_000 + i }).to_le_bytes())).collect();
    let body = serde_json::to_vec(&serde_json::json!({ "sha256": digests })).unwrap();
    let mut times = Vec::new();
    for _ in 0..5 {
        let b = body.clone();
        let t = tokio::task::spawn_blocking(move || {
            let t = Instant::now();
            let (st, text) = send(
                addr,
                "POST",
                "/api/v1/media/check",
                &[("Authorization", format!("Bearer {TOKEN}")), ("Content-Type", "application/json".into())],
                &b,
            );
            assert_eq!(st, 200, "{}", &text[..200.min(text.len())]);
            assert_eq!(text.matches('"').count() / 2 - 1, 5_000, "half the digests are present");
            t.elapsed()
        })
        .await
        .unwrap();
        times.push(t);
    }
    times.sort();
    println!(
        "10,000-digest check against 100,000 items (5,000 present): median {:.1} ms, best {:.1} ms",
        times[2].as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3
    );
    let _ = std::fs::remove_dir_all(&root);
}

/// Removes the stored blobs under `data`, so that every upload, raw or tus, writes into blocks
/// the file system has just freed: on a thinly provisioned virtual disk a write to blocks never
/// used before is several times slower, and raw.bin is rewritten in place every round.
fn clear_blobs(data: &std::path::Path) {
    fn walk(p: &std::path::Path) {
        for e in std::fs::read_dir(p).into_iter().flatten().flatten() {
            let path = e.path();
            if path.is_dir() {
                walk(&path)
            } else {
                let _ = std::fs::remove_file(&path);
            }
        }
    }
    walk(&data.join("blobs"));
}

fn raw_dir_file(root: &std::path::Path) -> PathBuf {
    root.join("raw").join("raw.bin")
}
