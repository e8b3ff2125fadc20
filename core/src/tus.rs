//! tus 1.0 protocol vocabulary: header names, the `Upload-Metadata` encoding and the metadata
//! keys of contracts.md, and the checksum algorithms. The engine (client), the worker and the
//! server use these.
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde::{Deserialize, Serialize};

pub const TUS_VERSION: &str = "1.0.0";
pub const H_TUS_RESUMABLE: &str = "Tus-Resumable";
pub const H_TUS_VERSION: &str = "Tus-Version";
pub const H_TUS_EXTENSION: &str = "Tus-Extension";
pub const H_TUS_MAX_SIZE: &str = "Tus-Max-Size";
pub const H_TUS_CHECKSUM_ALGORITHM: &str = "Tus-Checksum-Algorithm";
pub const H_UPLOAD_OFFSET: &str = "Upload-Offset";
pub const H_UPLOAD_LENGTH: &str = "Upload-Length";
pub const H_UPLOAD_DEFER_LENGTH: &str = "Upload-Defer-Length";
pub const H_UPLOAD_METADATA: &str = "Upload-Metadata";
pub const H_UPLOAD_EXPIRES: &str = "Upload-Expires";
pub const H_UPLOAD_CHECKSUM: &str = "Upload-Checksum";
pub const H_UPLOAD_CONCAT: &str = "Upload-Concat";
pub const H_UPLOAD_DUPLICATE: &str = "Upload-Duplicate";
/// On a PATCH to Shoebox's server: the whole file's SHA-256, declared when it was not known at
/// creation (the file was hashed while it was sent); checked at completion like `sha256`.
pub const H_SHOEBOX_SHA256: &str = "Shoebox-Sha256";
pub const OFFSET_CONTENT_TYPE: &str = "application/offset+octet-stream";

/// Metadata keys (contracts.md "Upload-Metadata keys").
pub mod keys {
    pub const FILENAME: &str = "filename";
    pub const FILETYPE: &str = "filetype";
    pub const RELATIVE_PATH: &str = "relativePath";
    pub const LAST_MODIFIED: &str = "lastModified";
    pub const SHA256: &str = "sha256";
    pub const SOURCE_SHA256: &str = "sourceSha256";
    pub const ALBUM: &str = "album";
    /// When the item was taken, as an RFC 3339 instant (from a Takeout sidecar).
    pub const TAKEN_AT: &str = "takenAt";
    /// Where it was taken, decimal degrees (both or neither).
    pub const LAT: &str = "lat";
    pub const LON: &str = "lon";
    pub const DESCRIPTION: &str = "description";
    /// The albums it belongs to, as a JSON list of names.
    pub const ALBUMS: &str = "albums";
    /// Marked as a favourite in Google Photos: `true` or `false`.
    pub const FAVORITED: &str = "favorited";
    /// Archived in Google Photos (hidden from its main view): `true` or `false`.
    pub const ARCHIVED: &str = "archived";
}

/// Encode metadata pairs as `key base64(value)` joined by commas. A `None` value writes the key alone.
pub fn encode_metadata<'a>(pairs: impl IntoIterator<Item = (&'a str, Option<&'a str>)>) -> String {
    pairs
        .into_iter()
        .map(|(k, v)| match v {
            Some(v) => format!("{k} {}", STANDARD.encode(v.as_bytes())),
            None => k.to_string(),
        })
        .collect::<Vec<_>>()
        .join(",")
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetadataError(pub String);

/// Decode an `Upload-Metadata` header. Values that are not valid base64 or not UTF-8 are errors
/// (the server answers 400 with the message). A key alone decodes to an empty value.
pub fn decode_metadata(header: &str) -> Result<Vec<(String, String)>, MetadataError> {
    let mut out = Vec::new();
    for part in header.split(',') {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let mut it = part.splitn(2, ' ');
        let key = it.next().unwrap_or_default();
        if key.is_empty() || key.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(MetadataError(format!("invalid metadata key {key:?}")));
        }
        let value = match it.next() {
            None => String::new(),
            Some(v) => {
                let bytes =
                    STANDARD.decode(v.trim()).map_err(|_| MetadataError(format!("metadata value for {key:?} is not valid base64")))?;
                String::from_utf8(bytes).map_err(|_| MetadataError(format!("metadata value for {key:?} is not UTF-8")))?
            }
        };
        out.push((key.to_string(), value));
    }
    Ok(out)
}

