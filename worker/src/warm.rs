//! Warm-up at worker start, before it announces `Ready`: a few MiB of SHA-256, so that V8 has
//! already tiered the compression function up to its optimising compiler when the first file
//! arrives. wasm has no on-stack replacement, so a call begun in the baseline tier (several
//! times slower than optimised code; BENCHMARKS.md, "Figures behind the code's constants")
//! ends there. The app's pool starts its workers right
//! after the first paint, long before the first drop, so nobody waits for this.
//!
//! Photos are deliberately not warmed up the same way: a prepare of a small synthetic JPEG
//! before `Ready` makes a fresh worker's first photo cheaper but every later photo dearer,
//! because V8 inlines by the call feedback gathered before tier-up, and the sample's feedback
//! suits real photos worse than a real photo's own (figures: BENCHMARKS.md, "Figures behind
//! the code's constants").
use sha2_simd::Digest as _;

pub fn warm_up() {
    let mut h = sha2_simd::Sha256::new(); // the one hash_stream uses
    let block = vec![0x5au8; 256 * 1024];
    for _ in 0..8 {
        h.update(&block); // separate calls: each later one can pick up the optimised code
    }
    let _ = h.finalize();
}
