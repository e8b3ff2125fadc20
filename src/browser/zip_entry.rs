//! An entry of a chosen `.zip` archive as a `File`, read in place: its local header is read to
//! find where its bytes start (core's `data_start`); a stored entry is a slice of the archive
//! (nothing copied), a deflated one is inflated in a worker (`WorkerPool::inflate`) into a
//! Blob, its declared size the cap and its CRC-32 checked, so the page's thread only waits.
use js_sys::{Array, Uint8Array};
use shoebox_core::failure::FailReason;
use shoebox_core::takeout::archive::{data_start, Packing, ZipEntry, LOCAL_HEADER_READ};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, File, FilePropertyBag};

use super::worker_pool::WorkerPool;

/// Bytes `start..end` of a blob.
pub async fn read(blob: &Blob, start: u64, end: u64) -> Option<Vec<u8>> {
    let part = blob.slice_with_f64_and_f64(start as f64, end as f64).ok()?;
    let buf = JsFuture::from(part.array_buffer()).await.ok()?;
    Some(Uint8Array::new(&buf).to_vec())
}

/// The entry's bytes as a `File` named after it: `Unreadable` when the archive or its header
/// cannot be read, the worker's fault when a deflated entry's bytes are not what the archive
/// says they are.
pub async fn open(archive: &File, entry: &ZipEntry, pool: &WorkerPool) -> Result<File, FailReason> {
    let header = read(archive, entry.header_offset, entry.header_offset + LOCAL_HEADER_READ as u64).await.ok_or(FailReason::Unreadable)?;
    let start = data_start(entry, &header, archive.size() as u64).map_err(|_| FailReason::Unreadable)?;
    let bytes: Blob = match entry.packing {
        Packing::Stored => archive.slice_with_f64_and_f64(start as f64, (start + entry.size) as f64).map_err(|_| FailReason::Unreadable)?,
        Packing::Deflated => pool.inflate(archive.clone().into(), start, entry).await?,
    };
    let opts = FilePropertyBag::new();
    opts.set_last_modified(archive.last_modified());
    let name = entry.name.rsplit('/').next().unwrap_or(&entry.name);
    File::new_with_blob_sequence_and_options(&Array::of1(&bytes), name, &opts)
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or(FailReason::Unreadable)
}
