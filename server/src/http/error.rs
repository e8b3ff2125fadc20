//! The one error type of the HTTP layer: every handler returns `Result<_, ApiError>`, and each
//! variant maps to exactly one status and one code (`ApiErrorCode`, docs/api.md). A tus answer
//! keeps the plain-text reason tus clients show and carries the code in `Shoebox-Error`; on
//! `/api/v1` [`json_errors`] turns it into the JSON body `{"code", "message", …values}`.
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use shoebox_core::api::{ApiErrorBody, ApiErrorCode, H_SHOEBOX_ERROR};
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
    /// The account already has an album of that name.
    AlbumExists,
    /// The album is the drop of a kiosk visit still going on: it cannot change under the visitor.
    AlbumLiveVisit,
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
    /// Disk full.
    InsufficientStorage(String),
    /// The account's quota is used up: (used, quota, needed) when known. Only for the
    /// account's own tokens: a visitor gets `KioskFull`, without the operator's figures.
    QuotaFull(Option<(u64, u64, u64)>),
    /// A kiosk visit cannot take more.
    KioskFull,
    /// A file over the kiosk's per-file limit (the limit is the kiosk's, shown to its visitors).
    OverKioskLimit {
        length: u64,
        limit: u64,
    },
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
            Conflict(_) | AlbumExists | AlbumLiveVisit => StatusCode::CONFLICT,
            Locked => StatusCode::LOCKED,
            UnsupportedVersion => StatusCode::PRECONDITION_FAILED,
            UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            TooLarge(_) | OverKioskLimit { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            DigestMismatch(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ChecksumMismatch => StatusCode::from_u16(460).expect("460 is a valid status"),
            InsufficientStorage(_) | QuotaFull(_) | KioskFull => StatusCode::INSUFFICIENT_STORAGE,
            RateLimited => StatusCode::TOO_MANY_REQUESTS,
            ReadOnly(_) => StatusCode::SERVICE_UNAVAILABLE,
            Internal(_) | StoredMismatch(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
    /// The code clients read instead of the message.
    pub fn code(&self) -> ApiErrorCode {
        use ApiError::*;
        match self {
            BadRequest(_) => ApiErrorCode::BadRequest,
            Unauthorized => ApiErrorCode::Unauthorized,
            Forbidden(_) => ApiErrorCode::Forbidden,
            NotFound => ApiErrorCode::NotFound,
            Gone => ApiErrorCode::Gone,
            Conflict(_) => ApiErrorCode::OffsetConflict,
            AlbumExists => ApiErrorCode::AlbumExists,
            AlbumLiveVisit => ApiErrorCode::AlbumLiveVisit,
            Locked => ApiErrorCode::Locked,
            UnsupportedVersion => ApiErrorCode::UnsupportedVersion,
            UnsupportedMediaType => ApiErrorCode::UnsupportedMediaType,
            TooLarge(_) => ApiErrorCode::TooLarge,
            OverKioskLimit { .. } => ApiErrorCode::OverKioskLimit,
            DigestMismatch(_) => ApiErrorCode::DigestMismatch,
            ChecksumMismatch => ApiErrorCode::ChecksumMismatch,
            InsufficientStorage(_) => ApiErrorCode::StorageFull,
            QuotaFull(_) => ApiErrorCode::QuotaFull,
            KioskFull => ApiErrorCode::KioskFull,
            RateLimited => ApiErrorCode::RateLimited,
            ReadOnly(_) => ApiErrorCode::ReadOnly,
            StoredMismatch(_) => ApiErrorCode::StoredMismatch,
            Internal(_) => ApiErrorCode::Internal,
        }
    }
    /// The JSON body of this error on `/api/v1`: its code, message and values.
    pub fn body(&self) -> ApiErrorBody {
        let mut b = ApiErrorBody::new(self.code(), self.message());
        match self {
            ApiError::OverKioskLimit { limit, .. } => b.limit = Some(*limit),
            ApiError::QuotaFull(Some((used, quota, needed))) => (b.used, b.quota, b.needed) = (Some(*used), Some(*quota), Some(*needed)),
            _ => {}
        }
        b
    }
    fn message(&self) -> String {
        use ApiError::*;
        match self {
            BadRequest(m) | Forbidden(m) | Conflict(m) | TooLarge(m) | DigestMismatch(m) | InsufficientStorage(m) | StoredMismatch(m) => {
                m.clone()
            }
            ReadOnly(m) => format!("the server cannot write right now (its storage is read-only); nothing was lost, try again later: {m}"),
            QuotaFull(Some((used, quota, length))) => format!(
                "storage is full: {used} of {quota} bytes used, and this file needs {length} more. Free some space or ask for a larger quota."
            ),
            QuotaFull(None) => "storage is full: this upload goes past the quota; the chunk was discarded".into(),
            KioskFull => "this kiosk cannot take more right now".into(),
            AlbumExists => "an album of that name already exists".into(),
            AlbumLiveVisit => "this album is the drop of a kiosk visit still going on; change it once the visit has ended".into(),
            OverKioskLimit { length, limit } => format!("{length} bytes is over this kiosk's limit of {limit} bytes"),
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
        res.extensions_mut().insert(self.body());
        let h = res.headers_mut();
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain; charset=utf-8"));
        h.insert(H_SHOEBOX_ERROR, HeaderValue::from_static(self.code().as_str()));
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

/// On `/api/v1`: an `ApiError` answer's body becomes its JSON (`{"code", "message", …values}`);
/// the status and the other headers stay.
pub async fn json_errors(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let Some(body) = res.extensions_mut().remove::<ApiErrorBody>() else { return res };
    let json = serde_json::to_string(&body).unwrap_or_default();
    let (mut parts, _) = res.into_parts();
    parts.headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, axum::body::Body::from(json))
}
