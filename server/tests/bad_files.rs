//! Bad files, each with its asserted outcome, uploaded by the real engine (native
//! driver) to the real server: empty, truncated, garbage after the end, a PNG with a bad CRC,
//! text named .jpg, 1×1, 200,000×1, a decompression bomb (a huge declared size in a tiny file),
//! HEIC with lying boxes, names with emoji and dots, a very long path, and the same content
//! under many names. Never a panic or a hang; every uploaded file is stored byte for byte.
mod common;

use common::native_driver::*;
use common::process::ServerProcess;
use shoebox_core::engine::*;
use shoebox_core::facts::{Outcome, SkipReason, UploadNote};
use shoebox_core::hash::sha256_hex;
use std::collections::HashMap;
use std::fs;

fn noise(n: usize, seed: u64) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x as u8) & 0x7F
        })
        .collect()
}

/// A JPEG whose frame header declares `w` x `h`, with `payload` bytes of scan data.
fn jpeg(w: u16, h: u16, payload: usize, seed: u64) -> Vec<u8> {
    let mut v = vec![0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08];
    v.extend_from_slice(&h.to_be_bytes());
    v.extend_from_slice(&w.to_be_bytes());
    v.extend_from_slice(&[0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]);
    v.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x0C, 0x03, 0x01, 0x00, 0x02, 0x11, 0x03, 0x11, 0x00, 0x3F, 0x00]);
    v.extend(noise(payload, seed));
    v.extend_from_slice(&[0xFF, 0xD9]);
    v
}

fn png(w: u32, h: u32, crc_ok: bool) -> Vec<u8> {
    let mut v = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    v.extend_from_slice(b"IHDR");
    v.extend_from_slice(&w.to_be_bytes());
    v.extend_from_slice(&h.to_be_bytes());
    v.extend_from_slice(&[8, 2, 0, 0, 0]);
    v.extend_from_slice(if crc_ok { &[0x90, 0x77, 0x53, 0xDE] } else { &[0xDE, 0xAD, 0xBE, 0xEF] });
    v.extend(noise(3000, 7));
    v
}

/// An `ftyp heic` file whose `meta` box claims to be far longer than the file.
fn lying_heic() -> Vec<u8> {
    let mut v = vec![0, 0, 0, 0x18];
    v.extend_from_slice(b"ftypheic\0\0\0\0mif1heic");
    v.extend_from_slice(&[0x7F, 0xFF, 0xFF, 0xFF]);
    v.extend_from_slice(b"meta");
    v.extend(noise(2000, 9));
    v
}

#[test]
fn every_bad_file_gets_its_outcome_and_every_upload_is_stored_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("Card");
    let deep = format!("Card/{}", (0..12).map(|i| format!("folder-with-a-long-name-{i:02}")).collect::<Vec<_>>().join("/"));
    let photo = jpeg(800, 600, 40_000, 1);
    let mut files: Vec<(String, Vec<u8>, Option<SkipReason>)> = vec![
        ("Card/empty.jpg".into(), Vec::new(), Some(SkipReason::EmptyFile)),
        ("Card/notes.jpg".into(), b"shopping list: milk, eggs\n".repeat(40), Some(SkipReason::NotMedia)),
        ("Card/truncated.jpg".into(), jpeg(800, 600, 30_000, 2)[..9_000].to_vec(), None),
        ("Card/garbage-after-eoi.jpg".into(), [jpeg(640, 480, 20_000, 3), noise(5_000, 4)].concat(), None),
        ("Card/bad-crc.png".into(), png(320, 240, false), None),
        ("Card/one-pixel.jpg".into(), jpeg(1, 1, 200, 5), None),
        ("Card/panorama.png".into(), png(200_000, 1, true), None),
        // 65,000 x 65,000 declared (4.2 gigapixels) in 3 KB: over the 100 MP limit, never decoded.
        (
            "Card/bomb.jpg".into(),
            jpeg(65_000, 65_000, 3_000, 6),
            Some(SkipReason::OverPixelLimit { pixels: 4_225_000_000, limit: 100_000_000 }),
        ),
        ("Card/lying.heic".into(), lying_heic(), None),
        ("Card/Vacances 🌴 été/IMG_😀.jpg".into(), jpeg(640, 480, 10_000, 7), None),
        ("Card/IMG..1.jpg".into(), jpeg(640, 480, 10_000, 8), None),
        (format!("{deep}/{}.jpg", "n".repeat(200)), jpeg(640, 480, 10_000, 9), None),
    ];
    for i in 0..20 {
        files.push((format!("Card/copies/copy-{i:02}.jpg"), photo.clone(), None));
    }
    for (rel, bytes, _) in &files {
        let p = dir.path().join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(&p, bytes).unwrap();
    }
    let server = ServerProcess::start(&dir.path().join("data"), &["--token", &format!("alice:{TOKEN}")], &[]);
    let settings = EngineSettings { endpoint: format!("http://{}/files/", server.addr), token: Some(TOKEN.into()), ..Default::default() };
    let mut d = NativeDriver::new(settings, server.addr);
    d.add_folder(&root);
    d.run_until(|s| matches!(s, Status::ReadyToBackUp { .. }));
    let now = d.now;
    d.engine.start(now);
    d.run_until(|s| matches!(s, Status::Complete { .. }));
    let by_path: HashMap<String, FileId> =
        d.files.iter().map(|(id, p)| (p.strip_prefix(dir.path()).unwrap().to_string_lossy().into_owned(), *id)).collect();
    let (mut uploaded, mut already) = (0, 0);
    for (rel, bytes, skip) in &files {
        let outcome = d.engine.file_view(by_path[rel]).and_then(|v| v.outcome).unwrap_or_else(|| panic!("{rel}: no outcome"));
        match (skip, &outcome) {
            (Some(want), Outcome::Skipped(got)) => assert_eq!(got, want, "{rel}"),
            (None, Outcome::Uploaded(note)) => {
                uploaded += 1;
                assert!(matches!(note, None | Some(UploadNote::UnreadableSentOriginal)), "{rel}: {note:?}");
                let (st, stored) = get(server.addr, &format!("/api/v1/media/{}", sha256_hex(bytes)));
                assert_eq!((st, sha256_hex(&stored)), (200, sha256_hex(bytes)), "{rel}: stored bytes differ");
            }
            (None, Outcome::AlreadyBackedUp) => already += 1,
            _ => panic!("{rel}: {outcome:?}, expected {skip:?}"),
        }
    }
    // The same content under 20 names: stored once, the others already backed up.
    assert_eq!(already, 19, "copies");
    assert_eq!(uploaded, 10, "every other good-enough file uploaded");
    // The names are kept as data: the emoji one and the long path come back as sent.
    let (_, list) = get(server.addr, "/api/v1/media?limit=100");
    let list = String::from_utf8(list).unwrap();
    assert!(list.contains("IMG_😀.jpg") && list.contains("Vacances 🌴 été/IMG_😀.jpg"), "emoji names kept");
    assert!(list.contains(&"n".repeat(200)), "the long name kept");
}
