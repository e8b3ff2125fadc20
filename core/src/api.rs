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
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MediaPage {
    pub items: Vec<MediaItem>,
    pub next: Option<String>,
}
