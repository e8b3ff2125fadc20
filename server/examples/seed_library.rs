//! Seeds a large library for the 100,000-item benchmark (BENCHMARKS.md "Library"): writes index
//! records straight into the data folder (uploading 100,000 files through tus would take too
//! long for a benchmark), spread over about three years of days and ~50 albums, mixed photos
//! and videos, some downsized, plus small real JPEG blobs (and their thumbnails) so the grid's
//! images load. Start the server on the same folder afterwards.
//! Run: cargo run --release -p shoebox-server --example seed_library -- --data DIR --user NAME --count 100000
use shoebox_core::api::MediaItem;
use shoebox_core::hash::sha256_hex;
use shoebox_server::index::MediaIndex;
use shoebox_server::timefmt::rfc3339_from_ms;
use std::path::{Path, PathBuf};

const ALBUMS: u64 = 50;
/// 2022-01-01T00:00:00Z.
const START_MS: i64 = 1_640_995_200_000;
const SPAN_DAYS: i64 = 1096;

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned()
}

/// A small JPEG, different for every `n` (colour and pattern), with the fixtures' encoder.
fn jpeg(n: u64) -> Vec<u8> {
    let (w, h) = (160u32, 120u32);
    let px = shoebox_fixtures::photo_rgb(w, h, n as u32);
    shoebox_fixtures::encode_jpeg(&px, w, h, 75, false, false)
}

/// Writes a file where the local store keeps it (store/local.rs documents the layout).
fn put(path: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let data = PathBuf::from(arg(&args, "--data").unwrap_or_else(|| "./shoebox-data".into()));
    let user = arg(&args, "--user").unwrap_or_else(|| "default".into());
    let count: u64 = arg(&args, "--count").map(|c| c.parse().expect("--count N")).unwrap_or(100_000);
    assert!(shoebox_server::accounts::auth::valid_user_name(&user), "user name: letters, digits, '-' or '_'");
    std::fs::create_dir_all(&data).unwrap();
    let index = MediaIndex::open(&data.join("index.sqlite")).unwrap();
    // One record per (content, album): each blob sits in up to ALBUMS + 1 albums (none is one).
    let blobs = count.div_ceil(ALBUMS + 1).max(300);
    let mut shas = Vec::with_capacity(blobs as usize);
    for b in 0..blobs {
        let bytes = jpeg(b);
        let sha = sha256_hex(&bytes);
        put(&data.join("blobs").join(&user).join(&sha[..2]).join(&sha), &bytes);
        // 160 px is under the thumbnail size: the photo is its own thumbnail, as the app would upload it.
        put(&data.join("thumbs").join(&user).join(&sha[..2]).join(format!("{sha}.thumb.jpg")), &bytes);
        shas.push((sha, bytes.len() as u64));
    }
    let t0 = std::time::Instant::now();
    let mut written = 0;
    let mut batch = Vec::with_capacity(10_000);
    for i in 0..count {
        let album_no = i % (ALBUMS + 1);
        let album = (album_no < ALBUMS).then(|| format!("Album {album_no:02}"));
        let (sha, size) = &shas[(i / (ALBUMS + 1)) as usize];
        // Older items first, so upload order and capture order roughly agree, with jitter.
        let at_ms = START_MS + (i as i64 * SPAN_DAYS * 86_400_000) / count as i64 + (i as i64 * 7_919_000) % 36_000_000;
        let video = i % 10 == 3;
        let (captured, filetype, name) = if video {
            (Some(rfc3339_from_ms(at_ms)), "video/mp4", format!("VID_{i:06}.mp4"))
        } else if i % 7 == 0 {
            // Photos without EXIF: the file's lastModified, an instant.
            (Some(rfc3339_from_ms(at_ms)), "image/jpeg", format!("IMG_{i:06}.jpg"))
        } else {
            // EXIF capture times are wall-clock times without a zone.
            (Some(rfc3339_from_ms(at_ms).trim_end_matches('Z').chars().take(19).collect()), "image/jpeg", format!("IMG_{i:06}.jpg"))
        };
        batch.push(MediaItem {
            // Videos name content that is not stored: their thumbnails answer 404 (a placeholder).
            sha256: if video { sha256_hex(format!("video {i}").as_bytes()) } else { sha.clone() },
            source_sha256: (!video && i % 6 == 1).then(|| sha256_hex(format!("original {i}").as_bytes())),
            filename: Some(name.clone()),
            relative_path: Some(format!("{}/{name}", album.as_deref().unwrap_or("Camera"))),
            album,
            size: if video { 5_000_000 + i } else { *size },
            filetype: Some(filetype.into()),
            width: Some(160),
            height: Some(120),
            captured_at: captured,
            uploaded_at: rfc3339_from_ms(START_MS + SPAN_DAYS * 86_400_000 + i as i64 * 1000),
            orientation: Some(1),
            camera: (!video).then(|| "Shoebox Seed Cam".into()),
            ..MediaItem::default()
        });
        if batch.len() == batch.capacity() || i + 1 == count {
            written += index.insert_many(&user, &batch).unwrap();
            batch.clear();
        }
    }
    println!("Seeded {written} records for {user} ({blobs} stored JPEGs) in {} ms into {}", t0.elapsed().as_millis(), data.display());
}
