//! How bytes a user sent are answered so that no browser ever executes them: shown inline only
//! for a fixed list of raster image, video and audio types, and only when the stored bytes' head
//! is that kind of file; anything else is a download of `application/octet-stream`. Every
//! answer carrying user bytes is also sandboxed by its own CSP and marked `nosniff`, so even a
//! file opened directly (a signed URL pasted into the address bar) cannot run as the app.
//! Pure: the routes read the head and hand it here.
use axum::http::{header, HeaderMap, HeaderValue};
use shoebox_core::facts::Format;
use shoebox_core::photo::isobmff::brands;
use shoebox_core::photo::sniff::sniff;

/// How much of a blob's head the decision reads: every container below says what it is in its
/// first bytes, and the ISOBMFF brand list fits well within this.
pub const SNIFF_BYTES: u64 = 4096;

/// The policy of every answer that carries user bytes. `sandbox` gives the document an opaque
/// origin with scripts off, so it can reach neither the app's storage nor its cookies;
/// `default-src 'none'` forbids every load an SVG or HTML file would make. A photo or video
/// opened directly is the document itself, which no fetch directive governs, and Chromium's
/// own image and media viewers load nothing else.
pub const USER_BYTES_CSP: &str = "default-src 'none'; sandbox";

/// How one answer presents the bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ServeAs {
    /// Shown by the browser, with this (canonical) type.
    Inline(&'static str),
    /// `application/octet-stream` with `Content-Disposition: attachment`.
    Attachment,
}

impl ServeAs {
    pub fn content_type(self) -> &'static str {
        match self {
            ServeAs::Inline(t) => t,
            ServeAs::Attachment => "application/octet-stream",
        }
    }
}

/// What a head must be for a declared type to be believed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Jpeg,
    Png,
    Gif,
    Webp,
    Avif,
    Heif,
    Tiff,
    Bmp,
    /// MP4, QuickTime, M4V, 3GP: ISOBMFF video.
    IsoVideo,
    /// Matroska and WebM (EBML).
    Matroska,
    /// ISOBMFF audio (M4A), judged by its `ftyp` box alone.
    IsoAudio,
    Mp3,
    Adts,
    Ogg,
    Wav,
    Flac,
}

/// The inline list: declared type (lower case, without parameters), the type served, and
/// what the bytes must be. A declared type may appear more than once (AAC comes raw or in MP4).
const INLINE: &[(&str, &str, Family)] = &[
    ("image/jpeg", "image/jpeg", Family::Jpeg),
    ("image/jpg", "image/jpeg", Family::Jpeg),
    ("image/pjpeg", "image/jpeg", Family::Jpeg),
    ("image/png", "image/png", Family::Png),
    ("image/apng", "image/apng", Family::Png),
    ("image/gif", "image/gif", Family::Gif),
    ("image/webp", "image/webp", Family::Webp),
    ("image/avif", "image/avif", Family::Avif),
    ("image/heic", "image/heic", Family::Heif),
    ("image/heif", "image/heif", Family::Heif),
    ("image/heic-sequence", "image/heic-sequence", Family::Heif),
    ("image/heif-sequence", "image/heif-sequence", Family::Heif),
    ("image/tiff", "image/tiff", Family::Tiff),
    ("image/bmp", "image/bmp", Family::Bmp),
    ("image/x-ms-bmp", "image/bmp", Family::Bmp),
    ("video/mp4", "video/mp4", Family::IsoVideo),
    ("video/quicktime", "video/quicktime", Family::IsoVideo),
    ("video/x-m4v", "video/x-m4v", Family::IsoVideo),
    ("video/3gpp", "video/3gpp", Family::IsoVideo),
    ("video/3gpp2", "video/3gpp2", Family::IsoVideo),
    ("video/webm", "video/webm", Family::Matroska),
    ("video/x-matroska", "video/x-matroska", Family::Matroska),
    ("video/ogg", "video/ogg", Family::Ogg),
    ("audio/mpeg", "audio/mpeg", Family::Mp3),
    ("audio/mp3", "audio/mpeg", Family::Mp3),
    ("audio/mp4", "audio/mp4", Family::IsoAudio),
    ("audio/x-m4a", "audio/mp4", Family::IsoAudio),
    ("audio/aac", "audio/aac", Family::Adts),
    ("audio/aac", "audio/mp4", Family::IsoAudio),
    ("audio/ogg", "audio/ogg", Family::Ogg),
    ("audio/opus", "audio/ogg", Family::Ogg),
    ("audio/wav", "audio/wav", Family::Wav),
    ("audio/x-wav", "audio/wav", Family::Wav),
    ("audio/wave", "audio/wav", Family::Wav),
    ("audio/vnd.wave", "audio/wav", Family::Wav),
    ("audio/webm", "audio/webm", Family::Matroska),
    ("audio/flac", "audio/flac", Family::Flac),
    ("audio/x-flac", "audio/flac", Family::Flac),
];

