//! A small synthetic camera-like JPEG for warming a worker up: running one prepare of it (and a
//! few MiB of SHA-256) at start makes V8 tier the hot wasm functions up to its optimising
//! compiler before the first real photo, which otherwise runs its first calls in the baseline
//! tier (wasm has no on-stack replacement, so a call that began there finishes there).
use jpeg_encoder::{ColorType, Encoder, SamplingFactor};

/// Size of the sample: big enough that every hot decode/resize/encode function exhausts V8's
/// tier-up budget, small enough to cost a fraction of a real photo.
pub const SAMPLE_W: u32 = 1024;
pub const SAMPLE_H: u32 = 768;

/// A `SAMPLE_W` x `SAMPLE_H` 4:2:0 JPEG at quality 90 with gradients and grain (flat colour
/// would leave the entropy decoder's busy paths cold). Deterministic.
pub fn sample_jpeg() -> Vec<u8> {
    let (w, h) = (SAMPLE_W as usize, SAMPLE_H as usize);
    let mut rgb = Vec::with_capacity(w * h * 3);
    let mut seed = 0x9e37_79b9u32;
    for y in 0..h {
        for x in 0..w {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            let grain = (seed & 31) as usize;
            rgb.extend_from_slice(&[
                ((x * 255 / w + grain) & 255) as u8,
                ((y * 255 / h + grain) & 255) as u8,
                (((x + y) / 8 + grain) & 255) as u8,
            ]);
        }
    }
    let mut out = Vec::new();
    let mut enc = Encoder::new(&mut out, 90);
    enc.set_sampling_factor(SamplingFactor::F_2_2);
    // Cannot fail: the size fits u16 and the buffer matches it.
    let _ = enc.encode(&rgb, SAMPLE_W as u16, SAMPLE_H as u16, ColorType::Rgb);
    out
}
