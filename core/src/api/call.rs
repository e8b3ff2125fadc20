//! One conversation with the JSON API as a flow asks for it, and what came back. Flows in
//! core build an [`ApiCall`]; the app's one request performer sends it to the engine's API base
//! with the bearer it names and hands the [`ApiAnswer`] back to the flow that asked, which reads
//! it with [`ApiReply::json`] into one of the typed shapes of [`crate::api`].
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::engine::{Method, NetError};

/// Which credential a call carries. The performer holds the tokens; flows only name one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Bearer {
    /// No `Authorization` header (pairing, kiosk profile).
    Nobody,
    /// The device's own access token from its settings.
    Device,
    /// A token the flow was given (a kiosk key, a visit's token).
    Token(String),
}

/// A request to `{api_base}{path}`; `body` is JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiCall {
    pub method: Method,
    /// Starts with `/api/v1/`, built from the path constants of [`crate::api`].
    pub path: String,
    pub bearer: Bearer,
    pub body: Option<String>,
}

impl ApiCall {
    pub fn get(path: impl Into<String>, bearer: Bearer) -> Self {
        ApiCall { method: Method::Get, path: path.into(), bearer, body: None }
    }
    pub fn delete(path: impl Into<String>, bearer: Bearer) -> Self {
        ApiCall { method: Method::Delete, path: path.into(), bearer, body: None }
    }
    /// A POST with `body` as JSON (`None`: an empty body).
    pub fn post<T: Serialize>(path: impl Into<String>, bearer: Bearer, body: Option<&T>) -> Self {
        // API shapes always serialize (no maps with non-string keys, no failing impls).
        let body = body.map(|b| serde_json::to_string(b).unwrap_or_default());
        ApiCall { method: Method::Post, path: path.into(), bearer, body }
    }
    pub fn with_method(mut self, method: Method) -> Self {
        self.method = method;
        self
    }
}

/// An answer: its status and its body text.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ApiReply {
    pub status: u16,
    pub body: String,
}

impl ApiReply {
    pub fn new(status: u16, body: impl Into<String>) -> Self {
        ApiReply { status, body: body.into() }
    }
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }
    /// The body as `T`; `None` when it is not that shape (a proxy's HTML page, a truncated body).
    pub fn json<T: DeserializeOwned>(&self) -> Option<T> {
        serde_json::from_str(&self.body).ok()
    }
    /// The server's error code (the JSON body of an `/api/v1` error answer); `None` for a
    /// success or a body that is not one (an older server, a proxy's page).
    pub fn code(&self) -> Option<super::ApiErrorCode> {
        if self.is_success() {
            return None;
        }
        self.json::<super::ApiErrorBody>().map(|b| b.code)
    }
}

/// What the performer hands back: an answer, or why none came.
pub type ApiAnswer = Result<ApiReply, NetError>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::CheckResponse;

    #[test]
    fn post_serializes_the_shape_and_json_reads_it_back() {
        let call = ApiCall::post(
            crate::api::CHECK_PATH,
            Bearer::Device,
            Some(&crate::api::CheckRequest { sha256: vec!["ab".into()], probes: vec![] }),
        );
        assert_eq!(call.method, Method::Post);
        assert_eq!(call.body.as_deref(), Some(r#"{"sha256":["ab"]}"#));
        let reply = ApiReply::new(200, r#"{"present":["ab"]}"#);
        assert!(reply.is_success());
        let parsed: Option<CheckResponse> = reply.json();
        assert!(parsed.is_some(), "a well-formed answer parses");
        assert!(ApiReply::new(200, "<html>").json::<CheckResponse>().is_none(), "a proxy's page does not");
    }

    #[test]
    fn an_error_answer_gives_its_code() {
        use crate::api::ApiErrorCode;
        assert_eq!(ApiReply::new(429, r#"{"code":"rate_limited","message":"wait"}"#).code(), Some(ApiErrorCode::RateLimited));
        assert_eq!(ApiReply::new(502, "<html>bad gateway</html>").code(), None, "a proxy's page has no code");
        assert_eq!(ApiReply::new(200, r#"{"code":"rate_limited","message":""}"#).code(), None, "a success is no error");
    }
}
