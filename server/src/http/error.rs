//! The one error type of the HTTP layer: every handler returns `Result<_, ApiError>`, and each
//! variant maps to exactly one tus/API status code with a plain-text reason.
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use shoebox_core::tus::{H_TUS_VERSION, TUS_VERSION};

#[derive(Debug)]
pub enum ApiError {
    BadRequest(String),
    Unauthorized,
    /// The token is valid but may not do this (the library is for full-access tokens only).
    Forbidden(String),
    NotFound,
    /// The upload existed but has expired and was not yet swept away.
    Gone,
    Conflict(String),
    /// Another request is writing to this upload right now.
    Locked,
    /// Unsupported `Tus-Resumable`; the answer carries `Tus-Version`.
    UnsupportedVersion,
    UnsupportedMediaType,
    TooLarge(String),
    /// The declared sha256 does not match the stored bytes (contracts.md): 422.
    DigestMismatch(String),
    /// tus checksum extension: the chunk's `Upload-Checksum` did not match.
    ChecksumMismatch,
    /// Disk (or quota) full.
    InsufficientStorage(String),
    /// Too many attempts (pairing codes): try again later.
    RateLimited,
    /// The data folder is read-only (a remount after disk errors, a full snapshot): 503 with
    /// Retry-After, so clients keep their files and try again; reads still work.
    ReadOnly(String),
    /// What the disk gave back is not what was received (`integrity`): 500, with the reason
    /// shown, since the fault is the server's and the client may simply send again.
    StoredMismatch(String),
    Internal(String),
}

impl ApiError {
    pub fn bad(msg: impl Into<String>) -> Self {
        ApiError::BadRequest(msg.into())
    }
    fn status(&self) -> StatusCode {
        use ApiError::*;
        match self {
            BadRequest(_) => StatusCode::BAD_REQUEST,
            Unauthorized => StatusCode::UNAUTHORIZED,
            Forbidden(_) => StatusCode::FORBIDDEN,
            NotFound => StatusCode::NOT_FOUND,
            Gone => StatusCode::GONE,
            Conflict(_) => StatusCode::CONFLICT,
            Locked => StatusCode::LOCKED,
            UnsupportedVersion => StatusCode::PRECONDITION_FAILED,
            UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            DigestMismatch(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ChecksumMismatch => StatusCode::from_u16(460).expect("460 is a valid status"),
            InsufficientStorage(_) => StatusCode::INSUFFICIENT_STORAGE,
            RateLimited => StatusCode::TOO_MANY_REQUESTS,
            ReadOnly(_) => StatusCode::SERVICE_UNAVAILABLE,
            Internal(_) | StoredMismatch(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
    fn message(&self) -> String {
        use ApiError::*;
        match self {
            BadRequest(m) | Forbidden(m) | Conflict(m) | TooLarge(m) | DigestMismatch(m) | InsufficientStorage(m) | StoredMismatch(m) => {
                m.clone()
            }
            ReadOnly(m) => format!("the server cannot write right now (its storage is read-only); nothing was lost, try again later: {m}"),
            Unauthorized => "missing or invalid bearer token".into(),
            RateLimited => "too many attempts; wait a few minutes and try again".into(),
            NotFound => "no such upload or media".into(),
            Gone => "upload expired".into(),
            Locked => "another request is writing to this upload; retry later".into(),
            UnsupportedVersion => format!("unsupported Tus-Resumable; this server speaks {TUS_VERSION}"),
            UnsupportedMediaType => "PATCH bodies must be application/offset+octet-stream".into(),
            ChecksumMismatch => "Upload-Checksum mismatch: chunk discarded, offset unchanged".into(),
            // Internal details go to the log, not to the client.
            Internal(_) => "internal server error".into(),
        }
    }
}

impl From<std::io::Error> for ApiError {
    fn from(e: std::io::Error) -> Self {
        if is_disk_full(&e) {
            ApiError::InsufficientStorage(format!("storage is full: {e}"))
        } else if is_read_only(&e) {
            ApiError::ReadOnly(e.to_string())
        } else {
            ApiError::Internal(e.to_string())
        }
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> Self {
        if let rusqlite::Error::SqliteFailure(f, _) = &e {
            if f.code == rusqlite::ErrorCode::DiskFull {
                return ApiError::InsufficientStorage(format!("storage is full: {e}"));
            }
            if f.code == rusqlite::ErrorCode::ReadOnly {
                return ApiError::ReadOnly(e.to_string());
            }
        }
        ApiError::Internal(e.to_string())
    }
}

impl From<crate::db::Error> for ApiError {
    fn from(e: crate::db::Error) -> Self {
        match e {
            crate::db::Error::Sqlite(e) => e.into(),
            e => ApiError::Internal(e.to_string()),
        }
    }
}

impl From<tokio::task::JoinError> for ApiError {
    fn from(e: tokio::task::JoinError) -> Self {
        ApiError::Internal(e.to_string())
    }
}

/// EROFS: the data folder was remounted read-only.
pub fn is_read_only(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::ReadOnlyFilesystem || e.raw_os_error() == Some(30)
}

/// ENOSPC and EDQUOT: the only I/O errors that become 507 instead of 500.
pub fn is_disk_full(e: &std::io::Error) -> bool {
    matches!(e.kind(), std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded)
        || matches!(e.raw_os_error(), Some(28) | Some(122))
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let ApiError::Internal(detail) | ApiError::StoredMismatch(detail) = &self {
            tracing::error!(%detail, "internal error");
        }
        let mut res = (self.status(), self.message()).into_response();
        let h = res.headers_mut();
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain; charset=utf-8"));
        if matches!(self, ApiError::UnsupportedVersion) {
            h.insert(H_TUS_VERSION, HeaderValue::from_static(TUS_VERSION));
        }
        if matches!(self, ApiError::ReadOnly(_)) {
            h.insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
        }
        if matches!(self, ApiError::Unauthorized) {
            h.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        res
    }
}
