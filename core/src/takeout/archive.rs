//! A Takeout `.zip` read in place, without I/O of its own: the driver reads the byte ranges
//! asked for (a `Blob.slice` in the browser) and hands them in: the archive's tail with its
//! end record, the ZIP64 end record when there is one, then the central directory, parsed by
//! [`super::zipdir`] with every offset and length checked (names in UTF-8 when the archive
//! says so, else the DOS code page). Each entry is then judged:
//! encrypted, climbing out (`../`) or absolute, a method other than stored or deflated, or
//! sizes that cannot be true (beyond the archive, or a ratio deflate cannot reach) — each a
//! fault of its own, the other entries unaffected. Where an entry's bytes start needs its local
//! header, read the same way ([`data_start`]). Part numbers of a split export and any gap.
use super::zipdir::{parse_directory, parse_tail, Tail};
pub use super::zipentry::{ArchiveFault, EntryFault, Packing, ZipEntry, MAX_DEFLATE_RATIO};

/// What a file's first bytes say when they are not a ZIP's: a gzip or tar export.
pub fn sniff(head: &[u8]) -> Option<ArchiveFault> {
    if head.starts_with(&[0x1F, 0x8B]) || head.get(257..262) == Some(b"ustar") {
        Some(ArchiveFault::Tar)
    } else if head.starts_with(b"PK") || head.is_empty() {
        None
    } else {
        Some(ArchiveFault::NotZip)
    }
}

#[derive(Debug)]
enum Want {
    Tail { at: u64, len: usize },
    Zip64 { at: u64, len: usize },
    Directory { at: u64, len: usize, count: u64 },
}

/// Reads an archive's directory from the ranges it asks for: its tail (the end record), the
/// ZIP64 end record when there is one, then the directory itself.
#[derive(Debug)]
pub struct ZipReader {
    size: u64,
    want: Option<Want>,
    done: Option<Result<Vec<ZipEntry>, ArchiveFault>>,
    /// It starts like a ZIP: a missing end means a download cut short.
    cut: bool,
}

/// The largest directory read at once (a 100,000-item export's is about 10 MB).
pub const MAX_DIRECTORY: u64 = 256 << 20;

impl ZipReader {
    /// A reader of an archive of `size` bytes whose first bytes are `head` (a few hundred).
    pub fn new(size: u64, head: &[u8]) -> Self {
        let mut r = ZipReader { size, want: None, done: None, cut: head.starts_with(&[b'P', b'K', 3, 4]) };
        if let Some(f) = sniff(head) {
            r.done = Some(Err(f));
        } else {
            let len = size.min(22 + 0xFFFF + 20) as usize;
            r.want = Some(Want::Tail { at: size - len as u64, len });
        }
        r
    }

    /// The range to read next: its offset and length.
    pub fn wants_read(&self) -> Option<(u64, usize)> {
        match self.want.as_ref()? {
            Want::Tail { at, len } | Want::Zip64 { at, len } | Want::Directory { at, len, .. } => Some((*at, *len)),
        }
    }

    fn finish(&mut self, r: Result<Vec<ZipEntry>, ArchiveFault>) {
        self.want = None;
        self.done = Some(r);
    }

    fn directory(&mut self, at: u64, len: u64, count: u64) {
        match at.checked_add(len) {
            Some(end) if end <= self.size && len <= MAX_DIRECTORY && count <= len / 46 => {
                self.want = Some(Want::Directory { at, len: len as usize, count });
            }
            Some(end) if end > self.size => self.finish(Err(ArchiveFault::Truncated)),
            _ => self.finish(Err(ArchiveFault::Corrupt)),
        }
    }

