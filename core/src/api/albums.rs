//! The album calls' JSON shapes and paths (docs/api.md "Albums"): create, rename, add a
//! selection, remove items; and the one rule for an album's name, which the server enforces
//! and the app checks before asking.
use serde::{Deserialize, Serialize};

/// `POST` [`AlbumName`] → 201 [`AlbumName`]: a new, empty album.
pub const ALBUM_CREATE_PATH: &str = "/api/v1/albums";
/// `POST` [`AlbumRename`] → [`AlbumChanged`] (`renamed`: records moved).
pub const ALBUM_RENAME_PATH: &str = "/api/v1/albums/rename";
/// `POST` [`AlbumItems`] → [`AlbumChanged`] (`added`).
pub const ALBUM_ADD_PATH: &str = "/api/v1/albums/add";
/// `POST` [`AlbumItems`] → [`AlbumChanged`] (`removed`).
pub const ALBUM_REMOVE_PATH: &str = "/api/v1/albums/remove";

/// `POST` [`ZipAsk`] → [`ZipLink`]: a signed link to one zip of an album's or a selection's
/// originals, which a plain `<a download>` fetches (it cannot send a Bearer header).
pub const ALBUM_ZIP_PATH: &str = "/api/v1/albums/zip";
/// At most this many records in a selection's zip (its ids travel in the link).
pub const MAX_ZIP_IDS: usize = 2_000;

/// The longest name, in bytes (a Takeout album name's limit too).
pub const MAX_ALBUM_NAME_BYTES: usize = crate::takeout::meta::MAX_ALBUM_BYTES;
/// At most this many digests per add or remove.
pub const MAX_ALBUM_ITEMS: usize = 10_000;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct AlbumName {
    pub album: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct AlbumRename {
    pub from: String,
    pub to: String,
}

/// Items by content: the sha256 of each.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct AlbumItems {
    pub album: String,
    pub sha256: Vec<String>,
}

/// What to zip: an album by name, or records by id (one of the two).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ZipAsk {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub album: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ids: Option<Vec<String>>,
}

/// The zip's signed link (relative to the server), good for an hour or two, and its item count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ZipLink {
    pub url: String,
    pub count: u64,
}

/// What a change did: one of the counts is set, by the call.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct AlbumChanged {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renamed: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub added: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub removed: Option<u64>,
}

/// Why a name is not an album's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BadAlbumName {
    Empty,
    TooLong,
    ControlCharacters,
}

impl BadAlbumName {
    pub fn as_str(self) -> &'static str {
        match self {
            BadAlbumName::Empty => "is empty",
            BadAlbumName::TooLong => "is over 1024 bytes",
            BadAlbumName::ControlCharacters => "has control characters",
        }
    }
}

/// The name as stored (without the spaces around it), or why it cannot be one.
pub fn album_name(name: &str) -> Result<&str, BadAlbumName> {
    let n = name.trim();
    if n.is_empty() {
        Err(BadAlbumName::Empty)
    } else if n.len() > MAX_ALBUM_NAME_BYTES {
        Err(BadAlbumName::TooLong)
    } else if n.chars().any(char::is_control) {
        Err(BadAlbumName::ControlCharacters)
    } else {
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_checked() {
        assert_eq!(album_name("  Trip 2024 "), Ok("Trip 2024"));
        assert_eq!(album_name(" \t "), Err(BadAlbumName::Empty));
        assert_eq!(album_name("a\u{0}b"), Err(BadAlbumName::ControlCharacters));
        assert_eq!(album_name(&"é".repeat(513)), Err(BadAlbumName::TooLong));
        assert_eq!(album_name(&"é".repeat(512)).map(str::len), Ok(1024));
    }
}
