//! `Upload-Metadata` as data: decoded, checked, and turned into the media record's fields.
//! Nothing here ever becomes a file name; names with `/`, `..` or odd characters are kept as
//! text, and only what cannot be stored cleanly (bad base64, control characters, absurd sizes,
//! malformed digests) is refused with a 400 that says why.
use crate::http::error::ApiError;
use crate::timefmt::{rfc3339_from_ms, wall_clock_from_exif};
use shoebox_core::api::MediaItem;
use shoebox_core::facts::FileFacts;
use shoebox_core::hash::is_sha256_hex;
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

/// The media record of content `sha` from an upload's metadata and the facts read from its
/// head; `uploaded_ms` is when it was stored. Shared by `finish` and `integrity::reindex`.
pub fn media_item(m: &[(String, String)], sha: &str, length: u64, facts: &FileFacts, uploaded_ms: u64) -> MediaItem {
    let captured_at = facts
        .captured_at
        .as_deref()
        .and_then(wall_clock_from_exif)
        .or_else(|| non_empty(m, keys::LAST_MODIFIED).and_then(|v| v.parse::<i64>().ok()).map(rfc3339_from_ms));
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
        lat: facts.location.map(|g| g.lat),
        lon: facts.location.map(|g| g.lon),
        orientation: facts.orientation,
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
}
