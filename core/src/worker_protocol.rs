//! The messages between the app's worker pool and its photo/hash Web Workers: jobs the pool
//! sends and the replies it gets back (JSON inside the envelope). Here, not in either crate,
//! because both speak it and the app must not link the worker's codecs.
use crate::facts::{FileFacts, KeepReason};
use crate::failure::{FailReason, WorkerFault};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "job", rename_all = "camelCase")]
pub enum Job {
    /// Read the first `INSPECT_BYTES` of the blob and sniff/measure it.
    Inspect { name: String },
    /// Stream SHA-256 over the whole blob. With `pieces` (the file's id in the page), the same
    /// pass also keeps the CRC-32C of every [`CRC_PIECE`] of it in the worker, so the chunks of
    /// that file's upload need no second read for their crc32c checksums.
    Hash {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pieces: Option<u64>,
        /// The CRC-32 an archive's directory gives for these bytes (a stored entry, sent as a
        /// slice of the archive): checked in the same pass, so damaged bytes fail the file
        /// (`InflateFault::Crc`) instead of being uploaded.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        crc32: Option<u32>,
    },
    /// A chunk's checksum (tus checksum extension) with exactly this algorithm; the blob is
    /// one chunk (at most `max_bytes_in_flight`), so it is digested in one go. With `of`, the
    /// chunk is that file's bytes from `start`: a crc32c is joined from the pieces its hash
    /// pass kept when they cover it, and read as usual when not.
    Digest {
        algo: crate::tus::ChecksumAlgo,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        of: Option<ChunkOf>,
    },
    /// Downsize and/or strip location; the new bytes come back as a transferred ArrayBuffer.
    #[serde(rename_all = "camelCase")]
    Prepare { max_pixels: Option<u64>, quality: u8, strip_location: bool },
    /// A small JPEG for the library (`width` x `height`, already upright): decoded and resized
    /// by the browser's own decoder in the worker, EXIF orientation applied to the pixels.
    Thumbnail { width: u32, height: u32 },
    /// Inflate the deflated archive entry whose compressed bytes start at `start` of the blob
    /// (the archive): a piece at a time, its declared `size` the cap and its CRC-32 checked at
    /// the end; the bytes come back as a Blob made of the pieces (never whole in wasm memory).
    #[serde(rename_all = "camelCase")]
    Inflate { start: u64, compressed_size: u64, size: u64, crc32: u32 },
    /// Panics inside the worker: lets tests check that a crashed worker is replaced.
    Crash,
}

/// Where a chunk sits: the file (its id in the page) and the chunk's first byte in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChunkOf {
    pub file: u64,
    pub start: u64,
}

/// The pieces a hash pass keeps the CRC-32C of: chunks of Shoebox's server start at multiples
/// of its 8 MiB base size, so they are made of whole pieces (the file's last piece may be short).
pub const CRC_PIECE: u64 = 1024 * 1024;

/// Files up to this size are hashed as light jobs: their time is the round trip and the read,
/// not the CPU, so several run on one worker; a larger file has a worker to itself.
pub const SMALL_HASH_BYTES: u64 = 1024 * 1024;

/// Chunk digests one worker runs beside whatever else it runs.
pub const BESIDE_PER_WORKER: usize = 2;

impl Job {
    /// Whether this job goes ahead of the queue and runs beside whatever a worker is doing: a
    /// chunk's digest holds up its PATCH, and a large file's hash beside its own upload would
    /// otherwise hold up every chunk of that upload (with one worker: the whole upload). The
    /// worker interleaves the two at its reads, so each goes at about the speed of both.
    pub fn runs_beside(&self) -> bool {
        matches!(self, Job::Digest { .. })
    }

    /// Whether only a codec worker can run this job: decoding, resizing and re-encoding photos.
    /// Every other job (hashes, digests, inspections, the browser-decoded thumbnails, inflating)
    /// runs on either kind, so the light hash worker is all a page needs until a photo is
    /// downsized.
    pub fn needs_codecs(&self) -> bool {
        matches!(self, Job::Prepare { .. })
    }

    /// Whether this job, on a blob of `bytes`, runs beside other light jobs on one worker
    /// (inspections and small files' hashes) rather than on a worker of its own.
    pub fn is_light(&self, bytes: u64) -> bool {
        match self {
            Job::Inspect { .. } => true,
            Job::Hash { .. } => bytes <= SMALL_HASH_BYTES,
            _ => false,
        }
    }
}

/// The two builds of the worker (index.html links both): the hash worker, which the pool starts
/// after the first paint, and the codec worker, several times its size, which it starts when
/// the first photo is to be downsized.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WorkerKind {
    /// Hashes, digests, inspections, thumbnails, inflating: no photo codecs linked.
    Hash,
    /// All of the hash worker's jobs, and Prepare (shoebox-core feature `prepare`).
    Codec,
}

impl WorkerKind {
    /// Whether a worker of this kind runs `job`; a hash worker answers the others with
    /// [`JobFault::NoCodecs`].
    pub fn runs(self, job: &Job) -> bool {
        self == WorkerKind::Codec || !job.needs_codecs()
    }

