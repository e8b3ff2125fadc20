//! `Upload-Metadata` as data: decoded, checked, and turned into the media record's fields.
//! Nothing here ever becomes a file name; names with `/`, `..` or odd characters are kept as
//! text, and only what cannot be stored cleanly (bad base64, control characters, absurd sizes,
//! malformed digests) is refused with a 400 that says why.
use crate::http::error::ApiError;
use crate::timefmt::{rfc3339_from_ms, wall_clock_from_exif};
use shoebox_core::api::MediaItem;
use shoebox_core::facts::FileFacts;
use shoebox_core::hash::is_sha256_hex;
use shoebox_core::takeout;
use shoebox_core::tus::{decode_metadata, keys};

/// Generous: relativePath of deep trees still fits, a header meant as an attack does not.
pub const MAX_METADATA_BYTES: usize = 16 * 1024;
pub const MAX_NAME_BYTES: usize = 4096;

pub fn parse(header: Option<&str>) -> Result<Vec<(String, String)>, ApiError> {
    let Some(h) = header else { return Ok(Vec::new()) };
    if h.len() > MAX_METADATA_BYTES {
        return Err(ApiError::bad(format!("Upload-Metadata is longer than {MAX_METADATA_BYTES} bytes")));
    }
    let pairs = decode_metadata(h).map_err(|e| ApiError::bad(format!("Upload-Metadata: {}", e.0)))?;
    for (k, v) in &pairs {
        match k.as_str() {
            keys::SHA256 | keys::SOURCE_SHA256 if !v.is_empty() && !is_sha256_hex(v) => {
                return Err(ApiError::bad(format!("metadata {k} must be 64 lower-case hex characters")));
            }
            keys::FILENAME | keys::RELATIVE_PATH | keys::ALBUM | keys::FILETYPE => {
                if v.len() > MAX_NAME_BYTES {
                    return Err(ApiError::bad(format!("metadata {k} is longer than {MAX_NAME_BYTES} bytes")));
                }
                if v.chars().any(char::is_control) {
                    return Err(ApiError::bad(format!("metadata {k} contains control characters (such as NUL)")));
                }
            }
            keys::LAST_MODIFIED if !v.is_empty() && v.parse::<i64>().is_err() => {
                return Err(ApiError::bad("metadata lastModified must be milliseconds since the epoch"));
            }
            _ => {}
        }
    }
    takeout::meta::validate(&pairs).map_err(|(k, e)| ApiError::bad(format!("metadata {k} {}", e.describe())))?;
    Ok(pairs)
}

fn get<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

/// A key's value, with an empty value counting as absent.
pub fn non_empty<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    get(pairs, key).filter(|v| !v.is_empty())
}

/// contracts.md: `album` when given (empty = none); else the first folder of relativePath
/// (none for a loose file).
pub fn album(pairs: &[(String, String)]) -> Option<String> {
    if let Some(a) = get(pairs, keys::ALBUM) {
        return (!a.is_empty()).then(|| a.to_string());
    }
    let rel = get(pairs, keys::RELATIVE_PATH)?;
    let (first, _) = rel.split_once('/')?;
    (!first.is_empty()).then(|| first.to_string())
}

/// The albums an upload's records go in: every name of `albums` (an export's albums) and an
/// explicit `album`; without `albums`, [`album`]'s rule. Empty: one record in no album.
pub fn albums(pairs: &[(String, String)]) -> Vec<Option<String>> {
    let Some(list) = non_empty(pairs, keys::ALBUMS).and_then(|v| takeout::meta::parse_albums(v).ok()) else {
        return vec![album(pairs)];
    };
    let mut out: Vec<Option<String>> = Vec::new();
    for a in list.into_iter().chain(non_empty(pairs, keys::ALBUM).map(str::to_string)) {
        if !out.contains(&Some(a.clone())) {
            out.push(Some(a));
        }
    }
    if out.is_empty() {
        out.push(None);
    }
    out
}

