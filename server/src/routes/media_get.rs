//! GET /api/v1/media/{sha256}: the stored bytes, with the media's filetype. Streamed from the
//! store on a blocking thread, never read whole into memory.
use crate::auth::User;
use crate::error::ApiError;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use shoebox_core::hash::is_sha256_hex;

pub async fn get(
    State(state): State<AppState>,
    Extension(User(user)): Extension<User>,
    Extension(access): Extension<crate::auth::Access>,
    Path(sha): Path<String>,
) -> Result<Response, ApiError> {
    if !is_sha256_hex(&sha) {
        return Err(ApiError::NotFound);
    }
    let (index, store, drop) = (state.index.clone(), state.store.clone(), access.drop().map(str::to_string));
    let found = tokio::task::spawn_blocking(move || -> Result<_, ApiError> {
        let Some(item) = index.get(&user, drop.as_deref(), &sha)? else { return Ok(None) };
        Ok(store.open_blob(&user, &sha)?.map(|(r, len)| (item, r, len)))
    })
    .await??;
    let (item, reader, len) = found.ok_or(ApiError::NotFound)?;
    let ctype = item.filetype.unwrap_or_else(|| "application/octet-stream".into());
    Ok((StatusCode::OK, [(header::CONTENT_TYPE, ctype), (header::CONTENT_LENGTH, len.to_string())], super::stream_body(reader, len))
        .into_response())
}
