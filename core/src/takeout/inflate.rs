//! A deflated archive entry inflated as it is read, piece by piece, in bounded memory: the
//! output may never exceed the size the directory declared (a zip bomb stops there), the
//! stream must end exactly at that size, and the bytes must have the directory's CRC-32. A
//! resume starts a new inflater from the entry's start.
use super::zipentry::ZipEntry;
use miniz_oxide::inflate::stream::{inflate, InflateState};
use miniz_oxide::{DataFormat, MZError, MZFlush, MZStatus};

/// Why an entry's bytes could not be inflated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum InflateFault {
    /// Not a valid deflate stream (or it stops before its end).
    Corrupt,
    /// It inflates to more than its declared size (a zip bomb), or ends short of it.
    SizesLie,
    /// Its bytes are not the ones the archive's directory vouches for (CRC-32).
    Crc,
}

pub struct Inflater {
    state: Box<InflateState>,
    declared: u64,
    expected_crc: u32,
    crc: crc32fast::Hasher,
    produced: u64,
    done: bool,
}

/// The most bytes one call produces before it returns (the caller sends them, then goes on).
pub const OUT_CHUNK: usize = 256 * 1024;

impl Inflater {
    /// An inflater for `entry` (its declared size is the cap).
    pub fn new(entry: &ZipEntry) -> Self {
        Inflater {
            state: InflateState::new_boxed(DataFormat::Raw),
            declared: entry.size,
            expected_crc: entry.crc32,
            crc: crc32fast::Hasher::new(),
            produced: 0,
            done: false,
        }
    }

    pub fn produced(&self) -> u64 {
        self.produced
    }
    pub fn is_done(&self) -> bool {
        self.done
    }

    /// Inflates from `input` into `out` (appended, at most [`OUT_CHUNK`] bytes); returns how much
    /// of `input` was consumed (call again with the rest, then with more input).
    pub fn push(&mut self, input: &[u8], out: &mut Vec<u8>) -> Result<usize, InflateFault> {
        if self.done {
            return Ok(0);
        }
        let start = out.len();
        out.resize(start + OUT_CHUNK, 0);
        let r = inflate(&mut self.state, input, &mut out[start..], MZFlush::None);
        out.truncate(start + r.bytes_written);
        self.produced += r.bytes_written as u64;
        if self.produced > self.declared {
            return Err(InflateFault::SizesLie);
        }
        self.crc.update(&out[start..]);
        match r.status {
            Ok(MZStatus::StreamEnd) => {
                self.done = true;
                if self.produced != self.declared {
                    return Err(InflateFault::SizesLie);
                }
                if self.crc.clone().finalize() != self.expected_crc {
                    return Err(InflateFault::Crc);
                }
            }
            Ok(_) | Err(MZError::Buf) => {}
            Err(_) => return Err(InflateFault::Corrupt),
        }
        Ok(r.bytes_consumed)
    }
}

/// What an [`EntryStream`] needs next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// It made progress (output appended, or input consumed): call again.
    Produced,
    /// It needs the next range it handed out by [`EntryStream::next_read`], through `feed`.
    NeedInput,
    /// The entry is whole: its size and CRC-32 are the directory's.
    Done,
}

/// One deflated entry inflated from the archive's bytes as a reader hands them in: it names
/// the compressed ranges to read (a few may be in flight at once), takes them in order, and
/// appends the inflated bytes to the caller's buffer, which the caller empties as it sends.
pub struct EntryStream {
    inflater: Inflater,
    /// Compressed bytes handed out to read up to here, and fed up to here.
    requested: u64,
    fed: u64,
    end: u64,
    piece: u64,
    pending: Vec<u8>,
    used: usize,
}

impl EntryStream {
    /// The entry whose compressed bytes start at `data_start` in the archive, read `piece`
    /// bytes at a time.
    pub fn new(entry: &ZipEntry, data_start: u64, piece: u64) -> Self {
        let end = data_start.saturating_add(entry.compressed_size);
        EntryStream {
            inflater: Inflater::new(entry),
            requested: data_start,
            fed: data_start,
            end,
            piece: piece.max(1),
            pending: Vec::new(),
            used: 0,
        }
    }

    /// The next range of the archive to read, when some is left to ask for.
    pub fn next_read(&mut self) -> Option<(u64, u64)> {
        (self.requested < self.end).then(|| {
            let start = self.requested;
            self.requested = self.end.min(start + self.piece);
            (start, self.requested)
        })
    }

    /// The bytes of the oldest range handed out and not fed yet.
    pub fn feed(&mut self, bytes: &[u8]) {
        self.pending.drain(..self.used);
        self.used = 0;
        self.pending.extend_from_slice(bytes);
        self.fed += bytes.len() as u64;
    }

