//! Every middleware in one place, outermost first as `app()` layers them: CORS, request
//! counting, the bearer-token check, and the tus protocol version check on `/files/`.
use crate::accounts::auth::{Access, User};
use crate::http::cors::{CorsOrigins, ALLOW_HEADERS, ALLOW_METHODS, EXPOSE, MAX_AGE};
use crate::http::error::ApiError;
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::http::{header::*, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use shoebox_core::tus::{H_TUS_RESUMABLE, TUS_VERSION};
use std::sync::Arc;

/// CORS: answers preflights itself (never a tus OPTIONS), and adds the allow/expose headers
/// for allowed origins.
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

/// Middleware: counts every answered request. A POST with X-HTTP-Method-Override counts as the
/// method it stands for, so PATCH counts are right for clients that tunnel it.
pub async fn count_requests(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let method = effective_method(&req).to_string();
    let res = next.run(req).await;
    state.metrics.count_request(&method, res.status().as_u16());
    res
}

/// Middleware: 401 unless the bearer token is known; sets `User` (whose account) and `Access`
/// (what the token may do). OPTIONS passes (CORS preflights carry no credentials, and tus
/// discovery reveals nothing private). A kiosk key reaches only the visitor-session endpoint,
/// and a visitor only uploads, its drop and its own session: anything else answers 404, as
/// something that does not exist would.
pub async fn require_token(State(state): State<AppState>, mut req: Request, next: Next) -> Result<Response, ApiError> {
    if req.method() == Method::OPTIONS {
        return Ok(next.run(req).await);
    }
    let token = bearer(req.headers()).ok_or(ApiError::Unauthorized)?.to_string();
    let (user, access) = access_for(&state, &token).await?;
    if !matches!(access, Access::Full) && library_path(req.uri().path()) {
        return Err(ApiError::Forbidden("the library needs a signed-in device's full-access token".into()));
    }
    // A finishing visit may only go on sending bytes of uploads already started: to anything
    // else its token is as good as ended.
    if matches!(access, Access::Visitor { finishing: true, .. }) && !finishing_allowed(&effective_method(&req), req.uri().path()) {
        return Err(ApiError::Unauthorized);
    }
    if !allowed(&access, req.method(), req.uri().path()) {
        return Err(ApiError::NotFound);
    }
    req.extensions_mut().insert(User(user));
    req.extensions_mut().insert(access);
    Ok(next.run(req).await)
}

/// The token of an `Authorization: Bearer TOKEN` header.
pub fn bearer(h: &HeaderMap) -> Option<&str> {
    h.get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
        .map(str::trim)
}

/// Whose account a token acts in and what it may do; 401 for a token nobody knows (wrong,
/// revoked or expired alike, so an answer tells nothing about which).
pub async fn access_for(state: &AppState, token: &str) -> Result<(String, Access), ApiError> {
    // The configured tokens first: they need no database, and win over any device anyway.
    if let Some(u) = state.tokens.user(token) {
        return Ok((u.to_string(), Access::Full));
    }
    let token = token.to_string();
    let (accounts, t) = (state.accounts.clone(), token.clone());
    let device = tokio::task::spawn_blocking(move || accounts.device_for(&t, crate::timefmt::now_ms())).await??;
    Ok(if let Some(d) = device {
        let access = match d.scope {
            crate::accounts::DeviceScope::Full => Access::Full,
            crate::accounts::DeviceScope::Upload => Access::Upload { device: d.id.clone() },
        };
        (d.user, access)
    } else if let Some(profile) = state.tokens.kiosk(&token) {
        let user = state.config.kiosks.iter().find(|k| k.name == profile).map(|k| k.user.clone()).unwrap_or_default();
        (user, Access::KioskKey { profile: profile.to_string() })
    } else {
        let (sessions, t) = (state.sessions.clone(), token.clone());
        let s = tokio::task::spawn_blocking(move || sessions.lookup(&t, crate::timefmt::now_ms())).await??;
        let s = s.ok_or(ApiError::Unauthorized)?;
        let visit = s.visit().to_string();
        (s.user, Access::Visitor { session: s.hash, visit, drop: s.drop, profile: s.profile, finishing: s.finishing })
    })
}

/// Middleware for `/api/`: no answer is kept in any HTTP cache (a kiosk must keep nothing of
/// a visit, and media lists are private anyway), and none is ever sniffed into another type (a
/// JSON answer echoing a file name must not become a page).
pub async fn no_store(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    res.headers_mut().entry(CACHE_CONTROL).or_insert(HeaderValue::from_static("no-store"));
    res.headers_mut().entry(X_CONTENT_TYPE_OPTIONS).or_insert(HeaderValue::from_static("nosniff"));
    res
}

/// The library's own endpoints: for full-access tokens only; any other token gets
/// 403 (an upload-only device and a kiosk visitor have no business browsing the library).
/// Visitors keep `GET /api/v1/media` and `/api/v1/media/{sha256}`, confined to their drop.
fn library_path(path: &str) -> bool {
    matches!(
        path,
        "/api/v1/media/summary"
            | "/api/v1/visits"
            | "/api/v1/media/trash"
            | "/api/v1/media/restore"
            | "/api/v1/media/trash/restore-all"
            | "/api/v1/media/trash/empty"
    ) || path == "/api/v1/albums"
        || path.starts_with("/api/v1/albums/")
        || (path.starts_with("/api/v1/media/") && (path.ends_with("/thumb") || path.ends_with("/preview") || path.ends_with("/takeout")))
}

/// Which paths each kind of token may reach at all (the handlers narrow what it sees).
fn allowed(access: &Access, method: &Method, path: &str) -> bool {
    let sessions = path == "/api/v1/kiosk/sessions";
    match access {
        Access::Full => !sessions && !path.starts_with("/api/v1/kiosk/"),
        Access::Upload { .. } => {
            path.starts_with("/files")
                || matches!(path, "/api/v1/config" | "/api/v1/media/check" | "/api/v1/account")
                || (path == "/api/v1/devices/current" && method == Method::DELETE)
        }
        Access::KioskKey { .. } => (sessions && method == Method::POST) || (path == "/api/v1/kiosk/profile" && method == Method::GET),
        Access::Visitor { .. } => {
            path.starts_with("/files")
                || matches!(path, "/api/v1/config" | "/api/v1/media/check" | "/api/v1/media")
                || (path.starts_with("/api/v1/media/") && method == Method::GET)
                || (path == "/api/v1/kiosk/sessions/current" && matches!(*method, Method::GET | Method::DELETE))
                || (path == "/api/v1/kiosk/sessions/current/activity" && method == Method::POST)
                || (path == "/api/v1/kiosk/sessions/current/phone" && method == Method::POST)
        }
    }
}

fn finishing_allowed(method: &Method, path: &str) -> bool {
    path.strip_prefix("/files/").is_some_and(|id| !id.is_empty()) && matches!(*method, Method::HEAD | Method::PATCH)
}

/// Middleware for `/files/`: every request but OPTIONS must speak tus 1.0.0 (else 412 with
/// Tus-Version), and every response says which version it speaks.
pub async fn tus_protocol(req: Request, next: Next) -> Response {
    let ok = req.method() == Method::OPTIONS || req.headers().get(H_TUS_RESUMABLE).is_some_and(|v| v == TUS_VERSION);
    let mut res = if ok { next.run(req).await } else { ApiError::UnsupportedVersion.into_response() };
    res.headers_mut().insert(H_TUS_RESUMABLE, HeaderValue::from_static(TUS_VERSION));
    res
}

pub const H_METHOD_OVERRIDE: &str = "X-HTTP-Method-Override";

/// The method a request stands for: the override's, on a POST that carries one.
pub fn effective_method(req: &Request) -> Method {
    if req.method() == Method::POST {
        if let Some(m) = req
            .headers()
            .get(H_METHOD_OVERRIDE)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
            .and_then(|m| Method::from_bytes(m.to_ascii_uppercase().as_bytes()).ok())
        {
            return m;
        }
    }
    req.method().clone()
}