    /// The bytes read at the range asked for (fewer when the file ended: it is cut short).
    pub fn handle_bytes(&mut self, bytes: &[u8]) {
        let Some(want) = self.want.take() else { return };
        let Some((_, len)) = (match &want {
            Want::Tail { at, len } | Want::Zip64 { at, len } | Want::Directory { at, len, .. } => Some((*at, *len)),
        }) else {
            return;
        };
        if bytes.len() < len {
            return self.finish(Err(ArchiveFault::Truncated));
        }
        match want {
            Want::Tail { .. } => match parse_tail(bytes) {
                Tail::Missing => self.finish(Err(if self.cut { ArchiveFault::Truncated } else { ArchiveFault::NotZip })),
                Tail::Bad => self.finish(Err(ArchiveFault::Corrupt)),
                Tail::Zip64At(at) if at.checked_add(56).is_some_and(|e| e <= self.size) => self.want = Some(Want::Zip64 { at, len: 56 }),
                Tail::Zip64At(_) => self.finish(Err(ArchiveFault::Corrupt)),
                Tail::Directory { at, len, count } => self.directory(at, len, count),
            },
            Want::Zip64 { .. } => match super::zipdir::parse_zip64(bytes) {
                Some((at, len, count)) => self.directory(at, len, count),
                None => self.finish(Err(ArchiveFault::Corrupt)),
            },
            Want::Directory { count, .. } => {
                let r = parse_directory(bytes, count, self.size).ok_or(ArchiveFault::Corrupt);
                self.finish(r)
            }
        }
    }

    /// The archive's files once its directory was read, or why it cannot be.
    pub fn result(&self) -> Option<&Result<Vec<ZipEntry>, ArchiveFault>> {
        self.done.as_ref()
    }
}

/// How many bytes of a local header to read to find where the entry's bytes start.
pub const LOCAL_HEADER_READ: usize = 30;

/// Where entry `e`'s bytes start, from the first [`LOCAL_HEADER_READ`] bytes at its header;
/// `Err` when the header is not one or its bytes would run past the archive's end.
pub fn data_start(e: &ZipEntry, header: &[u8], archive_size: u64) -> Result<u64, ArchiveFault> {
    if header.len() < LOCAL_HEADER_READ || header[..4] != [b'P', b'K', 3, 4] {
        return Err(ArchiveFault::Corrupt);
    }
    let n = u16::from_le_bytes([header[26], header[27]]) as u64 + u16::from_le_bytes([header[28], header[29]]) as u64;
    let start = e.header_offset + LOCAL_HEADER_READ as u64 + n;
    match start.checked_add(e.compressed_size) {
        Some(end) if end <= archive_size => Ok(start),
        _ => Err(ArchiveFault::Truncated),
    }
}

/// A split export's part number from its name (`takeout-20250101T000000Z-003.zip` → 3).
pub fn part_number(name: &str) -> Option<u32> {
    let stem = name.rsplit(['/', '\\']).next()?.strip_suffix(".zip").or_else(|| name.strip_suffix(".ZIP"))?;
    let (_, n) = stem.rsplit_once('-')?;
    (n.len() == 3 && n.bytes().all(|b| b.is_ascii_digit())).then(|| n.parse().ok()).flatten()
}

/// Whether a file chosen by handle (showOpenFilePicker) is remembered for "Continue your
/// backup" after a reload: a `.zip` archive of an export, whose entries can be read again. A
/// photo chosen loose is not: a handle is one permission prompt on Continue, and a few hundred
/// photos would be as many prompts (a handful of archives are few), and names that repeat
/// across folders would replace each other in a store kept by name. A `.tgz` is not either: it
/// must be unpacked first, and its line says so when it is chosen.
pub fn kept_by_handle(name: &str) -> bool {
    name.to_ascii_lowercase().ends_with(".zip")
}

/// The parts present (sorted) and the ones missing below the highest.
pub fn parts<'a>(names: impl IntoIterator<Item = &'a str>) -> (Vec<u32>, Vec<u32>) {
    let mut have: Vec<u32> = names.into_iter().filter_map(part_number).collect();
    have.sort_unstable();
    have.dedup();
    let missing = (1..have.last().copied().unwrap_or(0)).filter(|n| have.binary_search(n).is_err()).collect();
    (have, missing)
}
