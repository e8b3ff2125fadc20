//! POST /api/v1/media/check: which of these digests (sha256 or sourceSha256) the user has.
use crate::accounts::auth::User;
use crate::http::error::ApiError;
use crate::state::AppState;
use axum::extract::State;
use axum::{Extension, Json};
use shoebox_core::api::{CheckRequest, CheckResponse, MAX_CHECK_DIGESTS};
use shoebox_core::hash::is_sha256_hex;

pub async fn check(
    State(state): State<AppState>,
    Extension(User(user)): Extension<User>,
    Extension(access): Extension<crate::accounts::auth::Access>,
    body: axum::body::Bytes,
) -> Result<Json<CheckResponse>, ApiError> {
    let req: CheckRequest =
        serde_json::from_slice(&body).map_err(|e| ApiError::bad(format!("expected {{\"sha256\": [\"<hex>\", ...]}}: {e}")))?;
    if req.sha256.len() > MAX_CHECK_DIGESTS {
        return Err(ApiError::bad(format!("at most {MAX_CHECK_DIGESTS} digests per call, got {}", req.sha256.len())));
    }
    if let Some(bad) = req.sha256.iter().find(|d| !is_sha256_hex(d)) {
        return Err(ApiError::bad(format!("not a lower-case hex sha256: {bad:?}")));
    }
    let index = state.index.clone();
    let present = tokio::task::spawn_blocking(move || index.check(&user, access.drop(), &req.sha256)).await??;
    Ok(Json(CheckResponse { present }))
}
