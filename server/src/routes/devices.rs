//! Devices and pairing (the OAuth device-authorization pattern): a new device asks with
//! `POST /api/v1/pair` (no token) and shows the short code; a signed-in device looks it up
//! (`GET /api/v1/pair/{code}`) and approves it (`POST /api/v1/pair/{code}/approve`); the new
//! device polls `POST /api/v1/pair/poll` until it gets its own token, once. The account's
//! devices are listed, revoked and rotated under `/api/v1/devices`; `/api/v1/account` tells the
//! quota and what is used.
use crate::accounts::auth::{Access, User};
use crate::accounts::{DeviceScope, Poll};
use crate::http::client_addr::{self, ClientAddr};
use crate::http::error::ApiError;
use crate::state::AppState;
use crate::timefmt::{now_ms, rfc3339_from_ms};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use shoebox_core::api::{
    AccountInfo, DeviceInfo, DeviceToken, PairPending, PairPoll, PairRequest, PairStarted, PairStatus, PairingInfo, RotatedToken,
};

async fn blocking<T: Send + 'static>(
    state: &AppState,
    f: impl FnOnce(&crate::accounts::Accounts) -> crate::db::Result<T> + Send + 'static,
) -> Result<T, ApiError> {
    let a = state.accounts.clone();
    Ok(tokio::task::spawn_blocking(move || f(&a)).await??)
}

/// One anonymous call counted against the client's own bucket, then against the server's
/// ceiling: false (answer 429) when either is spent. `kind` names the call ("pair-start").
pub(crate) async fn anonymous_attempt(state: &AppState, kind: &'static str, client: std::net::IpAddr) -> Result<bool, ApiError> {
    use crate::accounts::{PER_CLIENT, SERVER_CEILING};
    let (mine, now) = (format!("{kind}:{}", client_addr::bucket(client)), now_ms());
    blocking(state, move |a| Ok(a.attempt_within(&mine, PER_CLIENT, now)? && a.attempt_within(kind, SERVER_CEILING, now)?)).await
}

pub async fn start(State(state): State<AppState>, ClientAddr(client): ClientAddr, body: axum::body::Bytes) -> Result<Response, ApiError> {
    let p: PairRequest = serde_json::from_slice(&body)
        .map_err(|e| ApiError::bad(format!("expected {{\"name\", \"scope\": \"full\" or \"upload\"}}: {e}")))?;
    let scope = p.scope.unwrap_or(DeviceScope::Full);
    let name: String = p.name.unwrap_or_else(|| "A new device".into()).chars().filter(|c| !c.is_control()).take(80).collect();
    let ttl = match scope {
        DeviceScope::Full => None,
        DeviceScope::Upload => Some(p.ttl_seconds.unwrap_or(3600).clamp(60, 86_400) * 1000),
    };
    let now = now_ms();
    // Codes are short, so a flood must not mint many; counted per client first, so one client
    // cannot lock everyone else out.
    if !anonymous_attempt(&state, "pair-start", client).await? {
        return Err(ApiError::RateLimited);
    }
    let (device_code, user_code) = blocking(&state, move |a| a.start_pairing(&name, scope, ttl, now)).await?;
    let body = PairStarted { device_code, user_code, expires_in: crate::accounts::PAIRING_TTL_MS / 1000, interval: 2 };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

/// Polls naming no live pairing count against the client; past the limit every poll from it
/// is refused before the code is looked at, so guessing device codes stops there.
pub async fn poll(State(state): State<AppState>, ClientAddr(client): ClientAddr, body: axum::body::Bytes) -> Result<Response, ApiError> {
    use crate::accounts::POLL_MISSES_PER_CLIENT as MAX;
    let p: PairPoll = serde_json::from_slice(&body).map_err(|e| ApiError::bad(format!("expected {{\"deviceCode\"}}: {e}")))?;
    let (misses, now) = (format!("pair-poll-miss:{}", client_addr::bucket(client)), now_ms());
    let answer = blocking(&state, move |a| {
        if a.exhausted(&misses, MAX, now)? {
            return Ok(None);
        }
        let answer = a.poll(&p.device_code, now)?;
        if answer == Poll::Gone {
            a.attempt_within(&misses, MAX, now)?;
        }
        Ok(Some(answer))
    })
    .await?;
    match answer.ok_or(ApiError::RateLimited)? {
        Poll::Pending => Ok((StatusCode::PRECONDITION_REQUIRED, Json(PairPending { status: PairStatus::Pending })).into_response()),
        Poll::Approved { token, user } => Ok(Json(DeviceToken { token, user }).into_response()),
        Poll::Gone => Err(ApiError::NotFound),
    }
}

/// Only a signed-in device (a user's own token) may look up and approve codes; lookups count
/// against the user and against the code itself, so guessing is bounded either way.
async fn approver(state: &AppState, user: &str, access: &Access, code: &str) -> Result<(), ApiError> {
    if *access != Access::Full {
        return Err(ApiError::NotFound);
    }
    let (u, c, now) = (user.to_string(), crate::accounts::normalize_code(code).chars().take(16).collect::<String>(), now_ms());
    if !blocking(state, move |a| Ok(a.attempt(&format!("approve:{u}"), now)? && a.attempt(&format!("code:{c}"), now)?)).await? {
        return Err(ApiError::RateLimited);
    }
    Ok(())
}

pub async fn describe(
    State(state): State<AppState>,
    Extension(User(user)): Extension<User>,
    Extension(access): Extension<Access>,
    Path(code): Path<String>,
) -> Result<Json<PairingInfo>, ApiError> {
    approver(&state, &user, &access, &code).await?;
    let now = now_ms();
    let (name, scope, ttl) = blocking(&state, move |a| a.pairing(&code, now)).await?.ok_or(ApiError::NotFound)?;
    Ok(Json(PairingInfo { name, scope, hours: ttl.map(|t| t as f64 / 3_600_000.0) }))
}

pub async fn approve(
    State(state): State<AppState>,
    Extension(User(user)): Extension<User>,
    Extension(access): Extension<Access>,
    Path(code): Path<String>,
) -> Result<StatusCode, ApiError> {
    approver(&state, &user, &access, &code).await?;
    let now = now_ms();
    if blocking(&state, move |a| a.approve(&code, &user, now)).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::NotFound)
    }
}