/// How to serve bytes declared `declared` whose first bytes are `head`.
pub fn serve_as(declared: Option<&str>, head: &[u8]) -> ServeAs {
    let Some(declared) = declared else { return ServeAs::Attachment };
    let declared = declared.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    INLINE
        .iter()
        .find(|(d, _, family)| *d == declared && is(*family, head))
        .map_or(ServeAs::Attachment, |(_, served, _)| ServeAs::Inline(served))
}

fn is(family: Family, b: &[u8]) -> bool {
    let at = |i: usize, m: &[u8]| b.get(i..i + m.len()) == Some(m);
    let format = sniff(b);
    match family {
        Family::Jpeg => format == Format::Jpeg,
        Family::Png => format == Format::Png,
        Family::Gif => format == Format::Gif,
        Family::Webp => format == Format::Webp,
        Family::Avif => format == Format::Avif,
        Family::Heif => format == Format::Heic,
        Family::Tiff => matches!(format, Format::Tiff | Format::Dng),
        Family::Bmp => format == Format::Bmp,
        Family::IsoVideo => matches!(format, Format::Mp4 | Format::Mov | Format::M4v | Format::ThreeGp),
        Family::Matroska => matches!(format, Format::Webm | Format::Matroska),
        Family::IsoAudio => brands(b).is_some(),
        // An ID3 tag, or an MPEG audio frame header (sync bits, then a layer other than 00).
        Family::Mp3 => at(0, b"ID3") || (b.first() == Some(&0xFF) && b.get(1).is_some_and(|x| x & 0xE0 == 0xE0 && x & 0x06 != 0)),
        // An ADTS header: twelve sync bits, then layer 00.
        Family::Adts => b.first() == Some(&0xFF) && b.get(1).is_some_and(|x| x & 0xF6 == 0xF0),
        Family::Ogg => at(0, b"OggS"),
        Family::Wav => at(0, b"RIFF") && at(8, b"WAVE"),
        Family::Flac => at(0, b"fLaC"),
    }
}

/// The headers every answer carrying user bytes gets, whatever its status.
pub fn protect(h: &mut HeaderMap) {
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(USER_BYTES_CSP));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
}

#[cfg(test)]
mod tests {
    use super::*;

