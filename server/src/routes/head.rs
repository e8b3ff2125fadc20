//! HEAD on an upload URL: where to resume. Reports only durable bytes, and for a completed
//! upload offset = length until it expires (so a lost final acknowledgement is harmless).
//!
//! An upload whose bytes are all durable but that was never completed (the server stopped
//! between the last fsync and the completion record) is completed here, before answering:
//! a client that reads offset == length counts the file as backed up, so it must be.
use super::{hv, FILES};
use crate::accounts::auth::{Access, User};
use crate::http::error::ApiError;
use crate::state::AppState;
use crate::store::record::{Concat, UploadId, UploadInfo, UploadState};
use crate::upload::{current_offset, expires_header, load_owned};
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use shoebox_core::tus::*;

pub async fn head(
    State(state): State<AppState>,
    Extension(User(user)): Extension<User>,
    Extension(access): Extension<Access>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let mut info = load_owned(&state, &user, &access, &id).await?;
    let mut offset = current_offset(&state, &info).await?;
    if info.state == UploadState::Receiving && info.length == Some(offset) && state.locks.inflight(&info.id).is_none() {
        (info, offset) = complete_orphan(&state, &user, &access, &id).await?;
    }
    let mut res = StatusCode::OK.into_response();
    let h = res.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(H_UPLOAD_OFFSET, offset.into());
    match info.length {
        Some(l) => h.insert(H_UPLOAD_LENGTH, l.into()),
        None => h.insert(H_UPLOAD_DEFER_LENGTH, HeaderValue::from_static("1")),
    };
    if let Some(m) = &info.metadata_raw {
        h.insert(H_UPLOAD_METADATA, hv(m));
    }
    match &info.concat {
        Concat::None => {}
        Concat::Partial => {
            h.insert(H_UPLOAD_CONCAT, HeaderValue::from_static("partial"));
        }
        Concat::Final(ids) => {
            let urls: Vec<String> = ids.iter().map(|i| format!("{FILES}{i}")).collect();
            h.insert(H_UPLOAD_CONCAT, hv(format!("final;{}", urls.join(" "))));
        }
    }
    h.insert(H_UPLOAD_EXPIRES, hv(expires_header(&info)));
    Ok(res)
}

/// Complete an upload found with every byte durable and no completion record. Under the
/// upload's lock, reading the record again: a PATCH that held the lock may have completed it.
/// A digest mismatch discards the upload, so the client is told 404 and starts again.
async fn complete_orphan(state: &AppState, user: &str, access: &Access, id: &str) -> Result<(UploadInfo, u64), ApiError> {
    let uid = UploadId::parse(id).ok_or(ApiError::NotFound)?;
    let mut guard = state.locks.lock_within(&uid, crate::upload::concat::PART_LOCK_WAIT).await.ok_or(ApiError::Locked)?;
    let mut info = load_owned(state, user, access, id).await?;
    let offset = current_offset(state, &info).await?;
    if info.state == UploadState::Receiving && info.length == Some(offset) {
        tracing::warn!(upload = %id, "all bytes were durable but the upload was never completed: completing it now");
        info = match crate::upload::finish::finish(state, info, &mut guard).await {
            Ok(i) => i,
            Err(ApiError::DigestMismatch(_)) => return Err(ApiError::NotFound),
            Err(e) => return Err(e),
        };
    }
    Ok((info, offset))
}
