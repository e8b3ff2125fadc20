//! Verifying an upload against what its storage holds while the bytes arrive, so completion
//! does not read the whole file again. The received stream is cut into pieces, each with the
//! CRC32C of what was received. Once a PATCH's bytes are durable, its pieces are read back
//! from the device (`Store::upload_read_back`) on a thread that outlives the PATCH (`behind`),
//! folding them into the SHA-256 of what is stored and comparing each piece's CRC32C with the
//! received one. Completion waits for what is still being read (the last PATCH's bytes, after
//! its fsync), so every byte is read back once, from the device,
//! after it was made durable, and the file's SHA-256 is that of what the disk holds. A piece
//! that came back different from what was received fails completion as a read-back mismatch.
use crate::store::ReadBack;
use sha2::{Digest, Sha256};

/// Pieces end at multiples of this offset, so every piece but an upload's first starts on a
/// block boundary (direct reads need aligned offsets), and a direct read fills one buffer.
pub const PIECE: u64 = 2 << 20;

/// How much of an upload has been read back from storage, what it held, and which durable
/// pieces are still to be read back.
#[derive(Clone)]
pub struct Progress {
    /// The stored bytes `[0, upto)` have been read back.
    upto: u64,
    /// SHA-256 over those stored bytes.
    sha: Sha256,
    /// Every piece read back was the bytes received, in length and CRC32C.
    agrees: bool,
    /// Durable pieces from `upto` on, in order, not read back yet.
    pending: Vec<Piece>,
}

impl Default for Progress {
    fn default() -> Self {
        Progress { upto: 0, sha: Sha256::new(), agrees: true, pending: Vec::new() }
    }
}

impl Progress {
    /// The end of the bytes this accounts for, read back or waiting to be.
    pub fn end(&self) -> u64 {
        self.pending.last().map_or(self.upto, |p| p.to)
    }

    /// Adds pieces made durable by a PATCH.
    pub fn extend(&mut self, pieces: Vec<Piece>) {
        self.pending.extend(pieces);
    }

    /// Reads the waiting pieces back, oldest first.
    pub fn catch_up(&mut self, rb: &mut dyn ReadBack) -> std::io::Result<()> {
        let mut done = 0;
        for p in &self.pending {
            let (sha, mut crc) = (&mut self.sha, 0u32);
            let got = rb.read_range(p.from, p.to, &mut |b| {
                crc = crc32c::crc32c_append(crc, b);
                sha.update(b);
            })?;
            if got != p.to - p.from || crc != p.crc {
                self.agrees = false;
            }
            self.upto = p.to;
            done += 1;
        }
        self.pending.drain(..done);
        Ok(())
    }

    /// Once everything is read back: the stored bytes' SHA-256 (hex), and whether they are the
    /// bytes that were received. None while pieces are still waiting.
    pub fn digest(self) -> Option<(String, bool)> {
        self.pending.is_empty().then(|| (shoebox_core::hash::hex(&self.sha.finalize()), self.agrees))
    }
}

/// Received bytes `[from, to)` and their CRC32C.
#[derive(Clone)]
pub struct Piece {
    from: u64,
    to: u64,
    crc: u32,
}

impl Piece {
    pub fn end(&self) -> u64 {
        self.to
    }
}

/// Cuts the received stream (in order, bytes already written) into pieces.
pub struct Cutter {
    from: u64,
    at: u64,
    crc: u32,
    pieces: Vec<Piece>,
}

impl Cutter {
    pub fn new(start: u64) -> Self {
        Cutter { from: start, at: start, crc: 0, pieces: Vec::new() }
    }

    pub fn feed(&mut self, mut b: &[u8]) {
        while !b.is_empty() {
            let boundary = (self.at / PIECE + 1) * PIECE;
            let k = ((boundary - self.at) as usize).min(b.len());
            self.crc = crc32c::crc32c_append(self.crc, &b[..k]);
            self.at += k as u64;
            b = &b[k..];
            if self.at == boundary {
                self.pieces.push(Piece { from: self.from, to: self.at, crc: self.crc });
                (self.from, self.crc) = (self.at, 0);
            }
        }
    }

    /// Every piece, the last one partial.
    pub fn finish(mut self) -> Vec<Piece> {
        if self.at > self.from {
            self.pieces.push(Piece { from: self.from, to: self.at, crc: self.crc });
        }
        self.pieces
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_cover_the_stream_and_end_on_boundaries() {
        let data: Vec<u8> = (0..(5 * PIECE as usize + 123)).map(|i| (i * 31 % 251) as u8).collect();
        let start = 300_000u64;
        let mut cut = Cutter::new(start);
        for frame in data.chunks(65_537) {
            cut.feed(frame);
        }
        let pieces = cut.finish();
        let mut at = start;
        for p in &pieces {
            assert_eq!(p.from, at);
            let slice = &data[(p.from - start) as usize..(p.to - start) as usize];
            assert_eq!(p.crc, crc32c::crc32c(slice));
            at = p.to;
        }
        assert_eq!(at, start + data.len() as u64);
        assert!(pieces[..pieces.len() - 1].iter().all(|p| p.to % PIECE == 0));
    }
}
