//! JSON shapes of the Shoebox API (`/api/v1/*`, contracts.md), shared by server and app.
use crate::limits::Limits;
use serde::{Deserialize, Serialize};

pub const CONFIG_PATH: &str = "/api/v1/config";
pub const CHECK_PATH: &str = "/api/v1/media/check";
pub const MEDIA_PATH: &str = "/api/v1/media";
/// At most this many digests per `POST /api/v1/media/check`.
pub const MAX_CHECK_DIGESTS: usize = 10_000;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Config {
    pub tus_endpoint: String,
    pub chunk_size: u64,
    pub limits: Limits,
    pub dedup: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct CheckRequest {
    pub sha256: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct CheckResponse {
    pub present: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MediaItem {
    pub sha256: String,
    pub source_sha256: Option<String>,
    pub filename: Option<String>,
    pub relative_path: Option<String>,
    pub album: Option<String>,
    pub size: u64,
    pub filetype: Option<String>,
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// RFC 3339.
    pub captured_at: Option<String>,
    /// RFC 3339.
    pub uploaded_at: String,
    // The library's fields (issue 13); defaulted so older answers still parse.
    /// The record's id (one record per user, content and album).
    #[serde(default)]
    pub id: String,
    /// The grouping day, YYYY-MM-DD (see docs/api.md: wall-clock dates as they are, instants in the asked `tz`).
    #[serde(default)]
    pub day: String,
    /// "photo", "video" or "other".
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub downsized: bool,
    #[serde(default)]
    pub camera: Option<String>,
    #[serde(default)]
    pub lat: Option<f64>,
    #[serde(default)]
    pub lon: Option<f64>,
    #[serde(default)]
    pub orientation: Option<u8>,
    #[serde(default)]
    pub trashed_at: Option<String>,
    /// Signed, short-lived URLs (images and downloads cannot send a Bearer header).
    #[serde(default)]
    pub thumb_url: Option<String>,
    #[serde(default)]
    pub preview_url: Option<String>,
    #[serde(default)]
    pub original_url: Option<String>,
    #[serde(default)]
    pub download_url: Option<String>,
}

/// `GET /api/v1/media/summary`: per-day counts for the timeline and its scrubber.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    pub days: Vec<DaySummary>,
    pub count: u64,
    pub bytes: u64,
    pub trash_count: u64,
    pub trash_bytes: u64,
    pub used_bytes: u64,
    pub quota_bytes: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct DaySummary {
    pub day: String,
    pub count: u64,
    pub bytes: u64,
}

/// `GET /api/v1/albums`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct Albums {
    pub albums: Vec<AlbumSummary>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct AlbumSummary {
    pub album: Option<String>,
    pub count: u64,
    pub bytes: u64,
    pub latest_day: Option<String>,
    pub cover_thumb_url: Option<String>,
}

/// `POST /api/v1/media/trash` and `/restore`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct IdsRequest {
    pub ids: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MediaPage {
    pub items: Vec<MediaItem>,
    pub next: Option<String>,
}
