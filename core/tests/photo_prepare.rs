//! Prepare (feature `prepare`): downsized output size/aspect, metadata carried over and read back
//! with an independent reader (kamadak-exif), location stripping, determinism, the
//! keep-original rules, and resize quality against an f64 Lanczos3 reference (SSIM).
//! Run: cargo test -p shoebox-core --features prepare --test photo_prepare
#![cfg(feature = "prepare")]
use ::exif::{In, Reader, Tag, Value};
use shoebox_core::facts::{Format, KeepReason};
use shoebox_core::photo::prepare::{prepare, resize::resize, PrepareOptions, PrepareOutput};
use shoebox_core::photo::{inspect, jpeg, target_size};
use shoebox_fixtures::reference::{lanczos3_resize, ssim};
use shoebox_fixtures::*;

fn opts(max: Option<u64>, strip: bool) -> PrepareOptions {
    PrepareOptions { max_pixels: max, quality: 90, strip_location: strip }
}
fn prepared(src: &[u8], o: PrepareOptions) -> Vec<u8> {
    match prepare(src, &o) {
        PrepareOutput::Prepared(b) => b,
        other => panic!("expected Prepared, got {other:?}"),
    }
}
fn read_exif(b: &[u8]) -> ::exif::Exif {
    Reader::new().read_from_container(&mut std::io::Cursor::new(b)).expect("EXIF readable by kamadak-exif")
}
fn field(e: &::exif::Exif, t: Tag) -> Option<String> {
    e.get_field(t, In::PRIMARY).map(|f| f.display_value().to_string())
}
fn gps(e: &::exif::Exif) -> Option<(Vec<f64>, Vec<f64>)> {
    let r = |t| match &e.get_field(t, In::PRIMARY)?.value {
        Value::Rational(v) => Some(v.iter().map(|r| r.to_f64()).collect::<Vec<_>>()),
        _ => None,
    };
    Some((r(Tag::GPSLatitude)?, r(Tag::GPSLongitude)?))
}
fn size_of(b: &[u8]) -> (u32, u32) {
    let f = inspect("x", b, b.len() as u64);
    (f.width.unwrap(), f.height.unwrap())
}
fn has_segment(b: &[u8], marker: u8, prefix: &[u8]) -> bool {
    jpeg::segments(b).0.iter().any(|s| s.marker == marker && s.data.starts_with(prefix))
}

/// The downsized camera photo keeps EXIF (date, GPS, orientation; sizes updated; no stale
/// thumbnail), XMP and ICC, at ≤ 16 MP with the original aspect.
fn check_downsized(w: u32, h: u32) {
    let src = jpeg(&JpegSpec::camera(w, h));
    let out = prepared(&src, PrepareOptions::default());
    assert!(out.len() < src.len());
    let (ow, oh) = size_of(&out);
    assert!(ow as u64 * oh as u64 <= 16_000_000, "{ow}x{oh}");
    assert_eq!(Some((ow, oh)), target_size(w, h, 16_000_000));
    assert!(((ow as f64 / oh as f64) / (w as f64 / h as f64) - 1.0).abs() < 0.001);
    let (a, b) = (read_exif(&src), read_exif(&out));
    for t in [Tag::DateTimeOriginal, Tag::Orientation, Tag::Make, Tag::Model] {
        assert_eq!(field(&a, t), field(&b, t), "{t}");
    }
    assert_eq!(gps(&a), gps(&b));
    assert!(gps(&b).is_some());
    assert_eq!(field(&b, Tag::PixelXDimension), Some(ow.to_string()));
    assert_eq!(field(&b, Tag::PixelYDimension), Some(oh.to_string()));
    assert!(a.get_field(Tag::JPEGInterchangeFormat, In::THUMBNAIL).is_some());
    assert!(b.get_field(Tag::JPEGInterchangeFormat, In::THUMBNAIL).is_none(), "stale thumbnail dropped");
    assert!(has_segment(&out, 0xE1, b"http://ns.adobe.com/xap/1.0/\0"), "XMP kept");
    let icc = jpeg::segments(&out).0.into_iter().find(|s| s.marker == 0xE2 && s.data.starts_with(b"ICC_PROFILE\0")).expect("ICC kept");
    assert_eq!(&icc.data[14..], &icc_profile()[..]);
    assert_eq!(out, prepared(&src, PrepareOptions::default()), "deterministic");
}

