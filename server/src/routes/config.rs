//! GET /api/v1/config: what the engine asks first (tus endpoint, chunk hint, limits policy,
//! dedup) and what the asking token may do, so the app asks nothing it would be refused.
use super::FILES;
use crate::accounts::auth::Access;
use crate::state::AppState;
use axum::extract::State;
use axum::{Extension, Json};
use shoebox_core::api::{Config, TokenAccess, TokenScope};

pub async fn config(State(state): State<AppState>, Extension(access): Extension<Access>) -> Json<Config> {
    let scope = match access {
        Access::Full => TokenScope::Full,
        Access::Upload { .. } => TokenScope::Upload,
        Access::Visitor { .. } | Access::KioskKey { .. } => TokenScope::Visitor,
    };
    Json(Config {
        tus_endpoint: FILES.into(),
        chunk_size: state.config.chunk_size,
        limits: state.config.limits.clone(),
        dedup: true,
        probe: true,
        access: Some(TokenAccess::of(scope)),
    })
}
