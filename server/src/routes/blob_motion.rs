//! The clip inside a Motion Photo, for `GET /api/v1/blob/motion/{sha256}` (blob.rs checks the
//! signature and the record): the stored bytes from where the clip starts to its end (the
//! file's, or the length Samsung's trailer gives), served as a file of their own, Range
//! requests counted from the clip's first byte. For a Live Photo's HEVC clip, the same URL
//! kind serves its H.264 copy (`previews::transcode`).
use std::io::Read;

use crate::http::error::ApiError;
use crate::http::served_type::{self, ServeAs};
use crate::state::AppState;
use axum::response::Response;

/// What the motion URL serves: a range of the photo's own bytes, or a clip's H.264 copy.
enum Clip {
    Embedded(u64, u64, Vec<u8>),
    Copy(Vec<u8>),
}

pub async fn embedded(
    state: &AppState,
    user: &str,
    drop: Option<&str>,
    sha: &str,
    range: Option<&str>,
) -> Result<(Response, ServeAs), ApiError> {
    let (index, store, u, s, d) = (state.index.clone(), state.store.clone(), user.to_string(), sha.to_string(), drop.map(str::to_string));
    let found = tokio::task::spawn_blocking(move || -> Result<_, ApiError> {
        let Some((offset, length)) = index.motion_clip(&u, d.as_deref(), &s)? else {
            // A Live Photo's clip: its H.264 copy, when the server made one.
            return Ok(store.open_thumb(&u, &s, "h264")?.map(Clip::Copy));
        };
        let Some((r, len)) = store.open_blob_at(&u, &s, offset)? else { return Ok(None) };
        let mut head = Vec::new();
        r.take(served_type::SNIFF_BYTES).read_to_end(&mut head)?;
        let clip_len = len.saturating_sub(offset).min(length.unwrap_or(u64::MAX));
        Ok(Some(Clip::Embedded(offset, clip_len, head)))
    })
    .await??;
    let (offset, clip_len, head) = match found.ok_or(ApiError::NotFound)? {
        Clip::Embedded(offset, clip_len, head) => (offset, clip_len, head),
        Clip::Copy(mp4) => {
            let serve = served_type::serve_as(Some("video/mp4"), &mp4);
            let res = super::ranges::ranged(range, mp4.len() as u64, serve.content_type(), move |start, n| {
                Ok(axum::body::Body::from(mp4[start as usize..(start + n) as usize].to_vec()))
            })?;
            return Ok((res, serve));
        }
    };
    let serve = served_type::serve_as(Some("video/mp4"), &head);
    let (store, u, s) = (state.store.clone(), user.to_string(), sha.to_string());
    let res = super::ranges::ranged(range, clip_len, serve.content_type(), move |start, n| {
        let (r, _) = store.open_blob_at(&u, &s, offset + start)?.ok_or(ApiError::NotFound)?;
        Ok(super::stream_body(r, n))
    })?;
    Ok((res, serve))
}
