//! CORS policy for pages on other origins (applied in `middleware.rs`) (contracts.md, protocols.md): the server's own origin plus
//! the --cors-origin list (or any, with `*`). Exposes what tus clients read, allows what they
//! send, and lets browsers cache a preflight so chunks do not each pay one.
//! Hand-written rather than tower-http's CorsLayer because that layer answers every OPTIONS as a
//! preflight, which would swallow tus discovery (OPTIONS with Tus-Version, Tus-Extension, ...).
use axum::http::{header::HOST, HeaderMap};
use std::sync::Arc;

pub const EXPOSE: &str = "Location, Upload-Offset, Upload-Length, Upload-Metadata, Upload-Expires, Upload-Duplicate, \
Upload-Concat, Upload-Defer-Length, Tus-Resumable, Tus-Version, Tus-Extension, Tus-Max-Size, Tus-Checksum-Algorithm, Shoebox-Error";
pub const ALLOW_HEADERS: &str = "Authorization, Content-Type, Tus-Resumable, Upload-Length, Upload-Metadata, Upload-Offset, \
Upload-Checksum, Upload-Defer-Length, Upload-Concat, Shoebox-Sha256, X-HTTP-Method-Override, X-Requested-With";
pub const ALLOW_METHODS: &str = "GET, HEAD, POST, PATCH, DELETE, OPTIONS";
/// Seconds. Chromium caps this at 2 hours; Firefox allows a day.
pub const MAX_AGE: &str = "7200";

#[derive(Clone, Debug, Default)]
pub struct CorsOrigins {
    any: bool,
    list: Vec<String>,
}

impl CorsOrigins {
    pub fn new(origins: &[String]) -> Arc<Self> {
        Arc::new(CorsOrigins { any: origins.iter().any(|o| o == "*"), list: origins.to_vec() })
    }
    pub fn allows(&self, origin: &str, headers: &HeaderMap) -> bool {
        self.any || self.list.iter().any(|o| o.eq_ignore_ascii_case(origin)) || same_origin(origin, headers)
    }
}

/// The page was served by this server: the origin's host:port is the request's Host.
fn same_origin(origin: &str, headers: &HeaderMap) -> bool {
    let host = headers.get(HOST).and_then(|h| h.to_str().ok()).unwrap_or_default();
    let o = origin.split_once("://").map(|(_, rest)| rest).unwrap_or(origin);
    !host.is_empty() && o.eq_ignore_ascii_case(host)
}
