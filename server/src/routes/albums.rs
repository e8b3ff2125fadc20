//! GET /api/v1/albums?tz=: every album of the user's non-trashed records (and the records
//! without one, as `album: null`), latest day first, each with a signed cover thumbnail, then
//! the albums kept empty.
use crate::accounts::auth::User;
use crate::accounts::signing::BlobKind;
use crate::http::error::ApiError;
use crate::index::query::Filters;
use crate::state::AppState;
use axum::extract::{Query, State};
use axum::{Extension, Json};
use shoebox_core::api::AlbumList;
use std::collections::HashMap;

pub async fn albums(
    State(state): State<AppState>,
    Extension(User(user)): Extension<User>,
    Query(p): Query<HashMap<String, String>>,
) -> Result<Json<AlbumList>, ApiError> {
    // Only tz matters here; the other filters are parsed so a bad tz is still a 400.
    let tz = Filters::from_params(&p).map_err(ApiError::BadRequest)?.tz;
    let (index, u) = (state.index.clone(), user.clone());
    let rows = tokio::task::spawn_blocking(move || index.album_list(&u, tz)).await??;
    let now_s = crate::timefmt::now_ms() / 1000;
    let albums = rows
        .into_iter()
        .map(|(mut a, cover)| {
            a.cover_thumb_url = cover.map(|c| state.signer.url(BlobKind::Thumb, &user, &c, None, now_s));
            a
        })
        .collect();
    Ok(Json(AlbumList { albums }))
}
