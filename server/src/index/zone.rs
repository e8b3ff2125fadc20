//! The viewer's time zone (`tz`) and the SQL of a record's day in it. An IANA zone applies its
//! rules on each record's own date (a summer photo in Los Angeles is at UTC-7, a winter one at
//! UTC-8); a number is a fixed offset in minutes east. Both engines read the same zone data,
//! the system's zoneinfo: PostgreSQL's `AT TIME ZONE` (Debian builds it on /usr/share/zoneinfo)
//! and, in SQLite, the function `shoebox_local_day` registered here (jiff reading that folder),
//! so the same record falls on the same day on either.
use jiff::civil::DateTime;
use jiff::tz::TimeZone;
use jiff::Timestamp;

/// The viewer's zone, validated: safe to write into SQL text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Zone {
    /// Minutes east of UTC, -1440..=1440.
    Offset(i32),
    /// An IANA name as the zone database spells it (e.g. "America/Los_Angeles").
    Named(String),
}

impl Default for Zone {
    fn default() -> Self {
        Zone::Offset(0)
    }
}

/// Transitions after this are not looked at for the offset bounds (the rules repeat by then).
const BOUNDS_UNTIL: &str = "2200-01-01T00:00:00Z";

impl Zone {
    /// From the `tz` parameter; the error names it (a 400).
    pub fn parse(s: &str) -> Result<Zone, String> {
        if let Ok(m) = s.parse::<i32>() {
            return (m.abs() <= 1440)
                .then_some(Zone::Offset(m))
                .ok_or_else(|| "tz: an offset must be minutes east of UTC, -1440..1440".into());
        }
        // Only characters zone names use, so the name can sit in SQL text and never leaves the
        // zoneinfo folder; the database must know it (PostgreSQL reads the same folder).
        let plain = !s.is_empty() && s.len() <= 64 && !s.starts_with('/') && !s.contains("..");
        let plain = plain && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"/_+-".contains(&b));
        let tz = plain.then(|| TimeZone::get(s).ok()).flatten();
        match tz.as_ref().and_then(TimeZone::iana_name) {
            Some(name) => Ok(Zone::Named(name.to_string())),
            None => Err(format!("tz must be an IANA time zone (e.g. America/Los_Angeles) or minutes east of UTC, got {s:?}")),
        }
    }

    /// The least and greatest UTC offset (seconds) the zone ever uses: instants whose UTC time
    /// of day cannot cross midnight under either keep their UTC date without a lookup.
    fn bounds(&self) -> (i32, i32) {
        let tz = match self {
            Zone::Offset(m) => return (m * 60, m * 60),
            Zone::Named(n) => match TimeZone::get(n) {
                Ok(tz) => tz,
                Err(_) => return (-86_399, 86_399),
            },
        };
        let until: Timestamp = BOUNDS_UNTIL.parse().expect("a valid instant");
        let first = tz.to_offset(Timestamp::MIN).seconds();
        tz.following(Timestamp::MIN)
            .take_while(|t| t.timestamp() < until)
            .map(|t| t.offset().seconds())
            .fold((first, first), |(lo, hi), o| (lo.min(o), hi.max(o)))
    }

    /// The SQL of a record's day: a wall-clock EXIF time keeps its own date; an instant (the
    /// capture time, else the upload time) takes its date in this zone. Only instants whose
    /// UTC time of day can cross midnight under the zone's offsets are converted; comparing
    /// "HH:MM:SS" text finds the others cheaply (a large library has no time for a conversion
    /// per row on every page). Text that is not an instant keeps its first ten characters.
    pub fn day_sql(&self, pg: bool) -> String {
        let x = "COALESCE(captured_at, uploaded_at)";
        let utc = format!("substr({x}, 1, 10)");
        let shifted = match (self, pg) {
            (Zone::Offset(m), false) => format!("COALESCE(date({x}, '{m:+} minutes'), {utc})"),
            (Zone::Offset(m), true) => format!(
                "COALESCE(CASE WHEN {x} ~ '^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}T[0-9]{{2}}:[0-9]{{2}}' \
                 THEN to_char(CAST(substr({x}, 1, 16) AS TIMESTAMP) + INTERVAL '{m:+} minutes', 'YYYY-MM-DD') END, {utc})"
            ),
            (Zone::Named(n), false) => format!("COALESCE(shoebox_local_day({x}, '{n}'), {utc})"),
            // A cast of anything else would fail the query where SQLite's function gives NULL.
            (Zone::Named(n), true) => format!(
                "COALESCE(CASE WHEN {x} ~ '^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}T[0-9]{{2}}:[0-9]{{2}}:[0-9]{{2}}' \
                 THEN to_char(CAST(substr({x}, 1, 19) || '+00' AS TIMESTAMPTZ) AT TIME ZONE '{n}', 'YYYY-MM-DD') END, {utc})"
            ),
        };
        let (lo, hi) = self.bounds();
        let hms = |s: i32| format!("{:02}:{:02}:{:02}", s / 3600, s % 3600 / 60, s % 60);
        let mut cross = Vec::new();
        if lo < 0 {
            cross.push(format!("substr({x}, 12, 8) < '{}'", hms(-lo)));
        }
        if hi > 0 {
            cross.push(format!("substr({x}, 12, 8) >= '{}'", hms(86_400 - hi)));
        }
        let instant = if cross.is_empty() { utc } else { format!("CASE WHEN {} THEN {shifted} ELSE {utc} END", cross.join(" OR ")) };
        format!("CASE WHEN captured_local = 1 THEN substr(captured_at, 1, 10) ELSE {instant} END")
    }
}

