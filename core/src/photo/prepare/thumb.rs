//! Thumbnails for the library: decode (JPEG, PNG, WebP, TIFF), shrink to a long side, turn the
//! pixels upright per EXIF orientation, encode a plain JPEG (no EXIF, so no viewer rotates it a
//! second time). Pure: the same bytes give the same thumbnail, wherever it is made.
//!
//! The resize happens before the rotation: rotating the small image is the same picture and
//! far less work than rotating a 24 MP one.
use super::other::{flatten_rgba, to8};
use super::resize::resize;
use super::Failure;
use crate::facts::Format;
use crate::photo::{inspect, jpeg, riff_png, sniff::sniff};
use jpeg_encoder::{ColorType, Encoder, SamplingFactor};
use zune_core::bytestream::ZCursor;
use zune_core::colorspace::ColorSpace;
use zune_core::options::DecoderOptions;
use zune_jpeg::JpegDecoder;

/// Larger sources are refused before decoding: 100 MP of RGB is 300 MB of memory.
pub const MAX_THUMB_SOURCE_PIXELS: u64 = 100_000_000;
/// JPEG quality of thumbnails and previews: small files, no visible blocking at these sizes.
pub const THUMB_QUALITY: u8 = 80;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThumbError {
    /// Not a format we decode (video, HEIC, RAW, GIF...).
    Unsupported,
    /// Recognised but broken or truncated.
    Undecodable,
    /// Over [`MAX_THUMB_SOURCE_PIXELS`].
    TooLarge,
}

impl From<Failure> for ThumbError {
    fn from(f: Failure) -> Self {
        match f {
            Failure::Unsupported => ThumbError::Unsupported,
            Failure::Undecodable => ThumbError::Undecodable,
        }
    }
}

/// A JPEG of `src` at most `long_side` pixels on its long side (never enlarged), upright.
pub fn thumbnail(src: &[u8], long_side: u32) -> Result<Vec<u8>, ThumbError> {
    let orientation = inspect("", src, src.len() as u64).orientation.unwrap_or(1);
    thumbnail_oriented(src, long_side, orientation)
}

/// The same, turned by `orientation` (EXIF 1..=8) whatever `src` itself says: for pixels a
/// decoder already turned (1), or a RAW's preview that its container orients.
pub fn thumbnail_oriented(src: &[u8], long_side: u32, orientation: u8) -> Result<Vec<u8>, ThumbError> {
    let (rgb, w, h) = decode_rgb(src)?;
    let (dw, dh) = fit(w, h, long_side.max(1));
    let small = if (dw, dh) == (w, h) { rgb } else { resize(rgb, w, h, 3, false, dw, dh)? };
    let (px, ow, oh) = orient(&small, dw, dh, orientation);
    let mut out = Vec::with_capacity(px.len() / 8);
    let mut enc = Encoder::new(&mut out, THUMB_QUALITY);
    enc.set_sampling_factor(SamplingFactor::F_2_2);
    let (ow16, oh16) = (u16::try_from(ow).map_err(|_| ThumbError::TooLarge)?, u16::try_from(oh).map_err(|_| ThumbError::TooLarge)?);
    enc.encode(&px, ow16, oh16, ColorType::Rgb).map_err(|_| ThumbError::Unsupported)?;
    Ok(out)
}

/// True when `src` is a whole JPEG that decodes (uploaded thumbnails are checked with it).
pub fn jpeg_decodes(src: &[u8]) -> bool {
    src.starts_with(&[0xFF, 0xD8, 0xFF]) && decode_rgb(src).is_ok()
}

/// The size that fits `long_side`, same aspect ratio, rounded, at least 1 px.
pub fn fit(w: u32, h: u32, long_side: u32) -> (u32, u32) {
    let long = w.max(h);
    if long <= long_side {
        return (w, h);
    }
    let scale = |v: u32| ((v as u64 * long_side as u64 + long as u64 / 2) / long as u64).max(1) as u32;
    (scale(w), scale(h))
}

