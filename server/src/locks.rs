//! One writer per upload at a time. A second PATCH (or DELETE) while one is running gets 423
//! at once instead of waiting or interleaving bytes. The slot also carries the running SHA-256
//! of the upload, so completion does not have to read the whole file again. Readers that need
//! a settled upload (a final concatenation) may wait a little for the slot instead.
//!
//! With PostgreSQL (several nodes), a slot also holds a session advisory lock keyed by the
//! upload id, on a connection kept for the guard's life: another node's PATCH gets 423 as a
//! second one here does, and a node that dies loses its connection, so PostgreSQL frees its
//! locks. The running hasher stays in this process; another node completes by re-reading.
use crate::db::pg::{Pg, PgLock};
use crate::store::record::UploadId;
use sha2::Sha256;
use std::collections::HashMap;
use std::ops::{Deref, DerefMut};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::{Mutex as AsyncMutex, OwnedMutexGuard};

#[derive(Default)]
pub struct Slot {
    /// SHA-256 over the first `.0` bytes of the upload. Lost on restart; then recomputed.
    pub hasher: Option<(u64, Sha256)>,
    /// How much of the upload was read back from storage as it arrived (`upload::readback`).
    pub stored: Option<crate::upload::behind::ReadBehind>,
}

/// A held upload slot: this process's lock (with the hasher), and with PostgreSQL the
/// cross-node one. Fields drop in order: the database lock goes first, so that once the local
/// slot is free, a request here never finds the database lock still held by itself.
pub struct SlotGuard {
    _pg: Option<PgLock>,
    slot: OwnedMutexGuard<Slot>,
}

impl Deref for SlotGuard {
    type Target = Slot;
    fn deref(&self) -> &Slot {
        &self.slot
    }
}

impl DerefMut for SlotGuard {
    fn deref_mut(&mut self) -> &mut Slot {
        &mut self.slot
    }
}

/// How often `lock_within` asks PostgreSQL again while another node holds an upload.
const PG_RETRY: Duration = Duration::from_millis(50);

#[derive(Default)]
pub struct Locks {
    slots: Mutex<HashMap<UploadId, Arc<AsyncMutex<Slot>>>>,
    /// Uploads being written right now, with their last durable offset: HEAD reports that,
    /// not bytes still on their way to the disk.
    inflight: Mutex<HashMap<UploadId, u64>>,
    /// Set with `--database postgres://…`: slots are locked across nodes too.
    pg: Option<Arc<Pg>>,
}

/// The advisory-lock key of an upload.
pub fn upload_key(id: &UploadId) -> i64 {
    crate::db::lock_key(&format!("shoebox:upload:{}", id.as_str()))
}

impl Locks {
    /// Locks that also hold each upload's PostgreSQL advisory lock.
    pub fn with_postgres(pg: Arc<Pg>) -> Self {
        Locks { pg: Some(pg), ..Locks::default() }
    }

    fn slot(&self, id: &UploadId) -> Arc<AsyncMutex<Slot>> {
        self.slots.lock().unwrap_or_else(|p| p.into_inner()).entry(id.clone()).or_default().clone()
    }

    /// The upload's slot, or None when another request (here or on another node) holds it.
    pub fn try_lock(&self, id: &UploadId) -> Option<SlotGuard> {
        let slot = self.slot(id).try_lock_owned().ok()?;
        let Some(pg) = &self.pg else { return Some(SlotGuard { _pg: None, slot }) };
        // A database error counts as "held": nobody writes an upload without its lock.
        match pg.try_lock(upload_key(id)) {
            Ok(Some(l)) => Some(SlotGuard { _pg: Some(l), slot }),
            Ok(None) => None,
            Err(e) => {
                tracing::warn!(upload = %id, error = %e, "cannot take the upload's database lock");
                None
            }
        }
    }

