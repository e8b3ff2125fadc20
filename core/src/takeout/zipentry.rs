//! What reading an archive yields: its entries, how each is packed, and why an archive or an
//! entry cannot be imported; and the judgement of one directory record.

/// Why a whole archive cannot be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ArchiveFault {
    /// Not a ZIP archive at all.
    NotZip,
    /// A `.tgz`/`.tar` export: it must be unpacked first.
    Tar,
    /// Cut short (an unfinished download): its directory lies beyond its end.
    Truncated,
    /// A ZIP whose directory cannot be read.
    Corrupt,
}

/// Why one entry cannot be imported (the rest of its archive still can).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum EntryFault {
    Encrypted,
    /// Its name climbs out of the archive (`../`).
    ClimbsOut,
    /// Its name is absolute (`/…`, `C:\…`).
    Absolute,
    /// Compressed with something other than store or deflate.
    Method,
    /// Its sizes lie (beyond the archive, or more than deflate can expand): a zip bomb.
    SizesLie,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Packing {
    /// The bytes as they are: sent as a slice of the archive.
    Stored,
    /// Inflated as they are sent.
    Deflated,
}

/// One file of an archive.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ZipEntry {
    pub name: String,
    pub packing: Packing,
    pub compressed_size: u64,
    pub size: u64,
    pub crc32: u32,
    /// Where its local header starts.
    pub header_offset: u64,
    pub fault: Option<EntryFault>,
}

impl ZipEntry {
    /// The CRC-32 its hash pass checks: a stored entry's, whose bytes are sent as they lie in
    /// the archive (a deflated one is checked as it is inflated).
    pub fn stored_crc(&self) -> Option<u32> {
        (self.packing == Packing::Stored).then_some(self.crc32)
    }
}

/// Deflate cannot expand more than about 1032:1.
pub const MAX_DEFLATE_RATIO: u64 = 1032;

/// Judges one central directory record (fields as read, the name decoded).
#[allow(clippy::too_many_arguments)]
pub(crate) fn judge(
    name: String,
    flags: u16,
    method: u16,
    crc32: u32,
    compressed_size: u64,
    size: u64,
    header_offset: u64,
    archive_size: u64,
) -> ZipEntry {
    let packing = if method == 8 { Packing::Deflated } else { Packing::Stored };
    let name = name.replace('\\', "/");
    let fault = if flags & 1 != 0 {
        Some(EntryFault::Encrypted)
    } else if name.split('/').any(|part| part == "..") {
        Some(EntryFault::ClimbsOut)
    } else if name.starts_with('/') || name.as_bytes().get(1) == Some(&b':') {
        Some(EntryFault::Absolute)
    } else if method != 0 && method != 8 {
        Some(EntryFault::Method)
    } else if header_offset.checked_add(compressed_size).is_none_or(|end| end > archive_size)
        || (method == 0 && compressed_size != size)
        || size > compressed_size.saturating_mul(MAX_DEFLATE_RATIO).max(64)
    {
        Some(EntryFault::SizesLie)
    } else {
        None
    };
    ZipEntry { name, packing, compressed_size, size, crc32, header_offset, fault }
}