    /// The kind a job needs when no live worker can run it: the pool starts workers of this
    /// kind for it.
    pub fn for_job(job: &Job) -> Self {
        if job.needs_codecs() {
            WorkerKind::Codec
        } else {
            WorkerKind::Hash
        }
    }
}

/// What a worker answers. Externally tagged (`"ready"`, `{"hashed": "<hex>"}`), newtype
/// variants where one value says it all, and holding only what a worker can say: the app
/// decodes every reply, and serde's internally tagged form, struct variants or the engine's
/// wider enums would cost the first screen's wasm several times this decoder. The pool turns a
/// reply into the engine's values (`PrepareOutcome`, `WorkerFault`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Reply {
    Ready,
    Inspected(FileFacts),
    /// The whole blob's SHA-256, lower-case hex.
    Hashed(String),
    /// Raw digest of a `Digest` job, lower-case hex.
    Digested(String),
    /// Prepare made new bytes (they ride along as the envelope's ArrayBuffer): their size,
    /// digest and type (the worker sniffed them).
    Prepared {
        size: u64,
        sha256: String,
        mime: String,
    },
    /// Prepare says: upload the original instead.
    KeptOriginal(KeepReason),
    /// The thumbnail's JPEG (its size here) rides along as the envelope's ArrayBuffer.
    Thumbnail(u64),
    /// The inflated entry (its size here) rides along as the envelope's Blob.
    Inflated(u64),
    Failed(JobFault),
}

/// Why a worker could not do a job, as the worker itself says it (the pool adds the faults
/// only it can see: crashes, dropped workers, unexpected replies).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum JobFault {
    /// Reading the blob failed; the browser's own words.
    ReadFailed(String),
    /// The job could not be decoded (a pool and worker of different builds).
    MalformedJob,
    /// The browser could not make the thumbnail; its own words.
    Thumbnail(String),
    /// An archive entry's bytes would not inflate to what its directory says.
    Inflate(crate::takeout::inflate::InflateFault),
    /// A Prepare job reached a worker built without the photo codecs (the hash worker).
    NoCodecs,
}

impl From<JobFault> for WorkerFault {
    fn from(fault: JobFault) -> Self {
        match fault {
            JobFault::ReadFailed(detail) => WorkerFault::ReadFailed { detail },
            JobFault::MalformedJob => WorkerFault::MalformedJob,
            JobFault::Thumbnail(detail) => WorkerFault::Thumbnail { detail },
            JobFault::Inflate(fault) => WorkerFault::Inflate { fault },
            JobFault::NoCodecs => WorkerFault::NoCodecs,
        }
    }
}

/// What Prepare gave, the same value from the worker through the pool to the engine.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PrepareOutcome {
    /// New bytes: their size, digest and type (the worker sniffed them). The driver keeps the
    /// prepared blob (for `Body::Slice { source: Prepared }`) until the file has an outcome.
    Prepared { size: u64, sha256: String, mime: String },
    /// Upload the original instead (nothing to do, not smaller, undecodable, ...).
    KeepOriginal { reason: KeepReason },
    /// Prepare could not run (the file unreadable, the worker gone): the original goes.
    Failed { why: FailReason },
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_job() -> Vec<Job> {
        vec![
            Job::Inspect { name: "a.jpg".into() },
            Job::Hash { pieces: Some(1), crc32: None },
            Job::Hash { pieces: None, crc32: Some(7) },
            Job::Digest { algo: crate::tus::ChecksumAlgo::Crc32c, of: None },
            Job::Prepare { max_pixels: Some(16_000_000), quality: 90, strip_location: true },
            Job::Thumbnail { width: 256, height: 192 },
            Job::Inflate { start: 0, compressed_size: 10, size: 20, crc32: 0 },
            Job::Crash,
        ]
    }

    #[test]
    fn only_prepare_needs_the_codec_worker() {
        for job in every_job() {
            let prepare = matches!(job, Job::Prepare { .. });
            assert_eq!(job.needs_codecs(), prepare, "{job:?}");
            assert!(WorkerKind::Codec.runs(&job), "a codec worker runs everything: {job:?}");
            assert_eq!(WorkerKind::Hash.runs(&job), !prepare, "{job:?}");
            let kind = WorkerKind::for_job(&job);
            assert_eq!(kind, if prepare { WorkerKind::Codec } else { WorkerKind::Hash }, "{job:?}");
            assert!(kind.runs(&job), "the kind started for a job runs it: {job:?}");
        }
    }

    #[test]
    fn the_hash_workers_refusal_reaches_the_engine_as_its_own_fault() {
        let reply: Reply = serde_json::from_str(&serde_json::to_string(&Reply::Failed(JobFault::NoCodecs)).unwrap()).unwrap();
        let Reply::Failed(fault) = reply else { panic!("{reply:?}") };
        assert_eq!(WorkerFault::from(fault), WorkerFault::NoCodecs);
    }
}
