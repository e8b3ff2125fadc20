//! The instants a Takeout import deals in: RFC 3339 text (the `takenAt` upload key) to and from
//! seconds since the epoch, and an EXIF wall-clock date read as if it were UTC so that the date
//! rule can compare the two. Proleptic Gregorian throughout (Howard Hinnant's day algorithms).

/// Days since 1970-01-01 of a civil date.
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = if m > 2 { m - 3 } else { m + 9 } as i64;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// (year, month, day) of days since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// "YYYY-MM-DDTHH:MM:SS" (and the same with `:`/space as EXIF writes it) → (date, seconds of
/// the day), checked field by field.
fn civil(b: &[u8], date_sep: u8, mid: &[u8]) -> Option<(i64, u32, u32, i64)> {
    if b.len() < 19 || b[4] != date_sep || b[7] != date_sep || !mid.contains(&b[10]) || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let s = b.get(r)?;
        if !s.iter().all(u8::is_ascii_digit) {
            return None;
        }
        std::str::from_utf8(s).ok()?.parse().ok()
    };
    let (y, mo, d, h, mi, s) = (num(0..4)? as i64, num(5..7)?, num(8..10)?, num(11..13)?, num(14..16)?, num(17..19)?);
    if y == 0 || !(1..=12).contains(&mo) || d == 0 || d > days_in_month(y, mo) || h > 23 || mi > 59 || s > 60 {
        return None;
    }
    Some((y, mo, d, (h * 3600 + mi * 60 + s.min(59)) as i64))
}

/// An RFC 3339 instant ("2019-07-04T18:03:11Z", "…+02:00", "…T18:03:11.250-05:30") as whole
/// seconds since the epoch. A time without a zone is not an instant: `None`.
pub fn parse_rfc3339(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    let (y, m, d, sod) = civil(b, b'-', b"Tt ")?;
    let mut rest = &b[19..];
    if let Some(frac) = rest.strip_prefix(b".") {
        let n = frac.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return None;
        }
        rest = &frac[n..];
    }
    let offset = match rest {
        b"Z" | b"z" => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let digits = [*h1, *h2, *m1, *m2];
            if !digits.iter().all(u8::is_ascii_digit) {
                return None;
            }
            let (h, mi) = ((h1 - b'0') as i64 * 10 + (h2 - b'0') as i64, (m1 - b'0') as i64 * 10 + (m2 - b'0') as i64);
            if h > 23 || mi > 59 {
                return None;
            }
            let o = h * 3600 + mi * 60;
            if *sign == b'+' {
                o
            } else {
                -o
            }
        }
        _ => return None,
    };
    Some(days_from_civil(y, m, d) * 86_400 + sod - offset)
}

/// Seconds since the epoch → "YYYY-MM-DDTHH:MM:SSZ".
pub fn rfc3339(secs: i64) -> String {
    let (days, sod) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", sod / 3600, sod % 3600 / 60, sod % 60)
}

/// An EXIF wall-clock date ("YYYY:MM:DD HH:MM:SS", or the API's "YYYY-MM-DDTHH:MM:SS") read as
/// if it were UTC: only its distance to an instant means anything.
pub fn wall_clock_secs(s: &str) -> Option<i64> {
    let b = s.trim_end_matches('\0').trim().as_bytes();
    let (y, m, d, sod) = civil(b, b':', b" ").or_else(|| civil(b, b'-', b"T"))?;
    Some(days_from_civil(y, m, d) * 86_400 + sod)
}
