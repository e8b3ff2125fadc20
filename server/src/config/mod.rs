//! The command line (contracts.md "Server command line"): every flag also has an environment
//! variable. `ServerConfig` is the parsed, validated form that tests build directly.
pub mod cidr;
pub mod subcommands;
pub mod values;

use clap::Parser;
use shoebox_core::limits::Limits;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Parser, Debug, Clone)]
#[command(
    name = "shoebox-server",
    version,
    about = "Shoebox's cloud API: a durable tus 1.0 upload server with dedup, a media index and metrics.",
    after_help = "On startup the server prints one line to stdout:\n  Shoebox is running: open http://ADDR/?token=TOKEN\n\
(without ?token= when tokens are configured). ADDR is the address actually bound, so with\n\
--listen 127.0.0.1:0 the line tells which port was picked. Logs go to stderr; set RUST_LOG\n\
(e.g. RUST_LOG=shoebox_server=debug,tower_http=debug) for more."
)]
pub struct Args {
    /// `user add|list|remove|quota|link`: manage users instead of serving.
    #[command(subcommand)]
    pub command: Option<subcommands::Command>,

    /// Where the media index, users, devices and kiosk sessions live: `sqlite:` (the default:
    /// SQLite files in the data folder) or `postgres://USER@HOST:PORT/DB`, which several nodes
    /// can share (with the signing key, the default token and the upload locks).
    #[arg(long, env = "SHOEBOX_DATABASE", value_name = "URL", hide_env_values = true)]
    pub database: Option<String>,

    /// Address to listen on. Port 0 picks a free port; the startup line shows the one bound.
    #[arg(long, env = "SHOEBOX_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,

    /// Folder for uploads in progress, stored content, the media index and the default token.
    #[arg(long, env = "SHOEBOX_DATA_DIR", default_value = "./shoebox-data")]
    pub data_dir: PathBuf,

    /// The built browser app (Trunk's dist/) to serve at `/`; unknown paths get its index.html.
    #[arg(long, env = "SHOEBOX_APP_DIR")]
    pub app_dir: Option<PathBuf>,

    /// A bearer token for a user, as USER:TOKEN. Repeatable; the variable takes a comma-separated
    /// list. With none, a token for user "default" is created once and kept in the data folder.
    #[arg(long = "token", env = "SHOEBOX_TOKENS", value_name = "USER:TOKEN", value_delimiter = ',')]
    pub tokens: Vec<String>,

    /// A page origin (e.g. https://photos.example.com) allowed to call the API from a browser,
    /// besides the server's own origin. Repeatable; comma-separated in the variable; `*` allows any.
    #[arg(long = "cors-origin", env = "SHOEBOX_CORS_ORIGINS", value_name = "ORIGIN", value_delimiter = ',')]
    pub cors_origins: Vec<String>,

    /// Narrows where the app's page may connect and load images and media from (its CSP's
    /// connect-src, img-src and media-src, besides its own origin), as a space-separated CSP
    /// source list, e.g. "https://photos.example.com https://tus.example.com". Default: any
    /// origin, so a person can choose any tus server.
    #[arg(long = "csp-connect-src", env = "SHOEBOX_CSP_CONNECT_SRC", value_name = "SOURCES")]
    pub csp_connect_src: Option<String>,
    /// A reverse proxy (ADDR or ADDR/BITS) whose X-Forwarded-For / Forwarded header names the
    /// client that per-client rate limits count. Repeatable; comma-separated in the variable.
    /// Without it, forwarding headers are ignored and the TCP peer is the client.
    #[arg(long = "trusted-proxy", env = "SHOEBOX_TRUSTED_PROXIES", value_name = "ADDR/CIDR", value_delimiter = ',')]
    pub trusted_proxies: Vec<String>,

    /// How long an unfinished (or finished) upload URL lives after its last change, e.g. 24h,
    /// 30m, 90s, 500ms. A background task deletes expired uploads.
    #[arg(long, env = "SHOEBOX_UPLOAD_EXPIRY", default_value = "24h", value_parser = parse_duration)]
    pub upload_expiry: Duration,

    /// Largest upload accepted (Tus-Max-Size); larger creations get 413. Units: B, KB, MB, GB,
    /// TB (decimal) or KiB, MiB, GiB. Default: the limits policy's largest video (10 GB).
    #[arg(long, env = "SHOEBOX_MAX_SIZE", value_parser = parse_size)]
    pub max_size: Option<u64>,

    /// Chunk size suggested to clients in /api/v1/config (the server accepts any size).
    #[arg(long, env = "SHOEBOX_CHUNK_SIZE", default_value = "8MiB", value_parser = parse_size)]
    pub chunk_size: u64,

