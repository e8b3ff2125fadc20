//! Location stripping without re-encoding: the GPS IFD is removed from every EXIF block and
//! `exif:GPS*` is blanked in XMP, all in place with the file's length unchanged, so every other
//! offset in the container stays valid. Works for JPEG (including MPF secondary images), PNG,
//! WebP, TIFF and HEIF/AVIF.
use crate::facts::Format;
use crate::photo::exif_write::{rewrite, ExifEdit};
use crate::photo::isobmff::{be32, heif};
use crate::photo::jpeg::{segments, EXIF_ID};
use crate::photo::riff_png::{png_chunks, riff_chunks};
use crate::photo::tiff::{find, tag, Tiff};
use crate::photo::xmp::blank_gps;

/// The stripped file, or `None` for a format we cannot edit.
pub fn strip_location(format: Format, src: &[u8]) -> Option<Vec<u8>> {
    let mut out = src.to_vec();
    match format {
        Format::Jpeg => jpeg(&mut out),
        Format::Png => png(&mut out),
        Format::Webp => {
            for (ty, d, at) in riff_chunks(src) {
                let start = at + 8;
                match &ty {
                    b"EXIF" => {
                        let skip = if d.starts_with(EXIF_ID) { EXIF_ID.len() } else { 0 };
                        exif_in_place(&mut out, start + skip, d.len() - skip);
                    }
                    b"XMP " => {
                        blank_gps(&mut out[start..start + d.len()]);
                    }
                    _ => {}
                }
            }
        }
        Format::Tiff => {
            exif_in_place(&mut out, 0, src.len());
            let t = Tiff::parse(src)?;
            let span = t.ifd0().and_then(|o| t.entries(o)).and_then(|(e, _)| find(&e, tag::XMP).and_then(|x| t.value_span(x)));
            if let Some((a, l)) = span {
                blank_gps(&mut out[a..a + l]);
            }
        }
        Format::Heic | Format::Avif => {
            if let Some((off, len)) = heif(src).and_then(|i| i.exif) {
                let (off, len) = (usize::try_from(off).ok()?, usize::try_from(len).ok()?);
                let skip = be32(src, off)? as usize;
                let tiff_at = off.checked_add(4)?.checked_add(skip)?;
                if let Some(rest) = (off + len).checked_sub(tiff_at).filter(|_| off + len <= src.len()) {
                    exif_in_place(&mut out, tiff_at, rest);
                }
            }
            // The XMP item has no fixed place; its `exif:GPS*` text is found wherever it is.
            blank_gps(&mut out);
        }
        _ => return None,
    }
    Some(out)
}

/// Remove the GPS IFD from the TIFF stream at `buf[at..at+len]`, if the edit keeps its length.
fn exif_in_place(buf: &mut [u8], at: usize, len: usize) {
    let Some(region) = at.checked_add(len).and_then(|end| buf.get(at..end)) else { return };
    if let Some(new) = rewrite(region, ExifEdit { strip_gps: true, ..Default::default() }) {
        if new.len() == len {
            buf[at..at + len].copy_from_slice(&new);
        }
    }
}

fn jpeg(out: &mut [u8]) {
    let src = out.to_vec();
    let (segs, sos) = segments(&src);
    for s in &segs {
        let at = s.data.as_ptr() as usize - src.as_ptr() as usize;
        if s.marker == 0xE1 && s.data.starts_with(EXIF_ID) {
            exif_in_place(out, at + EXIF_ID.len(), s.data.len() - EXIF_ID.len());
        } else if s.marker == 0xE1 {
            blank_gps(&mut out[at..at + s.data.len()]);
        }
    }
    // Secondary images (MPF: gain maps, depth, previews) after the first carry their own EXIF.
    let from = sos.unwrap_or(src.len());
    let pat = [0xFF, 0xD8, 0xFF, 0xE1];
    let mut i = from;
    while let Some(p) = src[i..].windows(4).position(|w| w == pat).map(|p| p + i) {
        i = p + 4;
        if let Some(len) = src.get(p + 4..p + 6).map(|l| u16::from_be_bytes([l[0], l[1]]) as usize) {
            if src.get(p + 6..p + 12) == Some(EXIF_ID) && len > 8 && p + 4 + len <= src.len() {
                exif_in_place(out, p + 12, len - 8);
            }
        }
    }
}

fn png(out: &mut [u8]) {
    let src = out.to_vec();
    for (ty, d, at) in png_chunks(&src) {
        let start = at + 8;
        let changed = match &ty {
            b"eXIf" => {
                exif_in_place(out, start, d.len());
                out[start..start + d.len()] != *d
            }
            b"iTXt" | b"tEXt" => blank_gps(&mut out[start..start + d.len()]),
            _ => false,
        };
        if changed && start + d.len() + 4 <= out.len() {
            let crc = crc32(&out[at + 4..start + d.len()]);
            out[start + d.len()..start + d.len() + 4].copy_from_slice(&crc.to_be_bytes());
        }
    }
}

/// CRC-32 (IEEE) as PNG chunks use it.
pub fn crc32(b: &[u8]) -> u32 {
    let mut c = !0u32;
    for &x in b {
        c ^= x as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
        }
    }
    !c
}
