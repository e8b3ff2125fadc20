//! The upload metadata a Takeout item carries (`takenAt`, `lat`, `lon`, `description`,
//! `albums`, `favorited`, `archived`), and the one check of their values that the app (a bad sidecar value is dropped
//! and noted, the item still uploads) and the server (a bad value is a 400 naming the key)
//! share. Everything fits the server's 16 KiB `Upload-Metadata` limit with room for the
//! ordinary keys: a long description is cut, extra albums dropped, and both are said.
use super::time::{parse_rfc3339, rfc3339};
use crate::tus::keys;

/// A description's longest form, in bytes (cut on a character boundary beyond it).
pub const MAX_DESCRIPTION_BYTES: usize = 3072;
/// One album name's longest form, in bytes (as `album`'s).
pub const MAX_ALBUM_BYTES: usize = 1024;
/// The `albums` list's longest JSON form, in bytes.
pub const MAX_ALBUMS_BYTES: usize = 3072;

/// Why a value of one of these keys was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BadValue {
    /// `takenAt` is not an RFC 3339 instant with its zone.
    NotAnInstant,
    /// `lat`/`lon` is not a decimal number.
    NotANumber,
    /// `lat` beyond ±90 or `lon` beyond ±180.
    OutOfRange,
    /// Only one of `lat` and `lon`.
    Unpaired,
    TooLong,
    ControlCharacters,
    /// `albums` is not a JSON list of non-empty names.
    NotAList,
    /// `favorited`/`archived` is not `true` or `false`.
    NotABoolean,
}

impl BadValue {
    /// The server's words for a 400 (API text, not the app's).
    pub fn describe(self) -> &'static str {
        match self {
            BadValue::NotAnInstant => "must be an RFC 3339 instant with a time zone",
            BadValue::NotANumber => "must be a decimal number",
            BadValue::OutOfRange => "is out of range (latitude within ±90, longitude within ±180)",
            BadValue::Unpaired => "needs both lat and lon",
            BadValue::TooLong => "is too long",
            BadValue::ControlCharacters => "contains control characters",
            BadValue::NotAList => "must be a JSON list of non-empty album names",
            BadValue::NotABoolean => "must be true or false",
        }
    }
}

fn coordinate(v: &str, limit: f64) -> Result<f64, BadValue> {
    let ok = !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.')) && v.len() <= 32;
    let f: f64 = v.parse().ok().filter(|f: &f64| ok && f.is_finite()).ok_or(BadValue::NotANumber)?;
    if f.abs() > limit {
        return Err(BadValue::OutOfRange);
    }
    Ok(f)
}

fn controls(v: &str, allow_lines: bool) -> Result<(), BadValue> {
    match v.chars().any(|c| c.is_control() && !(allow_lines && matches!(c, '\n' | '\t'))) {
        true => Err(BadValue::ControlCharacters),
        false => Ok(()),
    }
}

/// The album names of an `albums` value.
pub fn parse_albums(v: &str) -> Result<Vec<String>, BadValue> {
    if v.len() > MAX_ALBUMS_BYTES {
        return Err(BadValue::TooLong);
    }
    let names: Vec<String> = serde_json::from_str(v).map_err(|_| BadValue::NotAList)?;
    for n in &names {
        if n.trim().is_empty() {
            return Err(BadValue::NotAList);
        }
        if n.len() > MAX_ALBUM_BYTES {
            return Err(BadValue::TooLong);
        }
        controls(n, false)?;
    }
    Ok(names)
}

/// Checks one value of a Takeout key (`Ok` for any other key, and for an empty value, which
/// counts as absent).
pub fn check_value(key: &str, v: &str) -> Result<(), BadValue> {
    if v.is_empty() {
        return Ok(());
    }
    match key {
        keys::TAKEN_AT => parse_rfc3339(v).map(|_| ()).ok_or(BadValue::NotAnInstant),
        keys::LAT => coordinate(v, 90.0).map(|_| ()),
        keys::LON => coordinate(v, 180.0).map(|_| ()),
        keys::DESCRIPTION if v.len() > MAX_DESCRIPTION_BYTES => Err(BadValue::TooLong),
        keys::DESCRIPTION => controls(v, true),
        keys::ALBUMS => parse_albums(v).map(|_| ()),
        keys::FAVORITED | keys::ARCHIVED => mark(v).map(|_| ()),
        _ => Ok(()),
    }
}

