//! `POST /api/v1/signin`: the app exchanges a one-time sign-in link's code (`/?signin=CODE`,
//! printed by `shoebox-server user add` / `user link`) for a device token of its own. No token
//! is needed (the device has none yet); exchanges are rate-limited per client address and
//! server-wide like pairing starts.
use crate::http::client_addr::ClientAddr;
use crate::http::error::ApiError;
use crate::state::AppState;
use crate::timefmt::now_ms;
use axum::extract::State;
use axum::Json;
use shoebox_core::api::{DeviceToken, SigninRequest};

pub async fn exchange(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    body: axum::body::Bytes,
) -> Result<Json<DeviceToken>, ApiError> {
    let b: SigninRequest = serde_json::from_slice(&body).map_err(|e| ApiError::bad(format!("expected {{\"code\"}}: {e}")))?;
    if !super::devices::anonymous_attempt(&state, "signin", client).await? {
        return Err(ApiError::RateLimited);
    }
    let (a, now) = (state.accounts.clone(), now_ms());
    let got = tokio::task::spawn_blocking(move || a.redeem_signin(b.code.trim(), b.name.as_deref(), now)).await??;
    let (token, user) = got.ok_or(ApiError::NotFound)?;
    Ok(Json(DeviceToken { token, user }))
}
