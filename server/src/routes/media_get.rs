//! GET /api/v1/media/{sha256}: the stored bytes, with the media's filetype when their head agrees
//! with it (served_type.rs), else as a download. Streamed from the store on a blocking thread,
//! never read whole into memory.
use crate::accounts::auth::User;
use crate::http::error::ApiError;
use crate::http::served_type::{self, ServeAs};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use shoebox_core::hash::is_sha256_hex;
use std::io::{Cursor, Read};

pub async fn get(
    state: State<AppState>,
    user: Extension<User>,
    access: Extension<crate::accounts::auth::Access>,
    sha: Path<String>,
) -> Response {
    let mut res = answer(state, user, access, sha).await.into_response();
    served_type::protect(res.headers_mut());
    res
}

async fn answer(
    State(state): State<AppState>,
    Extension(User(user)): Extension<User>,
    Extension(access): Extension<crate::accounts::auth::Access>,
    Path(sha): Path<String>,
) -> Result<Response, ApiError> {
    if !is_sha256_hex(&sha) {
        return Err(ApiError::NotFound);
    }
    let (index, store, drop) = (state.index.clone(), state.store.clone(), access.drop().map(str::to_string));
    let found = tokio::task::spawn_blocking(move || -> Result<_, ApiError> {
        let Some(item) = index.get(&user, drop.as_deref(), &sha)? else { return Ok(None) };
        let Some((r, len)) = store.open_blob(&user, &sha)? else { return Ok(None) };
        let mut head = Vec::new();
        let mut r = r.take(served_type::SNIFF_BYTES);
        r.read_to_end(&mut head)?;
        // The head read to judge the type is sent first, then the rest of the same reader.
        let reader: Box<dyn Read + Send> = Box::new(Cursor::new(head.clone()).chain(r.into_inner()));
        Ok(Some((item, head, reader, len)))
    })
    .await??;
    let (item, head, reader, len) = found.ok_or(ApiError::NotFound)?;
    let serve = served_type::serve_as(item.filetype.as_deref(), &head);
    let mut res = (
        StatusCode::OK,
        [(header::CONTENT_TYPE, serve.content_type().to_string()), (header::CONTENT_LENGTH, len.to_string())],
        super::stream_body(reader, len),
    )
        .into_response();
    if serve == ServeAs::Attachment {
        let name = item.filename.as_deref().unwrap_or(&item.sha256);
        res.headers_mut().insert(header::CONTENT_DISPOSITION, super::hv(super::blob::content_disposition(name)));
    }
    Ok(res)
}
