//! The upload domain between the routes and the store: body ingestion, checksums, metadata
//! rules, completion, concatenation, and the answers and limits several routes share (the
//! upload record itself is the storage layer's, `store::record`).
pub mod checksum;
pub mod concat;
pub mod finish;
pub mod ingest;
pub mod metadata;

use crate::auth::Access;
use crate::error::ApiError;
use crate::state::AppState;
use crate::store::record::{UploadId, UploadInfo, UploadState};
use crate::timefmt::now_ms;

/// Loads an upload the user owns. Unknown ids and other users' uploads are the same 404, so
/// nobody learns what others have; an expired upload not yet swept away is 410.
pub async fn load_owned(state: &AppState, user: &str, access: &Access, id: &str) -> Result<UploadInfo, ApiError> {
    let id = UploadId::parse(id).ok_or(ApiError::NotFound)?;
    let store = state.store.clone();
    let info = tokio::task::spawn_blocking(move || store.load_upload(&id)).await??.ok_or(ApiError::NotFound)?;
    // A kiosk visitor reaches only its own session's uploads.
    if info.user != user || access.session().is_some_and(|s| info.session.as_deref() != Some(s)) {
        return Err(ApiError::NotFound);
    }
    if info.expires_ms <= now_ms() {
        return Err(ApiError::Gone);
    }
    Ok(info)
}

/// The offset to report: the length once complete; while receiving, the durable bytes (never
/// bytes a running PATCH has written but not yet fsync'd).
pub async fn current_offset(state: &AppState, info: &UploadInfo) -> Result<u64, ApiError> {
    if let UploadState::Complete { .. } = info.state {
        return Ok(info.length.unwrap_or(0));
    }
    if let Some(o) = state.locks.inflight(&info.id) {
        return Ok(o);
    }
    let (store, id) = (state.store.clone(), info.id.clone());
    Ok(tokio::task::spawn_blocking(move || store.upload_offset(&id)).await??)
}

pub async fn save(state: &AppState, info: &UploadInfo) -> Result<(), ApiError> {
    let (store, info) = (state.store.clone(), info.clone());
    Ok(tokio::task::spawn_blocking(move || store.save_upload(&info)).await??)
}

/// Tus-Max-Size, the one check for every way a length is declared (creation, a deferred
/// length, the parts of a concatenation): 413 with what was declared.
pub fn within_max_size(state: &AppState, length: u64, what: &str) -> Result<(), ApiError> {
    if length > state.config.max_size {
        return Err(ApiError::TooLarge(format!("{what} {length} is over Tus-Max-Size {}", state.config.max_size)));
    }
    Ok(())
}

/// What the user's storage holds: stored content, plus what uploads in progress have claimed
/// (several files are created at once, so each counts the others' lengths, not only what has
/// arrived). What the quota is checked against, and what the app shows.
pub async fn used_bytes(state: &AppState, user: &str) -> Result<u64, ApiError> {
    let (index, store, u) = (state.index.clone(), state.store.clone(), user.to_string());
    tokio::task::spawn_blocking(move || -> Result<u64, ApiError> {
        let mut used = index.used_bytes(&u)?;
        for id in store.list_uploads()? {
            let Ok(Some(info)) = store.load_upload(&id) else { continue };
            if info.user != u || info.state != UploadState::Receiving {
                continue;
            }
            // Content already stored (an upload at its last step) is counted once.
            let stored = info.meta(shoebox_core::tus::keys::SHA256).is_some_and(|d| index.has(&u, None, d).unwrap_or(false));
            if !stored {
                used = used.saturating_add(info.length.unwrap_or(0));
            }
        }
        Ok(used)
    })
    .await?
}

/// A kiosk visitor's upload is judged by the kiosk's limits on the server too, whatever the
/// client says: a video over the largest video, anything else over the largest photo.
pub fn within_kiosk_limits(state: &AppState, access: &Access, length: u64, filetype: Option<&str>) -> Result<(), ApiError> {
    let Access::Visitor { profile, .. } = access else { return Ok(()) };
    let Some((_, settings)) = state.config.kiosk(profile) else { return Ok(()) };
    let l = &settings.limits;
    let max = if filetype.is_some_and(|t| t.starts_with("video/")) { l.max_video_bytes } else { l.max_photo_bytes };
    if length > max {
        return Err(ApiError::TooLarge(format!("{length} bytes is over this kiosk's limit of {max} bytes")));
    }
    Ok(())
}

/// The user's quota (`shoebox-server user quota`): an upload that would pass it is refused at
/// creation (507, "storage is full"), before any byte is sent.
pub async fn within_quota(state: &AppState, user: &str, length: u64) -> Result<(), ApiError> {
    let (accounts, u) = (state.accounts.clone(), user.to_string());
    let Some(quota) = tokio::task::spawn_blocking(move || accounts.quota(&u)).await?? else { return Ok(()) };
    let used = used_bytes(state, user).await?;
    if used.saturating_add(length) > quota {
        return Err(ApiError::InsufficientStorage(format!(
            "storage is full: {used} of {quota} bytes used, and this file needs {length} more. Free some space or ask for a larger quota."
        )));
    }
    Ok(())
}

pub fn new_expiry(state: &AppState) -> u64 {
    now_ms() + state.config.upload_expiry.as_millis() as u64
}

/// `Upload-Expires` as an HTTP date.
pub fn expires_header(info: &UploadInfo) -> String {
    httpdate::fmt_http_date(std::time::UNIX_EPOCH + std::time::Duration::from_millis(info.expires_ms))
}
