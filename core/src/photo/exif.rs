//! Facts from an EXIF/TIFF block: orientation, DateTimeOriginal, the largest image size the
//! IFDs declare, the camera make and DNG marker (to name TIFF-based RAW formats).
use super::tiff::{find, tag, Tiff};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExifFacts {
    pub orientation: Option<u8>,
    pub captured_at: Option<String>,
    /// Largest width x height among IFD0, its SubIFDs and the Exif PixelX/YDimension.
    pub size: Option<(u32, u32)>,
    pub make: Option<String>,
    pub dng: bool,
    pub has_gps: bool,
}

/// Parse a TIFF stream (EXIF payload without the `Exif\0\0` prefix). `None` if not TIFF at all.
pub fn read(data: &[u8]) -> Option<ExifFacts> {
    let t = Tiff::parse(data)?;
    let mut f = ExifFacts::default();
    let (ifd0, _) = t.entries(t.ifd0()?)?;
    let mut sizes = Vec::new();
    f.orientation = find(&ifd0, tag::ORIENTATION).and_then(|e| t.uint(e, 0)).filter(|o| (1..=8).contains(o)).map(|o| o as u8);
    f.make = find(&ifd0, tag::MAKE).and_then(|e| t.ascii(e)).map(|s| s.trim().to_string());
    f.dng = find(&ifd0, tag::DNG_VERSION).is_some();
    f.has_gps = find(&ifd0, tag::GPS_IFD).is_some();
    sizes.push(ifd_size(&t, &ifd0));
    if t.u16(2) == Some(0x55) {
        let w = find(&ifd0, tag::RW2_SENSOR_WIDTH).and_then(|e| t.uint(e, 0));
        let h = find(&ifd0, tag::RW2_SENSOR_HEIGHT).and_then(|e| t.uint(e, 0));
        sizes.push(w.zip(h));
    }
    if let Some(e) = find(&ifd0, tag::SUB_IFDS) {
        for i in 0..(e.count as usize).min(8) {
            if let Some((sub, _)) = t.uint(e, i).and_then(|o| t.entries(o as usize)) {
                sizes.push(ifd_size(&t, &sub));
            }
        }
    }
    if let Some((exif, _)) = find(&ifd0, tag::EXIF_IFD).and_then(|e| t.uint(e, 0)).and_then(|o| t.entries(o as usize)) {
        f.captured_at = find(&exif, tag::DATE_TIME_ORIGINAL).and_then(|e| t.ascii(e)).and_then(valid_date);
        let w = find(&exif, tag::PIXEL_X).and_then(|e| t.uint(e, 0));
        let h = find(&exif, tag::PIXEL_Y).and_then(|e| t.uint(e, 0));
        sizes.push(w.zip(h));
    }
    f.size = sizes.into_iter().flatten().filter(|&(w, h)| w > 0 && h > 0).max_by_key(|&(w, h)| w as u64 * h as u64);
    Some(f)
}

fn ifd_size(t: &Tiff, ifd: &[super::tiff::Entry]) -> Option<(u32, u32)> {
    let w = t.uint(find(ifd, tag::IMAGE_WIDTH)?, 0)?;
    let h = t.uint(find(ifd, tag::IMAGE_LENGTH)?, 0)?;
    Some((w, h))
}

/// "YYYY:MM:DD HH:MM:SS" with digits and a plausible month/day; cameras write blanks or zeros when unset.
pub fn valid_date(s: &str) -> Option<String> {
    let b = s.as_bytes();
    if b.len() < 19 {
        return None;
    }
    let shape_ok = b[..19].iter().enumerate().all(|(i, &c)| match i {
        4 | 7 => c == b':',
        10 => c == b' ',
        13 | 16 => c == b':',
        _ => c.is_ascii_digit(),
    });
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().unwrap_or(0);
    (shape_ok && num(0..4) > 0 && (1..=12).contains(&num(5..7)) && (1..=31).contains(&num(8..10))).then(|| s[..19].to_string())
}
