//! The words for skipped files: each reason with the figure that broke the limit and the
//! limit itself ("82 MB, over the 75 MB limit"), the plan's per-kind labels, the status
//! card's "skipped — see why" line and the skipped list's CSV header.
use crate::i18n::{t, tn};
use shoebox_core::facts::{SkipKind, SkipReason};

use super::bytes;

/// The plan's label for a kind of skip, counted over many files.
pub fn skip_kind(k: SkipKind) -> &'static str {
    t(match k {
        SkipKind::NotMedia => "skip-not-media",
        SkipKind::EmptyFile => "skip-empty-file",
        SkipKind::SystemFile => "skip-system-file",
        SkipKind::OverSizeLimit => "skip-over-size-limit",
        SkipKind::OverPixelLimit => "skip-over-pixel-limit",
        SkipKind::UnderMinimumSize => "skip-under-minimum-size",
    })
}

/// One file's reason, with its figures.
pub fn skip_reason(r: SkipReason) -> String {
    match r {
        SkipReason::OverSizeLimit { size, limit: Some(limit) } => {
            tn("skip-over-size-limit-of", &[], &[("size", &bytes(size)), ("limit", &bytes(limit))])
        }
        SkipReason::OverSizeLimit { size, limit: None } => tn("skip-over-server-limit", &[], &[("size", &bytes(size))]),
        SkipReason::OverPixelLimit { pixels, limit } => {
            tn("skip-over-pixel-limit-of", &[], &[("pixels", &megapixels(pixels)), ("limit", &megapixels(limit))])
        }
        SkipReason::UnderMinimumSize { side, minimum } => tn(
            "skip-under-minimum-size-of",
            &[],
            &[
                ("side", &tn("size-px", &[], &[("value", &crate::i18n::number(side as u64))])),
                ("minimum", &tn("size-px", &[], &[("value", &crate::i18n::number(minimum as u64))])),
            ],
        ),
        other => skip_kind(other.kind()).into(),
    }
}

/// Millions of pixels, as cameras state them ("108 MP", "100.5 MP").
pub fn megapixels(pixels: u64) -> String {
    let mp = pixels as f64 / 1_000_000.0;
    let places = if mp.fract() < 0.05 || mp >= 1000.0 { 0 } else { 1 };
    tn("size-mp", &[], &[("value", &crate::i18n::decimal(mp, places))])
}

/// The status card's line: skipped photos and videos apart from files that never were any.
pub fn skipped_line(media: u64, ignored: u64) -> String {
    let skipped = tn("skipped-media", &[("count", media)], &[]);
    let other = tn("skipped-ignored", &[("count", ignored)], &[]);
    let what = match (media, ignored) {
        (0, _) => other,
        (_, 0) => skipped,
        _ => tn("list-more", &[], &[("first", &skipped), ("next", &other)]),
    };
    tn("skipped-see-why", &[], &[("what", &what)])
}

/// The label of the button that hides the skip line.
pub fn skipped_dismiss() -> &'static str {
    t("skipped-dismiss")
}

/// The skipped list's CSV header row, in the page's language.
pub fn csv_header() -> [&'static str; 2] {
    [t("csv-path"), t("csv-reason")]
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn reasons_name_the_limit() {
        let over = SkipReason::OverSizeLimit { size: 82_000_000, limit: Some(75_000_000) };
        assert_eq!(skip_reason(over), "82 MB, over the 75 MB limit");
        assert_eq!(skip_reason(SkipReason::OverSizeLimit { size: 82_000_000, limit: None }), "82 MB, over the server's limit");
        let px = SkipReason::OverPixelLimit { pixels: 108_000_000, limit: 100_000_000 };
        assert_eq!(skip_reason(px), "108 MP, over the 100 MP limit");
        let small = SkipReason::UnderMinimumSize { side: 200, minimum: 256 };
        assert_eq!(skip_reason(small), "200 px on the shorter side, under the 256 px minimum");
        assert_eq!(skip_reason(SkipReason::EmptyFile), "empty file");
        assert_eq!(megapixels(100_010_000), "100 MP");
        assert_eq!(megapixels(4_225_000_000), "4,225 MP");
        assert_eq!(megapixels(12_500_000), "12.5 MP");
    }
}
