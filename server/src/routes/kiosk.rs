//! Kiosk visitor sessions: `POST /api/v1/kiosk/sessions` (with the kiosk's key) starts one and
//! answers its token once; `GET`/`DELETE /api/v1/kiosk/sessions/current` (with the visitor's
//! token) describe and end it, and `POST …/current/activity` tells the server the visitor is
//! still there. Ending it revokes the token at once and ends (tus termination) every upload of
//! that visit still unfinished, unless the visitor chose to let them finish (then only those
//! uploads may go on). A visit nobody acts in and no bytes reach ends by itself after the
//! profile's idle time (`sessions.rs`); the reaper ends its uploads.
use crate::accounts::auth::{Access, User};
use crate::accounts::sessions::Session;
use crate::http::client_addr::ClientAddr;
use crate::http::error::ApiError;
use crate::state::AppState;
use crate::timefmt::{now_ms, rfc3339_from_ms};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde::Deserialize;
use shoebox_core::api::{KioskProfileAnswer, KioskSession, PhoneLink};

/// Visit starts allowed per kiosk key within the attempts window (10 minutes), from one client
/// address and from all together: far above a busy counter (one visit every ten seconds), far
/// below what a copied key would need to flood the operator's account with drops.
pub const VISITS_PER_CLIENT: u64 = 60;
pub const VISITS_PER_KEY: u64 = 200;

pub async fn create(
    State(state): State<AppState>,
    Extension(User(user)): Extension<User>,
    Extension(access): Extension<Access>,
    ClientAddr(client): ClientAddr,
) -> Result<Response, ApiError> {
    let Access::KioskKey { profile } = access else { return Err(ApiError::NotFound) };
    let (accounts, now) = (state.accounts.clone(), now_ms());
    let (mine, all) = (format!("visit:{profile}:{}", crate::http::client_addr::bucket(client)), format!("visit:{profile}"));
    let allowed = tokio::task::spawn_blocking(move || -> crate::db::Result<bool> {
        Ok(accounts.attempt_within(&mine, VISITS_PER_CLIENT, now)? && accounts.attempt_within(&all, VISITS_PER_KEY, now)?)
    })
    .await??;
    if !allowed {
        return Err(ApiError::RateLimited);
    }
    let (sessions, cfg) = (state.sessions.clone(), state.config.clone());
    let now = now_ms();
    let date = rfc3339_from_ms(now as i64).chars().take(10).collect::<String>();
    let p = profile.clone();
    let album = cfg.kiosk(&profile).map(|(_, k)| k.album).unwrap_or_else(|| cfg.kiosk_album.clone());
    let ttl = cfg.visitor_session.as_millis() as u64;
    let idle = cfg.kiosk(&profile).map(|(_, k)| k.idle).unwrap_or(cfg.kiosk_idle).as_millis() as u64;
    let (token, s) = tokio::task::spawn_blocking(move || sessions.create(&p, &user, &album, &date, now, ttl, idle)).await??;
    let answer = answer(&state, Some(token), &s, now);
    Ok((StatusCode::CREATED, Json(answer)).into_response())
}

/// `GET /api/v1/kiosk/profile` (kiosk key): what the welcome screen needs before any visit.
pub async fn profile(State(state): State<AppState>, Extension(access): Extension<Access>) -> Result<Json<KioskProfileAnswer>, ApiError> {
    let Access::KioskKey { profile } = access else { return Err(ApiError::NotFound) };
    let (_, k) = state.config.kiosk(&profile).ok_or(ApiError::NotFound)?;
    Ok(Json(KioskProfileAnswer {
        profile,
        welcome: k.welcome,
        welcome_texts: k.welcome_texts,
        idle_seconds: k.idle.as_secs(),
        own_accounts: k.own_accounts,
        quality: k.quality,
        limits: k.limits,
    }))
}

