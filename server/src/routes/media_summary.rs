//! GET /api/v1/media/summary: per-day counts and bytes under the list's filters (the grid's
//! layout and the scrubber come from these before any page is loaded), and the user's Trash,
//! space used and quota.
use crate::accounts::auth::User;
use crate::http::error::ApiError;
use crate::index::query::Filters;
use crate::state::AppState;
use axum::extract::{Query, State};
use axum::{Extension, Json};
use shoebox_core::api::MediaSummary;
use std::collections::HashMap;

pub async fn summary(
    State(state): State<AppState>,
    Extension(User(user)): Extension<User>,
    Query(p): Query<HashMap<String, String>>,
) -> Result<Json<MediaSummary>, ApiError> {
    let f = Filters::from_params(&p).map_err(ApiError::BadRequest)?;
    let (index, accounts, u) = (state.index.clone(), state.accounts.clone(), user.clone());
    let (days, (trash_count, trash_bytes), quota_bytes) = tokio::task::spawn_blocking(move || -> Result<_, ApiError> {
        Ok((index.days(&u, &f)?, index.trash_totals(&u)?, accounts.quota(&u)?))
    })
    .await??;
    let used_bytes = crate::upload::used_bytes(&state, &user).await?;
    Ok(Json(MediaSummary {
        count: days.iter().map(|d| d.count).sum(),
        bytes: days.iter().map(|d| d.bytes).sum(),
        days,
        trash_count,
        trash_bytes,
        used_bytes,
        quota_bytes,
        trash_days: Some(state.config.trash_days),
    }))
}