    /// The upload's slot, waiting up to `wait` for its holder to let go (None after that).
    /// For a request that needs a settled upload rather than to write to it, such as a final
    /// concatenation whose part's last PATCH is still completing.
    pub async fn lock_within(&self, id: &UploadId, wait: Duration) -> Option<SlotGuard> {
        let deadline = Instant::now() + wait;
        let slot = tokio::time::timeout(wait, self.slot(id).lock_owned()).await.ok()?;
        let Some(pg) = &self.pg else { return Some(SlotGuard { _pg: None, slot }) };
        loop {
            match pg.try_lock_async(upload_key(id)).await {
                Ok(Some(l)) => return Some(SlotGuard { _pg: Some(l), slot }),
                Ok(None) if Instant::now() < deadline => tokio::time::sleep(PG_RETRY).await,
                Ok(None) => return None,
                Err(e) => {
                    tracing::warn!(upload = %id, error = %e, "cannot take the upload's database lock");
                    return None;
                }
            }
        }
    }
    pub fn set_inflight(&self, id: &UploadId, durable: Option<u64>) {
        let mut m = self.inflight.lock().unwrap_or_else(|p| p.into_inner());
        match durable {
            Some(o) => m.insert(id.clone(), o),
            None => m.remove(id),
        };
    }
    pub fn inflight(&self, id: &UploadId) -> Option<u64> {
        self.inflight.lock().unwrap_or_else(|p| p.into_inner()).get(id).copied()
    }
    /// Forgets a finished or deleted upload's slot (its guard holder may still be running).
    pub fn forget(&self, id: &UploadId) {
        self.slots.lock().unwrap_or_else(|p| p.into_inner()).remove(id);
    }
}

/// Held from a quota check to the new upload's record, so uploads created at once cannot all
/// pass the check: one in-process mutex, and with PostgreSQL an advisory lock per user, so
/// nodes creating uploads for one user at once take turns too.
#[derive(Default)]
pub struct QuotaGate {
    local: Arc<AsyncMutex<()>>,
    pg: Option<Arc<Pg>>,
}

/// A held quota gate (released on drop, the database lock first).
pub struct QuotaHeld {
    _pg: Option<PgLock>,
    _local: OwnedMutexGuard<()>,
}

impl QuotaGate {
    pub fn with_postgres(pg: Option<Arc<Pg>>) -> Self {
        QuotaGate { pg, ..QuotaGate::default() }
    }

    pub async fn lock(&self, user: &str) -> crate::db::Result<QuotaHeld> {
        let local = self.local.clone().lock_owned().await;
        let pg = match &self.pg {
            Some(pg) => Some(pg.lock_async(crate::db::lock_key(&format!("shoebox:quota:{user}"))).await?),
            None => None,
        };
        Ok(QuotaHeld { _pg: pg, _local: local })
    }
}

/// Between "the blob is there" and "a record names it": a finishing upload holds its shard
/// from `commit_blob` (which stores nothing when the blob already exists) until its
/// record is written, and the purge holds it from "no record names this blob" until the blob is
/// deleted. So a purge never deletes bytes that a record written a moment later relies on.
/// Sharded by the digest's first hex digit, so unrelated finishes do not wait for each other.
/// With PostgreSQL, also an advisory lock per digest, so a purge on one node and a finishing
/// upload on another are ordered the same way.
pub struct BlobGate {
    shards: Vec<Arc<AsyncMutex<()>>>,
    pg: Option<Arc<Pg>>,
}

impl Default for BlobGate {
    fn default() -> Self {
        BlobGate { shards: (0..16).map(|_| Arc::new(AsyncMutex::new(()))).collect(), pg: None }
    }
}

/// A held blob gate (released on drop, the database lock first).
pub struct BlobHeld {
    _pg: Option<PgLock>,
    _local: OwnedMutexGuard<()>,
}

fn blob_key(sha256: &str) -> i64 {
    crate::db::lock_key(&format!("shoebox:blob:{sha256}"))
}

impl BlobGate {
    fn shard(&self, sha256: &str) -> Arc<AsyncMutex<()>> {
        let i = sha256.bytes().next().map(|b| (b as char).to_digit(16).unwrap_or(0)).unwrap_or(0);
        self.shards[i as usize].clone()
    }
    pub fn with_postgres(pg: Option<Arc<Pg>>) -> Self {
        BlobGate { pg, ..BlobGate::default() }
    }
    pub async fn lock(&self, sha256: &str) -> crate::db::Result<BlobHeld> {
        let local = self.shard(sha256).lock_owned().await;
        let pg = match &self.pg {
            Some(pg) => Some(pg.lock_async(blob_key(sha256)).await?),
            None => None,
        };
        Ok(BlobHeld { _pg: pg, _local: local })
    }
    /// For blocking threads (the purge).
    pub fn blocking_lock(&self, sha256: &str) -> crate::db::Result<BlobHeld> {
        let local = self.shard(sha256).blocking_lock_owned();
        let pg = match &self.pg {
            Some(pg) => Some(pg.lock(blob_key(sha256))?),
            None => None,
        };
        Ok(BlobHeld { _pg: pg, _local: local })
    }
}
