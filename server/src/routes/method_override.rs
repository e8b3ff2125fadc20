//! POST on an upload URL with `X-HTTP-Method-Override`, for clients (and proxies) that cannot
//! send PATCH or DELETE: dispatched to the handler of the method it names.
use super::header;
use crate::accounts::auth::User;
use crate::http::error::ApiError;
use crate::state::AppState;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::Extension;

pub use crate::http::middleware::{effective_method, H_METHOD_OVERRIDE};

pub async fn post_upload_url(
    state: State<AppState>,
    user: Extension<User>,
    access: Extension<crate::accounts::auth::Access>,
    id: Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    match header(&headers, H_METHOD_OVERRIDE).map(str::to_ascii_uppercase).as_deref() {
        Some("PATCH") => super::patch::patch(state, user, access, id, headers, body).await,
        Some("DELETE") => super::delete::delete(state, user, access, id).await.map(IntoResponse::into_response),
        Some("HEAD") => super::head::head(state, user, access, id).await,
        _ => Ok((axum::http::StatusCode::METHOD_NOT_ALLOWED, "POST on an upload URL needs X-HTTP-Method-Override: PATCH or DELETE")
            .into_response()),
    }
}