    /// Limits policy advertised in /api/v1/config (seed or google). Advertised only: the server
    /// enforces nothing but --max-size.
    #[arg(long, env = "SHOEBOX_LIMITS", default_value = "seed", value_parser = ["seed", "google"])]
    pub limits: String,

    /// A kiosk profile, as NAME:USER:KEY: the kiosk device opens `/?kiosk=NAME&key=KEY`, and its
    /// visitors upload into USER's account, each into a drop of their own. Repeatable;
    /// comma-separated in the variable.
    #[arg(long = "kiosk", env = "SHOEBOX_KIOSKS", value_name = "NAME:USER:KEY", value_delimiter = ',')]
    pub kiosks: Vec<String>,

    /// Kiosk profiles with settings of their own: a JSON list of {"name", "user", "key", and
    /// optionally "album", "quality", "limits", "idleSeconds", "welcome", "ownAccounts"}.
    #[arg(long, env = "SHOEBOX_KIOSK_CONFIG", value_name = "FILE")]
    pub kiosk_config: Option<PathBuf>,

    /// The album of a visitor's drop: {date} is the day, {code} (or {visitor}) the session's code.
    #[arg(long, env = "SHOEBOX_KIOSK_ALBUM", default_value = "Kiosk {date} {code}")]
    pub kiosk_album: String,

    /// A kiosk screen returns to its welcome screen after this long without a touch.
    #[arg(long, env = "SHOEBOX_KIOSK_IDLE", default_value = "2m", value_parser = parse_duration)]
    pub kiosk_idle: Duration,

    /// The server ends a quiet visit this long after its idle time (the page reports touches
    /// every few seconds, so its own idle end comes first).
    #[arg(long, env = "SHOEBOX_KIOSK_IDLE_GRACE", default_value = "15s", value_parser = parse_duration)]
    pub kiosk_idle_grace: Duration,

    /// The kiosk's welcome text. Empty (the default): the page's own words, in the visitor's
    /// language.
    #[arg(long, env = "SHOEBOX_KIOSK_WELCOME", default_value = "")]
    pub kiosk_welcome: String,

    /// The kiosk's upload size: `original`, or `high` (photos over 16 MP downsized first).
    #[arg(long, env = "SHOEBOX_KIOSK_QUALITY", default_value = "original", value_parser = ["original", "high"])]
    pub kiosk_quality: String,

    /// The kiosk's limits (seed or google): the app judges files by them, and the server
    /// refuses a visitor's upload over them whatever the client says.
    #[arg(long, env = "SHOEBOX_KIOSK_LIMITS", default_value = "seed", value_parser = ["seed", "google"])]
    pub kiosk_limits: String,

    /// Kiosk visitors may also upload into their own Shoebox account (approved from their
    /// signed-in phone: an upload-only token for one hour).
    #[arg(long, env = "SHOEBOX_KIOSK_OWN_ACCOUNTS")]
    pub kiosk_own_accounts: bool,

    /// How long a visitor session lives.
    #[arg(long, env = "SHOEBOX_VISITOR_SESSION", default_value = "1h", value_parser = parse_duration)]
    pub visitor_session: Duration,

    /// Days a deleted photo stays in the Trash before the server purges it (record, and the
    /// bytes once nothing else names them).
    #[arg(long, env = "SHOEBOX_TRASH_DAYS", default_value_t = 30)]
    pub trash_days: u32,

    /// Re-hash every stored file against its sha256 every N hours (fractions allowed) in the
    /// background, logging and counting mismatches (shoebox_scrub_mismatches_total in
    /// /metrics). Off by default: each pass reads every stored byte. See `verify`.
    #[arg(long, env = "SHOEBOX_SCRUB_INTERVAL_HOURS", value_name = "N")]
    pub scrub_interval_hours: Option<f64>,

    /// Read each upload back from the device itself (bypassing the page cache) before its
    /// completion is answered, instead of through the file system after its fsync: catches a
    /// disk that alters bytes it acknowledged, for one more read of every byte from the disk.
    #[arg(long, env = "SHOEBOX_READ_BACK_FROM_DEVICE")]
    pub read_back_from_device: bool,

    /// The key that signs the library's image, video and download URLs. Default
    /// `<data-dir>/signing.key`, made at first start; nodes behind one name share one file.
    #[arg(long, env = "SHOEBOX_SIGNING_KEY_FILE", value_name = "FILE")]
    pub signing_key_file: Option<PathBuf>,

    /// The signing key itself (16 characters at least), instead of a file.
    #[arg(long, env = "SHOEBOX_SIGNING_KEY", hide_env_values = true, hide = true)]
    pub signing_key: Option<String>,

    /// At most this many connections are served at once; more wait in the kernel's queue until
    /// one closes. Each takes a file descriptor: the server raises its own open-files limit.
    #[arg(long, env = "SHOEBOX_MAX_CONNECTIONS", default_value_t = 4096)]
    pub max_connections: usize,

