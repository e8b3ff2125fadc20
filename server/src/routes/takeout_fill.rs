//! POST /api/v1/media/{sha256}/takeout: a Takeout export's date, place and albums for content
//! the user already has (a dedup hit at creation carries no record of its own). The body holds
//! the upload metadata keys with the same values (`takenAt`, `lat`, `lon`, `description`, `albums`,
//! `favorited`, `archived`), checked
//! by the same function as at creation. Full-access tokens only (the middleware refuses the
//! rest); another user's content is 404 like content nobody has; an album that is a live kiosk
//! visit's drop is 409 `album_live_visit`, as in the album edits.
use crate::accounts::auth::User;
use crate::http::error::ApiError;
use crate::index::takeout::{Fill, Filled};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::{Extension, Json};
use shoebox_core::hash::is_sha256_hex;
use shoebox_core::takeout::{meta, time};
use shoebox_core::tus::keys;

pub async fn fill(
    State(state): State<AppState>,
    Extension(User(user)): Extension<User>,
    Path(sha): Path<String>,
    body: axum::body::Bytes,
) -> Result<Json<Filled>, ApiError> {
    if !is_sha256_hex(&sha) {
        return Err(ApiError::bad("the path must name a sha256 (64 lower-case hex characters)"));
    }
    let object: serde_json::Map<String, serde_json::Value> =
        serde_json::from_slice(&body).map_err(|_| ApiError::bad("expected a JSON object of the upload metadata keys"))?;
    let mut pairs = Vec::new();
    for (k, v) in object {
        let v = v.as_str().ok_or_else(|| ApiError::bad(format!("{k} must be a string, as in Upload-Metadata")))?;
        pairs.push((k, v.to_string()));
    }
    meta::validate(&pairs).map_err(|(k, e)| ApiError::bad(format!("{k} {}", e.describe())))?;
    let fill = Fill {
        taken_at: meta::taken_at(&pairs).map(time::rfc3339),
        place: meta::place(&pairs),
        description: pairs.iter().find(|(k, _)| k == keys::DESCRIPTION).map(|(_, v)| v.clone()).filter(|d| !d.is_empty()),
        albums: pairs.iter().find(|(k, _)| k == keys::ALBUMS).and_then(|(_, v)| meta::parse_albums(v).ok()).unwrap_or_default(),
        favorited: meta::marked(&pairs, keys::FAVORITED),
        archived: meta::marked(&pairs, keys::ARCHIVED),
    };
    let albums: Vec<&str> = fill.albums.iter().map(String::as_str).collect();
    super::album_edit::not_a_live_drop(&state, &user, &albums)?;
    let index = state.index.clone();
    let filled = tokio::task::spawn_blocking(move || index.fill_takeout(&user, &sha, &fill)).await??;
    filled.map(Json).ok_or(ApiError::NotFound)
}