#[test]
fn downsize_24mp() {
    check_downsized(6000, 4000);
}

#[test]
fn downsize_48mp() {
    check_downsized(8000, 6000);
}

#[test]
fn downsize_12mp_is_nothing_to_do() {
    let src = jpeg(&JpegSpec::camera(4240, 2832));
    assert_eq!(prepare(&src, &PrepareOptions::default()), PrepareOutput::KeepOriginal(KeepReason::NothingToDo));
}

#[test]
fn orientation_tag_kept_and_pixels_not_rotated() {
    for o in 1..=8u16 {
        let exif = ExifSpec { orientation: Some(o), big_endian: o % 2 == 0, size: Some((600, 400)), ..Default::default() };
        let src = jpeg(&JpegSpec { exif: Some(exif), ..JpegSpec::camera(600, 400) });
        let out = prepared(&src, opts(Some(60_000), false));
        assert_eq!(field(&read_exif(&out), Tag::Orientation), field(&read_exif(&src), Tag::Orientation));
        assert_eq!(size_of(&out), (300, 200), "landscape stays landscape whatever the tag");
    }
}

#[test]
fn strip_location_while_downsizing() {
    let src = jpeg(&JpegSpec::camera(1200, 800));
    let out = prepared(&src, opts(Some(500_000), true));
    let e = read_exif(&out);
    assert!(
        gps(&e).is_none() && e.fields().all(|f| f.ifd_num != In::PRIMARY || f.tag.number() < 0x8825 || f.tag != Tag::GPSInfoIFDPointer)
    );
    assert_eq!(field(&e, Tag::DateTimeOriginal), field(&read_exif(&src), Tag::DateTimeOriginal));
    assert!(!out.windows(8).any(|w| w == b"exif:GPS"), "XMP location blanked");
    assert!(has_segment(&out, 0xE1, b"http://ns.adobe.com/xap/1.0/\0"));
}

#[test]
fn strip_location_alone_does_not_reencode() {
    let src = jpeg(&JpegSpec::camera(1200, 800));
    let out = prepared(&src, opts(None, true));
    assert_eq!(out.len(), src.len());
    let sos = |b: &[u8]| jpeg::segments(b).1.unwrap();
    assert_eq!(&out[sos(&out)..], &src[sos(&src)..], "image data untouched");
    let e = read_exif(&out);
    assert!(gps(&e).is_none());
    assert!(e.get_field(Tag::JPEGInterchangeFormat, In::THUMBNAIL).is_some(), "thumbnail still matches, kept");
    assert_eq!(field(&e, Tag::DateTimeOriginal), Some("2023-07-14 18:30:05".into()));
    assert!(!out.windows(8).any(|w| w == b"exif:GPS"));
    // A photo without location: nothing to change.
    let plain = jpeg(&JpegSpec { exif: Some(ExifSpec { gps: false, ..Default::default() }), xmp: false, ..JpegSpec::camera(64, 48) });
    assert_eq!(prepare(&plain, &opts(None, true)), PrepareOutput::KeepOriginal(KeepReason::NothingToDo));
}

#[test]
fn strip_location_png_webp_heic_tiff() {
    for (name, src) in [("png", png(64, 48, false)), ("webp", webp(64, 48)), ("heic", heif(false)), ("tiff", tiff(32, 24, false))] {
        let out = prepared(&src, opts(None, true));
        assert_eq!(out.len(), src.len(), "{name}: in place");
        assert!(gps(&read_exif(&src)).is_some(), "{name}: fixture has GPS");
        let e = read_exif(&out);
        assert!(gps(&e).is_none(), "{name}: GPS gone");
        assert!(field(&e, Tag::DateTimeOriginal).is_some(), "{name}: date kept");
        assert!(!out.windows(8).any(|w| w == b"exif:GPS"), "{name}");
    }
}

