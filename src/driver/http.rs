//! The driver's HTTP port: turns an engine request into an XMLHttpRequest with a Blob-slice
//! body (plus a per-chunk checksum digested in a worker when the engine asks, or taken from
//! the digest the engine had started ahead with `Action::Digest`), and feeds the progress and
//! the answer back to the engine. Every call a flow in core asks for ([`ApiCall`]) goes out
//! through [`api`] too, to the engine's API base: one way to the server for the whole app.
use futures::future::{FutureExt, LocalBoxFuture, Shared};
use shoebox_core::api::{ApiAnswer, ApiCall, ApiReply, Bearer};
use shoebox_core::engine::{Body, ChecksumAlgo, FileId, HttpRequest, HttpResponse, NetError, RequestId, Source};
use shoebox_core::worker_protocol::ChunkOf;
use wasm_bindgen::JsCast;
use web_sys::Blob;

use super::{step, with, Inner};
use crate::browser::{clock, network, xhr};

/// A chunk digest started ahead of its PATCH (`Action::Digest`): one per file, the latest.
pub(super) struct Ahead {
    source: Source,
    start: u64,
    end: u64,
    algo: ChecksumAlgo,
    digest: Shared<LocalBoxFuture<'static, Result<Vec<u8>, NetError>>>,
}

impl Inner {
    /// Start digesting a chunk now, in a worker, for the PATCH that will carry it.
    pub(super) fn digest_ahead(&mut self, file: FileId, source: Source, start: u64, end: u64, algo: ChecksumAlgo) {
        let prepared = match source {
            Source::Original => None,
            Source::Prepared => match self.prepared.get(&file) {
                Some(b) => Some(b.clone()),
                None => return,
            },
        };
        let pool = self.pool.clone();
        let of = prepared.is_none().then_some(ChunkOf { file: file.0, start });
        let digest = async move {
            let blob: Blob = match prepared {
                Some(b) => b,
                None => super::open(file).await.map_err(|_| gone())?.unchecked_into(),
            };
            let slice = blob.slice_with_f64_and_f64(start as f64, end as f64).map_err(|_| gone())?;
            pool.digest(slice, algo, of).await.map_err(NetError::Worker)
        }
        .boxed_local()
        .shared();
        // A shared future runs only when polled: start the worker's job now.
        let started = digest.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let _ = started.await;
        });
        self.digests.insert(file, Ahead { source, start, end, algo, digest });
    }

    pub(super) fn send(&mut self, req: RequestId, request: shoebox_core::engine::HttpRequest) {
        // A slice of the original is cut in the async part: a dropped file may still need opening.
        let (body, slice) = match &request.body {
            Body::Empty => (xhr::XhrBody::Empty, None),
            Body::Json(s) => (xhr::XhrBody::Text(s.clone()), None),
            Body::Slice { file, source, start, end, checksum } => {
                let prepared = match source {
                    Source::Original => None,
                    Source::Prepared => match self.prepared.get(file) {
                        Some(b) => Some(b.clone()),
                        None => return self.engine.handle_response(req, Err(gone()), clock::now_ms()),
                    },
                };
                // The digest started ahead for exactly this slice, if any (a stale one is dropped).
                let ahead =
                    self.digests.remove(file).filter(|a| (a.source, a.start, a.end, Some(a.algo)) == (*source, *start, *end, *checksum));
                (xhr::XhrBody::Empty, Some((*file, prepared, *start, *end, *checksum, ahead.map(|a| a.digest))))
            }
        };
        let pool = self.pool.clone();
        let method = request.method.as_str().to_string();
        let url = request.url.clone();
        let mut headers = request.headers.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let mut body = body;
            let mut checksum = None;
            let mut ahead = None;
            let mut of = None;
            if let Some((file, prepared, start, end, algo, digested)) = slice {
                ahead = digested;
                of = prepared.is_none().then_some(ChunkOf { file: file.0, start });
                let blob: Option<Blob> = match prepared {
                    Some(b) => Some(b),
                    None => super::open(file).await.ok().map(|f| f.unchecked_into()),
                };
                // f64 offsets are exact up to 2^53 bytes: fine for any file. A body that is the
                // whole blob is sent as it is: a slice costs the page's thread a round to the
                // browser's blob registry (about a millisecond, for each of 1,000 small photos).
                let whole = |b: &Blob| start == 0 && b.size() == end as f64;
                match blob.and_then(|b| if whole(&b) { Some(b) } else { b.slice_with_f64_and_f64(start as f64, end as f64).ok() }) {
                    Some(s) => {
                        body = xhr::XhrBody::Blob(s);
                        checksum = algo;
                    }
                    None => return step(|e, now| e.handle_response(req, Err(gone()), now)),
                }
            }
            if let (Some(algo), xhr::XhrBody::Blob(b)) = (checksum, &body) {
                // The checksum covers exactly this slice, digested in a worker with exactly the
                // algorithm the engine chose (the label and the digest always agree).
                let digest = match ahead {
                    Some(d) => d.await,
                    None => pool.digest(b.clone(), algo, of).await.map_err(NetError::Worker),
                };
                match digest {
                    Ok(digest) => headers.push(("Upload-Checksum".into(), algo.header_value(&digest))),
                    Err(e) => {
                        step(|en, now| en.handle_response(req, Err(e), now));
                        return;
                    }
                }
            }
            let xreq = xhr::XhrRequest { method, url, headers, body };
            let sent = xhr::send(xreq, move |n| step(|e, now| e.handle_progress(req, n, now)));
            match sent {
                Ok((handle, fut)) => {
                    with(|d| d.requests.insert(req, handle));
                    let result = fut.await;
                    let answer = match result {
                        Ok(r) => Ok(HttpResponse { status: r.status, headers: r.headers, body: r.body }),
                        Err(xhr::XhrError::Aborted) => Err(NetError::Aborted),
                        Err(xhr::XhrError::Network) if !network::is_online() => Err(NetError::Offline),
                        Err(xhr::XhrError::Network) => Err(NetError::Connection),
                        Err(xhr::XhrError::Other(m)) => Err(NetError::Other(m)),
                    };
                    with(|d| d.requests.remove(&req));
                    step(|e, now| e.handle_response(req, answer, now));
                }
                Err(e) => step(|en, now| en.handle_response(req, Err(NetError::Other(format!("{e:?}"))), now)),
            }
        });
    }
}

