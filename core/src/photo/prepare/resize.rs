//! Lanczos3 downsampling with fast_image_resize (SIMD on x86 and wasm simd128). Takes the
//! decoded source by value and frees it before returning, so callers never hold two full copies.
//!
//! Each pixel type is resized through `resize_typed`, never the crate's dynamic `resize`: that
//! one links every pixel type it knows (i32 and f32 ones too), and its 16-bit alpha division uses
//! a 512 KB lookup table (`RECIP_ALPHA16`), which was a third of the worker's wasm. 16-bit images
//! with alpha are premultiplied here instead, resized as colour and alpha planes, and divided back.
use super::Failure;
use fast_image_resize::images::Image;
use fast_image_resize::pixels::{U16x3, U8x2, U8x3, U8x4, U16, U8};
use fast_image_resize::{FilterType, PixelTrait, ResizeAlg, ResizeOptions, Resizer};

/// Resize interleaved pixels (`channels` 1..=4 of u8, or of native-endian u16 when `wide`).
/// Alpha (channels 2 and 4) is premultiplied during the filter so edges do not darken.
pub fn resize(src: Vec<u8>, w: u32, h: u32, channels: u8, wide: bool, dw: u32, dh: u32) -> Result<Vec<u8>, Failure> {
    match (channels, wide) {
        (1, false) => typed::<U8>(src, w, h, dw, dh, false),
        (2, false) => typed::<U8x2>(src, w, h, dw, dh, true),
        (3, false) => typed::<U8x3>(src, w, h, dw, dh, false),
        (4, false) => typed::<U8x4>(src, w, h, dw, dh, true),
        (1, true) => typed::<U16>(src, w, h, dw, dh, false),
        (3, true) => typed::<U16x3>(src, w, h, dw, dh, false),
        (2 | 4, true) => wide_with_alpha(src, w, h, channels as usize - 1, dw, dh),
        _ => Err(Failure::Unsupported),
    }
}

fn typed<P: PixelTrait>(src: Vec<u8>, w: u32, h: u32, dw: u32, dh: u32, alpha: bool) -> Result<Vec<u8>, Failure> {
    let src = Image::from_vec_u8(w, h, src, P::pixel_type()).map_err(|_| Failure::Undecodable)?;
    let mut dst = Image::new(dw, dh, P::pixel_type());
    let opts = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3)).use_alpha(alpha);
    {
        let (Some(s), Some(mut d)) = (src.typed_image::<P>(), dst.typed_image_mut::<P>()) else { return Err(Failure::Unsupported) };
        Resizer::new().resize_typed(&s, &mut d, &opts).map_err(|_| Failure::Undecodable)?;
    }
    drop(src);
    Ok(dst.into_vec())
}

/// 16-bit grey+alpha or RGBA (`colours` 1 or 3 before the alpha): colour premultiplied by alpha
/// into one plane, alpha into another, both resized without alpha handling, then divided back.
fn wide_with_alpha(src: Vec<u8>, w: u32, h: u32, colours: usize, dw: u32, dh: u32) -> Result<Vec<u8>, Failure> {
    let px = 2 * (colours + 1);
    if src.len() != w as usize * h as usize * px {
        return Err(Failure::Undecodable);
    }
    let get = |b: &[u8], i: usize| u32::from(u16::from_ne_bytes([b[2 * i], b[2 * i + 1]]));
    let mut colour = Vec::with_capacity(src.len() / px * 2 * colours);
    let mut alpha = Vec::with_capacity(src.len() / px * 2);
    for p in src.chunks_exact(px) {
        let a = get(p, colours);
        for c in 0..colours {
            colour.extend_from_slice(&(((get(p, c) * a + 32_767) / 65_535) as u16).to_ne_bytes());
        }
        alpha.extend_from_slice(&(a as u16).to_ne_bytes());
    }
    drop(src);
    let colour = if colours == 3 { typed::<U16x3>(colour, w, h, dw, dh, false)? } else { typed::<U16>(colour, w, h, dw, dh, false)? };
    let alpha = typed::<U16>(alpha, w, h, dw, dh, false)?;
    let mut out = Vec::with_capacity(alpha.len() * (colours + 1));
    for (c, a) in colour.chunks_exact(2 * colours).zip(alpha.chunks_exact(2)) {
        let a32 = get(a, 0);
        for i in 0..colours {
            let v = (get(c, i) * 65_535 + a32 / 2).checked_div(a32).unwrap_or(0).min(65_535);
            out.extend_from_slice(&(v as u16).to_ne_bytes());
        }
        out.extend_from_slice(a);
    }
    Ok(out)
}
