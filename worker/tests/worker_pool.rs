//! Browser tests of the worker side and the worker pool in headless Chromium:
//! `cargo test --target wasm32-unknown-unknown -p shoebox-worker --test worker_pool`.
//! Workers here run this test's own wasm module (`WorkerSource::ThisModule`): the page is served
//! by wasm-bindgen-test-runner, not Trunk, so there is no `worker.js` to load. Its hash workers
//! have the codecs linked but refuse Prepare as the hash worker build does (`NoCodecs`), so a
//! Prepare the pool sent to the wrong kind would fail here too; the shipped builds themselves are
//! checked end to end (tests/js/e2e/app_worker_kinds.test.mjs).
#![cfg(target_arch = "wasm32")]
use shoebox::browser::worker_pool::{PrepareResult, WorkerPool, WorkerSource};
use shoebox_core::facts::{Format, MediaKind};
use shoebox_core::hash::sha256_hex;
use shoebox_core::worker_protocol::{PrepareOutcome, WorkerKind};
use shoebox_fixtures::{jpeg, JpegSpec};
use shoebox_worker::{
    handler,
    protocol::{Job, Reply},
};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Blob, File};

wasm_bindgen_test_configure!(run_in_browser);

fn file(name: &str, bytes: &[u8]) -> File {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    File::new_with_u8_array_sequence(&parts, name).unwrap()
}

async fn blob_bytes(b: &Blob) -> Vec<u8> {
    js_sys::Uint8Array::new(&JsFuture::from(b.array_buffer()).await.unwrap()).to_vec()
}

fn pool(n: usize) -> WorkerPool {
    WorkerPool::with_source(n, WorkerSource::ThisModule)
}

#[wasm_bindgen_test]
async fn handler_runs_on_the_page_too() {
    let bytes = jpeg(&JpegSpec::camera(640, 480));
    let f = file("a.jpg", &bytes);
    let (reply, _) = handler::run(Job::Inspect { name: "a.jpg".into() }, &f).await;
    let Reply::Inspected(facts) = reply else { panic!("{reply:?}") };
    assert_eq!((facts.format, facts.width, facts.height), (Format::Jpeg, Some(640), Some(480)));
    // More than one hash slice, odd tail: the overlapped reads must still cover every byte once.
    let big: Vec<u8> = (0..(handler::HASH_SLICE as usize * 2 + 12345)).map(|i| (i * 31 % 251) as u8).collect();
    assert_eq!(handler::hash(&file("big.bin", &big), None).await.unwrap(), sha256_hex(&big));
    assert_eq!(handler::hash(&file("empty", &[]), None).await.unwrap(), sha256_hex(&[]));
}

#[wasm_bindgen_test]
async fn pool_inspects_and_hashes_in_workers() {
    let p = pool(2);
    assert_eq!(p.size(), 2);
    let bytes = jpeg(&JpegSpec::camera(1200, 800));
    let facts = p.inspect(file("IMG_1.JPG", &bytes)).await.unwrap();
    assert_eq!((facts.kind, facts.width, facts.orientation), (MediaKind::Photo, Some(1200), Some(1)));
    assert_eq!(facts.captured_at.as_deref(), Some("2023:07:14 18:30:05"));
    assert_eq!(p.inspect(file(".DS_Store", b"Bud1")).await.unwrap().kind, MediaKind::System);
    let blob: Blob = file("x", &bytes).into();
    assert_eq!(p.hash(blob, None).await.unwrap(), sha256_hex(&bytes));
}

#[wasm_bindgen_test]
async fn pool_queues_more_jobs_than_workers() {
    let p = pool(2);
    let inputs: Vec<Vec<u8>> = (0..7u32).map(|i| (0..100_000 + i * 1000).map(|b| (b ^ i) as u8).collect()).collect();
    let jobs = inputs.iter().map(|b| p.hash(file("x", b).into(), None));
    let got = futures::future::join_all(jobs).await;
    for (b, h) in inputs.iter().zip(got) {
        assert_eq!(h.unwrap(), sha256_hex(b));
    }
}

#[wasm_bindgen_test]
async fn crashed_worker_is_replaced_and_only_its_job_fails() {
    let p = pool(1);
    let (crash, ok) = futures::join!(p.crash_one_for_test(), p.hash(file("x", b"abc").into(), None));
    assert!(matches!(crash.unwrap_err(), shoebox_core::failure::WorkerFault::Crashed { .. }));
    assert_eq!(ok.unwrap(), sha256_hex(b"abc"));
    assert_eq!(p.size(), 1);
}

