//! POST /api/v1/media/trash and /api/v1/media/restore {"ids": [...]}: move records to the
//! Trash and back. Only the records' marks change: the bytes stay until the purge, so trashed
//! media still count as backed up (dedup) and as space used. The Trash's own header:
//! POST /api/v1/media/trash/restore-all brings every trashed record back, and
//! POST /api/v1/media/trash/empty deletes them now, as the purge would after the trash days.
//! A live kiosk visit's photos cannot be trashed until the visit ends (409 `album_live_visit`).
use crate::accounts::auth::User;
use crate::http::error::ApiError;
use crate::state::AppState;
use axum::extract::State;
use axum::{Extension, Json};
use shoebox_core::api::{EmptyTrashResponse, RestoreResponse, TrashRequest, TrashResponse, MAX_TRASH_IDS};

fn ids(body: &[u8]) -> Result<Vec<String>, ApiError> {
    let req: TrashRequest =
        serde_json::from_slice(body).map_err(|e| ApiError::bad(format!("expected {{\"ids\": [\"<id>\", ...]}}: {e}")))?;
    if req.ids.len() > MAX_TRASH_IDS {
        return Err(ApiError::bad(format!("at most {MAX_TRASH_IDS} ids per call, got {}", req.ids.len())));
    }
    Ok(req.ids)
}

pub async fn trash(
    State(state): State<AppState>,
    Extension(User(user)): Extension<User>,
    body: axum::body::Bytes,
) -> Result<Json<TrashResponse>, ApiError> {
    let ids = ids(&body)?;
    // Whole seconds: the purge compares these marks as text with a cutoff written the same way.
    let at = crate::timefmt::rfc3339_from_ms((crate::timefmt::now_ms() / 1000 * 1000) as i64);
    let trashed = tokio::task::spawn_blocking(move || {
        not_in_a_live_drop(&state, &user, &ids)?;
        Ok::<_, ApiError>(state.index.trash(&user, &ids, &at)?)
    })
    .await??;
    Ok(Json(TrashResponse { trashed }))
}

/// A live kiosk visit's drop is the visitor's view: its photos stay while the visit goes on
/// (as renaming it or taking from it, `album_edit.rs`).
fn not_in_a_live_drop(state: &AppState, user: &str, ids: &[String]) -> Result<(), ApiError> {
    let nums: Vec<i64> = ids.iter().filter_map(|i| i.parse().ok()).collect();
    let albums: std::collections::BTreeSet<String> = state.index.records_by_id(user, &nums)?.into_iter().filter_map(|i| i.album).collect();
    let now = crate::timefmt::now_ms();
    for a in &albums {
        if state.sessions.drop_is_live(user, a, now)? {
            return Err(ApiError::AlbumLiveVisit);
        }
    }
    Ok(())
}

pub async fn restore(
    State(state): State<AppState>,
    Extension(User(user)): Extension<User>,
    body: axum::body::Bytes,
) -> Result<Json<RestoreResponse>, ApiError> {
    let ids = ids(&body)?;
    let index = state.index.clone();
    let restored = tokio::task::spawn_blocking(move || index.restore(&user, &ids)).await??;
    Ok(Json(RestoreResponse { restored }))
}

pub async fn restore_all(State(state): State<AppState>, Extension(User(user)): Extension<User>) -> Result<Json<RestoreResponse>, ApiError> {
    let index = state.index.clone();
    let restored = tokio::task::spawn_blocking(move || index.restore_all(&user)).await??;
    Ok(Json(RestoreResponse { restored }))
}

pub async fn empty(State(state): State<AppState>, Extension(User(user)): Extension<User>) -> Result<Json<EmptyTrashResponse>, ApiError> {
    let st = state.clone();
    let purged =
        tokio::task::spawn_blocking(move || crate::background::purge::empty_trash(&st.index, st.store.as_ref(), &st.blob_gate, &user))
            .await?
            .map_err(ApiError::from)?;
    Ok(Json(EmptyTrashResponse { deleted: purged.records as u64 }))
}
