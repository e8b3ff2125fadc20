//! OPTIONS on `/files/` and on upload URLs: tus discovery (version, extensions, maximum size,
//! checksum algorithms). Browser preflights are answered by the CORS layer before this.
use crate::state::AppState;
use crate::upload::checksum::ALGORITHMS;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use shoebox_core::tus::*;

pub const EXTENSIONS: &str = "creation,creation-with-upload,creation-defer-length,expiration,termination,checksum,concatenation";

pub async fn options(State(state): State<AppState>) -> Response {
    let mut res = StatusCode::NO_CONTENT.into_response();
    let h = res.headers_mut();
    h.insert(H_TUS_VERSION, TUS_VERSION.parse().expect("static"));
    h.insert(H_TUS_EXTENSION, EXTENSIONS.parse().expect("static"));
    h.insert(H_TUS_MAX_SIZE, state.config.max_size.into());
    h.insert(H_TUS_CHECKSUM_ALGORITHM, ALGORITHMS.parse().expect("static"));
    res
}
