//! ISO base media files (MP4/MOV/3GP, HEIC/HEIF, AVIF, CR3): `ftyp` brands, and for HEIF the
//! primary item's `ispe` size and its EXIF item. Bounds-checked and depth-limited.

pub fn be16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(b.get(at..at.checked_add(2)?)?.try_into().ok()?))
}
pub fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at.checked_add(4)?)?.try_into().ok()?))
}
fn be_n(b: &[u8], at: usize, n: usize) -> Option<u64> {
    let s = b.get(at..at.checked_add(n)?)?;
    Some(s.iter().fold(0u64, |a, &x| a << 8 | x as u64))
}

/// Boxes inside `b` as (type, payload, payload offset within `b`). A box running past the end is
/// cut at the end (the head we read is usually a prefix of the file).
pub fn boxes(b: &[u8]) -> Vec<([u8; 4], &[u8], usize)> {
    let mut out = Vec::new();
    let mut i = 0usize;
    while let (Some(size), Some(ty)) = (be32(b, i), b.get(i + 4..i + 8)) {
        let ty: [u8; 4] = ty.try_into().unwrap_or_default();
        let (hdr, size) = match size {
            1 => match be_n(b, i + 8, 8) {
                Some(s) => (16usize, s),
                None => break,
            },
            0 => (8, (b.len() - i) as u64),
            s => (8, s as u64),
        };
        if size < hdr as u64 {
            break;
        }
        let end = i.saturating_add(usize::try_from(size).unwrap_or(usize::MAX)).min(b.len());
        out.push((ty, &b[(i + hdr).min(end)..end], i + hdr));
        if end >= b.len() || out.len() > 4096 {
            break;
        }
        i = end;
    }
    out
}

pub fn child<'a>(b: &'a [u8], ty: &[u8; 4]) -> Option<&'a [u8]> {
    boxes(b).into_iter().find(|(t, _, _)| t == ty).map(|(_, d, _)| d)
}

/// Major and compatible brands of a leading `ftyp` box.
pub fn brands(b: &[u8]) -> Option<Vec<[u8; 4]>> {
    if b.get(4..8)? != b"ftyp" {
        return None;
    }
    let size = (be32(b, 0)? as usize).clamp(16, 4096).min(b.len());
    let mut v = vec![b.get(8..12)?.try_into().ok()?];
    let mut i = 16;
    while i + 4 <= size {
        v.push(b[i..i + 4].try_into().ok()?);
        i += 4;
    }
    Some(v)
}

/// What a HEIF/AVIF `meta` box tells us.
#[derive(Debug, Default)]
pub struct HeifInfo {
    pub size: Option<(u32, u32)>,
    /// File offset and length of the EXIF item (its payload begins with a 4-byte offset to TIFF).
    pub exif: Option<(u64, u64)>,
}

pub fn heif(file: &[u8]) -> Option<HeifInfo> {
    let meta = child(file, b"meta")?.get(4..)?;
    let primary = child(meta, b"pitm").and_then(|p| if p.first()? == &0 { be16(p, 4).map(u32::from) } else { be32(p, 4) });
    let mut info = HeifInfo::default();
    if let Some(iprp) = child(meta, b"iprp") {
        let props: Vec<_> = child(iprp, b"ipco").map(boxes).unwrap_or_default();
        let ispe = |idx: usize| -> Option<(u32, u32)> {
            let (t, d, _) = props.get(idx.checked_sub(1)?)?;
            (t == b"ispe").then_some(())?;
            Some((be32(d, 4)?, be32(d, 8)?))
        };
        let assoc = child(iprp, b"ipma").and_then(|m| ipma_for(m, primary?));
        info.size = match assoc {
            Some(idx) => idx.into_iter().find_map(ispe),
            // No primary association found: the largest ispe is the best guess.
            None => (1..=props.len()).filter_map(ispe).max_by_key(|&(w, h)| w as u64 * h as u64),
        }
        .filter(|&(w, h)| w > 0 && h > 0);
    }
    let exif_id = child(meta, b"iinf").and_then(exif_item_id);
    if let (Some(id), Some(iloc)) = (exif_id, child(meta, b"iloc")) {
        info.exif = iloc_extent(iloc, id);
    }
    Some(info)
}

