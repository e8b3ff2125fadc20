//! docs/deploy.md's figures: upload throughput of one node against two, over one real S3 bucket
//! (SeaweedFS) and one PostgreSQL, with the local disk and SQLite as the anchor, all in one run.
//! Each client thread uploads its files in PATCHes of the given size, each request to the next node (as a
//! round-robin balancer would send them), so uploads really move between nodes.
//! Run: cargo build --release -p shoebox-server --example nodes_throughput &&
//! target/release/examples/nodes_throughput [clients] [files per client] [PATCH MiB]
#[allow(dead_code)]
#[path = "../tests/common/content.rs"]
mod content;
#[allow(dead_code)] // the test harness has more than this example needs
#[path = "../tests/common/postgres.rs"]
mod postgres;
#[path = "../tests/common/s3.rs"]
mod s3;

use content::noise;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::Instant;

const TOKEN: &str = "nodes-bench-token-01";

fn request(addr: SocketAddr, head: &str, body: &[u8]) -> (u16, String) {
    let mut c = TcpStream::connect(addr).unwrap();
    c.write_all(head.as_bytes()).unwrap();
    c.write_all(body).unwrap();
    let mut raw = Vec::new();
    c.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    (text.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0), text)
}

/// One file, its PATCHes spread over `nodes` in turn. False on any error.
fn upload(nodes: &[SocketAddr], data: &[u8], turn: &mut usize, chunk: usize) -> bool {
    let auth = format!("Authorization: Bearer {TOKEN}\r\nTus-Resumable: 1.0.0\r\nConnection: close");
    let a = nodes[*turn % nodes.len()];
    let head = format!("POST /files/ HTTP/1.1\r\nHost: {a}\r\n{auth}\r\nUpload-Length: {}\r\nContent-Length: 0\r\n\r\n", data.len());
    let (201, text) = request(a, &head, &[]) else { return false };
    let Some(loc) = text.lines().find_map(|l| l.split_once(": ").filter(|(k, _)| k.eq_ignore_ascii_case("location")).map(|(_, v)| v))
    else {
        return false;
    };
    let path = loc.find("/files/").map(|i| loc[i..].trim().to_string()).unwrap();
    let mut off = 0;
    while off < data.len() {
        *turn += 1;
        let n = nodes[*turn % nodes.len()];
        let end = (off + chunk).min(data.len());
        let head = format!(
            "PATCH {path} HTTP/1.1\r\nHost: {n}\r\n{auth}\r\nUpload-Offset: {off}\r\nContent-Type: application/offset+octet-stream\r\nContent-Length: {}\r\n\r\n",
            end - off
        );
        if request(n, &head, &data[off..end]).0 != 204 {
            return false;
        }
        off = end;
    }
    true
}

fn start(bin: &std::path::Path, dir: &std::path::Path, extra: &[&str]) -> (Child, SocketAddr) {
    let mut child = Command::new(bin)
        .args(["--listen", "127.0.0.1:0", "--data-dir"])
        .arg(dir)
        .args(["--token", &format!("bench:{TOKEN}")])
        .args(extra)
        .envs(s3::credentials_env())
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .spawn()
        .expect("build the server first: cargo build --release -p shoebox-server");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let addr = line.split("http://").nth(1).expect("startup line").split('/').next().unwrap().parse().unwrap();
    (child, addr)
}

/// MB/s of `clients` threads each uploading `per` files of 2-6 MB, and the error count.
fn run(nodes: &[SocketAddr], clients: usize, per: usize, seed: u64, chunk: usize) -> (f64, usize) {
    let t = Instant::now();
    let threads: Vec<_> = (0..clients)
        .map(|c| {
            let nodes = nodes.to_vec();
            std::thread::spawn(move || {
                let (mut bytes, mut errors, mut turn) = (0usize, 0usize, c);
                for f in 0..per {
                    let s = seed << 40 | (c as u64) << 16 | f as u64;
                    let data = noise(2_000_000 + (s as usize * 7919) % 4_000_000, s);
                    if upload(&nodes, &data, &mut turn, chunk) {
                        bytes += data.len();
                    } else {
                        errors += 1;
                    }
                }
                (bytes, errors)
            })
        })
        .collect();
    let (bytes, errors) = threads.into_iter().map(|h| h.join().unwrap()).fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    (bytes as f64 / 1e6 / t.elapsed().as_secs_f64(), errors)
}

