//! GET /api/v1/blob/{kind}/{sha256}?u=&e=&s=: what the library's `<img>`, `<video>` and
//! download links load, without a Bearer header: the URL's signature (signing.rs) is the
//! credential. Wrong or expired signature → 403; a record of that user must still name the
//! content (trashed is fine) → else 404. Range requests (video seeking, resumed downloads),
//! private caching until the URL expires, and no Referer carrying the URL anywhere. User bytes
//! are never served in a form a browser executes (served_type.rs): every answer is sandboxed,
//! and only agreeing raster image, video and audio types are shown inline.
use crate::accounts::signing::BlobKind;
use crate::http::error::ApiError;
use crate::http::served_type::{self, ServeAs};
use crate::state::AppState;
use crate::thumbs::{thumb_or_make, Served, Variant};
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use shoebox_core::hash::is_sha256_hex;
use std::io::Read;

use super::ranges::ranged;
pub use super::ranges::{parse_range, RangeAsk};

#[derive(Deserialize)]
pub struct Signed {
    u: Option<String>,
    e: Option<String>,
    s: Option<String>,
    /// A kiosk visit the URL is bound to.
    v: Option<String>,
}

pub async fn get(state: State<AppState>, path: Path<(String, String)>, q: Query<Signed>, headers: HeaderMap) -> Response {
    let mut res = answer(state, path, q, headers).await.into_response();
    served_type::protect(res.headers_mut());
    res
}

async fn answer(
    State(state): State<AppState>,
    Path((kind, sha)): Path<(String, String)>,
    Query(q): Query<Signed>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let kind = BlobKind::parse(&kind).ok_or(ApiError::NotFound)?;
    if !is_sha256_hex(&sha) {
        return Err(ApiError::NotFound);
    }
    let now_s = crate::timefmt::now_ms() / 1000;
    let denied = || ApiError::Forbidden("this link is not valid or has expired; reload the page for a new one".into());
    let (Some(user), Some(e), Some(sig)) = (q.u, q.e.and_then(|e| e.parse::<u64>().ok()), q.s) else { return Err(denied()) };
    let visit = q.v.filter(|v| is_sha256_hex(v));
    if !crate::accounts::auth::valid_user_name(&user) || !state.signer.verify(kind, &user, &sha, e, visit.as_deref(), &sig, now_s) {
        return Err(denied());
    }
    // A visit's URL serves only while the visit lives (not once it is finishing), and only its drop.
    let drop = match &visit {
        Some(v) => {
            let (sessions, v, now) = (state.sessions.clone(), v.clone(), now_s * 1000);
            let s = tokio::task::spawn_blocking(move || sessions.lookup_hash(&v, now)).await??;
            match s.filter(|s| !s.finishing && s.parent.is_none() && s.user == user) {
                Some(s) => Some(s.drop),
                None => return Err(denied()),
            }
        }
        None => None,
    };
    let (index, u, s, d) = (state.index.clone(), user.clone(), sha.clone(), drop.clone());
    let item = tokio::task::spawn_blocking(move || index.get(&u, d.as_deref(), &s)).await??.ok_or(ApiError::NotFound)?;
    let max_age = e.saturating_sub(now_s);
    let range = headers.get(header::RANGE).and_then(|v| v.to_str().ok()).map(str::to_string);
    let variant = match kind {
        BlobKind::Thumb => Some(Variant::Thumb),
        BlobKind::Preview => Some(Variant::Preview),
        _ => None,
    };
    let (mut res, serve) = match variant {
        Some(v) => match thumb_or_make(&state, &user, &sha, v).await? {
            Served::Jpeg(jpeg) => {
                let len = jpeg.len() as u64;
                let res = ranged(range.as_deref(), len, "image/jpeg", |start, n| {
                    Ok(Body::from(jpeg[start as usize..(start + n) as usize].to_vec()))
                })?;
                (res, ServeAs::Inline("image/jpeg"))
            }
            Served::Original => original(&state, &user, &sha, item.filetype.as_deref(), range.as_deref()).await?,
            Served::Nothing => return Err(ApiError::NotFound),
        },
        None if kind == BlobKind::Motion => super::blob_motion::embedded(&state, &user, drop.as_deref(), &sha, range.as_deref()).await?,
        None => original(&state, &user, &sha, item.filetype.as_deref(), range.as_deref()).await?,
    };
    let h = res.headers_mut();
    let immutable = if variant.is_some() { ", immutable" } else { "" };
    // A kiosk keeps nothing of a visit: its pictures are never stored by the browser.
    let cache = if drop.is_some() { "no-store".to_string() } else { format!("private, max-age={max_age}{immutable}") };
    h.insert(header::CACHE_CONTROL, super::hv(cache));
    h.insert(header::REFERRER_POLICY, super::hv("no-referrer"));
    h.insert(header::ACCEPT_RANGES, super::hv("bytes"));
    if kind == BlobKind::Download || serve == ServeAs::Attachment {
        h.insert(header::CONTENT_DISPOSITION, super::hv(content_disposition(item.filename.as_deref().unwrap_or(&sha))));
    }
    if kind != BlobKind::Thumb && kind != BlobKind::Preview {
        // The content is its own version: the digest never names other bytes.
        h.insert(header::ETAG, super::hv(format!("\"{sha}\"")));
    }
    Ok(res)
}

