//! The upload domain between the routes and the store: body ingestion, checksums, metadata
//! rules, completion, concatenation, and the answers and limits several routes share (the
//! upload record itself is the storage layer's, `store::record`).
pub mod behind;
pub mod checksum;
pub mod concat;
pub mod finish;
pub mod ingest;
pub mod metadata;
pub mod readback;

use crate::accounts::auth::Access;
use crate::http::error::ApiError;
use crate::state::AppState;
use crate::store::record::{Concat, UploadId, UploadInfo, UploadState};
use crate::timefmt::now_ms;
use shoebox_core::facts::{Format, MediaKind};
use shoebox_core::photo::sniff::{format_from_name, kind};

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
/// arrived; a deferred length counts what has arrived), plus finished parts of a concatenation
/// still waiting for their final. What the quota is checked against, and what the app shows.
/// The same sums whatever the uploads declare: whether their content is stored elsewhere in the
/// account must not show in this figure (a visitor would learn what the operator holds).
pub async fn used_bytes(state: &AppState, user: &str) -> Result<u64, ApiError> {
    let (index, store, u) = (state.index.clone(), state.store.clone(), user.to_string());
    tokio::task::spawn_blocking(move || -> Result<u64, ApiError> {
        let mut used = index.used_bytes(&u)?;
        for id in store.list_uploads()? {
            let Ok(Some(info)) = store.load_upload(&id) else { continue };
            if info.user != u {
                continue;
            }
            let claimed = match info.state {
                UploadState::Receiving => match info.length {
                    Some(l) => l,
                    None => store.upload_offset(&id).unwrap_or(0),
                },
                UploadState::Complete { bytes_kept: true, .. } if info.concat == Concat::Partial => info.length.unwrap_or(0),
                UploadState::Complete { .. } => 0,
            };
            used = used.saturating_add(claimed);
        }
        Ok(used)
    })
    .await?
}

/// The kiosk limit for a visitor's upload of this declared type and name, whatever the client
/// says: the video limit only when both the declared type and the name say video (the stored
/// bytes are judged again at completion, `within_kiosk_limits_sniffed`).
pub fn within_kiosk_limits(
    state: &AppState,
    access: &Access,
    length: u64,
    filetype: Option<&str>,
    filename: Option<&str>,
) -> Result<(), ApiError> {
    let Access::Visitor { profile, .. } = access else { return Ok(()) };
    let by_name = filename.map(|n| kind(format_from_name(n)));
    let video = filetype.is_some_and(|t| t.starts_with("video/")) && by_name.is_none_or(|k| k != MediaKind::Photo);
    kiosk_limit(state, profile, length, video)
}

/// The same limit judged by the stored bytes' own format.
pub fn within_kiosk_limits_sniffed(state: &AppState, profile: &str, length: u64, format: Format) -> Result<(), ApiError> {
    kiosk_limit(state, profile, length, kind(format) == MediaKind::Video)
}

fn kiosk_limit(state: &AppState, profile: &str, length: u64, video: bool) -> Result<(), ApiError> {
    let Some((_, settings)) = state.config.kiosk(profile) else { return Ok(()) };
    let l = &settings.limits;
    let max = if video { l.max_video_bytes } else { l.max_photo_bytes };
    if length > max {
        return Err(ApiError::OverKioskLimit { length, limit: max });
    }
    Ok(())
}

/// The most bytes an upload whose length is not known yet may reach: Tus-Max-Size and, for a
/// kiosk visitor, the kiosk's largest limit.
pub fn deferred_cap(state: &AppState, access: &Access) -> u64 {
    let kiosk = match access {
        Access::Visitor { profile, .. } => state.config.kiosk(profile).map(|(_, k)| k.limits.max_photo_bytes.max(k.limits.max_video_bytes)),
        _ => None,
    };
    kiosk.unwrap_or(u64::MAX).min(state.config.max_size)
}

/// The user's quota (`shoebox-server user quota`): an upload that would pass it is refused where
/// its length becomes known (507, "storage is full"), before any more bytes are taken.
/// `already` is what this upload itself already counts for in `used_bytes`. A kiosk visitor
/// is told only that the kiosk cannot take more: the figures are the operator's.
pub async fn within_quota(state: &AppState, access: &Access, user: &str, length: u64, already: u64) -> Result<(), ApiError> {
    let (accounts, u) = (state.accounts.clone(), user.to_string());
    let Some(quota) = tokio::task::spawn_blocking(move || accounts.quota(&u)).await?? else { return Ok(()) };
    let used = used_bytes(state, user).await?.saturating_sub(already);
    if used.saturating_add(length) > quota {
        return Err(storage_full(access, Some((used, quota, length))));
    }
    Ok(())
}

/// The 507 of a quota: with its figures for the account's own tokens, none for a visitor.
pub fn storage_full(access: &Access, figures: Option<(u64, u64, u64)>) -> ApiError {
    match (access, figures) {
        (Access::Visitor { .. }, _) => ApiError::KioskFull,
        (_, figures) => ApiError::QuotaFull(figures),
    }
}

/// How many more bytes the user's quota allows, counting `already` (what this upload already
/// counts for) as free; None without a quota.
pub async fn quota_room(state: &AppState, user: &str, already: u64) -> Result<Option<u64>, ApiError> {
    let (accounts, u) = (state.accounts.clone(), user.to_string());
    let Some(quota) = tokio::task::spawn_blocking(move || accounts.quota(&u)).await?? else { return Ok(None) };
    Ok(Some(quota.saturating_sub(used_bytes(state, user).await?.saturating_sub(already))))
}

/// A kiosk visitor's upload whose visit is over is ended here and now (its bytes with it):
/// nothing more of an ended visit is stored. Returns the live session otherwise.
pub async fn visit_alive(state: &AppState, info: &UploadInfo) -> Result<Option<crate::accounts::sessions::Session>, ApiError> {
    let Some(h) = info.session.clone() else { return Ok(None) };
    let (sessions, now) = (state.sessions.clone(), now_ms());
    match tokio::task::spawn_blocking(move || sessions.lookup_hash(&h, now)).await?? {
        Some(s) => Ok(Some(s)),
        None => {
            let (store, id) = (state.store.clone(), info.id.clone());
            tokio::task::spawn_blocking(move || store.delete_upload(&id)).await??;
            state.locks.forget(&info.id);
            Err(ApiError::Unauthorized)
        }
    }
}

pub fn new_expiry(state: &AppState) -> u64 {
    now_ms() + state.config.upload_expiry.as_millis() as u64
}

/// `Upload-Expires` as an HTTP date.
pub fn expires_header(info: &UploadInfo) -> String {
    httpdate::fmt_http_date(std::time::UNIX_EPOCH + std::time::Duration::from_millis(info.expires_ms))
}
