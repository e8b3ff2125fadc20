//! POST /api/v1/media/check: which of these digests (sha256 or sourceSha256) the user has, and
//! which of these probes (large files not hashed yet) may be content the user has.
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
    let asked = req.sha256.len() + req.probes.len();
    if asked > MAX_CHECK_DIGESTS {
        return Err(ApiError::bad(format!("at most {MAX_CHECK_DIGESTS} digests and probes per call, got {asked}")));
    }
    if let Some(bad) = req.sha256.iter().chain(req.probes.iter().map(|p| &p.probe)).find(|d| !is_sha256_hex(d)) {
        return Err(ApiError::bad(format!("not a lower-case hex sha256: {bad:?}")));
    }
    let (index, store) = (state.index.clone(), state.store.clone());
    let (present, probable) = tokio::task::spawn_blocking(move || -> crate::db::Result<_> {
        let drop = access.drop();
        Ok((index.check(&user, drop, &req.sha256)?, index.probable(&user, drop, &req.probes, &*store)?))
    })
    .await??;
    Ok(Json(CheckResponse { present, probable }))
}
