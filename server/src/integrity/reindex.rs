//! `shoebox-server reindex --data-dir DIR`: rebuilds a lost (or damaged and removed)
//! `index.sqlite` from what the data folder still holds. Records already in the index are
//! kept (rows are added with INSERT OR IGNORE), so running it twice, or on a whole index, adds
//! nothing.
//!
//! Two sources, best first:
//! - upload records (`uploads/<id>.json`) of completed uploads keep the metadata the client
//!   sent: file name, relative path, album, type, last-modified time, the original's digest
//!   of a downsized photo. They live until `--upload-expiry` (24 h by default) after the upload.
//! - every blob: its content address, size and what its first bytes tell (format, dimensions,
//!   EXIF date, camera, GPS, orientation).
//!
//! What cannot come back: names, folders and albums of content whose upload record was reaped
//! (such items return with no name, in no album, dated by their EXIF or by the file's time);
//! which items were in the Trash (they return to the library); the original upload time and
//! order (approximated); the digest of a downsized photo's original once its record is gone
//! (the app may then upload that original again).
use super::verify::list_blobs;
use crate::index::MediaIndex;
use crate::store::local::LocalStore;
use crate::store::record::UploadState;
use crate::store::Store;
use crate::upload::metadata::media_items;
use shoebox_core::api::MediaItem;
use shoebox_core::photo::{inspect, INSPECT_BYTES};
use std::collections::{BTreeMap, HashSet};
use std::io::Read;
use std::path::Path;

fn head_of(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut head = Vec::new();
    std::fs::File::open(path)?.take(INSPECT_BYTES as u64).read_to_end(&mut head)?;
    Ok(head)
}

pub fn reindex(data_dir: &Path) -> Result<String, String> {
    let e = |e: std::io::Error| e.to_string();
    let store = LocalStore::open(data_dir).map_err(e)?;
    let index = MediaIndex::open(&data_dir.join("index.sqlite")).map_err(|e| e.to_string())?;
    let blobs: BTreeMap<(String, String), std::path::PathBuf> =
        list_blobs(data_dir).map_err(e)?.into_iter().map(|b| ((b.user, b.sha256), b.path)).collect();
    // (user, uploaded ms, item), sorted by time below so the library keeps its upload order.
    let mut items: Vec<(String, u64, MediaItem)> = Vec::new();
    let mut named: HashSet<(String, String)> = HashSet::new();
    for id in store.list_uploads().map_err(e)? {
        let Ok(Some(info)) = store.load_upload(&id) else { continue };
        let UploadState::Complete { sha256: Some(sha), .. } = &info.state else { continue };
        let key = (info.user.clone(), sha.clone());
        // A record whose content is no longer stored (purged) must not come back as media.
        let Some(path) = blobs.get(&key) else { continue };
        let len = std::fs::metadata(path).map_err(e)?.len();
        let name = info.meta(shoebox_core::tus::keys::FILENAME).unwrap_or_default();
        let facts = inspect(name, &head_of(path).map_err(e)?, len);
        for item in media_items(&info.metadata, sha, len, &facts, info.created_ms) {
            items.push((info.user.clone(), info.created_ms, item));
        }
        named.insert(key);
    }
    let from_records = items.len();
    for ((user, sha), path) in &blobs {
        if named.contains(&(user.clone(), sha.clone())) || index.get(user, None, sha).map_err(|e| e.to_string())?.is_some() {
            continue;
        }
        let meta = std::fs::metadata(path).map_err(e)?;
        let mtime = meta.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).map_or(0, |d| d.as_millis() as u64);
        let facts = inspect("", &head_of(path).map_err(e)?, meta.len());
        items.extend(media_items(&[], sha, meta.len(), &facts, mtime).into_iter().map(|m| (user.clone(), mtime, m)));
    }
    let from_blobs = items.len() - from_records;
    items.sort_by_key(|(_, t, _)| *t);
    let mut added = 0;
    // One transaction per run of the same user, in time order.
    for run in items.chunk_by(|a, b| a.0 == b.0) {
        let batch: Vec<MediaItem> = run.iter().map(|(_, _, m)| m.clone()).collect();
        added += index.insert_many(&run[0].0, &batch).map_err(|e| e.to_string())?;
    }
    Ok(format!(
        "Reindexed {} stored files: {added} records added ({from_records} found with their names and albums in upload records, \
         {from_blobs} from the stored files alone); {} were already in the index.",
        blobs.len(),
        items.len() - added
    ))
}
