//! Background tasks: expiration deletes uploads (record and bytes) whose expiry has passed
//! (completed content stays in the library; only the upload URL goes away; uploads being
//! written at that moment are left for the next round), and the Trash purge (`purge.rs`) runs
//! every [`PURGE_EVERY`] on every node.
use crate::state::AppState;
use crate::timefmt::now_ms;
use std::time::Duration;

/// How often the Trash is purged. Trash time is counted in days, so an hour late is nothing.
pub const PURGE_EVERY: Duration = Duration::from_secs(3600);

pub fn spawn(state: AppState) -> tokio::task::JoinHandle<()> {
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
                crate::purge::purge(&s.index, s.store.as_ref(), &s.blob_gate, s.config.trash_days, now_ms())
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
            let s = state.clone();
            match tokio::task::spawn_blocking(move || sweep(&s)).await {
                Ok(Ok(n)) if n > 0 => tracing::info!(removed = n, "expired uploads removed"),
                Ok(Err(e)) => tracing::warn!(error = %e, "expiry sweep failed"),
                _ => {}
            }
        }
    })
}

/// One pass; returns how many uploads were removed.
pub fn sweep(state: &AppState) -> std::io::Result<usize> {
    let now = now_ms();
    let mut removed = 0;
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
