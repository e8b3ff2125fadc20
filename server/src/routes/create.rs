//! POST `/files/`: creation (with creation-with-upload, creation-defer-length and
//! concatenation). A declared `sha256`/`sourceSha256` the user already has completes at once
//! with `Upload-Duplicate: ?1` and no bytes.
use super::{header, header_u64, hv, FILES};
use crate::accounts::auth::{Access, User};
use crate::http::error::ApiError;
use crate::http::metrics::Metrics;
use crate::state::AppState;
use crate::store::record::{Concat, UploadId, UploadInfo, UploadState};
use crate::timefmt::now_ms;
use crate::upload::checksum::Checksum;
use crate::upload::concat::{claim_parts, join, parse_final, release_parts};
use crate::upload::finish::finish;
use crate::upload::ingest::{ingest, Ending};
use crate::upload::metadata::{self, non_empty};
use crate::upload::{deferred_cap, expires_header, new_expiry, visit_alive, within_kiosk_limits, within_max_size, within_quota};
use axum::body::Body;
use axum::extract::State;
use axum::http::{header::LOCATION, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use shoebox_core::tus::*;

pub async fn create(
    State(state): State<AppState>,
    Extension(User(user)): Extension<User>,
    Extension(access): Extension<Access>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let metadata_raw = header(&headers, H_UPLOAD_METADATA).filter(|m| !m.is_empty()).map(str::to_string);
    let mut metadata = metadata::parse(metadata_raw.as_deref())?;
    // A source digest is a claim about bytes the server never sees (the original of a
    // downsized photo). Taken from a visitor or an upload-only device, it would mark any
    // content as held in the owner's account, and the owner's own copy would then never be
    // sent: only the account's full-access tokens may make it.
    if access != Access::Full {
        metadata.retain(|(k, _)| k != keys::SOURCE_SHA256);
    }
    // A kiosk visitor's upload goes into its drop, whatever the client's metadata says.
    if let Some(drop) = access.drop() {
        metadata.retain(|(k, _)| k != keys::ALBUM && k != keys::ALBUMS);
        metadata.push((keys::ALBUM.to_string(), drop.to_string()));
    }
    let concat_header = header(&headers, H_UPLOAD_CONCAT);
    let final_ids = match concat_header {
        Some(v) if v.starts_with("final;") => Some(parse_final(v)?),
        Some("partial") | None => None,
        Some(_) => return Err(ApiError::bad("Upload-Concat must be \"partial\" or \"final;<url> <url>...\"")),
    };
    let mut info = UploadInfo {
        id: UploadId::random(),
        user: user.clone(),
        length: None,
        metadata_raw,
        metadata,
        concat: if concat_header == Some("partial") { Concat::Partial } else { Concat::None },
        created_ms: now_ms(),
        expires_ms: new_expiry(&state),
        state: UploadState::Receiving,
        session: access.session().map(str::to_string),
    };
    if let Some(ids) = final_ids {
        return create_final(state, &access, info, &ids).await;
    }

    info.length = match (header_u64(&headers, H_UPLOAD_LENGTH)?, header(&headers, H_UPLOAD_DEFER_LENGTH)) {
        (Some(l), None) => Some(l),
        (None, Some("1")) => None,
        (None, Some(_)) => return Err(ApiError::bad("Upload-Defer-Length must be 1")),
        (Some(_), Some(_)) => return Err(ApiError::bad("send Upload-Length or Upload-Defer-Length, not both")),
        (None, None) => return Err(ApiError::bad("Upload-Length (or Upload-Defer-Length: 1) is required")),
    };
    if let Some(l) = info.length {
        within_max_size(&state, l, "Upload-Length")?;
        within_kiosk_limits(&state, &access, l, non_empty(&info.metadata, keys::FILETYPE), non_empty(&info.metadata, keys::FILENAME))?;
    }
    // Starting an upload is the visitor's own action: the visit lives on.
    if let Some(session) = access.session().map(str::to_string) {
        let (sessions, now) = (state.sessions.clone(), now_ms());
        if !tokio::task::spawn_blocking(move || sessions.touch(&session, false, now)).await?? {
            return Err(ApiError::Unauthorized);
        }
    }

    if let (Some(len), Concat::None) = (info.length, &info.concat) {
        if let Some(sha) = known_content(&state, &access, &info).await? {
            return answer_duplicate(&state, info, sha, Some(len)).await;
        }
    }

    let held = state.quota_gate.lock(&info.user).await?;
    if let Some(len) = info.length {
        within_quota(&state, &access, &info.user, len, 0).await?;
    }
    save_new(&state, &info).await?;
    drop(held);
    let mut guard = state.locks.try_lock(&info.id).ok_or(ApiError::Locked)?;
    let mut offset = 0;
    if header(&headers, "content-type") == Some(OFFSET_CONTENT_TYPE) {
        let checksum = header(&headers, H_UPLOAD_CHECKSUM).map(Checksum::parse).transpose()?;
        let max_end = info.length.or(Some(deferred_cap(&state, &access)));
        let ing = ingest(&state, &info.id, guard, 0, max_end, body, checksum, info.session.as_deref()).await?;
        guard = ing.guard;
        if ing.ending == Ending::VisitEnded {
            visit_alive(&state, &info).await?;
            return Err(ApiError::Unauthorized);
        }
        // A body that failed its checksum or was cut short still leaves a valid upload: the
        // client learns the offset and continues with PATCH.
        offset = ing.offset;
        if ing.ending != Ending::Complete {
            offset = crate::upload::current_offset(&state, &info).await?;
        }
    }
    if info.length == Some(offset) {
        info = finish(&state, info, &mut guard).await?;
    }
    Ok(created(&info, Some(offset)))
}

/// The declared digest when the user already has that content.
/// (A kiosk visitor learns only about its own drop.)
async fn known_content(state: &AppState, access: &Access, info: &UploadInfo) -> Result<Option<String>, ApiError> {
    for key in [keys::SHA256, keys::SOURCE_SHA256] {
        if let Some(d) = non_empty(&info.metadata, key) {
            let (index, user, d, drop) = (state.index.clone(), info.user.clone(), d.to_string(), access.drop().map(str::to_string));
            let (has, d) = tokio::task::spawn_blocking(move || index.has(&user, drop.as_deref(), &d).map(|h| (h, d))).await??;
            if has {
                return Ok(Some(d));
            }
        }
    }
    Ok(None)
}

/// The user already has this content: the upload is complete at birth and holds no bytes
/// (contracts.md: 201, `Upload-Offset` = length, `Upload-Duplicate: ?1`).
async fn answer_duplicate(state: &AppState, mut info: UploadInfo, sha: String, offset: Option<u64>) -> Result<Response, ApiError> {
    info.state = UploadState::Complete { sha256: Some(sha), bytes_kept: false };
    save_new(state, &info).await?;
    Metrics::add(&state.metrics.uploads_deduplicated, 1);
    let mut res = created(&info, offset);
    res.headers_mut().insert(H_UPLOAD_DUPLICATE, HeaderValue::from_static("?1"));
    Ok(res)
}

async fn save_new(state: &AppState, info: &UploadInfo) -> Result<(), ApiError> {
    let (store, i) = (state.store.clone(), info.clone());
    Ok(tokio::task::spawn_blocking(move || store.create_upload(&i)).await??)
}

fn created(info: &UploadInfo, offset: Option<u64>) -> Response {
    let mut res = StatusCode::CREATED.into_response();
    let h = res.headers_mut();
    h.insert(LOCATION, hv(format!("{FILES}{}", info.id)));
    h.insert(H_UPLOAD_EXPIRES, hv(expires_header(info)));
    if let Some(o) = offset {
        h.insert(H_UPLOAD_OFFSET, o.into());
    }
    res
}

/// `Upload-Concat: final;...`: join finished partial uploads into a new, verified upload.
async fn create_final(state: AppState, access: &Access, mut info: UploadInfo, ids: &[String]) -> Result<Response, ApiError> {
    let parts = claim_parts(&state, &info.user, access, ids).await?;
    let length: u64 = parts.iter().map(|(p, _)| p.length.unwrap_or(0)).sum();
    within_max_size(&state, length, "the parts' total length")?;
    let (filetype, filename) = (non_empty(&info.metadata, keys::FILETYPE), non_empty(&info.metadata, keys::FILENAME));
    within_kiosk_limits(&state, access, length, filetype, filename)?;
    // The parts already count toward the quota; the final must fit once they are gone.
    {
        let _held = state.quota_gate.lock(&info.user).await?;
        within_quota(&state, access, &info.user, length, length).await?;
    }
    info.length = Some(length);
    info.concat = Concat::Final(parts.iter().map(|(p, _)| p.id.clone()).collect());
    if let Some(sha) = known_content(&state, access, &info).await? {
        let res = answer_duplicate(&state, info, sha, None).await?;
        release_parts(&state, parts).await?;
        return Ok(res);
    }
    save_new(&state, &info).await?;
    let mut guard = state.locks.try_lock(&info.id).ok_or(ApiError::Locked)?;
    let (n, hasher) = join(&state, &info.id, &parts).await?;
    guard.hasher = Some((n, hasher));
    release_parts(&state, parts).await?;
    let info = finish(&state, info, &mut guard).await?;
    Ok(created(&info, None))
}