fn answer(state: &AppState, token: Option<String>, s: &Session, now: u64) -> KioskSession {
    let k = state.config.kiosk(&s.profile).map(|(_, k)| k);
    KioskSession {
        token,
        profile: s.profile.clone(),
        drop: s.drop.clone(),
        code: s.code.clone(),
        expires_at: rfc3339_from_ms(s.expires_ms as i64),
        idle_seconds: s.idle_ms / 1000,
        welcome: k.map(|k| k.welcome).unwrap_or_else(|| state.config.kiosk_welcome.clone()),
        uploads_moving: s.uploads_moving(now),
        last_activity_at: rfc3339_from_ms(s.last_active_ms as i64),
        idle_ends_at: rfc3339_from_ms(s.idle_ends_ms() as i64),
    }
}

/// `POST /api/v1/kiosk/sessions/current/phone`: a link the visitor's phone opens (the kiosk
/// shows it as a QR code) to upload into the same drop. It dies with the visit.
pub async fn phone(State(state): State<AppState>, Extension(access): Extension<Access>) -> Result<Response, ApiError> {
    let Access::Visitor { session, .. } = access else { return Err(ApiError::NotFound) };
    let sessions = state.sessions.clone();
    let token = tokio::task::spawn_blocking(move || -> Result<String, ApiError> {
        let parent = sessions.lookup_hash(&session, now_ms())?.ok_or(ApiError::Unauthorized)?;
        Ok(sessions.link(&parent)?)
    })
    .await??;
    Ok((StatusCode::CREATED, Json(PhoneLink { token })).into_response())
}

/// `GET …/current`: the visit as the server sees it. Polling it is not activity.
pub async fn current(State(state): State<AppState>, Extension(access): Extension<Access>) -> Result<Json<KioskSession>, ApiError> {
    let Access::Visitor { session, .. } = access else { return Err(ApiError::NotFound) };
    let (sessions, now) = (state.sessions.clone(), now_ms());
    let s = tokio::task::spawn_blocking(move || sessions.lookup_hash(&session, now)).await??.ok_or(ApiError::Unauthorized)?;
    Ok(Json(answer(&state, None, &s, now)))
}

/// `POST …/current/activity`: the visitor touched the screen (or the phone); the visit lives on.
pub async fn activity(State(state): State<AppState>, Extension(access): Extension<Access>) -> Result<StatusCode, ApiError> {
    let Access::Visitor { session, .. } = access else { return Err(ApiError::NotFound) };
    let (sessions, now) = (state.sessions.clone(), now_ms());
    if tokio::task::spawn_blocking(move || sessions.touch(&session, false, now)).await?? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::Unauthorized)
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EndParams {
    /// `keepUploads=1`: let unfinished uploads finish (the visitor chose to).
    keep_uploads: Option<String>,
}

pub async fn end(
    State(state): State<AppState>,
    Extension(access): Extension<Access>,
    Query(p): Query<EndParams>,
) -> Result<StatusCode, ApiError> {
    let Access::Visitor { session, .. } = access else { return Err(ApiError::NotFound) };
    let keep = matches!(p.keep_uploads.as_deref(), Some("1" | "true"));
    let st = state.clone();
    tokio::task::spawn_blocking(move || -> Result<(), ApiError> {
        let ended = st.sessions.end(&session, keep, now_ms())?;
        if !keep {
            end_uploads(&st, &ended)?;
        }
        Ok(())
    })
    .await??;
    Ok(StatusCode::NO_CONTENT)
}

/// Terminate the unfinished uploads of these session token hashes. An upload a request is
/// writing right now is skipped here: that request checks its session as bytes arrive and
/// before completing, and ends the upload itself.
pub fn end_uploads(state: &AppState, sessions: &[String]) -> Result<usize, ApiError> {
    let mut n = 0;
    for id in state.store.list_uploads()? {
        let Ok(Some(info)) = state.store.load_upload(&id) else { continue };
        if !info.session.as_ref().is_some_and(|s| sessions.contains(s)) || info.is_complete() {
            continue;
        }
        let Some(_guard) = state.locks.try_lock(&id) else { continue };
        state.store.delete_upload(&id)?;
        state.locks.forget(&id);
        n += 1;
    }
    Ok(n)
}
