//! Range requests for the bytes the blob URLs serve (blob.rs, blob_motion.rs): one
//! `Range: bytes=` header parsed against a body's length, and the 200, 206 or 416 it makes.
use crate::http::error::ApiError;
use axum::body::Body;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

/// A 200 with the whole body, or a 206 with the one range asked for, or a 416.
pub(crate) fn ranged(
    range: Option<&str>,
    len: u64,
    ctype: &str,
    body: impl FnOnce(u64, u64) -> Result<Body, ApiError>,
) -> Result<Response, ApiError> {
    let (status, start, n) = match range.map(|r| parse_range(r, len)) {
        Some(RangeAsk::Satisfiable(a, b)) => (StatusCode::PARTIAL_CONTENT, a, b - a + 1),
        Some(RangeAsk::Unsatisfiable) => {
            return Ok((StatusCode::RANGE_NOT_SATISFIABLE, [(header::CONTENT_RANGE, format!("bytes */{len}"))]).into_response());
        }
        Some(RangeAsk::Ignore) | None => (StatusCode::OK, 0, len),
    };
    let mut res =
        (status, [(header::CONTENT_TYPE, ctype.to_string()), (header::CONTENT_LENGTH, n.to_string())], body(start, n)?).into_response();
    if status == StatusCode::PARTIAL_CONTENT {
        res.headers_mut().insert(header::CONTENT_RANGE, super::hv(format!("bytes {start}-{}/{len}", start + n - 1)));
    }
    Ok(res)
}

#[derive(Debug, PartialEq, Eq)]
pub enum RangeAsk {
    /// First and last byte, inclusive.
    Satisfiable(u64, u64),
    Unsatisfiable,
    /// Malformed, not bytes, or several ranges: answered with the whole body (RFC 9110 allows it).
    Ignore,
}

/// One `Range: bytes=` header against a body of `len` bytes.
pub fn parse_range(h: &str, len: u64) -> RangeAsk {
    let Some(spec) = h.trim().strip_prefix("bytes=") else { return RangeAsk::Ignore };
    if spec.contains(',') {
        return RangeAsk::Ignore;
    }
    let Some((a, b)) = spec.trim().split_once('-') else { return RangeAsk::Ignore };
    let (a, b) = (a.trim(), b.trim());
    let parse = |s: &str| s.parse::<u64>().ok();
    let (start, end) = match (a.is_empty(), b.is_empty()) {
        // "-n": the last n bytes.
        (true, false) => match parse(b) {
            Some(0) => return RangeAsk::Unsatisfiable,
            Some(n) => (len.saturating_sub(n), len.saturating_sub(1)),
            None => return RangeAsk::Ignore,
        },
        (false, true) => match parse(a) {
            Some(s) => (s, len.saturating_sub(1)),
            None => return RangeAsk::Ignore,
        },
        (false, false) => match (parse(a), parse(b)) {
            (Some(s), Some(e)) if s <= e => (s, e.min(len.saturating_sub(1))),
            _ => return RangeAsk::Ignore,
        },
        (true, true) => return RangeAsk::Ignore,
    };
    if len == 0 || start >= len {
        return RangeAsk::Unsatisfiable;
    }
    RangeAsk::Satisfiable(start, end)
}