    /// A connection that has not sent a whole request head (or, between requests, the next
    /// one) within this many seconds is closed, so slow or idle clients cannot pile up.
    #[arg(long, env = "SHOEBOX_HEADER_TIMEOUT_SECS", default_value_t = 30)]
    pub header_timeout_secs: u64,

    /// A request body that sends nothing for this many seconds ends its request; an upload
    /// keeps the bytes already stored and resumes from them (HEAD).
    #[arg(long, env = "SHOEBOX_BODY_IDLE_TIMEOUT_SECS", default_value_t = 60)]
    pub body_idle_timeout_secs: u64,

    /// A token (8 characters at least) for scraping /metrics, and nothing else. With one, only
    /// it opens /metrics; without, any full-access token does (see docs/api.md).
    #[arg(long, env = "SHOEBOX_METRICS_TOKEN", hide_env_values = true)]
    pub metrics_token: Option<String>,

    /// Where uploads and media are stored: the data folder (default), or an S3-compatible
    /// bucket, `s3://bucket/prefix?endpoint=http://host:port&region=…`, with the keys in
    /// AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY. Nodes sharing a bucket share the uploads.
    #[arg(long, env = "SHOEBOX_STORE", value_name = "URL")]
    pub store: Option<String>,
}

pub use crate::accounts::kiosks::{KioskProfile, KioskSettings};

/// Everything the server needs, validated.
#[derive(Clone, Debug)]
pub struct ServerConfig {
    pub data_dir: PathBuf,
    /// `--database`: None (or "sqlite:") for the data folder's SQLite files, else a postgres:// URL.
    pub database: Option<String>,
    pub app_dir: Option<PathBuf>,
    /// (user, token) pairs; empty means "create the default user's token".
    pub tokens: Vec<(String, String)>,
    pub cors_origins: Vec<String>,
    /// `--csp-connect-src`: None keeps the app's connections open to any origin.
    pub csp_connect_src: Option<String>,
    /// `--trusted-proxy`: peers whose forwarding headers name the client (`client_addr`).
    pub trusted_proxies: Vec<cidr::Cidr>,
    pub upload_expiry: Duration,
    pub max_size: u64,
    pub chunk_size: u64,
    pub limits: Limits,
    pub kiosks: Vec<KioskProfile>,
    pub kiosk_album: String,
    pub kiosk_idle: Duration,
    pub kiosk_idle_grace: Duration,
    pub kiosk_welcome: String,
    pub kiosk_own_accounts: bool,
    pub kiosk_quality: String,
    pub kiosk_limits: Limits,
    pub visitor_session: Duration,
    pub trash_days: u32,
    /// The background scrub's period (`integrity::scrub`); None: no scrub.
    pub scrub_interval: Option<Duration>,
    /// Uploads are read back from the device, not the page cache (local store only).
    pub read_back_from_device: bool,
    pub signing_key_file: Option<PathBuf>,
    pub signing_key: Option<String>,
    pub max_connections: usize,
    pub header_timeout: Duration,
    pub body_idle_timeout: Duration,
    pub metrics_token: Option<String>,
    /// None: the data folder holds the bytes.
    pub store: Option<crate::store::s3::S3Url>,
}

impl ServerConfig {
    /// A kiosk profile by name, and its effective settings.
    pub fn kiosk(&self, name: &str) -> Option<(&KioskProfile, KioskSettings)> {
        let defaults = KioskSettings {
            album: self.kiosk_album.clone(),
            quality: self.kiosk_quality.clone(),
            limits: self.kiosk_limits.clone(),
            idle: self.kiosk_idle,
            welcome: self.kiosk_welcome.clone(),
            welcome_texts: Default::default(),
            own_accounts: self.kiosk_own_accounts,
        };
        self.kiosks.iter().find(|k| k.name == name).map(|k| (k, k.settings(&defaults)))
    }

    /// Defaults of the command line, with the given data folder.
    pub fn new(data_dir: impl Into<PathBuf>) -> Self {
        let limits = Limits::seed();
        ServerConfig {
            data_dir: data_dir.into(),
            database: None,
            app_dir: None,
            tokens: Vec::new(),
            cors_origins: Vec::new(),
            csp_connect_src: None,
            trusted_proxies: Vec::new(),
            upload_expiry: Duration::from_secs(24 * 3600),
            max_size: limits.max_video_bytes,
            chunk_size: 8 << 20,
            limits,
            kiosks: Vec::new(),
            kiosk_album: "Kiosk {date} {code}".into(),
            kiosk_idle: Duration::from_secs(120),
            kiosk_idle_grace: Duration::from_secs(15),
            kiosk_welcome: String::new(),
            kiosk_own_accounts: false,
            kiosk_quality: "original".into(),
            kiosk_limits: Limits::seed(),
            visitor_session: Duration::from_secs(3600),
            trash_days: 30,
            scrub_interval: None,
            read_back_from_device: false,
            signing_key_file: None,
            signing_key: None,
            max_connections: 4096,
            header_timeout: Duration::from_secs(30),
            body_idle_timeout: Duration::from_secs(60),
            metrics_token: None,
            store: None,
        }
    }

