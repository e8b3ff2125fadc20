//! CORS for pages on other origins (contracts.md, protocols.md): the server's own origin plus
//! the --cors-origin list (or any, with `*`). Exposes what tus clients read, allows what they
//! send, and lets browsers cache a preflight so chunks do not each pay one.
//! Hand-written rather than tower-http's CorsLayer because that layer answers every OPTIONS as a
//! preflight, which would swallow tus discovery (OPTIONS with Tus-Version, Tus-Extension, ...).
use axum::extract::{Request, State};
use axum::http::{header::*, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

pub const EXPOSE: &str = "Location, Upload-Offset, Upload-Length, Upload-Metadata, Upload-Expires, Upload-Duplicate, \
Upload-Concat, Upload-Defer-Length, Tus-Resumable, Tus-Version, Tus-Extension, Tus-Max-Size, Tus-Checksum-Algorithm";
pub const ALLOW_HEADERS: &str = "Authorization, Content-Type, Tus-Resumable, Upload-Length, Upload-Metadata, Upload-Offset, \
Upload-Checksum, Upload-Defer-Length, Upload-Concat, X-HTTP-Method-Override, X-Requested-With";
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
    fn allows(&self, origin: &str, headers: &HeaderMap) -> bool {
        self.any || self.list.iter().any(|o| o.eq_ignore_ascii_case(origin)) || same_origin(origin, headers)
    }
}

/// The page was served by this server: the origin's host:port is the request's Host.
fn same_origin(origin: &str, headers: &HeaderMap) -> bool {
    let host = headers.get(HOST).and_then(|h| h.to_str().ok()).unwrap_or_default();
    let o = origin.split_once("://").map(|(_, rest)| rest).unwrap_or(origin);
    !host.is_empty() && o.eq_ignore_ascii_case(host)
}

pub async fn cors(State(origins): State<Arc<CorsOrigins>>, req: Request, next: Next) -> Response {
    let origin = req.headers().get(ORIGIN).and_then(|o| o.to_str().ok()).map(str::to_string);
    let allowed = origin.filter(|o| origins.allows(o, req.headers()));
    let preflight =
        req.method() == Method::OPTIONS && req.headers().contains_key(ORIGIN) && req.headers().contains_key(ACCESS_CONTROL_REQUEST_METHOD);
    let mut res = if preflight { StatusCode::NO_CONTENT.into_response() } else { next.run(req).await };
    let h = res.headers_mut();
    h.append(VARY, HeaderValue::from_static("Origin"));
    if let Some(o) = allowed.and_then(|o| HeaderValue::from_str(&o).ok()) {
        h.insert(ACCESS_CONTROL_ALLOW_ORIGIN, o);
        if preflight {
            h.insert(ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static(ALLOW_METHODS));
            h.insert(ACCESS_CONTROL_ALLOW_HEADERS, HeaderValue::from_static(ALLOW_HEADERS));
            h.insert(ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static(MAX_AGE));
        } else {
            h.insert(ACCESS_CONTROL_EXPOSE_HEADERS, HeaderValue::from_static(EXPOSE));
        }
    }
    res
}
