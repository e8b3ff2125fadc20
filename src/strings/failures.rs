//! The words for why something failed: a file's failure reason, a worker's fault and the
//! server's error codes. Core and the adapters hand over values only; a third party's own
//! text (`detail`) is shown as it came, untranslated.
use shoebox_core::api::ApiErrorCode;
use shoebox_core::failure::{FailReason, WorkerFault};

/// Why a file failed, as its row says after "failed: ".
pub fn fail_reason(r: &FailReason) -> String {
    match r {
        FailReason::Timeout => "the request timed out".into(),
        FailReason::Stalled => "the connection stalled".into(),
        FailReason::Aborted => "the request was aborted".into(),
        FailReason::Connection => "network error: the connection failed".into(),
        FailReason::Network { detail } => format!("network error: {detail}"),
        FailReason::ServerAnswered { status } => format!("server answered {status}"),
        // A bad request's own text says which part was wrong; other codes have their words.
        FailReason::ServerSaid { status, code, detail } => {
            match code.filter(|c| !matches!(c, ApiErrorCode::Unknown | ApiErrorCode::BadRequest)) {
                Some(c) => format!("server answered {status}: {}", api_error(c)),
                None => format!("server answered {status}: {detail}"),
            }
        }
        FailReason::NoLocation => "server answered the creation without a Location".into(),
        FailReason::NoOffset => "server answered HEAD without Upload-Offset".into(),
        FailReason::DigestMismatch { detail } if detail.is_empty() => api_error(ApiErrorCode::DigestMismatch).into(),
        FailReason::DigestMismatch { detail } => format!("server answered 422: {detail}"),
        FailReason::Unreadable => super::file_unreadable().into(),
        FailReason::Gone => "network error: the file is no longer available".into(),
        FailReason::Cancelled => "cancelled".into(),
        FailReason::Worker { fault } => worker_fault(fault),
        FailReason::Unknown => "unknown".into(),
    }
}

/// Why a worker job gave no result.
pub fn worker_fault(f: &WorkerFault) -> String {
    match f {
        WorkerFault::ReadFailed { detail } => format!("the file could not be read: {detail}"),
        WorkerFault::MalformedJob => "malformed job".into(),
        WorkerFault::Crashed { detail } => format!("worker crashed: {detail}"),
        WorkerFault::NotStarted { detail } if detail.is_empty() => "workers failed to start".into(),
        WorkerFault::NotStarted { detail } => format!("workers failed to start: {detail}"),
        WorkerFault::NotSent { detail } => format!("postMessage failed: {detail}"),
        WorkerFault::Dropped => "worker pool dropped the job".into(),
        WorkerFault::UnexpectedReply => "the worker gave an unexpected reply".into(),
        WorkerFault::MalformedDigest => "the worker gave a malformed digest".into(),
        WorkerFault::NoBlob => "blob creation failed".into(),
        WorkerFault::Thumbnail { detail } => format!("thumbnail failed: {detail}"),
    }
}

/// What the server's error code means, for a person.
pub fn api_error(c: ApiErrorCode) -> &'static str {
    match c {
        ApiErrorCode::BadRequest => "the request was not valid",
        ApiErrorCode::Unauthorized => "this device is not signed in",
        ApiErrorCode::Forbidden => "this device may not do that",
        ApiErrorCode::NotFound => "no such upload or media",
        ApiErrorCode::Gone => "upload expired",
        ApiErrorCode::OffsetConflict => "the server holds a different part of this file",
        ApiErrorCode::Locked => "another request is writing to this upload",
        ApiErrorCode::UnsupportedVersion => "the server speaks another version of the upload protocol",
        ApiErrorCode::UnsupportedMediaType => "the server did not accept the way the file was sent",
        ApiErrorCode::TooLarge => "the file is larger than the server accepts",
        ApiErrorCode::OverKioskLimit => "the file is larger than this kiosk accepts",
        ApiErrorCode::DigestMismatch => "the bytes the server received do not match the file",
        ApiErrorCode::ChecksumMismatch => "a part of the file arrived damaged",
        ApiErrorCode::StorageFull => "the server's storage is full",
        ApiErrorCode::QuotaFull => "your storage is full",
        ApiErrorCode::KioskFull => "this kiosk cannot take more right now",
        ApiErrorCode::RateLimited => "too many attempts; wait a few minutes and try again",
        ApiErrorCode::ReadOnly => "the server cannot store files right now; nothing was lost, try again later",
        ApiErrorCode::StoredMismatch => "the server stored the file wrongly; it will be sent again",
        ApiErrorCode::Internal => "internal server error",
        ApiErrorCode::Unknown => "the server refused",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shoebox_core::facts::Outcome;

    #[test]
    fn reasons_read_as_the_sentences_core_used_to_make() {
        let failed = |r: FailReason| super::super::outcome(&Outcome::Failed(r));
        assert_eq!(failed(FailReason::Timeout), "failed: the request timed out");
        assert_eq!(failed(FailReason::Connection), "failed: network error: the connection failed");
        assert_eq!(failed(FailReason::ServerAnswered { status: 500 }), "failed: server answered 500");
        let said = FailReason::ServerSaid { status: 400, code: None, detail: "invalid metadata".into() };
        assert_eq!(failed(said), "failed: server answered 400: invalid metadata", "a third party's text as it came");
        let kiosk = FailReason::ServerSaid { status: 507, code: Some(ApiErrorCode::KioskFull), detail: "whatever".into() };
        assert_eq!(failed(kiosk), "failed: server answered 507: this kiosk cannot take more right now", "a code in our words");
        assert_eq!(failed(FailReason::Cancelled), "failed: cancelled");
        assert_eq!(failed(WorkerFault::Crashed { detail: "oom".into() }.into()), "failed: worker crashed: oom");
    }
}
