//! The periodic scrub (`--scrub-interval-hours N`, off by default): the blob half of
//! `shoebox-server verify`, in the background, one blob at a time on a blocking thread. Each
//! mismatch is logged as an error and counted in `shoebox_scrub_mismatches_total`, so an
//! alert on that counter catches a disk that rots stored photos long before anyone opens them.
//! It reads every stored byte once per pass, from the disk rather than the page cache.
use super::verify::{verify_blobs, Report};
use crate::http::metrics::Metrics;
use crate::state::AppState;
use std::io;

/// Starts the scrub when an interval is configured. The first pass runs one interval after
/// startup, not at once: a restart should not begin with reading the whole store.
pub fn spawn(state: AppState) -> Option<tokio::task::JoinHandle<()>> {
    let every = state.config.scrub_interval?;
    Some(tokio::spawn(async move {
        let mut tick = tokio::time::interval_at(tokio::time::Instant::now() + every, every);
        // A pass longer than the interval delays the next one rather than queueing several.
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            let s = state.clone();
            match tokio::task::spawn_blocking(move || run_once(&s)).await {
                Ok(Ok(r)) if r.mismatches.is_empty() => {
                    tracing::info!(checked = r.checked, bytes = r.bytes, "scrub: every stored file matches")
                }
                Ok(Ok(r)) => tracing::error!(checked = r.checked, mismatches = r.mismatches.len(), "scrub: stored files do not match"),
                Ok(Err(e)) => tracing::warn!(error = %e, "scrub failed"),
                Err(e) => tracing::warn!(error = %e, "scrub task failed"),
            }
        }
    }))
}

/// One pass over every blob (in the data folder or the `--store` bucket), counted in the
/// metrics as it goes.
pub fn run_once(state: &AppState) -> io::Result<Report> {
    if let Some(url) = &state.config.store {
        let s3 = crate::store::s3::S3Store::open(url)?;
        return Ok(super::verify_store::verify_blobs(&s3, |b, res| seen(state, b, res))?.0);
    }
    verify_blobs(&state.config.data_dir, |b, res| seen(state, b, res))
}

fn seen(state: &AppState, b: &super::verify::Blob, res: &io::Result<(Option<String>, u64)>) {
    match res {
        Ok((bad, _)) => {
            Metrics::add(&state.metrics.scrub_checked, 1);
            if let Some(actual) = bad {
                Metrics::add(&state.metrics.scrub_mismatches, 1);
                tracing::error!(user = %b.user, sha256 = %b.sha256, actual = %actual, path = %b.path.display(), "scrub: stored file does not match its sha256");
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => tracing::warn!(user = %b.user, sha256 = %b.sha256, error = %e, "scrub: cannot read stored file"),
    }
}