fn check_pixels(w: u32, h: u32) -> Result<(), ThumbError> {
    if w == 0 || h == 0 {
        return Err(ThumbError::Undecodable);
    }
    if w as u64 * h as u64 > MAX_THUMB_SOURCE_PIXELS {
        return Err(ThumbError::TooLarge);
    }
    Ok(())
}

/// Decoded 8-bit RGB (alpha flattened onto white, grey expanded) and its size.
fn decode_rgb(src: &[u8]) -> Result<(Vec<u8>, u32, u32), ThumbError> {
    match sniff(src) {
        Format::Jpeg => decode_jpeg(src),
        Format::Png => decode_png(src),
        Format::Webp => {
            let mut dec = image_webp::WebPDecoder::new(std::io::Cursor::new(src)).map_err(|_| ThumbError::Undecodable)?;
            let (w, h) = dec.dimensions();
            check_pixels(w, h)?;
            let mut px = vec![0; dec.output_buffer_size().ok_or(ThumbError::Undecodable)?];
            dec.read_image(&mut px).map_err(|_| ThumbError::Undecodable)?;
            Ok((if dec.has_alpha() { flatten_rgba(px) } else { px }, w, h))
        }
        Format::Tiff => decode_tiff(src),
        _ => Err(ThumbError::Unsupported),
    }
}

fn decode_jpeg(src: &[u8]) -> Result<(Vec<u8>, u32, u32), ThumbError> {
    let (segs, sos) = jpeg::segments(src);
    let (w, h, comps) = jpeg::frame(&segs).ok_or(ThumbError::Undecodable)?;
    check_pixels(w, h)?;
    // zune-jpeg fills a truncated image with grey instead of failing: require the end marker.
    if !src[sos.ok_or(ThumbError::Undecodable)?..].windows(2).any(|m| m == [0xFF, 0xD9]) {
        return Err(ThumbError::Undecodable);
    }
    let cs = if comps == 1 { ColorSpace::Luma } else { ColorSpace::RGB };
    let opts = DecoderOptions::default().jpeg_set_out_colorspace(cs).set_max_width(65535).set_max_height(65535).set_strict_mode(false);
    let mut dec = JpegDecoder::new_with_options(ZCursor::new(src), opts);
    let px = dec.decode().map_err(|_| ThumbError::Undecodable)?;
    let ch = if comps == 1 { 1 } else { 3 };
    if dec.output_colorspace() != Some(cs) || px.len() != w as usize * h as usize * ch {
        return Err(ThumbError::Undecodable);
    }
    Ok((if ch == 1 { grey_to_rgb(&px) } else { px }, w, h))
}

fn decode_png(src: &[u8]) -> Result<(Vec<u8>, u32, u32), ThumbError> {
    use png::Transformations as T;
    let (w, h) = riff_png::png_size(src).ok_or(ThumbError::Undecodable)?;
    check_pixels(w, h)?;
    let mut dec = png::Decoder::new(std::io::Cursor::new(src));
    dec.set_transformations(T::EXPAND | T::STRIP_16);
    let mut reader = dec.read_info().map_err(|_| ThumbError::Undecodable)?;
    let mut px = vec![0; reader.output_buffer_size().ok_or(ThumbError::Undecodable)?];
    let info = reader.next_frame(&mut px).map_err(|_| ThumbError::Undecodable)?;
    px.truncate(info.buffer_size());
    let rgb = match info.color_type.samples() {
        1 => grey_to_rgb(&px),
        2 => flatten_rgba(px.chunks_exact(2).flat_map(|p| [p[0], p[0], p[0], p[1]]).collect()),
        3 => px,
        4 => flatten_rgba(px),
        _ => return Err(ThumbError::Unsupported),
    };
    Ok((rgb, w, h))
}

