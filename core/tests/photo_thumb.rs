//! Library thumbnails (feature `prepare`): an orientation-6 photo comes out rotated (size
//! swapped, a known corner's colour where the rotation puts it), small, without EXIF; other
//! formats decode; undecodable input is refused. Also the EXIF camera and GPS facts.
//! Run: cargo test -p shoebox-core --features prepare --test photo_thumb
#![cfg(feature = "prepare")]
use shoebox_core::photo::inspect;
use shoebox_core::photo::prepare::thumb::{jpeg_decodes, thumbnail, ThumbError};
use shoebox_fixtures::*;
use zune_core::colorspace::ColorSpace;
use zune_core::options::DecoderOptions;

/// 400x200 stored pixels: blue, with a red 100x100 block in the stored top-left corner.
fn marked(w: u32, h: u32) -> Vec<u8> {
    (0..h).flat_map(|y| (0..w).flat_map(move |x| if x < 100 && y < 100 { [255, 0, 0] } else { [0, 0, 255] })).collect()
}

/// A JPEG of `rgb` with an EXIF block carrying `orientation`.
pub fn jpeg_with_orientation(rgb: &[u8], w: u32, h: u32, orientation: u16) -> Vec<u8> {
    let enc = encode_jpeg(rgb, w, h, 95, false, false);
    let exif = exif_block(&ExifSpec { orientation: Some(orientation), ..Default::default() });
    let mut out = vec![0xFF, 0xD8, 0xFF, 0xE1];
    let len = exif.len() + 6 + 2;
    out.extend_from_slice(&[(len >> 8) as u8, len as u8]);
    out.extend_from_slice(b"Exif\0\0");
    out.extend_from_slice(&exif);
    out.extend_from_slice(&enc[2..]);
    out
}

fn decode(jpeg: &[u8]) -> (Vec<u8>, usize, usize) {
    let opts = DecoderOptions::default().jpeg_set_out_colorspace(ColorSpace::RGB);
    let mut d = zune_jpeg::JpegDecoder::new_with_options(zune_core::bytestream::ZCursor::new(jpeg), opts);
    let px = d.decode().unwrap();
    let info = d.info().unwrap();
    (px, info.width as usize, info.height as usize)
}

fn pixel(px: &[u8], w: usize, x: usize, y: usize) -> [u8; 3] {
    let i = 3 * (y * w + x);
    [px[i], px[i + 1], px[i + 2]]
}

fn is_red(p: [u8; 3]) -> bool {
    p[0] > 200 && p[1] < 60 && p[2] < 60
}
fn is_blue(p: [u8; 3]) -> bool {
    p[0] < 60 && p[1] < 60 && p[2] > 200
}

#[test]
fn orientation_6_thumbnail_is_rotated_clockwise() {
    let src = jpeg_with_orientation(&marked(400, 200), 400, 200, 6);
    assert_eq!(inspect("a.jpg", &src, src.len() as u64).orientation, Some(6));
    let t = thumbnail(&src, 256).unwrap();
    let (px, w, h) = decode(&t);
    assert_eq!((w, h), (128, 256), "400x200 stored, shown 200x400, fit into 256");
    // Rotating 90° clockwise puts the stored top-left corner at the top right.
    assert!(is_red(pixel(&px, w, w - 5, 5)), "top right: {:?}", pixel(&px, w, w - 5, 5));
    assert!(is_blue(pixel(&px, w, 5, 5)), "top left: {:?}", pixel(&px, w, 5, 5));
    assert!(is_blue(pixel(&px, w, w - 5, h - 5)));
    // No EXIF: a viewer must not rotate it again.
    assert_eq!(inspect("t.jpg", &t, t.len() as u64).orientation, None);
    assert!(!t.windows(6).any(|w| w == b"Exif\0\0"));
}

#[test]
fn orientation_3_and_8_put_the_corner_where_exif_says() {
    for (o, size, corner) in [(3u16, (256, 128), (255 - 5, 127 - 5)), (8, (128, 256), (5, 255 - 5)), (1, (256, 128), (5, 5))] {
        let src = jpeg_with_orientation(&marked(400, 200), 400, 200, o);
        let (px, w, h) = decode(&thumbnail(&src, 256).unwrap());
        assert_eq!((w, h), size, "orientation {o}");
        assert!(is_red(pixel(&px, w, corner.0, corner.1)), "orientation {o}");
    }
}

#[test]
fn small_photos_are_not_enlarged_and_other_formats_decode() {
    let src = jpeg(&JpegSpec::camera(120, 80));
    let (_, w, h) = decode(&thumbnail(&src, 256).unwrap());
    assert_eq!((w, h), (120, 80));
    // The WebP and TIFF fixtures carry orientations 6 and 8: shown portrait.
    let cases = [
        ("png", png(300, 200, false), (150, 100)),
        ("png16", png(300, 200, true), (150, 100)),
        ("webp", webp(300, 200), (100, 150)),
        ("tiff", tiff(300, 200, false), (100, 150)),
    ];
    for (name, bytes, size) in cases {
        let (_, w, h) = decode(&thumbnail(&bytes, 150).unwrap_or_else(|e| panic!("{name}: {e:?}")));
        assert_eq!((w, h), size, "{name}");
    }
}

#[test]
fn undecodable_and_unsupported_input_is_refused() {
    let src = jpeg(&JpegSpec::camera(300, 200));
    assert_eq!(thumbnail(&src[..src.len() / 2], 256), Err(ThumbError::Undecodable));
    assert_eq!(thumbnail(&video("mp4"), 256), Err(ThumbError::Unsupported));
    assert_eq!(thumbnail(b"hello", 256), Err(ThumbError::Unsupported));
    assert!(jpeg_decodes(&src));
    assert!(!jpeg_decodes(&src[..src.len() / 2]));
    assert!(!jpeg_decodes(&png(10, 10, false)));
}

#[test]
fn exif_camera_and_gps_are_read() {
    let src = jpeg(&JpegSpec::camera(300, 200));
    let f = inspect("a.jpg", &src, src.len() as u64);
    assert_eq!(f.camera.as_deref(), Some("Shoebox Fixture Cam1"));
    let g = f.location.expect("GPS position");
    // 48°51'29.6"N 2°17'40.2"E
    assert!((g.lat - (48.0 + 51.0 / 60.0 + 29.6 / 3600.0)).abs() < 1e-9, "{g:?}");
    assert!((g.lon - (2.0 + 17.0 / 60.0 + 40.2 / 3600.0)).abs() < 1e-9, "{g:?}");
    let none = exif_block(&ExifSpec { gps: false, ..Default::default() });
    let t = inspect("a.tif", &none, none.len() as u64);
    assert_eq!(t.location, None);
}
