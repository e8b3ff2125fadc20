//! What inspecting a file's first bytes tells us (`FileFacts`), the per-file decision of the
//! limits policy, and the outcomes/skip reasons of contracts.md ("What each file ends as").
//! Enums only: the app turns them into words in its one strings module.
use crate::limits::{Limits, Quality, HIGH_QUALITY_PIXELS};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MediaKind {
    Photo,
    Video,
    /// OS clutter such as .DS_Store, Thumbs.db, desktop.ini, AppleDouble `._*`.
    System,
    /// A file describing a photo (an XMP sidecar, Apple's .AAE edits): backed up with it.
    Sidecar,
    Other,
}

/// Container/codec family recognised from content (not from the extension).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Jpeg,
    Png,
    Gif,
    Webp,
    Bmp,
    Tiff,
    Heic,
    Avif,
    Dng,
    Cr2,
    Cr3,
    Nef,
    Arw,
    Orf,
    Rw2,
    Raf,
    Mp4,
    Mov,
    M4v,
    ThreeGp,
    Matroska,
    Webm,
    Avi,
    MpegTs,
    /// An XMP sidecar (`photo::sidecar`).
    Xmp,
    /// Apple's edit list beside a photo (`IMG_1234.AAE`), an XML property list.
    Aae,
    Unknown,
}

impl Format {
    /// The MIME type to declare as `filetype` when the browser gives none.
    pub fn mime(self) -> &'static str {
        use Format::*;
        match self {
            Jpeg => "image/jpeg",
            Png => "image/png",
            Gif => "image/gif",
            Webp => "image/webp",
            Bmp => "image/bmp",
            Tiff => "image/tiff",
            Heic => "image/heic",
            Avif => "image/avif",
            Dng => "image/x-adobe-dng",
            Cr2 => "image/x-canon-cr2",
            Cr3 => "image/x-canon-cr3",
            Nef => "image/x-nikon-nef",
            Arw => "image/x-sony-arw",
            Orf => "image/x-olympus-orf",
            Rw2 => "image/x-panasonic-rw2",
            Raf => "image/x-fuji-raf",
            Mp4 => "video/mp4",
            Mov => "video/quicktime",
            M4v => "video/x-m4v",
            ThreeGp => "video/3gpp",
            Matroska => "video/x-matroska",
            Webm => "video/webm",
            Avi => "video/x-msvideo",
            MpegTs => "video/mp2t",
            Xmp => "application/rdf+xml",
            Aae => "application/xml",
            Unknown => "application/octet-stream",
        }
    }
    /// Formats the Prepare step can decode and re-encode.
    pub fn can_prepare(self) -> bool {
        matches!(self, Format::Jpeg | Format::Png | Format::Webp | Format::Tiff)
    }
    /// Formats whose location Prepare can strip in place (no re-encode).
    pub fn can_strip_location(self) -> bool {
        self.can_prepare() || matches!(self, Format::Heic | Format::Avif)
    }
}

/// Why Prepare handed back the original instead of new bytes (`KeepOriginal {reason}`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum KeepReason {
    /// Already at or under the pixel target and no location to strip.
    NothingToDo,
    /// The prepared bytes were not smaller than the original.
    NotSmaller,
    /// A format Prepare cannot decode and re-encode.
    Unsupported,
    /// The photo could not be decoded (corrupt or truncated): send it as it is.
    Undecodable,
}

/// Result of `Inspect {file}` (contracts.md).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FileFacts {
    pub kind: MediaKind,
    pub format: Format,
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// EXIF orientation 1..=8 when present.
    pub orientation: Option<u8>,
    /// EXIF DateTimeOriginal as written ("YYYY:MM:DD HH:MM:SS"), when present.
    pub captured_at: Option<String>,
    /// False when the format was recognised but its header could not be read.
    pub readable: bool,
    /// "Make Model" from EXIF, when present (the library's details).
    #[serde(default)]
    pub camera: Option<String>,
    /// EXIF GPS position, when present.
    #[serde(default)]
    pub location: Option<GeoPoint>,
}

/// A GPS position in degrees, negative south and west. Always finite (the EXIF reader drops
/// anything else), which is why it can be `Eq` like the rest of the facts.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct GeoPoint {
    pub lat: f64,
    pub lon: f64,
}

impl Eq for GeoPoint {}

impl FileFacts {
    pub fn other() -> Self {
        FileFacts {
            kind: MediaKind::Other,
            format: Format::Unknown,
            width: None,
            height: None,
            orientation: None,
            captured_at: None,
            readable: true,
            camera: None,
            location: None,
        }
    }
    pub fn pixels(&self) -> Option<u64> {
        Some(self.width? as u64 * self.height? as u64)
    }
}

