//! Thumbnails and previews for the library: the one the app uploaded when there is one, else
//! made here on first request from the blob (core's `thumbnail`: decoded, shrunk, upright) and
//! kept for next time. Decoding a whole photo is the most expensive thing this server does, so
//! it runs on a blocking thread, at most [`crate::state::CONCURRENT_GENERATIONS`] at once,
//! and never for sources over [`MAX_THUMB_SOURCE_PIXELS`] pixels or [`MAX_SOURCE_BYTES`] bytes.
//! A file that gives none (corrupt, a bomb, a decode out of time) gets an empty thumbnail in
//! its place, a mark kept with the thumbnails (so it outlives a restart and goes with the
//! blob): later requests answer "nothing" without decoding it again.
use crate::http::error::ApiError;
use crate::http::metrics::Metrics;
use crate::previews::NoPreview;
use crate::state::AppState;
use shoebox_core::facts::Format;
use shoebox_core::photo::prepare::thumb::{thumbnail, MAX_THUMB_SOURCE_PIXELS};
use shoebox_core::photo::{inspect, INSPECT_BYTES};
use std::io::Read;

/// Long side of a grid thumbnail.
pub const THUMB_SIDE: u32 = 256;
/// Long side of the viewer's preview (made only when the original is larger).
pub const PREVIEW_SIDE: u32 = 1600;
/// Larger blobs are not read into memory to make a thumbnail.
pub const MAX_SOURCE_BYTES: u64 = 256 << 20;
/// Largest uploaded thumbnail or preview.
pub const MAX_UPLOADED_BYTES: usize = 2 << 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variant {
    Thumb,
    Preview,
}

impl Variant {
    pub fn as_str(self) -> &'static str {
        match self {
            Variant::Thumb => "thumb",
            Variant::Preview => "preview",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "thumb" => Some(Variant::Thumb),
            "preview" => Some(Variant::Preview),
            _ => None,
        }
    }
    fn side(self) -> u32 {
        match self {
            Variant::Thumb => THUMB_SIDE,
            Variant::Preview => PREVIEW_SIDE,
        }
    }
}

/// What to serve for a thumbnail or preview URL.
pub enum Served {
    Jpeg(Vec<u8>),
    /// The original itself is fine (a preview of a photo no larger than a preview).
    Original,
    /// Nothing can be made (broken, too large, its tool missing): the app shows a placeholder.
    Nothing,
}

/// Formats a browser shows by itself.
fn browser_shows(f: Format) -> bool {
    matches!(f, Format::Jpeg | Format::Png | Format::Webp | Format::Gif)
}

pub async fn thumb_or_make(state: &AppState, user: &str, sha: &str, variant: Variant) -> Result<Served, ApiError> {
    let (store, u, s) = (state.store.clone(), user.to_string(), sha.to_string());
    let head = tokio::task::spawn_blocking(move || -> std::io::Result<_> {
        if let Some(t) = store.open_thumb(&u, &s, variant.as_str())? {
            return Ok(Err(t));
        }
        let Some((r, len)) = store.open_blob(&u, &s)? else { return Ok(Ok(None)) };
        let mut head = Vec::new();
        r.take(INSPECT_BYTES as u64).read_to_end(&mut head)?;
        Ok(Ok(Some((head, len))))
    })
    .await??;
    let (head, len) = match head {
        Err(stored) if stored.is_empty() => return Ok(Served::Nothing),
        Err(stored) => return Ok(Served::Jpeg(stored)),
        Ok(None) => return Ok(Served::Nothing),
        Ok(Some(h)) => h,
    };
    let facts = inspect("", &head, len);
    let long = facts.width.zip(facts.height).map(|(w, h)| w.max(h));
    if variant == Variant::Preview
        && browser_shows(facts.format)
        && (long.is_some_and(|l| l <= PREVIEW_SIDE) || !facts.format.can_prepare())
    {
        return Ok(Served::Original);
    }
    if let Some(kind) = crate::previews::kind(facts.format) {
        Metrics::add(&state.metrics.previews_decoded, 1);
        let scratch = crate::previews::scratch_dir(&state.config.data_dir);
        let made = crate::previews::make(state.store.clone(), scratch, user, sha, kind, variant.side()).await;
        let keep = match &made {
            Ok(jpeg) => jpeg.clone(),
            Err(NoPreview::Broken) => {
                Metrics::add(&state.metrics.previews_failed, 1);
                Vec::new()
            }
            Err(_) => return Ok(Served::Nothing),
        };
        let (store, u, s) = (state.store.clone(), user.to_string(), sha.to_string());
        tokio::task::spawn_blocking(move || store.put_thumb(&u, &s, variant.as_str(), &keep)).await??;
        return Ok(made.map(Served::Jpeg).unwrap_or(Served::Nothing));
    }
    if !facts.format.can_prepare() || len > MAX_SOURCE_BYTES || facts.pixels().is_some_and(|p| p > MAX_THUMB_SOURCE_PIXELS) {
        return Ok(Served::Nothing);
    }
    let _permit = state.thumb_slots.acquire().await.map_err(|e| ApiError::Internal(e.to_string()))?;
    let (store, u, s) = (state.store.clone(), user.to_string(), sha.to_string());
    let made = tokio::task::spawn_blocking(move || -> std::io::Result<Option<Vec<u8>>> {
        // Another request may have made it while this one waited for a slot.
        if let Some(t) = store.open_thumb(&u, &s, variant.as_str())? {
            return Ok(Some(t).filter(|t| !t.is_empty()));
        }
        let Some((mut r, len)) = store.open_blob(&u, &s)? else { return Ok(None) };
        let mut bytes = Vec::with_capacity(len as usize);
        r.read_to_end(&mut bytes)?;
        match thumbnail(&bytes, variant.side()) {
            Ok(jpeg) => {
                store.put_thumb(&u, &s, variant.as_str(), &jpeg)?;
                Ok(Some(jpeg))
            }
            Err(e) => {
                tracing::debug!(?e, variant = variant.as_str(), "no thumbnail could be made");
                store.put_thumb(&u, &s, variant.as_str(), &[])?;
                Ok(None)
            }
        }
    })
    .await??;
    Ok(made.map(Served::Jpeg).unwrap_or(Served::Nothing))
}
