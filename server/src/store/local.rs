//! Local-disk storage. Layout under the data folder:
//! `uploads/<id>.json` (record), `uploads/<id>.bin` (bytes received so far),
//! `blobs/<user>/<sha256[0..2]>/<sha256>` (completed content, one copy per user and content),
//! `thumbs/<user>/<sha256[0..2]>/<sha256>.{thumb,preview}.jpg` (the library's thumbnails).
//! (`scratch/` beside them is the preview tools' working folder: `previews::scratch_dir`.)
//! File names come only from validated upload ids, user names and hex digests.
use super::{ReadBack, Store, UploadWriter};
use crate::integrity::faults::CorruptWrites;
use crate::store::record::{UploadId, UploadInfo};
use shoebox_core::hash::is_sha256_hex;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

pub struct LocalStore {
    uploads: PathBuf,
    blobs: PathBuf,
    thumbs: PathBuf,
    /// Test-only: damage bytes on their way to disk (`integrity::faults`).
    corrupt: CorruptWrites,
    /// Uploads are read back from the device itself, not through the page cache
    /// (`--read-back-from-device`).
    device_reads: bool,
}

impl LocalStore {
    pub fn open(data_dir: &Path) -> io::Result<Self> {
        Self::open_with_faults(data_dir, CorruptWrites::from_env())
    }

    /// The same, with the corrupting-disk fault under the caller's control (tests).
    pub fn open_with_faults(data_dir: &Path, corrupt: CorruptWrites) -> io::Result<Self> {
        let s = LocalStore {
            uploads: data_dir.join("uploads"),
            blobs: data_dir.join("blobs"),
            thumbs: data_dir.join("thumbs"),
            corrupt,
            device_reads: false,
        };
        fs::create_dir_all(&s.uploads)?;
        fs::create_dir_all(&s.blobs)?;
        Ok(s)
    }
    /// The same store, reading uploads back from the device itself when `on`.
    pub fn reading_back_from_device(self, on: bool) -> Self {
        LocalStore { device_reads: on, ..self }
    }
    fn record(&self, id: &UploadId) -> PathBuf {
        self.uploads.join(format!("{id}.json"))
    }
    fn bytes(&self, id: &UploadId) -> PathBuf {
        self.uploads.join(format!("{id}.bin"))
    }
    fn blob(&self, user: &str, sha256: &str) -> io::Result<PathBuf> {
        if !is_sha256_hex(sha256) || !crate::accounts::auth::valid_user_name(user) {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, "invalid blob name"));
        }
        Ok(self.blobs.join(user).join(&sha256[..2]).join(sha256))
    }
    fn thumb(&self, user: &str, sha256: &str, variant: &str) -> io::Result<PathBuf> {
        if !super::DERIVED.contains(&variant) {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, "invalid thumbnail variant"));
        }
        self.blob(user, sha256)?; // validates the names
        Ok(self.thumbs.join(user).join(&sha256[..2]).join(super::derived_name(sha256, variant)))
    }
}

/// Temporary names unique within the process (and the pid across processes sharing a folder).
static TMP_SEQ: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// fsync a directory so a rename or a new file in it survives a crash.
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

fn remove_if_exists(p: &Path) -> io::Result<()> {
    match fs::remove_file(p) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        r => r,
    }
}

struct LocalWriter {
    file: File,
    /// Bytes written so far (file position) and where writeback was last started.
    pos: u64,
    kicked: u64,
    corrupt: CorruptWrites,
}

/// Start writeback every this many bytes, so the fsync that ends a PATCH has little left to do.
const WRITEBACK_STEP: u64 = 1 << 20;

impl LocalWriter {
    /// Asks the kernel to begin writing the range out now, without waiting (Linux only). The
    /// fsync before an offset is reported stays the durability guarantee; this only overlaps
    /// the disk work with receiving the rest of the body.
    #[cfg(target_os = "linux")]
    fn start_writeback(&mut self) {
        use std::os::fd::AsRawFd;
        let (from, len) = (self.kicked as i64, (self.pos - self.kicked) as i64);
        // SAFETY: a plain syscall on a file descriptor we own; failure is harmless here.
        unsafe { libc::sync_file_range(self.file.as_raw_fd(), from, len, libc::SYNC_FILE_RANGE_WRITE) };
        self.kicked = self.pos;
    }
    #[cfg(not(target_os = "linux"))]
    fn start_writeback(&mut self) {}
}

impl UploadWriter for LocalWriter {
    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.file.write_all(&self.corrupt.apply(bytes))?;
        self.pos += bytes.len() as u64;
        if self.pos - self.kicked >= WRITEBACK_STEP {
            self.start_writeback();
        }
        Ok(())
    }
    fn sync(&mut self) -> io::Result<()> {
        // Data only: the length is part of what fdatasync makes durable.
        self.file.sync_data()
    }
    fn truncate(&mut self, len: u64) -> io::Result<()> {
        self.file.set_len(len)?;
        self.file.seek(SeekFrom::Start(len))?;
        self.pos = len;
        self.kicked = self.kicked.min(len);
        self.file.sync_data()
    }
}

impl Store for LocalStore {
    fn create_upload(&self, info: &UploadInfo) -> io::Result<()> {
        // A creation answered as a duplicate is complete at birth and holds no bytes.
        if !info.is_complete() {
            File::create(self.bytes(&info.id))?.sync_all()?;
        }
        self.save_upload(info)
    }

