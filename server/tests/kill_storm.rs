//! The server killed with SIGKILL at random moments during concurrent uploads and
//! restarted on the same address: four engines (native driver) each upload a folder while a
//! seeded killer strikes eight times. Every upload completes with identical bytes, no partial
//! upload is ever listed as media, and `shoebox-server verify` finds the store clean. Once over
//! the data folder, once over a real S3 bucket (SeaweedFS) and PostgreSQL.
mod common;

use common::content::photo;
use common::native_driver::*;
use common::process::{binary, ServerProcess};
use shoebox_core::engine::*;
use shoebox_core::hash::sha256_hex;
use std::fs;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[test]
fn sigkill_at_random_moments_during_concurrent_uploads_loses_and_lists_nothing_wrong() {
    storm(&[], &[]);
}

#[test]
fn the_same_storm_over_s3_and_postgresql() {
    let (store, db) = (common::s3::store_url(), common::postgres::database());
    storm(&["--store".into(), store, "--database".into(), db], &common::s3::credentials_env());
}

/// `backend`: the flags that choose where the server keeps its data (none: the data folder).
fn storm(backend: &[String], env: &[(&'static str, &'static str)]) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut args = vec!["--token".to_string(), format!("alice:{TOKEN}")];
    args.extend(backend.iter().cloned());
    let env = env.to_vec();
    let first = ServerProcess::start(&data, &args.iter().map(String::as_str).collect::<Vec<_>>(), &env);
    let addr = first.addr;
    let server = Arc::new(Mutex::new(first));
    let mut want = Vec::new();
    let mut roots = Vec::new();
    for c in 0..4u64 {
        let root = dir.path().join(format!("client-{c}")).join("Card");
        fs::create_dir_all(&root).unwrap();
        for i in 0..4u64 {
            let bytes = photo(300_000 + ((c * 4 + i) as usize % 7) * 350_000, c * 100 + i + 1);
            fs::write(root.join(format!("IMG_{i}.jpg")), &bytes).unwrap();
            want.push(sha256_hex(&bytes));
        }
        roots.push(root);
    }
    let done = Arc::new(AtomicBool::new(false));
    let killer = {
        let (server, done, data, args, env) = (server.clone(), done.clone(), data.clone(), args.clone(), env.clone());
        std::thread::spawn(move || {
            let mut x = 0x0B5E_55ED_u64;
            let mut kills = 0;
            while kills < 8 && !done.load(Ordering::Relaxed) {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                std::thread::sleep(Duration::from_millis(80 + x % 220));
                let mut s = server.lock().unwrap();
                s.kill9();
                let a: Vec<&str> = args.iter().map(String::as_str).collect();
                *s = ServerProcess::start_on(&addr.to_string(), &data, &a, &env);
                kills += 1;
            }
            kills
        })
    };
    let clients: Vec<_> = roots
        .into_iter()
        .map(|root| {
            std::thread::spawn(move || {
                let settings = EngineSettings {
                    endpoint: format!("http://{addr}/files/"),
                    token: Some(TOKEN.into()),
                    chunk_size: Some(64 * 1024),
                    ..Default::default()
                };
                let mut d = NativeDriver::new(settings, addr);
                d.read_timeout = Duration::from_secs(3);
                d.real_wait = Some(Duration::from_millis(25));
                d.add_folder(&root);
                d.run_until(|s| matches!(s, Status::ReadyToBackUp { .. }));
                let now = d.now;
                d.engine.start(now);
                d.run_until(|s| matches!(s, Status::Complete { .. }));
                d.engine.status()
            })
        })
        .collect();
    for c in clients {
        assert_eq!(c.join().unwrap(), Status::Complete { uploaded: 4, already: 0, skipped: 0, failed: 0 });
    }
    done.store(true, Ordering::Relaxed);
    let kills = killer.join().unwrap();
    assert!(kills >= 3, "the server was killed {kills} times during the uploads");
    // Listed: exactly the 16 files, each byte for byte; nothing partial.
    let (st, b) = get(addr, "/api/v1/media?limit=1000");
    assert_eq!(st, 200);
    let v: serde_json::Value = serde_json::from_slice(&b).unwrap();
    let listed: Vec<String> = v["items"].as_array().unwrap().iter().map(|i| i["sha256"].as_str().unwrap().to_string()).collect();
    let mut sorted = listed.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), listed.len(), "nothing listed twice");
    let mut w = want.clone();
    w.sort();
    assert_eq!(sorted, w, "exactly the uploaded files are listed");
    for sha in &want {
        let (st, bytes) = get(addr, &format!("/api/v1/media/{sha}"));
        assert_eq!((st, sha256_hex(&bytes)), (200, sha.clone()));
    }
    server.lock().unwrap().kill9();
    let out = std::process::Command::new(binary()).args(backend).args(["verify", "--data-dir"]).arg(&data).envs(env).output().unwrap();
    assert!(out.status.success(), "verify: {}", String::from_utf8_lossy(&out.stdout));
    println!("{kills} kills; 16 files verified");
}
