//! Samsung's Motion Photos: the JPEG's image ends (EOI) and a SEF trailer follows, whose
//! blocks each carry a name; the one named `MotionPhoto_Data` holds the MP4. The trailer ends
//! with its directory's length and `SEFT`; the directory (`SEFH`, a version, a count, then
//! 12-byte entries: two bytes of padding, a type, the block's distance back from the
//! directory and its length, little-endian) says where each block is. A block begins with two
//! bytes of padding, its type, its name's length and the name; its data follows. Only this is
//! trusted, every number bounds-checked against the file; the caller checks for an MP4 there.

/// The marker at the very end of a file with a SEF trailer.
const SEFT: &[u8] = b"SEFT";
const SEFH: &[u8] = b"SEFH";
const MOTION: &[u8] = b"MotionPhoto_Data";
/// A longer directory (about 5,000 entries) is no phone's.
pub const MAX_DIRECTORY: u64 = 64 << 10;
/// Bytes of a block's head read to learn its name.
pub const BLOCK_HEAD: u64 = 8 + 256;

fn le32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at.checked_add(4)?)?.try_into().ok()?))
}

/// Where the directory is and how long, from a file's last 8 bytes and its length.
pub fn directory(last8: &[u8], file_len: u64) -> Option<(u64, u64)> {
    if last8.len() != 8 || &last8[4..] != SEFT {
        return None;
    }
    let size = u64::from(le32(last8, 0)?);
    let at = file_len.checked_sub(8)?.checked_sub(size)?;
    (12..=MAX_DIRECTORY).contains(&size).then_some((at, size))
}

/// The blocks a directory found at `dir_at` names: (file offset, length), each inside the
/// bytes before the directory.
pub fn blocks(dir: &[u8], dir_at: u64) -> Vec<(u64, u64)> {
    if !dir.starts_with(SEFH) {
        return Vec::new();
    }
    let count = le32(dir, 8).unwrap_or(0) as usize;
    (0..count.min(1024))
        .map_while(|i| {
            let e = 12usize.checked_add(i.checked_mul(12)?)?;
            Some((u64::from(le32(dir, e + 4)?), u64::from(le32(dir, e + 8)?)))
        })
        .filter_map(|(back, len)| {
            let at = dir_at.checked_sub(back)?;
            (at.checked_add(len)? <= dir_at).then_some((at, len))
        })
        .collect()
}

/// When a block whose first bytes are `head` is the Motion Photo's, how many bytes of it come
/// before the clip.
pub fn clip_header(head: &[u8]) -> Option<u64> {
    let name_len = le32(head, 4)? as usize;
    let name = head.get(8..8usize.checked_add(name_len)?)?;
    (name == MOTION).then_some(8 + name_len as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `jpeg` + blocks (name, data) + the SEF directory and trailer.
    pub fn with_trailer(jpeg: &[u8], blocks_in: &[(&[u8], &[u8])]) -> Vec<u8> {
        let mut out = jpeg.to_vec();
        let mut starts = Vec::new();
        for (name, data) in blocks_in {
            starts.push((out.len(), 8 + name.len() + data.len()));
            out.extend([0, 0, 0x30, 0x0a]);
            out.extend((name.len() as u32).to_le_bytes());
            out.extend(*name);
            out.extend(*data);
        }
        let dir_at = out.len();
        let mut dir = SEFH.to_vec();
        dir.extend(106u32.to_le_bytes());
        dir.extend((starts.len() as u32).to_le_bytes());
        for (at, len) in &starts {
            dir.extend([0, 0, 0x30, 0x0a]);
            dir.extend(((dir_at - at) as u32).to_le_bytes());
            dir.extend((*len as u32).to_le_bytes());
        }
        out.extend(&dir);
        out.extend((dir.len() as u32).to_le_bytes());
        out.extend(SEFT);
        out
    }

    #[test]
    fn the_motion_block_is_found_through_the_directory() {
        let clip = b"\0\0\0\x10ftypisom\0\0\0\0rest-of-the-clip";
        let f = with_trailer(b"\xFF\xD8jpeg\xFF\xD9", &[(b"Image_UTC_Data", b"1714557600000"), (MOTION, clip)]);
        let (at, size) = directory(&f[f.len() - 8..], f.len() as u64).unwrap();
        let dir = &f[at as usize..(at + size) as usize];
        let found = blocks(dir, at);
        assert_eq!(found.len(), 2);
        let (b, len) = found[1];
        let h = clip_header(&f[b as usize..]).unwrap();
        assert_eq!(&f[(b + h) as usize..(b + len) as usize], clip);
        assert_eq!(clip_header(&f[found[0].0 as usize..]), None, "another block");
    }

    #[test]
    fn lying_trailers_give_nothing() {
        assert_eq!(directory(b"\x10\0\0\0SEFX", 100), None);
        assert_eq!(directory(b"\xFF\xFF\0\0SEFT", 100), None, "longer than the file");
        let mut dir = SEFH.to_vec();
        dir.extend([0; 4]);
        dir.extend(3u32.to_le_bytes());
        dir.extend([0, 0, 0, 0]);
        dir.extend(500u32.to_le_bytes());
        dir.extend(10u32.to_le_bytes());
        assert!(blocks(&dir, 100).is_empty(), "a block before the file's start, and entries cut short");
        assert_eq!(clip_header(&[0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF]), None);
    }
}