/// Kinds of skip, in the order the app lists them (the plan counts files per kind).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SkipKind {
    NotMedia,
    EmptyFile,
    SystemFile,
    OverSizeLimit,
    OverPixelLimit,
    UnderMinimumSize,
}

/// Why one file is skipped, with the figures that make the reason checkable: the file's own
/// measure and the limit it broke, so the app can say "82 MB, over the 75 MB limit".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum SkipReason {
    NotMedia,
    EmptyFile,
    SystemFile,
    /// `limit` is `None` when the server refused the size without saying its limit.
    OverSizeLimit {
        size: u64,
        limit: Option<u64>,
    },
    OverPixelLimit {
        pixels: u64,
        limit: u64,
    },
    /// `side` is the photo's shorter side in pixels.
    UnderMinimumSize {
        side: u32,
        minimum: u32,
    },
}

impl SkipReason {
    pub fn kind(&self) -> SkipKind {
        match self {
            SkipReason::NotMedia => SkipKind::NotMedia,
            SkipReason::EmptyFile => SkipKind::EmptyFile,
            SkipReason::SystemFile => SkipKind::SystemFile,
            SkipReason::OverSizeLimit { .. } => SkipKind::OverSizeLimit,
            SkipReason::OverPixelLimit { .. } => SkipKind::OverPixelLimit,
            SkipReason::UnderMinimumSize { .. } => SkipKind::UnderMinimumSize,
        }
    }
}

/// Notes attached to an `uploaded` outcome.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum UploadNote {
    /// Recognised photo whose content could not be read: sent as the original.
    UnreadableSentOriginal,
    /// Downsizing was asked for but the original was kept (not smaller, or could not decode).
    KeptOriginal,
    /// Uploaded a downsized copy.
    Downsized,
}

/// How a file ended (contracts.md).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "type", content = "detail")]
pub enum Outcome {
    Uploaded(Option<UploadNote>),
    AlreadyBackedUp,
    Skipped(SkipReason),
    Failed(crate::failure::FailReason),
}

/// What the limits policy says to do with one file, judged on the original.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Decision {
    Upload,
    /// Upload after Prepare (downsize to `max_pixels` and/or strip location).
    Prepare {
        max_pixels: Option<u64>,
        strip_location: bool,
    },
    Skip(SkipReason),
}

/// Apply the limits to a file of `size` bytes with these facts.
pub fn decide(facts: &FileFacts, size: u64, limits: &Limits, quality: Quality, strip_location: bool) -> Decision {
    if facts.kind == MediaKind::System {
        return Decision::Skip(SkipReason::SystemFile);
    }
    if size == 0 {
        return Decision::Skip(SkipReason::EmptyFile);
    }
    match facts.kind {
        MediaKind::Other | MediaKind::System => Decision::Skip(SkipReason::NotMedia),
        // Small text beside a photo; the photo's byte limit keeps a huge one out.
        MediaKind::Sidecar if size > limits.max_photo_bytes => over_size(size, limits.max_photo_bytes),
        MediaKind::Sidecar => Decision::Upload,
        MediaKind::Video => {
            if size > limits.max_video_bytes {
                over_size(size, limits.max_video_bytes)
            } else {
                Decision::Upload
            }
        }
        MediaKind::Photo => {
            if size > limits.max_photo_bytes {
                return over_size(size, limits.max_photo_bytes);
            }
            if let Some(px) = facts.pixels() {
                if px > limits.max_photo_pixels {
                    return Decision::Skip(SkipReason::OverPixelLimit { pixels: px, limit: limits.max_photo_pixels });
                }
            }
            if limits.min_photo_side > 0 {
                if let (Some(w), Some(h)) = (facts.width, facts.height) {
                    if w.min(h) < limits.min_photo_side {
                        return Decision::Skip(SkipReason::UnderMinimumSize { side: w.min(h), minimum: limits.min_photo_side });
                    }
                }
            }
            if !facts.readable {
                return Decision::Upload;
            }
            let downsize =
                facts.format.can_prepare() && quality == Quality::High && facts.pixels().is_some_and(|p| p > HIGH_QUALITY_PIXELS);
            let strip_location = strip_location && facts.format.can_strip_location();
            if downsize || strip_location {
                Decision::Prepare { max_pixels: downsize.then_some(HIGH_QUALITY_PIXELS), strip_location }
            } else {
                Decision::Upload
            }
        }
    }
}

fn over_size(size: u64, limit: u64) -> Decision {
    Decision::Skip(SkipReason::OverSizeLimit { size, limit: Some(limit) })
}
