//! Inspect: format and size detection per generated fixture, EXIF facts, system files, and
//! fuzz-style checks that random or truncated bytes never panic the header readers.
use proptest::prelude::*;
use shoebox_core::facts::{Format, MediaKind};
use shoebox_core::photo::{inspect, target_size, INSPECT_BYTES};
use shoebox_fixtures::*;

fn facts(name: &str, bytes: &[u8]) -> shoebox_core::facts::FileFacts {
    inspect(name, &bytes[..bytes.len().min(INSPECT_BYTES)], bytes.len() as u64)
}

#[test]
fn jpeg_size_orientation_and_date() {
    let f = facts("a.jpg", &jpeg(&JpegSpec::camera(1200, 800)));
    assert_eq!((f.kind, f.format, f.width, f.height), (MediaKind::Photo, Format::Jpeg, Some(1200), Some(800)));
    assert_eq!(f.orientation, Some(1));
    assert_eq!(f.captured_at.as_deref(), Some("2023:07:14 18:30:05"));
    assert!(f.readable);
}

#[test]
fn all_eight_orientations_in_both_byte_orders() {
    for o in 1..=8u16 {
        for be in [false, true] {
            let exif = ExifSpec { orientation: Some(o), big_endian: be, ..Default::default() };
            let f = facts("o.jpg", &jpeg(&JpegSpec { exif: Some(exif), ..JpegSpec::camera(64, 48) }));
            assert_eq!(f.orientation, Some(o as u8), "orientation {o} big-endian {be}");
        }
    }
}

#[test]
fn progressive_and_cmyk_jpegs() {
    let p = facts("p.jpg", &jpeg(&JpegSpec { progressive: true, ..JpegSpec::camera(640, 480) }));
    assert_eq!((p.width, p.height, p.readable), (Some(640), Some(480), true));
    let c = facts("c.jpg", &jpeg(&JpegSpec { cmyk: true, ..JpegSpec::camera(320, 200) }));
    assert_eq!((c.format, c.width, c.height), (Format::Jpeg, Some(320), Some(200)));
}