    pub fn from_args(a: Args) -> Result<Self, String> {
        let limits = Limits::preset(&a.limits).ok_or_else(|| format!("unknown limits policy {:?}", a.limits))?;
        let mut tokens = Vec::new();
        for t in a.tokens.iter().filter(|t| !t.trim().is_empty()) {
            let (user, token) = t.trim().split_once(':').ok_or_else(|| format!("--token wants USER:TOKEN, got {t:?}"))?;
            if !crate::accounts::auth::valid_user_name(user) {
                return Err(format!("user name {user:?}: use 1-64 letters, digits, '-' or '_'"));
            }
            if token.len() < 8 {
                return Err(format!("token for {user:?} is too short (8 characters at least)"));
            }
            tokens.push((user.to_string(), token.to_string()));
        }
        let mut kiosks = Vec::new();
        for k in a.kiosks.iter().filter(|k| !k.trim().is_empty()) {
            kiosks.push(KioskProfile::from_flag(k)?);
        }
        if a.metrics_token.as_ref().is_some_and(|t| t.trim().len() < 8) {
            return Err("--metrics-token is too short (8 characters at least)".into());
        }
        if a.max_connections == 0 || a.header_timeout_secs == 0 || a.body_idle_timeout_secs == 0 {
            return Err("--max-connections, --header-timeout-secs and --body-idle-timeout-secs must be above 0".into());
        }
        if a.csp_connect_src.as_deref().is_some_and(|c| c.contains([';', ',']) || c.chars().any(|ch| ch.is_control())) {
            return Err("--csp-connect-src is a space-separated list of CSP sources (no ';' or ',')".into());
        }
        crate::accounts::kiosks::drop_pattern_ok(&a.kiosk_album).map_err(|e| format!("--kiosk-album {e}"))?;
        if let Some(f) = &a.kiosk_config {
            kiosks.extend(KioskProfile::from_file(f)?);
        }
        Ok(ServerConfig {
            database: postgres_url(a.database.as_deref())?,
            data_dir: a.data_dir,
            app_dir: a.app_dir,
            tokens,
            cors_origins: a
                .cors_origins
                .into_iter()
                .map(|o| o.trim().trim_end_matches('/').to_string())
                .filter(|o| !o.is_empty())
                .collect(),
            csp_connect_src: a.csp_connect_src.filter(|c| !c.trim().is_empty()),
            trusted_proxies: a
                .trusted_proxies
                .iter()
                .filter(|p| !p.trim().is_empty())
                .map(|p| cidr::Cidr::parse(p))
                .collect::<Result<_, _>>()?,
            upload_expiry: a.upload_expiry,
            max_size: a.max_size.unwrap_or(limits.max_video_bytes),
            chunk_size: a.chunk_size,
            limits,
            kiosks,
            kiosk_album: a.kiosk_album,
            kiosk_idle: a.kiosk_idle,
            kiosk_idle_grace: a.kiosk_idle_grace,
            kiosk_welcome: a.kiosk_welcome,
            kiosk_own_accounts: a.kiosk_own_accounts,
            kiosk_quality: a.kiosk_quality,
            kiosk_limits: Limits::preset(&a.kiosk_limits).ok_or_else(|| format!("unknown kiosk limits {:?}", a.kiosk_limits))?,
            visitor_session: a.visitor_session,
            trash_days: a.trash_days,
            scrub_interval: match a.scrub_interval_hours {
                Some(h) if h.is_finite() && h > 0.0 && h < 1e6 => Some(Duration::from_secs_f64(h * 3600.0)),
                Some(h) => return Err(format!("--scrub-interval-hours must be a positive number of hours, got {h}")),
                None => None,
            },
            read_back_from_device: a.read_back_from_device,
            signing_key_file: a.signing_key_file,
            signing_key: a.signing_key,
            max_connections: a.max_connections,
            header_timeout: Duration::from_secs(a.header_timeout_secs),
            body_idle_timeout: Duration::from_secs(a.body_idle_timeout_secs),
            metrics_token: a.metrics_token.map(|t| t.trim().to_string()),
            store: match a.store.as_deref().map(str::trim) {
                None | Some("") | Some("local") => None,
                Some(u) => Some(crate::store::s3::S3Url::parse(u)?),
            },
        })
    }
}

pub use values::{parse_duration, parse_size, postgres_url};
