//! GET /api/v1/media: the user's media records, cursor paged. Without `order`, oldest first by
//! upload (as before the library); with `order=taken`, newest day first (the library's grid).
//! Filters, `tz` and `day` as docs/api.md describes; every item carries its signed URLs, and
//! its sidecars (`index::sidecars`) with theirs.
use crate::accounts::auth::User;
use crate::http::error::ApiError;
use crate::index::query::PageQuery;
use crate::state::AppState;
use axum::extract::{Query, State};
use axum::{Extension, Json};
use shoebox_core::api::{MediaPage, Sidecar};
use std::collections::HashMap;

pub use crate::index::query::{DEFAULT_LIMIT, MAX_LIMIT};

pub async fn list(
    State(state): State<AppState>,
    Extension(User(user)): Extension<User>,
    Extension(access): Extension<crate::accounts::auth::Access>,
    Query(p): Query<HashMap<String, String>>,
) -> Result<Json<MediaPage>, ApiError> {
    let mut q = PageQuery::from_params(&p).map_err(ApiError::BadRequest)?;
    // A kiosk visitor sees its own drop and nothing else, whatever it asks for.
    q.filters.drop = access.drop().map(str::to_string);
    let who = access.clone();
    let (index, u) = (state.index.clone(), user.clone());
    let (mut items, next) = tokio::task::spawn_blocking(move || -> crate::db::Result<_> {
        let (mut items, next) = index.page(&u, &q)?;
        let keys: Vec<_> = items.iter().map(|m| (m.album.clone(), m.sha256.clone())).collect();
        let mut found = index.sidecars_of(&u, &keys)?;
        for m in &mut items {
            // A trashed item lists its trashed sidecars, a kept one its kept ones.
            let trashed = m.trashed_at.is_some();
            let of = found.remove(&(m.album.clone(), m.sha256.clone())).unwrap_or_default();
            m.sidecars = of
                .into_iter()
                .filter(|a| a.trashed == trashed)
                .map(|a| Sidecar { filename: a.filename, sha256: a.sha256, download_url: None })
                .collect();
        }
        Ok((items, next))
    })
    .await??;
    super::sign_items(&state, &user, &who, &mut items);
    Ok(Json(MediaPage { items, next }))
}
