//! A zip archive written as it is read: stored entries (photos and videos are compressed
//! already), each followed by a data descriptor with its CRC-32, so nothing is held in memory
//! or on disk and the HTTP body needs no seeking. ZIP64 records are written for an entry, an
//! offset or a count past the classic format's limits, so archives over 4 GiB open. Names are
//! UTF-8 (flag bit 11) and unique within the archive.
use std::collections::{HashSet, VecDeque};
use std::io::{self, Read};

const LIMIT32: u64 = 0xFFFF_FFFF;
const LIMIT16: u64 = 0xFFFF;
/// General purpose flags: sizes and CRC in a data descriptor (bit 3), UTF-8 names (bit 11).
const FLAGS: u16 = 0x0808;

/// One file of the archive: its name inside it, its length, its DOS date, and how to open it.
pub struct Entry {
    pub name: String,
    pub len: u64,
    /// (year, month, day) of the item; 1980-01-01 when unknown.
    pub date: Option<(u16, u16, u16)>,
    pub open: Box<dyn FnOnce() -> io::Result<Box<dyn Read + Send>> + Send>,
}

struct Written {
    name: Vec<u8>,
    dos_date: u16,
    crc: u32,
    len: u64,
    offset: u64,
}

enum State {
    /// The next entry's local header is due.
    Next,
    /// Copying an entry's bytes: its reader, its CRC so far and bytes left.
    Body(Box<dyn Read + Send>, crc32fast::Hasher, u64),
    Done,
}

/// The archive as a reader: each `read` gives the next bytes of it.
pub struct ZipReader {
    entries: VecDeque<Entry>,
    written: Vec<Written>,
    pending: VecDeque<u8>,
    state: State,
    offset: u64,
    current: Option<Written>,
    /// ZIP64 records from this size, offset or count on (the format's limit; lower in tests).
    zip64_from: u64,
}

/// `names` made unique in order: a repeated name gets " (2)", " (3)"… before its extension.
pub fn unique_names(names: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut seen = HashSet::new();
    names
        .into_iter()
        .map(|n| {
            let (stem, ext) = match n.rfind('.').filter(|&i| i > 0) {
                Some(i) => (n[..i].to_string(), n[i..].to_string()),
                None => (n.clone(), String::new()),
            };
            let mut candidate = n;
            let mut k = 2;
            while !seen.insert(candidate.to_lowercase()) {
                candidate = format!("{stem} ({k}){ext}");
                k += 1;
            }
            candidate
        })
        .collect()
}

impl ZipReader {
    pub fn new(entries: Vec<Entry>) -> Self {
        Self::with_zip64_from(entries, LIMIT32)
    }

    pub fn with_zip64_from(entries: Vec<Entry>, zip64_from: u64) -> Self {
        ZipReader {
            entries: entries.into(),
            written: Vec::new(),
            pending: VecDeque::new(),
            state: State::Next,
            offset: 0,
            current: None,
            zip64_from: zip64_from.min(LIMIT32),
        }
    }

    fn emit(&mut self, b: &[u8]) {
        self.pending.extend(b);
        self.offset += b.len() as u64;
    }

    fn start_entry(&mut self, e: Entry) -> io::Result<()> {
        let name = e.name.into_bytes();
        let dos_date = e.date.map_or(0x21, |(y, m, d)| (y.clamp(1980, 2107) - 1980) << 9 | m << 5 | d);
        let big = e.len >= self.zip64_from || self.offset >= self.zip64_from;
        let mut h = Vec::with_capacity(30 + name.len() + 20);
        h.extend(0x0403_4b50u32.to_le_bytes());
        h.extend((if big { 45u16 } else { 20 }).to_le_bytes());
        h.extend(FLAGS.to_le_bytes());
        h.extend(0u16.to_le_bytes()); // stored
        h.extend(0u16.to_le_bytes()); // time
        h.extend(dos_date.to_le_bytes());
        h.extend(0u32.to_le_bytes()); // CRC: in the descriptor
        let size = if big { LIMIT32 as u32 } else { 0 };
        h.extend(size.to_le_bytes());
        h.extend(size.to_le_bytes());
        h.extend((name.len() as u16).to_le_bytes());
        h.extend((if big { 20u16 } else { 0 }).to_le_bytes());
        h.extend(&name);
        if big {
            h.extend(1u16.to_le_bytes());
            h.extend(16u16.to_le_bytes());
            h.extend([0u8; 16]);
        }
        let offset = self.offset;
        self.emit(&h);
        let reader = (e.open)()?;
        self.current = Some(Written { name, dos_date, crc: 0, len: e.len, offset });
        self.state = State::Body(reader, crc32fast::Hasher::new(), e.len);
        Ok(())
    }

    fn end_entry(&mut self, crc: u32) {
        let Some(mut w) = self.current.take() else { return };
        w.crc = crc;
        let big = w.len >= self.zip64_from || w.offset >= self.zip64_from;
        let mut d = Vec::with_capacity(24);
        d.extend(0x0807_4b50u32.to_le_bytes());
        d.extend(crc.to_le_bytes());
        if big {
            d.extend(w.len.to_le_bytes());
            d.extend(w.len.to_le_bytes());
        } else {
            d.extend((w.len as u32).to_le_bytes());
            d.extend((w.len as u32).to_le_bytes());
        }
        self.emit(&d);
        self.written.push(w);
    }