#[wasm_bindgen_test]
async fn pool_downsizes_a_24mp_photo() {
    let src = jpeg(&JpegSpec::camera(6000, 4000));
    let p = pool(1);
    let t0 = js_sys::Date::now();
    let r = p.prepare(file("IMG_24.JPG", &src), Some(16_000_000), 90, false).await;
    let ms = js_sys::Date::now() - t0;
    let PrepareResult { outcome: PrepareOutcome::Prepared { size, sha256, mime }, blob: Some(blob) } = r else {
        panic!("expected Prepared")
    };
    assert_eq!(mime, "image/jpeg", "the worker names the type it made");
    let out = blob_bytes(&blob).await;
    assert_eq!((out.len() as u64, blob.type_().as_str()), (size, "image/jpeg"));
    assert_eq!(sha256_hex(&out), sha256);
    let facts = shoebox_core::photo::inspect("x", &out, size);
    assert_eq!((facts.width, facts.height), (Some(4898), Some(3265)));
    assert_eq!(facts.captured_at.as_deref(), Some("2023:07:14 18:30:05"));
    web_sys::console::log_1(&format!("24 MP → 16 MP in a worker: {ms:.0} ms, {} → {} bytes", src.len(), size).into());
    // Same input and settings → same bytes (resumable uploads depend on it).
    let PrepareResult { outcome: PrepareOutcome::Prepared { sha256: again, .. }, .. } =
        p.prepare(file("IMG_24.JPG", &src), Some(16_000_000), 90, false).await
    else {
        panic!()
    };
    assert_eq!(again, sha256);
    let PrepareResult { outcome: PrepareOutcome::KeepOriginal { reason }, blob: None } =
        p.prepare(file("small.jpg", &jpeg(&JpegSpec::camera(64, 48))), Some(16_000_000), 90, false).await
    else {
        panic!()
    };
    assert_eq!(reason, shoebox_core::facts::KeepReason::NothingToDo);
}

#[wasm_bindgen_test]
async fn webcrypto_and_streaming_hashes_agree_with_the_reference() {
    for n in [0usize, 1, 63, 64, 1_000_003, 3 * (1 << 20) + 17, handler::HASH_SLICE as usize + 7] {
        let data: Vec<u8> = (0..n).map(|i| (i * 131 % 253) as u8).collect();
        let f = file("x.bin", &data);
        let want = sha256_hex(&data);
        // The test page is served from 127.0.0.1, a secure context: WebCrypto must be used.
        assert_eq!(handler::hash_one_shot(&f).await.as_deref(), Some(want.as_str()), "one shot, {n} bytes");
        assert_eq!(handler::hash_stream(&f, None).await.unwrap(), want, "streaming, {n} bytes");
        assert_eq!(handler::hash(&f, None).await.unwrap(), want, "hash, {n} bytes");
        // The streamed CRC-32C (BYOB reader, several buffers for the larger sizes).
        let crc = handler::digest(&f, shoebox_core::tus::ChecksumAlgo::Crc32c, None).await.unwrap();
        assert_eq!(crc, shoebox_core::hash::hex(&shoebox_core::crc32c::crc32c(&data).to_be_bytes()), "crc32c, {n} bytes");
    }
    // More than the reader's two buffers hold at once, an odd tail: every byte once, in order.
    let data: Vec<u8> = (0..(10 << 20) + 12_345).map(|i: usize| (i * 7 % 251) as u8).collect();
    let reader = shoebox_worker::byob::reader(&file("y.bin", &data)).expect("Chromium's blob streams have a BYOB reader");
    let mut got = Vec::new();
    shoebox_worker::byob::drain(&reader, |b| got.extend_from_slice(b)).await.unwrap();
    assert!(got == data, "the drained bytes differ ({} of {})", got.len(), data.len());
}

#[wasm_bindgen_test]
async fn a_chunk_digest_runs_beside_a_long_hash_on_a_single_worker() {
    // One worker busy hashing a large file (streamed: over the one-shot bound) must still
    // digest a chunk at once: that chunk's PATCH waits for it.
    let p = pool(1);
    let piece = js_sys::Uint8Array::new_with_length(8 << 20);
    let parts = js_sys::Array::new();
    for _ in 0..12 {
        parts.push(&piece);
    }
    let big = Blob::new_with_u8_array_sequence(&parts).unwrap();
    let chunk: Blob = file("c", b"123456789").into();
    let hash = Box::pin(p.hash(big, None));
    let digest = Box::pin(p.digest(chunk, shoebox_core::tus::ChecksumAlgo::Crc32c, None));
    match futures::future::select(hash, digest).await {
        futures::future::Either::Right((d, hash)) => {
            assert_eq!(d.unwrap(), vec![0xE3, 0x06, 0x92, 0x83]);
            assert_eq!(hash.await.unwrap(), sha256_hex(&vec![0u8; 96 << 20]));
        }
        futures::future::Either::Left(_) => panic!("the chunk's digest waited for the whole hash"),
    };
}