fn full(access: &Access) -> Result<(), ApiError> {
    if *access == Access::Full {
        Ok(())
    } else {
        Err(ApiError::NotFound)
    }
}

pub async fn list(
    State(state): State<AppState>,
    Extension(User(user)): Extension<User>,
    Extension(access): Extension<Access>,
) -> Result<Json<Vec<DeviceInfo>>, ApiError> {
    full(&access)?;
    let devices = blocking(&state, move |a| a.devices(&user)).await?;
    Ok(Json(
        devices
            .into_iter()
            .map(|d| DeviceInfo {
                id: d.id,
                name: d.name,
                scope: d.scope,
                created_at: rfc3339_from_ms(d.created_ms as i64),
                expires_at: d.expires_ms.map(|e| rfc3339_from_ms(e as i64)),
            })
            .collect(),
    ))
}

pub async fn revoke(
    State(state): State<AppState>,
    Extension(User(user)): Extension<User>,
    Extension(access): Extension<Access>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    full(&access)?;
    if blocking(&state, move |a| a.revoke(&user, &id)).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::NotFound)
    }
}

/// `DELETE /api/v1/devices/current`: an upload-only token ends itself (a kiosk, when the
/// visitor finishes).
pub async fn end_current(
    State(state): State<AppState>,
    Extension(User(user)): Extension<User>,
    Extension(access): Extension<Access>,
) -> Result<StatusCode, ApiError> {
    let Access::Upload { device } = access else { return Err(ApiError::NotFound) };
    blocking(&state, move |a| a.revoke(&user, &device)).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn rotate(
    State(state): State<AppState>,
    Extension(User(user)): Extension<User>,
    Extension(access): Extension<Access>,
    Path(id): Path<String>,
) -> Result<Json<RotatedToken>, ApiError> {
    full(&access)?;
    let token = blocking(&state, move |a| a.rotate(&user, &id)).await?.ok_or(ApiError::NotFound)?;
    Ok(Json(RotatedToken { token }))
}

pub async fn account(State(state): State<AppState>, Extension(User(user)): Extension<User>) -> Result<Json<AccountInfo>, ApiError> {
    let used = crate::upload::used_bytes(&state, &user).await?;
    let quota = blocking(&state, move |a| a.quota(&user)).await?;
    Ok(Json(AccountInfo { used_bytes: used, quota_bytes: quota }))
}
