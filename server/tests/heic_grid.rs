//! A tiled HEIC as iPhones write it (a `grid` item of hidden HEVC tiles, cropped to the
//! picture's size) gets a real, upright thumbnail; one turned by `irot` and also saying so in its
//! EXIF orientation is turned once, not twice. The tiles are made with Debian's heif-enc and
//! joined by the fixture tool, since libheif 1.15 writes no grid of its own.
mod common;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;
use shoebox_fixtures::heif_grid::{heic_grid, tile_of, GridSpec, Tile};
use shoebox_fixtures::{encode_jpeg, exif_block, ExifSpec};
use std::process::Command;

const RED: [u8; 3] = [230, 20, 20];
const BLUE: [u8; 3] = [20, 20, 230];
const GREEN: [u8; 3] = [20, 200, 20];
const WHITE: [u8; 3] = [240, 240, 240];

/// A 256×256 tile of one colour, encoded by heif-enc.
fn tile(colour: [u8; 3]) -> Tile {
    let dir = tempfile::tempdir().unwrap();
    let px: Vec<u8> = (0..256 * 256).flat_map(|_| colour).collect();
    std::fs::write(dir.path().join("t.jpg"), encode_jpeg(&px, 256, 256, 95, false, false)).unwrap();
    let out = Command::new("heif-enc").args(["-q", "90", "-o", "t.heic", "t.jpg"]).current_dir(dir.path()).output().expect("heif-enc");
    assert!(out.status.success(), "heif-enc: {}", String::from_utf8_lossy(&out.stderr));
    tile_of(&std::fs::read(dir.path().join("t.heic")).unwrap())
}

/// Red, blue on top; green, white below; the picture 512×384, so the lower tiles are cropped.
fn grid(quarter_turns: Option<u8>, exif: Option<Vec<u8>>) -> Vec<u8> {
    let tiles = [RED, BLUE, GREEN, WHITE].map(tile);
    let spec = GridSpec { columns: 2, rows: 2, width: 512, height: 384, tile_width: 256, tile_height: 256, quarter_turns, exif };
    heic_grid(&tiles, &spec)
}

async fn thumb_of(s: &TestServer, bytes: &[u8], name: &str) -> (StatusCode, Vec<u8>) {
    s.upload(bytes, 1 << 20, &[("filename", name), ("filetype", "image/heic")]).await;
    let items = s.get_as(ALICE, "/api/v1/media").await.json()["items"].clone();
    let item = items.as_array().unwrap().iter().find(|m| m["filename"] == name).unwrap().clone();
    let r = s.send(Request::get(item["thumbUrl"].as_str().unwrap()).body(Body::empty()).unwrap()).await;
    (r.status, r.body)
}

/// The thumbnail's size and the colours near its four corners (TL, TR, BL, BR).
fn corners(jpeg: &[u8]) -> ((usize, usize), [[u8; 3]; 4]) {
    let opts = zune_core::options::DecoderOptions::default().jpeg_set_out_colorspace(zune_core::colorspace::ColorSpace::RGB);
    let mut d = zune_jpeg::JpegDecoder::new_with_options(zune_core::bytestream::ZCursor::new(jpeg), opts);
    let px = d.decode().expect("a JPEG thumbnail");
    let info = d.info().unwrap();
    let (w, h) = (info.width as usize, info.height as usize);
    let at = |x: usize, y: usize| -> [u8; 3] { px[3 * (y * w + x)..3 * (y * w + x) + 3].try_into().unwrap() };
    let (l, r, t, b) = (w / 8, w - 1 - w / 8, h / 8, h - 1 - h / 8);
    ((w, h), [at(l, t), at(r, t), at(l, b), at(r, b)])
}

fn near(a: [u8; 3], b: [u8; 3]) -> bool {
    a.iter().zip(b).all(|(x, y)| x.abs_diff(y) < 50)
}

fn assert_corners(got: [[u8; 3]; 4], want: [[u8; 3]; 4]) {
    assert!(got.iter().zip(want).all(|(g, w)| near(*g, w)), "corners {got:?}, expected {want:?}");
}

#[tokio::test]
async fn a_tiled_heic_is_joined_cropped_and_upright() {
    let s = TestServer::new();
    let (status, jpeg) = thumb_of(&s, &grid(None, None), "IMG_0001.HEIC").await;
    assert_eq!(status, StatusCode::OK);
    let (size, got) = corners(&jpeg);
    assert_eq!(size, (256, 192), "the grid's own size (512×384), not its tiles' (512×512)");
    assert_corners(got, [RED, BLUE, GREEN, WHITE]);
}

#[tokio::test]
async fn a_turned_tiled_heic_is_turned_once_even_when_its_exif_says_so_too() {
    let s = TestServer::new();
    // A quarter turn clockwise, as a phone held upright records it: `irot` 3 (anticlockwise
    // quarter turns) and EXIF orientation 6.
    let exif = exif_block(&ExifSpec { orientation: Some(6), ..ExifSpec::default() });
    let (status, jpeg) = thumb_of(&s, &grid(Some(3), Some(exif)), "IMG_0002.HEIC").await;
    assert_eq!(status, StatusCode::OK);
    let (size, got) = corners(&jpeg);
    assert_eq!(size, (192, 256), "portrait once turned");
    // Turned clockwise: the green bottom-left comes to the top left, red to the top right.
    assert_corners(got, [GREEN, RED, WHITE, BLUE]);
}

#[tokio::test]
async fn a_grid_missing_a_tile_gives_no_preview_and_the_server_goes_on() {
    let s = TestServer::new();
    let mut broken = grid(None, None);
    // Cut inside the last tile's coded data: the grid cannot be assembled.
    broken.truncate(broken.len() - 200);
    let (status, _) = thumb_of(&s, &broken, "IMG_0003.HEIC").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = thumb_of(&s, &grid(None, None), "IMG_0004.HEIC").await;
    assert_eq!(status, StatusCode::OK);
}
