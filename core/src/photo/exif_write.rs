//! Rewrites an EXIF/TIFF block in place, so maker notes and other offset-bearing data stay valid:
//! patch pixel-size tags, unlink the IFD1 thumbnail, and remove the GPS IFD. Nothing is moved
//! except what is cut from the end.
use super::tiff::{find, tag, type_size, Entry, Tiff};

#[derive(Clone, Copy, Debug, Default)]
pub struct ExifEdit {
    /// New pixel size for ImageWidth/ImageLength (IFD0) and PixelX/YDimension (Exif IFD).
    pub new_size: Option<(u32, u32)>,
    /// Unlink IFD1 and its JPEG thumbnail (it shows the old pixel size).
    pub drop_thumbnail: bool,
    /// Remove the GPS IFD and its pointer.
    pub strip_gps: bool,
}

/// Returns the edited block, or `None` when the input is not a parsable TIFF stream.
pub fn rewrite(src: &[u8], edit: ExifEdit) -> Option<Vec<u8>> {
    let t = Tiff::parse(src)?;
    let mut out = src.to_vec();
    let ifd0_off = t.ifd0()?;
    let (ifd0, link0) = t.entries(ifd0_off)?;
    let sub = |tg: u16| find(&ifd0, tg).and_then(|e| t.uint(e, 0)).and_then(|o| t.entries(o as usize).map(|r| (o as usize, r)));
    let exif = sub(tag::EXIF_IFD);
    let gps = sub(tag::GPS_IFD);
    let interop = exif
        .as_ref()
        .and_then(|(_, (e, _))| find(e, tag::INTEROP_IFD))
        .and_then(|e| t.uint(e, 0))
        .and_then(|o| t.entries(o as usize).map(|r| (o as usize, r)));

    if let Some((w, h)) = edit.new_size {
        for (ifd, tw, th) in
            [(Some(&ifd0), tag::IMAGE_WIDTH, tag::IMAGE_LENGTH), (exif.as_ref().map(|x| &x.1 .0), tag::PIXEL_X, tag::PIXEL_Y)]
        {
            let Some(ifd) = ifd else { continue };
            for (tg, v) in [(tw, w), (th, h)] {
                if let Some(e) = find(ifd, tg).filter(|e| e.count == 1 && matches!(e.typ, 3 | 4)) {
                    let typ = if v > 0xFFFF { 4 } else { e.typ };
                    put16(&mut out, e.pos + 2, typ, t.le);
                    out[e.pos + 8..e.pos + 12].fill(0);
                    if typ == 3 {
                        put16(&mut out, e.pos + 8, v as u16, t.le)
                    } else {
                        put32(&mut out, e.pos + 8, v, t.le)
                    }
                }
            }
        }
    }

    // Everything that must survive, as byte ranges: IFD tables and their out-of-line values.
    let mut keep: Vec<(usize, usize)> = vec![(0, 8)];
    let mut blank: Vec<(usize, usize)> = Vec::new();
    let mut thumb_start: Option<usize> = None;
    let span_of = |off: usize, (entries, link): &(Vec<Entry>, usize), into: &mut Vec<(usize, usize)>| {
        into.push((off, link + 4));
        into.extend(entries.iter().filter_map(|e| t.value_span(e)).filter(|&(_, l)| l > 4).map(|(a, l)| (a, a + l)));
    };
    span_of(ifd0_off, &(ifd0.clone(), link0), &mut keep);
    for (off, r) in [&exif, &interop].into_iter().flatten() {
        span_of(*off, r, &mut keep);
    }
    if let Some((off, r)) = &gps {
        span_of(*off, r, if edit.strip_gps { &mut blank } else { &mut keep });
    }
    if edit.drop_thumbnail {
        if let Some(ifd1_off) = t.next_ifd(link0) {
            let blank_before = blank.len();
            if let Some(r) = t.entries(ifd1_off) {
                span_of(ifd1_off, &r, &mut blank);
                let off = find(&r.0, tag::THUMB_OFFSET).and_then(|e| t.uint(e, 0)).map(|o| o as usize);
                let len = find(&r.0, tag::THUMB_LENGTH).and_then(|e| t.uint(e, 0)).map(|l| l as usize);
                if let (Some(o), Some(l)) = (off, len) {
                    blank.push((o.min(out.len()), o.saturating_add(l).min(out.len())));
                }
            }
            thumb_start = blank.iter().skip(blank_before).map(|&(a, _)| a).min();
            put32(&mut out, link0, 0, t.le);
        }
    }
    for &(a, b) in &blank {
        if a < b && b <= out.len() {
            out[a..b].fill(0);
        }
    }
    if edit.strip_gps {
        if let Some(i) = ifd0.iter().position(|e| e.tag == tag::GPS_IFD) {
            remove_entry(&mut out, ifd0_off, ifd0.len(), i, t.le);
        }
    }
    // Cut IFD1 and the thumbnail off when they are the tail (the usual layout): that is what makes
    // a downsized photo's EXIF smaller; otherwise they stay as zeros.
    let keep_end = keep.iter().map(|&(_, b)| b).max().unwrap_or(8);
    if let Some(start) = thumb_start.filter(|&s| s >= keep_end && s <= out.len()) {
        out.truncate(start);
    }
    Some(out)
}

/// Delete entry `i` of the IFD at `off` by shifting the later entries (and the link) up.
fn remove_entry(out: &mut [u8], off: usize, n: usize, i: usize, le: bool) {
    let start = off + 2 + 12 * i;
    let end = off + 2 + 12 * n + 4;
    if end > out.len() {
        return;
    }
    out.copy_within(start + 12..end, start);
    out[end - 12..end].fill(0);
    put16(out, off, (n - 1) as u16, le);
}

fn put16(b: &mut [u8], at: usize, v: u16, le: bool) {
    b[at..at + 2].copy_from_slice(&if le { v.to_le_bytes() } else { v.to_be_bytes() });
}
fn put32(b: &mut [u8], at: usize, v: u32, le: bool) {
    b[at..at + 4].copy_from_slice(&if le { v.to_le_bytes() } else { v.to_be_bytes() });
}

/// Value length of an entry, for callers that size things.
pub fn value_len(e: &Entry) -> Option<usize> {
    type_size(e.typ)?.checked_mul(e.count as usize)
}