#[test]
fn progressive_and_cmyk() {
    let p = jpeg(&JpegSpec { progressive: true, ..JpegSpec::camera(1200, 800) });
    assert_eq!(size_of(&prepared(&p, opts(Some(240_000), false))), (600, 400));
    let c = jpeg(&JpegSpec { cmyk: true, ..JpegSpec::camera(1200, 800) });
    let out = prepared(&c, opts(Some(240_000), false));
    assert_eq!(size_of(&out), (600, 400));
    assert!(!has_segment(&out, 0xE2, b"ICC_PROFILE\0"), "a CMYK profile would mislabel RGB output");
    assert!(!has_segment(&out, 0xEE, b"Adobe"));
    assert!(gps(&read_exif(&out)).is_some());
}

#[test]
fn png_16bit_stays_png_16bit_with_metadata() {
    let src = png(1200, 800, true);
    let out = prepared(&src, opts(Some(240_000), false));
    let f = inspect("x", &out, out.len() as u64);
    assert_eq!((f.format, f.width, f.height), (Format::Png, Some(600), Some(400)));
    assert_eq!(out[24], 16, "bit depth");
    let e = read_exif(&out);
    assert_eq!(field(&e, Tag::PixelXDimension), Some("600".into()));
    assert!(gps(&e).is_some());
    assert!(out.windows(17).any(|w| w == b"XML:com.adobe.xmp"));
    assert_eq!(out, prepared(&src, opts(Some(240_000), false)));
}

#[test]
fn webp_and_tiff_become_jpeg_with_metadata() {
    for (src, orientation) in
        [(webp(1200, 800), "row 0 at right and column 0 at top"), (tiff(1200, 800, true), "row 0 at left and column 0 at bottom")]
    {
        let out = prepared(&src, opts(Some(240_000), false));
        let f = inspect("x", &out, out.len() as u64);
        assert_eq!((f.format, f.width, f.height), (Format::Jpeg, Some(600), Some(400)));
        let e = read_exif(&out);
        assert_eq!(field(&e, Tag::Orientation).as_deref(), Some(orientation));
        assert_eq!(field(&e, Tag::DateTimeOriginal), Some("2023-07-14 18:30:05".into()));
        assert!(gps(&e).is_some());
    }
    let w = prepared(&webp(1200, 800), opts(Some(240_000), false));
    assert!(has_segment(&w, 0xE2, b"ICC_PROFILE\0") && has_segment(&w, 0xE1, b"http://ns.adobe.com/xap/1.0/\0"));
}

#[test]
fn keep_original_when_not_smaller_or_undecodable() {
    // A heavily compressed source re-encoded at q100 only slightly smaller in pixels grows.
    let src = jpeg(&JpegSpec { quality: 20, ..JpegSpec::camera(1000, 1000) });
    let o = PrepareOptions { max_pixels: Some(990_000), quality: 100, strip_location: false };
    assert_eq!(prepare(&src, &o), PrepareOutput::KeepOriginal(KeepReason::NotSmaller));
    let full = jpeg(&JpegSpec::camera(1200, 800));
    let cut = &full[..full.len() / 2];
    assert_eq!(prepare(cut, &opts(Some(100_000), false)), PrepareOutput::KeepOriginal(KeepReason::Undecodable));
    assert_eq!(prepare(&gif(4000, 4000), &PrepareOptions::default()), PrepareOutput::KeepOriginal(KeepReason::Unsupported));
    assert_eq!(prepare(b"garbage", &PrepareOptions::default()), PrepareOutput::KeepOriginal(KeepReason::Unsupported));
}

#[test]
fn resize_quality_against_f64_lanczos3() {
    let (w, h) = (3000u32, 2000u32);
    let px = photo_rgb(w, h, 11);
    let (dw, dh) = target_size(w, h, 4_000_000).unwrap();
    let ours = resize(px.clone(), w, h, 3, false, dw, dh).unwrap();
    let reference = lanczos3_resize(&px, w as usize, h as usize, 3, dw as usize, dh as usize);
    let s = ssim(&ours, &reference, dw as usize, dh as usize, 3);
    println!("SSIM ours vs f64 Lanczos3 at {w}x{h} → {dw}x{dh}: {s:.5}");
    assert!(s >= 0.995, "SSIM {s}");
}
