//! Storage behind a trait, the local disk (`local`) or an S3-compatible bucket (`s3`):
//! upload-in-progress state and bytes, the per-user content-addressed blobs and their
//! thumbnails. The media index is kept apart (index/). Methods are blocking; handlers call
//! them from `spawn_blocking`; the S3 backend runs its async client on a runtime of its own.
pub mod direct;
pub mod local;
pub mod record;
pub mod s3;

use record::{UploadId, UploadInfo};
use std::io::{self, Read};

/// Files the server makes from a blob, kept beside it and deleted with it: the thumbnail and
/// the preview (JPEG), and a HEVC motion clip's H.264 copy (`previews::transcode`).
pub const DERIVED: [&str; 3] = ["thumb", "preview", "h264"];

/// The file name of a derived file.
pub fn derived_name(sha256: &str, variant: &str) -> String {
    let ext = if variant == "h264" { "mp4" } else { "jpg" };
    format!("{sha256}.{variant}.{ext}")
}

/// Appends bytes to one upload. Nothing written counts until `sync` returns.
pub trait UploadWriter: Send {
    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()>;
    /// Makes every byte written so far durable (fsync) before the caller reports an offset.
    fn sync(&mut self) -> io::Result<()>;
    /// Cuts the upload back to `len` bytes (a discarded chunk) and makes that durable.
    fn truncate(&mut self, len: u64) -> io::Result<()>;
}

/// Reads ranges of an upload's stored bytes back from the device (not from a cache).
pub trait ReadBack: Send {
    /// Passes the stored bytes `[from, to)` to `f` in order; returns how many there were
    /// (fewer when the stored file is shorter).
    fn read_range(&mut self, from: u64, to: u64, f: &mut dyn FnMut(&[u8])) -> io::Result<u64>;
}

pub trait Store: Send + Sync + 'static {
    /// Records a new upload with no bytes.
    fn create_upload(&self, info: &UploadInfo) -> io::Result<()>;
    fn load_upload(&self, id: &UploadId) -> io::Result<Option<UploadInfo>>;
    /// Replaces the record atomically: a crash or a full disk leaves the old one whole.
    fn save_upload(&self, info: &UploadInfo) -> io::Result<()>;
    /// The bytes held for an upload (durable: only synced bytes are ever reported to clients).
    fn upload_offset(&self, id: &UploadId) -> io::Result<u64>;
    /// A writer positioned at `offset`, which must equal `upload_offset`.
    fn open_writer(&self, id: &UploadId, offset: u64) -> io::Result<Box<dyn UploadWriter>>;
    fn open_upload_reader(&self, id: &UploadId) -> io::Result<Box<dyn Read + Send>>;
    /// The upload's bytes as the storage itself holds them, for verification after the last
    /// fsync: a local disk drops its page cache first, so they are read from the device.
    fn read_back_upload(&self, id: &UploadId) -> io::Result<Box<dyn Read + Send>> {
        self.open_upload_reader(id)
    }
    /// A reader of the upload's stored bytes by range, where reading them back as they arrive
    /// is cheap (a local disk); None where the store cannot (completion then reads them all).
    fn upload_read_back(&self, _id: &UploadId) -> io::Result<Option<Box<dyn ReadBack>>> {
        Ok(None)
    }
    /// Drops the upload's bytes but keeps its record (a completed upload still answers HEAD).
    fn discard_upload_bytes(&self, id: &UploadId) -> io::Result<()>;
    /// Drops record and bytes.
    fn delete_upload(&self, id: &UploadId) -> io::Result<()>;
    fn list_uploads(&self) -> io::Result<Vec<UploadId>>;
    /// Stores a finished upload's bytes as the user's blob for `sha256` (nothing when the user
    /// already has that content: one copy per content). The upload keeps its bytes until the
    /// caller discards them (`discard_upload_bytes`) once its record says complete.
    /// Returns true when a new blob was stored.
    fn commit_blob(&self, id: &UploadId, user: &str, sha256: &str) -> io::Result<bool>;
    /// The user's blob and its size.
    fn open_blob(&self, user: &str, sha256: &str) -> io::Result<Option<(Box<dyn Read + Send>, u64)>>;
    /// The blob from byte `offset` on (Range requests), and its whole size. The default reads
    /// and drops the bytes before `offset`; a backend that can seek (or ask a range) should.
    fn open_blob_at(&self, user: &str, sha256: &str, offset: u64) -> io::Result<Option<(Box<dyn Read + Send>, u64)>> {
        let Some((mut r, len)) = self.open_blob(user, sha256)? else { return Ok(None) };
        io::copy(&mut (&mut r).take(offset), &mut io::sink())?;
        Ok(Some((r, len)))
    }
    /// Deletes the user's blob and its thumbnails (the purge, once no record names it).
    fn delete_blob(&self, user: &str, sha256: &str) -> io::Result<()>;
    /// Deletes the blob's thumbnails (every [`DERIVED`] file) and "no preview" marks: new bytes stored under a name
    /// get their previews made afresh.
    fn delete_thumbs(&self, user: &str, sha256: &str) -> io::Result<()>;
    /// Stores a thumbnail (`variant` is one of [`DERIVED`]) atomically: readers see the old
    /// file, the new one or none, never half of one, however many writers race. An empty one
    /// marks "no preview can be made" (`thumbs.rs`).
    fn put_thumb(&self, user: &str, sha256: &str, variant: &str, jpeg: &[u8]) -> io::Result<()>;
    fn open_thumb(&self, user: &str, sha256: &str, variant: &str) -> io::Result<Option<Vec<u8>>>;
}
