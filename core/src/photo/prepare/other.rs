//! WebP and TIFF → JPEG (they have no size-efficient lossy form we can write). Transparency is
//! flattened onto white; EXIF, XMP and ICC are carried into the JPEG.
use super::meta::{jpeg_segments, splice_after_soi, Meta};
use super::resize::resize;
use super::{Failure, PrepareOptions};
use crate::photo::target_size;
use crate::photo::tiff::{find, tag, Tiff};
use jpeg_encoder::{ColorType, Encoder, SamplingFactor};

pub fn webp_downsize(src: &[u8], max: u64, opts: &PrepareOptions) -> Result<Option<Vec<u8>>, Failure> {
    let mut dec = image_webp::WebPDecoder::new(std::io::Cursor::new(src)).map_err(|_| Failure::Undecodable)?;
    let (w, h) = dec.dimensions();
    let Some((dw, dh)) = target_size(w, h, max) else { return Ok(None) };
    if dec.is_animated() {
        return Err(Failure::Unsupported);
    }
    let meta = Meta {
        exif: dec.exif_metadata().ok().flatten().map(|e| crate::photo::riff_png::strip_exif_prefix(&e).to_vec()),
        xmp: dec.xmp_metadata().ok().flatten(),
        icc: dec.icc_profile().ok().flatten(),
    };
    let mut px = vec![0; dec.output_buffer_size().ok_or(Failure::Undecodable)?];
    dec.read_image(&mut px).map_err(|_| Failure::Undecodable)?;
    let channels = if dec.has_alpha() { 4 } else { 3 };
    drop(dec);
    let rgb = if channels == 4 { flatten_rgba(px) } else { px };
    encode_jpeg(rgb, w, h, dw, dh, &meta, opts).map(Some)
}

pub fn tiff_downsize(src: &[u8], max: u64, opts: &PrepareOptions) -> Result<Option<Vec<u8>>, Failure> {
    use tiff::decoder::{Decoder, DecodingResult};
    use tiff::ColorType as T;
    let mut dec = Decoder::new(std::io::Cursor::new(src)).map_err(|_| Failure::Undecodable)?;
    let (w, h) = dec.dimensions().map_err(|_| Failure::Undecodable)?;
    let Some((dw, dh)) = target_size(w, h, max) else { return Ok(None) };
    let ct = dec.colortype().map_err(|_| Failure::Undecodable)?;
    let img = dec.read_image().map_err(|_| Failure::Undecodable)?;
    drop(dec);
    // Reduce to 8-bit in place (one decoded copy at a time), then to RGB.
    let (px, ch) = match (img, ct) {
        (DecodingResult::U8(v), T::RGB(8)) => (v, 3),
        (DecodingResult::U8(v), T::RGBA(8)) => (v, 4),
        (DecodingResult::U8(v), T::Gray(8)) => (v, 1),
        (DecodingResult::U16(v), T::RGB(16)) => (to8(v), 3),
        (DecodingResult::U16(v), T::RGBA(16)) => (to8(v), 4),
        (DecodingResult::U16(v), T::Gray(16)) => (to8(v), 1),
        _ => return Err(Failure::Unsupported),
    };
    let rgb = match ch {
        4 => flatten_rgba(px),
        1 => px.iter().flat_map(|&g| [g, g, g]).collect(),
        _ => px,
    };
    encode_jpeg(rgb, w, h, dw, dh, &tiff_meta(src), opts).map(Some)
}

fn encode_jpeg(rgb: Vec<u8>, w: u32, h: u32, dw: u32, dh: u32, meta: &Meta, opts: &PrepareOptions) -> Result<Vec<u8>, Failure> {
    let small = resize(rgb, w, h, 3, false, dw, dh)?;
    let mut encoded = Vec::with_capacity(small.len() / 4);
    let mut enc = Encoder::new(&mut encoded, opts.quality.clamp(1, 100));
    enc.set_sampling_factor(SamplingFactor::F_2_2);
    enc.encode(&small, dw as u16, dh as u16, ColorType::Rgb).map_err(|_| Failure::Unsupported)?;
    Ok(splice_after_soi(&encoded, &jpeg_segments(meta, dw, dh, opts.strip_location)))
}

/// RGBA → RGB over white, compacting in place so no second buffer is needed.
pub(super) fn flatten_rgba(mut px: Vec<u8>) -> Vec<u8> {
    let n = px.len() / 4;
    for i in 0..n {
        let a = px[4 * i + 3] as u32;
        for c in 0..3 {
            let v = px[4 * i + c] as u32;
            px[3 * i + c] = ((v * a + 255 * (255 - a) + 127) / 255) as u8;
        }
    }
    px.truncate(3 * n);
    px
}

