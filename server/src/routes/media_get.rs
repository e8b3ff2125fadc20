//! GET /api/v1/media/{sha256}: the stored bytes, with the media's filetype. Streamed from the
//! store on a blocking thread, never read whole into memory.
use crate::auth::User;
use crate::error::ApiError;
use crate::state::AppState;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use bytes::Bytes;
use shoebox_core::hash::is_sha256_hex;
use std::io::Read;

pub async fn get(
    State(state): State<AppState>,
    Extension(User(user)): Extension<User>,
    Extension(access): Extension<crate::auth::Access>,
    Path(sha): Path<String>,
) -> Result<Response, ApiError> {
    if !is_sha256_hex(&sha) {
        return Err(ApiError::NotFound);
    }
    let (index, store, drop) = (state.index.clone(), state.store.clone(), access.drop().map(str::to_string));
    let found = tokio::task::spawn_blocking(move || -> Result<_, ApiError> {
        let Some(item) = index.get(&user, drop.as_deref(), &sha)? else { return Ok(None) };
        Ok(store.open_blob(&user, &sha)?.map(|(r, len)| (item, r, len)))
    })
    .await??;
    let (item, mut reader, len) = found.ok_or(ApiError::NotFound)?;
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(8);
    tokio::task::spawn_blocking(move || loop {
        let mut buf = vec![0u8; 256 * 1024];
        match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                buf.truncate(n);
                if tx.blocking_send(Ok(Bytes::from(buf))).is_err() {
                    break;
                }
            }
            Err(e) => {
                let _ = tx.blocking_send(Err(e));
                break;
            }
        }
    });
    let stream = futures_util::stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|x| (x, rx)) });
    let ctype = item.filetype.unwrap_or_else(|| "application/octet-stream".into());
    Ok((StatusCode::OK, [(header::CONTENT_TYPE, ctype), (header::CONTENT_LENGTH, len.to_string())], Body::from_stream(stream))
        .into_response())
}
