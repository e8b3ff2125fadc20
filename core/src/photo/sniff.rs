//! Format recognition from the first bytes (never the extension), and OS clutter by name.
use super::isobmff::{be32, brands};
use super::tiff::{find, tag, Tiff};
use crate::facts::{FileFacts, Format, MediaKind};

/// .DS_Store, Thumbs.db, desktop.ini, AppleDouble `._*` and friends: never user media.
pub fn is_system_name(name: &str) -> bool {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let lower = base.to_ascii_lowercase();
    base.starts_with("._")
        || matches!(
            lower.as_str(),
            ".ds_store"
                | "thumbs.db"
                | "ehthumbs.db"
                | "ehthumbs_vista.db"
                | "desktop.ini"
                | ".picasa.ini"
                | "picasa.ini"
                | ".localized"
                | "icon\r"
        )
}

/// The format a file's extension suggests. Only a first guess, for a plan ready before any
/// content is read (reading the heads of 100,000 files takes a minute in a browser); the
/// content decides in the end (`sniff`).
pub fn format_from_name(name: &str) -> Format {
    use Format::*;
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    match ext.as_str() {
        "jpg" | "jpeg" | "jpe" | "jfif" => Jpeg,
        "png" => Png,
        "gif" => Gif,
        "webp" => Webp,
        "bmp" => Bmp,
        "tif" | "tiff" => Tiff,
        "heic" | "heif" | "hif" => Heic,
        "avif" => Avif,
        "dng" => Dng,
        "cr2" => Cr2,
        "cr3" => Cr3,
        "nef" => Nef,
        "arw" => Arw,
        "orf" => Orf,
        "rw2" => Rw2,
        "raf" => Raf,
        "mp4" => Mp4,
        "mov" | "qt" => Mov,
        "m4v" => M4v,
        "3gp" | "3g2" => ThreeGp,
        "mkv" => Matroska,
        "webm" => Webm,
        "avi" => Avi,
        "ts" | "mts" | "m2ts" => MpegTs,
        "xmp" => Xmp,
        "aae" => Aae,
        _ => Unknown,
    }
}

pub fn kind(f: Format) -> MediaKind {
    use Format::*;
    match f {
        Jpeg | Png | Gif | Webp | Bmp | Tiff | Heic | Avif | Dng | Cr2 | Cr3 | Nef | Arw | Orf | Rw2 | Raf => MediaKind::Photo,
        Mp4 | Mov | M4v | ThreeGp | Matroska | Webm | Avi | MpegTs => MediaKind::Video,
        Xmp | Aae => MediaKind::Sidecar,
        Unknown => MediaKind::Other,
    }
}

pub fn sniff(b: &[u8]) -> Format {
    let at = |i: usize, m: &[u8]| b.get(i..i + m.len()) == Some(m);
    if at(0, &[0xFF, 0xD8, 0xFF]) {
        return Format::Jpeg;
    }
    if at(0, b"\x89PNG\r\n\x1a\n") {
        return Format::Png;
    }
    if at(0, b"GIF87a") || at(0, b"GIF89a") {
        return Format::Gif;
    }
    if at(0, b"RIFF") {
        return if at(8, b"WEBP") {
            Format::Webp
        } else if at(8, b"AVI ") {
            Format::Avi
        } else {
            Format::Unknown
        };
    }
    if at(0, b"FUJIFILMCCD-RAW") {
        return Format::Raf;
    }
    if at(0, b"BM")
        && b.get(14..18).is_some_and(|h| matches!(u32::from_le_bytes([h[0], h[1], h[2], h[3]]), 12 | 16 | 40 | 52 | 56 | 64 | 108 | 124))
    {
        return Format::Bmp;
    }
    if at(0, &[0x1A, 0x45, 0xDF, 0xA3]) {
        let h = &b[..b.len().min(64)];
        return if h.windows(4).any(|w| w == b"webm") { Format::Webm } else { Format::Matroska };
    }
    if let Some(f) = tiff_family(b) {
        return f;
    }
    if let Some(br) = brands(b) {
        return isobmff(&br);
    }
    // Old QuickTime files may start with a plain atom instead of `ftyp`.
    if b.len() >= 8 && be32(b, 0).is_some_and(|s| s >= 8) && matches!(&b[4..8], b"moov" | b"mdat" | b"wide" | b"free" | b"skip" | b"pnot") {
        return Format::Mov;
    }
    if is_mpeg_ts(b) {
        return Format::MpegTs;
    }
    Format::Unknown
}

fn tiff_family(b: &[u8]) -> Option<Format> {
    let t = Tiff::parse(b)?;
    match t.u16(2)? {
        0x4F52 | 0x5352 => return Some(Format::Orf),
        0x55 => return Some(Format::Rw2),
        _ => {}
    }
    if b.get(8..10) == Some(b"CR") {
        return Some(Format::Cr2);
    }
    let Some((ifd0, _)) = t.ifd0().and_then(|o| t.entries(o)) else { return Some(Format::Tiff) };
    if find(&ifd0, tag::DNG_VERSION).is_some() {
        return Some(Format::Dng);
    }
    let make = find(&ifd0, tag::MAKE).and_then(|e| t.ascii(e)).unwrap_or("").to_ascii_uppercase();
    Some(if make.starts_with("NIKON") {
        Format::Nef
    } else if make.starts_with("SONY") {
        Format::Arw
    } else {
        Format::Tiff
    })
}

fn isobmff(br: &[[u8; 4]]) -> Format {
    let has = |names: &[&[u8; 4]]| br.iter().any(|b| names.contains(&b));
    let major = br[0];
    if &major == b"crx " || has(&[b"crx "]) {
        return Format::Cr3;
    }
    if has(&[b"avif", b"avis"]) {
        return Format::Avif;
    }
    if has(&[b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"mif2"]) {
        return Format::Heic;
    }
    match &major {
        b"qt  " => Format::Mov,
        b"M4V " | b"M4VH" | b"M4VP" => Format::M4v,
        b"M4A " | b"M4B " | b"M4P " => Format::Unknown,
        m if m.starts_with(b"3g") => Format::ThreeGp,
        _ if has(&[b"qt  "]) => Format::Mov,
        _ => Format::Mp4,
    }
}

/// 188-byte transport packets (or 192-byte M2TS/MTS packets with a 4-byte time code).
fn is_mpeg_ts(b: &[u8]) -> bool {
    let synced = |start: usize, step: usize| {
        let n = (b.len().saturating_sub(start + 1) / step + 1).min(4);
        n >= 2 && (0..n).all(|k| b[start + k * step] == 0x47)
    };
    (b.first() == Some(&0x47) && synced(0, 188)) || (b.get(4) == Some(&0x47) && synced(4, 192))
}
/// The name-only guess is a sniffing rule, so it lives here; `facts.rs` stays vocabulary that
/// imports nothing of the photo code.
impl FileFacts {
    /// What the name alone suggests, before `Inspect` reads the content: system files by name
    /// (final), otherwise the kind of the extension's format, with no dimensions.
    pub fn guess(name: &str) -> Self {
        if is_system_name(name) {
            return FileFacts { kind: MediaKind::System, ..FileFacts::other() };
        }
        let format = format_from_name(name);
        FileFacts { kind: kind(format), format, ..FileFacts::other() }
    }
}
