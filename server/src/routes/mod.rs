//! HTTP routes, one handler per file, and the header helpers they share.
pub mod app_files;
pub mod check;
pub mod config;
pub mod create;
pub mod delete;
pub mod devices;
pub mod head;
pub mod kiosk;
pub mod media_get;
pub mod media_list;
pub mod method_override;
pub mod metrics;
pub mod options;
pub mod patch;

use crate::error::ApiError;
use axum::http::{HeaderMap, HeaderValue};

/// The tus endpoint's path; Location headers are relative to the server root.
pub const FILES: &str = "/files/";

/// A header as text, if present and printable.
pub fn header<'a>(h: &'a HeaderMap, name: &str) -> Option<&'a str> {
    h.get(name).and_then(|v| v.to_str().ok()).map(str::trim)
}

/// A non-negative integer header; malformed values are a 400 naming the header.
pub fn header_u64(h: &HeaderMap, name: &str) -> Result<Option<u64>, ApiError> {
    match header(h, name) {
        None => Ok(None),
        Some(v) => v.parse::<u64>().map(Some).map_err(|_| ApiError::bad(format!("{name} must be a non-negative integer"))),
    }
}

pub fn hv(s: impl AsRef<str>) -> HeaderValue {
    HeaderValue::from_str(s.as_ref()).unwrap_or_else(|_| HeaderValue::from_static(""))
}
