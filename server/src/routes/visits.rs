//! GET /api/v1/visits?tz=&day=: the operator's kiosk visits of one day (today in the viewer's
//! zone when `day` is absent), each with its code, times and what its drop holds now. Only a
//! full-access token reaches it (the middleware's library paths), and it lists only that
//! user's visits: a kiosk key, a visitor or an upload-only device never learns of another visit.
use crate::accounts::auth::User;
use crate::http::error::ApiError;
use crate::index::zone::Zone;
use crate::state::AppState;
use axum::extract::{Query, State};
use axum::{Extension, Json};
use jiff::civil::Date;
use jiff::tz::{Offset, TimeZone};
use shoebox_core::api::{VisitEntry, VisitLog};
use std::collections::HashMap;

pub async fn visits(
    State(state): State<AppState>,
    Extension(User(user)): Extension<User>,
    Query(p): Query<HashMap<String, String>>,
) -> Result<Json<VisitLog>, ApiError> {
    let zone = p.get("tz").map(|t| Zone::parse(t)).transpose().map_err(ApiError::BadRequest)?.unwrap_or_default();
    let tz = match &zone {
        Zone::Offset(m) => TimeZone::fixed(Offset::from_seconds(m * 60).map_err(|e| ApiError::BadRequest(format!("tz: {e}")))?),
        Zone::Named(n) => TimeZone::get(n).map_err(|e| ApiError::BadRequest(format!("tz: {e}")))?,
    };
    let now_ms = crate::timefmt::now_ms();
    let day: Date = match p.get("day") {
        Some(d) => d.parse().map_err(|_| ApiError::BadRequest(format!("day must be YYYY-MM-DD, got {d:?}")))?,
        None => tz.to_datetime(jiff::Timestamp::from_millisecond(now_ms as i64).map_err(|e| ApiError::Internal(e.to_string()))?).date(),
    };
    let bound = |d: Date| -> Result<u64, ApiError> {
        let t = tz.to_timestamp(d.to_datetime(jiff::civil::Time::midnight())).map_err(|e| ApiError::BadRequest(format!("day: {e}")))?;
        Ok(t.as_millisecond().max(0) as u64)
    };
    let from = bound(day)?;
    let to = bound(day.tomorrow().map_err(|e| ApiError::BadRequest(format!("day: {e}")))?)?;
    let (sessions, index) = (state.sessions.clone(), state.index.clone());
    let visits = tokio::task::spawn_blocking(move || -> crate::db::Result<Vec<VisitEntry>> {
        let mut out = Vec::new();
        for v in sessions.visits(&user, from, to, now_ms)? {
            let c = index.drop_count(&user, &v.drop)?;
            out.push(VisitEntry {
                code: v.code,
                profile: v.profile,
                drop: v.drop,
                started_at: crate::timefmt::rfc3339_from_ms(v.started_ms as i64),
                ended_at: v.ended_ms.map(|e| crate::timefmt::rfc3339_from_ms(e as i64)),
                live: v.live,
                items: c.items,
                photos: c.items - c.videos,
                videos: c.videos,
                bytes: c.bytes,
            });
        }
        Ok(out)
    })
    .await??;
    Ok(Json(VisitLog { day: day.to_string(), visits }))
}