    const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF, 0xE0, 0, 16, b'J', b'F', b'I', b'F', 0];
    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    const MP4: &[u8] = b"\0\0\0\x18ftypisom\0\0\x02\0isomiso2mp41";
    const MOV: &[u8] = b"\0\0\0\x14ftypqt  \0\0\x02\0qt  ";
    const M4A: &[u8] = b"\0\0\0\x18ftypM4A \0\0\x02\0M4A isom";
    const WEBM: &[u8] = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm";
    const HTML: &[u8] = b"<!doctype html><script>localStorage.x=1</script>";
    const SVG: &[u8] = b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>";

    #[test]
    fn listed_types_whose_bytes_agree_are_inline_with_the_canonical_type() {
        assert_eq!(serve_as(Some("image/jpeg"), JPEG), ServeAs::Inline("image/jpeg"));
        assert_eq!(serve_as(Some("IMAGE/JPG; charset=x"), JPEG), ServeAs::Inline("image/jpeg"));
        assert_eq!(serve_as(Some("image/png"), PNG), ServeAs::Inline("image/png"));
        assert_eq!(serve_as(Some("video/mp4"), MP4), ServeAs::Inline("video/mp4"));
        assert_eq!(serve_as(Some("video/quicktime"), MOV), ServeAs::Inline("video/quicktime"));
        assert_eq!(serve_as(Some("video/webm"), WEBM), ServeAs::Inline("video/webm"));
        assert_eq!(serve_as(Some("audio/mp4"), M4A), ServeAs::Inline("audio/mp4"));
        assert_eq!(serve_as(Some("audio/aac"), M4A), ServeAs::Inline("audio/mp4"));
        assert_eq!(serve_as(Some("audio/aac"), &[0xFF, 0xF1, 0x50, 0x80]), ServeAs::Inline("audio/aac"));
        assert_eq!(serve_as(Some("audio/mpeg"), b"ID3\x04\0\0"), ServeAs::Inline("audio/mpeg"));
        assert_eq!(serve_as(Some("audio/mpeg"), &[0xFF, 0xFB, 0x90, 0x64]), ServeAs::Inline("audio/mpeg"));
        assert_eq!(serve_as(Some("audio/ogg"), b"OggS\0\x02"), ServeAs::Inline("audio/ogg"));
        assert_eq!(serve_as(Some("audio/x-wav"), b"RIFF\x24\0\0\0WAVEfmt "), ServeAs::Inline("audio/wav"));
        assert_eq!(serve_as(Some("audio/flac"), b"fLaC\0\0\0\x22"), ServeAs::Inline("audio/flac"));
    }

    #[test]
    fn scriptable_or_unlisted_types_are_attachments_whatever_the_bytes() {
        for t in ["text/html", "image/svg+xml", "application/xhtml+xml", "text/xml", "application/rdf+xml", "application/pdf", "text/plain"]
        {
            for head in [HTML, SVG, JPEG, MP4] {
                assert_eq!(serve_as(Some(t), head), ServeAs::Attachment, "{t}");
            }
        }
        let xmp = b"<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF/></x:xmpmeta>";
        assert_eq!(serve_as(Some("application/rdf+xml"), xmp), ServeAs::Attachment);
        assert_eq!(serve_as(Some(""), JPEG), ServeAs::Attachment);
        assert_eq!(serve_as(None, JPEG), ServeAs::Attachment, "no declared type: nothing to agree with");
    }

    #[test]
    fn a_listed_type_whose_bytes_disagree_is_an_attachment() {
        assert_eq!(serve_as(Some("image/jpeg"), HTML), ServeAs::Attachment);
        assert_eq!(serve_as(Some("image/png"), JPEG), ServeAs::Attachment);
        assert_eq!(serve_as(Some("video/mp4"), SVG), ServeAs::Attachment);
        assert_eq!(serve_as(Some("video/mp4"), WEBM), ServeAs::Attachment);
        assert_eq!(serve_as(Some("audio/mpeg"), HTML), ServeAs::Attachment);
        assert_eq!(serve_as(Some("audio/wav"), b"RIFF\x24\0\0\0WEBPVP8 "), ServeAs::Attachment);
        assert_eq!(serve_as(Some("image/jpeg"), &[]), ServeAs::Attachment, "an empty file is nothing");
    }

    #[test]
    fn user_bytes_are_sandboxed_and_not_sniffed() {
        let mut h = HeaderMap::new();
        protect(&mut h);
        assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        let csp = h[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert!(csp.starts_with("default-src 'none'") && csp.split(';').any(|d| d.trim() == "sandbox"), "{csp}");
        assert_eq!(ServeAs::Attachment.content_type(), "application/octet-stream");
    }
}