/// "YYYY-MM-DD" of the UTC instant `instant` ("YYYY-MM-DDTHH:MM:SS…", read to the second, as
/// PostgreSQL's side reads it) in `tz`; None when it is not one.
pub fn local_day(instant: &str, tz: &TimeZone) -> Option<String> {
    let utc: DateTime = instant.get(..19)?.parse().ok()?;
    let ts = TimeZone::UTC.to_timestamp(utc).ok()?;
    let d = tz.to_datetime(ts).date();
    Some(format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()))
}

/// Registers `shoebox_local_day(instant, zone)` on a SQLite connection: NULL for a NULL or
/// unreadable instant or an unknown zone (the caller's COALESCE falls back to the UTC date).
pub fn register(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    use rusqlite::functions::FunctionFlags;
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    conn.create_scalar_function("shoebox_local_day", 2, flags, |ctx| {
        // The zone is the same text on every row of a statement: looked up once per statement.
        let tz = ctx.get_or_create_aux(1, |v| -> Result<Option<TimeZone>, rusqlite::Error> {
            Ok(v.as_str().ok().and_then(|n| TimeZone::get(n).ok()))
        })?;
        let instant = ctx.get_raw(0);
        Ok(match (instant.as_str().ok(), tz.as_ref()) {
            (Some(i), Some(tz)) => local_day(i, tz),
            _ => None,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_named_zone_uses_each_dates_own_offset() {
        let la = TimeZone::get("America/Los_Angeles").unwrap();
        assert_eq!(local_day("2024-07-15T07:30:00Z", &la).as_deref(), Some("2024-07-15"), "00:30 PDT");
        assert_eq!(local_day("2024-01-15T07:30:00.250Z", &la).as_deref(), Some("2024-01-14"), "23:30 PST");
        assert_eq!(local_day("not a time", &la), None);
        assert_eq!(Zone::parse("America/Los_Angeles").unwrap().bounds(), (-8 * 3600, -7 * 3600));
    }

    #[test]
    fn only_zone_names_and_offsets_are_accepted() {
        assert_eq!(Zone::parse("-480"), Ok(Zone::Offset(-480)));
        assert_eq!(Zone::parse("Europe/Berlin"), Ok(Zone::Named("Europe/Berlin".into())));
        assert_eq!(Zone::parse("europe/berlin"), Ok(Zone::Named("Europe/Berlin".into())), "as the database spells it");
        for bad in ["5000", "Mars/Olympus", "../../etc/passwd", "Europe/Berlin'--", "", "/etc/localtime"] {
            assert!(Zone::parse(bad).unwrap_err().contains("tz"), "{bad}");
        }
    }
}
