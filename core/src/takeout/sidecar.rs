//! A Takeout sidecar's content (`IMG_1.jpg.supplemental-metadata.json` and its older and cut
//! forms) and an album's `metadata.json`, read from JSON into what the library keeps. Exports
//! write numbers as strings (`"timestamp": "1600596727"`), so both are read. A value of the
//! wrong type is dropped and noted, the rest still read; text that is not a JSON object is a
//! fault of its own. Nothing here panics on any input.
use serde_json::Value;

/// Why a sidecar, or one of its values, was not used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SidecarFault {
    /// Not JSON at all (or not UTF-8).
    NotJson,
    /// JSON, but not an object.
    NotObject,
    /// `photoTakenTime` is there but holds no usable instant.
    BadTakenTime,
    /// `geoData`/`geoDataExif` hold something other than a position on Earth.
    BadPlace,
    /// `description` is not text.
    BadDescription,
    /// `favorited` or `archived` is not true or false.
    BadMark,
    /// An album's `metadata.json` has no usable `title`.
    BadTitle,
}

/// What a sidecar says about its item.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sidecar {
    /// `photoTakenTime.timestamp`, seconds since the epoch.
    pub taken_at: Option<i64>,
    /// (latitude, longitude) from `geoData`, or `geoDataExif` when `geoData` is 0, 0.
    pub place: Option<(f64, f64)>,
    pub description: Option<String>,
    pub favorited: bool,
    pub archived: bool,
    /// Values that were there but unusable (the rest was still read).
    pub faults: Vec<SidecarFault>,
}

fn object(bytes: &[u8]) -> Result<serde_json::Map<String, Value>, SidecarFault> {
    let text = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    match serde_json::from_slice::<Value>(text) {
        Err(_) => Err(SidecarFault::NotJson),
        Ok(Value::Object(m)) => Ok(m),
        Ok(_) => Err(SidecarFault::NotObject),
    }
}

/// A number, or a string holding one.
fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse::<f64>().ok(),
        _ => None,
    }
    .filter(|f| f.is_finite())
}

/// Seconds within the years 1..=9999 (what RFC 3339 can write).
const MIN_SECS: i64 = -62_135_596_800;
const MAX_SECS: i64 = 253_402_300_799;

fn taken_at(v: &Value) -> Result<Option<i64>, SidecarFault> {
    let Some(ts) = v.get("timestamp") else { return Err(SidecarFault::BadTakenTime) };
    let secs = number(ts).ok_or(SidecarFault::BadTakenTime)?;
    if secs.fract() != 0.0 || !(MIN_SECS as f64..=MAX_SECS as f64).contains(&secs) {
        return Err(SidecarFault::BadTakenTime);
    }
    Ok(Some(secs as i64))
}

/// `Ok(None)` for 0, 0 (Google's "no position").
fn place(v: &Value) -> Result<Option<(f64, f64)>, SidecarFault> {
    let (Some(lat), Some(lon)) = (v.get("latitude").and_then(number), v.get("longitude").and_then(number)) else {
        return Err(SidecarFault::BadPlace);
    };
    if lat == 0.0 && lon == 0.0 {
        return Ok(None);
    }
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return Err(SidecarFault::BadPlace);
    }
    Ok(Some((lat, lon)))
}

fn mark(m: &serde_json::Map<String, Value>, key: &str, faults: &mut Vec<SidecarFault>) -> bool {
    match m.get(key) {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => {
            faults.push(SidecarFault::BadMark);
            false
        }
    }
}

/// Reads an item's sidecar.
pub fn parse_sidecar(bytes: &[u8]) -> Result<Sidecar, SidecarFault> {
    let m = object(bytes)?;
    let mut s = Sidecar::default();
    if let Some(v) = m.get("photoTakenTime") {
        match taken_at(v) {
            Ok(t) => s.taken_at = t,
            Err(f) => s.faults.push(f),
        }
    }
    let mut places = ["geoData", "geoDataExif"].into_iter().filter_map(|k| m.get(k)).map(place);
    for p in places.by_ref() {
        match p {
            Ok(Some(p)) => {
                s.place = Some(p);
                break;
            }
            Ok(None) => {}
            Err(f) => {
                if !s.faults.contains(&f) {
                    s.faults.push(f);
                }
            }
        }
    }
    match m.get("description") {
        None | Some(Value::Null) => {}
        Some(Value::String(d)) => s.description = Some(d.trim().to_string()).filter(|d| !d.is_empty()),
        Some(_) => s.faults.push(SidecarFault::BadDescription),
    }
    s.favorited = mark(&m, "favorited", &mut s.faults);
    s.archived = mark(&m, "archived", &mut s.faults);
    Ok(s)
}

/// An album folder's `metadata.json`: its `title`.
pub fn parse_album_title(bytes: &[u8]) -> Result<String, SidecarFault> {
    match object(bytes)?.get("title") {
        Some(Value::String(t)) if !t.trim().is_empty() => Ok(t.trim().to_string()),
        _ => Err(SidecarFault::BadTitle),
    }
}

/// The keys the readers above use: all that is kept of a sidecar or album description that
/// waits for a later batch (`engine::takeout_carry`).
const KEPT_KEYS: [&str; 7] = ["title", "description", "photoTakenTime", "geoData", "geoDataExif", "favorited", "archived"];

/// What of a sidecar or album description is kept for a later batch: the keys read above and
/// nothing else an export holds (people, links, devices, views). Text that is not a JSON object
/// is kept as it is, so a later batch reports it the same way.
pub fn kept_text(bytes: &[u8]) -> String {
    match object(bytes) {
        Ok(m) => Value::Object(m.into_iter().filter(|(k, _)| KEPT_KEYS.contains(&k.as_str())).collect()).to_string(),
        Err(_) => String::from_utf8_lossy(bytes).into_owned(),
    }
}
