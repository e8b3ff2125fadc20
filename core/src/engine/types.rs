//! The engine's public vocabulary: settings, inputs, actions, events and the views the UI reads.
use crate::facts::{Decision, FileFacts, Outcome, SkipReason};
use crate::limits::{LimitsChoice, Quality};
use serde::{Deserialize, Serialize};

pub use super::resume::ResumeRecord;

/// A file, named by the driver (unique for the engine's lifetime; files can be added in batches).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct FileId(pub u64);

/// One HTTP request the engine asked for; the driver echoes it in `handle_response`/`handle_progress`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct RequestId(pub u64);

/// A file the driver found while walking (contracts.md field names in comments).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FileEntry {
    pub id: FileId,
    /// `relativePath`: `webkitRelativePath`, `/`-separated, including the chosen folder's name;
    /// just the file name for a loose file.
    pub relative_path: String,
    /// Base name (`filename`).
    pub name: String,
    pub size: u64,
    /// `File.lastModified`, ms since the epoch.
    pub last_modified: i64,
    /// `File.type`; may be empty (the engine then uses the sniffed format's MIME type).
    pub mime: String,
}

/// Where uploads go in the media library (`album` metadata key).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum AlbumMode {
    /// Per top folder: the `album` key is omitted and the server uses the first folder of `relativePath`.
    #[default]
    Folder,
    /// No album: the `album` key is sent empty.
    None,
    /// Everything into one named album.
    Named(String),
}

/// Everything the user (or the URL) can set. `Default` gives the documented defaults.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EngineSettings {
    /// The tus creation URL, e.g. `http://127.0.0.1:8080/files/` (or `/files/`, same origin).
    pub endpoint: String,
    /// Base of the JSON API (`{api_base}/api/v1/config`). `None`: the endpoint's origin
    /// (`""` for a relative endpoint, i.e. same origin). See [`EngineSettings::api_base`].
    pub api_base: Option<String>,
    /// Bearer token, sent as `Authorization: Bearer TOKEN` on every request when set.
    pub token: Option<String>,
    pub quality: Quality,
    pub limits: LimitsChoice,
    pub strip_location: bool,
    pub album: AlbumMode,
    /// Files uploading at once (3).
    pub parallel_uploads: usize,
    /// PATCH size; `None`: the server's hint from /api/v1/config, else 8 MiB.
    pub chunk_size: Option<u64>,
    /// Abort and retry a request that reports no progress for this long (30 s).
    pub stall_timeout_ms: u64,
    /// Fail a file after this many attempts in a row without its offset advancing (12).
    pub max_attempts: u32,
    /// Bound on the sum of request body bytes outstanding at once (64 MiB). Chunks are
    /// clamped to it.
    pub max_bytes_in_flight: u64,
    /// Pause transfers ("Waiting for Wi-Fi") while the driver reports a metered connection.
    pub wifi_only: bool,
    /// Files up to this size go in the creation POST (creation-with-upload) when the server
    /// advertises it (1 MiB; 0 disables).
    pub creation_with_upload_max: u64,
    /// JPEG quality for Prepare (90).
    pub prepare_quality: u8,
    /// Seed of the retry jitter (any value; tests fix it).
    pub jitter_seed: u64,
}

impl Default for EngineSettings {
    fn default() -> Self {
        EngineSettings {
            endpoint: "/files/".into(),
            api_base: None,
            token: None,
            quality: Quality::Original,
            limits: LimitsChoice::Server,
            strip_location: false,
            album: AlbumMode::Folder,
            parallel_uploads: 3,
            chunk_size: None,
            stall_timeout_ms: 30_000,
            max_attempts: 12,
            max_bytes_in_flight: 64 * 1024 * 1024,
            wifi_only: false,
            creation_with_upload_max: 1024 * 1024,
            prepare_quality: 90,
            jitter_seed: 0x5eed,
        }
    }
}

/// The default chunk size when neither the settings nor the server say otherwise.
pub const DEFAULT_CHUNK_SIZE: u64 = 8 * 1024 * 1024;

impl EngineSettings {
    /// Settings for this tus endpoint, everything else default.
    pub fn for_endpoint(endpoint: &str) -> Self {
        EngineSettings { endpoint: endpoint.into(), ..Default::default() }
    }
    /// The JSON API base: `api_base`, else the endpoint's origin (`scheme://host[:port]`), else
    /// `""` when the endpoint is a path (same origin).
    pub fn api_base(&self) -> String {
        if let Some(b) = &self.api_base {
            return b.trim_end_matches('/').to_string();
        }
        super::protocol::origin_of(&self.endpoint).unwrap_or_default()
    }
}

