//! JPEG → smaller JPEG. Decodes straight to YCbCr and encodes from YCbCr (Lanczos3 is linear,
//! so filtering in YCbCr equals filtering in RGB, and it skips two colour conversions).
//! Metadata segments of the source are carried over in order, edited for the new size.
use super::meta::{downsize_edit, segment, splice_after_soi};
use super::resize::resize;
use super::{Failure, PrepareOptions};
use crate::photo::exif_write::rewrite;
use crate::photo::jpeg::{self, Segment, EXIF_ID, ICC_ID, XMP_ID};
use crate::photo::target_size;
use crate::photo::xmp::blank_gps;
use jpeg_encoder::{ColorType, Encoder, SamplingFactor};
use zune_core::bytestream::ZCursor;
use zune_core::colorspace::ColorSpace;
use zune_core::options::DecoderOptions;
use zune_jpeg::JpegDecoder;

pub fn downsize(src: &[u8], max: u64, opts: &PrepareOptions) -> Result<Option<Vec<u8>>, Failure> {
    let (segs, sos) = jpeg::segments(src);
    let (w, h, comps) = jpeg::frame(&segs).ok_or(Failure::Undecodable)?;
    let Some((dw, dh)) = target_size(w, h, max) else { return Ok(None) };
    // The decoder fills a truncated image with grey instead of failing; a cut file must be sent
    // as it is, so require the end-of-image marker (FF D9 cannot occur inside entropy-coded data).
    if !src[sos.ok_or(Failure::Undecodable)?..].windows(2).any(|m| m == [0xFF, 0xD9]) {
        return Err(Failure::Undecodable);
    }
    // Adobe APP14 transform 0 with 3 components means RGB samples; 4 components are CMYK/YCCK.
    let adobe_rgb = segs.iter().any(|s| s.marker == 0xEE && s.data.starts_with(b"Adobe") && s.data.get(11) == Some(&0));
    let (out_cs, enc_ct, channels) = match comps {
        1 => (ColorSpace::Luma, ColorType::Luma, 1),
        3 if !adobe_rgb => (ColorSpace::YCbCr, ColorType::Ycbcr, 3),
        _ => (ColorSpace::RGB, ColorType::Rgb, 3),
    };
    let dopts = DecoderOptions::default().jpeg_set_out_colorspace(out_cs).set_max_width(65535).set_max_height(65535).set_strict_mode(false);
    let mut dec = JpegDecoder::new_with_options(ZCursor::new(src), dopts);
    let pixels = dec.decode().map_err(|_| Failure::Undecodable)?;
    if dec.output_colorspace() != Some(out_cs) || pixels.len() != w as usize * h as usize * channels {
        return Err(Failure::Undecodable);
    }
    drop(dec);
    let small = resize(pixels, w, h, channels as u8, false, dw, dh)?;
    let mut encoded = Vec::with_capacity(small.len() / 4);
    let mut enc = Encoder::new(&mut encoded, opts.quality.clamp(1, 100));
    enc.set_sampling_factor(SamplingFactor::F_2_2);
    enc.encode(&small, dw as u16, dh as u16, enc_ct).map_err(|_| Failure::Unsupported)?;
    drop(small);
    let meta = carried_segments(&segs, dw, dh, opts.strip_location, comps == 4);
    Ok(Some(splice_after_soi(&encoded, &meta)))
}

/// The source's segments worth keeping, in order: JFIF APP0 (without thumbnail), EXIF
/// (resized, thumbnail dropped), XMP, ICC (unless the source was CMYK: the profile would lie),
/// Photoshop/IPTC APP13 and comments. Dropped: MPF (points at images we do not keep), Adobe
/// APP14 (describes the old colour transform) and vendor APPn blocks.
fn carried_segments(segs: &[Segment], w: u32, h: u32, strip_gps: bool, cmyk: bool) -> Vec<u8> {
    let mut out = Vec::new();
    for s in segs {
        let d = s.data;
        match s.marker {
            0xE0 if d.starts_with(b"JFIF\0") && d.len() >= 14 => {
                let mut j = d[..14].to_vec();
                j[12] = 0;
                j[13] = 0;
                segment(&mut out, 0xE0, &[&j]);
            }
            0xE1 if d.starts_with(EXIF_ID) => {
                if let Some(t) = rewrite(&d[EXIF_ID.len()..], downsize_edit(w, h, strip_gps)) {
                    segment(&mut out, 0xE1, &[EXIF_ID, &t]);
                }
            }
            0xE1 if d.starts_with(XMP_ID) || d.starts_with(b"http://ns.adobe.com/xmp/extension/\0") => {
                let mut x = d.to_vec();
                if strip_gps {
                    blank_gps(&mut x);
                }
                segment(&mut out, 0xE1, &[&x]);
            }
            0xE2 if d.starts_with(ICC_ID) && !cmyk => segment(&mut out, 0xE2, &[d]),
            0xED | 0xFE => segment(&mut out, s.marker, &[d]),
            _ => {}
        }
    }
    out
}
