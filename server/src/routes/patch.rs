//! PATCH on an upload URL: append one chunk. The checks run in protocol order; bytes are
//! fsync'd before the new offset is answered, and the last chunk triggers verification.
use super::{header, header_u64, hv};
use crate::accounts::auth::{Access, User};
use crate::http::error::ApiError;
use crate::locks::SlotGuard;
use crate::state::AppState;
use crate::store::record::UploadInfo;
use crate::upload::checksum::Checksum;
use crate::upload::finish::finish;
use crate::upload::ingest::{ingest, Ending};
use crate::upload::metadata::non_empty;
use crate::upload::{
    current_offset, deferred_cap, expires_header, load_owned, new_expiry, quota_room, save, storage_full, visit_alive, within_kiosk_limits,
    within_max_size, within_quota,
};
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header::CONTENT_LENGTH, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use shoebox_core::tus::*;

/// How stale a stored expiry may get before a PATCH rewrites it.
const EXPIRY_SLACK_MS: u64 = 60_000;

pub async fn patch(
    State(state): State<AppState>,
    Extension(User(user)): Extension<User>,
    Extension(access): Extension<Access>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    load_owned(&state, &user, &access, &id).await?;
    if header(&headers, "content-type") != Some(OFFSET_CONTENT_TYPE) {
        return Err(ApiError::UnsupportedMediaType);
    }
    let offset = header_u64(&headers, H_UPLOAD_OFFSET)?.ok_or_else(|| ApiError::bad("Upload-Offset is required"))?;
    let checksum = header(&headers, H_UPLOAD_CHECKSUM).map(Checksum::parse).transpose()?;
    let content_length = header_u64(&headers, CONTENT_LENGTH.as_str())?;
    let new_length = header_u64(&headers, H_UPLOAD_LENGTH)?;
    // Not waiting: a second writer is told at once, and retries (423 is retryable).
    let uid = crate::store::record::UploadId::parse(&id).ok_or(ApiError::NotFound)?;
    let guard = state.locks.try_lock(&uid).ok_or(ApiError::Locked)?;
    // Read again under the lock: a request that held it may have completed or deleted it.
    let mut info = load_owned(&state, &user, &access, &id).await?;
    if let Some(declared) = header(&headers, H_SHOEBOX_SHA256) {
        declare_sha256(&state, &mut info, declared).await?;
    }

    let current = current_offset(&state, &info).await?;
    // A deferred length is judged when it becomes known, by every limit creation applies.
    if let Some(l) = new_length {
        match info.length {
            None => {
                within_max_size(&state, l, "Upload-Length")?;
                let (filetype, filename) = (non_empty(&info.metadata, keys::FILETYPE), non_empty(&info.metadata, keys::FILENAME));
                within_kiosk_limits(&state, &access, l, filetype, filename)?;
                let _held = state.quota_gate.lock(&info.user).await?;
                within_quota(&state, &access, &info.user, l, current).await?;
                info.length = Some(l);
            }
            Some(known) if known != l => return Err(ApiError::bad("Upload-Length cannot change once set")),
            Some(_) => {}
        }
    }
    // Still unknown: what arrives counts as it arrives, within the same limits (a body past
    // the quota's room is discarded and answered as storage full).
    let (max_end, quota_bound) = match info.length {
        Some(l) => (l, false),
        None => {
            let cap = deferred_cap(&state, &access);
            if let Some(n) = content_length {
                if offset + n > cap {
                    return Err(ApiError::TooLarge(format!("{} bytes would pass the largest upload allowed here ({cap})", offset + n)));
                }
                within_quota(&state, &access, &info.user, offset + n, current).await?;
            }
            match quota_room(&state, &info.user, current).await? {
                Some(room) if current + room < cap => (current + room, true),
                _ => (cap, false),
            }
        }
    };
    if offset != current {
        return Err(ApiError::Conflict(format!("Upload-Offset {offset} does not match the upload's offset {current}")));
    }
    if let Some(l) = info.length {
        if l < current {
            return Err(ApiError::bad("Upload-Length is below the bytes already received"));
        }
        if content_length.is_some_and(|n| offset + n > l) {
            return Err(ApiError::TooLarge(format!("this chunk would go past Upload-Length {l}")));
        }
    }
    if info.is_complete() {
        // Nothing more to take; a repeated final chunk with no body just learns it is done.
        return Ok(answer(info.length.unwrap_or(0), &info));
    }

    // Spawned, not awaited in place: if the client goes away after sending the last bytes
    // (tus-js-client's abort does), hyper drops this handler, but the bytes are then durable
    // and HEAD reports offset == length, so completion must still be recorded.
    let res = tokio::spawn(append(state.clone(), info.clone(), guard, offset, max_end, new_length.is_some(), body, checksum)).await?;
    match res {
        Err(ApiError::TooLarge(_)) if quota_bound => Err(storage_full(&access, None)),
        r => r,
    }
}

