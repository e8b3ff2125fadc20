//! Reading the server's answers for the library: what a status means for the view, and the
//! items' signed paths made whole.
use super::view::LoadState;
use crate::api::{ApiAnswer, MediaItem};

/// An answer as `T`; 401, 403 and 404 mean this server has no library for this token (a plain
/// tus server, an upload-only device), anything else that is not `T` a failed load.
pub(super) fn read<T: serde::de::DeserializeOwned>(answer: ApiAnswer) -> Result<T, LoadState> {
    match answer {
        Ok(r) if r.is_success() => r.json().ok_or(LoadState::Failed),
        Ok(r) if matches!(r.status, 401 | 403 | 404) => Err(LoadState::Unavailable),
        _ => Err(LoadState::Failed),
    }
}

/// The item's signed URLs are paths on the server: make them whole.
pub(super) fn absolute(mut i: MediaItem, base: &str) -> MediaItem {
    for u in [&mut i.thumb_url, &mut i.preview_url, &mut i.original_url, &mut i.download_url] {
        if let Some(p) = u.as_mut().filter(|p| p.starts_with('/')) {
            *p = format!("{base}{p}");
        }
    }
    i
}
