//! The CRC-32C of every 1 MiB piece of a file, kept by the pass that hashes it, so the crc32c
//! checksum of each chunk of the same file's upload is joined from them instead of reading the
//! chunk a second time, wherever the hash pass is ahead of the upload. Kept per worker for the
//! last few files; a chunk its pass has not reached, or one not made of whole pieces (a resume
//! from an odd offset), is read as before.
use shoebox_core::crc32c::{crc32c_append, crc32c_combine, Shift};
use shoebox_core::worker_protocol::CRC_PIECE;
use std::cell::RefCell;
use std::collections::VecDeque;

/// Files whose pieces a worker keeps: the uploads in flight at once, with room to spare.
const KEPT_FILES: usize = 8;

struct Pieces {
    file: u64,
    size: u64,
    crcs: Vec<u32>,
    current: u32,
    filled: u64,
}

thread_local! {
    static FILES: RefCell<VecDeque<Pieces>> = const { RefCell::new(VecDeque::new()) };
    static SHIFT: Shift = Shift::new(CRC_PIECE);
}

fn with_file<T>(file: u64, f: impl FnOnce(&mut Pieces) -> T) -> Option<T> {
    FILES.with(|files| files.borrow_mut().iter_mut().find(|p| p.file == file).map(f))
}

/// Records the pieces of one file while its hash pass reads it; dropped before [`finish`]
/// (the read failed) it forgets them.
///
/// [`finish`]: Recorder::finish
pub struct Recorder {
    file: u64,
    finished: bool,
}

impl Recorder {
    pub fn start(file: u64, size: u64) -> Recorder {
        FILES.with(|files| {
            let mut files = files.borrow_mut();
            files.retain(|p| p.file != file);
            if files.len() >= KEPT_FILES {
                files.pop_front();
            }
            files.push_back(Pieces { file, size, crcs: Vec::new(), current: 0, filled: 0 });
        });
        Recorder { file, finished: false }
    }

    /// The next bytes of the file, in order, whatever their length.
    pub fn feed(&self, mut bytes: &[u8]) {
        with_file(self.file, |p| {
            while !bytes.is_empty() {
                let n = ((CRC_PIECE - p.filled) as usize).min(bytes.len());
                p.current = crc32c_append(p.current, &bytes[..n]);
                p.filled += n as u64;
                bytes = &bytes[n..];
                if p.filled == CRC_PIECE {
                    p.crcs.push(p.current);
                    (p.current, p.filled) = (0, 0);
                }
            }
        });
    }

    /// The whole file was read: its short last piece counts too.
    pub fn finish(mut self) {
        with_file(self.file, |p| {
            if p.filled > 0 {
                p.crcs.push(p.current);
                (p.current, p.filled) = (0, 0);
            }
        });
        self.finished = true;
    }
}

impl Drop for Recorder {
    fn drop(&mut self) {
        if !self.finished {
            FILES.with(|files| files.borrow_mut().retain(|p| p.file != self.file));
        }
    }
}

/// What the kept pieces say of `len` bytes of `file` from `start`.
pub enum Lookup {
    /// Their CRC-32C, joined from the pieces.
    Crc(u32),
    /// No pieces give it (yet): read the chunk.
    No,
}

pub fn lookup(file: u64, start: u64, len: u64) -> Lookup {
    let end = start + len;
    with_file(file, |p| {
        // Whole pieces only; the file's short last piece counts as whole at the file's end.
        if !start.is_multiple_of(CRC_PIECE) || end > p.size || (!end.is_multiple_of(CRC_PIECE) && end != p.size) {
            return Lookup::No;
        }
        let (first, last) = (start / CRC_PIECE, end.div_ceil(CRC_PIECE));
        if (p.crcs.len() as u64) < last {
            return Lookup::No;
        }
        if first == last {
            return Lookup::Crc(0);
        }
        let mut crc = p.crcs[first as usize];
        for i in first + 1..last {
            let piece_len = (end - i * CRC_PIECE).min(CRC_PIECE);
            let next = p.crcs[i as usize];
            crc = if piece_len == CRC_PIECE { SHIFT.with(|s| s.join(crc, next)) } else { crc32c_combine(crc, next, piece_len) };
        }
        Lookup::Crc(crc)
    })
    .unwrap_or(Lookup::No)
}
