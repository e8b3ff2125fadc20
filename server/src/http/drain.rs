//! A request body the handler left unread is read to its end (within a bound) and dropped,
//! instead of being dropped at once. hyper closes a connection whose request body was not
//! read, and closing a socket that still holds unread bytes sends a TCP reset; a client still
//! sending then loses the answer already on its way and sees "connection reset". That is what
//! a browser met when the server answered before the body was read: a duplicate at creation
//! (`Upload-Duplicate`), a refused PATCH, a quota or kiosk refusal. Reading the rest lets the
//! answer arrive whole and keeps the connection for the next request.
use axum::body::{Body, Bytes};
use hyper::body::{Body as HttpBody, Frame, SizeHint};
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

/// The most a left-over body is read for: a chunk of any size the app's client sends (64 MiB
/// at most). A longer declared body (a whole file in one PATCH, say) is not wrapped at all:
/// its connection is closed as before rather than read for nothing.
pub const DRAIN_BYTES: u64 = 64 << 20;
/// And for how long in all, and between two pieces: a client that stops sending after the
/// answer gives its connection back soon.
const DRAIN_FOR: Duration = Duration::from_secs(60);
const DRAIN_IDLE: Duration = Duration::from_secs(5);

/// The request body handed to the router; see the file's header.
pub struct DrainOnDrop {
    inner: Body,
    ended: bool,
}

impl DrainOnDrop {
    pub fn wrap(inner: Body) -> Body {
        Body::new(DrainOnDrop { inner, ended: false })
    }

    /// Whether a request's body is worth wrapping: one is coming (not empty), it may be sent
    /// without waiting for "100 Continue" (a client that waits sends nothing after an early
    /// answer), and it is not declared longer than the bound.
    pub fn worth_it(headers: &axum::http::HeaderMap, body_ended: bool) -> bool {
        use axum::http::header::{CONTENT_LENGTH, EXPECT};
        let declared = headers.get(CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
        !body_ended && !headers.contains_key(EXPECT) && declared.is_none_or(|n| n > 0 && n <= DRAIN_BYTES)
    }
}

impl HttpBody for DrainOnDrop {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        let polled = Pin::new(&mut self.inner).poll_frame(cx);
        if matches!(polled, Poll::Ready(None | Some(Err(_)))) {
            self.ended = true;
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.ended || self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

impl Drop for DrainOnDrop {
    fn drop(&mut self) {
        if self.is_end_stream() {
            return;
        }
        // Outside a runtime (a test dropping a request) there is no connection to keep.
        let Ok(runtime) = tokio::runtime::Handle::try_current() else { return };
        runtime.spawn(drain(std::mem::take(&mut self.inner)));
    }
}

async fn drain(mut body: Body) {
    let read = async {
        let mut left = DRAIN_BYTES;
        loop {
            let next = std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx));
            let Ok(Some(Ok(frame))) = tokio::time::timeout(DRAIN_IDLE, next).await else { return };
            let n = frame.data_ref().map_or(0, Bytes::len) as u64;
            if n > left {
                return;
            }
            left -= n;
        }
    };
    let _ = tokio::time::timeout(DRAIN_FOR, read).await;
}
