//! Photo and video recognition from content: format sniffing, pixel dimensions and EXIF facts
//! from headers only, and the downsize target. Downsizing itself (feature `prepare`) is in
//! `prepare`. Every reader here is bounds-checked: bad input gives `readable: false`, not a panic.

pub mod apple_id;
pub mod exif;
pub mod exif_write;
pub mod isobmff;
pub mod jpeg;
#[cfg(feature = "prepare")]
pub mod prepare;
pub mod raw_preview;
pub mod riff_png;
pub mod sidecar;
pub mod sniff;
pub mod tiff;
pub mod xmp;

use crate::facts::{FileFacts, Format, MediaKind};
use exif::ExifFacts;

/// How many leading bytes `inspect` wants: enough for JPEG APP1 EXIF and most container headers.
pub const INSPECT_BYTES: usize = 256 * 1024;

/// Inspect a file from its name and first bytes (at most [`INSPECT_BYTES`]) and its size.
/// Never panics: truncated or lying headers give `readable: false`.
pub fn inspect(name: &str, head: &[u8], size: u64) -> FileFacts {
    let _ = size;
    let head = &head[..head.len().min(INSPECT_BYTES)];
    if sniff::is_system_name(name) || head.starts_with(&[0x00, 0x05, 0x16, 0x07]) {
        return FileFacts { kind: MediaKind::System, ..FileFacts::other() };
    }
    let format = match sniff::sniff(head) {
        Format::Unknown => sidecar::sniff_sidecar(name, head).unwrap_or(Format::Unknown),
        f => f,
    };
    let kind = sniff::kind(format);
    let mut facts = FileFacts { kind, format, ..FileFacts::other() };
    if kind != MediaKind::Photo {
        return facts;
    }
    let (size, exif) = photo_header(format, head);
    let exif = exif.unwrap_or_default();
    let size = size.or(if is_raw(format) { exif.size } else { None });
    facts.width = size.map(|s| s.0);
    facts.height = size.map(|s| s.1);
    facts.orientation = exif.orientation;
    facts.captured_at = exif.captured_at;
    facts.camera = exif::camera(exif.make.as_deref(), exif.model.as_deref());
    facts.location = exif.gps.map(|(lat, lon)| crate::facts::GeoPoint { lat, lon });
    // RAW sizes live in maker-specific places; a RAW whose TIFF/box structure parsed is readable.
    facts.readable = size.is_some() || (is_raw(format) && exif_parsed(format, head));
    facts
}

pub(crate) fn is_raw(f: Format) -> bool {
    matches!(f, Format::Dng | Format::Cr2 | Format::Cr3 | Format::Nef | Format::Arw | Format::Orf | Format::Rw2 | Format::Raf)
}

fn exif_parsed(f: Format, head: &[u8]) -> bool {
    match f {
        Format::Cr3 => !isobmff::cr3_tiffs(head).is_empty(),
        Format::Raf => raf_jpeg(head).is_some(),
        _ => exif::read(head).is_some(),
    }
}

/// Pixel size from the format's own header, and EXIF facts where the format carries them.
fn photo_header(f: Format, b: &[u8]) -> (Option<(u32, u32)>, Option<ExifFacts>) {
    match f {
        Format::Jpeg => {
            let (segs, _) = jpeg::segments(b);
            (jpeg::frame(&segs).map(|(w, h, _)| (w, h)), jpeg::exif(&segs).and_then(exif::read))
        }
        Format::Png => {
            let exif = riff_png::png_chunks(b).into_iter().find(|c| &c.0 == b"eXIf").and_then(|c| exif::read(c.1));
            (riff_png::png_size(b), exif)
        }
        Format::Gif => (riff_png::gif_size(b), None),
        Format::Bmp => (riff_png::bmp_size(b), None),
        Format::Webp => {
            let exif =
                riff_png::riff_chunks(b).into_iter().find(|c| &c.0 == b"EXIF").and_then(|c| exif::read(riff_png::strip_exif_prefix(c.1)));
            (riff_png::webp_size(b), exif)
        }
        Format::Tiff => {
            let e = exif::read(b);
            (e.as_ref().and_then(|e| e.size), e)
        }
        Format::Heic | Format::Avif => {
            let Some(info) = isobmff::heif(b) else { return (None, None) };
            let exif = info.exif.and_then(|(off, len)| {
                let item = b.get(usize::try_from(off).ok()?..usize::try_from(off.checked_add(len)?).ok()?)?;
                let skip = isobmff::be32(item, 0)? as usize;
                exif::read(item.get(4usize.checked_add(skip)?..)?)
            });
            (info.size, exif)
        }
        Format::Cr3 => {
            let mut facts = ExifFacts::default();
            for t in isobmff::cr3_tiffs(b) {
                if let Some(e) = exif::read(t) {
                    facts.orientation = facts.orientation.or(e.orientation);
                    facts.make = facts.make.take().or(e.make);
                    facts.model = facts.model.take().or(e.model);
                    facts.gps = facts.gps.or(e.gps);
                    facts.size = facts.size.or(e.size);
                    facts.captured_at = facts.captured_at.take().or(e.captured_at);
                }
                // CMT2 is a bare Exif IFD written as a TIFF stream: its tags sit in "IFD0".
                if let Some(d) = cr3_date(t) {
                    facts.captured_at.get_or_insert(d);
                }
            }
            (None, Some(facts))
        }
        Format::Raf => (None, raf_jpeg(b).and_then(|j| jpeg::exif(&jpeg::segments(j).0)).and_then(exif::read)),
        _ => (None, exif::read(b)),
    }
}

fn cr3_date(t: &[u8]) -> Option<String> {
    let t = tiff::Tiff::parse(t)?;
    let (ifd, _) = t.entries(t.ifd0()?)?;
    tiff::find(&ifd, tiff::tag::DATE_TIME_ORIGINAL).and_then(|e| t.ascii(e)).and_then(exif::valid_date)
}

/// Fujifilm RAF embeds a JPEG preview (with the camera's EXIF) at the offset stored at byte 84.
fn raf_jpeg(b: &[u8]) -> Option<&[u8]> {
    let off = isobmff::be32(b, 84)? as usize;
    let len = isobmff::be32(b, 88)? as usize;
    let j = b.get(off..)?;
    let j = &j[..len.min(j.len())];
    j.starts_with(&[0xFF, 0xD8]).then_some(j)
}

/// The largest size at or under `max_pixels` with the same aspect ratio, or `None` when the
/// image is already small enough (never upscale). Rounds down: 6000x4000 at 16 MP → 4898x3265.
pub fn target_size(w: u32, h: u32, max_pixels: u64) -> Option<(u32, u32)> {
    let px = w as u64 * h as u64;
    if px <= max_pixels || w == 0 || h == 0 || max_pixels == 0 {
        return None;
    }
    let (long, short, wide) = if w >= h { (w as u64, h as u64, true) } else { (h as u64, w as u64, false) };
    let scale = (max_pixels as f64 / px as f64).sqrt();
    let mut l = ((long as f64 * scale).floor() as u64 + 1).min(long);
    let other = |l: u64| ((l * short + long / 2) / long).max(1);
    while l > 1 && l * other(l) > max_pixels {
        l -= 1;
    }
    let (a, b) = (l as u32, other(l) as u32);
    Some(if wide { (a, b) } else { (b, a) })
}
