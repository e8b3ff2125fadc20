//! Background tasks: expiration deletes uploads (record and bytes) whose expiry has passed
//! (completed content stays in the library; only the upload URL goes away; uploads being
//! written at that moment are left for the next round), and the Trash purge (`background/purge.rs`) runs
//! every [`PURGE_EVERY`] on every node; the integrity scrub too, when configured. An upload is
//! removed or completed only under its lock, which with PostgreSQL is held across nodes (an
//! upload a node is writing, or another node's reaper is removing, is skipped).
use crate::state::AppState;
use crate::store::record::{UploadId, UploadInfo, UploadState};
use crate::timefmt::now_ms;
use std::time::Duration;

/// How often the Trash is purged. Trash time is counted in days, so an hour late is nothing.
pub const PURGE_EVERY: Duration = Duration::from_secs(3600);

pub fn spawn(state: AppState) -> tokio::task::JoinHandle<()> {
    crate::integrity::scrub::spawn(state.clone());
    spawn_purge(state.clone());
    spawn_expiry(state)
}

fn spawn_purge(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(PURGE_EVERY);
        loop {
            tick.tick().await;
            let s = state.clone();
            let done = tokio::task::spawn_blocking(move || {
                crate::background::purge::purge(&s.index, s.store.as_ref(), &s.blob_gate, s.config.trash_days, now_ms())
            });
            match done.await {
                Ok(Ok(p)) if p.records > 0 => tracing::info!(records = p.records, blobs = p.blobs, "trash purged"),
                Ok(Err(e)) => tracing::warn!(error = %e, "trash purge failed"),
                _ => {}
            }
        }
    })
}

fn spawn_expiry(state: AppState) -> tokio::task::JoinHandle<()> {
    // Often enough that a short expiry (tests use a second) is honoured promptly.
    let every = (state.config.upload_expiry / 4).clamp(Duration::from_millis(100), Duration::from_secs(60));
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        loop {
            tick.tick().await;
            match expire(&state).await {
                Ok(n) if n > 0 => tracing::info!(removed = n, "expired uploads removed"),
                Err(e) => tracing::warn!(error = %e, "expiry sweep failed"),
                _ => {}
            }
        }
    })
}

/// One expiry pass: expired uploads whose bytes are all durable are completed first (see
/// [`complete_expired_orphans`]), the rest removed. Returns how many were removed.
pub async fn expire(state: &AppState) -> std::io::Result<usize> {
    complete_expired_orphans(state).await?;
    let s = state.clone();
    tokio::task::spawn_blocking(move || sweep(&s)).await.map_err(std::io::Error::other)?
}

/// An expired upload with every byte durable but never completed (the server stopped during
/// completion and its client has not asked since) is completed, as HEAD would do, rather than
/// deleted: its client may count it as backed up, and a crash after the blob was stored would
/// otherwise leave a blob that no record names. Returns how many were completed.
pub async fn complete_expired_orphans(state: &AppState) -> std::io::Result<usize> {
    let store = state.store.clone();
    let now = now_ms();
    let found = tokio::task::spawn_blocking(move || -> std::io::Result<Vec<UploadId>> {
        let mut out = Vec::new();
        for id in store.list_uploads()? {
            let Ok(Some(info)) = store.load_upload(&id) else { continue };
            if info.expires_ms <= now && orphaned(store.as_ref(), &info) {
                out.push(id);
            }
        }
        Ok(out)
    })
    .await
    .map_err(std::io::Error::other)??;
    let mut completed = 0;
    for id in found {
        let Some(mut guard) = state.locks.try_lock(&id) else { continue };
        // Again under the lock: a request may have completed or deleted it meanwhile.
        let (store, i) = (state.store.clone(), id.clone());
        let Ok(Ok(Some(info))) = tokio::task::spawn_blocking(move || store.load_upload(&i)).await else { continue };
        if !orphaned(state.store.as_ref(), &info) {
            continue;
        }
        match crate::upload::finish::finish(state, info, &mut guard).await {
            Ok(_) => {
                tracing::warn!(upload = %id, "an expired upload held all its bytes but was never completed: completed it");
                completed += 1;
            }
            Err(e) => tracing::warn!(upload = %id, error = ?e, "could not complete an expired upload holding all its bytes"),
        }
    }
    Ok(completed)
}

/// Visits that ended by themselves (idle, expired, or finishing and quiet) take their
/// unfinished uploads with them, on whichever node sweeps first; then their rows go.
fn end_quiet_visits(state: &AppState, now: u64) -> std::io::Result<usize> {
    let mut dead = Vec::new();
    for id in state.store.list_uploads()? {
        let Ok(Some(info)) = state.store.load_upload(&id) else { continue };
        let Some(h) = info.session.clone().filter(|_| !info.is_complete()) else { continue };
        if !dead.contains(&h) && state.sessions.lookup_hash(&h, now).map_err(std::io::Error::other)?.is_none() {
            dead.push(h);
        }
    }
    let n = if dead.is_empty() {
        0
    } else {
        crate::routes::kiosk::end_uploads(state, &dead).map_err(|e| std::io::Error::other(format!("{e:?}")))?
    };
    state.sessions.sweep(now).map_err(std::io::Error::other)?;
    Ok(n)
}

fn orphaned(store: &dyn crate::store::Store, info: &UploadInfo) -> bool {
    info.state == UploadState::Receiving && info.length.is_some_and(|l| store.upload_offset(&info.id).is_ok_and(|o| o == l))
}

/// One pass; returns how many uploads were removed.
pub fn sweep(state: &AppState) -> std::io::Result<usize> {
    let now = now_ms();
    let mut removed = end_quiet_visits(state, now)?;
    for id in state.store.list_uploads()? {
        let Ok(Some(info)) = state.store.load_upload(&id) else { continue };
        if info.expires_ms > now {
            continue;
        }
        let Some(_guard) = state.locks.try_lock(&id) else { continue };
        state.store.delete_upload(&id)?;
        state.locks.forget(&id);
        removed += 1;
    }
    Ok(removed)
}
