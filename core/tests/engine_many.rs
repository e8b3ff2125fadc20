//! Many files: bounded bytes in flight, cheap inputs with 100,000 files, a smooth ETA.
mod engine_common;
use engine_common::*;
use shoebox_core::engine::*;
use shoebox_core::facts::Outcome;

#[test]
fn bytes_in_flight_never_exceed_the_bound_with_1000_files() {
    let bound = 3 * 1_000_000;
    let mut h = H::new(EngineSettings { parallel_uploads: 8, chunk_size: Some(1_000_000), max_bytes_in_flight: bound, ..H::settings() });
    h.e.set_workers(4, 2);
    let defs = (1..=1000u64)
        .map(|i| {
            (
                i,
                format!("F/{i}.jpg"),
                Content::Virtual { size: 100_000 + (i * 7919) % 2_500_000, digest: format!("{:064x}", i) },
                photo_facts(),
            )
        })
        .collect();
    h.add_many(defs);
    let mut srv = FakeTus::new();
    srv.keep_bytes = false;
    // Answer requests out of order to keep several in flight.
    let mut k = 0usize;
    h.start();
    h.run(
        &mut srv,
        |_| Fault::None,
        |n| {
            k += 7;
            k % n.max(1)
        },
        5,
        1_000_000,
    );
    assert!(h.max_in_flight <= bound, "{} > {bound}", h.max_in_flight);
    assert!(h.max_in_flight >= 2_000_000, "the bound is used: {}", h.max_in_flight);
    assert_eq!(h.e.status(), Status::Complete { uploaded: 1000, already: 0, skipped: 0, failed: 0 });
    assert_eq!(srv.completed.len(), 1000);
}

#[test]
fn a_hundred_thousand_files_stay_cheap() {
    let n = 100_000u64;
    let mut h = H::new(EngineSettings { parallel_uploads: 4, ..H::settings() });
    h.e.set_workers(4, 2);
    let t = std::time::Instant::now();
    let defs: Vec<_> = (1..=n)
        .map(|i| (i, format!("F{}/{i}.jpg", i % 100), Content::Virtual { size: 1000, digest: format!("{:064x}", i) }, photo_facts()))
        .collect();
    // Added in batches, as the walk finds them.
    let mut it = defs.into_iter();
    loop {
        let batch: Vec<_> = it.by_ref().take(5000).collect();
        if batch.is_empty() {
            break;
        }
        h.add_many(batch);
    }
    let mut srv = FakeTus::new();
    srv.keep_bytes = false;
    h.start();
    h.run(&mut srv, |_| Fault::None, |_| 0, 1, 10_000_000);
    let el = t.elapsed();
    assert_eq!(h.e.totals().uploaded, n);
    // Debug build, including the fake server: linear work only.
    assert!(el.as_secs() < 60, "{el:?}");
    eprintln!("100,000 files through the engine (debug build, with fake server): {el:?}");
}

#[test]
fn second_run_of_the_same_folder_sends_no_patch() {
    let mut srv = FakeTus::new();
    let defs = || {
        (1..=50u64).map(|i| (i, format!("F/{i}.jpg"), Content::Bytes(bytes(3000 + i as usize, i as u8)), photo_facts())).collect::<Vec<_>>()
    };
    let mut h = H::new(EngineSettings { chunk_size: Some(1000), ..H::settings() });
    h.add_many(defs());
    h.start();
    h.run(&mut srv, |_| Fault::None, |_| 0, 1, 100_000);
    assert_eq!(h.e.totals().uploaded, 50);
    let patches = srv.patches;
    // Another browser (no local records): the server's check settles everything.
    let mut h2 = H::new(EngineSettings { chunk_size: Some(1000), ..H::settings() });
    h2.add_many(defs());
    h2.start();
    h2.run(&mut srv, |_| Fault::None, |_| 0, 1, 100_000);
    assert_eq!(h2.e.status(), Status::Complete { uploaded: 0, already: 50, skipped: 0, failed: 0 });
    assert_eq!(srv.patches, patches);
}