/// When the item was taken: `takenAt` (a Takeout sidecar's instant) against the EXIF date by
/// the date rule; else the EXIF date; else the file's lastModified.
fn captured_at(m: &[(String, String)], facts: &FileFacts) -> Option<String> {
    if let Some(taken) = takeout::meta::taken_at(m) {
        let exif = facts.captured_at.as_deref().filter(|e| wall_clock_from_exif(e).is_some());
        return takeout::date::choose(exif, Some(taken)).and_then(|d| d.captured_at());
    }
    facts
        .captured_at
        .as_deref()
        .and_then(wall_clock_from_exif)
        .or_else(|| non_empty(m, keys::LAST_MODIFIED).and_then(|v| v.parse::<i64>().ok()).map(rfc3339_from_ms))
}

/// The media records of content `sha` from an upload's metadata and the facts read from its
/// head, one per album ([`albums`]); `uploaded_ms` is when it was stored. Shared by `finish`
/// and `integrity::reindex`.
pub fn media_items(m: &[(String, String)], sha: &str, length: u64, facts: &FileFacts, uploaded_ms: u64) -> Vec<MediaItem> {
    let item = media_item(m, sha, length, facts, uploaded_ms);
    albums(m).into_iter().map(|album| MediaItem { album, ..item.clone() }).collect()
}

/// The record of [`media_items`] before its album is set.
fn media_item(m: &[(String, String)], sha: &str, length: u64, facts: &FileFacts, uploaded_ms: u64) -> MediaItem {
    let captured_at = captured_at(m, facts);
    // The sidecar's place (Google's, possibly corrected there) over the file's own.
    let place = takeout::meta::place(m).or(facts.location.map(|g| (g.lat, g.lon)));
    let filetype = non_empty(m, keys::FILETYPE)
        .map(str::to_string)
        .or_else(|| (facts.format != shoebox_core::facts::Format::Unknown).then(|| facts.format.mime().to_string()));
    MediaItem {
        sha256: sha.to_string(),
        source_sha256: non_empty(m, keys::SOURCE_SHA256).map(str::to_string),
        filename: non_empty(m, keys::FILENAME).map(str::to_string),
        relative_path: non_empty(m, keys::RELATIVE_PATH).map(str::to_string),
        album: album(m),
        size: length,
        filetype,
        width: facts.width,
        height: facts.height,
        captured_at,
        uploaded_at: rfc3339_from_ms(uploaded_ms as i64),
        camera: facts.camera.clone(),
        lat: place.map(|p| p.0),
        lon: place.map(|p| p.1),
        orientation: facts.orientation,
        description: non_empty(m, keys::DESCRIPTION).map(str::to_string),
        favorited: takeout::meta::marked(m, keys::FAVORITED),
        archived: takeout::meta::marked(m, keys::ARCHIVED),
        ..MediaItem::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    fn p(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }
    #[test]
    fn album_rules() {
        assert_eq!(album(&p(&[("relativePath", "Holiday 2024/Day 1/IMG_0001.jpg")])).as_deref(), Some("Holiday 2024"));
        assert_eq!(album(&p(&[("relativePath", "IMG_0001.jpg")])), None);
        assert_eq!(album(&p(&[("relativePath", "A/b.jpg"), ("album", "")])), None);
        assert_eq!(album(&p(&[("relativePath", "A/b.jpg"), ("album", "Best")])).as_deref(), Some("Best"));
        assert_eq!(album(&p(&[])), None);
    }
    #[test]
    fn albums_rules() {
        assert_eq!(albums(&p(&[("relativePath", "A/b.jpg")])), [Some("A".to_string())]);
        let two = p(&[("relativePath", "Takeout/b.jpg"), ("albums", r#"["Summer","Family","Summer"]"#), ("album", "Best")]);
        assert_eq!(albums(&two), [Some("Summer".into()), Some("Family".into()), Some("Best".into())]);
        assert_eq!(albums(&p(&[("relativePath", "Takeout/b.jpg"), ("albums", "[]")])), [None]);
    }
}