#[wasm_bindgen_test]
async fn prepare_starts_a_codec_worker_and_runs_only_there() {
    let p = pool(1);
    assert_eq!(p.hash(file("x", b"abc").into(), None).await.unwrap(), sha256_hex(b"abc"));
    assert_eq!((p.live(WorkerKind::Hash), p.live(WorkerKind::Codec)), (1, 0), "no codec worker before a Prepare");
    let src = jpeg(&JpegSpec::camera(1200, 800));
    let r = p.prepare(file("a.jpg", &src), Some(200_000), 90, false).await;
    assert!(matches!(r.outcome, PrepareOutcome::Prepared { .. }), "{:?}", r.outcome);
    assert_eq!((p.live(WorkerKind::Hash), p.live(WorkerKind::Codec)), (1, 1), "one codec worker for a pool of one");
    // Both kinds busy at once, and one of them crashing: the crash takes the idle hash worker
    // (hash workers are preferred for jobs either kind runs), the photo goes to the codec worker,
    // the hash waits for a free worker; the crashed worker is replaced by one of its kind.
    let (crash, prepared, hashed) = futures::join!(
        p.crash_one_for_test(),
        p.prepare(file("b.jpg", &src), Some(200_000), 90, false),
        p.hash(file("y", b"abcd").into(), None)
    );
    assert!(matches!(crash.unwrap_err(), shoebox_core::failure::WorkerFault::Crashed { .. }));
    assert!(matches!(prepared.outcome, PrepareOutcome::Prepared { .. }), "{:?}", prepared.outcome);
    assert_eq!(hashed.unwrap(), sha256_hex(b"abcd"));
    assert_eq!((p.live(WorkerKind::Hash), p.live(WorkerKind::Codec)), (1, 1));
}

#[wasm_bindgen_test]
async fn a_prepare_waiting_for_the_codec_worker_does_not_hold_back_hashes() {
    // The codec worker is busy with a 24 MP photo and a second one waits for it: a hash queued
    // behind them runs on the hash worker meanwhile, strict FIFO only within a kind.
    let p = pool(1);
    assert_eq!(p.hash(file("w", b"warm").into(), None).await.unwrap(), sha256_hex(b"warm"));
    let big = jpeg(&JpegSpec::camera(6000, 4000));
    let first = Box::pin(p.prepare(file("1.jpg", &big), Some(16_000_000), 90, false));
    let second = Box::pin(p.prepare(file("2.jpg", &big), Some(16_000_000), 90, false));
    let both = futures::future::join(first, second);
    let hash = Box::pin(p.hash(file("z", b"xyz").into(), None));
    match futures::future::select(hash, Box::pin(both)).await {
        futures::future::Either::Left((h, both)) => {
            assert_eq!(h.unwrap(), sha256_hex(b"xyz"));
            let (a, b) = both.await;
            assert!(matches!((&a.outcome, &b.outcome), (PrepareOutcome::Prepared { .. }, PrepareOutcome::Prepared { .. })));
        }
        futures::future::Either::Right(_) => panic!("the hash waited for the photos"),
    };
}

#[wasm_bindgen_test]
async fn a_crashed_codec_worker_is_replaced_by_a_codec_worker() {
    let p = pool(1);
    assert_eq!(p.hash(file("w", b"warm").into(), None).await.unwrap(), sha256_hex(b"warm"));
    let src = jpeg(&JpegSpec::camera(1200, 800));
    let r = p.prepare(file("a.jpg", &src), Some(200_000), 90, false).await;
    assert!(matches!(r.outcome, PrepareOutcome::Prepared { .. }), "{:?}", r.outcome);
    // The hash worker busy with a long streamed hash: the crash can only go to the codec worker.
    let piece = js_sys::Uint8Array::new_with_length(8 << 20);
    let parts = js_sys::Array::new();
    for _ in 0..12 {
        parts.push(&piece);
    }
    let big = Blob::new_with_u8_array_sequence(&parts).unwrap();
    let (hashed, crash) = futures::join!(p.hash(big, None), p.crash_one_for_test());
    assert!(matches!(crash.unwrap_err(), shoebox_core::failure::WorkerFault::Crashed { .. }));
    assert_eq!(hashed.unwrap(), sha256_hex(&vec![0u8; 96 << 20]), "the hash worker was not the one that crashed");
    assert_eq!((p.live(WorkerKind::Hash), p.live(WorkerKind::Codec)), (1, 1));
    let again = p.prepare(file("b.jpg", &src), Some(200_000), 90, false).await;
    assert!(matches!(again.outcome, PrepareOutcome::Prepared { .. }), "the replacement prepares: {:?}", again.outcome);
}