/// Checks every Takeout key of an upload's metadata: the first bad one, with its key.
pub fn validate(pairs: &[(String, String)]) -> Result<(), (&'static str, BadValue)> {
    let get = |k: &str| pairs.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str()).filter(|v| !v.is_empty());
    for key in [keys::TAKEN_AT, keys::LAT, keys::LON, keys::DESCRIPTION, keys::ALBUMS, keys::FAVORITED, keys::ARCHIVED] {
        for (_, v) in pairs.iter().filter(|(k, _)| k == key) {
            check_value(key, v).map_err(|e| (key, e))?;
        }
    }
    match (get(keys::LAT), get(keys::LON)) {
        (Some(_), None) => Err((keys::LON, BadValue::Unpaired)),
        (None, Some(_)) => Err((keys::LAT, BadValue::Unpaired)),
        _ => Ok(()),
    }
}

/// The position an upload's metadata gives, when both halves are there and valid.
pub fn place(pairs: &[(String, String)]) -> Option<(f64, f64)> {
    let get = |k: &str, limit| pairs.iter().find(|(key, _)| key == k).and_then(|(_, v)| coordinate(v, limit).ok());
    Some((get(keys::LAT, 90.0)?, get(keys::LON, 180.0)?))
}

/// A `favorited`/`archived` value.
pub fn mark(v: &str) -> Result<bool, BadValue> {
    match v {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(BadValue::NotABoolean),
    }
}

/// Whether the metadata sets this mark (`favorited` or `archived`) to `true`.
pub fn marked(pairs: &[(String, String)], key: &str) -> bool {
    pairs.iter().any(|(k, v)| k == key && v == "true")
}

/// The instant `takenAt` gives, in seconds.
pub fn taken_at(pairs: &[(String, String)]) -> Option<i64> {
    pairs.iter().find(|(k, _)| k == keys::TAKEN_AT).and_then(|(_, v)| parse_rfc3339(v))
}

/// What the app had to leave out of an item's metadata.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MetaNote {
    /// The description was longer than the limit and was cut.
    DescriptionCut,
    /// Some album names did not fit and were left out.
    AlbumsDropped,
    /// The place was left out ("strip location").
    PlaceStripped,
}

/// What a Takeout item's upload carries.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ItemMeta {
    pub taken_at: Option<i64>,
    pub place: Option<(f64, f64)>,
    pub description: Option<String>,
    pub albums: Vec<String>,
    pub favorited: bool,
    pub archived: bool,
}

impl ItemMeta {
    /// The metadata pairs, each value passing [`check_value`], and what was cut to get there.
    pub fn pairs(&self, strip_location: bool) -> (Vec<(&'static str, String)>, Vec<MetaNote>) {
        let (mut out, mut notes) = (Vec::new(), Vec::new());
        if let Some(t) = self.taken_at {
            out.push((keys::TAKEN_AT, rfc3339(t)));
        }
        match self.place {
            Some(_) if strip_location => notes.push(MetaNote::PlaceStripped),
            Some((lat, lon)) if lat.abs() <= 90.0 && lon.abs() <= 180.0 => {
                out.push((keys::LAT, format!("{lat:.7}")));
                out.push((keys::LON, format!("{lon:.7}")));
            }
            _ => {}
        }
        if let Some(d) = self.description.as_deref() {
            let clean: String = d.chars().filter(|c| !c.is_control() || matches!(c, '\n' | '\t')).collect();
            let mut end = clean.len().min(MAX_DESCRIPTION_BYTES);
            while !clean.is_char_boundary(end) {
                end -= 1;
            }
            if end < clean.len() {
                notes.push(MetaNote::DescriptionCut);
            }
            if end > 0 {
                out.push((keys::DESCRIPTION, clean[..end].to_string()));
            }
        }
        let mut names: Vec<String> = Vec::new();
        for a in &self.albums {
            let a: String = a.chars().filter(|c| !c.is_control()).collect();
            let a = a.trim();
            let mut trial = names.clone();
            trial.push(a.to_string());
            let fits =
                !a.is_empty() && a.len() <= MAX_ALBUM_BYTES && serde_json::to_string(&trial).is_ok_and(|j| j.len() <= MAX_ALBUMS_BYTES);
            if fits {
                names = trial;
            } else if !notes.contains(&MetaNote::AlbumsDropped) {
                notes.push(MetaNote::AlbumsDropped);
            }
        }
        // Only when set: an item that is neither is the common case and costs no header bytes.
        for (key, on) in [(keys::FAVORITED, self.favorited), (keys::ARCHIVED, self.archived)] {
            if on {
                out.push((key, "true".to_string()));
            }
        }
        // Always said, "[]" included: an export's item is in no album by its folder's name.
        out.push((keys::ALBUMS, serde_json::to_string(&names).unwrap_or_default()));
        (out, notes)
    }
}
