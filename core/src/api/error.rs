//! Why the server refused a request, as a code both sides know: on `/api/v1` the JSON body
//! `{"code": "…", "message": "…", …values}`, on `/files/` (tus) the `Shoebox-Error` header
//! beside the plain-text reason tus clients show. The app puts a code into words itself, so the
//! server's English `message` is only a fallback for other clients.
use serde::{Deserialize, Serialize};

/// The header carrying the code on `/files/` answers (exposed through CORS).
pub const H_SHOEBOX_ERROR: &str = "Shoebox-Error";

/// One code per kind of refusal (docs/api.md lists them with their status and values).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApiErrorCode {
    BadRequest,
    Unauthorized,
    Forbidden,
    NotFound,
    /// The upload expired and is not yet swept away.
    Gone,
    /// `Upload-Offset` is not the upload's offset.
    OffsetConflict,
    /// Another request is writing to this upload.
    Locked,
    UnsupportedVersion,
    UnsupportedMediaType,
    /// Over a size limit of the server (`Tus-Max-Size`, `Upload-Length`); value `limit` when known.
    TooLarge,
    /// Over the kiosk's per-file limit; value `limit`.
    OverKioskLimit,
    /// The declared sha256 does not match the bytes received.
    DigestMismatch,
    /// The chunk's `Upload-Checksum` does not match.
    ChecksumMismatch,
    /// The server's disk is full.
    StorageFull,
    /// The account's quota is used up; values `used`, `quota`, `needed` for the account's own
    /// tokens when known.
    QuotaFull,
    /// A kiosk visit cannot take more (no figures: they are the operator's).
    KioskFull,
    RateLimited,
    /// The server's storage is read-only for now; try again later.
    ReadOnly,
    /// What the disk gave back is not what was received: send again.
    StoredMismatch,
    /// The account already has an album of that name (create, rename).
    AlbumExists,
    /// The album is the drop of a kiosk visit still going on (rename, add, remove): 409.
    AlbumLiveVisit,
    Internal,
    /// A code this build does not know (a newer server).
    #[serde(other)]
    Unknown,
}

impl ApiErrorCode {
    /// The code as it is written in the JSON body and the header.
    pub fn as_str(self) -> &'static str {
        use ApiErrorCode::*;
        match self {
            BadRequest => "bad_request",
            Unauthorized => "unauthorized",
            Forbidden => "forbidden",
            NotFound => "not_found",
            Gone => "gone",
            OffsetConflict => "offset_conflict",
            Locked => "locked",
            UnsupportedVersion => "unsupported_version",
            UnsupportedMediaType => "unsupported_media_type",
            TooLarge => "too_large",
            OverKioskLimit => "over_kiosk_limit",
            DigestMismatch => "digest_mismatch",
            ChecksumMismatch => "checksum_mismatch",
            StorageFull => "storage_full",
            QuotaFull => "quota_full",
            KioskFull => "kiosk_full",
            RateLimited => "rate_limited",
            ReadOnly => "read_only",
            StoredMismatch => "stored_mismatch",
            AlbumExists => "album_exists",
            AlbumLiveVisit => "album_live_visit",
            Internal => "internal",
            Unknown => "unknown",
        }
    }

    /// A code read from the header (`Unknown` for one this build does not know).
    pub fn parse(s: &str) -> ApiErrorCode {
        // Through the string decoder the JSON bodies already use (one list of codes, serde's);
        // `serde_json::Value` would link a second decoder into the app.
        serde_json::from_str(&format!("\"{}\"", s.trim())).unwrap_or(ApiErrorCode::Unknown)
    }
}

/// The JSON body of an `/api/v1` error answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiErrorBody {
    pub code: ApiErrorCode,
    /// The server's English reason, for clients that do not know the code.
    pub message: String,
    /// A size limit in bytes (`too_large`, `over_kiosk_limit`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u64>,
    /// Bytes the account uses (`quota_full`, account tokens only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub used: Option<u64>,
    /// The account's quota in bytes (`quota_full`, account tokens only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quota: Option<u64>,
    /// Bytes the refused upload needs (`quota_full`, account tokens only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needed: Option<u64>,
}

impl ApiErrorBody {
    pub fn new(code: ApiErrorCode, message: impl Into<String>) -> Self {
        ApiErrorBody { code, message: message.into(), limit: None, used: None, quota: None, needed: None }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back_as_written_and_unknown_ones_do_not_fail() {
        for c in [
            ApiErrorCode::RateLimited,
            ApiErrorCode::QuotaFull,
            ApiErrorCode::OverKioskLimit,
            ApiErrorCode::DigestMismatch,
            ApiErrorCode::AlbumExists,
            ApiErrorCode::AlbumLiveVisit,
        ] {
            assert_eq!(ApiErrorCode::parse(c.as_str()), c);
            assert_eq!(serde_json::to_string(&c).unwrap(), format!("\"{}\"", c.as_str()));
            assert_eq!(serde_json::from_str::<ApiErrorCode>(&format!("\"{}\"", c.as_str())).unwrap(), c);
        }
        assert_eq!(ApiErrorCode::parse(" kiosk_full "), ApiErrorCode::KioskFull);
        assert_eq!(ApiErrorCode::parse("from_the_future"), ApiErrorCode::Unknown);
        let body: ApiErrorBody = serde_json::from_str(r#"{"code":"kiosk_full","message":"m","extra":1}"#).unwrap();
        assert_eq!(body.code, ApiErrorCode::KioskFull);
        assert_eq!(serde_json::to_string(&ApiErrorBody::new(ApiErrorCode::Locked, "x")).unwrap(), r#"{"code":"locked","message":"x"}"#);
    }
}
