//! Shared server state, handed to every handler: configuration, storage (a trait object),
//! the media index, tokens, metrics and per-upload locks. With `--database postgres://…` the
//! index, accounts and sessions are in PostgreSQL, and so are the secrets every node must
//! share (the URL signing key, the default user's token) and the upload and quota locks.
use crate::accounts::auth::{default_token, Tokens, DEFAULT_USER};
use crate::config::ServerConfig;
use crate::db::pg::Pg;
use crate::http::metrics::Metrics;
use crate::index::MediaIndex;
use crate::locks::Locks;
use crate::store::{local::LocalStore, Store};
use std::io;
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    pub config: Arc<ServerConfig>,
    pub store: Arc<dyn Store>,
    pub index: Arc<MediaIndex>,
    pub tokens: Arc<Tokens>,
    pub metrics: Arc<Metrics>,
    pub locks: Arc<Locks>,
    /// Orders blob commits against the purge's blob deletion (`locks::BlobGate`).
    pub blob_gate: Arc<crate::locks::BlobGate>,
    /// Signs and checks the library's blob URLs.
    pub signer: Arc<crate::accounts::signing::Signer>,
    /// Server-made thumbnails at once (each decodes a whole photo).
    pub thumb_slots: Arc<tokio::sync::Semaphore>,
    /// Held from a quota check to the new upload's record, so uploads created at once cannot
    /// all pass the check (`locks::QuotaGate`: across nodes too, with PostgreSQL).
    pub quota_gate: Arc<crate::locks::QuotaGate>,
    /// Users, devices and pairing codes.
    pub accounts: Arc<crate::accounts::Accounts>,
    /// Kiosk visitor sessions.
    pub sessions: Arc<crate::accounts::sessions::Sessions>,
    /// Set when no token was configured: the default user's token, printed in the app URL.
    pub default_token: Option<String>,
    /// The shared database, with `--database postgres://…`.
    pub pg: Option<Arc<Pg>>,
}

/// Server-made thumbnails in flight at once (`thumb_slots`): each may hold a decoded photo.
pub const CONCURRENT_GENERATIONS: usize = 2;

/// `settings` keys of the node-shared secrets.
pub const SIGNING_KEY: &str = "signing_key";
pub const DEFAULT_TOKEN: &str = "default_token";

pub(crate) fn random_hex(n: usize) -> io::Result<String> {
    let mut b = vec![0u8; n];
    getrandom::getrandom(&mut b).map_err(|e| io::Error::other(e.to_string()))?;
    Ok(shoebox_core::hash::hex(&b))
}

impl AppState {
    /// Opens the data folder, with the bytes on the local disk or in the `--store` bucket.
    pub fn open(config: ServerConfig) -> io::Result<Self> {
        std::fs::create_dir_all(&config.data_dir)?;
        let store: Arc<dyn Store> = match &config.store {
            Some(url) => {
                let s3 = crate::store::s3::S3Store::open(url)?;
                s3.check().map_err(|e| io::Error::new(e.kind(), format!("the bucket {url} does not answer: {e}")))?;
                Arc::new(s3)
            }
            None => Arc::new(LocalStore::open(&config.data_dir)?.reading_back_from_device(config.read_back_from_device)),
        };
        Self::with_store(config, store)
    }

    /// Same, with any storage backend (tests wrap the local one to inject faults).
    pub fn with_store(mut config: ServerConfig, store: Arc<dyn Store>) -> io::Result<Self> {
        std::fs::create_dir_all(&config.data_dir)?;
        // Best effort: a read-only data folder still serves what it holds.
        let _ = crate::previews::clear_scratch(&config.data_dir);
        let url = crate::config::postgres_url(config.database.as_deref()).map_err(io::Error::other)?;
        let pg = match url {
            Some(u) => Some(Arc::new(Pg::connect(&u).map_err(io::Error::other)?)),
            None => None,
        };
        let (index, accounts, sessions) = match &pg {
            Some(pg) => (
                MediaIndex::postgres(pg.clone()),
                crate::accounts::Accounts::postgres(pg.clone()),
                crate::accounts::sessions::Sessions::postgres(pg.clone()),
            ),
            None => (
                MediaIndex::open(&config.data_dir.join("index.sqlite")).map_err(io::Error::other)?,
                crate::accounts::Accounts::open(&config.data_dir.join("accounts.sqlite")).map_err(io::Error::other)?,
                crate::accounts::sessions::Sessions::open(&config.data_dir.join("sessions.sqlite")).map_err(io::Error::other)?,
            ),
        };
        let mut default = None;
        if config.tokens.is_empty() {
            // Every node must accept the same default token: with PostgreSQL it is a setting.
            let t = match &pg {
                Some(pg) => pg.setting(DEFAULT_TOKEN, &random_hex(16)?).map_err(io::Error::other)?,
                None => default_token(&config.data_dir)?,
            };
            config.tokens.push((DEFAULT_USER.to_string(), t.clone()));
            default = Some(t);
        }
        let explicit_key = config.signing_key_file.is_some() || config.signing_key.as_deref().is_some_and(|k| !k.is_empty());
        let signer = Arc::new(match &pg {
            // One key for every node, unless the operator gave one (which then wins).
            Some(pg) if !explicit_key => {
                crate::accounts::signing::Signer::new(pg.setting(SIGNING_KEY, &random_hex(32)?).map_err(io::Error::other)?.as_bytes())
            }
            _ => {
                crate::accounts::signing::Signer::open(&config.data_dir, config.signing_key_file.as_deref(), config.signing_key.as_deref())?
            }
        });
        Ok(AppState {
            tokens: Arc::new(
                Tokens::new(&config.tokens)
                    .with_kiosk_keys(&config.kiosks.iter().map(|k| (k.name.clone(), k.key.clone())).collect::<Vec<_>>()),
            ),
            quota_gate: Arc::new(crate::locks::QuotaGate::with_postgres(pg.clone())),
            accounts: Arc::new(accounts),
            sessions: Arc::new(sessions.with_grace(config.kiosk_idle_grace.as_millis() as u64)),
            config: Arc::new(config),
            store,
            index: Arc::new(index),
            metrics: Arc::new(Metrics::default()),
            locks: Arc::new(pg.clone().map(Locks::with_postgres).unwrap_or_default()),
            blob_gate: Arc::new(crate::locks::BlobGate::with_postgres(pg.clone())),
            signer,
            thumb_slots: Arc::new(tokio::sync::Semaphore::new(CONCURRENT_GENERATIONS)),
            default_token: default,
            pg,
        })
    }
}
