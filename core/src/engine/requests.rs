//! Every HTTP request the engine sends is built here, from the settings and a file's state:
//! the handshake (config, OPTIONS), the dedup check, and the tus requests (create, HEAD,
//! PATCH, DELETE) with their headers and `Upload-Metadata`.
use super::album_names::album_value;
use super::file::FileState;
use super::http::*;
use super::protocol::base_headers;
use super::types::*;
use crate::api::{CheckRequest, Probe, CHECK_PATH, CONFIG_PATH};
use crate::tus::{self, keys};

/// `GET {api}/api/v1/config`.
pub(crate) fn config(s: &EngineSettings) -> HttpRequest {
    HttpRequest {
        method: Method::Get,
        url: format!("{}{}", s.api_base(), CONFIG_PATH),
        headers: base_headers(&s.token, false),
        body: Body::Empty,
    }
}

/// `OPTIONS {endpoint}`: the tus capabilities.
pub(crate) fn options(s: &EngineSettings) -> HttpRequest {
    HttpRequest { method: Method::Options, url: s.endpoint.clone(), headers: base_headers(&s.token, false), body: Body::Empty }
}

/// `POST {api}/api/v1/media/check` for these digests.
pub(crate) fn check(s: &EngineSettings, digests: Vec<String>, probes: Vec<Probe>) -> HttpRequest {
    let mut headers = base_headers(&s.token, false);
    headers.push(("Content-Type".into(), "application/json".into()));
    let body = serde_json::to_string(&CheckRequest { sha256: digests, probes }).unwrap_or_default();
    HttpRequest { method: Method::Post, url: format!("{}{}", s.api_base(), CHECK_PATH), headers, body: Body::Json(body) }
}

/// The creation POST; with `with_body` the whole file rides along (creation-with-upload).
pub(crate) fn create(s: &EngineSettings, id: FileId, f: &FileState, with_body: bool) -> HttpRequest {
    let size = f.upload_size();
    let mut headers = base_headers(&s.token, true);
    headers.push((tus::H_UPLOAD_LENGTH.into(), size.to_string()));
    headers.push((tus::H_UPLOAD_METADATA.into(), metadata(s, f)));
    let body = if with_body {
        headers.push(("Content-Type".into(), tus::OFFSET_CONTENT_TYPE.into()));
        Body::Slice { file: id, source: source(f), start: 0, end: size, checksum: None }
    } else {
        Body::Empty
    };
    HttpRequest { method: Method::Post, url: s.endpoint.clone(), headers, body }
}

/// `HEAD {upload}`: where the server's offset is.
pub(crate) fn head(s: &EngineSettings, url: &str) -> HttpRequest {
    HttpRequest { method: Method::Head, url: url.into(), headers: base_headers(&s.token, true), body: Body::Empty }
}

/// One chunk, `start..end`, with a checksum of that algorithm when given, and the whole
/// file's SHA-256 (`Shoebox-Sha256`) when `declare` says so.
pub(crate) fn patch(
    s: &EngineSettings,
    id: FileId,
    f: &FileState,
    range: (u64, u64),
    checksum: Option<ChecksumAlgo>,
    declare: bool,
) -> HttpRequest {
    let (start, end) = range;
    let mut headers = base_headers(&s.token, true);
    headers.push((tus::H_UPLOAD_OFFSET.into(), start.to_string()));
    if let Some(sha) = f.upload_sha().filter(|_| declare) {
        headers.push((tus::H_SHOEBOX_SHA256.into(), sha.to_string()));
    }
    headers.push(("Content-Type".into(), tus::OFFSET_CONTENT_TYPE.into()));
    let body = Body::Slice { file: id, source: source(f), start, end, checksum };
    HttpRequest { method: Method::Patch, url: f.up.url.clone().unwrap_or_default(), headers, body }
}

/// `DELETE {upload}` (termination).
pub(crate) fn delete(s: &EngineSettings, url: String) -> HttpRequest {
    HttpRequest { method: Method::Delete, url, headers: base_headers(&s.token, true), body: Body::Empty }
}

fn source(f: &FileState) -> Source {
    if f.prepared.is_some() {
        Source::Prepared
    } else {
        Source::Original
    }
}

/// `Upload-Metadata` for a file (contracts.md keys).
fn metadata(s: &EngineSettings, f: &FileState) -> String {
    let mime = f
        .prepared
        .as_ref()
        .and_then(|p| p.mime.clone())
        .or_else(|| (!f.entry.mime.is_empty()).then(|| f.entry.mime.clone()))
        .unwrap_or_else(|| f.facts.as_ref().map(|x| x.format.mime()).unwrap_or("application/octet-stream").to_string());
    let last_modified = f.entry.last_modified.to_string();
    let mut pairs: Vec<(&str, Option<&str>)> = vec![
        (keys::FILENAME, Some(&f.entry.name)),
        (keys::FILETYPE, Some(&mime)),
        (keys::RELATIVE_PATH, Some(&f.entry.relative_path)),
        (keys::LAST_MODIFIED, Some(&last_modified)),
    ];
    if let Some(sha) = f.upload_sha() {
        pairs.push((keys::SHA256, Some(sha)));
    }
    if f.prepared.is_some() {
        if let Some(sha) = &f.sha256 {
            pairs.push((keys::SOURCE_SHA256, Some(sha)));
        }
    }
    // A Takeout item carries its sidecar's facts and its export albums (`albums`, "[]" when
    // in none: the export's own folders are not albums); a file's own album (a kiosk's
    // drop) stays the only one.
    let takeout = f.takeout.as_ref().map(|m| m.pairs(s.strip_location).0).unwrap_or_default();
    let own_album = f.entry.album.is_some();
    pairs.extend(takeout.iter().filter(|(k, _)| !(own_album && *k == keys::ALBUMS)).map(|(k, v)| (*k, Some(v.as_str()))));
    if let Some(a) = &f.entry.album {
        pairs.push((keys::ALBUM, Some(a)));
        return tus::encode_metadata(pairs);
    }
    // An export's folders are not albums: its items keep the export's `albums`, plus a named one.
    let album = match &s.album {
        AlbumMode::EachFolder if f.takeout.is_some() => None,
        mode => album_value(mode, &f.entry.relative_path),
    };
    if let Some(a) = &album {
        pairs.push((keys::ALBUM, (!a.is_empty()).then_some(a.as_str())));
    }
    tus::encode_metadata(pairs)
}
