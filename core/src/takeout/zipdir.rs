//! The bytes of a ZIP's end records and central directory, parsed with every read checked:
//! a short or lying record is `None`, never a panic or an out-of-range read. rc-zip was the
//! crate to use, but it overflows (a panic in debug builds) on damaged end records, so these
//! few records are read here instead.
use super::zipentry::{judge, ZipEntry};

fn u16at(b: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(i..i.checked_add(2)?)?.try_into().ok()?))
}
fn u32at(b: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(i..i.checked_add(4)?)?.try_into().ok()?))
}
fn u64at(b: &[u8], i: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(i..i.checked_add(8)?)?.try_into().ok()?))
}

const EOCD: u32 = 0x0605_4b50;
const LOCATOR: u32 = 0x0706_4b50;
const EOCD64: u32 = 0x0606_4b50;
const CENTRAL: u32 = 0x0201_4b50;

/// What an archive's tail says.
#[derive(Debug, PartialEq, Eq)]
pub enum Tail {
    /// No end record: not a ZIP (or cut short).
    Missing,
    Bad,
    /// The ZIP64 end record is at this offset.
    Zip64At(u64),
    Directory {
        at: u64,
        len: u64,
        count: u64,
    },
}

/// The tail of an archive (its last bytes).
pub fn parse_tail(b: &[u8]) -> Tail {
    // The last end record whose comment reaches exactly to the end.
    let Some(i) = (0..b.len().saturating_sub(21))
        .rev()
        .find(|&i| u32at(b, i) == Some(EOCD) && u16at(b, i + 20).is_some_and(|c| i + 22 + c as usize == b.len()))
    else {
        return Tail::Missing;
    };
    let (Some(count), Some(len), Some(off)) = (u16at(b, i + 10), u32at(b, i + 12), u32at(b, i + 16)) else { return Tail::Bad };
    if i >= 20 && u32at(b, i - 20) == Some(LOCATOR) {
        return match u64at(b, i - 12) {
            Some(z) => Tail::Zip64At(z),
            None => Tail::Bad,
        };
    }
    if count == 0xFFFF || len == u32::MAX || off == u32::MAX {
        return Tail::Bad;
    }
    Tail::Directory { at: off as u64, len: len as u64, count: count as u64 }
}

/// The ZIP64 end record: (directory offset, length, entries).
pub fn parse_zip64(b: &[u8]) -> Option<(u64, u64, u64)> {
    (u32at(b, 0)? == EOCD64).then_some(())?;
    Some((u64at(b, 48)?, u64at(b, 40)?, u64at(b, 32)?))
}

/// The DOS code page (437) above ASCII, in byte order from 0x80.
const CP437: &str =
    "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{a0}";

/// A name's bytes as text: UTF-8 when the archive flags it so, else the DOS code page.
pub fn decode_name(bytes: &[u8], utf8: bool) -> String {
    if utf8 || bytes.is_ascii() {
        return String::from_utf8_lossy(bytes).into_owned();
    }
    let high: Vec<char> = CP437.chars().collect();
    bytes.iter().map(|&c| if c < 0x80 { c as char } else { high.get(c as usize - 0x80).copied().unwrap_or('\u{fffd}') }).collect()
}

/// The central directory's `count` records; `None` when any is short or malformed.
pub fn parse_directory(b: &[u8], count: u64, archive_size: u64) -> Option<Vec<ZipEntry>> {
    let mut out = Vec::new();
    let mut i = 0usize;
    for _ in 0..count {
        (u32at(b, i)? == CENTRAL).then_some(())?;
        let (flags, method, crc) = (u16at(b, i + 8)?, u16at(b, i + 10)?, u32at(b, i + 16)?);
        let (mut csize, mut size) = (u32at(b, i + 20)? as u64, u32at(b, i + 24)? as u64);
        let (nlen, xlen, clen) = (u16at(b, i + 28)? as usize, u16at(b, i + 30)? as usize, u16at(b, i + 32)? as usize);
        let mut offset = u32at(b, i + 42)? as u64;
        let name = b.get(i + 46..i + 46 + nlen)?;
        let extra = b.get(i + 46 + nlen..i + 46 + nlen + xlen)?;
        // ZIP64: the fields at their maximum are in the extra field, in this order.
        let mut j = 0;
        while j + 4 <= extra.len() {
            let (id, len) = (u16at(extra, j)?, u16at(extra, j + 2)? as usize);
            let field = extra.get(j + 4..j + 4 + len)?;
            if id == 1 {
                let mut k = 0;
                for v in [&mut size, &mut csize, &mut offset] {
                    if *v == u32::MAX as u64 {
                        *v = u64at(field, k)?;
                        k += 8;
                    }
                }
            }
            j += 4 + len;
        }
        if name.ends_with(b"/") {
            i += 46 + nlen + xlen + clen;
            continue;
        }
        out.push(judge(decode_name(name, flags & 0x800 != 0), flags, method, crc, csize, size, offset, archive_size));
        i += 46 + nlen + xlen + clen;
    }
    Some(out)
}
