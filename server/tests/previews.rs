//! Thumbnails the server makes of what the browser cannot show: a HEIC (heif-convert), H.264
//! and HEVC videos (ffmpeg), a DNG (its embedded preview, turned per the file), each checked by
//! its pixels, not just its status; and hostile inputs (truncated, a playlist dressed as a
//! video, a tool that hangs, one that eats memory) ending as "no preview" with nothing left
//! running. Fixtures are made here with Debian's ffmpeg and heif-enc.
mod common;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;
use shoebox_fixtures::encode_jpeg;
use shoebox_server::previews::sandbox::{run, ToolFailure};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// `w`×`h` pixels: the left half red, the right half blue.
fn halves(w: u32, h: u32) -> Vec<u8> {
    (0..h).flat_map(|_| (0..w).flat_map(move |x| if x < w / 2 { [230, 20, 20] } else { [20, 20, 230] })).collect()
}

fn tool(dir: &Path, program: &str, args: &[&str]) {
    let out = Command::new(program).args(args).current_dir(dir).output().expect(program);
    assert!(out.status.success(), "{program} {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

async fn thumb_of(s: &TestServer, bytes: &[u8], name: &str, kind: &str) -> (StatusCode, Vec<u8>) {
    s.upload(bytes, 1 << 20, &[("filename", name), ("filetype", kind)]).await;
    let items = s.get_as(ALICE, "/api/v1/media?order=taken").await.json()["items"].clone();
    let item = items.as_array().unwrap().iter().find(|m| m["filename"] == name).unwrap().clone();
    let r = s.send(Request::get(item["thumbUrl"].as_str().unwrap()).body(Body::empty()).unwrap()).await;
    (r.status, r.body)
}

async fn thumb_again(s: &TestServer, name: &str) -> StatusCode {
    let items = s.get_as(ALICE, "/api/v1/media?order=taken").await.json()["items"].clone();
    let item = items.as_array().unwrap().iter().find(|m| m["filename"] == name).unwrap().clone();
    s.send(Request::get(item["thumbUrl"].as_str().unwrap()).body(Body::empty()).unwrap()).await.status
}

/// Decoded RGB pixels of a JPEG and its size.
fn decode(jpeg: &[u8]) -> (Vec<u8>, usize, usize) {
    let opts = zune_core::options::DecoderOptions::default().jpeg_set_out_colorspace(zune_core::colorspace::ColorSpace::RGB);
    let mut d = zune_jpeg::JpegDecoder::new_with_options(zune_core::bytestream::ZCursor::new(jpeg), opts);
    let px = d.decode().expect("a JPEG thumbnail");
    let info = d.info().unwrap();
    (px, info.width as usize, info.height as usize)
}

/// The thumbnail is `w`×`h`, red on the left and blue on the right: a real, upright picture.
fn assert_halves(jpeg: &[u8], w: usize, h: usize) {
    let (px, pw, ph) = decode(jpeg);
    assert_eq!((pw, ph), (w, h));
    let at = |x: usize, y: usize| px[3 * (y * pw + x)..3 * (y * pw + x) + 3].to_vec();
    let (l, r) = (at(pw / 8, ph / 2), at(pw - pw / 8, ph / 2));
    assert!(l[0] > 170 && l[2] < 90, "left is red: {l:?}");
    assert!(r[2] > 170 && r[0] < 90, "right is blue: {r:?}");
}

#[tokio::test]
async fn a_heic_gets_a_real_thumbnail() {
    let s = TestServer::new();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("in.jpg"), encode_jpeg(&halves(640, 320), 640, 320, 95, false, false)).unwrap();
    tool(dir.path(), "heif-enc", &["-q", "90", "-o", "IMG_1.heic", "in.jpg"]);
    let heic = std::fs::read(dir.path().join("IMG_1.heic")).unwrap();
    let (status, body) = thumb_of(&s, &heic, "IMG_1.HEIC", "image/heic").await;
    assert_eq!(status, StatusCode::OK);
    assert_halves(&body, 256, 128);
    // Truncated: no preview, and the next request is served as quickly.
    let started = Instant::now();
    let (status, _) = thumb_of(&s, &heic[..heic.len() / 2], "IMG_2.HEIC", "image/heic").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[tokio::test]
async fn videos_get_a_frame_from_about_a_second_in_whatever_their_codec() {
    let s = TestServer::new();
    let dir = tempfile::tempdir().unwrap();
    let src = "color=c=0xE61414:s=320x160:d=2,drawbox=x=160:y=0:w=160:h=160:color=0x1414E6:t=fill";
    for (name, codec) in [("clip.mp4", "libx264"), ("hevc.mov", "libx265")] {
        let args = ["-v", "error", "-f", "lavfi", "-i", src, "-c:v", codec, "-pix_fmt", "yuv420p", "-y", name];
        tool(dir.path(), "ffmpeg", &args);
        let bytes = std::fs::read(dir.path().join(name)).unwrap();
        let kind = if name.ends_with(".mp4") { "video/mp4" } else { "video/quicktime" };
        let (status, body) = thumb_of(&s, &bytes, name, kind).await;
        assert_eq!(status, StatusCode::OK, "{name}");
        assert_halves(&body, 256, 128);
    }
    // A playlist named like a video names other files: it is not read as one.
    let playlist = b"#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1,\nfile:///etc/passwd\n#EXT-X-ENDLIST\n".to_vec();
    let (status, _) = thumb_of(&s, &playlist, "trap.mp4", "video/mp4").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

/// The tools work on copies in the data folder's scratch folder, each removed once its preview
/// is made; a copy left by a server stopped mid-preview goes at the next start, while a young
/// one (a server may still be working on this folder) stays.
#[tokio::test]
async fn the_tools_copies_live_in_the_data_folder_and_a_stale_one_goes_at_the_next_start() {
    let s = TestServer::new();
    let scratch = shoebox_server::previews::scratch_dir(&s.state.config.data_dir);
    let entries = |d: &Path| std::fs::read_dir(d).unwrap().count();
    assert!(scratch.is_dir(), "made at the start");
    let before = std::fs::metadata(&scratch).unwrap().modified().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let src = "color=c=0xE61414:s=320x160:d=2,drawbox=x=160:y=0:w=160:h=160:color=0x1414E6:t=fill";
    for (name, seconds) in [("c.mp4", "2"), ("c2.mp4", "3")] {
        let src = src.replace("d=2", &format!("d={seconds}"));
        tool(dir.path(), "ffmpeg", &["-v", "error", "-f", "lavfi", "-i", &src, "-c:v", "libx264", "-pix_fmt", "yuv420p", "-y", name]);
    }
    let (status, body) = thumb_of(&s, &std::fs::read(dir.path().join("c.mp4")).unwrap(), "c.mp4", "video/mp4").await;
    assert_eq!(status, StatusCode::OK);
    assert_halves(&body, 256, 128);
    assert!(std::fs::metadata(&scratch).unwrap().modified().unwrap() > before, "the copy was made in the scratch folder");
    assert_eq!(entries(&scratch), 0, "and removed");

    let stale = scratch.join("shoebox-preview-left");
    std::fs::create_dir(&stale).unwrap();
    std::fs::write(stale.join("in.video"), b"someone's video").unwrap();
    let hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
    std::fs::File::open(&stale).unwrap().set_modified(hour_ago).unwrap();
    let young = scratch.join("shoebox-preview-busy");
    std::fs::create_dir(&young).unwrap();
    shoebox_server::AppState::open((*s.state.config).clone()).unwrap();
    assert!(!stale.exists(), "a copy left by an earlier run is removed at the start");
    assert!(young.exists(), "a young one is left to the server that may be using it");

    // A data folder that cannot take the copy still gets its previews (the system's temp folder).
    std::fs::remove_dir_all(&scratch).unwrap();
    std::fs::write(&scratch, b"not a folder").unwrap();
    let (status, body) = thumb_of(&s, &std::fs::read(dir.path().join("c2.mp4")).unwrap(), "c2.mp4", "video/mp4").await;
    assert_eq!(status, StatusCode::OK, "made all the same");
    assert_halves(&body, 256, 128);
}

/// A DNG: IFD0 says orientation 6 and points at a SubIFD whose one strip is a JPEG preview.
fn dng(preview: &[u8]) -> Vec<u8> {
    let mut d = b"II*\0".to_vec();
    d.extend(8u32.to_le_bytes());
    let entry = |d: &mut Vec<u8>, tag: u16, typ: u16, count: u32, val: u32| {
        d.extend(tag.to_le_bytes());
        d.extend(typ.to_le_bytes());
        d.extend(count.to_le_bytes());
        d.extend(val.to_le_bytes());
    };
    let sub = 8 + 2 + 3 * 12 + 4;
    let data = sub + 2 + 3 * 12 + 4;
    d.extend(3u16.to_le_bytes());
    entry(&mut d, 0x0112, 3, 1, 6);
    entry(&mut d, 0x014A, 4, 1, sub as u32);
    entry(&mut d, 0xC612, 1, 4, u32::from_le_bytes([1, 4, 0, 0]));
    d.extend(0u32.to_le_bytes());
    d.extend(3u16.to_le_bytes());
    entry(&mut d, 0x0103, 3, 1, 7);
    entry(&mut d, 0x0111, 4, 1, data as u32);
    entry(&mut d, 0x0117, 4, 1, preview.len() as u32);
    d.extend(0u32.to_le_bytes());
    d.extend(preview);
    d
}

#[tokio::test]
async fn a_raw_file_shows_its_embedded_preview_turned_as_the_file_says() {
    let s = TestServer::new();
    // Stored 400×200: red on the left, blue on the right. Orientation 6 turns it clockwise:
    // shown 200 wide, 400 high, red on top.
    let raw = dng(&encode_jpeg(&halves(400, 200), 400, 200, 95, false, false));
    let (status, body) = thumb_of(&s, &raw, "IMG_9.DNG", "image/x-adobe-dng").await;
    assert_eq!(status, StatusCode::OK);
    let (px, w, h) = decode(&body);
    assert_eq!((w, h), (128, 256));
    let at = |x: usize, y: usize| px[3 * (y * w + x)..3 * (y * w + x) + 3].to_vec();
    assert!(at(w / 2, h / 8)[0] > 170, "top is red: {:?}", at(w / 2, h / 8));
    assert!(at(w / 2, h - h / 8)[2] > 170, "bottom is blue: {:?}", at(w / 2, h - h / 8));
}

fn running(marker: &str) -> bool {
    std::fs::read_dir("/proc")
        .unwrap()
        .flatten()
        .any(|p| std::fs::read(p.path().join("cmdline")).is_ok_and(|c| String::from_utf8_lossy(&c).replace('\0', " ").contains(marker)))
}

#[tokio::test]
async fn a_tool_that_hangs_is_killed_with_everything_it_started() {
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let script = "/bin/sleep 314 & exec /bin/sleep 315";
    let r = run(Path::new("/bin/sh"), &["-c", script], dir.path(), Duration::from_millis(500)).await;
    assert_eq!(r, Err(ToolFailure::TimedOut));
    assert!(started.elapsed() < Duration::from_secs(5));
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(!running("sleep 314") && !running("sleep 315"), "the tool and its child are gone");
}

#[tokio::test]
async fn a_tool_cannot_take_more_memory_than_its_limit() {
    let dir = tempfile::tempdir().unwrap();
    let eat = "x = bytearray(3 << 30)";
    let r = run(Path::new("/usr/bin/python3"), &["-c", eat], dir.path(), Duration::from_secs(20)).await;
    assert!(matches!(r, Err(ToolFailure::Failed(_))), "{r:?}");
    let fine = run(Path::new("/usr/bin/python3"), &["-c", "x = bytearray(64 << 20)"], dir.path(), Duration::from_secs(20)).await;
    assert_eq!(fine, Ok(()), "a modest one still runs");
}

#[tokio::test]
async fn at_most_two_tools_run_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let one = || run(Path::new("/bin/sleep"), &["1"], dir.path(), Duration::from_secs(10));
    let (a, b, c, d) = tokio::join!(one(), one(), one(), one());
    assert!([a, b, c, d].iter().all(|r| r.is_ok()));
    assert!(started.elapsed() >= Duration::from_millis(1900), "four one-second tools, two at a time: {:?}", started.elapsed());
}

#[tokio::test]
async fn video_facts_are_probed_after_completion_once_and_listed() {
    let s = TestServer::new();
    let dir = tempfile::tempdir().unwrap();
    tool(
        dir.path(),
        "ffmpeg",
        &["-v", "error", "-f", "lavfi", "-i", "color=c=red:s=320x160:d=2", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-y", "c.mp4"],
    );
    let clip = std::fs::read(dir.path().join("c.mp4")).unwrap();
    s.upload(&clip, 1 << 20, &[("filename", "c.mp4"), ("filetype", "video/mp4")]).await;
    s.upload(&content::mp4(50_000, 9), 1 << 20, &[("filename", "noise.mp4"), ("filetype", "video/mp4")]).await;
    s.upload(&content::photo(20_000, 4), 1 << 20, &[("filename", "p.jpg"), ("filetype", "image/jpeg")]).await;
    let item = |items: &serde_json::Value, name: &str| items.as_array().unwrap().iter().find(|m| m["filename"] == name).unwrap().clone();
    let before = s.get_as(ALICE, "/api/v1/media?order=taken").await.json()["items"].clone();
    assert!(item(&before, "c.mp4").get("durationMs").is_none(), "not on the upload's path");
    assert_eq!(shoebox_server::previews::probe::sweep(&s.state).await, 2, "the two videos, not the photo");
    assert_eq!(shoebox_server::previews::probe::sweep(&s.state).await, 0, "each probed once, the unreadable one too");
    let after = s.get_as(ALICE, "/api/v1/media?order=taken").await.json()["items"].clone();
    let c = item(&after, "c.mp4");
    assert_eq!((c["durationMs"].as_u64(), c["codec"].as_str()), (Some(2000), Some("h264")), "{c}");
    assert_eq!((c["width"].as_u64(), c["height"].as_u64()), (Some(320), Some(160)));
    let noise = item(&after, "noise.mp4");
    assert!(noise.get("durationMs").is_none() && noise.get("codec").is_none(), "{noise}");
}

#[tokio::test]
async fn a_file_that_gives_no_preview_is_decoded_once_even_across_a_restart() {
    let s = TestServer::new();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("in.jpg"), encode_jpeg(&halves(640, 320), 640, 320, 95, false, false)).unwrap();
    tool(dir.path(), "heif-enc", &["-q", "90", "-o", "x.heic", "in.jpg"]);
    let heic = std::fs::read(dir.path().join("x.heic")).unwrap();
    let broken = heic[..heic.len() / 2].to_vec();
    let (status, _) = thumb_of(&s, &broken, "BROKEN.HEIC", "image/heic").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(thumb_again(&s, "BROKEN.HEIC").await, StatusCode::NOT_FOUND);
    assert_eq!(s.metric("shoebox_previews_decoded_total").await, 1.0, "the second request decodes nothing");
    assert_eq!(s.metric("shoebox_previews_failed_total").await, 1.0);
    // A restarted server remembers it too.
    let state = shoebox_server::AppState::open((*s.state.config).clone()).unwrap();
    let again = TestServer { app: shoebox_server::app(state.clone()), state, dir };
    assert_eq!(thumb_again(&again, "BROKEN.HEIC").await, StatusCode::NOT_FOUND);
    assert_eq!(again.metric("shoebox_previews_decoded_total").await, 0.0);
    // The mark goes with the bytes: stored again after they were lost, the file is tried again.
    let sha = shoebox_core::hash::sha256_hex(&broken);
    again.state.store.delete_blob("alice", &sha).unwrap();
    assert_eq!(again.state.store.open_thumb("alice", &sha, "thumb").unwrap(), None, "the purge takes the mark along");
    // Bytes lost some other way leave the mark behind: storing them again clears it.
    again.state.store.put_thumb("alice", &sha, "thumb", &[]).unwrap();
    // Sent without its digest, so the server takes the bytes instead of answering "you have it".
    let loc = again.create(broken.len() as u64, &[("filename", "BROKEN.HEIC"), ("filetype", "image/heic")]).await;
    assert_eq!(again.patch(&loc, 0, &broken).await.status, StatusCode::NO_CONTENT);
    assert_eq!(thumb_again(&again, "BROKEN.HEIC").await, StatusCode::NOT_FOUND);
    assert_eq!(again.metric("shoebox_previews_decoded_total").await, 1.0, "new bytes under the name are decoded afresh");
}

#[tokio::test]
async fn the_backfill_command_probes_stored_videos_and_makes_their_previews() {
    let s = TestServer::new();
    let dir = tempfile::tempdir().unwrap();
    let src = "color=c=0xE61414:s=320x160:d=2,drawbox=x=160:y=0:w=160:h=160:color=0x1414E6:t=fill";
    tool(dir.path(), "ffmpeg", &["-v", "error", "-f", "lavfi", "-i", src, "-c:v", "libx264", "-pix_fmt", "yuv420p", "-y", "c.mp4"]);
    std::fs::write(dir.path().join("in.jpg"), encode_jpeg(&halves(640, 320), 640, 320, 95, false, false)).unwrap();
    tool(dir.path(), "heif-enc", &["-q", "90", "-o", "p.heic", "in.jpg"]);
    let clip = std::fs::read(dir.path().join("c.mp4")).unwrap();
    let heic = std::fs::read(dir.path().join("p.heic")).unwrap();
    // Stored by a server whose probe sweep never ran (this one runs none).
    s.upload(&clip, 1 << 20, &[("filename", "c.mp4"), ("filetype", "video/mp4")]).await;
    s.upload(&heic, 1 << 20, &[("filename", "p.heic"), ("filetype", "image/heic")]).await;
    let config = (*s.state.config).clone();
    let out = shoebox_server::commands::backfill::backfill(config.clone()).unwrap();
    assert!(out.contains("1 videos probed (0 unreadable)") && out.contains("4 thumbnails and previews made, 0 already"), "{out}");
    let items = s.get_as(ALICE, "/api/v1/media").await.json()["items"].clone();
    let c = items.as_array().unwrap().iter().find(|m| m["filename"] == "c.mp4").unwrap().clone();
    assert_eq!((c["durationMs"].as_u64(), c["codec"].as_str()), (Some(2000), Some("h264")), "{c}");
    let thumb = s.state.store.open_thumb("alice", &shoebox_core::hash::sha256_hex(&clip), "thumb").unwrap().unwrap();
    assert_halves(&thumb, 256, 128);
    let out = shoebox_server::commands::backfill::backfill(config).unwrap();
    assert!(out.contains("0 videos probed") && out.contains("0 thumbnails and previews made, 4 already"), "{out}");
}
