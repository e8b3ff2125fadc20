//! tus wire helpers for the client: server capabilities from OPTIONS and request headers
//! (URL resolution is `url.rs`). Pure functions.
use super::http::{ChecksumAlgo, HttpResponse};
use crate::api::error::{ApiErrorBody, ApiErrorCode, H_SHOEBOX_ERROR};
use crate::failure::FailReason;
use crate::tus::*;
pub use crate::url::{origin_of, resolve_url};

/// What OPTIONS said about a tus endpoint. `Default` is what we assume when OPTIONS fails:
/// core protocol plus creation, nothing else.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ServerCaps {
    pub creation_with_upload: bool,
    pub termination: bool,
    /// Checksum algorithms offered that we know (empty without the checksum extension).
    pub checksums: Vec<ChecksumAlgo>,
    pub max_size: Option<u64>,
}

impl ServerCaps {
    pub fn from_options(r: &HttpResponse) -> ServerCaps {
        let list = |h: &str| -> Vec<String> {
            r.header(h).unwrap_or("").split(',').map(|s| s.trim().to_ascii_lowercase()).filter(|s| !s.is_empty()).collect()
        };
        let ext = list(H_TUS_EXTENSION);
        let has = |e: &str| ext.iter().any(|x| x == e);
        let checksums = if has("checksum") {
            list(H_TUS_CHECKSUM_ALGORITHM).iter().filter_map(|a| ChecksumAlgo::parse(a)).collect()
        } else {
            Vec::new()
        };
        ServerCaps {
            creation_with_upload: has("creation-with-upload"),
            termination: has("termination"),
            checksums,
            max_size: r.header(H_TUS_MAX_SIZE).and_then(|v| v.parse().ok()),
        }
    }

    /// The checksum a chunk carries: the most preferred algorithm (crc32c, sha256, sha1, md5)
    /// that the server offers and the driver can compute (`supported`); `None` (no checksum,
    /// never a failed file) when they have none in common. The server's own order is ignored:
    /// crc32c is only a transfer check, the whole file's SHA-256 is verified at completion.
    pub fn checksum_for(&self, supported: &[ChecksumAlgo]) -> Option<ChecksumAlgo> {
        ChecksumAlgo::ALL.into_iter().find(|a| self.checksums.contains(a) && supported.contains(a))
    }
}

/// `Upload-Offset` of a response, when present and a number.
pub fn upload_offset(r: &HttpResponse) -> Option<u64> {
    r.header(H_UPLOAD_OFFSET)?.parse().ok()
}

/// `Upload-Duplicate: ?1` (contracts.md).
pub fn is_duplicate(r: &HttpResponse) -> bool {
    r.header(H_UPLOAD_DUPLICATE).map(|v| v == "?1").unwrap_or(false)
}

/// `Retry-After` in ms, when given in seconds.
pub fn retry_after_ms(r: &HttpResponse) -> Option<u64> {
    r.header("Retry-After")?.parse::<u64>().ok().map(|s| s.saturating_mul(1000))
}

/// Why the server refused: its status, Shoebox's code (the `Shoebox-Error` header of a tus
/// answer, or the JSON body of an API answer) and its own text, short enough for a file row.
pub fn reason(r: &HttpResponse) -> FailReason {
    let detail: String = detail(r);
    let code = match r.header(H_SHOEBOX_ERROR) {
        Some(h) => Some(ApiErrorCode::parse(h)),
        None => serde_json::from_str::<ApiErrorBody>(&r.body).ok().map(|b| b.code),
    };
    if detail.is_empty() && code.is_none() {
        FailReason::ServerAnswered { status: r.status }
    } else {
        FailReason::ServerSaid { status: r.status, code, detail }
    }
}

/// The server's own text: a tus body as it is, an API body's `message`; at most 200 characters.
pub fn detail(r: &HttpResponse) -> String {
    let body = r.body.trim();
    let text = serde_json::from_str::<ApiErrorBody>(body).map(|b| b.message).unwrap_or_else(|_| body.to_string());
    text.trim().chars().take(200).collect()
}

/// Headers every request carries.
pub fn base_headers(token: &Option<String>, tus: bool) -> Vec<(String, String)> {
    let mut h = Vec::with_capacity(6);
    if tus {
        h.push((H_TUS_RESUMABLE.to_string(), TUS_VERSION.to_string()));
    }
    if let Some(t) = token {
        h.push(("Authorization".to_string(), format!("Bearer {t}")));
    }
    h
}

#[cfg(test)]
mod checksum_tests {
    use super::*;

    fn caps(ext: &str, algos: &str) -> ServerCaps {
        ServerCaps::from_options(&HttpResponse::new(204).with_header(H_TUS_EXTENSION, ext).with_header(H_TUS_CHECKSUM_ALGORITHM, algos))
    }

    #[test]
    fn checksum_is_what_both_sides_can_do_crc32c_then_sha256_then_sha1_then_md5() {
        let both = ChecksumAlgo::ALL;
        // Shoebox's own server's list, and the same in another order or case.
        assert_eq!(caps("creation,checksum", "crc32c,sha1,sha256,md5").checksum_for(&both), Some(ChecksumAlgo::Crc32c));
        assert_eq!(caps("creation,checksum", "md5, sha256, CRC32C").checksum_for(&both), Some(ChecksumAlgo::Crc32c));
        // A driver that cannot compute crc32c gets the best of the rest.
        let no_crc = [ChecksumAlgo::Sha256, ChecksumAlgo::Sha1, ChecksumAlgo::Md5];
        assert_eq!(caps("creation,checksum", "crc32c,sha1,sha256,md5").checksum_for(&no_crc), Some(ChecksumAlgo::Sha256));
        assert_eq!(caps("creation,checksum", "crc32c").checksum_for(&no_crc), None);
        assert_eq!(caps("creation,checksum", "md5,sha1,sha256").checksum_for(&both), Some(ChecksumAlgo::Sha256));
        assert_eq!(caps("creation,checksum", "SHA1").checksum_for(&both), Some(ChecksumAlgo::Sha1));
        assert_eq!(caps("creation,checksum", "crc32,md5").checksum_for(&both), Some(ChecksumAlgo::Md5));
        // Offered only what the driver cannot compute: no checksum at all.
        assert_eq!(caps("creation,checksum", "crc32").checksum_for(&both), None);
        assert_eq!(caps("creation,checksum", "md5").checksum_for(&[ChecksumAlgo::Sha256]), None);
        assert_eq!(caps("creation", "sha256").checksum_for(&both), None);
    }
}