fn decode_tiff(src: &[u8]) -> Result<(Vec<u8>, u32, u32), ThumbError> {
    use tiff::decoder::{Decoder, DecodingResult};
    use tiff::ColorType as C;
    let mut dec = Decoder::new(std::io::Cursor::new(src)).map_err(|_| ThumbError::Undecodable)?;
    let (w, h) = dec.dimensions().map_err(|_| ThumbError::Undecodable)?;
    check_pixels(w, h)?;
    let ct = dec.colortype().map_err(|_| ThumbError::Undecodable)?;
    let (px, ch) = match (dec.read_image().map_err(|_| ThumbError::Undecodable)?, ct) {
        (DecodingResult::U8(v), C::RGB(8)) => (v, 3),
        (DecodingResult::U8(v), C::RGBA(8)) => (v, 4),
        (DecodingResult::U8(v), C::Gray(8)) => (v, 1),
        (DecodingResult::U16(v), C::RGB(16)) => (to8(v), 3),
        (DecodingResult::U16(v), C::RGBA(16)) => (to8(v), 4),
        (DecodingResult::U16(v), C::Gray(16)) => (to8(v), 1),
        _ => return Err(ThumbError::Unsupported),
    };
    let rgb = match ch {
        4 => flatten_rgba(px),
        1 => grey_to_rgb(&px),
        _ => px,
    };
    Ok((rgb, w, h))
}

fn grey_to_rgb(px: &[u8]) -> Vec<u8> {
    px.iter().flat_map(|&g| [g, g, g]).collect()
}

/// RGB pixels as EXIF orientation `o` says to display them (1 and unknown values: as stored).
/// Returns the new pixels and size (orientations 5..=8 swap width and height).
pub fn orient(px: &[u8], w: u32, h: u32, o: u8) -> (Vec<u8>, u32, u32) {
    if !(2..=8).contains(&o) {
        return (px.to_vec(), w, h);
    }
    let (w, h) = (w as usize, h as usize);
    let (ow, oh) = if o >= 5 { (h, w) } else { (w, h) };
    let mut out = vec![0u8; px.len()];
    for y in 0..oh {
        for x in 0..ow {
            // The stored pixel that ends up at (x, y) on screen.
            let (sx, sy) = match o {
                2 => (w - 1 - x, y),
                3 => (w - 1 - x, h - 1 - y),
                4 => (x, h - 1 - y),
                5 => (y, x),
                6 => (y, h - 1 - x),
                7 => (w - 1 - y, h - 1 - x),
                _ => (w - 1 - y, x),
            };
            let (d, s) = (3 * (y * ow + x), 3 * (sy * w + sx));
            out[d..d + 3].copy_from_slice(&px[s..s + 3]);
        }
    }
    (out, ow as u32, oh as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 2x3 image whose pixels are numbered 0..6 in stored order (the red channel).
    fn numbered() -> Vec<u8> {
        (0..6u8).flat_map(|i| [i, 0, 0]).collect()
    }

    fn reds(px: &[u8]) -> Vec<u8> {
        px.chunks(3).map(|p| p[0]).collect()
    }

    #[test]
    fn every_orientation_maps_pixels_as_exif_says() {
        // Stored (w=2, h=3):  0 1 / 2 3 / 4 5
        let cases: [(u8, (u32, u32), [u8; 6]); 8] = [
            (1, (2, 3), [0, 1, 2, 3, 4, 5]),
            (2, (2, 3), [1, 0, 3, 2, 5, 4]),
            (3, (2, 3), [5, 4, 3, 2, 1, 0]),
            (4, (2, 3), [4, 5, 2, 3, 0, 1]),
            (5, (3, 2), [0, 2, 4, 1, 3, 5]),
            (6, (3, 2), [4, 2, 0, 5, 3, 1]),
            (7, (3, 2), [5, 3, 1, 4, 2, 0]),
            (8, (3, 2), [1, 3, 5, 0, 2, 4]),
        ];
        for (o, size, want) in cases {
            let (px, w, h) = orient(&numbered(), 2, 3, o);
            assert_eq!((w, h), size, "orientation {o}");
            assert_eq!(reds(&px), want, "orientation {o}");
        }
    }

    #[test]
    fn fit_keeps_aspect_and_never_enlarges() {
        assert_eq!(fit(4000, 3000, 256), (256, 192));
        assert_eq!(fit(3000, 4000, 256), (192, 256));
        assert_eq!(fit(100, 50, 256), (100, 50));
        assert_eq!(fit(10_000, 1, 256), (256, 1));
    }
}
