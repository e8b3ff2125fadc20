//! HEAD on an upload URL: where to resume. Reports only durable bytes, and for a completed
//! upload offset = length until it expires (so a lost final acknowledgement is harmless).
use super::{hv, FILES};
use crate::auth::User;
use crate::error::ApiError;
use crate::state::AppState;
use crate::upload::info::Concat;
use crate::upload::{current_offset, expires_header, load_owned};
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use shoebox_core::tus::*;

pub async fn head(State(state): State<AppState>, Extension(User(user)): Extension<User>, Path(id): Path<String>) -> Result<Response, ApiError> {
    let info = load_owned(&state, &user, &id).await?;
    let offset = current_offset(&state, &info).await?;
    let mut res = StatusCode::OK.into_response();
    let h = res.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(H_UPLOAD_OFFSET, offset.into());
    match info.length {
        Some(l) => h.insert(H_UPLOAD_LENGTH, l.into()),
        None => h.insert(H_UPLOAD_DEFER_LENGTH, HeaderValue::from_static("1")),
    };
    if let Some(m) = &info.metadata_raw {
        h.insert(H_UPLOAD_METADATA, hv(m));
    }
    match &info.concat {
        Concat::None => {}
        Concat::Partial => {
            h.insert(H_UPLOAD_CONCAT, HeaderValue::from_static("partial"));
        }
        Concat::Final(ids) => {
            let urls: Vec<String> = ids.iter().map(|i| format!("{FILES}{i}")).collect();
            h.insert(H_UPLOAD_CONCAT, hv(format!("final;{}", urls.join(" "))));
        }
    }
    h.insert(H_UPLOAD_EXPIRES, hv(expires_header(&info)));
    Ok(res)
}
