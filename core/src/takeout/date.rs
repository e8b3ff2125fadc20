//! The date rule of a Takeout item. A photo's own EXIF date is a wall-clock time (no zone);
//! Google's `photoTakenTime` is an instant. Time zones on Earth lie within 14 hours of UTC, so
//! when the two are within 14 hours they describe the same moment and the EXIF date is kept (it
//! groups the photo by the day it was taken where it was taken). Further apart, the date was
//! corrected in Google Photos, and Google's instant wins; without EXIF it wins too.
use super::time::{rfc3339, wall_clock_secs};

/// The widest gap between a wall-clock time and the instant it can stand for.
pub const AGREE_SECS: i64 = 14 * 3600;

/// Which date an item keeps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TakenDate {
    /// The file's own EXIF date, as written ("YYYY:MM:DD HH:MM:SS").
    Exif(String),
    /// The sidecar's instant, seconds since the epoch.
    Google(i64),
}

impl TakenDate {
    /// As the API's `capturedAt` writes it: a wall-clock "YYYY-MM-DDTHH:MM:SS" or an RFC 3339 instant.
    pub fn captured_at(&self) -> Option<String> {
        match self {
            TakenDate::Google(s) => Some(rfc3339(*s)),
            TakenDate::Exif(w) => {
                let b = w.trim_end_matches('\0').trim();
                let secs = wall_clock_secs(b)?;
                let text = rfc3339(secs);
                Some(text.trim_end_matches('Z').to_string())
            }
        }
    }
}

/// The date rule: `exif` is the file's EXIF date as read (`None` or unreadable when absent),
/// `google` the sidecar's instant in seconds.
pub fn choose(exif: Option<&str>, google: Option<i64>) -> Option<TakenDate> {
    let wall = exif.and_then(|e| wall_clock_secs(e).map(|s| (e, s)));
    match (wall, google) {
        (Some((e, w)), Some(g)) if (w - g).abs() <= AGREE_SECS => Some(TakenDate::Exif(e.to_string())),
        (_, Some(g)) => Some(TakenDate::Google(g)),
        (Some((e, _)), None) => Some(TakenDate::Exif(e.to_string())),
        (None, None) => None,
    }
}
