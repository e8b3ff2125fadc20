//! HTTP as the engine speaks it: the requests it asks the driver to send (method, URL,
//! headers, a body that names Blob slices, never bytes) and what comes back.
use serde::{Deserialize, Serialize};

use super::types::FileId;
/// Checksums are tus vocabulary, shared with the worker; the engine's requests name them.
pub use crate::tus::ChecksumAlgo;

/// HTTP method of a request the engine asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Method {
    Get,
    Head,
    Post,
    Patch,
    Delete,
    Options,
    /// Only for a library thumbnail (`PUT /api/v1/media/{sha256}/thumb`).
    Put,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Head => "HEAD",
            Method::Post => "POST",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
            Method::Options => "OPTIONS",
            Method::Put => "PUT",
        }
    }
}

/// Which bytes a slice body comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Source {
    /// The file itself (`File.slice`).
    Original,
    /// The blob returned by Prepare for this file.
    Prepared,
}

/// A request body. The engine never holds file bytes: the driver sends Blob slices.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Body {
    Empty,
    /// `Content-Type: application/json` is already among the headers.
    Json(String),
    /// Bytes `start..end` of the file (or of its prepared blob). When `checksum` is set, the
    /// driver digests exactly these bytes (in a worker) and adds the header
    /// `Upload-Checksum: <ChecksumAlgo::header_value(digest)>` before sending.
    Slice {
        file: FileId,
        source: Source,
        start: u64,
        end: u64,
        checksum: Option<ChecksumAlgo>,
    },
}

impl Body {
    /// Number of body bytes (0 for Empty/Json are counted as small; only slices count in flight).
    pub fn slice_len(&self) -> u64 {
        match self {
            Body::Slice { start, end, .. } => end - start,
            _ => 0,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HttpRequest {
    pub method: Method,
    /// Absolute, or a path when the endpoint was given as a path.
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Body,
}

impl HttpRequest {
    /// The value of a header (case-insensitive name).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// What came back. Header names may be in any case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct HttpResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    /// Text body (JSON or a plain-text reason); the engine only reads small bodies.
    pub body: String,
}

impl HttpResponse {
    pub fn new(status: u16) -> Self {
        HttpResponse { status, headers: Vec::new(), body: String::new() }
    }
    pub fn with_header(mut self, k: &str, v: &str) -> Self {
        self.headers.push((k.into(), v.into()));
        self
    }
    pub fn with_body(mut self, b: &str) -> Self {
        self.body = b.into();
        self
    }
    /// The value of a header (case-insensitive name).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.trim())
    }
}

/// Why a request produced no response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NetError {
    /// The browser says it is offline (`navigator.onLine` false). Costs no attempt.
    Offline,
    Timeout,
    /// The driver aborted it (normally because the engine asked; such answers are ignored).
    Aborted,
    /// The connection failed: refused, reset, DNS, CORS (XHR status 0); the browser does not
    /// say which.
    Connection,
    /// The body (the file or its prepared copy) was no longer there to send.
    Gone,
    /// The body's checksum could not be computed.
    Worker(crate::failure::WorkerFault),
    /// Anything else, in the platform's own words (shown untranslated).
    Other(String),
}
