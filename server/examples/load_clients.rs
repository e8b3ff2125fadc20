//! Load (RELIABILITY.md "Load"): N concurrent clients of mixed sizes against one real server.
//! Starts `target/<profile>/shoebox-server` on 127.0.0.1 with a fresh data folder, then for each
//! client count runs that many threads, each creating and PATCHing its own uploads (sizes from
//! 20 KB to 3 MB, 256 KiB chunks, one connection per request like a browser under HTTP/1.1
//! pressure). Prints throughput, PATCH latency p50/p99, errors (goal 0), and the server's peak
//! memory (VmHWM). Raises this process's open-files limit first (1,024 is below 500 clients).
//! Run: cargo run --release -p shoebox-server --example load_clients -- [50,200,500] [files per client]
#[allow(dead_code)]
#[path = "../tests/common/content.rs"]
mod content;

use content::noise;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const TOKEN: &str = "load-test-token-0001";
const CHUNK: usize = 256 * 1024;

fn raise_nofile() {
    #[cfg(target_os = "linux")]
    unsafe {
        let mut l = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut l) == 0 {
            l.rlim_cur = l.rlim_max;
            libc::setrlimit(libc::RLIMIT_NOFILE, &l);
        }
    }
}

/// One request on a fresh connection: (status, headers text).
fn request(addr: SocketAddr, head: &str, body: &[u8]) -> std::io::Result<(u16, String)> {
    let mut c = TcpStream::connect(addr)?;
    c.set_read_timeout(Some(Duration::from_secs(120)))?;
    c.write_all(head.as_bytes())?;
    c.write_all(body)?;
    let mut raw = Vec::new();
    c.read_to_end(&mut raw)?;
    let text = String::from_utf8_lossy(&raw).into_owned();
    let status = text.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    Ok((status, text))
}

/// Uploads one file; pushes each PATCH's latency; returns false on any error.
fn upload(addr: SocketAddr, data: &[u8], lat: &Mutex<Vec<f64>>) -> bool {
    let head = format!(
        "POST /files/ HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nAuthorization: Bearer {TOKEN}\r\nTus-Resumable: 1.0.0\r\nUpload-Length: {}\r\nContent-Length: 0\r\n\r\n",
        data.len()
    );
    let Ok((201, text)) = request(addr, &head, &[]) else { return false };
    let Some(loc) = text.lines().find_map(|l| l.strip_prefix("location: ").or_else(|| l.strip_prefix("Location: "))) else { return false };
    let path = loc.trim().trim_start_matches(&format!("http://{addr}")).to_string();
    let mut off = 0;
    while off < data.len() {
        let end = (off + CHUNK).min(data.len());
        let head = format!(
            "PATCH {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nAuthorization: Bearer {TOKEN}\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: {off}\r\nContent-Type: application/offset+octet-stream\r\nContent-Length: {}\r\n\r\n",
            end - off
        );
        let t = Instant::now();
        match request(addr, &head, &data[off..end]) {
            Ok((204, _)) => lat.lock().unwrap().push(t.elapsed().as_secs_f64() * 1000.0),
            _ => return false,
        }
        off = end;
    }
    true
}

fn vm_hwm(pid: u32) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM")).map(|l| l.split_whitespace().nth(1).unwrap_or("?").to_string() + " kB"))
        .unwrap_or_else(|| "?".into())
}

fn main() {
    raise_nofile();
    let args: Vec<String> = std::env::args().collect();
    let counts: Vec<usize> =
        args.get(1).map(|s| s.split(',').filter_map(|n| n.parse().ok()).collect()).unwrap_or_else(|| vec![50, 200, 500]);
    let per: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(3);
    let exe = std::env::current_exe().unwrap();
    let bin = exe.parent().unwrap().parent().unwrap().join("shoebox-server");
    let data = std::env::temp_dir().join(format!("shoebox-load-{}", std::process::id()));
    let mut server = Command::new(&bin)
        .args(["--listen", "127.0.0.1:0", "--data-dir"])
        .arg(&data)
        .args(["--token", &format!("load:{TOKEN}")])
        .stdout(Stdio::piped())
        .spawn()
        .expect("build the server first (cargo build --release -p shoebox-server)");
    let mut line = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(server.stdout.take().unwrap()), &mut line).unwrap();
    let addr: SocketAddr = line.split("http://").nth(1).unwrap().split('/').next().unwrap().parse().unwrap();
    println!("server {} (pid {}), {per} files per client", bin.display(), server.id());
    for &n in &counts {
        let lat = Arc::new(Mutex::new(Vec::new()));
        let (errors, bytes) = (Arc::new(Mutex::new(0u64)), Arc::new(Mutex::new(0u64)));
        let t = Instant::now();
        let threads: Vec<_> = (0..n)
            .map(|c| {
                let (lat, errors, bytes) = (lat.clone(), errors.clone(), bytes.clone());
                std::thread::spawn(move || {
                    for f in 0..per {
                        let seed = (n as u64) << 32 | (c as u64) << 8 | f;
                        let len = 20_000 + (noise(2, seed)[0] as usize) * 12_000;
                        let data = noise(len, seed);
                        if upload(addr, &data, &lat) {
                            *bytes.lock().unwrap() += len as u64;
                        } else {
                            *errors.lock().unwrap() += 1;
                        }
                    }
                })
            })
            .collect();
        threads.into_iter().for_each(|h| h.join().unwrap());
        let secs = t.elapsed().as_secs_f64();
        let mut l = lat.lock().unwrap().clone();
        l.sort_by(|a, b| a.partial_cmp(b).unwrap());
        let q = |p: f64| l.get(((l.len() as f64 - 1.0) * p) as usize).copied().unwrap_or(0.0);
        let b = *bytes.lock().unwrap();
        println!(
            "{n} clients: {} files, {:.1} MB in {secs:.1} s = {:.1} MB/s; {} PATCHes p50 {:.1} ms p99 {:.1} ms; errors {}; server peak memory {}",
            n as u64 * per,
            b as f64 / 1e6,
            b as f64 / 1e6 / secs,
            l.len(),
            q(0.5),
            q(0.99),
            errors.lock().unwrap(),
            vm_hwm(server.id())
        );
    }
    let _ = server.kill();
    let _ = server.wait();
    let _ = std::fs::remove_dir_all(&data);
}