/// How long a thumbnail's PUT may take before it is given up.
const THUMB_PUT_GIVE_UP_MS: u32 = 60_000;

impl Inner {
    /// The library's thumbnail: made in a worker from the file (or its downsized copy, taken
    /// now, before the engine's DropPrepared), or a video's first frame in the page (a worker
    /// cannot play video), then PUT as the engine built the request. Best effort: a failure
    /// only means the server makes it, or the library shows a placeholder.
    pub(super) fn thumbnail(&mut self, file: FileId, source: Source, video: bool, (width, height): (u32, u32), request: HttpRequest) {
        let prepared = match source {
            Source::Prepared => self.prepared.get(&file).cloned(),
            Source::Original => None,
        };
        let pool = self.pool.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let made = async move {
                let blob: Blob = match (source, prepared) {
                    (_, Some(b)) => b,
                    (Source::Prepared, None) => return,
                    (Source::Original, None) => match super::open(file).await {
                        Ok(f) => f.unchecked_into(),
                        Err(_) => return,
                    },
                };
                let made = if video {
                    crate::browser::video_poster::first_frame(&blob, shoebox_core::engine::THUMB_LONG_SIDE).await.ok()
                } else {
                    pool.thumbnail(blob, width, height).await.ok()
                };
                let Some(thumb) = made else { return };
                let xreq = xhr::XhrRequest {
                    method: request.method.as_str().into(),
                    url: request.url,
                    headers: request.headers,
                    body: xhr::XhrBody::Blob(thumb),
                };
                // A PUT that never answers must not hold the engine's thumbnail slot for the
                // rest of the page: given up (aborted) after a minute.
                if let Ok((handle, fut)) = xhr::send(xreq, |_| {}) {
                    futures::select! {
                        _ = fut.fuse() => {}
                        _ = clock::sleep_ms(THUMB_PUT_GIVE_UP_MS).fuse() => handle.abort(),
                    }
                }
            };
            made.await;
            // However it ended: the engine lets the next held thumbnail go.
            step(|e, now| e.handle_thumbnail_done(file, now));
        });
    }
}

/// Send a flow's call to `{api_base}{path}` with the bearer it names; the answer goes back to
/// the flow that asked (the caller awaits it and hands it over).
pub(crate) async fn api(call: ApiCall) -> ApiAnswer {
    let Some((base, device_token)) = with(|d| (d.engine.settings().api_base(), d.engine.settings().token.clone())) else {
        return Err(NetError::Aborted);
    };
    let mut headers = vec![];
    let token = match call.bearer {
        Bearer::Nobody => None,
        Bearer::Device => device_token,
        Bearer::Token(t) => Some(t),
    };
    if let Some(t) = token.filter(|t| !t.is_empty()) {
        headers.push(("Authorization".to_string(), format!("Bearer {t}")));
    }
    let body = match call.body {
        Some(b) => {
            headers.push(("Content-Type".into(), "application/json".into()));
            xhr::XhrBody::Text(b)
        }
        None => xhr::XhrBody::Empty,
    };
    let request = xhr::XhrRequest { method: call.method.as_str().into(), url: format!("{base}{}", call.path), headers, body };
    let (_handle, answer) = xhr::send(request, |_| {}).map_err(|e| NetError::Other(format!("{e:?}")))?;
    match answer.await {
        Ok(r) => Ok(ApiReply::new(r.status, r.body)),
        Err(xhr::XhrError::Aborted) => Err(NetError::Aborted),
        Err(xhr::XhrError::Network) if !network::is_online() => Err(NetError::Offline),
        Err(xhr::XhrError::Network) => Err(NetError::Connection),
        Err(xhr::XhrError::Other(m)) => Err(NetError::Other(m)),
    }
}

fn gone() -> NetError {
    NetError::Gone
}
