//! The largest JPEG preview a camera RAW file carries (DNG, CR2, NEF, ARW, ORF, RW2, PEF, RAF,
//! CR3), found with bounds-checked reads, and the orientation the file says to show it in.
//! Decoding the sensor data itself is a RAW developer's job; every camera embeds a preview
//! made by its own developer, which is what the person saw on the camera's screen.
use super::tiff::{find, tag, Tiff};

/// A preview inside a RAW file: JPEG bytes and the EXIF orientation (1..=8) to apply to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawPreview<'a> {
    pub jpeg: &'a [u8],
    pub orientation: u8,
}

const COMPRESSION: u16 = 0x0103;
const STRIP_OFFSETS: u16 = 0x0111;
const STRIP_BYTE_COUNTS: u16 = 0x0117;
/// Panasonic RW2 keeps its full-size preview as one BYTE value under this tag.
const RW2_JPG_FROM_RAW: u16 = 0x002E;
/// IFDs visited at most: a file whose offsets loop must still end.
const MAX_IFDS: usize = 32;
/// Embedded-JPEG starts examined at most when scanning a container we do not parse (CR3).
const MAX_SCANNED_STARTS: usize = 64;
/// Previews smaller than this are thumbnails of thumbnails: the scan ignores them.
const MIN_SCANNED_LEN: usize = 4096;

/// The largest embedded JPEG in `data`, or `None` when there is none we can trust.
pub fn raw_preview(data: &[u8]) -> Option<RawPreview<'_>> {
    if data.starts_with(b"FUJIFILMCCD-RAW") {
        return raf(data);
    }
    if let Some(t) = Tiff::parse(data) {
        if let Some(p) = tiff_based(&t) {
            return Some(p);
        }
    }
    scanned(data)
}

/// Fujifilm RAF: a fixed header gives the offset and length of a JPEG that has its own EXIF.
fn raf(data: &[u8]) -> Option<RawPreview<'_>> {
    let be = |at: usize| -> Option<usize> { Some(u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?) as usize) };
    let (at, len) = (be(84)?, be(88)?);
    let jpeg = jpeg_at(data, at, len)?;
    Some(RawPreview { jpeg, orientation: own_orientation(jpeg) })
}

/// TIFF-structured RAW: every IFD (the chain and its SubIFDs) may name a JPEG, either as the
/// EXIF thumbnail pair, as one JPEG-compressed strip, or (RW2) as a byte value.
fn tiff_based<'a>(t: &Tiff<'a>) -> Option<RawPreview<'a>> {
    let ifd0 = t.ifd0()?;
    let orientation = t
        .entries(ifd0)
        .and_then(|(e, _)| find(&e, tag::ORIENTATION).and_then(|o| t.uint(o, 0)))
        .and_then(|o| u8::try_from(o).ok())
        .filter(|o| (1..=8).contains(o));
    let mut todo = vec![ifd0];
    let mut seen = Vec::new();
    let mut best: Option<&'a [u8]> = None;
    while let Some(off) = todo.pop() {
        if seen.contains(&off) || seen.len() >= MAX_IFDS {
            continue;
        }
        seen.push(off);
        let Some((entries, link)) = t.entries(off) else { continue };
        let mut consider = |j: Option<&'a [u8]>| {
            if let Some(j) = j {
                if best.is_none_or(|b| j.len() > b.len()) {
                    best = Some(j);
                }
            }
        };
        let uint = |tg: u16| find(&entries, tg).and_then(|e| t.uint(e, 0)).map(|v| v as usize);
        if let (Some(at), Some(len)) = (uint(tag::THUMB_OFFSET), uint(tag::THUMB_LENGTH)) {
            consider(jpeg_at(t.data, at, len));
        }
        let single_strip = find(&entries, STRIP_OFFSETS).is_some_and(|e| e.count == 1);
        if matches!(uint(COMPRESSION), Some(6 | 7)) && single_strip {
            if let (Some(at), Some(len)) = (uint(STRIP_OFFSETS), uint(STRIP_BYTE_COUNTS)) {
                consider(jpeg_at(t.data, at, len));
            }
        }
        if let Some(e) = find(&entries, RW2_JPG_FROM_RAW) {
            consider(t.value(e).filter(|v| v.starts_with(&[0xFF, 0xD8])));
        }
        if let Some(e) = find(&entries, tag::SUB_IFDS) {
            todo.extend((0..e.count.min(MAX_IFDS as u32) as usize).filter_map(|i| t.uint(e, i)).map(|o| o as usize));
        }
        if let Some(e) = find(&entries, tag::EXIF_IFD) {
            todo.extend(t.uint(e, 0).map(|o| o as usize));
        }
        todo.extend(t.next_ifd(link));
    }
    let jpeg = best?;
    Some(RawPreview { jpeg, orientation: orientation.unwrap_or_else(|| own_orientation(jpeg)) })
}

/// Containers we do not parse (CR3's ISOBMFF boxes): the largest whole JPEG found by its
/// markers, its end found by walking its segments.
fn scanned(data: &[u8]) -> Option<RawPreview<'_>> {
    let mut best: Option<&[u8]> = None;
    let starts = data.windows(3).enumerate().filter(|(_, w)| *w == [0xFF, 0xD8, 0xFF]).map(|(i, _)| i);
    for at in starts.take(MAX_SCANNED_STARTS) {
        if let Some(len) = jpeg_len(&data[at..]) {
            if len >= MIN_SCANNED_LEN && best.is_none_or(|b| len > b.len()) {
                best = Some(&data[at..at + len]);
            }
        }
    }
    let jpeg = best?;
    Some(RawPreview { jpeg, orientation: own_orientation(jpeg) })
}

/// `len` bytes at `at`, when they are inside `data` and start like a JPEG.
fn jpeg_at(data: &[u8], at: usize, len: usize) -> Option<&[u8]> {
    data.get(at..at.checked_add(len)?).filter(|j| j.len() > 4 && j.starts_with(&[0xFF, 0xD8]))
}

/// Length of the JPEG at the start of `d`: its segments up to the scan, then up to EOI.
fn jpeg_len(d: &[u8]) -> Option<usize> {
    let mut at = 2;
    loop {
        if *d.get(at)? != 0xFF {
            return None;
        }
        let marker = *d.get(at + 1)?;
        if marker == 0xFF {
            at += 1;
            continue;
        }
        let seg = u16::from_be_bytes([*d.get(at + 2)?, *d.get(at + 3)?]) as usize;
        at = at.checked_add(2 + seg)?;
        if marker == 0xDA {
            break;
        }
    }
    // Entropy-coded data never holds FF D9 (a data FF is followed by 00 or a restart marker).
    d.get(at..)?.windows(2).position(|w| w == [0xFF, 0xD9]).map(|p| at + p + 2)
}

fn own_orientation(jpeg: &[u8]) -> u8 {
    super::inspect("", jpeg, jpeg.len() as u64).orientation.unwrap_or(1)
}

#[cfg(test)]
#[path = "raw_preview_tests.rs"]
mod tests;
