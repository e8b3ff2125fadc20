//! JPEG marker segments up to the first scan: frame size (SOF), EXIF (APP1) and the list of
//! segments the prepare step copies. Bounds-checked; a truncated file just ends the walk.

/// One marker segment before the image data. `data` excludes the marker and length bytes.
#[derive(Clone, Copy, Debug)]
pub struct Segment<'a> {
    pub marker: u8,
    pub data: &'a [u8],
}

pub const EXIF_ID: &[u8] = b"Exif\0\0";
pub const XMP_ID: &[u8] = b"http://ns.adobe.com/xap/1.0/\0";
pub const ICC_ID: &[u8] = b"ICC_PROFILE\0";

/// The segments before SOS, and the offset where SOS starts (None if the file ends first).
pub fn segments(b: &[u8]) -> (Vec<Segment<'_>>, Option<usize>) {
    let mut out = Vec::new();
    if b.get(..2) != Some(&[0xFF, 0xD8]) {
        return (out, None);
    }
    let mut i = 2;
    loop {
        // Markers may be preceded by any number of 0xFF fill bytes.
        while b.get(i) == Some(&0xFF) && b.get(i + 1) == Some(&0xFF) {
            i += 1;
        }
        let (Some(&0xFF), Some(&m)) = (b.get(i), b.get(i + 1)) else { return (out, None) };
        if m == 0xDA {
            return (out, Some(i));
        }
        if (0xD0..=0xD7).contains(&m) || m == 0x01 || m == 0xD8 {
            i += 2;
            continue;
        }
        if m == 0xD9 {
            return (out, None);
        }
        let Some(len) = b.get(i + 2..i + 4).map(|l| u16::from_be_bytes([l[0], l[1]]) as usize) else { return (out, None) };
        if len < 2 {
            return (out, None);
        }
        let Some(data) = b.get(i + 4..i + 2 + len) else { return (out, None) };
        out.push(Segment { marker: m, data });
        i += 2 + len;
    }
}

pub fn is_sof(m: u8) -> bool {
    matches!(m, 0xC0..=0xCF) && !matches!(m, 0xC4 | 0xC8 | 0xCC)
}

/// (width, height, components) from the frame header.
pub fn frame(segs: &[Segment]) -> Option<(u32, u32, u8)> {
    let s = segs.iter().find(|s| is_sof(s.marker))?;
    let d = s.data;
    let h = u16::from_be_bytes([*d.get(1)?, *d.get(2)?]) as u32;
    let w = u16::from_be_bytes([*d.get(3)?, *d.get(4)?]) as u32;
    (w > 0 && h > 0).then_some((w, h, *d.get(5)?))
}

/// The TIFF stream of the first EXIF APP1.
pub fn exif<'a>(segs: &[Segment<'a>]) -> Option<&'a [u8]> {
    segs.iter().find(|s| s.marker == 0xE1 && s.data.starts_with(EXIF_ID)).map(|s| &s.data[EXIF_ID.len()..])
}
