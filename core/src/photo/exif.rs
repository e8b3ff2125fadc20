//! Facts from an EXIF/TIFF block: orientation, DateTimeOriginal, the largest image size the
//! IFDs declare, the camera make and DNG marker (to name TIFF-based RAW formats), and for the
//! library the camera model and GPS position.
use super::tiff::{find, tag, Tiff};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ExifFacts {
    pub orientation: Option<u8>,
    pub captured_at: Option<String>,
    /// Largest width x height among IFD0, its SubIFDs and the Exif PixelX/YDimension.
    pub size: Option<(u32, u32)>,
    pub make: Option<String>,
    pub dng: bool,
    pub has_gps: bool,
    pub model: Option<String>,
    /// GPS latitude and longitude in degrees, negative south and west.
    pub gps: Option<(f64, f64)>,
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
    f.model = find(&ifd0, tag::MODEL).and_then(|e| t.ascii(e)).map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    f.make = f.make.filter(|s| !s.is_empty());
    if let Some((gps, _)) = find(&ifd0, tag::GPS_IFD).and_then(|e| t.uint(e, 0)).and_then(|o| t.entries(o as usize)) {
        f.gps = gps_position(&t, &gps);
    }
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

/// Degrees from the GPS IFD's (ref, degrees/minutes/seconds) pairs. Cameras without a fix
/// write zeros or leave the refs out; out-of-range values are treated as no position.
fn gps_position(t: &Tiff, gps: &[super::tiff::Entry]) -> Option<(f64, f64)> {
    let coord = |ref_tag: u16, val_tag: u16, neg: &str, max: f64| -> Option<f64> {
        let r = find(gps, ref_tag).and_then(|e| t.ascii(e))?.trim().to_ascii_uppercase();
        let e = find(gps, val_tag).filter(|e| e.typ == 5 && e.count >= 3)?;
        let (at, _) = t.value_span(e)?;
        let mut v = 0.0;
        for (i, div) in [1.0, 60.0, 3600.0].into_iter().enumerate() {
            let (n, d) = (t.u32(at + 8 * i)?, t.u32(at + 8 * i + 4)?);
            if d == 0 {
                return None;
            }
            v += n as f64 / d as f64 / div;
        }
        (v.is_finite() && v <= max).then_some(if r == neg { -v } else { v })
    };
    let lat = coord(1, 2, "S", 90.0)?;
    let lon = coord(3, 4, "W", 180.0)?;
    Some((lat, lon))
}

/// "Make Model", without repeating the make when the model already starts with it
/// ("Canon" + "Canon EOS R5" → "Canon EOS R5").
pub fn camera(make: Option<&str>, model: Option<&str>) -> Option<String> {
    match (make, model) {
        (Some(m), Some(d)) if d.to_ascii_lowercase().starts_with(&m.to_ascii_lowercase()) => Some(d.to_string()),
        (Some(m), Some(d)) => Some(format!("{m} {d}")),
        (m, d) => m.or(d).map(str::to_string),
    }
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