/// Property indices (1-based) associated with `item` in an `ipma` payload.
fn ipma_for(m: &[u8], item: u32) -> Option<Vec<usize>> {
    let (ver, flags) = (*m.first()?, *m.get(3)?);
    let n = be32(m, 4)?;
    let mut i = 8;
    for _ in 0..n.min(100_000) {
        let id = if ver < 1 {
            i += 2;
            be16(m, i - 2)? as u32
        } else {
            i += 4;
            be32(m, i - 4)?
        };
        let count = *m.get(i)? as usize;
        i += 1;
        let mut idx = Vec::with_capacity(count);
        for _ in 0..count {
            if flags & 1 != 0 {
                idx.push((be16(m, i)? & 0x7FFF) as usize);
                i += 2;
            } else {
                idx.push((*m.get(i)? & 0x7F) as usize);
                i += 1;
            }
        }
        if id == item {
            return Some(idx);
        }
    }
    None
}

fn exif_item_id(iinf: &[u8]) -> Option<u32> {
    let skip = if *iinf.first()? == 0 { 6 } else { 8 };
    boxes(iinf.get(skip..)?).into_iter().find_map(|(t, d, _)| {
        if &t != b"infe" {
            return None;
        }
        let (id, ty) = match *d.first()? {
            2 => (be16(d, 4)? as u32, d.get(8..12)?),
            3 => (be32(d, 4)?, d.get(10..14)?),
            _ => return None,
        };
        (ty == b"Exif").then_some(id)
    })
}

/// First extent (file offset, length) of `item` in an `iloc` payload (construction method 0 only).
fn iloc_extent(l: &[u8], item: u32) -> Option<(u64, u64)> {
    let ver = *l.first()?;
    let (os, ls) = ((l.get(4)? >> 4) as usize, (l.get(4)? & 15) as usize);
    let (bs, is) = ((l.get(5)? >> 4) as usize, if ver >= 1 { (l.get(5)? & 15) as usize } else { 0 });
    let mut i = 6;
    let n = if ver < 2 {
        i += 2;
        be16(l, 6)? as u32
    } else {
        i += 4;
        be32(l, 6)?
    };
    for _ in 0..n.min(100_000) {
        let id = if ver < 2 {
            i += 2;
            be16(l, i - 2)? as u32
        } else {
            i += 4;
            be32(l, i - 4)?
        };
        let method = if ver >= 1 {
            i += 2;
            be16(l, i - 2)? & 15
        } else {
            0
        };
        i += 2; // data_reference_index
        let base = be_n(l, i, bs)?;
        i += bs;
        let extents = be16(l, i)? as usize;
        i += 2;
        let mut first = None;
        for _ in 0..extents {
            i += is;
            let off = be_n(l, i, os)?;
            let len = be_n(l, i + os, ls)?;
            i += os + ls;
            first.get_or_insert((base.checked_add(off)?, len));
        }
        if id == item {
            return first.filter(|_| method == 0);
        }
    }
    None
}

/// Canon CR3 keeps TIFF blocks in boxes `CMT1` (IFD0) and `CMT2` (Exif IFD) inside a `uuid`
/// box of `moov`; returns them when present in `head`.
pub fn cr3_tiffs(head: &[u8]) -> Vec<&[u8]> {
    let Some(moov) = child(head, b"moov") else { return Vec::new() };
    let mut out = Vec::new();
    for (t, d, _) in boxes(moov) {
        if &t == b"uuid" && d.len() > 16 {
            for (t2, d2, _) in boxes(&d[16..]) {
                if &t2 == b"CMT1" || &t2 == b"CMT2" {
                    out.push(d2);
                }
            }
        }
    }
    out
}
