//! Completion: when the last byte is durable, read the stored bytes back from the disk and hash
//! them (a mismatch with what was received → 500, the bytes are dropped and the client resends),
//! check the declared sha256 (mismatch → 422 and the upload is discarded), store the user's
//! content-addressed blob (one copy per content), write the media record, mark the upload
//! complete and only then drop its bytes. Each step is a named crash point
//! (`integrity::faults::CRASH_STEPS`); a crash between any two leaves an upload that HEAD
//! completes (its bytes are all still there) or one already complete, never half of each.
use super::metadata::{media_items, non_empty};
use crate::http::error::ApiError;
use crate::http::metrics::Metrics;
use crate::integrity::faults::crash_point;
use crate::integrity::hash_reader;
use crate::locks::SlotGuard;
use crate::state::AppState;
use crate::store::record::{Concat, UploadInfo, UploadState};
use crate::timefmt::now_ms;
use shoebox_core::photo::{inspect, INSPECT_BYTES};
use shoebox_core::tus::keys;
use std::io::Read;

pub async fn finish(state: &AppState, mut info: UploadInfo, guard: &mut SlotGuard) -> Result<UploadInfo, ApiError> {
    let length = info.length.unwrap_or(0);
    // Nothing of a kiosk visit that is over is stored, whatever request brings its last bytes.
    let visit = super::visit_alive(state, &info).await?;
    if info.concat == Concat::Partial {
        // A part of a larger file: only its final upload is hashed and indexed.
        info.state = UploadState::Complete { sha256: None, bytes_kept: true };
        super::save(state, &info).await?;
        return Ok(info);
    }
    crash_point("bytes-durable");
    // Normally the stored bytes were read back as they became durable (`behind`): only the
    // last PATCH's may still be being read now, after its fsync, and the
    // file's SHA-256 is that of what the disk holds. Otherwise (after a restart, a joined
    // concatenation, a store that cannot read back as it goes) all of it is read back now,
    // bypassing the page cache, and compared with what arrived, hashed on the way in (None
    // after a restart or a resumed hash gap). Without a read-back, a disk that corrupts or
    // tears writes would pass as a good backup.
    let progress = guard.stored.take().filter(|b| b.end() == length);
    let received = guard.hasher.take().filter(|(o, _)| *o == length).map(|(_, h)| shoebox_core::hash::hex(&sha2::Digest::finalize(h)));
    let (store, id, r) = (state.store.clone(), info.id.clone(), received.clone());
    let (sha, stored_len, agrees) = tokio::task::spawn_blocking(move || -> std::io::Result<_> {
        if let Some(p) = progress.and_then(|b| b.wait()) {
            if let Some((sha, agrees)) = p.digest() {
                return Ok((sha, length, agrees));
            }
        }
        let (sha, len) = read_back_all(&*store, &id)?;
        let agrees = r.is_none_or(|r| r == sha);
        Ok((sha, len, agrees))
    })
    .await??;
    if !agrees || stored_len != length {
        // Keep the upload, drop its bytes: HEAD then says 0 and the client sends it all again.
        let (store, id) = (state.store.clone(), info.id.clone());
        tokio::task::spawn_blocking(move || store.discard_upload_bytes(&id)).await??;
        Metrics::add(&state.metrics.stored_mismatches, 1);
        return Err(ApiError::StoredMismatch(format!(
            "the bytes read back from storage ({stored_len} bytes, sha256 {sha}) are not the {length} bytes received{}: \
             the server's disk may be failing. Nothing was stored; the upload restarts at offset 0, send it again",
            received.map(|r| format!(" (sha256 {r})")).unwrap_or_default()
        )));
    }
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
    // A visitor's upload is judged by the kiosk's limit for what the bytes are, not for what
    // the client declared them to be.
    if let Some(v) = visit {
        let (store, id) = (state.store.clone(), info.id.clone());
        let format = tokio::task::spawn_blocking(move || -> std::io::Result<_> {
            let mut head = Vec::new();
            store.open_upload_reader(&id)?.take(INSPECT_BYTES as u64).read_to_end(&mut head)?;
            Ok(shoebox_core::photo::sniff::sniff(&head))
        })
        .await??;
        if let Err(e) = super::within_kiosk_limits_sniffed(state, &v.profile, length, format) {
            let (store, id) = (state.store.clone(), info.id.clone());
            tokio::task::spawn_blocking(move || store.delete_upload(&id)).await??;
            state.locks.forget(&info.id);
            return Err(e);
        }
    }
    crash_point("verified");
    let (store, id, user, sha2) = (state.store.clone(), info.id.clone(), info.user.clone(), sha.clone());
    let filename = non_empty(&info.metadata, keys::FILENAME).unwrap_or_default().to_string();
    // Held until the record is written: see `BlobGate`.
    let _gate = state.blob_gate.lock(&sha).await?;
    let (is_new, facts) = tokio::task::spawn_blocking(move || -> std::io::Result<_> {
        let is_new = store.commit_blob(&id, &user, &sha2)?;
        crash_point("blob-committed");
        if is_new {
            // A mark left from earlier bytes under this name (lost, then sent again) would
            // hide these bytes' previews; nothing else can have made one for them yet.
            store.delete_thumbs(&user, &sha2)?;
        }
        let mut head = Vec::new();
        if let Some((r, _)) = store.open_blob(&user, &sha2)? {
            r.take(INSPECT_BYTES as u64).read_to_end(&mut head)?;
        }
        Ok((is_new, inspect(&filename, &head, length)))
    })
    .await??;

    let items = media_items(&info.metadata, &sha, length, &facts, now_ms());
    let (index, user) = (state.index.clone(), info.user.clone());
    tokio::task::spawn_blocking(move || index.insert_many(&user, &items)).await??;
    crash_point("indexed");

    info.state = UploadState::Complete { sha256: Some(sha), bytes_kept: false };
    info.expires_ms = super::new_expiry(state);
    super::save(state, &info).await?;
    crash_point("recorded");
    // The blob holds the content now. A crash before this leaves the file to the reaper.
    let (store, id) = (state.store.clone(), info.id.clone());
    tokio::task::spawn_blocking(move || store.discard_upload_bytes(&id)).await??;
    Metrics::add(&state.metrics.uploads_completed, 1);
    if !is_new {
        Metrics::add(&state.metrics.uploads_deduplicated, 1);
    }
    Ok(info)
}

/// The SHA-256 and length of everything the storage holds for an upload, read from the device.
fn read_back_all(store: &dyn crate::store::Store, id: &crate::store::record::UploadId) -> std::io::Result<(String, u64)> {
    let Some(mut rb) = store.upload_read_back(id)? else { return hash_reader(store.read_back_upload(id)?) };
    let mut h = <sha2::Sha256 as sha2::Digest>::new();
    let n = rb.read_range(0, u64::MAX, &mut |b| sha2::Digest::update(&mut h, b))?;
    Ok((shoebox_core::hash::hex(&sha2::Digest::finalize(h)), n))
}
