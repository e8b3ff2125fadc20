//! An entry of a chosen `.zip` archive as a `File`, read in place: its local header is read to
//! find where its bytes start (core's `data_start`); a stored entry is a slice of the archive
//! (nothing copied), a deflated one is inflated with core's `Inflater` a piece at a time into
//! the parts of a `Blob`, its declared size the cap.
use js_sys::{Array, Uint8Array};
use shoebox_core::takeout::archive::{data_start, Packing, ZipEntry, LOCAL_HEADER_READ};
use shoebox_core::takeout::inflate::Inflater;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, File, FilePropertyBag};

/// Compressed bytes read at once while inflating.
const READ_PIECE: u64 = 1 << 20;

/// Bytes `start..end` of a blob.
pub async fn read(blob: &Blob, start: u64, end: u64) -> Option<Vec<u8>> {
    let part = blob.slice_with_f64_and_f64(start as f64, end as f64).ok()?;
    let buf = JsFuture::from(part.array_buffer()).await.ok()?;
    Some(Uint8Array::new(&buf).to_vec())
}

/// The entry's bytes as a `File` named after it; `None` when its header or its deflate stream
/// is damaged.
pub async fn open(archive: &File, entry: &ZipEntry) -> Option<File> {
    let header = read(archive, entry.header_offset, entry.header_offset + LOCAL_HEADER_READ as u64).await?;
    let start = data_start(entry, &header, archive.size() as u64).ok()?;
    let parts = Array::new();
    match entry.packing {
        Packing::Stored => {
            let slice: Blob = archive.slice_with_f64_and_f64(start as f64, (start + entry.size) as f64).ok()?;
            parts.push(&slice);
        }
        Packing::Deflated => {
            let mut inflater = Inflater::new(entry);
            let end = start + entry.compressed_size;
            let (mut at, mut pending, mut out) = (start, Vec::new(), Vec::new());
            while !inflater.is_done() {
                if pending.is_empty() && at < end {
                    pending = read(archive, at, end.min(at + READ_PIECE)).await?;
                    at += pending.len() as u64;
                }
                let before = (inflater.produced(), pending.len());
                let used = inflater.push(&pending, &mut out).ok()?;
                pending.drain(..used);
                if out.len() >= READ_PIECE as usize {
                    parts.push(&Uint8Array::from(&out[..]));
                    out.clear();
                }
                if (inflater.produced(), pending.len()) == before && !inflater.is_done() {
                    // No progress: it needs more input, and there is none left.
                    if at >= end {
                        return None;
                    }
                    let more = read(archive, at, end.min(at + READ_PIECE)).await?;
                    at += more.len() as u64;
                    pending.extend(more);
                }
            }
            parts.push(&Uint8Array::from(&out[..]));
        }
    }
    let opts = FilePropertyBag::new();
    opts.set_last_modified(archive.last_modified());
    let name = entry.name.rsplit('/').next().unwrap_or(&entry.name);
    File::new_with_blob_sequence_and_options(&parts, name, &opts).ok()?.dyn_into().ok()
}
