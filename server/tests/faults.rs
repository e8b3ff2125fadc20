//! Faults between the upload engine and the real server: rounds of small folders uploaded by
//! the native engine driver through a fault-injecting proxy (cuts, stalls, delays, 503 bursts,
//! resets during the answer). Every file must end uploaded with identical bytes. The default
//! run is a few dozen seeded rounds; `SHOEBOX_FAULT_ROUNDS=150` (scripts/reliability.sh
//! --long) runs more and the figures go in RELIABILITY.md. Each fault kind must have been
//! injected at least once, and corruptions must be 0.
mod common;

use common::content::{noise, photo};
use common::fault_proxy::{FaultProxy, KINDS};
use common::native_driver::*;
use common::process::ServerProcess;
use shoebox_core::engine::*;
use shoebox_core::hash::sha256_hex;
use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

#[test]
fn rounds_through_a_faulty_network_end_with_identical_bytes() {
    let rounds: u64 = std::env::var("SHOEBOX_FAULT_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(24);
    let dir = tempfile::tempdir().unwrap();
    let server = ServerProcess::start(&dir.path().join("data"), &["--token", &format!("alice:{TOKEN}")], &[]);
    let proxy = FaultProxy::start(server.addr, 0x5EED_F00D, 30);
    let started = Instant::now();
    let (mut files, mut bytes, mut corrupt, mut sent, mut already_seen) = (0u64, 0u64, 0u64, 0u64, 0u64);
    for round in 0..rounds {
        let root = dir.path().join(format!("round-{round}")).join("Card");
        fs::create_dir_all(&root).unwrap();
        let mut made = Vec::new();
        for i in 0..3u64 {
            let seed = round * 10 + i + 1;
            let len = 20_000 + (noise(4, seed)[0] as usize) * 3_000 + (i as usize) * 150_000;
            let data = photo(len, seed);
            let p = root.join(format!("IMG_{i}.jpg"));
            fs::write(&p, &data).unwrap();
            bytes += data.len() as u64;
            made.push((p, sha256_hex(&data)));
        }
        let settings = EngineSettings {
            endpoint: format!("http://{}/files/", server.addr),
            token: Some(TOKEN.into()),
            chunk_size: Some(64 * 1024),
            ..Default::default()
        };
        let mut d = NativeDriver::new(settings, proxy.addr);
        d.read_timeout = Duration::from_secs(1);
        d.add_folder(&root);
        d.run_until(|s| matches!(s, Status::ReadyToBackUp { .. }));
        let now = d.now;
        d.engine.start(now);
        d.run_until(|s| matches!(s, Status::Complete { .. }));
        // A lost answer to the last PATCH can leave the file complete on the server while the
        // engine, unable to learn it, asks again: it is then "already backed up", which is true.
        // Either way nothing may fail, and the bytes are checked below.
        match d.engine.status() {
            Status::Complete { uploaded, already, skipped: 0, failed: 0 } if uploaded + already == 3 => already_seen += already,
            s => panic!("round {round}: {s:?}"),
        }
        sent += d.body_bytes;
        for (p, want) in &made {
            let (st, stored) = get(server.addr, &format!("/api/v1/media/{want}"));
            assert_eq!(st, 200, "round {round}: {} not stored", p.display());
            if sha256_hex(&stored) != *want {
                corrupt += 1;
            }
            files += 1;
        }
    }
    let stored = metric(server.addr, "shoebox_received_bytes_total", "");
    let mut line = format!("{rounds} rounds in {:.1} s; injected:", started.elapsed().as_secs_f64());
    for k in KINDS {
        line.push_str(&format!(" {k:?} {}", proxy.injected(k)));
    }
    let resent = sent.saturating_sub(bytes);
    line.push_str(&format!(
        "; {files} files verified ({bytes} bytes, {already_seen} found already complete after a lost answer); {resent} bytes sent again ({:.1}%), the server stored {stored}; {corrupt} corruptions",
        resent as f64 * 100.0 / bytes.max(1) as f64
    ));
    println!("{line}");
    let _ = fs::write(Path::new(env!("CARGO_TARGET_TMPDIR")).join("faults-figures.txt"), &line);
    assert_eq!(corrupt, 0, "{line}");
    for k in KINDS {
        assert!(proxy.injected(k) > 0, "no {k:?} fault was injected: {line}");
    }
}