/// Steady throughput (1 MB/s) with noisy progress timings: each second, the ETA is within 10%
/// of the true time left, once it is shown.
#[test]
fn eta_is_smooth_and_within_ten_percent_under_steady_throughput() {
    let chunk = 500_000u64;
    let size = 120_000_000u64; // 120 s at 1 MB/s
    let mut h = H::new(EngineSettings {
        parallel_uploads: 1,
        chunk_size: Some(chunk),
        max_bytes_in_flight: chunk,
        creation_with_upload_max: 0,
        ..H::settings()
    });
    let id = h.add(1, "v.mp4", Content::Virtual { size, digest: "cd".repeat(32) }, video_facts());
    h.handshake(HttpResponse::new(404), options_bare());
    h.start();
    let (c, _) = h.expect(Method::Post);
    h.answer(c, Ok(ok(201).with_header("Location", "v")));
    let start = h.now;
    let mut rng = Rng::new(42);
    let mut next_sample = start + 1000;
    let mut last_eta: Option<u64> = None;
    let mut shown = 0;
    let mut sent_total = 0u64;
    while h.view(id).outcome.is_none() {
        let (p, r) = h.expect(Method::Patch);
        let Body::Slice { start: s, end, .. } = r.body else { panic!() };
        // Progress events at noisy times; the bytes follow the steady 1 MB/s line.
        let mut sent = 0;
        while sent < end - s {
            let step = 20_000 + (rng.next_u64() % 180_000);
            sent = (sent + step).min(end - s);
            let t = start + ((sent_total + sent) as f64 / 1000.0) as u64; // 1 byte per µs = 1 MB/s
            let jitter = rng.next_u64() % 150;
            h.now = h.now.max(t + jitter);
            h.progress(p, sent);
            while h.now >= next_sample {
                let left_ms = (size - (sent_total + sent)) as f64 / 1000.0;
                if let Status::BackingUp { eta_ms: Some(eta), .. } = h.e.status() {
                    shown += 1;
                    if left_ms > 5000.0 {
                        let err = (eta as f64 - left_ms).abs() / left_ms;
                        assert!(err <= 0.10, "at {} s: eta {eta} ms, true {left_ms} ms", (h.now - start) / 1000);
                    }
                    if let Some(prev) = last_eta {
                        // No jumps: from one second to the next it moves by about a second.
                        let d = prev as f64 - eta as f64;
                        assert!((d - 1000.0).abs() <= 0.10 * prev as f64 + 200.0, "jump {prev} -> {eta}");
                    }
                    last_eta = Some(eta);
                } else {
                    assert!((h.now - start) < 5000, "ETA should be shown after a few seconds");
                }
                next_sample += 1000;
            }
        }
        sent_total += end - s;
        h.answer(p, Ok(ok(204).with_header("Upload-Offset", &end.to_string())));
    }
    assert!(shown > 100, "{shown}");
    assert_eq!(h.view(id).outcome, Some(Outcome::Uploaded(None)));
}

#[test]
fn small_files_are_hashed_several_at_once_per_worker_large_ones_one_each() {
    let mut h = H::new(H::settings());
    h.e.set_workers(1, 1);
    h.auto_local = false;
    let small = SMALL_HASH_BYTES;
    let defs = (1..=20u64)
        .map(|i| {
            // Files 1-12 are photo-sized, then two large videos, then small ones again.
            let size = if (13..=14).contains(&i) { small + 1 } else { small / 2 };
            (i, format!("F/{i}.jpg"), Content::Virtual { size, digest: format!("{:064x}", i) }, photo_facts())
        })
        .collect();
    h.add_many(defs);
    while let Some(a) = h.local.pop_front() {
        h.answer_local(a);
        h.drain();
    }
    h.handshake(HttpResponse::new(404), options_bare());
    h.start();
    let hashing =
        |h: &H| h.local.iter().filter_map(|a| if let Action::Hash { file } = a { Some(file.0) } else { None }).collect::<Vec<_>>();
    // One worker: up to SMALL_HASHES_PER_WORKER small files at once, in the order dropped.
    assert_eq!(hashing(&h), (1..=SMALL_HASHES_PER_WORKER as u64).collect::<Vec<_>>());
    let answer_first = |h: &mut H| {
        let a = h.local.pop_front().unwrap();
        h.answer_local(a);
        h.drain();
    };
    for _ in 0..SMALL_HASHES_PER_WORKER {
        answer_first(&mut h);
    }
    assert_eq!(hashing(&h), vec![9, 10, 11, 12], "a large file waits until the small ones before it are done");
    for _ in 0..4 {
        answer_first(&mut h);
    }
    assert_eq!(hashing(&h), vec![13]);
    answer_first(&mut h);
    // Small files may be asked beside a large one (with more workers they run beside it; the
    // pool runs a large hash alone on its worker).
    assert_eq!(hashing(&h), (14..=20).collect::<Vec<_>>());
}

#[test]
fn small_files_upload_three_per_slot_large_ones_one() {
    let mut h = H::new(EngineSettings { parallel_uploads: 2, ..H::settings() });
    let sizes = [100_000u64, 100_000, 100_000, 100_000, 100_000, 100_000, 100_000, 5 << 20, 100_000];
    let defs = sizes
        .iter()
        .enumerate()
        .map(|(i, s)| (i as u64 + 1, format!("F/{i}.jpg"), Content::Virtual { size: *s, digest: format!("{:064x}", i + 1) }, photo_facts()))
        .collect();
    h.add_many(defs);
    h.handshake(HttpResponse::new(404), options_full());
    h.start();
    h.drain();
    let creations = |h: &H| h.http.iter().filter(|(_, r)| r.method == Method::Post).count();
    // Two slots: six small files at once (each one creation-with-upload request).
    assert_eq!(creations(&h), 2 * SMALL_UPLOADS_PER_SLOT);
    let (req, _) = h.http.pop_front().unwrap();
    h.answer(req, Ok(ok(201).with_header("Location", "u1").with_header("Upload-Offset", "100000")));
    // The seventh small file takes the freed place; the large one waits for fewer than two.
    assert_eq!(creations(&h), 2 * SMALL_UPLOADS_PER_SLOT);
    assert!(h.http.iter().all(|(_, r)| r.body.slice_len() <= 100_000));
}
