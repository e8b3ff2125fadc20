//! PUT /api/v1/media/{sha256}/thumb and /preview: a thumbnail the app made (from the EXIF
//! thumbnail or while downsizing), a JPEG of at most 2 MiB, stored beside the user's media.
//! It must decode: a broken upload would otherwise stand in for the server's own thumbnail.
use crate::accounts::auth::User;
use crate::http::error::ApiError;
use crate::state::AppState;
use crate::thumbs::{Variant, MAX_UPLOADED_BYTES};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Extension;
use shoebox_core::hash::is_sha256_hex;
use shoebox_core::photo::prepare::thumb::jpeg_decodes;

pub async fn put(
    State(state): State<AppState>,
    Extension(User(user)): Extension<User>,
    Path((sha, variant)): Path<(String, String)>,
    body: axum::body::Bytes,
) -> Result<StatusCode, ApiError> {
    let variant = Variant::parse(&variant).ok_or(ApiError::NotFound)?;
    if !is_sha256_hex(&sha) {
        return Err(ApiError::NotFound);
    }
    if body.len() > MAX_UPLOADED_BYTES {
        return Err(ApiError::TooLarge(format!("a {} is at most {MAX_UPLOADED_BYTES} bytes, got {}", variant.as_str(), body.len())));
    }
    let (index, store) = (state.index.clone(), state.store.clone());
    tokio::task::spawn_blocking(move || -> Result<(), ApiError> {
        if !index.names_blob(&user, &sha)? {
            return Err(ApiError::NotFound);
        }
        if !jpeg_decodes(&body) {
            return Err(ApiError::bad("the body must be a whole JPEG (image/jpeg) that decodes"));
        }
        Ok(store.put_thumb(&user, &sha, variant.as_str(), &body)?)
    })
    .await??;
    Ok(StatusCode::NO_CONTENT)
}
