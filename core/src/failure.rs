//! Why a file failed, and why a worker job failed, as values: the engine, the worker and the
//! browser adapters make these, and only the app's strings put them into words (so each can be
//! translated). A third party's own text (a tus server's body, the browser's error) rides along
//! untranslated as `detail`.
use crate::api::error::ApiErrorCode;
use serde::{Deserialize, Serialize};

/// Why a file ended as failed (`Outcome::Failed`), or why its last attempt did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum FailReason {
    /// No answer in time.
    Timeout,
    /// No progress for the stall timeout: the request was abandoned.
    Stalled,
    /// The request was aborted before its answer.
    Aborted,
    /// The connection failed: refused, dropped, DNS, CORS (the browser does not say which).
    Connection,
    /// The request could not be sent; the browser's own words.
    Network { detail: String },
    /// The server answered this status and gave no reason.
    ServerAnswered { status: u16 },
    /// The server answered this status with a reason: Shoebox's code when it sent one, and
    /// the server's own text.
    ServerSaid { status: u16, code: Option<ApiErrorCode>, detail: String },
    /// The server created the upload but did not say where (no `Location`).
    NoLocation,
    /// The server answered a HEAD without the upload's offset (no `Upload-Offset`).
    NoOffset,
    /// The server's digest of the upload is not the file's, and the file did not change: the
    /// server's own text.
    DigestMismatch { detail: String },
    /// The file could not be opened (moved, deleted, still downloading, permission withdrawn).
    Unreadable,
    /// The file (or its prepared copy) was no longer there to send.
    Gone,
    /// The user cancelled it (a failure, so that "retry" brings it back).
    Cancelled,
    /// A worker job for it failed.
    Worker { fault: WorkerFault },
    /// A finished file without an outcome (should not happen).
    Unknown,
}

/// Why a worker job (inspect, hash, digest, prepare, thumbnail) gave no result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum WorkerFault {
    /// Reading the blob failed; the browser's own words.
    ReadFailed { detail: String },
    /// The worker could not decode the job (a pool and worker of different builds).
    MalformedJob,
    /// The worker crashed (panic, out of memory) while running the job; the browser's words.
    Crashed { detail: String },
    /// No worker could start; the browser's words.
    NotStarted { detail: String },
    /// The job could not be handed to the worker; the browser's words.
    NotSent { detail: String },
    /// The pool went away before the job was answered.
    Dropped,
    /// The worker answered something that is not this job's reply.
    UnexpectedReply,
    /// The worker's digest was not hex.
    MalformedDigest,
    /// The browser would not make a Blob of the worker's bytes.
    NoBlob,
    /// The browser could not make the thumbnail; its own words.
    Thumbnail { detail: String },
    /// An archive entry's bytes would not inflate to what the archive's directory says
    /// (damaged, a zip bomb, or a CRC-32 that differs).
    Inflate { fault: crate::takeout::inflate::InflateFault },
    /// A photo was to be downsized by a worker built without the photo codecs (the light hash
    /// worker): a pool that routes jobs by `WorkerKind` never lets this happen.
    NoCodecs,
}

impl From<WorkerFault> for FailReason {
    fn from(fault: WorkerFault) -> Self {
        FailReason::Worker { fault }
    }
}
