//! The words for why something failed: a file's failure reason, a worker's fault and the
//! server's error codes. Core and the adapters hand over values only; a third party's own
//! text (`detail`) is shown as it came, untranslated.
use crate::i18n::{t, tn};
use shoebox_core::api::ApiErrorCode;
use shoebox_core::failure::{FailReason, WorkerFault};
use shoebox_core::takeout::inflate::InflateFault;

/// Why a file failed, as its row says after "failed: ".
pub fn fail_reason(r: &FailReason) -> String {
    let with = |key: &str, detail: &str| tn(key, &[], &[("detail", detail)]);
    match r {
        FailReason::Timeout => t("fail-timeout").into(),
        FailReason::Stalled => t("fail-stalled").into(),
        FailReason::Aborted => t("fail-aborted").into(),
        FailReason::Connection => t("fail-connection").into(),
        FailReason::Network { detail } => with("fail-network", detail),
        FailReason::ServerAnswered { status } => tn("fail-server-answered", &[], &[("status", &status.to_string())]),
        // A bad request's own text says which part was wrong; other codes have their words.
        FailReason::ServerSaid { status, code, detail } => {
            let reason = match code.filter(|c| !matches!(c, ApiErrorCode::Unknown | ApiErrorCode::BadRequest)) {
                Some(c) => api_error(c),
                None => detail.as_str(),
            };
            tn("fail-server-said", &[], &[("status", &status.to_string()), ("reason", reason)])
        }
        FailReason::NoLocation => t("fail-no-location").into(),
        FailReason::NoOffset => t("fail-no-offset").into(),
        FailReason::DigestMismatch { detail } if detail.is_empty() => api_error(ApiErrorCode::DigestMismatch).into(),
        FailReason::DigestMismatch { detail } => tn("fail-server-said", &[], &[("status", "422"), ("reason", detail)]),
        FailReason::Unreadable => super::file_unreadable().into(),
        FailReason::Gone => t("fail-gone").into(),
        FailReason::Cancelled => t("fail-cancelled").into(),
        FailReason::Worker { fault } => worker_fault(fault),
        FailReason::Unknown => t("fail-unknown").into(),
    }
}

/// Why a worker job gave no result.
pub fn worker_fault(f: &WorkerFault) -> String {
    let with = |key: &str, detail: &str| tn(key, &[], &[("detail", detail)]);
    match f {
        WorkerFault::ReadFailed { detail } => with("fault-read-failed", detail),
        WorkerFault::MalformedJob => t("fault-malformed-job").into(),
        WorkerFault::Crashed { detail } => with("fault-crashed", detail),
        WorkerFault::NotStarted { detail } if detail.is_empty() => t("fault-not-started").into(),
        WorkerFault::NotStarted { detail } => with("fault-not-started-detail", detail),
        WorkerFault::NotSent { detail } => with("fault-not-sent", detail),
        WorkerFault::Dropped => t("fault-dropped").into(),
        WorkerFault::UnexpectedReply => t("fault-unexpected-reply").into(),
        WorkerFault::MalformedDigest => t("fault-malformed-digest").into(),
        WorkerFault::NoBlob => t("fault-no-blob").into(),
        WorkerFault::NoCodecs => t("fault-no-codecs").into(),
        WorkerFault::Thumbnail { detail } => with("fault-thumbnail", detail),
        WorkerFault::Inflate { fault } => t(match fault {
            InflateFault::Corrupt => "fault-inflate-corrupt",
            InflateFault::SizesLie => "fault-inflate-sizes",
            InflateFault::Crc => "fault-inflate-crc",
        })
        .into(),
    }
}

/// What the server's error code means, for a person.
pub fn api_error(c: ApiErrorCode) -> &'static str {
    t(match c {
        ApiErrorCode::BadRequest => "api-bad-request",
        ApiErrorCode::Unauthorized => "api-unauthorized",
        ApiErrorCode::Forbidden => "api-forbidden",
        ApiErrorCode::NotFound => "api-not-found",
        ApiErrorCode::Gone => "api-gone",
        ApiErrorCode::OffsetConflict => "api-offset-conflict",
        ApiErrorCode::Locked => "api-locked",
        ApiErrorCode::UnsupportedVersion => "api-unsupported-version",
        ApiErrorCode::UnsupportedMediaType => "api-unsupported-media-type",
        ApiErrorCode::TooLarge => "api-too-large",
        ApiErrorCode::OverKioskLimit => "api-over-kiosk-limit",
        ApiErrorCode::DigestMismatch => "api-digest-mismatch",
        ApiErrorCode::ChecksumMismatch => "api-checksum-mismatch",
        ApiErrorCode::StorageFull => "api-storage-full",
        ApiErrorCode::QuotaFull => "api-quota-full",
        ApiErrorCode::KioskFull => "api-kiosk-full",
        ApiErrorCode::RateLimited => "api-rate-limited",
        ApiErrorCode::ReadOnly => "api-read-only",
        ApiErrorCode::StoredMismatch => "api-stored-mismatch",
        ApiErrorCode::AlbumExists => "api-album-exists",
        ApiErrorCode::AlbumLiveVisit => "api-album-live-visit",
        ApiErrorCode::Internal => "api-internal",
        ApiErrorCode::Unknown => "api-unknown",
    })
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
