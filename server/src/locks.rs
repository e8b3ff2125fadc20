//! One writer per upload at a time. A second PATCH (or DELETE) while one is running gets 423
//! at once instead of waiting or interleaving bytes. The slot also carries the running SHA-256
//! of the upload, so completion does not have to read the whole file again. Readers that need
//! a settled upload (a final concatenation) may wait a little for the slot instead.
use crate::store::record::UploadId;
use sha2::Sha256;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{Mutex as AsyncMutex, OwnedMutexGuard};

#[derive(Default)]
pub struct Slot {
    /// SHA-256 over the first `.0` bytes of the upload. Lost on restart; then recomputed.
    pub hasher: Option<(u64, Sha256)>,
}

pub type SlotGuard = OwnedMutexGuard<Slot>;

#[derive(Default)]
pub struct Locks {
    slots: Mutex<HashMap<UploadId, Arc<AsyncMutex<Slot>>>>,
    /// Uploads being written right now, with their last durable offset: HEAD reports that,
    /// not bytes still on their way to the disk.
    inflight: Mutex<HashMap<UploadId, u64>>,
}

impl Locks {
    /// The upload's slot, or None when another request holds it.
    pub fn try_lock(&self, id: &UploadId) -> Option<SlotGuard> {
        let slot = self.slots.lock().unwrap_or_else(|p| p.into_inner()).entry(id.clone()).or_default().clone();
        slot.try_lock_owned().ok()
    }
    /// The upload's slot, waiting up to `wait` for its holder to let go (None after that).
    /// For a request that needs a settled upload rather than to write to it, such as a final
    /// concatenation whose part's last PATCH is still completing.
    pub async fn lock_within(&self, id: &UploadId, wait: Duration) -> Option<SlotGuard> {
        let slot = self.slots.lock().unwrap_or_else(|p| p.into_inner()).entry(id.clone()).or_default().clone();
        tokio::time::timeout(wait, slot.lock_owned()).await.ok()
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

/// Between "the blob is there" and "a record names it": a finishing upload holds its shard
/// from `commit_blob` (which stores nothing when the blob already exists) until its
/// record is written, and the purge holds it from "no record names this blob" until the blob is
/// deleted. So a purge never deletes bytes that a record written a moment later relies on.
/// Sharded by the digest's first hex digit, so unrelated finishes do not wait for each other.
pub struct BlobGate {
    shards: Vec<Arc<AsyncMutex<()>>>,
}

impl Default for BlobGate {
    fn default() -> Self {
        BlobGate { shards: (0..16).map(|_| Arc::new(AsyncMutex::new(()))).collect() }
    }
}

impl BlobGate {
    fn shard(&self, sha256: &str) -> Arc<AsyncMutex<()>> {
        let i = sha256.bytes().next().map(|b| (b as char).to_digit(16).unwrap_or(0)).unwrap_or(0);
        self.shards[i as usize].clone()
    }
    pub async fn lock(&self, sha256: &str) -> OwnedMutexGuard<()> {
        self.shard(sha256).lock_owned().await
    }
    /// For blocking threads (the purge).
    pub fn blocking_lock(&self, sha256: &str) -> OwnedMutexGuard<()> {
        self.shard(sha256).blocking_lock_owned()
    }
}
