//! Streams one request body into an upload: the network side reads frames while a blocking
//! thread writes, hashes and finally fsyncs them, so receiving and disk work overlap. Only
//! after the fsync does the caller learn the new offset. The upload's lock guard travels with
//! the writer thread, so even if the request is dropped no second writer can start before the
//! bytes are settled.
use super::behind::ReadBehind;
use super::checksum::Checksum;
use super::readback::Cutter;
use crate::http::error::ApiError;
use crate::http::metrics::Metrics;
use crate::locks::SlotGuard;
use crate::state::AppState;
use crate::store::record::UploadId;
use axum::body::Body;
use bytes::Bytes;
use futures_util::StreamExt;
use sha2::{Digest, Sha256};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// The whole body arrived (and matched its checksum, if any).
    Complete,
    /// The connection broke mid-body: the bytes that arrived are kept (unless checksummed).
    CutOff,
    /// Upload-Checksum mismatch: chunk discarded.
    ChecksumMismatch,
    /// More bytes than the upload's length: chunk discarded.
    Overflow,
    /// The kiosk visit the upload belongs to has ended: chunk discarded, the upload goes.
    VisitEnded,
}

/// How often a kiosk visitor's running body checks that its visit still lives (and tells the
/// visit that bytes are moving): every few MiB, and at least once a second while bytes arrive.
const VISIT_CHECK_BYTES: u64 = 4 << 20;
const VISIT_CHECK_MIN: std::time::Duration = std::time::Duration::from_millis(250);
const VISIT_CHECK_MAX: std::time::Duration = std::time::Duration::from_secs(1);

enum Msg {
    Data(Bytes),
    End(Ending),
}

pub struct Ingested {
    pub guard: SlotGuard,
    pub ending: Ending,
    /// The durable offset after this body.
    pub offset: u64,
}

