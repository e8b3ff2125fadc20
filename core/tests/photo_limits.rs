//! The limits policy per preset (contracts.md "Limits presets"), judged on the original file.
use shoebox_core::facts::{decide, Decision, FileFacts, Format, MediaKind, SkipReason};
use shoebox_core::limits::{Limits, LimitsChoice, Quality, HIGH_QUALITY_PIXELS};

fn photo(format: Format, w: u32, h: u32) -> FileFacts {
    FileFacts { kind: MediaKind::Photo, format, width: Some(w), height: Some(h), ..FileFacts::other() }
}
fn video() -> FileFacts {
    FileFacts { kind: MediaKind::Video, format: Format::Mp4, ..FileFacts::other() }
}
const MB: u64 = 1_000_000;

/// The skip names the file's size and the limit it broke.
fn over(size: u64, limit: u64) -> Decision {
    Decision::Skip(SkipReason::OverSizeLimit { size, limit: Some(limit) })
}
use Quality::{High, Original};

#[test]
fn seed_preset() {
    let l = Limits::seed();
    assert_eq!(decide(&photo(Format::Jpeg, 4000, 3000), 5 * MB, &l, Original, false), Decision::Upload);
    assert_eq!(decide(&photo(Format::Jpeg, 4000, 3000), 75 * MB, &l, Original, false), Decision::Upload);
    assert_eq!(decide(&photo(Format::Jpeg, 4000, 3000), 75 * MB + 1, &l, Original, false), over(75 * MB + 1, 75 * MB));
    assert_eq!(decide(&photo(Format::Jpeg, 10_000, 10_000), MB, &l, Original, false), Decision::Upload); // exactly 100 MP
    assert_eq!(
        decide(&photo(Format::Jpeg, 10_001, 10_000), MB, &l, Original, false),
        Decision::Skip(SkipReason::OverPixelLimit { pixels: 100_010_000, limit: 100_000_000 })
    );
    assert_eq!(decide(&photo(Format::Png, 10, 10), 100, &l, Original, false), Decision::Upload); // no minimum side
    assert_eq!(decide(&video(), 10_000 * MB, &l, Original, false), Decision::Upload);
    assert_eq!(decide(&video(), 10_000 * MB + 1, &l, Original, false), over(10_000 * MB + 1, 10_000 * MB));
}

#[test]
fn google_preset() {
    let l = Limits::google();
    assert_eq!(decide(&photo(Format::Jpeg, 4000, 3000), 200 * MB, &l, Original, false), Decision::Upload);
    assert_eq!(decide(&photo(Format::Jpeg, 4000, 3000), 200 * MB + 1, &l, Original, false), over(200 * MB + 1, 200 * MB));
    assert_eq!(decide(&photo(Format::Jpeg, 20_000, 10_000), MB, &l, Original, false), Decision::Upload); // exactly 200 MP
    assert_eq!(
        decide(&photo(Format::Jpeg, 20_001, 10_000), MB, &l, Original, false),
        Decision::Skip(SkipReason::OverPixelLimit { pixels: 200_010_000, limit: 200_000_000 })
    );
    assert_eq!(decide(&video(), 10_000 * MB, &l, Original, false), Decision::Upload);
    assert_eq!(
        decide(&photo(Format::Jpeg, 1000, 255), MB, &l, Original, false),
        Decision::Skip(SkipReason::UnderMinimumSize { side: 255, minimum: 256 })
    );
    assert_eq!(decide(&photo(Format::Jpeg, 256, 1000), MB, &l, Original, false), Decision::Upload);
    assert_eq!(decide(&video(), 10_000 * MB + 1, &l, Original, false), over(10_000 * MB + 1, 10_000 * MB));
}

#[test]
fn server_choice_falls_back_to_seed() {
    assert_eq!(LimitsChoice::Server.resolve(None), Limits::seed());
    assert_eq!(LimitsChoice::Server.resolve(Some(&Limits::google())), Limits::google());
    assert_eq!(LimitsChoice::Seed.resolve(Some(&Limits::google())), Limits::seed());
}

#[test]
fn high_quality_prepares_only_big_decodable_photos() {
    let l = Limits::seed();
    let down = Decision::Prepare { max_pixels: Some(HIGH_QUALITY_PIXELS), strip_location: false };
    assert_eq!(decide(&photo(Format::Jpeg, 6000, 4000), 10 * MB, &l, High, false), down);
    assert_eq!(decide(&photo(Format::Jpeg, 4000, 4000), 10 * MB, &l, High, false), Decision::Upload); // exactly 16 MP
    assert_eq!(decide(&photo(Format::Jpeg, 6000, 4000), 10 * MB, &l, Original, false), Decision::Upload);
    for f in [Format::Png, Format::Webp, Format::Tiff] {
        assert_eq!(decide(&photo(f, 6000, 4000), 10 * MB, &l, High, false), down, "{f:?}");
    }
    for f in [Format::Heic, Format::Gif, Format::Dng, Format::Cr3] {
        assert_eq!(decide(&photo(f, 6000, 4000), 10 * MB, &l, High, false), Decision::Upload, "{f:?}");
    }
    // Limits are judged on the original: High quality does not rescue a photo over them.
    assert_eq!(
        decide(&photo(Format::Jpeg, 12_000, 9000), 10 * MB, &l, High, false),
        Decision::Skip(SkipReason::OverPixelLimit { pixels: 108_000_000, limit: 100_000_000 })
    );
}

#[test]
fn strip_location_and_unreadable() {
    let l = Limits::seed();
    let strip = Decision::Prepare { max_pixels: None, strip_location: true };
    assert_eq!(decide(&photo(Format::Jpeg, 4000, 3000), MB, &l, Original, true), strip);
    assert_eq!(decide(&photo(Format::Heic, 4032, 3024), MB, &l, Original, true), strip);
    assert_eq!(
        decide(&photo(Format::Jpeg, 6000, 4000), MB, &l, High, true),
        Decision::Prepare { max_pixels: Some(HIGH_QUALITY_PIXELS), strip_location: true }
    );
    let unreadable = FileFacts { readable: false, width: None, height: None, ..photo(Format::Jpeg, 1, 1) };
    assert_eq!(decide(&unreadable, MB, &l, High, true), Decision::Upload);
}

#[test]
fn skip_reasons() {
    let l = Limits::seed();
    let sys = FileFacts { kind: MediaKind::System, ..FileFacts::other() };
    assert_eq!(decide(&sys, 10, &l, Original, false), Decision::Skip(SkipReason::SystemFile));
    assert_eq!(decide(&FileFacts::other(), 0, &l, Original, false), Decision::Skip(SkipReason::EmptyFile));
    assert_eq!(decide(&FileFacts::other(), 10, &l, Original, false), Decision::Skip(SkipReason::NotMedia));
    assert_eq!(decide(&photo(Format::Jpeg, 10, 10), 0, &l, Original, false), Decision::Skip(SkipReason::EmptyFile));
}
