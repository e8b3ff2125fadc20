//! JSON shapes of the Shoebox API (`/api/v1/*`, contracts.md), shared by server and app.
use crate::limits::Limits;
use serde::{Deserialize, Serialize};

pub mod albums;
pub use albums::*;
pub mod call;
pub mod error;
pub use call::{ApiAnswer, ApiCall, ApiReply, Bearer};
pub mod kiosk;
pub use kiosk::{
    visits_path, KioskProfileAnswer, KioskSession, PhoneLink, VisitEntry, VisitLog, WelcomeText, KIOSK_ACTIVITY_PATH, KIOSK_PHONE_PATH,
    KIOSK_PROFILE_PATH, KIOSK_SESSIONS_PATH, KIOSK_SESSION_PATH, VISITS_PATH,
};
pub mod devices;
pub use devices::*;
pub use error::{ApiErrorBody, ApiErrorCode, H_SHOEBOX_ERROR};

pub const CONFIG_PATH: &str = "/api/v1/config";
pub const CHECK_PATH: &str = "/api/v1/media/check";
pub const MEDIA_PATH: &str = "/api/v1/media";
pub const SUMMARY_PATH: &str = "/api/v1/media/summary";
pub const ALBUMS_PATH: &str = "/api/v1/albums";
pub const TRASH_PATH: &str = "/api/v1/media/trash";
pub const RESTORE_PATH: &str = "/api/v1/media/restore";
/// "Empty trash": every trashed record of the user, deleted now.
pub const EMPTY_TRASH_PATH: &str = "/api/v1/media/trash/empty";
/// "Restore all": every trashed record of the user back in the library.
pub const RESTORE_ALL_PATH: &str = "/api/v1/media/trash/restore-all";
/// Items per page of the library's timeline.
pub const TIMELINE_PAGE_LIMIT: u32 = 300;
/// At most this many ids per trash or restore call.
pub const MAX_TRASH_IDS: usize = 10_000;
/// At most this many digests per `POST /api/v1/media/check`.
pub const MAX_CHECK_DIGESTS: usize = 10_000;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Config {
    pub tus_endpoint: String,
    pub chunk_size: u64,
    pub limits: Limits,
    pub dedup: bool,
    /// The check takes probes (`CheckRequest::probes`) and a PATCH may declare the file's
    /// SHA-256 at the end (`Shoebox-Sha256`): a large file's upload need not wait for its hash.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub probe: bool,
    /// What the token that asked may do (absent from servers before it: then assume all).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access: Option<TokenAccess>,
}

/// Which kind of token asked, and what it may reach beside uploads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum TokenScope {
    /// A signed-in device: everything in its account.
    Full,
    /// An upload-only device: uploads and dedup checks.
    Upload,
    /// A kiosk visitor (or a phone link into a visit): uploads into its drop, reads that drop.
    Visitor,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TokenAccess {
    pub scope: TokenScope,
    /// The library (`/api/v1/media/summary`, albums, Trash, thumbnails and previews).
    pub library: bool,
    /// Whether it may store thumbnails beside its uploads (`PUT /api/v1/media/{sha}/thumb`).
    pub thumbnails: bool,
}

impl TokenAccess {
    pub fn of(scope: TokenScope) -> Self {
        let full = scope == TokenScope::Full;
        TokenAccess { scope, library: full, thumbnails: full }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct CheckRequest {
    pub sha256: Vec<String>,
    /// Large files not hashed yet: which may be content the user has (`hash::probe_ranges`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub probes: Vec<Probe>,
}

/// A file's size and the lower-case hex SHA-256 of its probe ranges (`hash::probe_ranges`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Probe {
    pub size: u64,
    pub probe: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct CheckResponse {
    pub present: Vec<String>,
    /// The probes of the request that match content the user has: those files are hashed
    /// whole and checked again; every other probed file cannot be a duplicate.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub probable: Vec<String>,
}

/// One media record (a row of the server's index: user, content, album). The fields after
/// `uploaded_at` are the library's: all default, so JSON without them still parses.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
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
    /// From EXIF: a wall-clock time without zone ("2021-06-15T08:30:00"); from the file's
    /// lastModified: an RFC 3339 instant ("...Z").
    pub captured_at: Option<String>,
    /// RFC 3339.
    pub uploaded_at: String,
    /// The record's id (its sequence number, as a string).
    #[serde(default)]
    pub id: String,
    /// The grouping day, "YYYY-MM-DD" (see docs/api.md: wall-clock dates stay as they are,
    /// instants are shifted by the request's `tz`).
    #[serde(default)]
    pub day: String,
    /// "photo", "video" or "other", from the filetype.
    #[serde(default)]
    pub kind: String,
    /// True when this is a downsized copy (sourceSha256 is set).
    #[serde(default)]
    pub downsized: bool,
    /// "Make Model" from EXIF.
    #[serde(default)]
    pub camera: Option<String>,
    /// EXIF GPS position in degrees (south and west negative).
    #[serde(default)]
    pub lat: Option<f64>,
    #[serde(default)]
    pub lon: Option<f64>,
    /// EXIF orientation 1..=8.
    #[serde(default)]
    pub orientation: Option<u8>,
    /// RFC 3339 instant the record went to the Trash.
    #[serde(default)]
    pub trashed_at: Option<String>,
    /// Signed URLs (no Bearer header needed), relative to the server root.
    #[serde(default)]
    pub thumb_url: Option<String>,
    #[serde(default)]
    pub preview_url: Option<String>,
    #[serde(default)]
    pub original_url: Option<String>,
    #[serde(default)]
    pub download_url: Option<String>,
    /// A video's length, probed by the server after the upload completed (absent until then,
    /// and for what it could not read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_ms: Option<u64>,
    /// A video's codec as ffprobe names it ("h264", "hevc", "vp9", …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub codec: Option<String>,
    /// The video that moves with this photo (a Live Photo's clip), paired by the server.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub motion: Option<Motion>,
    /// On a Live Photo's clip (listed only when parts are asked for): its photo's sha256.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub motion_of: Option<String>,
    /// XMP sidecars and Apple .AAE files that belong to this item, each a download.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sidecars: Vec<Sidecar>,
    /// On a sidecar (listed only when parts are asked for): its item's sha256.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sidecar_of: Option<String>,
    /// The caption a Google Takeout sidecar gave (upload key `description`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Marked as a favourite in Google Photos (upload key `favorited`); absent when not.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub favorited: bool,
    /// Archived in Google Photos (upload key `archived`); absent when not.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub archived: bool,
}

/// One of `sidecars` of a media item: the file's name, its content and a signed URL that
/// downloads it (served as an attachment).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Sidecar {
    pub filename: String,
    pub sha256: String,
    #[serde(default)]
    pub download_url: Option<String>,
}

