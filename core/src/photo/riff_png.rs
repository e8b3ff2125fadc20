//! Chunk walkers for PNG and RIFF (WebP/AVI), and the size fields of PNG, GIF, WebP and BMP.

/// PNG chunks as (type, data, offset of the chunk's length field), stopping at a truncation.
pub fn png_chunks(b: &[u8]) -> Vec<([u8; 4], &[u8], usize)> {
    let mut out = Vec::new();
    let mut i = 8;
    while let Some(h) = b.get(i..i + 8) {
        let len = u32::from_be_bytes([h[0], h[1], h[2], h[3]]) as usize;
        let ty = [h[4], h[5], h[6], h[7]];
        let Some(data) = i.checked_add(8 + len).and_then(|end| b.get(i + 8..end)) else { break };
        out.push((ty, data, i));
        if &ty == b"IEND" {
            break;
        }
        i += 12 + len;
    }
    out
}

pub fn png_size(b: &[u8]) -> Option<(u32, u32)> {
    let d = b.get(16..24)?;
    let w = u32::from_be_bytes([d[0], d[1], d[2], d[3]]);
    let h = u32::from_be_bytes([d[4], d[5], d[6], d[7]]);
    (b.get(12..16)? == b"IHDR" && w > 0 && h > 0 && w <= i32::MAX as u32 && h <= i32::MAX as u32).then_some((w, h))
}

pub fn gif_size(b: &[u8]) -> Option<(u32, u32)> {
    let d = b.get(6..10)?;
    let (w, h) = (u16::from_le_bytes([d[0], d[1]]) as u32, u16::from_le_bytes([d[2], d[3]]) as u32);
    (w > 0 && h > 0).then_some((w, h))
}

pub fn bmp_size(b: &[u8]) -> Option<(u32, u32)> {
    let hs = u32::from_le_bytes(b.get(14..18)?.try_into().ok()?);
    let (w, h) = if hs == 12 {
        (u16::from_le_bytes(b.get(18..20)?.try_into().ok()?) as i64, u16::from_le_bytes(b.get(20..22)?.try_into().ok()?) as i64)
    } else {
        (i32::from_le_bytes(b.get(18..22)?.try_into().ok()?) as i64, i32::from_le_bytes(b.get(22..26)?.try_into().ok()?) as i64)
    };
    let (w, h) = (w.unsigned_abs(), h.unsigned_abs());
    (w > 0 && h > 0 && w <= u32::MAX as u64 && h <= u32::MAX as u64).then_some((w as u32, h as u32))
}

/// RIFF sub-chunks after the 12-byte header, as (fourcc, data, offset of the chunk header).
pub fn riff_chunks(b: &[u8]) -> Vec<([u8; 4], &[u8], usize)> {
    let mut out = Vec::new();
    let mut i = 12;
    while let Some(h) = b.get(i..i + 8) {
        let len = u32::from_le_bytes([h[4], h[5], h[6], h[7]]) as usize;
        let Some(data) = i.checked_add(8 + len).and_then(|end| b.get(i + 8..end)) else { break };
        out.push(([h[0], h[1], h[2], h[3]], data, i));
        i += 8 + len + (len & 1);
    }
    out
}

/// Canvas size from the first WebP chunk (VP8X, VP8 or VP8L).
pub fn webp_size(b: &[u8]) -> Option<(u32, u32)> {
    let ty: &[u8] = b.get(12..16)?;
    let d = b.get(20..)?;
    let le24 = |x: &[u8]| x[0] as u32 | (x[1] as u32) << 8 | (x[2] as u32) << 16;
    let (w, h) = match ty {
        b"VP8X" => (le24(d.get(4..7)?) + 1, le24(d.get(7..10)?) + 1),
        b"VP8 " => {
            if d.get(3..6)? != [0x9D, 0x01, 0x2A] {
                return None;
            }
            let w = u16::from_le_bytes([d[6], *d.get(7)?]) & 0x3FFF;
            let h = u16::from_le_bytes([*d.get(8)?, *d.get(9)?]) & 0x3FFF;
            (w as u32, h as u32)
        }
        b"VP8L" => {
            if *d.first()? != 0x2F {
                return None;
            }
            let v = u32::from_le_bytes(d.get(1..5)?.try_into().ok()?);
            ((v & 0x3FFF) + 1, ((v >> 14) & 0x3FFF) + 1)
        }
        _ => return None,
    };
    (w > 0 && h > 0).then_some((w, h))
}

/// WebP's EXIF chunk holds TIFF; some writers prefix it with `Exif\0\0`.
pub fn strip_exif_prefix(d: &[u8]) -> &[u8] {
    d.strip_prefix(b"Exif\0\0".as_slice()).unwrap_or(d)
}
