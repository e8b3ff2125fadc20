//! Kiosk visitor sessions: `POST /api/v1/kiosk/sessions` (with the kiosk's key) starts one and
//! answers its token once; `GET`/`DELETE /api/v1/kiosk/sessions/current` (with the visitor's
//! token) describe and end it. Ending it revokes the token at once and ends (tus termination)
//! every upload of that session still unfinished, unless the visitor chose to let them finish.
use crate::auth::{Access, User};
use crate::error::ApiError;
use crate::state::AppState;
use crate::timefmt::{now_ms, rfc3339_from_ms};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionAnswer {
    /// The visitor's bearer token (only in the answer that created it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    pub profile: String,
    /// The drop's album name, and the short code the visitor can give the shop.
    pub drop: String,
    pub code: String,
    pub expires_at: String,
    pub idle_seconds: u64,
    pub welcome: String,
}

pub async fn create(
    State(state): State<AppState>,
    Extension(User(user)): Extension<User>,
    Extension(access): Extension<Access>,
) -> Result<Response, ApiError> {
    let Access::KioskKey { profile } = access else { return Err(ApiError::NotFound) };
    let (sessions, cfg) = (state.sessions.clone(), state.config.clone());
    let now = now_ms();
    let date = rfc3339_from_ms(now as i64).chars().take(10).collect::<String>();
    let p = profile.clone();
    let album = cfg.kiosk(&profile).map(|(_, k)| k.album).unwrap_or_else(|| cfg.kiosk_album.clone());
    let ttl = cfg.visitor_session.as_millis() as u64;
    let (token, s) = tokio::task::spawn_blocking(move || sessions.create(&p, &user, &album, &date, now, ttl)).await??;
    let answer = answer(&state, Some(token), s.profile, s.drop, s.code, s.expires_ms);
    Ok((StatusCode::CREATED, Json(answer)).into_response())
}

/// `GET /api/v1/kiosk/profile` (kiosk key): what the welcome screen needs before any visit.
pub async fn profile(State(state): State<AppState>, Extension(access): Extension<Access>) -> Result<Json<serde_json::Value>, ApiError> {
    let Access::KioskKey { profile } = access else { return Err(ApiError::NotFound) };
    let (_, k) = state.config.kiosk(&profile).ok_or(ApiError::NotFound)?;
    Ok(Json(serde_json::json!({
        "profile": profile,
        "welcome": k.welcome,
        "idleSeconds": k.idle.as_secs(),
        "ownAccounts": k.own_accounts,
        "quality": k.quality,
        "limits": k.limits,
    })))
}

fn answer(state: &AppState, token: Option<String>, profile: String, drop: String, code: String, expires_ms: u64) -> SessionAnswer {
    let k = state.config.kiosk(&profile).map(|(_, k)| k);
    SessionAnswer {
        token,
        profile,
        drop,
        code,
        expires_at: rfc3339_from_ms(expires_ms as i64),
        idle_seconds: k.as_ref().map(|k| k.idle).unwrap_or(state.config.kiosk_idle).as_secs(),
        welcome: k.map(|k| k.welcome).unwrap_or_else(|| state.config.kiosk_welcome.clone()),
    }
}

#[derive(Serialize)]
pub struct PhoneLink {
    /// The token of a link into this visit (`/?visit=TOKEN`), for the visitor's phone.
    pub token: String,
}

/// `POST /api/v1/kiosk/sessions/current/phone`: a link the visitor's phone opens (the kiosk
/// shows it as a QR code) to upload into the same drop. It dies with the visit.
pub async fn phone(State(state): State<AppState>, Extension(access): Extension<Access>) -> Result<Response, ApiError> {
    let Access::Visitor { session, .. } = access else { return Err(ApiError::NotFound) };
    let sessions = state.sessions.clone();
    let token = tokio::task::spawn_blocking(move || -> Result<String, ApiError> {
        let parent = sessions.lookup_hash(&session, now_ms())?.ok_or(ApiError::NotFound)?;
        Ok(sessions.link(&parent)?)
    })
    .await??;
    Ok((StatusCode::CREATED, Json(PhoneLink { token })).into_response())
}

pub async fn current(State(state): State<AppState>, Extension(access): Extension<Access>) -> Result<Json<SessionAnswer>, ApiError> {
    let Access::Visitor { drop, profile, .. } = access else { return Err(ApiError::NotFound) };
    let code = drop.rsplit(' ').next().unwrap_or_default().to_string();
    Ok(Json(answer(&state, None, profile, drop, code, 0)))
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
        let ended = st.sessions.end(&session)?;
        if !keep {
            for id in st.store.list_uploads()? {
                let Ok(Some(info)) = st.store.load_upload(&id) else { continue };
                if !info.session.as_ref().is_some_and(|s| ended.contains(s)) || info.is_complete() {
                    continue;
                }
                let Some(_guard) = st.locks.try_lock(&id) else { continue };
                st.store.delete_upload(&id)?;
                st.locks.forget(&id);
            }
        }
        Ok(())
    })
    .await??;
    Ok(StatusCode::NO_CONTENT)
}
