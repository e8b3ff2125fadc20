//! How big each PATCH is and which chunk's checksum is digested ahead. On a fast link the
//! per-chunk costs (a round trip, the server's fsync before it answers the offset, and the
//! chunk's `Upload-Checksum` digest in a worker) dominate an 8 MiB chunk, so a file's chunks
//! grow while they keep arriving quickly, and the next chunk is digested while the current one
//! is in flight, so the digest is off the critical path.
use super::file::FileState;
use super::http::{ChecksumAlgo, Source};
use super::types::*;
use super::view::Action;
use super::Engine;

/// A chunk that took less than this (sent to answered) doubles the file's next chunks: a
/// doubled chunk still takes under a second, so a failed or stalled one costs little again.
pub const CHUNK_GROW_BELOW_MS: u64 = 500;

impl Engine {
    /// The chunk size the settings or the server ask for (the start of every file).
    pub(crate) fn base_chunk(&self) -> u64 {
        let c =
            self.settings.chunk_size.or(self.server.config.as_ref().map(|c| c.chunk_size).filter(|c| *c > 0)).unwrap_or(DEFAULT_CHUNK_SIZE);
        c.min(self.settings.max_bytes_in_flight).max(1)
    }

    /// The largest chunk a file may grow to: chunks grow only on a Shoebox server (it takes a
    /// body of any size; a third-party server or its proxy may limit one) and only when the
    /// settings do not fix the size; the uploading files share the bytes-in-flight budget.
    fn max_chunk(&self) -> u64 {
        let base = self.base_chunk();
        if self.settings.chunk_size.is_some() || self.server.config.is_none() {
            return base;
        }
        (self.settings.max_bytes_in_flight / self.q.active.len().max(1) as u64).max(base)
    }

    /// This file's chunk size now.
    pub(crate) fn file_chunk(&self, f: &FileState) -> u64 {
        f.up.chunk.clamp(self.base_chunk(), self.max_chunk())
    }

    /// The end of the PATCH starting at `start`: the range digested ahead when it starts
    /// there (its digest is ready or on its way), else one chunk.
    pub(crate) fn patch_end(&self, f: &FileState, start: u64) -> u64 {
        match f.up.ahead {
            Some((s, e)) if s == start && e > s => e.min(f.upload_size()),
            _ => start.saturating_add(self.file_chunk(f)).min(f.upload_size()),
        }
    }

    /// A request of this file went out and the next body will start at `next`: digest that
    /// chunk now (when chunks carry a checksum), while this one is in flight.
    pub(crate) fn digest_ahead(&mut self, id: FileId, next: u64, algo: Option<ChecksumAlgo>) {
        let Some(f) = self.files.get(&id) else { return };
        let size = f.upload_size();
        let Some(algo) = algo.filter(|_| next < size) else {
            self.with_file(id, |f| f.up.ahead = None);
            return;
        };
        let end = next.saturating_add(self.file_chunk(f)).min(size);
        let source = if f.prepared.is_some() { Source::Prepared } else { Source::Original };
        self.with_file(id, |f| f.up.ahead = Some((next, end)));
        self.out.act(Action::Digest { file: id, source, start: next, end, algo });
    }

    /// A PATCH of `len` bytes took `took_ms`: a chunk that came back quickly doubles the
    /// file's next chunks (up to `max_chunk`). The PATCH just answered may be half the current
    /// size (its range was fixed when it was digested ahead); a smaller one (the file's last
    /// bytes, or a tail after a HEAD) says little about the link.
    pub(crate) fn chunk_answered(&mut self, id: FileId, len: u64, took_ms: u64) {
        let Some(f) = self.files.get(&id) else { return };
        let chunk = self.file_chunk(f);
        if len.saturating_mul(2) >= chunk && took_ms < CHUNK_GROW_BELOW_MS {
            let grown = chunk.saturating_mul(2).min(self.max_chunk());
            self.with_file(id, |f| f.up.chunk = grown);
        }
    }

    /// Something went wrong with a file's request: its chunks start small again.
    pub(crate) fn chunk_reset(&mut self, id: FileId) {
        if self.files.get(&id).is_some_and(|f| f.up.chunk != 0 || f.up.ahead.is_some()) {
            self.with_file(id, |f| {
                f.up.chunk = 0;
                f.up.ahead = None;
            });
        }
    }
}
