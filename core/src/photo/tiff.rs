//! Minimal, bounds-checked TIFF structure reader (the container of EXIF, TIFF, DNG and most RAW
//! files). Every read returns `Option`, so truncated or lying offsets end parsing, never panic.

/// Tags we look at.
pub mod tag {
    pub const NEW_SUBFILE_TYPE: u16 = 0x00FE;
    pub const IMAGE_WIDTH: u16 = 0x0100;
    pub const IMAGE_LENGTH: u16 = 0x0101;
    pub const MAKE: u16 = 0x010F;
    pub const MODEL: u16 = 0x0110;
    pub const ORIENTATION: u16 = 0x0112;
    pub const SUB_IFDS: u16 = 0x014A;
    pub const THUMB_OFFSET: u16 = 0x0201;
    pub const THUMB_LENGTH: u16 = 0x0202;
    pub const XMP: u16 = 0x02BC;
    pub const EXIF_IFD: u16 = 0x8769;
    pub const GPS_IFD: u16 = 0x8825;
    pub const ICC: u16 = 0x8773;
    pub const DATE_TIME_ORIGINAL: u16 = 0x9003;
    pub const PIXEL_X: u16 = 0xA002;
    pub const PIXEL_Y: u16 = 0xA003;
    pub const INTEROP_IFD: u16 = 0xA005;
    pub const DNG_VERSION: u16 = 0xC612;
    /// Panasonic RW2 sensor size (its IFD0 has no ImageWidth).
    pub const RW2_SENSOR_WIDTH: u16 = 0x0002;
    pub const RW2_SENSOR_HEIGHT: u16 = 0x0003;
}

/// Refuse absurd IFDs (a lying count would otherwise make us walk megabytes of garbage).
const MAX_ENTRIES: usize = 1024;

/// A TIFF stream: `data` starts at the byte-order mark.
#[derive(Clone, Copy)]
pub struct Tiff<'a> {
    pub data: &'a [u8],
    pub le: bool,
}

/// One IFD entry; `pos` is the entry's own offset in `data` (for in-place rewriting).
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    pub tag: u16,
    pub typ: u16,
    pub count: u32,
    pub pos: usize,
}

pub fn type_size(typ: u16) -> Option<usize> {
    Some(match typ {
        1 | 2 | 6 | 7 => 1,
        3 | 8 => 2,
        4 | 9 | 11 | 13 => 4,
        5 | 10 | 12 => 8,
        _ => return None,
    })
}

impl<'a> Tiff<'a> {
    /// Accepts the standard marks `II*\0`/`MM\0*` and the RAW variants (ORF `IIRO`/`IIRS`/`MMOR`, RW2 `IIU\0`).
    pub fn parse(data: &'a [u8]) -> Option<Self> {
        let le = match data.get(..2)? {
            b"II" => true,
            b"MM" => false,
            _ => return None,
        };
        let t = Tiff { data, le };
        match t.u16(2)? {
            42 | 0x4F52 | 0x5352 | 0x55 => Some(t),
            _ => None,
        }
    }
    pub fn u16(&self, at: usize) -> Option<u16> {
        let b: [u8; 2] = self.data.get(at..at.checked_add(2)?)?.try_into().ok()?;
        Some(if self.le { u16::from_le_bytes(b) } else { u16::from_be_bytes(b) })
    }
    pub fn u32(&self, at: usize) -> Option<u32> {
        let b: [u8; 4] = self.data.get(at..at.checked_add(4)?)?.try_into().ok()?;
        Some(if self.le { u32::from_le_bytes(b) } else { u32::from_be_bytes(b) })
    }
    pub fn ifd0(&self) -> Option<usize> {
        Some(self.u32(4)? as usize)
    }
    /// Entries of the IFD at `off`, and the offset of its next-IFD link.
    pub fn entries(&self, off: usize) -> Option<(Vec<Entry>, usize)> {
        let n = self.u16(off)? as usize;
        if n > MAX_ENTRIES {
            return None;
        }
        let end = off.checked_add(2 + 12 * n)?;
        if end > self.data.len() {
            return None;
        }
        let mut v = Vec::with_capacity(n);
        for i in 0..n {
            let pos = off + 2 + 12 * i;
            v.push(Entry { tag: self.u16(pos)?, typ: self.u16(pos + 2)?, count: self.u32(pos + 4)?, pos });
        }
        Some((v, end))
    }
    pub fn next_ifd(&self, link: usize) -> Option<usize> {
        self.u32(link).map(|o| o as usize).filter(|&o| o != 0)
    }
    /// Where the entry's value lives: (offset, byte length). Inline values live in the entry.
    pub fn value_span(&self, e: &Entry) -> Option<(usize, usize)> {
        let len = type_size(e.typ)?.checked_mul(e.count as usize)?;
        let at = if len <= 4 { e.pos + 8 } else { self.u32(e.pos + 8)? as usize };
        at.checked_add(len).filter(|&end| end <= self.data.len())?;
        Some((at, len))
    }
    pub fn value(&self, e: &Entry) -> Option<&'a [u8]> {
        let (at, len) = self.value_span(e)?;
        self.data.get(at..at + len)
    }
    /// The `i`th value as an unsigned integer (BYTE, SHORT, LONG or IFD).
    pub fn uint(&self, e: &Entry, i: usize) -> Option<u32> {
        let (at, _) = self.value_span(e)?;
        if i >= e.count as usize {
            return None;
        }
        match e.typ {
            1 | 7 => self.data.get(at + i).map(|&b| b as u32),
            3 => self.u16(at + 2 * i).map(u32::from),
            4 | 13 => self.u32(at + 4 * i),
            _ => None,
        }
    }
    pub fn ascii(&self, e: &Entry) -> Option<&'a str> {
        let v = self.value(e)?;
        let v = &v[..v.iter().position(|&b| b == 0).unwrap_or(v.len())];
        std::str::from_utf8(v).ok()
    }
}

pub fn find(entries: &[Entry], tag: u16) -> Option<&Entry> {
    entries.iter().find(|e| e.tag == tag)
}
