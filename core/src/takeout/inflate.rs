//! A deflated archive entry inflated as it is read, piece by piece, in bounded memory: the
//! output may never exceed the size the directory declared (a zip bomb stops there), and the
//! stream must end exactly at that size. A resume starts a new inflater from the entry's start.
use super::zipentry::{EntryFault, ZipEntry};
use miniz_oxide::inflate::stream::{inflate, InflateState};
use miniz_oxide::{DataFormat, MZError, MZFlush, MZStatus};

/// Why an entry's bytes could not be inflated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InflateFault {
    /// Not a valid deflate stream.
    Corrupt,
    /// It inflates to more (or less) than its declared size.
    Entry(EntryFault),
}

pub struct Inflater {
    state: Box<InflateState>,
    declared: u64,
    produced: u64,
    done: bool,
}

/// The most bytes one call produces before it returns (the caller sends them, then goes on).
pub const OUT_CHUNK: usize = 256 * 1024;

impl Inflater {
    /// An inflater for `entry` (its declared size is the cap).
    pub fn new(entry: &ZipEntry) -> Self {
        Inflater { state: InflateState::new_boxed(DataFormat::Raw), declared: entry.size, produced: 0, done: false }
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
            return Err(InflateFault::Entry(EntryFault::SizesLie));
        }
        match r.status {
            Ok(MZStatus::StreamEnd) => {
                self.done = true;
                if self.produced != self.declared {
                    return Err(InflateFault::Entry(EntryFault::SizesLie));
                }
            }
            Ok(_) | Err(MZError::Buf) => {}
            Err(_) => return Err(InflateFault::Corrupt),
        }
        Ok(r.bytes_consumed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::takeout::zipentry::Packing;

    fn entry(size: u64) -> ZipEntry {
        ZipEntry { name: "a".into(), packing: Packing::Deflated, compressed_size: 0, size, crc32: 0, header_offset: 0, fault: None }
    }

    /// Feeds `data` in pieces of `piece` bytes, as slices of an archive arrive.
    fn run(e: &ZipEntry, data: &[u8], piece: usize) -> Result<Vec<u8>, InflateFault> {
        let (mut inf, mut out, mut at) = (Inflater::new(e), Vec::new(), 0);
        for _ in 0..1_000_000 {
            if inf.is_done() {
                return Ok(out);
            }
            let end = (at + piece).min(data.len());
            let used = inf.push(&data[at..end], &mut out)?;
            at += used;
            if used == 0 && at == data.len() && !inf.is_done() && out.len() as u64 == inf.produced() {
                // No input left and nothing more came out: the stream stopped early.
                let before = inf.produced();
                inf.push(&[], &mut out)?;
                if inf.produced() == before {
                    return Err(InflateFault::Corrupt);
                }
            }
        }
        panic!("never finished");
    }

    #[test]
    fn inflates_in_pieces_and_again_from_the_start() {
        let data: Vec<u8> = (0..600_000u32).map(|i| (i % 251) as u8 ^ (i / 4096) as u8).collect();
        let packed = miniz_oxide::deflate::compress_to_vec(&data, 6);
        for piece in [1 << 20, 4096, 7] {
            assert_eq!(run(&entry(data.len() as u64), &packed, piece).unwrap(), data, "pieces of {piece}");
        }
    }

    #[test]
    fn a_bomb_stops_at_its_declared_size_and_a_short_or_broken_stream_is_refused() {
        let zeros = vec![0u8; 5_000_000];
        let packed = miniz_oxide::deflate::compress_to_vec(&zeros, 9);
        assert!(packed.len() < 10_000);
        assert_eq!(run(&entry(1000), &packed, 1 << 20), Err(InflateFault::Entry(EntryFault::SizesLie)));
        assert_eq!(run(&entry(6_000_000), &packed, 1 << 20), Err(InflateFault::Entry(EntryFault::SizesLie)));
        assert!(run(&entry(5_000_000), &[0xFF; 64], 16).is_err());
        assert!(run(&entry(5_000_000), &packed[..packed.len() / 2], 1 << 20).is_err());
    }
}
