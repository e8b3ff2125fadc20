//! The library's HTTP calls: JSON from the server the app backs up to, with this device's
//! token, and the query string the filters make.
use serde::de::DeserializeOwned;

use leptos::prelude::GetUntracked;

use crate::browser::xhr;
use crate::library_store::{Filters, Kind};

pub enum CallError {
    /// No library here: a plain tus server, or a token that may not read it.
    Unavailable,
    Failed,
}

/// The server's root (the tus endpoint's origin): the library belongs to the server backed up to.
pub fn base() -> String {
    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    let Some(s) = super::super::with(|d| d.store.settings.get_untracked()) else { return origin };
    let endpoint = s.resolved_endpoint(&origin);
    web_sys::Url::new(&endpoint).map(|u| u.origin()).unwrap_or(origin)
}

fn token() -> String {
    super::super::with(|d| d.store.settings.get_untracked().token).unwrap_or_default()
}

/// The viewer's time zone, for the day of times that are instants.
pub fn tz() -> String {
    crate::browser::dates::zone_param()
}

pub async fn call(method: &str, path: &str, body: Option<String>) -> Result<(u16, String), CallError> {
    let mut headers = vec![];
    let t = token();
    if !t.is_empty() {
        headers.push(("Authorization".to_string(), format!("Bearer {t}")));
    }
    let body = match body {
        Some(b) => {
            headers.push(("Content-Type".into(), "application/json".into()));
            xhr::XhrBody::Text(b)
        }
        None => xhr::XhrBody::Empty,
    };
    let url = format!("{}{path}", base());
    let (_h, fut) = xhr::send(xhr::XhrRequest { method: method.into(), url, headers, body }, |_| {}).map_err(|_| CallError::Failed)?;
    let r = fut.await.map_err(|_| CallError::Failed)?;
    match r.status {
        200..=299 => Ok((r.status, r.body)),
        401 | 403 | 404 => Err(CallError::Unavailable),
        _ => Err(CallError::Failed),
    }
}

pub async fn get_json<T: DeserializeOwned>(path: &str) -> Result<T, CallError> {
    let (_, body) = call("GET", path, None).await?;
    serde_json::from_str(&body).map_err(|_| CallError::Failed)
}

/// The filters as query parameters (shared by the summary and the pages, so they agree).
pub fn filter_query(f: &Filters, trash: bool) -> String {
    let enc = |s: &str| String::from(js_sys::encode_uri_component(s));
    let mut q = vec![format!("tz={}", tz())];
    if !f.q.trim().is_empty() {
        q.push(format!("q={}", enc(f.q.trim())));
    }
    if let Some(a) = &f.album {
        q.push(format!("album={}", enc(a)));
    }
    if !f.from.is_empty() {
        q.push(format!("from={}", enc(&f.from)));
    }
    if !f.to.is_empty() {
        q.push(format!("to={}", enc(&f.to)));
    }
    match f.kind {
        Kind::All => {}
        Kind::Photos => q.push("kind=photo".into()),
        Kind::Videos => q.push("kind=video".into()),
        Kind::Downsized => q.push("quality=downsized".into()),
        Kind::Originals => q.push("quality=original".into()),
    }
    if trash {
        q.push("trash=true".into());
    }
    q.join("&")
}

/// The item's signed URLs are paths on the server: make them whole for <img> and <a>.
pub fn absolute(mut i: shoebox_core::api::MediaItem, base: &str) -> shoebox_core::api::MediaItem {
    for u in [&mut i.thumb_url, &mut i.preview_url, &mut i.original_url, &mut i.download_url] {
        if let Some(p) = u.as_mut().filter(|p| p.starts_with('/')) {
            *p = format!("{base}{p}");
        }
    }
    i
}