    fn central_directory(&mut self) {
        let start = self.offset;
        let mut cd = Vec::new();
        for w in &self.written {
            let (len_big, off_big) = (w.len >= self.zip64_from, w.offset >= self.zip64_from);
            let mut extra = Vec::new();
            if len_big {
                extra.extend(w.len.to_le_bytes());
                extra.extend(w.len.to_le_bytes());
            }
            if off_big {
                extra.extend(w.offset.to_le_bytes());
            }
            let big = len_big || off_big;
            cd.extend(0x0201_4b50u32.to_le_bytes());
            cd.extend((3u16 << 8 | 45).to_le_bytes()); // made by: Unix, 4.5
            cd.extend((if big { 45u16 } else { 20 }).to_le_bytes());
            cd.extend(FLAGS.to_le_bytes());
            cd.extend(0u16.to_le_bytes());
            cd.extend(0u16.to_le_bytes());
            cd.extend(w.dos_date.to_le_bytes());
            cd.extend(w.crc.to_le_bytes());
            let size = if len_big { LIMIT32 as u32 } else { w.len as u32 };
            cd.extend(size.to_le_bytes());
            cd.extend(size.to_le_bytes());
            cd.extend((w.name.len() as u16).to_le_bytes());
            cd.extend((if big { extra.len() as u16 + 4 } else { 0 }).to_le_bytes());
            cd.extend([0u8; 6]); // comment length, disk, internal attributes
            cd.extend((0o100644u32 << 16).to_le_bytes());
            cd.extend((if off_big { LIMIT32 as u32 } else { w.offset as u32 }).to_le_bytes());
            cd.extend(&w.name);
            if big {
                cd.extend(1u16.to_le_bytes());
                cd.extend((extra.len() as u16).to_le_bytes());
                cd.extend(&extra);
            }
        }
        self.emit(&cd);
        let (count, size) = (self.written.len() as u64, cd.len() as u64);
        let mut end = Vec::new();
        if count >= LIMIT16.min(self.zip64_from) || size >= self.zip64_from || start >= self.zip64_from {
            let at = self.offset;
            end.extend(0x0606_4b50u32.to_le_bytes());
            end.extend(44u64.to_le_bytes());
            end.extend((3u16 << 8 | 45).to_le_bytes());
            end.extend(45u16.to_le_bytes());
            end.extend([0u8; 8]); // this disk, the directory's disk
            end.extend(count.to_le_bytes());
            end.extend(count.to_le_bytes());
            end.extend(size.to_le_bytes());
            end.extend(start.to_le_bytes());
            end.extend(0x0706_4b50u32.to_le_bytes());
            end.extend(0u32.to_le_bytes());
            end.extend(at.to_le_bytes());
            end.extend(1u32.to_le_bytes());
        }
        end.extend(0x0605_4b50u32.to_le_bytes());
        end.extend([0u8; 4]);
        let n16 = count.min(LIMIT16) as u16;
        end.extend(n16.to_le_bytes());
        end.extend(n16.to_le_bytes());
        end.extend((size.min(LIMIT32) as u32).to_le_bytes());
        end.extend((start.min(LIMIT32) as u32).to_le_bytes());
        end.extend(0u16.to_le_bytes());
        self.emit(&end);
    }
}

impl Read for ZipReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            if !self.pending.is_empty() {
                let n = buf.len().min(self.pending.len());
                for (b, p) in buf.iter_mut().zip(self.pending.drain(..n)) {
                    *b = p;
                }
                return Ok(n);
            }
            match std::mem::replace(&mut self.state, State::Done) {
                // After the last entry, the directory; the state stays `Done`.
                State::Next => match self.entries.pop_front() {
                    Some(e) => self.start_entry(e)?,
                    None => self.central_directory(),
                },
                State::Body(mut r, mut crc, left) if left > 0 => {
                    let want = buf.len().min(left.min(usize::MAX as u64) as usize);
                    let n = r.read(&mut buf[..want])?;
                    if n == 0 {
                        // The store gave fewer bytes than the index said: the archive would lie.
                        return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "a stored file is shorter than its record"));
                    }
                    crc.update(&buf[..n]);
                    self.offset += n as u64;
                    self.state = State::Body(r, crc, left - n as u64);
                    return Ok(n);
                }
                State::Body(_, crc, _) => {
                    self.end_entry(crc.finalize());
                    self.state = State::Next;
                }
                State::Done => return Ok(0),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_names_get_a_number_before_their_extension() {
        let names = ["a.jpg", "A.JPG", "a.jpg", "b", "b", ".hidden", ".hidden"].map(String::from);
        assert_eq!(unique_names(names), ["a.jpg", "A (2).JPG", "a (3).jpg", "b", "b (2)", ".hidden", ".hidden (2)"]);
    }
}