/// What the driver found out by running Prepare (contracts.md).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PrepareOutcome {
    /// The driver keeps the prepared blob (for `Body::Slice { source: Prepared }`) until the
    /// file has an outcome. `mime`: the prepared bytes' type when it differs from the original.
    Prepared { size: u64, sha256: String, mime: Option<String> },
    /// Upload the original instead (not smaller, undecodable, ...).
    KeepOriginal { reason: String },
}

/// HTTP method of a request the engine asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Method {
    Get,
    Head,
    Post,
    Patch,
    Delete,
    Options,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Head => "HEAD",
            Method::Post => "POST",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
            Method::Options => "OPTIONS",
        }
    }
}

/// Which bytes a slice body comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Source {
    /// The file itself (`File.slice`).
    Original,
    /// The blob returned by Prepare for this file.
    Prepared,
}

/// Per-PATCH checksum algorithm (tus checksum extension), only when the server advertised it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChecksumAlgo {
    Sha256,
    Sha1,
}

impl ChecksumAlgo {
    pub fn name(self) -> &'static str {
        match self {
            ChecksumAlgo::Sha256 => "sha256",
            ChecksumAlgo::Sha1 => "sha1",
        }
    }
    /// The `Upload-Checksum` header value for a slice whose raw digest is `digest`.
    pub fn header_value(self, digest: &[u8]) -> String {
        use base64::Engine as _;
        format!("{} {}", self.name(), base64::engine::general_purpose::STANDARD.encode(digest))
    }
}

/// A request body. The engine never holds file bytes: the driver sends Blob slices.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Body {
    Empty,
    /// `Content-Type: application/json` is already among the headers.
    Json(String),
    /// Bytes `start..end` of the file (or of its prepared blob). When `checksum` is set, the
    /// driver digests exactly these bytes (in a worker) and adds the header
    /// `Upload-Checksum: <ChecksumAlgo::header_value(digest)>` before sending.
    Slice {
        file: FileId,
        source: Source,
        start: u64,
        end: u64,
        checksum: Option<ChecksumAlgo>,
    },
}

impl Body {
    /// Number of body bytes (0 for Empty/Json are counted as small; only slices count in flight).
    pub fn slice_len(&self) -> u64 {
        match self {
            Body::Slice { start, end, .. } => end - start,
            _ => 0,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HttpRequest {
    pub method: Method,
    /// Absolute, or a path when the endpoint was given as a path.
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Body,
}

impl HttpRequest {
    /// The value of a header (case-insensitive name).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// What came back. Header names may be in any case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct HttpResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    /// Text body (JSON or a plain-text reason); the engine only reads small bodies.
    pub body: String,
}

impl HttpResponse {
    pub fn new(status: u16) -> Self {
        HttpResponse { status, headers: Vec::new(), body: String::new() }
    }
    pub fn with_header(mut self, k: &str, v: &str) -> Self {
        self.headers.push((k.into(), v.into()));
        self
    }
    pub fn with_body(mut self, b: &str) -> Self {
        self.body = b.into();
        self
    }
    /// The value of a header (case-insensitive name).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.trim())
    }
}

/// Why a request produced no response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NetError {
    /// The browser says it is offline (`navigator.onLine` false). Costs no attempt.
    Offline,
    Timeout,
    /// The driver aborted it (normally because the engine asked; such answers are ignored).
    Aborted,
    /// Anything else: connection reset, DNS, CORS (XHR status 0) ...
    Other(String),
}

/// Something the driver must do. Pull with [`super::Engine::poll_action`] until `None`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Action {
    /// Read the file's first bytes; answer with `handle_inspected`.
    Inspect { file: FileId },
    /// Stream the whole original through SHA-256; answer with `handle_hashed`.
    Hash { file: FileId },
    /// Downsize and/or strip location in a worker; answer with `handle_prepared`.
    Prepare { file: FileId, max_pixels: Option<u64>, quality: u8, strip_location: bool },
    /// Send this request; answer with `handle_response` (and `handle_progress` while uploading).
    Http { req: RequestId, request: HttpRequest },
    /// Abort this request. The engine has already forgotten it: any answer is ignored.
    Abort { req: RequestId },
    /// Store (insert or replace by `record.key`) in the resume store (IndexedDB).
    SaveResume(ResumeRecord),
    /// Delete this key from the resume store.
    RemoveResume { key: String },
    /// The prepared blob of this file is no longer needed; the driver may drop it.
    DropPrepared { file: FileId },
}

