//! Main-thread pool of photo/hash Web Workers (the worker side is the `shoebox-worker` crate;
//! starting, feeding and replacing the workers is in `worker_pool/workers.rs`).
//!
//! API for the driver (all futures are `!Send`, run them with `spawn_local`):
//! - `WorkerPool::default_size() -> usize`: navigator.hardwareConcurrency − 1, at least 1.
//! - `WorkerPool::new(size) -> WorkerPool`: spawns `size` hash workers from Trunk's
//!   `hashworker.js` + `hashworker_bg.wasm` next to the page, after its first paint, and `size`
//!   codec workers (`worker.js` + `worker_bg.wasm`, the photo codecs: several times larger)
//!   when the first Prepare job arrives. `WorkerPool::with_source(size, WorkerSource)` picks
//!   another worker script and starts at once (tests use `ThisModule`).
//! - `pool.size() -> usize`: workers of each kind.
//! - `pool.inspect(file: File).await -> Result<FileFacts, WorkerFault>`: reads only the first
//!   `INSPECT_BYTES` (Blob.slice) in a worker.
//! - `pool.hash(blob: Blob).await -> Result<String, WorkerFault>`: streaming SHA-256 over 8 MiB
//!   slices, the next slice read while the current one is hashed.
//! - `pool.prepare(file, max_pixels: Option<u64>, quality: u8, strip_location: bool).await
//!   -> PrepareResult`: the worker's `PrepareOutcome` as it sent it (`Prepared { size, sha256,
//!   mime }`, `KeepOriginal { reason }`, or `Failed { why }` when the job could not run), with
//!   the new bytes as a Blob typed with that MIME, so the uploader can slice it.
//! - `pool.inflate(archive, start, entry).await -> Result<Blob, WorkerFault>`: see there.
//!
//! Concurrency: one hash or prepare job per worker (CPU-bound), or up to `MAX_LIGHT_PER_WORKER`
//! inspect jobs and hashes of small files (`Job::is_light`) at once (bound by file-read
//! latency: many reads in flight are what make 100,000 small files fast); the rest wait in a
//! FIFO queue. Chunk digests (`Job::runs_beside`) skip the queue and run beside anything, up to
//! `BESIDE_PER_WORKER` per worker. Prepare goes only to codec workers, every other job to any
//! worker (`WorkerKind::runs`). A worker that crashes (panic, out of memory) is replaced by one
//! of its kind and only its own job fails; a worker script that cannot start fails the queued
//! jobs no other kind of worker can run.
mod workers;

use futures::channel::oneshot;
use shoebox_core::facts::FileFacts;
use shoebox_core::failure::WorkerFault;
use shoebox_core::takeout::archive::ZipEntry;
use shoebox_core::worker_protocol::{Job, PrepareOutcome, Reply, WorkerKind};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, File, Url};
pub use workers::WorkerSource;
use workers::{Answer, Inner, Task};

/// What Prepare gave, and the new bytes when there are some (`outcome` is `Prepared`).
pub struct PrepareResult {
    pub outcome: PrepareOutcome,
    pub blob: Option<Blob>,
}

pub struct WorkerPool {
    inner: Rc<RefCell<Inner>>,
}

impl WorkerPool {
    /// navigator.hardwareConcurrency minus one core left for the page, at least 1.
    pub fn default_size() -> usize {
        let cores = web_sys::window().map(|w| w.navigator().hardware_concurrency()).unwrap_or(2.0);
        (cores as usize).saturating_sub(1).max(1)
    }

    pub fn new(size: usize) -> Self {
        let base = web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
        let base = Url::new_with_base("./", &base).map(|u| u.href()).unwrap_or(base);
        Self::build(size, WorkerSource::TrunkBin { base }, true)
    }

    /// A pool whose workers start at once (tests, and pools made after the page is up).
    pub fn with_source(size: usize, source: WorkerSource) -> Self {
        Self::build(size, source, false)
    }

    /// The app's pool starts its hash workers after the page's first paint (jobs queue until
    /// then): fetching and compiling worker wasm on two cores would otherwise delay the page
    /// itself. Codec workers wait for the first job that needs them, and for the paint too.
    fn build(size: usize, source: WorkerSource, after_paint: bool) -> Self {
        let inner = Rc::new(RefCell::new(Inner::new(size, source)));
        let weak = Rc::downgrade(&inner);
        let start = move || {
            if let Some(inner) = weak.upgrade() {
                inner.borrow_mut().started = true;
                workers::start_kind(&inner, WorkerKind::Hash);
                workers::start_needed(&inner);
            }
        };
        if after_paint {
            super::first_paint::after_first_paint(start);
        } else {
            start();
        }
        WorkerPool { inner }
    }

    pub fn size(&self) -> usize {
        self.inner.borrow().size()
    }

    /// Workers of `kind` running or loading now (tests: codec workers start only for Prepare).
    pub fn live(&self, kind: WorkerKind) -> usize {
        self.inner.borrow().live(kind)
    }

    pub async fn inspect(&self, file: File) -> Result<FileFacts, WorkerFault> {
        match self.run(Job::Inspect { name: file.name() }, file.into()).await? {
            (Reply::Inspected(facts), _) => Ok(facts),
            (other, _) => Err(unexpected(other)),
        }
    }

