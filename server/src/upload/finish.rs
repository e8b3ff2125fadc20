//! Completion: when the last byte is durable, hash what was stored, check the declared sha256
//! (mismatch → 422 and the upload is discarded), move the bytes into the user's
//! content-addressed blob (one copy per content) and write the media record.
use super::metadata::{album, non_empty};
use crate::error::ApiError;
use crate::locks::SlotGuard;
use crate::metrics::Metrics;
use crate::state::AppState;
use crate::store::record::{Concat, UploadInfo, UploadState};
use crate::timefmt::{now_ms, rfc3339_from_ms, wall_clock_from_exif};
use sha2::{Digest, Sha256};
use shoebox_core::api::MediaItem;
use shoebox_core::photo::{inspect, INSPECT_BYTES};
use shoebox_core::tus::keys;
use std::io::Read;

pub async fn finish(state: &AppState, mut info: UploadInfo, guard: &mut SlotGuard) -> Result<UploadInfo, ApiError> {
    let length = info.length.unwrap_or(0);
    if info.concat == Concat::Partial {
        // A part of a larger file: only its final upload is hashed and indexed.
        info.state = UploadState::Complete { sha256: None, bytes_kept: true };
        super::save(state, &info).await?;
        return Ok(info);
    }
    let sha = match guard.hasher.take() {
        Some((o, h)) if o == length => shoebox_core::hash::hex(&h.finalize()),
        // After a restart (or a resumed hash gap) read the stored bytes again.
        _ => {
            let (store, id) = (state.store.clone(), info.id.clone());
            tokio::task::spawn_blocking(move || -> std::io::Result<String> {
                let mut r = store.open_upload_reader(&id)?;
                let mut h = Sha256::new();
                let mut buf = vec![0u8; 1 << 20];
                loop {
                    let n = r.read(&mut buf)?;
                    if n == 0 {
                        break;
                    }
                    h.update(&buf[..n]);
                }
                Ok(shoebox_core::hash::hex(&h.finalize()))
            })
            .await??
        }
    };
    if let Some(declared) = non_empty(&info.metadata, keys::SHA256) {
        if declared != sha {
            let (store, id) = (state.store.clone(), info.id.clone());
            tokio::task::spawn_blocking(move || store.delete_upload(&id)).await??;
            state.locks.forget(&info.id);
            return Err(ApiError::DigestMismatch(format!(
                "declared sha256 {declared} does not match the received bytes (sha256 {sha}); the upload was discarded"
            )));
        }
    }
    let (store, id, user, sha2) = (state.store.clone(), info.id.clone(), info.user.clone(), sha.clone());
    let filename = non_empty(&info.metadata, keys::FILENAME).unwrap_or_default().to_string();
    // Held until the record is written: see `BlobGate`.
    let _gate = state.blob_gate.lock(&sha).await;
    let (is_new, facts) = tokio::task::spawn_blocking(move || -> std::io::Result<_> {
        let is_new = store.commit_blob(&id, &user, &sha2)?;
        let mut head = Vec::new();
        if let Some((r, _)) = store.open_blob(&user, &sha2)? {
            r.take(INSPECT_BYTES as u64).read_to_end(&mut head)?;
        }
        Ok((is_new, inspect(&filename, &head, length)))
    })
    .await??;

    let m = &info.metadata;
    let captured_at = facts
        .captured_at
        .as_deref()
        .and_then(wall_clock_from_exif)
        .or_else(|| non_empty(m, keys::LAST_MODIFIED).and_then(|v| v.parse::<i64>().ok()).map(rfc3339_from_ms));
    let filetype = non_empty(m, keys::FILETYPE)
        .map(str::to_string)
        .or_else(|| (facts.format != shoebox_core::facts::Format::Unknown).then(|| facts.format.mime().to_string()));
    let item = MediaItem {
        sha256: sha.clone(),
        source_sha256: non_empty(m, keys::SOURCE_SHA256).map(str::to_string),
        filename: non_empty(m, keys::FILENAME).map(str::to_string),
        relative_path: non_empty(m, keys::RELATIVE_PATH).map(str::to_string),
        album: album(m),
        size: length,
        filetype,
        width: facts.width,
        height: facts.height,
        captured_at,
        uploaded_at: rfc3339_from_ms(now_ms() as i64),
        camera: facts.camera.clone(),
        lat: facts.location.map(|g| g.lat),
        lon: facts.location.map(|g| g.lon),
        orientation: facts.orientation,
        ..MediaItem::default()
    };
    let (index, user) = (state.index.clone(), info.user.clone());
    tokio::task::spawn_blocking(move || index.insert(&user, &item)).await??;

    info.state = UploadState::Complete { sha256: Some(sha), bytes_kept: false };
    info.expires_ms = super::new_expiry(state);
    super::save(state, &info).await?;
    Metrics::add(&state.metrics.uploads_completed, 1);
    if !is_new {
        Metrics::add(&state.metrics.uploads_deduplicated, 1);
    }
    Ok(info)
}
