//! The clip inside a Motion Photo, for `GET /api/v1/blob/motion/{sha256}` (blob.rs checks the
//! signature and the record): the stored bytes from where the clip starts to its end (the
//! file's, or the length Samsung's trailer gives), served as a file of their own, Range
//! requests counted from the clip's first byte.
use std::io::Read;

use crate::http::error::ApiError;
use crate::http::served_type::{self, ServeAs};
use crate::state::AppState;
use axum::response::Response;

pub async fn embedded(
    state: &AppState,
    user: &str,
    drop: Option<&str>,
    sha: &str,
    range: Option<&str>,
) -> Result<(Response, ServeAs), ApiError> {
    let (index, store, u, s, d) = (state.index.clone(), state.store.clone(), user.to_string(), sha.to_string(), drop.map(str::to_string));
    let found = tokio::task::spawn_blocking(move || -> Result<_, ApiError> {
        let Some((offset, length)) = index.motion_clip(&u, d.as_deref(), &s)? else { return Ok(None) };
        let Some((r, len)) = store.open_blob_at(&u, &s, offset)? else { return Ok(None) };
        let mut head = Vec::new();
        r.take(served_type::SNIFF_BYTES).read_to_end(&mut head)?;
        let clip_len = len.saturating_sub(offset).min(length.unwrap_or(u64::MAX));
        Ok(Some((offset, clip_len, head)))
    })
    .await??;
    let (offset, clip_len, head) = found.ok_or(ApiError::NotFound)?;
    let serve = served_type::serve_as(Some("video/mp4"), &head);
    let (store, u, s) = (state.store.clone(), user.to_string(), sha.to_string());
    let res = super::ranges::ranged(range, clip_len, serve.content_type(), move |start, n| {
        let (r, _) = store.open_blob_at(&u, &s, offset + start)?.ok_or(ApiError::NotFound)?;
        Ok(super::stream_body(r, n))
    })?;
    Ok((res, serve))
}