/// Streams the chunk in, renews the expiry if due, and completes the upload on its last byte.
#[allow(clippy::too_many_arguments)]
async fn append(
    state: AppState,
    mut info: UploadInfo,
    guard: SlotGuard,
    offset: u64,
    max_end: u64,
    length_set: bool,
    body: Body,
    checksum: Option<Checksum>,
) -> Result<Response, ApiError> {
    let ing = ingest(&state, &info.id, guard, offset, Some(max_end), body, checksum, info.session.as_deref()).await?;
    let mut guard = ing.guard;
    if ing.ending == Ending::VisitEnded {
        visit_alive(&state, &info).await?;
        return Err(ApiError::Unauthorized);
    }
    // The record is rewritten (two fsyncs) only when something in it changes: a length that
    // was deferred, or an expiry that has moved on by more than a minute. Not on every chunk.
    let fresh = new_expiry(&state);
    let slack = (state.config.upload_expiry.as_millis() as u64 / 10).min(EXPIRY_SLACK_MS);
    if length_set || fresh.saturating_sub(info.expires_ms) > slack {
        info.expires_ms = fresh;
        save(&state, &info).await?;
    }
    // A cut-off body whose kept bytes reach the length completes the upload all the same:
    // HEAD will report offset == length, and a client resuming from there sends nothing more.
    if matches!(ing.ending, Ending::Complete | Ending::CutOff) && info.length == Some(ing.offset) {
        info = finish(&state, info, &mut guard).await?;
    }
    match ing.ending {
        Ending::ChecksumMismatch => Err(ApiError::ChecksumMismatch),
        Ending::Overflow => {
            Err(ApiError::TooLarge("the body went past Upload-Length (or the largest length allowed); chunk discarded".into()))
        }
        Ending::VisitEnded => Err(ApiError::Unauthorized),
        Ending::CutOff => Err(ApiError::bad(format!("the body ended early; {} bytes are kept, resume from there", ing.offset))),
        Ending::Complete => Ok(answer(ing.offset, &info)),
    }
}

/// `Shoebox-Sha256`: the whole file's SHA-256, declared late (the client hashed the file while
/// it sent it). Kept in the upload's record before any byte of this PATCH is taken, so a
/// completion after a crash checks it too; completion compares it with the stored bytes.
async fn declare_sha256(state: &AppState, info: &mut UploadInfo, declared: &str) -> Result<(), ApiError> {
    if !shoebox_core::hash::is_sha256_hex(declared) {
        return Err(ApiError::bad(format!("{H_SHOEBOX_SHA256} must be 64 lower-case hex digits, got {declared:?}")));
    }
    match non_empty(&info.metadata, keys::SHA256) {
        Some(known) if known == declared => Ok(()),
        Some(known) => Err(ApiError::bad(format!("{H_SHOEBOX_SHA256} {declared} differs from the sha256 declared at creation ({known})"))),
        None => {
            info.metadata.retain(|(k, _)| k != keys::SHA256);
            info.metadata.push((keys::SHA256.to_string(), declared.to_string()));
            save(state, info).await
        }
    }
}

fn answer(offset: u64, info: &UploadInfo) -> Response {
    let mut res = StatusCode::NO_CONTENT.into_response();
    res.headers_mut().insert(H_UPLOAD_OFFSET, offset.into());
    res.headers_mut().insert(H_UPLOAD_EXPIRES, hv(expires_header(info)));
    res
}
