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
    /// Stream SHA-256 over the whole blob.
    Hash,
    /// A chunk's checksum (tus checksum extension) with exactly this algorithm; the blob is
    /// one chunk (at most `max_bytes_in_flight`), so it is digested in one go.
    Digest { algo: crate::tus::ChecksumAlgo },
    /// Downsize and/or strip location; the new bytes come back as a transferred ArrayBuffer.
    #[serde(rename_all = "camelCase")]
    Prepare { max_pixels: Option<u64>, quality: u8, strip_location: bool },
    /// A small JPEG for the library (`width` x `height`, already upright): decoded and resized
    /// by the browser's own decoder in the worker, EXIF orientation applied to the pixels.
    Thumbnail { width: u32, height: u32 },
    /// Panics inside the worker: lets tests check that a crashed worker is replaced.
    Crash,
}

/// Files up to this size are hashed as light jobs: their time is the round trip and the read,
/// not the CPU, so several run on one worker; a larger file has a worker to itself.
pub const SMALL_HASH_BYTES: u64 = 1024 * 1024;

impl Job {
    /// Whether this job, on a blob of `bytes`, runs beside other light jobs on one worker
    /// (inspections and small files' hashes) rather than on a worker of its own.
    pub fn is_light(&self, bytes: u64) -> bool {
        match self {
            Job::Inspect { .. } => true,
            Job::Hash => bytes <= SMALL_HASH_BYTES,
            _ => false,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "reply", rename_all = "camelCase")]
pub enum Reply {
    Ready,
    Inspected {
        facts: FileFacts,
    },
    Hashed {
        sha256: String,
    },
    /// Raw digest of a `Digest` job, lower-case hex.
    Digested {
        hex: String,
    },
    /// What Prepare made; the prepared bytes (if any) ride along as the envelope's ArrayBuffer.
    Prepared {
        outcome: PrepareOutcome,
    },
    /// The thumbnail's JPEG rides along as the envelope's ArrayBuffer.
    Thumbnail {
        size: u64,
    },
    Failed {
        fault: WorkerFault,
    },
}

/// What Prepare gave, the same value from the worker through the pool to the engine.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "result", rename_all = "camelCase")]
pub enum PrepareOutcome {
    /// New bytes: their size, digest and type (the worker sniffed them). The driver keeps the
    /// prepared blob (for `Body::Slice { source: Prepared }`) until the file has an outcome.
    Prepared { size: u64, sha256: String, mime: String },
    /// Upload the original instead (nothing to do, not smaller, undecodable, ...).
    KeepOriginal { reason: KeepReason },
    /// Prepare could not run (the file unreadable, the worker gone): the original goes.
    Failed { why: FailReason },
}