    /// Inflates what it has into `out` (appended, at most [`OUT_CHUNK`] bytes a call).
    pub fn step(&mut self, out: &mut Vec<u8>) -> Result<Step, InflateFault> {
        if self.inflater.is_done() {
            return Ok(Step::Done);
        }
        let before = self.inflater.produced();
        let used = self.inflater.push(&self.pending[self.used..], out)?;
        self.used += used;
        if self.inflater.is_done() {
            return Ok(Step::Done);
        }
        if used > 0 || self.inflater.produced() > before {
            return Ok(Step::Produced);
        }
        if self.fed >= self.end {
            // All of its bytes are in and the stream has not ended: cut short or damaged.
            return Err(InflateFault::Corrupt);
        }
        Ok(Step::NeedInput)
    }

    /// Inflated bytes so far.
    pub fn produced(&self) -> u64 {
        self.inflater.produced()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::takeout::zipentry::Packing;

    fn entry(data: &[u8], packed: &[u8]) -> ZipEntry {
        ZipEntry {
            name: "a".into(),
            packing: Packing::Deflated,
            compressed_size: packed.len() as u64,
            size: data.len() as u64,
            crc32: crc32fast::hash(data),
            header_offset: 0,
            fault: None,
        }
    }

    /// Runs the loop the worker runs over an "archive" of 5 header bytes and `packed`, with up
    /// to two reads of `piece` bytes in flight; the output is emptied every 64 KiB as if sent.
    fn run(e: &ZipEntry, packed: &[u8], piece: u64) -> Result<Vec<u8>, InflateFault> {
        let archive = [&[9u8; 5][..], packed].concat();
        let mut s = EntryStream::new(e, 5, piece);
        let (mut reads, mut out, mut sent) = (std::collections::VecDeque::new(), Vec::new(), Vec::new());
        for _ in 0..10_000_000 {
            while reads.len() < 2 {
                match s.next_read() {
                    Some(r) => reads.push_back(r),
                    None => break,
                }
            }
            match s.step(&mut out)? {
                Step::Done => {
                    sent.append(&mut out);
                    assert_eq!(s.produced(), sent.len() as u64);
                    return Ok(sent);
                }
                Step::Produced if out.len() >= 65_536 => sent.append(&mut out),
                Step::Produced => {}
                Step::NeedInput => {
                    let (a, b) = reads.pop_front().expect("a read in flight when it needs input");
                    s.feed(&archive[a as usize..b as usize]);
                }
            }
        }
        panic!("never finished");
    }

    fn sample() -> Vec<u8> {
        (0..600_000u32).map(|i| (i % 251) as u8 ^ (i / 4096) as u8).collect()
    }

    #[test]
    fn inflates_in_pieces_and_again_from_the_start() {
        let data = sample();
        let packed = miniz_oxide::deflate::compress_to_vec(&data, 6);
        for piece in [1 << 20, 4096, 7] {
            assert_eq!(run(&entry(&data, &packed), &packed, piece).unwrap(), data, "pieces of {piece}");
        }
    }

    #[test]
    fn an_entry_whose_bytes_are_not_the_directorys_crc_is_refused() {
        let data = sample();
        // Stored deflate blocks (level 0): a flipped byte still inflates, only the CRC tells.
        let mut packed = miniz_oxide::deflate::compress_to_vec(&data, 0);
        let e = entry(&data, &packed);
        assert_eq!(run(&e, &packed, 4096).unwrap(), data);
        packed[300_000] ^= 0x40;
        assert_eq!(run(&e, &packed, 4096), Err(InflateFault::Crc));
        let packed = miniz_oxide::deflate::compress_to_vec(&data, 6);
        let lying = ZipEntry { crc32: e.crc32 ^ 1, ..entry(&data, &packed) };
        assert_eq!(run(&lying, &packed, 1 << 20), Err(InflateFault::Crc));
    }

    #[test]
    fn a_bomb_stops_at_its_declared_size_and_a_short_or_broken_stream_is_refused() {
        let zeros = vec![0u8; 5_000_000];
        let packed = miniz_oxide::deflate::compress_to_vec(&zeros, 9);
        assert!(packed.len() < 10_000);
        let honest = entry(&zeros, &packed);
        assert_eq!(run(&honest, &packed, 1 << 20).unwrap().len(), 5_000_000);
        // The directory says 1000 bytes: inflation stops as soon as it has more.
        assert_eq!(run(&ZipEntry { size: 1000, ..honest.clone() }, &packed, 1 << 20), Err(InflateFault::SizesLie));
        assert_eq!(run(&ZipEntry { size: 6_000_000, ..honest.clone() }, &packed, 1 << 20), Err(InflateFault::SizesLie));
        assert_eq!(run(&ZipEntry { compressed_size: 64, ..honest.clone() }, &[0xFF; 64], 16), Err(InflateFault::Corrupt));
        let half = &packed[..packed.len() / 2];
        assert_eq!(run(&ZipEntry { compressed_size: half.len() as u64, ..honest }, half, 1 << 20), Err(InflateFault::Corrupt));
    }
}