type Case = (&'static str, Vec<u8>, Format, Option<(u32, u32)>);

#[test]
fn other_still_formats() {
    let cases: Vec<Case> = vec![
        ("x.png", png(640, 480, true), Format::Png, Some((640, 480))),
        ("x.webp", webp(300, 200), Format::Webp, Some((300, 200))),
        ("x.tif", tiff(320, 240, false), Format::Tiff, Some((320, 240))),
        ("x.tif", tiff(320, 240, true), Format::Tiff, Some((320, 240))),
        ("x.gif", gif(500, 300), Format::Gif, Some((500, 300))),
        ("x.bmp", bmp(800, -600), Format::Bmp, Some((800, 600))),
        ("x.heic", heif(false), Format::Heic, Some((4032, 3024))),
        ("x.avif", heif(true), Format::Avif, Some((4032, 3024))),
    ];
    for (name, bytes, format, size) in cases {
        let f = facts(name, &bytes);
        assert_eq!((f.kind, f.format), (MediaKind::Photo, format), "{name}");
        assert_eq!(f.width.zip(f.height), size, "{name} {format:?}");
        assert!(f.readable, "{name}");
    }
    let p = facts("x.png", &png(64, 64, false));
    assert_eq!(p.captured_at.as_deref(), Some("2023:07:14 18:30:05"));
    assert_eq!(facts("x.webp", &webp(30, 20)).orientation, Some(6));
    assert_eq!(facts("x.tif", &tiff(32, 24, true)).orientation, Some(8));
    let h = facts("x.heic", &heif(false));
    assert_eq!((h.orientation, h.captured_at.as_deref()), (Some(6), Some("2023:07:14 18:30:05")));
}

#[test]
fn raw_formats() {
    for (k, format) in
        [("dng", Format::Dng), ("cr2", Format::Cr2), ("nef", Format::Nef), ("arw", Format::Arw), ("orf", Format::Orf), ("rw2", Format::Rw2)]
    {
        let f = facts(&format!("x.{k}"), &raw_tiff(k));
        assert_eq!((f.kind, f.format, f.orientation), (MediaKind::Photo, format, Some(6)), "{k}");
        assert!(f.readable, "{k}");
        let expect = if k == "rw2" { (5184, 3888) } else { (6000, 4000) };
        assert_eq!(f.width.zip(f.height), Some(expect), "{k}");
    }
    let cr3 = facts("x.cr3", &cr3());
    assert_eq!((cr3.format, cr3.orientation, cr3.captured_at.as_deref()), (Format::Cr3, Some(8), Some("2023:07:14 18:30:05")));
    let raf = facts("x.raf", &raf());
    assert_eq!((raf.format, raf.captured_at.as_deref(), raf.readable), (Format::Raf, Some("2023:07:14 18:30:05"), true));
}

#[test]
fn videos() {
    for (k, format) in [
        ("mp4", Format::Mp4),
        ("mov", Format::Mov),
        ("mov-old", Format::Mov),
        ("m4v", Format::M4v),
        ("3gp", Format::ThreeGp),
        ("mkv", Format::Matroska),
        ("webm", Format::Webm),
        ("avi", Format::Avi),
        ("ts", Format::MpegTs),
        ("mts", Format::MpegTs),
    ] {
        let f = facts("clip", &video(k));
        assert_eq!((f.kind, f.format), (MediaKind::Video, format), "{k}");
    }
}

#[test]
fn content_wins_over_extension() {
    assert_eq!(facts("photo.png", &jpeg(&JpegSpec::camera(64, 48))).format, Format::Jpeg);
    assert_eq!(facts("movie.mp4", b"just some text, not a movie").kind, MediaKind::Other);
}

#[test]
fn system_files_and_other() {
    for name in [".DS_Store", "Thumbs.db", "thumbs.db", "desktop.ini", "Desktop.ini", "._IMG_0001.JPG", "Holiday/._IMG_0001.JPG"] {
        assert_eq!(facts(name, &jpeg(&JpegSpec::camera(64, 48))).kind, MediaKind::System, "{name}");
    }
    assert_eq!(facts("x", &[0, 5, 22, 7, 0, 2, 0, 0]).kind, MediaKind::System); // AppleDouble magic
    assert_eq!(facts("notes.txt", b"hello").kind, MediaKind::Other);
    assert_eq!(facts("empty.jpg", b"").kind, MediaKind::Other);
}

#[test]
fn truncated_and_garbage_photos_are_unreadable_not_skipped() {
    let full = jpeg(&JpegSpec::camera(1200, 800));
    let f = facts("t.jpg", &full[..300]); // cut inside the EXIF block, before the frame header
    assert_eq!((f.kind, f.format, f.readable), (MediaKind::Photo, Format::Jpeg, false));
    let mut lying = png(64, 64, false);
    lying[16..24].fill(0); // zero width and height
    assert!(!facts("l.png", &lying).readable);
    let g = facts("g.bin", &(0..4096u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect::<Vec<_>>());
    assert_eq!(g.kind, MediaKind::Other);
}

#[test]
fn target_size_rounds_down_and_never_upscales() {
    assert_eq!(target_size(6000, 4000, 16_000_000), Some((4898, 3265)));
    assert_eq!(target_size(4000, 6000, 16_000_000), Some((3265, 4898)));
    assert_eq!(target_size(8000, 6000, 16_000_000), Some((4618, 3464)));
    assert_eq!(target_size(4000, 4000, 16_000_000), None);
    assert_eq!(target_size(100, 100, 16_000_000), None);
    for (w, h) in [(6000, 4000), (8000, 6000), (9000, 3000), (20000, 1000), (5001, 3333), (2000, 10_000)] {
        let (a, b) = target_size(w, h, 16_000_000).unwrap();
        assert!(a as u64 * b as u64 <= 16_000_000, "{w}x{h} → {a}x{b}");
        let aspect = |x: u32, y: u32| x as f64 / y as f64;
        assert!((aspect(a, b) / aspect(w, h) - 1.0).abs() < 0.01, "{w}x{h} → {a}x{b}");
        // One more pixel on the long side (with the matching short side) would exceed the limit.
        assert!(a.max(b) as u64 * (a.min(b) as u64) > 16_000_000 - 2 * a.max(b) as u64);
    }
}

fn all_fixtures() -> Vec<Vec<u8>> {
    let mut v = vec![
        jpeg(&JpegSpec::camera(64, 48)),
        jpeg(&JpegSpec { progressive: true, ..JpegSpec::camera(32, 32) }),
        png(16, 16, true),
        webp(16, 16),
        tiff(8, 8, true),
        heif(false),
        heif(true),
        cr3(),
        raf(),
        gif(4, 4),
        bmp(4, 4),
    ];
    v.extend(["dng", "cr2", "nef", "arw", "orf", "rw2"].map(raw_tiff));
    v.extend(["mp4", "mov", "m4v", "3gp", "mkv", "webm", "avi", "ts", "mts"].map(video));
    v
}

#[test]
fn every_prefix_of_every_fixture_is_safe() {
    for f in all_fixtures() {
        for len in (0..f.len().min(4096)).chain([f.len()]) {
            let _ = inspect("x", &f[..len], len as u64);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = inspect("x", &bytes, bytes.len() as u64);
    }

    #[test]
    fn corrupted_fixtures_never_panic(which in 0usize..29, flips in proptest::collection::vec((any::<u16>(), any::<u8>()), 1..16)) {
        let all = all_fixtures();
        let mut f = all[which % all.len()].clone();
        for (at, v) in flips {
            let n = f.len();
            f[at as usize % n] = v;
        }
        let _ = inspect("x", &f, f.len() as u64);
    }

    #[test]
    fn magic_then_random(prefix in 0usize..6, tail in proptest::collection::vec(any::<u8>(), 0..600)) {
        let magics: [&[u8]; 6] = [b"\xFF\xD8\xFF", b"II*\0", b"MM\0*", b"\0\0\0\x18ftypheic", b"RIFF\0\0\0\0WEBPVP8X", b"\x89PNG\r\n\x1a\n"];
        let bytes = [magics[prefix], &tail].concat();
        let _ = inspect("x", &bytes, bytes.len() as u64);
    }
}
