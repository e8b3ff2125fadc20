//! What the server remembers about one tus upload, apart from its bytes (rustus keeps the same
//! split): owner, length, metadata, concatenation role, expiry and completion.
use serde::{Deserialize, Serialize};
use std::fmt;

/// An upload id: 32 lower-case hex characters from the OS random source. Parsing is the only
/// way to get one, so a file name built from it can never contain `/` or `..`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct UploadId(String);

impl UploadId {
    pub fn random() -> Self {
        let mut b = [0u8; 16];
        getrandom::getrandom(&mut b).expect("OS random source");
        UploadId(shoebox_core::hash::hex(&b))
    }
    pub fn parse(s: &str) -> Option<Self> {
        (s.len() == 32 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))).then(|| UploadId(s.to_string()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for UploadId {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        UploadId::parse(&s).ok_or_else(|| format!("invalid upload id {s:?}"))
    }
}
impl From<UploadId> for String {
    fn from(id: UploadId) -> String {
        id.0
    }
}
impl fmt::Display for UploadId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// tus concatenation role.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub enum Concat {
    #[default]
    None,
    Partial,
    Final(Vec<UploadId>),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum UploadState {
    /// Receiving bytes; the durable offset is what the store holds.
    Receiving,
    /// All bytes arrived. `sha256` is None for a partial upload (only its final is hashed).
    /// `bytes_kept` is true while the store still holds this upload's own bytes (partials
    /// until a final consumes them); a whole upload's bytes live on as a content blob.
    Complete { sha256: Option<String>, bytes_kept: bool },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UploadInfo {
    pub id: UploadId,
    pub user: String,
    /// None while the length is deferred (creation-defer-length).
    pub length: Option<u64>,
    /// `Upload-Metadata` exactly as the client sent it, echoed on HEAD.
    pub metadata_raw: Option<String>,
    /// Decoded pairs. Data only: nothing here ever names a file.
    pub metadata: Vec<(String, String)>,
    pub concat: Concat,
    pub created_ms: u64,
    pub expires_ms: u64,
    pub state: UploadState,
    /// The kiosk visitor session that created it (the hash of its token): only that session
    /// may continue, read or end it.
    #[serde(default)]
    pub session: Option<String>,
}

impl UploadInfo {
    pub fn meta(&self, key: &str) -> Option<&str> {
        self.metadata.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }
    pub fn is_complete(&self) -> bool {
        matches!(self.state, UploadState::Complete { .. })
    }
}