    fn load_upload(&self, id: &UploadId) -> io::Result<Option<UploadInfo>> {
        match fs::read(self.record(id)) {
            Ok(b) => serde_json::from_slice(&b).map(Some).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn save_upload(&self, info: &UploadInfo) -> io::Result<()> {
        // Write a temporary file, fsync, rename over: readers see the old or the new record,
        // never half of one, and a full disk fails before the old record is touched.
        let tmp = self.uploads.join(format!("{}.json.tmp", info.id));
        let res = (|| {
            let mut f = File::create(&tmp)?;
            f.write_all(&serde_json::to_vec(info)?)?;
            f.sync_all()?;
            fs::rename(&tmp, self.record(&info.id))?;
            sync_dir(&self.uploads)
        })();
        if res.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        res
    }

    fn upload_offset(&self, id: &UploadId) -> io::Result<u64> {
        match fs::metadata(self.bytes(id)) {
            Ok(m) => Ok(m.len()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(0),
            Err(e) => Err(e),
        }
    }

    fn open_writer(&self, id: &UploadId, offset: u64) -> io::Result<Box<dyn UploadWriter>> {
        let mut file = OpenOptions::new().write(true).create(true).truncate(false).open(self.bytes(id))?;
        let len = file.metadata()?.len();
        if len != offset {
            return Err(io::Error::other(format!("upload holds {len} bytes, not {offset}")));
        }
        file.seek(SeekFrom::Start(offset))?;
        Ok(Box::new(LocalWriter { file, pos: offset, kicked: offset, corrupt: self.corrupt.clone() }))
    }

    fn open_upload_reader(&self, id: &UploadId) -> io::Result<Box<dyn Read + Send>> {
        Ok(Box::new(File::open(self.bytes(id))?))
    }

    fn read_back_upload(&self, id: &UploadId) -> io::Result<Box<dyn Read + Send>> {
        Ok(Box::new(crate::integrity::open_uncached(&self.bytes(id))?))
    }

    fn upload_read_back(&self, id: &UploadId) -> io::Result<Option<Box<dyn ReadBack>>> {
        Ok(Some(Box::new(super::direct::DirectReadBack::open(&self.bytes(id), self.device_reads)?)))
    }

    fn discard_upload_bytes(&self, id: &UploadId) -> io::Result<()> {
        remove_if_exists(&self.bytes(id))
    }

    fn delete_upload(&self, id: &UploadId) -> io::Result<()> {
        remove_if_exists(&self.record(id))?;
        remove_if_exists(&self.bytes(id))
    }

    fn list_uploads(&self) -> io::Result<Vec<UploadId>> {
        let mut ids = Vec::new();
        for e in fs::read_dir(&self.uploads)? {
            let name = e?.file_name();
            if let Some(id) = name.to_str().and_then(|n| n.strip_suffix(".json")).and_then(UploadId::parse) {
                ids.push(id);
            }
        }
        Ok(ids)
    }

    fn commit_blob(&self, id: &UploadId, user: &str, sha256: &str) -> io::Result<bool> {
        let target = self.blob(user, sha256)?;
        if target.exists() {
            return Ok(false);
        }
        let dir = target.parent().expect("blob path has a parent");
        fs::create_dir_all(dir)?;
        // A hard link, not a rename: the upload keeps its bytes until its record says complete,
        // so a crash between any two steps of completion leaves an upload that HEAD can still
        // complete (crash-point tests). Same file system: no copy; the bytes were fsync'd as
        // they arrived. Where links are unsupported, a rename (the upload then resumes at 0).
        match fs::hard_link(self.bytes(id), &target) {
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Ok(false),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(e),
            Err(_) => fs::rename(self.bytes(id), &target)?,
            Ok(()) => {}
        }
        sync_dir(dir)?;
        Ok(true)
    }

    fn open_blob(&self, user: &str, sha256: &str) -> io::Result<Option<(Box<dyn Read + Send>, u64)>> {
        self.open_blob_at(user, sha256, 0)
    }

    fn open_blob_at(&self, user: &str, sha256: &str, offset: u64) -> io::Result<Option<(Box<dyn Read + Send>, u64)>> {
        match File::open(self.blob(user, sha256)?) {
            Ok(mut f) => {
                let len = f.metadata()?.len();
                if offset > 0 {
                    f.seek(SeekFrom::Start(offset))?;
                }
                Ok(Some((Box::new(f), len)))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn delete_blob(&self, user: &str, sha256: &str) -> io::Result<()> {
        self.delete_thumbs(user, sha256)?;
        let blob = self.blob(user, sha256)?;
        remove_if_exists(&blob)?;
        sync_dir(blob.parent().expect("blob path has a parent"))
            .or_else(|e| if e.kind() == io::ErrorKind::NotFound { Ok(()) } else { Err(e) })
    }

    fn delete_thumbs(&self, user: &str, sha256: &str) -> io::Result<()> {
        for variant in super::DERIVED {
            remove_if_exists(&self.thumb(user, sha256, variant)?)?;
        }
        Ok(())
    }

    fn put_thumb(&self, user: &str, sha256: &str, variant: &str, jpeg: &[u8]) -> io::Result<()> {
        let path = self.thumb(user, sha256, variant)?;
        let dir = path.parent().expect("thumb path has a parent");
        fs::create_dir_all(dir)?;
        let n = TMP_SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let tmp = dir.join(format!(".{sha256}.{variant}.{}.{n}.tmp", std::process::id()));
        // A thumbnail can be made again, so no fsync: the rename alone keeps it whole.
        let res = fs::write(&tmp, jpeg).and_then(|_| fs::rename(&tmp, &path));
        if res.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        res
    }

    fn open_thumb(&self, user: &str, sha256: &str, variant: &str) -> io::Result<Option<Vec<u8>>> {
        match fs::read(self.thumb(user, sha256, variant)?) {
            Ok(b) => Ok(Some(b)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }
}
