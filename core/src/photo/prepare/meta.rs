//! Metadata carried from the source into a re-encoded JPEG: EXIF (rewritten for the new size),
//! XMP and the ICC profile, written as APP1/APP2 segments.
use crate::photo::exif_write::{rewrite, ExifEdit};
use crate::photo::jpeg::{EXIF_ID, ICC_ID, XMP_ID};
use crate::photo::xmp::blank_gps;

/// Metadata found in a non-JPEG source (WebP, TIFF), to be written into the JPEG output.
#[derive(Default)]
pub struct Meta {
    /// TIFF stream (no `Exif\0\0` prefix).
    pub exif: Option<Vec<u8>>,
    pub xmp: Option<Vec<u8>>,
    pub icc: Option<Vec<u8>>,
}

/// The EXIF edit for a downsized copy: new size, no stale thumbnail, GPS only if kept.
pub fn downsize_edit(w: u32, h: u32, strip_gps: bool) -> ExifEdit {
    ExifEdit { new_size: Some((w, h)), drop_thumbnail: true, strip_gps }
}

/// Append one marker segment; payloads over the 64 KB segment limit are skipped (cannot be split).
pub fn segment(out: &mut Vec<u8>, marker: u8, parts: &[&[u8]]) {
    let len: usize = parts.iter().map(|p| p.len()).sum::<usize>() + 2;
    if len > 0xFFFF {
        return;
    }
    out.extend_from_slice(&[0xFF, marker, (len >> 8) as u8, len as u8]);
    for p in parts {
        out.extend_from_slice(p);
    }
}

/// ICC profiles are split into numbered APP2 chunks of at most 65519 bytes.
pub fn icc_segments(out: &mut Vec<u8>, icc: &[u8]) {
    let chunks: Vec<&[u8]> = icc.chunks(65519).collect();
    let n = chunks.len().min(255);
    for (i, c) in chunks.iter().take(n).enumerate() {
        segment(out, 0xE2, &[ICC_ID, &[(i + 1) as u8, n as u8], c]);
    }
}

/// APP1/APP2 segments for `meta`, edited for a downsized copy of `w`x`h`.
pub fn jpeg_segments(meta: &Meta, w: u32, h: u32, strip_gps: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if let Some(tiff) = meta.exif.as_deref().and_then(|e| rewrite(e, downsize_edit(w, h, strip_gps))) {
        segment(&mut out, 0xE1, &[EXIF_ID, &tiff]);
    }
    if let Some(x) = &meta.xmp {
        let mut x = x.clone();
        if strip_gps {
            blank_gps(&mut x);
        }
        segment(&mut out, 0xE1, &[XMP_ID, &x]);
    }
    if let Some(icc) = &meta.icc {
        icc_segments(&mut out, icc);
    }
    out
}

/// Insert metadata segments right after SOI of an encoder's output, dropping the encoder's own
/// APP0 (JFIF) so EXIF comes first, as the EXIF spec wants.
pub fn splice_after_soi(encoded: &[u8], segments: &[u8]) -> Vec<u8> {
    let mut rest = &encoded[2..];
    if rest.len() > 4 && rest[0] == 0xFF && rest[1] == 0xE0 && !segments.is_empty() {
        let len = u16::from_be_bytes([rest[2], rest[3]]) as usize;
        rest = &rest[(2 + len).min(rest.len())..];
    }
    let mut out = Vec::with_capacity(encoded.len() + segments.len());
    out.extend_from_slice(&[0xFF, 0xD8]);
    out.extend_from_slice(segments);
    out.extend_from_slice(rest);
    out
}
