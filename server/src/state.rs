//! Shared server state, handed to every handler: configuration, storage (a trait object),
//! the media index, tokens, metrics and per-upload locks.
use crate::auth::{default_token, Tokens, DEFAULT_USER};
use crate::config::ServerConfig;
use crate::index::MediaIndex;
use crate::locks::Locks;
use crate::metrics::Metrics;
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
    pub signer: Arc<crate::signing::Signer>,
    /// Server-made thumbnails at once (each decodes a whole photo).
    pub thumb_slots: Arc<tokio::sync::Semaphore>,
    /// Held from a quota check to the new upload's record, so uploads created at once cannot
    /// all pass the check (one node; several nodes will need the database to hold it).
    pub quota_gate: Arc<tokio::sync::Mutex<()>>,
    /// Users, devices and pairing codes.
    pub accounts: Arc<crate::accounts::Accounts>,
    /// Kiosk visitor sessions.
    pub sessions: Arc<crate::sessions::Sessions>,
    /// Set when no token was configured: the default user's token, printed in the app URL.
    pub default_token: Option<String>,
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
            None => Arc::new(LocalStore::open(&config.data_dir)?),
        };
        Self::with_store(config, store)
    }

    /// Same, with any storage backend (tests wrap the local one to inject faults).
    pub fn with_store(mut config: ServerConfig, store: Arc<dyn Store>) -> io::Result<Self> {
        std::fs::create_dir_all(&config.data_dir)?;
        let index = MediaIndex::open(&config.data_dir.join("index.sqlite")).map_err(io::Error::other)?;
        let mut default = None;
        if config.tokens.is_empty() {
            let t = default_token(&config.data_dir)?;
            config.tokens.push((DEFAULT_USER.to_string(), t.clone()));
            default = Some(t);
        }
        let signer =
            Arc::new(crate::signing::Signer::open(&config.data_dir, config.signing_key_file.as_deref(), config.signing_key.as_deref())?);
        Ok(AppState {
            tokens: Arc::new(
                Tokens::new(&config.tokens)
                    .with_kiosk_keys(&config.kiosks.iter().map(|k| (k.name.clone(), k.key.clone())).collect::<Vec<_>>()),
            ),
            quota_gate: Arc::new(tokio::sync::Mutex::new(())),
            accounts: Arc::new(crate::accounts::Accounts::open(&config.data_dir.join("accounts.sqlite")).map_err(io::Error::other)?),
            sessions: Arc::new(crate::sessions::Sessions::open(&config.data_dir.join("sessions.sqlite")).map_err(io::Error::other)?),
            config: Arc::new(config),
            store,
            index: Arc::new(index),
            metrics: Arc::new(Metrics::default()),
            locks: Arc::new(Locks::default()),
            blob_gate: Arc::new(crate::locks::BlobGate::default()),
            signer,
            thumb_slots: Arc::new(tokio::sync::Semaphore::new(crate::thumbs::CONCURRENT_GENERATIONS)),
            default_token: default,
        })
    }
}
