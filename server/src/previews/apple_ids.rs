//! Reads Apple's content identifier (`photo::apple_id`) from a stored photo or clip, for the
//! Live Photo sweep. Only the bytes needed are read: a photo's first 256 KiB (and a HEIC's
//! EXIF item, wherever it is), a clip's top-level atom headers and then its `moov` alone
//! (iPhones write it after the media data, so it is found by skipping from header to header).
use crate::store::Store;
use shoebox_core::photo::apple_id;
use std::io::Read;

/// Bytes of a photo's head searched for its EXIF.
const HEAD_BYTES: u64 = 256 << 10;
/// A larger EXIF item or `moov` is not read: it is no phone's.
const MAX_EXIF: u64 = 1 << 20;
const MAX_MOOV: u64 = 8 << 20;
/// Top-level atoms looked at before giving up.
const MAX_ATOMS: usize = 64;

/// Which half of a Live Photo a record can be, by its type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Half {
    Jpeg,
    Heic,
    Clip,
}

/// The identifier of the user's stored content `sha`, read as the given half.
pub fn content_id(store: &dyn Store, user: &str, sha: &str, half: Half) -> Option<String> {
    match half {
        Half::Jpeg => apple_id::in_jpeg(&read_at(store, user, sha, 0, HEAD_BYTES)?),
        Half::Heic => {
            let (off, len) = apple_id::heic_exif_span(&read_at(store, user, sha, 0, HEAD_BYTES)?)?;
            (len <= MAX_EXIF).then_some(())?;
            apple_id::in_heic_exif_item(&read_at(store, user, sha, off, len)?)
        }
        Half::Clip => apple_id::in_moov(&moov(store, user, sha)?),
    }
}

fn read_at(store: &dyn Store, user: &str, sha: &str, offset: u64, n: u64) -> Option<Vec<u8>> {
    let (r, _) = store.open_blob_at(user, sha, offset).ok()??;
    let mut out = Vec::new();
    r.take(n).read_to_end(&mut out).ok()?;
    Some(out)
}

/// The payload of the clip's top-level `moov` atom.
fn moov(store: &dyn Store, user: &str, sha: &str) -> Option<Vec<u8>> {
    let (_, len) = store.open_blob(user, sha).ok()??;
    let mut at = 0u64;
    for _ in 0..MAX_ATOMS {
        let h = read_at(store, user, sha, at, 16)?;
        let size = u32::from_be_bytes(h.get(0..4)?.try_into().ok()?) as u64;
        let (hdr, size) = match size {
            1 => (16, u64::from_be_bytes(h.get(8..16)?.try_into().ok()?)),
            0 => (8, len.checked_sub(at)?),
            s => (8, s),
        };
        if size < hdr {
            return None;
        }
        if h.get(4..8)? == b"moov" {
            (size - hdr <= MAX_MOOV).then_some(())?;
            return read_at(store, user, sha, at + hdr, size - hdr);
        }
        at = at.checked_add(size)?;
        if at >= len {
            return None;
        }
    }
    None
}