/// `motion` of a media item: the clip's content and a signed URL that plays it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Motion {
    /// The clip's content; for a Motion Photo (`embedded`) the photo's own, which holds it.
    pub sha256: String,
    #[serde(default)]
    pub video_url: Option<String>,
    /// The clip is inside the photo's bytes (a Motion Photo), served as a range of them.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub embedded: bool,
    /// `videoUrl` plays an H.264 copy the server made of a HEVC clip (browsers without a HEVC
    /// decoder play it); the download is still the clip's own bytes.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub h264_copy: bool,
    /// A signed URL that downloads a Live Photo's clip as a file under its own name (absent
    /// for a Motion Photo: its clip is inside the photo's own download).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub download_url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MediaPage {
    pub items: Vec<MediaItem>,
    pub next: Option<String>,
}

/// One day of `GET /api/v1/media/summary`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct DaySummary {
    pub day: String,
    pub count: u64,
    pub bytes: u64,
}

/// `GET /api/v1/media/summary`: `days` (newest first), `count` and `bytes` follow the filters;
/// the trash figures, `used_bytes` and `quota_bytes` are the user's overall.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct MediaSummary {
    pub days: Vec<DaySummary>,
    pub count: u64,
    pub bytes: u64,
    pub trash_count: u64,
    pub trash_bytes: u64,
    pub used_bytes: u64,
    pub quota_bytes: Option<u64>,
    /// How many days a trashed record is kept before the purge deletes it (absent from an
    /// older server: the app then names no figure).
    #[serde(default)]
    pub trash_days: Option<u32>,
}

/// One album of `GET /api/v1/albums`; `album: None` holds the records without an album.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct AlbumSummary {
    pub album: Option<String>,
    pub count: u64,
    pub bytes: u64,
    pub latest_day: String,
    pub cover_thumb_url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct AlbumList {
    pub albums: Vec<AlbumSummary>,
}

/// Body of `POST /api/v1/media/trash` and `POST /api/v1/media/restore`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct TrashRequest {
    pub ids: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct TrashResponse {
    pub trashed: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct RestoreResponse {
    pub restored: u64,
}

/// Answer of `POST /api/v1/media/trash/empty`: how many records were deleted for good.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct EmptyTrashResponse {
    pub deleted: u64,
}

/// Where a page of the timeline starts: the first item of a day (and the days after it), or a
/// cursor the previous page ended on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageAt<'a> {
    Day(&'a str),
    Cursor(&'a str),
}

/// `GET /api/v1/media/summary?{filters}`: `filters` as [`crate::library::filter_query`] makes them.
pub fn summary_path(filters: &str) -> String {
    format!("{SUMMARY_PATH}?{filters}")
}

/// `GET /api/v1/media?order=taken&limit=..&day=|cursor=..&{filters}`: one page of the timeline.
pub fn timeline_page_path(at: PageAt, filters: &str) -> String {
    let at = match at {
        PageAt::Day(d) => format!("day={}", encode_component(d)),
        PageAt::Cursor(c) => format!("cursor={}", encode_component(c)),
    };
    format!("{MEDIA_PATH}?order=taken&limit={TIMELINE_PAGE_LIMIT}&{at}&{filters}")
}

/// `GET /api/v1/albums?tz=..`: `zone` is the viewer's IANA zone (or minutes east of UTC).
pub fn albums_path(zone: &str) -> String {
    format!("{ALBUMS_PATH}?tz={}", encode_component(zone))
}

/// A query value percent-encoded as `encodeURIComponent` does (letters, digits and `-_.!~*'()`
/// stay), so a name with `&`, `=`, `+` or `/` reaches the server as typed.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'!' | b'~' | b'*' | b'\'' | b'(' | b')' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// A record's `kind` from its filetype: "photo" (image/*), "video" (video/*) or "other".
pub fn kind_of(filetype: Option<&str>) -> &'static str {
    match filetype.map(|t| t.split('/').next().unwrap_or("")) {
        Some("image") => "photo",
        Some("video") => "video",
        _ => "other",
    }
}
