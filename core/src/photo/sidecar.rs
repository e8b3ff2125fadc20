//! Sidecars: files that describe a photo rather than being one. XMP sidecars (`IMG_1234.xmp`
//! as Lightroom and darktable write them, `IMG_1234.CR3.xmp` naming the file in full) and
//! Apple's `.AAE` edit lists (`IMG_1234.AAE`) are backed up with their photo and belong to
//! it: the name says which photo (same folder, same stem), the content only confirms it is
//! text. The plan (`inspect`) and the server (which attaches a sidecar to its item) share
//! these rules.
use super::sniff::{format_from_name, kind};
use crate::facts::{Format, MediaKind};

/// The sidecar format a name's extension says, if any.
pub fn format_from_sidecar_name(name: &str) -> Option<Format> {
    let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
    match ext.as_str() {
        "xmp" => Some(Format::Xmp),
        "aae" => Some(Format::Aae),
        _ => None,
    }
}

/// True when the name is a sidecar's (by extension; the content is not looked at).
pub fn is_sidecar_name(name: &str) -> bool {
    format_from_sidecar_name(base(name)).is_some()
}

/// The sidecar format of a file named `name` whose content starts with `head`: an XMP or AAE
/// name and a head that is XML text (after an optional byte-order mark and white space).
/// Anything else under such a name (a JPEG misnamed `.xmp`, random bytes) is not a sidecar.
pub fn sniff_sidecar(name: &str, head: &[u8]) -> Option<Format> {
    let format = format_from_sidecar_name(base(name))?;
    let text = head.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(head);
    let start = text.iter().position(|b| !b.is_ascii_whitespace())?;
    (text[start] == b'<').then_some(format)
}

/// The stem a sidecar and its photo share: `IMG_1234.xmp`, `IMG_1234.CR3.xmp` and
/// `IMG_1234.AAE` all give `IMG_1234`, as does the photo `IMG_1234.CR3`. For a sidecar it
/// also says the photo's full name when the sidecar names it (`IMG_1234.CR3`).
pub fn stem(name: &str) -> (&str, Option<&str>) {
    let name = base(name);
    let Some((rest, _)) = name.rsplit_once('.') else { return (name, None) };
    if !is_sidecar_name(name) {
        return (rest, None);
    }
    match rest.rsplit_once('.') {
        Some((s, _)) if matches!(kind(format_from_name(rest)), MediaKind::Photo | MediaKind::Video) => (s, Some(rest)),
        _ => (rest, None),
    }
}

/// How well a record named `target` (of this MIME type) fits as the sidecar `sidecar`'s
/// photo: the named file best, then a RAW (whose edits XMP sidecars usually hold), then any
/// photo, then a video; `None` when it cannot hold a sidecar (another sidecar, a non-media
/// file). Higher is better.
pub fn fit(sidecar: &str, target: &str, filetype: Option<&str>) -> Option<u8> {
    if is_sidecar_name(target) {
        return None;
    }
    let target = base(target);
    if stem(sidecar).1.is_some_and(|full| full.eq_ignore_ascii_case(target)) {
        return Some(4);
    }
    let format = format_from_name(target);
    let t = filetype.unwrap_or("").to_ascii_lowercase();
    if super::is_raw(format) {
        Some(3)
    } else if t.starts_with("image/") || kind(format) == MediaKind::Photo {
        Some(2)
    } else if t.starts_with("video/") || kind(format) == MediaKind::Video {
        Some(1)
    } else {
        None
    }
}

fn base(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xmp_and_aae_names_with_text_are_sidecars() {
        assert_eq!(sniff_sidecar("IMG_1234.xmp", b"<?xpacket begin=''?><x:xmpmeta/>"), Some(Format::Xmp));
        assert_eq!(sniff_sidecar("Trip/IMG_1234.CR3.XMP", b"\xEF\xBB\xBF\n  <x:xmpmeta/>"), Some(Format::Xmp));
        assert_eq!(sniff_sidecar("IMG_1234.AAE", b"<?xml version=\"1.0\"?><!DOCTYPE plist>"), Some(Format::Aae));
        assert_eq!(sniff_sidecar("IMG_1234.xmp", b"\xFF\xD8\xFF\xE0"), None, "a JPEG named .xmp is no sidecar");
        assert_eq!(sniff_sidecar("IMG_1234.xmp", b"   "), None);
        assert_eq!(sniff_sidecar("IMG_1234.jpg", b"<x:xmpmeta/>"), None, "the name must say sidecar");
        assert!(is_sidecar_name("a/b/IMG_1.Xmp") && is_sidecar_name("IMG_1.aae") && !is_sidecar_name("xmp"));
    }

    #[test]
    fn sidecar_and_photo_share_a_stem() {
        assert_eq!(stem("IMG_1234.xmp"), ("IMG_1234", None));
        assert_eq!(stem("DCIM/IMG_1234.CR3.xmp"), ("IMG_1234", Some("IMG_1234.CR3")));
        assert_eq!(stem("IMG_1234.AAE"), ("IMG_1234", None));
        assert_eq!(stem("IMG_1234.CR3"), ("IMG_1234", None));
        assert_eq!(stem("my.trip.xmp"), ("my.trip", None), "a dot in the stem is no photo name");
        assert_eq!(stem("noext"), ("noext", None));
    }

    #[test]
    fn the_named_file_fits_best_then_raw_then_photo_then_video() {
        assert_eq!(fit("IMG_1.JPG.xmp", "IMG_1.jpg", Some("image/jpeg")), Some(4));
        assert_eq!(fit("IMG_1.JPG.xmp", "IMG_1.CR3", None), Some(3));
        assert_eq!(fit("IMG_1.xmp", "IMG_1.CR3", Some("image/x-canon-cr3")), Some(3));
        assert_eq!(fit("IMG_1.xmp", "IMG_1.HEIC", Some("image/heic")), Some(2));
        assert_eq!(fit("IMG_1.xmp", "IMG_1.MOV", Some("video/quicktime")), Some(1));
        assert_eq!(fit("IMG_1.xmp", "IMG_1.AAE", Some("application/xml")), None);
        assert_eq!(fit("IMG_1.xmp", "IMG_1.txt", Some("text/plain")), None);
    }
}