/// Appends `body` at `start`. `max_end` is the upload length when known (or the most a
/// deferred length may reach). `visit` is the kiosk session token hash the upload belongs to.
#[allow(clippy::too_many_arguments)]
pub async fn ingest(
    state: &AppState,
    id: &UploadId,
    guard: SlotGuard,
    start: u64,
    max_end: Option<u64>,
    body: Body,
    checksum: Option<Checksum>,
    visit: Option<&str>,
) -> Result<Ingested, ApiError> {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<Msg>(64);
    let store = state.store.clone();
    let locks = state.locks.clone();
    let (wid, verified) = (id.clone(), checksum.is_some());
    locks.set_inflight(id, Some(start));
    let writer = tokio::task::spawn_blocking(move || {
        let mut guard = guard;
        // Where the store can read bytes back cheaply, what earlier PATCHes made durable is
        // read back behind them (`behind`), and this PATCH's pieces join that once fsync'd.
        // That needs the read-back to account for exactly the bytes before `start`.
        let mut behind = guard.stored.take().filter(|b| b.end() == start);
        if behind.is_none() && start == 0 && matches!(store.upload_read_back(&wid), Ok(Some(_))) {
            behind = Some(ReadBehind::fresh());
        }
        let live = behind.is_some();
        // Otherwise the received bytes are hashed, for completion to compare with a full
        // read-back; the running hash continues only if it covers exactly the bytes before `start`.
        let mut hasher = match guard.hasher.take() {
            _ if live => None,
            Some((o, h)) if o == start => Some(h),
            _ if start == 0 => Some(Sha256::new()),
            _ => None,
        };
        let before = hasher.clone();
        let mut n: u64 = 0;
        // Hashing runs on its own thread beside the writer, so a chunk costs about the slower
        // of the two rather than their sum. Bytes are reference-counted: nothing is copied to
        // hash them.
        let (htx, hrx) = std::sync::mpsc::sync_channel::<Bytes>(64);
        let mut hash_state = (hasher.take(), checksum, live.then(|| Cutter::new(start)));
        let res: std::io::Result<Ending> = std::thread::scope(|scope| {
            let hashing = scope.spawn(move || {
                for b in hrx {
                    if let Some(h) = hash_state.0.as_mut() {
                        h.update(&b)
                    }
                    if let Some(c) = hash_state.1.as_mut() {
                        c.update(&b)
                    }
                    if let Some(cut) = hash_state.2.as_mut() {
                        cut.feed(&b)
                    }
                }
                (hash_state.0, hash_state.1, hash_state.2.map(Cutter::finish))
            });
            let written = (|| -> std::io::Result<(Box<dyn crate::store::UploadWriter>, Ending)> {
                let mut w = store.open_writer(&wid, start)?;
                let ending = loop {
                    match rx.blocking_recv() {
                        Some(Msg::Data(b)) => {
                            if let Err(e) = w.write_all(&b) {
                                // Keep what was written whole before the error (e.g. disk full).
                                let _ = w.truncate(start + n);
                                return Err(e);
                            }
                            n += b.len() as u64;
                            let _ = htx.send(b);
                        }
                        Some(Msg::End(e)) => break e,
                        // The request future was dropped: the connection is gone.
                        None => break Ending::CutOff,
                    }
                };
                Ok((w, ending))
            })();
            drop(htx);
            let (h, checksum, pieces) = hashing.join().expect("hashing thread");
            hasher = h;
            let (mut w, ending) = written?;
            let ending = match ending {
                Ending::Complete if checksum.is_some_and(|c| !c.matches()) => Ending::ChecksumMismatch,
                // Bytes of a checksummed body that did not all arrive cannot be verified.
                Ending::CutOff if verified => Ending::ChecksumMismatch,
                e => e,
            };
            if matches!(ending, Ending::ChecksumMismatch | Ending::Overflow | Ending::VisitEnded) {
                w.truncate(start)?;
                n = 0;
                hasher = before.clone();
            } else {
                w.sync()?;
                // This body's pieces are durable now: they are read back behind it.
                behind = match (behind.take(), pieces, store.upload_read_back(&wid)) {
                    (Some(b), Some(new), Ok(Some(rb))) => Some(b.then(new, rb)),
                    _ => None,
                };
            }
            Ok(ending)
        });
        if res.is_err() {
            (hasher, behind) = (None, None);
        }
        guard.hasher = hasher.map(|h| (start + n, h));
        guard.stored = behind.filter(|b| b.end() == start + n);
        locks.set_inflight(&wid, None);
        (guard, n, res)
    });

    let mut stream = body.into_data_stream();
    let mut total: u64 = 0;
    let (mut checked_at, mut checked_bytes) = (None::<std::time::Instant>, 0u64);
    let ending = loop {
        // A body that sends nothing for --body-idle-timeout-secs is treated as cut off, so its
        // lock is released (the listener enforces the same deadline on every request body).
        match tokio::time::timeout(state.config.body_idle_timeout, stream.next()).await {
            Ok(None) => break Ending::Complete,
            Ok(Some(Ok(b))) => {
                total += b.len() as u64;
                if max_end.is_some_and(|m| start + total > m) {
                    break Ending::Overflow;
                }
                if let Some(v) = visit {
                    let since = checked_at.map(|t| t.elapsed());
                    let due =
                        since.is_none_or(|d| d >= VISIT_CHECK_MAX || (d >= VISIT_CHECK_MIN && total - checked_bytes >= VISIT_CHECK_BYTES));
                    if due {
                        (checked_at, checked_bytes) = (Some(std::time::Instant::now()), total);
                        let (sessions, v) = (state.sessions.clone(), v.to_string());
                        let now = crate::timefmt::now_ms();
                        if !tokio::task::spawn_blocking(move || sessions.touch(&v, true, now)).await?? {
                            break Ending::VisitEnded;
                        }
                    }
                }
                if tx.send(Msg::Data(b)).await.is_err() {
                    break Ending::CutOff; // the writer failed; its error is reported below
                }
            }
            Ok(Some(Err(_))) | Err(_) => break Ending::CutOff,
        }
    };
    let _ = tx.send(Msg::End(ending)).await;
    drop(tx);
    let (guard, n, res) = writer.await?;
    Metrics::add(&state.metrics.received_bytes, n);
    let ending = res?;
    Ok(Ingested { guard, ending, offset: start + n })
}
