//! Warm-up at worker start, before it announces `Ready`: a few MiB of SHA-256 and one prepare of
//! a small synthetic photo, so that V8 has already tiered the hot wasm functions up to its
//! optimising compiler when the first real file arrives. Without it a fresh worker's first
//! photo took ~2x a warm one, and a hash's first 8 MiB slice ran at the baseline tier's speed
//! (~30 MB/s): wasm has no on-stack replacement, so a call begun in the baseline tier ends there.
//! The app's pool starts its workers with the page, long before the first drop.
use shoebox_core::hash::Sha256Stream;
use shoebox_core::photo::prepare::{prepare, warm, PrepareOptions};

pub fn warm_up() {
    let mut h = Sha256Stream::new();
    let block = vec![0x5au8; 256 * 1024];
    for _ in 0..8 {
        h.update(&block); // separate calls: each later one can pick up the optimised code
    }
    let _ = h.finish_hex();
    let sample = warm::sample_jpeg();
    let max = u64::from(warm::SAMPLE_W * warm::SAMPLE_H / 2);
    let _ = prepare(&sample, &PrepareOptions { max_pixels: Some(max), quality: 90, strip_location: false });
}
