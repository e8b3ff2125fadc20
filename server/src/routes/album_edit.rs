//! The album calls (docs/api.md "Albums"): POST /api/v1/albums (create an empty one),
//! /api/v1/albums/rename, /api/v1/albums/add and /api/v1/albums/remove. Full-access tokens
//! only (the middleware's `library_path`); every name and digest is the caller's own: another
//! user's album is one that does not exist, another user's content is not counted. The drop of
//! a kiosk visit still going on is left alone (409 `album_live_visit`).
use crate::accounts::auth::User;
use crate::http::error::ApiError;
use crate::index::albums::Refused;
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::{Extension, Json};
use serde::de::DeserializeOwned;
use shoebox_core::api::{album_name, AlbumChanged, AlbumItems, AlbumName, AlbumRename, MAX_ALBUM_ITEMS};

fn body<T: DeserializeOwned>(bytes: &[u8], shape: &str) -> Result<T, ApiError> {
    serde_json::from_slice(bytes).map_err(|e| ApiError::bad(format!("expected {shape}: {e}")))
}

fn name<'a>(field: &str, v: &'a str) -> Result<&'a str, ApiError> {
    album_name(v).map_err(|e| ApiError::bad(format!("{field} {}", e.as_str())))
}

fn refused(r: Refused) -> ApiError {
    match r {
        Refused::NoSuchAlbum => ApiError::NotFound,
        Refused::Exists => ApiError::AlbumExists,
    }
}

/// The digests of an add or remove, each 64 lower-case hex (at most [`MAX_ALBUM_ITEMS`]).
fn items(bytes: &[u8]) -> Result<(String, Vec<String>), ApiError> {
    let req: AlbumItems = body(bytes, r#"{"album": "<name>", "sha256": ["<sha256>", ...]}"#)?;
    if req.sha256.len() > MAX_ALBUM_ITEMS {
        return Err(ApiError::bad(format!("at most {MAX_ALBUM_ITEMS} items per call, got {}", req.sha256.len())));
    }
    if let Some(bad) = req.sha256.iter().find(|d| !shoebox_core::hash::is_sha256_hex(d)) {
        return Err(ApiError::bad(format!("sha256 {bad:?} is not 64 lower-case hex digits")));
    }
    Ok((name("album", &req.album)?.to_string(), req.sha256))
}

fn now() -> String {
    crate::timefmt::rfc3339_from_ms(crate::timefmt::now_ms() as i64)
}

/// A live kiosk visit's drop is the visitor's view of the library: renaming it (or another album
/// to its name), adding to it (here or by a Takeout fill) or taking from it would change what
/// the visitor sees, or take their photos from under them while they may still be sending.
/// Refused until the visit ends.
pub(crate) fn not_a_live_drop(state: &AppState, user: &str, albums: &[&str]) -> Result<(), ApiError> {
    let now = crate::timefmt::now_ms();
    for a in albums {
        if state.sessions.drop_is_live(user, a, now)? {
            return Err(ApiError::AlbumLiveVisit);
        }
    }
    Ok(())
}

pub async fn create(
    State(state): State<AppState>,
    Extension(User(user)): Extension<User>,
    bytes: axum::body::Bytes,
) -> Result<(StatusCode, Json<AlbumName>), ApiError> {
    let req: AlbumName = body(&bytes, r#"{"album": "<name>"}"#)?;
    let album = name("album", &req.album)?.to_string();
    let (index, a) = (state.index.clone(), album.clone());
    tokio::task::spawn_blocking(move || index.create_album(&user, &a, &now())).await??.map_err(refused)?;
    Ok((StatusCode::CREATED, Json(AlbumName { album })))
}

pub async fn rename(
    State(state): State<AppState>,
    Extension(User(user)): Extension<User>,
    bytes: axum::body::Bytes,
) -> Result<Json<AlbumChanged>, ApiError> {
    let req: AlbumRename = body(&bytes, r#"{"from": "<name>", "to": "<name>"}"#)?;
    let (from, to) = (name("from", &req.from)?.to_string(), name("to", &req.to)?.to_string());
    let n = tokio::task::spawn_blocking(move || {
        not_a_live_drop(&state, &user, &[&from, &to])?;
        state.index.rename_album(&user, &from, &to, &now())?.map_err(refused)
    })
    .await??;
    Ok(Json(AlbumChanged { renamed: Some(n), ..AlbumChanged::default() }))
}

pub async fn add(
    State(state): State<AppState>,
    Extension(User(user)): Extension<User>,
    bytes: axum::body::Bytes,
) -> Result<Json<AlbumChanged>, ApiError> {
    let (album, digests) = items(&bytes)?;
    let n = tokio::task::spawn_blocking(move || {
        not_a_live_drop(&state, &user, &[&album])?;
        Ok::<_, ApiError>(state.index.add_to_album(&user, &album, &digests, &now())?)
    })
    .await??;
    Ok(Json(AlbumChanged { added: Some(n), ..AlbumChanged::default() }))
}

pub async fn remove(
    State(state): State<AppState>,
    Extension(User(user)): Extension<User>,
    bytes: axum::body::Bytes,
) -> Result<Json<AlbumChanged>, ApiError> {
    let (album, digests) = items(&bytes)?;
    let n = tokio::task::spawn_blocking(move || {
        not_a_live_drop(&state, &user, &[&album])?;
        state.index.remove_from_album(&user, &album, &digests, &now())?.map_err(refused)
    })
    .await??;
    Ok(Json(AlbumChanged { removed: Some(n), ..AlbumChanged::default() }))
}
