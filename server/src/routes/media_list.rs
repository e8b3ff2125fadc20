//! GET /api/v1/media?cursor=&limit=: the user's media records, oldest first, cursor paged.
use crate::auth::User;
use crate::error::ApiError;
use crate::state::AppState;
use axum::extract::{Query, State};
use axum::{Extension, Json};
use serde::Deserialize;
use shoebox_core::api::MediaPage;

pub const DEFAULT_LIMIT: usize = 100;
pub const MAX_LIMIT: usize = 1000;

#[derive(Deserialize)]
pub struct Params {
    cursor: Option<String>,
    limit: Option<String>,
}

pub async fn list(
    State(state): State<AppState>,
    Extension(User(user)): Extension<User>,
    Extension(access): Extension<crate::auth::Access>,
    Query(p): Query<Params>,
) -> Result<Json<MediaPage>, ApiError> {
    // The cursor is opaque to clients; it is the last row's sequence number.
    let after = match p.cursor.as_deref().filter(|c| !c.is_empty()) {
        None => 0,
        Some(c) => c.parse::<i64>().map_err(|_| ApiError::bad("invalid cursor"))?,
    };
    let limit = match p.limit.as_deref().filter(|l| !l.is_empty()) {
        None => DEFAULT_LIMIT,
        Some(l) => l.parse::<usize>().map_err(|_| ApiError::bad("limit must be a positive integer"))?.clamp(1, MAX_LIMIT),
    };
    let (index, drop) = (state.index.clone(), access.drop().map(str::to_string));
    let (items, next) = tokio::task::spawn_blocking(move || index.list(&user, drop.as_deref(), after, limit)).await??;
    Ok(Json(MediaPage { items, next: next.map(|n| n.to_string()) }))
}