/// Per-PATCH checksum algorithm (tus checksum extension), only when the server advertised it
/// and the driver can compute it (`Engine::set_checksum_support`). In order of preference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChecksumAlgo {
    /// Shoebox's own server offers it first: a chunk's transfer corruption is caught at
    /// memory speed on both sides, while the whole file's SHA-256 is still declared and
    /// verified at completion.
    Crc32c,
    Sha256,
    Sha1,
    /// Only when a server offers nothing better: MD5 still catches transfer corruption.
    Md5,
}

impl ChecksumAlgo {
    pub const ALL: [ChecksumAlgo; 4] = [ChecksumAlgo::Crc32c, ChecksumAlgo::Sha256, ChecksumAlgo::Sha1, ChecksumAlgo::Md5];

    pub fn name(self) -> &'static str {
        match self {
            ChecksumAlgo::Crc32c => "crc32c",
            ChecksumAlgo::Sha256 => "sha256",
            ChecksumAlgo::Sha1 => "sha1",
            ChecksumAlgo::Md5 => "md5",
        }
    }
    /// The algorithm a `Tus-Checksum-Algorithm` entry names (case-insensitive), if we know it.
    pub fn parse(name: &str) -> Option<ChecksumAlgo> {
        ChecksumAlgo::ALL.into_iter().find(|a| a.name().eq_ignore_ascii_case(name.trim()))
    }
    /// The `Upload-Checksum` header value for a slice whose raw digest is `digest`.
    pub fn header_value(self, digest: &[u8]) -> String {
        format!("{} {}", self.name(), STANDARD.encode(digest))
    }
}

/// The raw `crc32c` digest of a chunk: its CRC-32C as 4 bytes big-endian, the form the server
/// compares (and object stores send).
pub fn crc32c_digest(bytes: &[u8]) -> [u8; 4] {
    crate::crc32c::crc32c(bytes).to_be_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn metadata_round_trip() {
        let h = encode_metadata([("filename", Some("Été 2024/ä b.jpg")), ("flag", None)]);
        let d = decode_metadata(&h).unwrap();
        assert_eq!(d, vec![("filename".into(), "Été 2024/ä b.jpg".into()), ("flag".into(), String::new())]);
    }
    #[test]
    fn bad_base64_is_an_error() {
        assert!(decode_metadata("filename !!!").is_err());
    }
    #[test]
    fn crc32c_digest_is_the_castagnoli_crc_big_endian_in_base64() {
        // The check value of CRC-32C (RFC 3720's polynomial) for the ASCII digits 1 to 9.
        assert_eq!(crc32c_digest(b"123456789"), [0xE3, 0x06, 0x92, 0x83]);
        assert_eq!(ChecksumAlgo::Crc32c.header_value(&crc32c_digest(b"123456789")), "crc32c 4waSgw==");
        assert_eq!(crc32c_digest(b""), [0, 0, 0, 0]);
    }
    #[test]
    fn algorithm_names_parse_case_insensitively_in_order_of_preference() {
        assert_eq!(ChecksumAlgo::parse(" CRC32C "), Some(ChecksumAlgo::Crc32c));
        assert_eq!(ChecksumAlgo::parse("Sha256"), Some(ChecksumAlgo::Sha256));
        assert_eq!(ChecksumAlgo::parse("crc32"), None);
        assert_eq!(ChecksumAlgo::ALL.map(ChecksumAlgo::name), ["crc32c", "sha256", "sha1", "md5"]);
        assert_eq!(serde_json::to_string(&ChecksumAlgo::Crc32c).unwrap(), "\"crc32c\"");
    }
}
