//! DELETE on an upload URL (termination): drops the upload's record and bytes. Content that
//! already completed stays in the user's library; only the upload URL goes away.
use crate::accounts::auth::{Access, User};
use crate::http::error::ApiError;
use crate::state::AppState;
use crate::upload::load_owned;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Extension;

pub async fn delete(
    State(state): State<AppState>,
    Extension(User(user)): Extension<User>,
    Extension(access): Extension<Access>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let info = load_owned(&state, &user, &access, &id).await?;
    let _guard = state.locks.try_lock(&info.id).ok_or(ApiError::Locked)?;
    let (store, uid) = (state.store.clone(), info.id.clone());
    tokio::task::spawn_blocking(move || store.delete_upload(&uid)).await??;
    state.locks.forget(&info.id);
    Ok(StatusCode::NO_CONTENT)
}
