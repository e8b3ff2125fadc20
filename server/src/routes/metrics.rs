//! GET /metrics: Prometheus text, behind a token. The counters are server-wide (requests by
//! status, bytes received, completions), so they tell about every user's activity, though
//! nothing of anyone's media. Who may read them:
//! - with `--metrics-token`, that token only: it opens nothing else, so a scraper's config
//!   holds no user's credential, and no user of a shared server learns about the others';
//! - without one, any full-access token: on a one-person server the owner reads their own
//!   figures with their own token, and the end-to-end tests do just that.
//!
//! Anonymous callers and unknown tokens get 401; upload-only, kiosk and visitor tokens 403.
use crate::accounts::auth::{same_secret, Access};
use crate::http::error::ApiError;
use crate::http::middleware::{access_for, bearer};
use crate::state::AppState;
use axum::extract::State;
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};

pub async fn metrics(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    let token = bearer(&headers).filter(|t| !t.is_empty()).ok_or(ApiError::Unauthorized)?;
    let allowed = match &state.config.metrics_token {
        Some(secret) if same_secret(token, secret) => true,
        Some(_) => {
            access_for(&state, token).await?;
            false
        }
        None => access_for(&state, token).await?.1 == Access::Full,
    };
    if !allowed {
        let need = if state.config.metrics_token.is_some() { "the metrics token" } else { "a full-access token" };
        return Err(ApiError::Forbidden(format!("/metrics needs {need}")));
    }
    Ok(([(header::CONTENT_TYPE, "text/plain; version=0.0.4"), (header::CACHE_CONTROL, "no-store")], state.metrics.render()).into_response())
}