pub(super) fn to8(v: Vec<u16>) -> Vec<u8> {
    v.into_iter().map(|x| (x >> 8) as u8).collect()
}

/// A TIFF's own IFD0 is its EXIF: keep it as the JPEG's EXIF block. The rewrite drops IFD1 and
/// fixes the size tags; strip offsets left in it point nowhere, which readers ignore for JPEG.
fn tiff_meta(src: &[u8]) -> Meta {
    let Some(t) = Tiff::parse(src) else { return Meta::default() };
    let ifd0 = t.ifd0().and_then(|o| t.entries(o)).map(|(e, _)| e).unwrap_or_default();
    let blob = |tg| find(&ifd0, tg).and_then(|e| t.value(e)).map(|v| v.to_vec());
    Meta { exif: exif_from_tiff(src), xmp: blob(tag::XMP), icc: blob(tag::ICC) }
}

/// A fresh EXIF block built from a TIFF file's tags: descriptive IFD0 tags, the Exif IFD (minus
/// the maker note, whose internal offsets would break when moved) and the GPS IFD.
fn exif_from_tiff(src: &[u8]) -> Option<Vec<u8>> {
    const IFD0_TAGS: [u16; 11] = [0x010E, 0x010F, 0x0110, 0x0112, 0x011A, 0x011B, 0x0128, 0x0131, 0x0132, 0x013B, 0x8298];
    let t = Tiff::parse(src)?;
    let (ifd0, _) = t.entries(t.ifd0()?)?;
    let copy = |es: &[crate::photo::tiff::Entry], keep: &dyn Fn(u16) -> bool| -> Vec<(u16, u16, u32, Vec<u8>)> {
        es.iter().filter(|e| keep(e.tag)).filter_map(|e| Some((e.tag, e.typ, e.count, t.value(e)?.to_vec()))).collect()
    };
    let sub = |tg| find(&ifd0, tg).and_then(|e| t.uint(e, 0)).and_then(|o| t.entries(o as usize)).map(|(e, _)| e);
    let mut ifds = vec![copy(&ifd0, &|tg| IFD0_TAGS.contains(&tg))];
    let mut ptrs = Vec::new();
    for (ptr, keep) in
        [(tag::EXIF_IFD, &(|tg: u16| tg != 0x927C && tg != tag::INTEROP_IFD) as &dyn Fn(u16) -> bool), (tag::GPS_IFD, &|_: u16| true)]
    {
        if let Some(es) = sub(ptr) {
            ptrs.push(ptr);
            ifds.push(copy(&es, keep));
        }
    }
    // Pointer entries first (their values are fixed up once the layout is known).
    for &p in &ptrs {
        ifds[0].push((p, 4, 1, vec![0; 4]));
    }
    ifds[0].sort_by_key(|e| e.0);
    let len = |es: &[(u16, u16, u32, Vec<u8>)]| {
        6 + 12 * es.len() + es.iter().map(|e| if e.3.len() > 4 { (e.3.len() + 1) & !1 } else { 0 }).sum::<usize>()
    };
    let mut offs = vec![8usize];
    for i in 1..ifds.len() {
        offs.push(offs[i - 1] + len(&ifds[i - 1]));
    }
    let le = t.le;
    let put16 = |v: u16, le: bool| if le { v.to_le_bytes() } else { v.to_be_bytes() };
    let put32 = |v: u32, le: bool| if le { v.to_le_bytes() } else { v.to_be_bytes() };
    for (k, &p) in ptrs.iter().enumerate() {
        if let Some(e) = ifds[0].iter_mut().find(|e| e.0 == p) {
            e.3 = put32(offs[k + 1] as u32, le).to_vec();
        }
    }
    let mut out = if le { b"II*\0".to_vec() } else { b"MM\0*".to_vec() };
    out.extend_from_slice(&put32(8, le));
    for (i, es) in ifds.iter().enumerate() {
        let mut data_at = offs[i] + 6 + 12 * es.len();
        let mut data = Vec::new();
        out.extend_from_slice(&put16(es.len() as u16, le));
        for (tg, typ, count, v) in es {
            out.extend_from_slice(&put16(*tg, le));
            out.extend_from_slice(&put16(*typ, le));
            out.extend_from_slice(&put32(*count, le));
            if v.len() <= 4 {
                let mut inline = v.clone();
                inline.resize(4, 0);
                out.extend_from_slice(&inline);
            } else {
                out.extend_from_slice(&put32(data_at as u32, le));
                data.extend_from_slice(v);
                if v.len() % 2 == 1 {
                    data.push(0);
                }
                data_at += (v.len() + 1) & !1;
            }
        }
        out.extend_from_slice(&[0; 4]);
        out.extend_from_slice(&data);
    }
    (out.len() < 65000).then_some(out)
}
