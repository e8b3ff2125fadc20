//! tus concatenation: `Upload-Concat: partial` uploads are parts; `final;<url> <url>` joins
//! finished parts, in order, into one upload that is then verified and stored like any other.
use crate::http::error::ApiError;
use crate::locks::SlotGuard;
use crate::state::AppState;
use crate::store::record::{Concat, UploadId, UploadInfo, UploadState};
use sha2::{Digest, Sha256};
use std::io::Read;
use std::time::Duration;

/// The ids named in a final's header. URLs may be absolute or relative; only the last path
/// segment after `/files/` counts.
pub fn parse_final(value: &str) -> Result<Vec<String>, ApiError> {
    let list =
        value.strip_prefix("final;").ok_or_else(|| ApiError::bad("Upload-Concat must be \"partial\" or \"final;<url> <url>...\""))?;
    let ids: Vec<String> = list
        .split_whitespace()
        .map(|u| u.split(['?', '#']).next().unwrap_or_default().trim_end_matches('/').rsplit('/').next().unwrap_or_default().to_string())
        .collect();
    if ids.is_empty() {
        return Err(ApiError::bad("Upload-Concat final names no partial uploads"));
    }
    Ok(ids)
}

/// How long a final waits for a part's running request (typically its last PATCH, still
/// syncing or recording completion) before answering 423, which clients retry.
pub const PART_LOCK_WAIT: Duration = Duration::from_secs(10);

/// Checks and locks the parts (each the user's own, partial and complete), returns them.
pub async fn claim_parts(
    state: &AppState,
    user: &str,
    access: &crate::accounts::auth::Access,
    ids: &[String],
) -> Result<Vec<(UploadInfo, SlotGuard)>, ApiError> {
    let mut parts: Vec<(UploadInfo, SlotGuard)> = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        // Checked up front: waiting below for a lock this request already holds would stall.
        if ids[..i].contains(id) {
            return Err(ApiError::bad(format!("partial upload {id} is named twice")));
        }
        let load = || async {
            super::load_owned(state, user, access, id).await.map_err(|e| match e {
                ApiError::NotFound | ApiError::Gone => ApiError::bad(format!("partial upload {id} does not exist")),
                e => e,
            })
        };
        if load().await?.concat != Concat::Partial {
            return Err(ApiError::bad(format!("upload {id} is not a partial upload")));
        }
        // HEAD may already report offset == length while the request that wrote the last bytes
        // still holds the lock (it records completion after the fsync): wait for it, then
        // read the record again, since that request may have completed or deleted the part.
        let uid = UploadId::parse(id).ok_or(ApiError::NotFound)?;
        let mut guard = state.locks.lock_within(&uid, PART_LOCK_WAIT).await.ok_or(ApiError::Locked)?;
        let mut info = load().await?;
        // All bytes durable but never marked complete: the PATCH that carried the last bytes
        // was cut off (its client aborted) or the server stopped before recording it. The
        // client saw offset == length on HEAD and rightly counts the part as done.
        if info.state == UploadState::Receiving && info.length == Some(super::current_offset(state, &info).await?) {
            info = super::finish::finish(state, info, &mut guard).await?;
        }
        if info.state != (UploadState::Complete { sha256: None, bytes_kept: true }) {
            return Err(ApiError::bad(format!("partial upload {id} is not complete (or was already used by a final upload)")));
        }
        parts.push((info, guard));
    }
    Ok(parts)
}

/// Copies the parts into `target` (fsync'd) and returns the SHA-256 state over all of it.
pub async fn join(state: &AppState, target: &UploadId, parts: &[(UploadInfo, SlotGuard)]) -> Result<(u64, Sha256), ApiError> {
    let store = state.store.clone();
    let target = target.clone();
    let ids: Vec<UploadId> = parts.iter().map(|(i, _)| i.id.clone()).collect();
    let res = tokio::task::spawn_blocking(move || -> std::io::Result<(u64, Sha256)> {
        let mut w = store.open_writer(&target, 0)?;
        let mut h = Sha256::new();
        let mut n = 0u64;
        let mut buf = vec![0u8; 1 << 20];
        for id in &ids {
            let mut r = store.open_upload_reader(id)?;
            loop {
                let k = r.read(&mut buf)?;
                if k == 0 {
                    break;
                }
                if let Err(e) = w.write_all(&buf[..k]) {
                    let _ = w.truncate(0);
                    return Err(e);
                }
                h.update(&buf[..k]);
                n += k as u64;
            }
        }
        w.sync()?;
        Ok((n, h))
    })
    .await??;
    Ok(res)
}

/// After a final was built, its parts' bytes are no longer needed; their URLs keep answering
/// HEAD as complete until they expire.
pub async fn release_parts(state: &AppState, parts: Vec<(UploadInfo, SlotGuard)>) -> Result<(), ApiError> {
    for (mut info, _guard) in parts {
        info.state = UploadState::Complete { sha256: None, bytes_kept: false };
        super::save(state, &info).await?;
        let (store, id) = (state.store.clone(), info.id.clone());
        tokio::task::spawn_blocking(move || store.discard_upload_bytes(&id)).await??;
    }
    Ok(())
}