fn vm_hwm_mb(pid: u32) -> f64 {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    s.lines().find(|l| l.starts_with("VmHWM")).and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok()).unwrap_or(0.0) / 1024.0
}

/// One 1 GiB file through one node over S3 in 64 MiB PATCHes: the node's peak memory.
fn big_file(bin: &std::path::Path, dir: &std::path::Path, cluster: &[&str]) {
    let (mut node, addr) = start(bin, dir, cluster);
    let len: usize = 1 << 30;
    let auth = format!("Authorization: Bearer {TOKEN}\r\nTus-Resumable: 1.0.0\r\nConnection: close");
    let head = format!("POST /files/ HTTP/1.1\r\nHost: {addr}\r\n{auth}\r\nUpload-Length: {len}\r\nContent-Length: 0\r\n\r\n");
    let (_, text) = request(addr, &head, &[]);
    let loc = text.lines().find_map(|l| l.split_once(": ").filter(|(k, _)| k.eq_ignore_ascii_case("location")).map(|(_, v)| v)).unwrap();
    let path = loc.find("/files/").map(|i| loc[i..].trim().to_string()).unwrap();
    let t = Instant::now();
    let step = 64 << 20;
    for off in (0..len).step_by(step) {
        let chunk = noise(step, off as u64 + 1);
        let head = format!(
            "PATCH {path} HTTP/1.1\r\nHost: {addr}\r\n{auth}\r\nUpload-Offset: {off}\r\nContent-Type: application/offset+octet-stream\r\nContent-Length: {step}\r\n\r\n"
        );
        assert_eq!(request(addr, &head, &chunk).0, 204);
    }
    println!(
        "1 GiB in 64 MiB PATCHes through one node over S3: {:.1} MB/s, node peak memory {:.0} MB",
        len as f64 / 1e6 / t.elapsed().as_secs_f64(),
        vm_hwm_mb(node.id())
    );
    node.kill().unwrap();
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let clients: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(8);
    let per: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(6);
    let chunk: usize = args.get(3).and_then(|s| s.parse::<usize>().ok()).unwrap_or(1) << 20;
    let bin = std::env::current_exe().unwrap().parent().unwrap().parent().unwrap().join("shoebox-server");
    let tmp = tempfile::tempdir().unwrap();
    let (store, db) = (s3::store_url(), postgres::database());
    let cluster = ["--store", store.as_str(), "--database", db.as_str()];
    println!(
        "{clients} clients x {per} files of 2-6 MB, {} MiB PATCHes, {} cores",
        chunk >> 20,
        std::thread::available_parallelism().unwrap()
    );
    for round in 0..3u64 {
        let (mut local, la) = start(&bin, &tmp.path().join(format!("local{round}")), &[]);
        let (l, le) = run(&[la], clients, per, round * 3, chunk);
        local.kill().unwrap();
        let (mut a, aa) = start(&bin, &tmp.path().join(format!("a{round}")), &cluster);
        let (one, oe) = run(&[aa], clients, per, round * 3 + 1, chunk);
        let (mut b, ba) = start(&bin, &tmp.path().join(format!("b{round}")), &cluster);
        let (two, te) = run(&[aa, ba], clients, per, round * 3 + 2, chunk);
        a.kill().unwrap();
        b.kill().unwrap();
        println!(
            "round {round}: local disk + SQLite, 1 node {l:.1} MB/s | S3 + PostgreSQL, 1 node {one:.1} MB/s | 2 nodes {two:.1} MB/s \
             ({:.2}x one node) | errors {}",
            two / one,
            le + oe + te
        );
    }
    big_file(&bin, &tmp.path().join("big"), &cluster);
}