/// The stored bytes, exactly, streamed from the store, with the type their head allows
/// (served_type.rs).
async fn original(
    state: &AppState,
    user: &str,
    sha: &str,
    filetype: Option<&str>,
    range: Option<&str>,
) -> Result<(Response, ServeAs), ApiError> {
    let (store, u, s) = (state.store.clone(), user.to_string(), sha.to_string());
    let (head, len) = tokio::task::spawn_blocking(move || -> std::io::Result<_> {
        let Some((r, len)) = store.open_blob(&u, &s)? else { return Ok(None) };
        let mut head = Vec::new();
        r.take(served_type::SNIFF_BYTES).read_to_end(&mut head)?;
        Ok(Some((head, len)))
    })
    .await??
    .ok_or(ApiError::NotFound)?;
    let serve = served_type::serve_as(filetype, &head);
    let (store, u, s) = (state.store.clone(), user.to_string(), sha.to_string());
    let res = ranged(range, len, serve.content_type(), move |start, n| {
        let (r, _) = store.open_blob_at(&u, &s, start)?.ok_or(ApiError::NotFound)?;
        Ok(super::stream_body(r, n))
    })?;
    Ok((res, serve))
}

/// `attachment` with an ASCII fallback name and, for any other name, RFC 6266's `filename*`
/// (UTF-8, percent-encoded), which every current browser prefers.
pub fn content_disposition(name: &str) -> String {
    let name = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let ascii: String = name.chars().map(|c| if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' { c } else { '_' }).collect();
    if ascii == name {
        return format!("attachment; filename=\"{ascii}\"");
    }
    let mut enc = String::new();
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
            enc.push(b as char);
        } else {
            enc.push_str(&format!("%{b:02X}"));
        }
    }
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{enc}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges() {
        assert_eq!(parse_range("bytes=0-9", 100), RangeAsk::Satisfiable(0, 9));
        assert_eq!(parse_range("bytes=90-", 100), RangeAsk::Satisfiable(90, 99));
        assert_eq!(parse_range("bytes=-10", 100), RangeAsk::Satisfiable(90, 99));
        assert_eq!(parse_range("bytes=-1000", 100), RangeAsk::Satisfiable(0, 99));
        assert_eq!(parse_range("bytes=50-1000", 100), RangeAsk::Satisfiable(50, 99));
        assert_eq!(parse_range("bytes=100-", 100), RangeAsk::Unsatisfiable);
        assert_eq!(parse_range("bytes=-0", 100), RangeAsk::Unsatisfiable);
        assert_eq!(parse_range("bytes=0-1,5-6", 100), RangeAsk::Ignore);
        assert_eq!(parse_range("items=0-1", 100), RangeAsk::Ignore);
        assert_eq!(parse_range("bytes=9-1", 100), RangeAsk::Ignore);
    }

    #[test]
    fn dispositions() {
        assert_eq!(content_disposition("IMG_1.jpg"), "attachment; filename=\"IMG_1.jpg\"");
        assert_eq!(
            content_disposition("Été à Zürich.jpg"),
            "attachment; filename=\"_t_ _ Z_rich.jpg\"; filename*=UTF-8''%C3%89t%C3%A9%20%C3%A0%20Z%C3%BCrich.jpg"
        );
        assert_eq!(content_disposition("a\"b.jpg"), "attachment; filename=\"a_b.jpg\"; filename*=UTF-8''a%22b.jpg");
    }
}
