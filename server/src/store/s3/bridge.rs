//! Runs the async object-store client from the blocking `Store` methods. The store owns a small
//! runtime of its own: its methods are called from `spawn_blocking` threads, from CLI commands
//! without a runtime and from tests on current-thread runtimes, and `Handle::block_on` would
//! panic in some of those. A task spawned on our runtime and awaited through a std channel
//! works from any thread.
use bytes::Bytes;
use futures_util::stream::BoxStream;
use futures_util::StreamExt;
use std::future::Future;
use std::io::{self, Read};
use std::sync::Arc;

pub struct Bridge {
    rt: Option<tokio::runtime::Runtime>,
}

impl Bridge {
    pub fn new() -> io::Result<Arc<Self>> {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).thread_name("shoebox-s3").enable_all().build()?;
        Ok(Arc::new(Bridge { rt: Some(rt) }))
    }

    /// Runs `f` on the store's runtime and waits for its result on this thread.
    pub fn run<T: Send + 'static>(&self, f: impl Future<Output = T> + Send + 'static) -> io::Result<T> {
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        self.rt.as_ref().expect("runtime").spawn(async move {
            let _ = tx.send(f.await);
        });
        rx.recv().map_err(|_| io::Error::other("object store task ended without an answer"))
    }
}

impl Drop for Bridge {
    fn drop(&mut self) {
        // A plain drop blocks, which panics when the last AppState goes away inside a runtime.
        if let Some(rt) = self.rt.take() {
            rt.shutdown_background();
        }
    }
}

/// A blocking reader over an object's byte stream: holds one network chunk at a time, so
/// reading a 10 GB object needs no more memory than one chunk.
pub struct StreamReader {
    bridge: Arc<Bridge>,
    stream: Option<BoxStream<'static, object_store::Result<Bytes>>>,
    chunk: Bytes,
}

impl StreamReader {
    pub fn new(bridge: Arc<Bridge>, stream: BoxStream<'static, object_store::Result<Bytes>>) -> Self {
        StreamReader { bridge, stream: Some(stream), chunk: Bytes::new() }
    }
}

impl Read for StreamReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.chunk.is_empty() {
            let Some(mut stream) = self.stream.take() else { return Ok(0) };
            // The stream moves into the task and back, since the task must be 'static.
            let (stream, next) = self.bridge.run(async move {
                let next = stream.next().await;
                (stream, next)
            })?;
            match next {
                None => return Ok(0),
                Some(Err(e)) => return Err(io_error(e)),
                Some(Ok(b)) => {
                    self.stream = Some(stream);
                    self.chunk = b;
                }
            }
        }
        let n = buf.len().min(self.chunk.len());
        buf[..n].copy_from_slice(&self.chunk[..n]);
        let _ = self.chunk.split_to(n);
        Ok(n)
    }
}

/// The client's errors as I/O errors; a missing object stays `NotFound`, which callers test for.
pub fn io_error(e: object_store::Error) -> io::Error {
    match e {
        object_store::Error::NotFound { .. } => io::Error::new(io::ErrorKind::NotFound, e.to_string()),
        e => io::Error::other(e.to_string()),
    }
}
