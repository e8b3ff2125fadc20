//! The engine's inputs: ids, the files a walk finds, the settings, and what Prepare answers.
//! (HTTP types are in `http.rs`; actions, events and views in `view.rs`.)
use crate::limits::{LimitsChoice, Quality};
use serde::{Deserialize, Serialize};

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
    /// An album for this file alone, over the settings' (files shared to the app go to
    /// "Shared").
    #[serde(default)]
    pub album: Option<String>,
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
    /// Every folder its own album, sub-folders too, named by its path ("Trip / Day 1"); loose
    /// files in none.
    EachFolder,
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
    /// Files uploading at once (3); files up to `SMALL_UPLOAD_BYTES` count a third each.
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
    /// Pause transfers ("Waiting to charge") while the driver reports the device on battery.
    pub charging_only: bool,
    /// Files up to this size go in the creation POST (creation-with-upload) when the server
    /// advertises it (1 MiB; 0 disables).
    pub creation_with_upload_max: u64,
    /// JPEG quality for Prepare (90).
    pub prepare_quality: u8,
    /// Seed of the retry jitter (any value; tests fix it).
    pub jitter_seed: u64,
    /// Ask the server nothing until there is a token (a kiosk's page before its visit).
    pub token_required: bool,
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
            charging_only: false,
            creation_with_upload_max: 1024 * 1024,
            prepare_quality: 90,
            jitter_seed: 0x5eed,
            token_required: false,
        }
    }
}

impl EngineSettings {
    /// The settings as the engine applies them: an album name of only spaces means "one album
    /// per folder" (an empty name would put everything in one unnamed album), and at least one
    /// file uploads at a time.
    pub fn normalized(mut self) -> Self {
        if matches!(&self.album, AlbumMode::Named(n) if n.trim().is_empty()) {
            self.album = AlbumMode::Folder;
        }
        self.parallel_uploads = self.parallel_uploads.max(1);
        self
    }
}

/// The default chunk size when neither the settings nor the server say otherwise.
pub const DEFAULT_CHUNK_SIZE: u64 = 8 * 1024 * 1024;

/// Files up to this size are hashed many at once per worker, at most
/// `SMALL_HASHES_PER_WORKER` per worker (the rule itself: `worker_protocol::Job::is_light`).
pub use crate::worker_protocol::SMALL_HASH_BYTES;
pub const SMALL_HASHES_PER_WORKER: usize = 8;

/// Files up to this size upload `SMALL_UPLOADS_PER_SLOT` at once per upload slot
/// (`parallel_uploads`): each is a single request, bound by latency rather than bandwidth.
pub const SMALL_UPLOAD_BYTES: u64 = 1024 * 1024;
pub const SMALL_UPLOADS_PER_SLOT: usize = 3;

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
        crate::url::origin_of(&self.endpoint).unwrap_or_default()
    }
}

/// What the driver found out by running Prepare (contracts.md): the worker's own result.
pub use crate::worker_protocol::PrepareOutcome;
