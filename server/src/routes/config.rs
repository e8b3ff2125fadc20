//! GET /api/v1/config: what the engine asks first (tus endpoint, chunk hint, limits policy, dedup).
use super::FILES;
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use shoebox_core::api::Config;

pub async fn config(State(state): State<AppState>) -> Json<Config> {
    Json(Config { tus_endpoint: FILES.into(), chunk_size: state.config.chunk_size, limits: state.config.limits.clone(), dedup: true })
}
