//! Lanczos3 downsampling with fast_image_resize (SIMD on x86 and wasm simd128). Takes the
//! decoded source by value and frees it before returning, so callers never hold two full copies.
use super::Failure;
use fast_image_resize::images::Image;
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};

/// Resize interleaved pixels (`channels` 1..=4 of u8, or of native-endian u16 when `wide`).
/// Alpha (channels 2 and 4) is premultiplied during the filter so edges do not darken.
pub fn resize(src: Vec<u8>, w: u32, h: u32, channels: u8, wide: bool, dw: u32, dh: u32) -> Result<Vec<u8>, Failure> {
    let pt = match (channels, wide) {
        (1, false) => PixelType::U8,
        (2, false) => PixelType::U8x2,
        (3, false) => PixelType::U8x3,
        (4, false) => PixelType::U8x4,
        (1, true) => PixelType::U16,
        (2, true) => PixelType::U16x2,
        (3, true) => PixelType::U16x3,
        (4, true) => PixelType::U16x4,
        _ => return Err(Failure::Unsupported),
    };
    let src = Image::from_vec_u8(w, h, src, pt).map_err(|_| Failure::Undecodable)?;
    let mut dst = Image::new(dw, dh, pt);
    let opts = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3)).use_alpha(channels.is_multiple_of(2));
    Resizer::new().resize(&src, &mut dst, &opts).map_err(|_| Failure::Undecodable)?;
    drop(src);
    Ok(dst.into_vec())
}
