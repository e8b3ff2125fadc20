//! HTTP routes, one handler per file, and the header helpers they share.
pub mod album_edit;
pub mod album_zip;
pub mod albums;
pub mod app_csp;
pub mod app_files;
pub mod blob;
pub mod blob_motion;
pub mod check;
pub mod config;
pub mod create;
pub mod delete;
pub mod devices;
pub mod head;
pub mod kiosk;
pub mod media_get;
pub mod media_list;
pub mod media_summary;
pub mod method_override;
pub mod metrics;
pub mod options;
pub mod patch;
pub mod ranges;
pub mod signin;
pub mod takeout_fill;
pub mod thumb_put;
pub mod trash;
pub mod visits;

use crate::accounts::signing::BlobKind;
use crate::http::error::ApiError;
use crate::state::AppState;
use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue};
use bytes::Bytes;
use shoebox_core::api::MediaItem;
use std::io::Read;

/// The tus endpoint's path; Location headers are relative to the server root.
pub const FILES: &str = "/files/";

/// A header as text, if present and printable.
pub fn header<'a>(h: &'a HeaderMap, name: &str) -> Option<&'a str> {
    h.get(name).and_then(|v| v.to_str().ok()).map(str::trim)
}

/// A non-negative integer header; malformed values are a 400 naming the header.
pub fn header_u64(h: &HeaderMap, name: &str) -> Result<Option<u64>, ApiError> {
    match header(h, name) {
        None => Ok(None),
        Some(v) => v.parse::<u64>().map(Some).map_err(|_| ApiError::bad(format!("{name} must be a non-negative integer"))),
    }
}

pub fn hv(s: impl AsRef<str>) -> HeaderValue {
    HeaderValue::from_str(s.as_ref()).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// A body that streams `reader` (at most `limit` bytes) from a blocking thread, never holding
/// more than a few buffers of it in memory.
pub fn stream_body(mut reader: Box<dyn Read + Send>, limit: u64) -> Body {
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(8);
    tokio::task::spawn_blocking(move || {
        let mut left = limit;
        while left > 0 {
            let mut buf = vec![0u8; (256 * 1024).min(left as usize)];
            match reader.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    buf.truncate(n);
                    left -= n as u64;
                    if tx.blocking_send(Ok(Bytes::from(buf))).is_err() {
                        break;
                    }
                }
                Err(e) => {
                    let _ = tx.blocking_send(Err(e));
                    break;
                }
            }
        }
    });
    Body::from_stream(futures_util::stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|x| (x, rx)) }))
}

/// Fills in the signed URLs of records the caller may read (a kiosk visitor's are bound to
/// its visit, so they stop when it ends).
pub fn sign_items(state: &AppState, user: &str, access: &crate::accounts::auth::Access, items: &mut [MediaItem]) {
    let now_s = crate::timefmt::now_ms() / 1000;
    let visit = match access {
        crate::accounts::auth::Access::Visitor { visit, .. } => Some(visit.as_str()),
        _ => None,
    };
    for m in items {
        let u = state.signer.urls(user, &m.sha256, visit, now_s);
        m.thumb_url = Some(u.thumb);
        m.preview_url = Some(u.preview);
        m.original_url = Some(u.original);
        m.download_url = Some(u.download);
        if let Some(motion) = &mut m.motion {
            let kind = if motion.embedded || motion.h264_copy { BlobKind::Motion } else { BlobKind::Original };
            motion.video_url = Some(state.signer.url(kind, user, &motion.sha256, visit, now_s));
            if !motion.embedded {
                motion.download_url = Some(state.signer.url(BlobKind::Download, user, &motion.sha256, visit, now_s));
            }
        }
        for sc in &mut m.sidecars {
            sc.download_url = Some(state.signer.url(BlobKind::Download, user, &sc.sha256, visit, now_s));
        }
    }
}
