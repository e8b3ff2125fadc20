//! What a finished visit saved, by kind, for the done screen ("Done — 6 photos, 2 images and
//! 1 video saved"). A visitor counts what they brought the way they think of it: pictures a
//! camera or phone takes are photos; screenshots and graphics (PNG, GIF, WebP, BMP) are images;
//! videos are videos; anything else the backup took is a file. The content decides (the
//! inspected format), never the name.
use crate::facts::{FileFacts, Format, MediaKind};
use serde::{Deserialize, Serialize};

/// Saved files of one finished backup, by kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedKinds {
    pub photos: u64,
    pub images: u64,
    pub videos: u64,
    pub others: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SavedKind {
    Photo,
    Image,
    Video,
    Other,
}

impl SavedKind {
    /// The kind of a saved file from what its content showed (`None`: never inspected).
    pub fn of(facts: Option<&FileFacts>) -> SavedKind {
        use Format::*;
        match facts.map(|f| (f.kind, f.format)) {
            Some((MediaKind::Video, _)) => SavedKind::Video,
            Some((MediaKind::Photo, Png | Gif | Webp | Bmp)) => SavedKind::Image,
            Some((MediaKind::Photo, _)) => SavedKind::Photo,
            _ => SavedKind::Other,
        }
    }
}

impl SavedKinds {
    pub fn total(&self) -> u64 {
        self.photos + self.images + self.videos + self.others
    }

    fn slot(&mut self, kind: SavedKind) -> &mut u64 {
        match kind {
            SavedKind::Photo => &mut self.photos,
            SavedKind::Image => &mut self.images,
            SavedKind::Video => &mut self.videos,
            SavedKind::Other => &mut self.others,
        }
    }

    /// Count a saved file in (`sign` > 0) or out (the running tallies subtract before a change).
    pub fn apply(&mut self, facts: Option<&FileFacts>, sign: i64) {
        let n = self.slot(SavedKind::of(facts));
        if sign > 0 {
            *n += 1
        } else {
            *n -= 1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(kind: MediaKind, format: Format) -> FileFacts {
        FileFacts { kind, format, ..FileFacts::other() }
    }

    #[test]
    fn camera_pictures_are_photos_screenshots_and_graphics_images() {
        for f in [Format::Jpeg, Format::Heic, Format::Dng, Format::Cr3, Format::Avif, Format::Tiff] {
            assert_eq!(SavedKind::of(Some(&facts(MediaKind::Photo, f))), SavedKind::Photo, "{f:?}");
        }
        for f in [Format::Png, Format::Gif, Format::Webp, Format::Bmp] {
            assert_eq!(SavedKind::of(Some(&facts(MediaKind::Photo, f))), SavedKind::Image, "{f:?}");
        }
        assert_eq!(SavedKind::of(Some(&facts(MediaKind::Video, Format::Mov))), SavedKind::Video);
        assert_eq!(SavedKind::of(Some(&facts(MediaKind::Other, Format::Unknown))), SavedKind::Other);
        assert_eq!(SavedKind::of(None), SavedKind::Other, "never inspected: a file, not a guess");
    }

    #[test]
    fn counts_go_in_and_out_exactly() {
        let mut s = SavedKinds::default();
        let png = facts(MediaKind::Photo, Format::Png);
        let jpg = facts(MediaKind::Photo, Format::Jpeg);
        s.apply(Some(&jpg), 1);
        s.apply(Some(&jpg), 1);
        s.apply(Some(&png), 1);
        s.apply(Some(&jpg), -1);
        assert_eq!(s, SavedKinds { photos: 1, images: 1, videos: 0, others: 0 });
        assert_eq!(s.total(), 2);
    }
}
