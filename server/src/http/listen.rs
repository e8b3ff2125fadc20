//! The listener: accepts TCP connections and serves each with hyper's HTTP/1 server, bounded
//! so that slow or idle clients cannot keep others out. axum::serve has no header read
//! timeout (hyper's needs a timer it does not set), so a connection that never finished its
//! request head stayed open for ever; here every connection has
//! - a deadline for each request head (and, between keep-alive requests, for the next one),
//! - a size cap on the head (431 above it),
//! - an idle deadline on its request body (an upload keeps what arrived; the client resumes),
//! - and a place under a cap on open connections: past it, new ones wait in the listen queue.
use super::drain::DrainOnDrop;
use crate::config::ServerConfig;
use axum::body::Body;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;
use tower_http::timeout::TimeoutBody;

/// The largest request head (request line and headers) taken; hyper answers 431 above it.
/// Upload-Metadata is capped at 16 KiB (`upload::metadata`), and this leaves room for it and
/// every usual header, while a head meant to exhaust memory is refused early.
pub const MAX_HEADER_BYTES: usize = 64 * 1024;

/// File descriptors kept for the data folder, SQLite and the blocking pool beside connections.
const SPARE_FDS: u64 = 256;

#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub max_connections: usize,
    pub header_timeout: Duration,
    pub body_idle_timeout: Duration,
}

impl Limits {
    pub fn from_config(c: &ServerConfig) -> Self {
        Limits { max_connections: c.max_connections, header_timeout: c.header_timeout, body_idle_timeout: c.body_idle_timeout }
    }
}

/// Serves `app` on `listener` until the process ends.
pub async fn serve(listener: TcpListener, app: Router, limits: Limits) -> std::io::Result<()> {
    raise_open_files_limit(limits.max_connections as u64 + SPARE_FDS);
    let permits = Arc::new(Semaphore::new(limits.max_connections));
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new()).header_read_timeout(limits.header_timeout).max_header_size(MAX_HEADER_BYTES);
    loop {
        // The permit comes before accept: at the cap a new connection waits in the kernel's
        // listen queue (its handshake done) and is served as soon as another one closes,
        // instead of being accepted and then starved, or costing a descriptor while it waits.
        let permit = permits.clone().acquire_owned().await.expect("the semaphore is never closed");
        let (stream, peer) = match listener.accept().await {
            Ok(accepted) => accepted,
            Err(e) => {
                accept_failed(e).await;
                continue;
            }
        };
        // tus answers are small and come after the body; Nagle would hold them back.
        let _ = stream.set_nodelay(true);
        let (app, http, idle) = (app.clone(), http.clone(), limits.body_idle_timeout);
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |mut req: hyper::Request<Incoming>| {
                // The peer, for per-client rate limits (`client_addr`).
                req.extensions_mut().insert(axum::extract::ConnectInfo(peer));
                // Every frame resets the deadline, so a slow but moving upload is never cut;
                // a stalled one ends with an error the upload path treats as a cut-off body.
                // What a handler leaves unread is read and dropped (`drain.rs`).
                let drain = DrainOnDrop::worth_it(req.headers(), hyper::body::Body::is_end_stream(req.body()));
                app.clone().oneshot(req.map(|b| {
                    let body = Body::new(TimeoutBody::new(idle, b));
                    if drain {
                        DrainOnDrop::wrap(body)
                    } else {
                        body
                    }
                }))
            });
            if let Err(e) = http.serve_connection(TokioIo::new(stream), service).await {
                // Header timeouts, oversized heads and resets land here: the client's doing.
                tracing::debug!(error = %e, "connection ended with an error");
            }
            drop(permit);
        });
    }
}

/// A failed accept: a connection that was reset while queued costs nothing; anything else
/// (out of file descriptors, most likely) is given a moment to clear instead of spinning.
async fn accept_failed(e: std::io::Error) {
    use std::io::ErrorKind::*;
    if matches!(e.kind(), ConnectionAborted | ConnectionReset | ConnectionRefused | Interrupted) {
        return;
    }
    tracing::warn!(error = %e, "accepting a connection failed; retrying in 1 s");
    tokio::time::sleep(Duration::from_secs(1)).await;
}

/// The default open-files limit (often 1,024) is below what --max-connections needs: raise
/// the soft limit towards the hard one, and say so when even that is not enough.
#[cfg(target_os = "linux")]
fn raise_open_files_limit(want: u64) {
    let mut lim = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: getrlimit/setrlimit only read and write the struct passed to them.
    if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) } != 0 || lim.rlim_cur >= want {
        return;
    }
    let target = want.min(lim.rlim_max);
    if target > lim.rlim_cur {
        let new = libc::rlimit { rlim_cur: target, rlim_max: lim.rlim_max };
        // SAFETY: as above.
        if unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &new) } == 0 {
            lim.rlim_cur = target;
        }
    }
    if lim.rlim_cur < want {
        tracing::warn!(limit = lim.rlim_cur, wanted = want, "the open-files limit is below --max-connections; raise it (ulimit -n)");
    }
}

#[cfg(not(target_os = "linux"))]
fn raise_open_files_limit(_want: u64) {}