    /// SHA-256 of `blob`; with `pieces` (the file's id) the worker also keeps the CRC-32C of its
    /// pieces for that file's chunk checksums ([`WorkerPool::digest`] with `of`).
    pub async fn hash(&self, blob: Blob, pieces: Option<u64>) -> Result<String, WorkerFault> {
        self.hash_checked(blob, pieces, None).await
    }

    /// [`WorkerPool::hash`], the bytes also checked against `crc32` (a stored archive entry's):
    /// `WorkerFault::Inflate { fault: Crc }` when they differ.
    pub async fn hash_checked(&self, blob: Blob, pieces: Option<u64>, crc32: Option<u32>) -> Result<String, WorkerFault> {
        match self.run(Job::Hash { pieces, crc32 }, blob).await? {
            (Reply::Hashed(sha256), _) => Ok(sha256),
            (other, _) => Err(unexpected(other)),
        }
    }

    /// A chunk's checksum digest (raw bytes) with exactly the algorithm the engine asked for;
    /// `of` says which file's bytes from where the chunk is, when it is an original's.
    pub async fn digest(
        &self,
        blob: Blob,
        algo: shoebox_core::tus::ChecksumAlgo,
        of: Option<shoebox_core::worker_protocol::ChunkOf>,
    ) -> Result<Vec<u8>, WorkerFault> {
        match self.run(Job::Digest { algo, of }, blob).await? {
            (Reply::Digested(hex), _) => shoebox_core::hash::unhex(&hex).ok_or(WorkerFault::MalformedDigest),
            (other, _) => Err(unexpected(other)),
        }
    }

    pub async fn prepare(&self, file: File, max_pixels: Option<u64>, quality: u8, strip_location: bool) -> PrepareResult {
        let failed = |fault: WorkerFault| PrepareResult { outcome: PrepareOutcome::Failed { why: fault.into() }, blob: None };
        match self.run(Job::Prepare { max_pixels, quality, strip_location }, file.into()).await {
            Ok((Reply::Prepared { size, sha256, mime }, buf)) => {
                let opts = BlobPropertyBag::new();
                opts.set_type(&mime);
                match Blob::new_with_buffer_source_sequence_and_options(&js_sys::Array::of1(&buf), &opts) {
                    Ok(blob) => PrepareResult { outcome: PrepareOutcome::Prepared { size, sha256, mime }, blob: Some(blob) },
                    Err(_) => failed(WorkerFault::NoBlob),
                }
            }
            Ok((Reply::KeptOriginal(reason), _)) => PrepareResult { outcome: PrepareOutcome::KeepOriginal { reason }, blob: None },
            Ok((other, _)) => failed(unexpected(other)),
            Err(e) => failed(e),
        }
    }

    /// The library's thumbnail of a photo (a JPEG blob of `width` x `height`, upright).
    pub async fn thumbnail(&self, blob: Blob, width: u32, height: u32) -> Result<Blob, WorkerFault> {
        match self.run(Job::Thumbnail { width, height }, blob).await? {
            (Reply::Thumbnail(_), buf) => {
                let opts = BlobPropertyBag::new();
                opts.set_type("image/jpeg");
                Blob::new_with_buffer_source_sequence_and_options(&js_sys::Array::of1(&buf), &opts).map_err(|_| WorkerFault::NoBlob)
            }
            (other, _) => Err(unexpected(other)),
        }
    }

    /// A deflated archive entry inflated in a worker (its compressed bytes start at `start` of
    /// `archive`): a Blob of its bytes, or why they are not the entry's (size, CRC-32).
    pub async fn inflate(&self, archive: Blob, start: u64, entry: &ZipEntry) -> Result<Blob, WorkerFault> {
        let job = Job::Inflate { start, compressed_size: entry.compressed_size, size: entry.size, crc32: entry.crc32 };
        match self.run(job, archive).await? {
            (Reply::Inflated(_), blob) => blob.dyn_into().map_err(|_| WorkerFault::NoBlob),
            (other, _) => Err(unexpected(other)),
        }
    }

    /// Make a worker panic (tests of crash recovery): resolves with the crash error.
    pub async fn crash_one_for_test(&self) -> Result<(), WorkerFault> {
        self.run(Job::Crash, Blob::new().map_err(|_| WorkerFault::NoBlob)?).await.map(|_| ())
    }

    /// Queue one job and wait for its answer, starting the kind of worker it needs if the pool
    /// has none of that kind yet.
    async fn run(&self, job: Job, blob: Blob) -> Answer {
        let (tx, rx) = oneshot::channel();
        {
            let mut inner = self.inner.borrow_mut();
            if !inner.can_still_run(&job) {
                return Err(WorkerFault::NotStarted { detail: String::new() });
            }
            let id = inner.next_id;
            inner.next_id += 1;
            // Light jobs share a worker (the engine bounds how many: SMALL_HASHES_PER_WORKER).
            let light = job.is_light(blob.size() as u64);
            let beside = job.runs_beside();
            inner.queue.push_back(Task { id, job, blob, light, beside, tx });
        }
        workers::start_needed(&self.inner);
        rx.await.unwrap_or(Err(WorkerFault::Dropped))
    }
}

impl Drop for WorkerPool {
    fn drop(&mut self) {
        self.inner.borrow_mut().terminate_all();
    }
}

fn unexpected(r: Reply) -> WorkerFault {
    match r {
        Reply::Failed(fault) => fault.into(),
        _ => WorkerFault::UnexpectedReply,
    }
}
