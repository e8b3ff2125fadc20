//! Times as the API writes them. Instants (upload times, lastModified, the Trash) are RFC 3339
//! in UTC with a `Z`. EXIF DateTimeOriginal has no zone: it is written as the wall-clock time it
//! is, without a zone ("2024:07:01 12:30:00" → "2024-07-01T12:30:00"), so a library groups it
//! by its own date and never shifts it through a viewer's time zone.
use shoebox_core::takeout::time::civil_from_days;
use std::time::{SystemTime, UNIX_EPOCH};

pub fn now_ms() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as u64).unwrap_or(0)
}

/// Milliseconds since the epoch → "YYYY-MM-DDTHH:MM:SS[.mmm]Z".
pub fn rfc3339_from_ms(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let milli = ms.rem_euclid(1000);
    let (days, sod) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    let base = format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}", sod / 3600, sod % 3600 / 60, sod % 60);
    if milli == 0 {
        format!("{base}Z")
    } else {
        format!("{base}.{milli:03}Z")
    }
}

/// EXIF "YYYY:MM:DD HH:MM:SS" → "YYYY-MM-DDTHH:MM:SS" (wall clock, no zone). None when it is
/// not a plausible date.
pub fn wall_clock_from_exif(s: &str) -> Option<String> {
    let b = s.trim_end_matches('\0').trim().as_bytes();
    if b.len() < 19 || b[4] != b':' || b[7] != b':' || b[10] != b' ' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| std::str::from_utf8(&b[r]).ok()?.parse::<u32>().ok();
    let (y, mo, d, h, mi, se) = (num(0..4)?, num(5..7)?, num(8..10)?, num(11..13)?, num(14..16)?, num(17..19)?);
    // Cameras write "0000:00:00 00:00:00" when the clock was never set.
    if y == 0 || !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || se > 60 {
        return None;
    }
    Some(format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{se:02}"))
}

/// True for a wall-clock time as `wall_clock_from_exif` writes it (no zone), false for an instant.
pub fn is_wall_clock(s: &str) -> bool {
    s.len() == 19 && s.as_bytes()[10] == b'T'
}

/// "YYYY-MM-DD" of days since the epoch.
pub fn day_from_days(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn formats() {
        assert_eq!(rfc3339_from_ms(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339_from_ms(1_700_000_000_123), "2023-11-14T22:13:20.123Z");
        assert_eq!(wall_clock_from_exif("2024:02:29 23:59:58").as_deref(), Some("2024-02-29T23:59:58"));
        assert_eq!(wall_clock_from_exif("0000:00:00 00:00:00"), None);
        assert_eq!(wall_clock_from_exif("garbage"), None);
        assert!(is_wall_clock("2024-02-29T23:59:58"));
        assert!(!is_wall_clock("2024-02-29T23:59:58Z"));
        assert_eq!(day_from_days(19_000), "2022-01-08");
    }
}
