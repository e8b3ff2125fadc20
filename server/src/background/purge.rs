//! Emptying the Trash: records trashed more than `--trash-days` ago are deleted, and so is a
//! blob (with its thumbnails) once no record of that user names it and no unfinished upload of
//! theirs declares it. Run by the reaper on every node and by `shoebox-server purge`.
//!
//! Safe against a finishing upload of the same content: both hold the digest's `BlobGate`
//! shard, so either the upload's record exists before the check here (the blob stays), or
//! the blob is gone before the upload commits (it then stores its own bytes again).
//!
//! With PostgreSQL one node purges at a time: a pass that cannot take the purge's advisory
//! lock leaves the Trash to the node that holds it.
use crate::index::MediaIndex;
use crate::locks::BlobGate;
use crate::store::Store;
use crate::timefmt::rfc3339_from_ms;
use std::collections::HashSet;
use std::io;

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Purged {
    pub records: usize,
    pub blobs: usize,
}

/// One pass at time `now_ms`.
pub fn purge(index: &MediaIndex, store: &dyn Store, gate: &BlobGate, trash_days: u32, now_ms: u64) -> io::Result<Purged> {
    let _one = match index.db().postgres() {
        Some(pg) => match pg.try_lock(crate::db::lock_key("shoebox:purge")).map_err(io::Error::other)? {
            Some(held) => Some(held),
            None => return Ok(Purged::default()),
        },
        None => None,
    };
    let cutoff_ms = now_ms.saturating_sub(trash_days as u64 * 86_400_000);
    // Whole seconds, the way trash marks are written, so the text comparison is exact.
    let cutoff = rfc3339_from_ms((cutoff_ms / 1000 * 1000) as i64);
    let (records, unnamed) = index.purge_trashed(&cutoff).map_err(io::Error::other)?;
    Ok(Purged { records, blobs: delete_unnamed(index, store, gate, unnamed)? })
}

/// "Empty trash": one user's trashed records deleted now, whatever their age, and the bytes
/// no record of theirs names any more, under the same rule as the purge's.
pub fn empty_trash(index: &MediaIndex, store: &dyn Store, gate: &BlobGate, user: &str) -> io::Result<Purged> {
    let (records, unnamed) = index.empty_trash(user).map_err(io::Error::other)?;
    Ok(Purged { records, blobs: delete_unnamed(index, store, gate, unnamed)? })
}

/// Deletes each (user, sha256) blob that, under its gate, still no record names and no
/// unfinished upload declares; returns how many went.
fn delete_unnamed(index: &MediaIndex, store: &dyn Store, gate: &BlobGate, unnamed: Vec<(String, String)>) -> io::Result<usize> {
    let mut blobs = 0;
    if unnamed.is_empty() {
        return Ok(blobs);
    }
    let pending = pending_uploads(store)?;
    for (user, sha) in unnamed {
        let _gate = gate.blocking_lock(&sha).map_err(io::Error::other)?;
        if index.names_blob(&user, &sha).map_err(io::Error::other)? || pending.contains(&(user.clone(), sha.clone())) {
            continue;
        }
        store.delete_blob(&user, &sha)?;
        blobs += 1;
    }
    Ok(blobs)
}

/// (user, declared sha256) of every unfinished upload.
fn pending_uploads(store: &dyn Store) -> io::Result<HashSet<(String, String)>> {
    let mut out = HashSet::new();
    for id in store.list_uploads()? {
        let Ok(Some(info)) = store.load_upload(&id) else { continue };
        if let (false, Some(sha)) = (info.is_complete(), info.meta(shoebox_core::tus::keys::SHA256)) {
            out.insert((info.user.clone(), sha.to_string()));
        }
    }
    Ok(out)
}
