//! The resizer's alpha handling per pixel type: 16-bit images with alpha are premultiplied by our
//! own code (not fast_image_resize's table-driven path, which the worker no longer links), so
//! check that they match that path (still linked natively) and do not darken colour next to
//! transparent pixels.
//! Run: cargo test -p shoebox-core --features prepare --test photo_resize
#![cfg(feature = "prepare")]
use shoebox_core::photo::prepare::resize::resize;

const W: u32 = 96;
const H: u32 = 64;

/// RGBA with one colour everywhere it is visible, alpha rising left to right, and a fully
/// transparent black stripe every 8th column (what would darken an unpremultiplied filter).
fn rgba(x: u32, y: u32) -> [u32; 4] {
    if x % 8 == 3 {
        return [0, 0, 0, 0];
    }
    let a = 2_000 + (63_535 * x / (W - 1)) * (1 + y % 2) / 2;
    [40_000, 20_000, 10_000, a]
}

fn wide(channels: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for y in 0..H {
        for x in 0..W {
            let p = rgba(x, y);
            let px: Vec<u32> = if channels == 4 { p.to_vec() } else { vec![p[0], p[3]] };
            for v in px {
                out.extend_from_slice(&(v as u16).to_ne_bytes());
            }
        }
    }
    out
}

fn u16s(b: &[u8]) -> Vec<u32> {
    b.chunks_exact(2).map(|c| u32::from(u16::from_ne_bytes([c[0], c[1]]))).collect()
}

#[test]
fn wide_rgba_and_grey_alpha_keep_their_colour_beside_transparent_pixels() {
    for channels in [2usize, 4] {
        let out = u16s(&resize(wide(channels), W, H, channels as u8, true, W / 3, H / 3).expect("resized"));
        assert_eq!(out.len(), ((W / 3) * (H / 3)) as usize * channels);
        let want = [40_000u32, 20_000, 10_000];
        for px in out.chunks_exact(channels) {
            let a = px[channels - 1];
            assert!(a > 0, "every output pixel covers some visible source");
            for (c, &v) in px[..channels - 1].iter().enumerate() {
                // Lanczos rings a little at the stripes; an unpremultiplied filter would pull the
                // colour towards black by a fifth or more.
                assert!(v.abs_diff(want[c]) <= want[c] / 50 + 64, "channel {c}: {v}, want ~{} (alpha {a})", want[c]);
            }
        }
    }
}

#[test]
fn wide_rgba_matches_fast_image_resize_own_alpha_path() {
    // The reference: the crate's dynamic resize of U16x4 with its own (table-driven) alpha
    // handling, which the worker no longer links; natively it is still there to compare with.
    use fast_image_resize::images::Image;
    use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};
    let (dw, dh) = (40, 27);
    let src = Image::from_vec_u8(W, H, wide(4), PixelType::U16x4).expect("image");
    let mut want = Image::new(dw, dh, PixelType::U16x4);
    let opts = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3)).use_alpha(true);
    Resizer::new().resize(&src, &mut want, &opts).expect("reference resize");
    let want = u16s(want.buffer());
    let got = u16s(&resize(wide(4), W, H, 4, true, dw, dh).expect("resized"));
    assert_eq!(got.len(), want.len());
    for (i, (&g, &w)) in got.iter().zip(&want).enumerate() {
        // Rounding differs (integer division here, a reciprocal table there): a few steps of 65535.
        assert!(g.abs_diff(w) <= 40, "sample {i}: ours {g}, fast_image_resize {w}");
    }
}
