//! POST on an upload URL with `X-HTTP-Method-Override`, for clients (and proxies) that cannot
//! send PATCH or DELETE: dispatched to the handler of the method it names.
use super::header;
use crate::auth::User;
use crate::error::ApiError;
use crate::state::AppState;
use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, Method};
use axum::response::{IntoResponse, Response};
use axum::Extension;

pub const H_METHOD_OVERRIDE: &str = "X-HTTP-Method-Override";

/// The method a request stands for: the override's, on a POST that carries one.
pub fn effective_method(req: &Request) -> Method {
    if req.method() == Method::POST {
        if let Some(m) = header(req.headers(), H_METHOD_OVERRIDE).and_then(|m| Method::from_bytes(m.to_ascii_uppercase().as_bytes()).ok()) {
            return m;
        }
    }
    req.method().clone()
}

pub async fn post_upload_url(
    state: State<AppState>,
    user: Extension<User>,
    id: Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    match header(&headers, H_METHOD_OVERRIDE).map(str::to_ascii_uppercase).as_deref() {
        Some("PATCH") => super::patch::patch(state, user, id, headers, body).await,
        Some("DELETE") => super::delete::delete(state, user, id).await.map(IntoResponse::into_response),
        Some("HEAD") => super::head::head(state, user, id).await,
        _ => Ok((axum::http::StatusCode::METHOD_NOT_ALLOWED, "POST on an upload URL needs X-HTTP-Method-Override: PATCH or DELETE")
            .into_response()),
    }
}
