//! Apple's content identifier, which the camera writes into both halves of a Live Photo: in
//! the photo's EXIF MakerNote (Apple's, tag 0x0011) and in the clip's QuickTime metadata (the
//! `mdta` key `com.apple.quicktime.content.identifier`). Bounds-checked readers over bytes the
//! caller read; an identifier is printable ASCII of at most 64 characters, else ignored.
use super::isobmff::{be32, boxes, child};
use super::tiff::{find, tag, Tiff};

/// The MakerNote's tag that holds the identifier.
const CONTENT_ID: u16 = 0x0011;
const MAKER_NOTE: u16 = 0x927C;
/// Apple's MakerNote header: "Apple iOS\0", a version, the byte order; its IFD follows.
const APPLE: &[u8] = b"Apple iOS\0";
const APPLE_IFD: usize = 14;
pub const MOV_KEY: &str = "com.apple.quicktime.content.identifier";

fn valid(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_graphic())).then(|| s.to_string())
}

/// The identifier in an EXIF TIFF block (IFD0 → Exif IFD → Apple's MakerNote).
pub fn in_tiff(data: &[u8]) -> Option<String> {
    let t = Tiff::parse(data)?;
    let (ifd0, _) = t.entries(t.ifd0()?)?;
    let exif_at = find(&ifd0, tag::EXIF_IFD).and_then(|e| t.uint(e, 0))? as usize;
    let (exif, _) = t.entries(exif_at)?;
    let note = t.value(find(&exif, MAKER_NOTE)?)?;
    if !note.starts_with(APPLE) {
        return None;
    }
    // Offsets in Apple's IFD count from the MakerNote's first byte.
    let le = note.get(12..14)? == b"II";
    let apple = Tiff { data: note, le };
    let (entries, _) = apple.entries(APPLE_IFD)?;
    valid(apple.ascii(find(&entries, CONTENT_ID)?)?)
}

/// The identifier of a JPEG whose first bytes are `head`.
pub fn in_jpeg(head: &[u8]) -> Option<String> {
    let (segs, _) = super::jpeg::segments(head);
    in_tiff(super::jpeg::exif(&segs)?)
}

/// Where a HEIC's EXIF item is (file offset, length), from its first bytes.
pub fn heic_exif_span(head: &[u8]) -> Option<(u64, u64)> {
    super::isobmff::heif(head)?.exif
}

/// The identifier in a HEIC's EXIF item (which begins with the offset of its TIFF block).
pub fn in_heic_exif_item(item: &[u8]) -> Option<String> {
    let skip = be32(item, 0)? as usize;
    in_tiff(item.get(4usize.checked_add(skip)?..)?)
}

/// The identifier in a QuickTime `moov` box's payload: its `meta` box's `keys` name the key,
/// the `ilst` item of that index holds its `data`.
pub fn in_moov(moov: &[u8]) -> Option<String> {
    let meta = child(moov, b"meta")?;
    // QuickTime's `meta` has no version and flags; ISO's has four bytes of them.
    let inner = if child(meta, b"keys").is_some() { meta } else { meta.get(4..)? };
    let keys = child(inner, b"keys")?;
    let count = be32(keys, 4)? as usize;
    let mut at = 8usize;
    let mut index = None;
    for i in 1..=count.min(256) {
        let size = be32(keys, at)? as usize;
        let name = keys.get(at.checked_add(8)?..at.checked_add(size)?)?;
        if keys.get(at + 4..at + 8)? == b"mdta" && name == MOV_KEY.as_bytes() {
            index = Some(i as u32);
            break;
        }
        at = at.checked_add(size.max(8))?;
    }
    let index = index?.to_be_bytes();
    let item = boxes(child(inner, b"ilst")?).into_iter().find(|(t, _, _)| *t == index)?.1;
    let data = child(item, b"data")?;
    // `data`: a type indicator (1 is UTF-8), a locale, the value.
    (be32(data, 0)? & 0xFF_FFFF == 1).then_some(())?;
    valid(std::str::from_utf8(data.get(8..)?).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn atom(ty: &[u8; 4], payload: &[u8]) -> Vec<u8> {
        let mut b = ((payload.len() + 8) as u32).to_be_bytes().to_vec();
        b.extend(ty);
        b.extend(payload);
        b
    }

    /// A `moov` payload whose metadata holds `keys`, the value of key i (1-based) being "v{i}".
    fn moov(keys: &[&str], values: &[(u32, &str)]) -> Vec<u8> {
        let mut k = vec![0, 0, 0, 0];
        k.extend((keys.len() as u32).to_be_bytes());
        for key in keys {
            k.extend(((key.len() + 8) as u32).to_be_bytes());
            k.extend(b"mdta");
            k.extend(key.as_bytes());
        }
        let mut ilst = Vec::new();
        for (i, v) in values {
            let mut d = vec![0, 0, 0, 1, 0, 0, 0, 0];
            d.extend(v.as_bytes());
            ilst.extend(atom(&i.to_be_bytes(), &atom(b"data", &d)));
        }
        let meta = [atom(b"hdlr", &[0; 24]), atom(b"keys", &k), atom(b"ilst", &ilst)].concat();
        atom(b"meta", &meta)
    }

    #[test]
    fn the_clips_identifier_is_found_by_its_key() {
        let id = "5A1B0D2C-0000-4C3E-9F00-1234567890AB";
        let m = moov(&["com.apple.quicktime.make", MOV_KEY], &[(1, "Apple"), (2, id)]);
        assert_eq!(in_moov(&m).as_deref(), Some(id));
        assert_eq!(in_moov(&moov(&["com.apple.quicktime.make"], &[(1, "Apple")])), None);
        assert_eq!(in_moov(&moov(&[MOV_KEY], &[(1, "not\tprintable")])), None);
        for cut in 0..m.len() {
            let _ = in_moov(&m[..cut]);
        }
    }

    #[test]
    fn a_maker_note_that_is_not_apples_or_is_cut_gives_nothing() {
        assert_eq!(in_tiff(b"MM\0*\0\0\0\x08\0\0"), None);
        assert_eq!(in_jpeg(b"\xFF\xD8\xFF\xE0\0\x10JFIF\0"), None);
        assert_eq!(in_heic_exif_item(&[0, 0, 0, 200, 1]), None);
    }
}