/// Something the UI may want to redraw. Pull with [`super::Engine::poll_event`].
/// Events are coalesced per file; read the current state with the queries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Event {
    /// Read `file_view(id)`.
    FileChanged { id: FileId },
    /// Read `status()`.
    StatusChanged,
    /// Read `totals()`.
    TotalsChanged,
}

/// The status card (contracts.md "App: URL parameters and statuses").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    /// Nothing chosen yet.
    Ready,
    /// Walking and inspecting: `found` files so far.
    Looking {
        found: u64,
    },
    /// Plan shown, not started: `count` photos and videos to back up.
    ReadyToBackUp {
        count: u64,
    },
    /// Unfinished uploads found in the resume store, no files chosen yet.
    ContinueBackup {
        remaining: u64,
    },
    /// `done` of `total` files have an outcome; `eta_ms` absent until meaningful.
    BackingUp {
        done: u64,
        total: u64,
        bytes_left: u64,
        eta_ms: Option<u64>,
    },
    SignInNeeded,
    WaitingForConnection,
    WaitingForWifi,
    Paused,
    Complete {
        uploaded: u64,
        already: u64,
        skipped: u64,
        failed: u64,
    },
}

/// Where one file is in its journey.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Phase {
    Waiting,
    Inspecting,
    /// Inspected; waiting for the user to start (or for limits from the server).
    Inspected,
    Hashing,
    /// Asking the server (or the local record) whether it already has it.
    Checking,
    Preparing,
    /// Queued for or in transfer (see `bytes_done`).
    Uploading,
    /// Waiting to retry at this time (ms, the driver's clock).
    Retrying {
        at_ms: u64,
    },
    /// Paused by the user (one file or all), offline, metered or signed out.
    Paused,
    /// Has an outcome.
    Done,
}

/// One file as the UI sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileView {
    pub phase: Phase,
    /// Bytes the server has (plus progress of the request in flight).
    pub bytes_done: u64,
    /// Bytes to upload (the prepared size once known, else the original's).
    pub size: u64,
    pub outcome: Option<Outcome>,
    /// The limits policy's verdict, once inspected and the limits are known.
    pub decision: Option<Decision>,
    pub facts: Option<FileFacts>,
    /// Excluded from the backup by the plan view's check boxes.
    pub excluded: bool,
    /// Attempts in a row without progress (for "retrying (3)").
    pub attempts: u32,
    /// The last error, while retrying or failed.
    pub last_error: Option<String>,
}

/// Skipped files per reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SkippedCounts {
    pub not_media: u64,
    pub empty_file: u64,
    pub system_file: u64,
    pub over_size_limit: u64,
    pub over_pixel_limit: u64,
    pub under_minimum_size: u64,
}

impl SkippedCounts {
    pub fn get_mut(&mut self, r: SkipReason) -> &mut u64 {
        match r {
            SkipReason::NotMedia => &mut self.not_media,
            SkipReason::EmptyFile => &mut self.empty_file,
            SkipReason::SystemFile => &mut self.system_file,
            SkipReason::OverSizeLimit => &mut self.over_size_limit,
            SkipReason::OverPixelLimit => &mut self.over_pixel_limit,
            SkipReason::UnderMinimumSize => &mut self.under_minimum_size,
        }
    }
    pub fn total(&self) -> u64 {
        self.not_media + self.empty_file + self.system_file + self.over_size_limit + self.over_pixel_limit + self.under_minimum_size
    }
}

/// Counts for the plan view, the progress bar and the completion card. Excluded files count
/// only in `files` and `excluded`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Totals {
    /// Files added.
    pub files: u64,
    pub inspected: u64,
    pub excluded: u64,
    /// Photos / videos that will be backed up (not skipped, not excluded).
    pub photos: u64,
    pub videos: u64,
    /// Photos that will be prepared (downsized and/or location stripped).
    pub to_downsize: u64,
    pub skipped: SkippedCounts,
    /// Bytes of the files to back up, and how many of them are done (outcomes count whole).
    pub bytes_total: u64,
    pub bytes_done: u64,
    pub uploaded: u64,
    pub already: u64,
    pub failed: u64,
    /// Smoothed upload speed, bytes per second (0 until measured).
    pub speed_bps: u64,
    /// Smoothed time left; `None` until meaningful.
    pub eta_ms: Option<u64>,
}
