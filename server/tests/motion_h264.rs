//! HEVC Live Photo clips get an H.264 copy made by a background job (ffmpeg's libx264 in the
//! tool sandbox): the item's `videoUrl` then plays the copy (an H.264 MP4, ffprobe says so),
//! its clip download stays the HEVC bytes; an H.264 clip is played as it is; nobody but the
//! owner plays a copy. The clips are made here with ffmpeg (libx265 and libx264).
mod common;
use axum::http::StatusCode;
use common::*;
use shoebox_core::hash::sha256_hex;
use shoebox_server::previews::{live, probe, transcode};

const T: u64 = 1_714_557_600_000;

async fn put(s: &TestServer, bytes: &[u8], name: &str, filetype: &str) {
    let path = format!("Trip/DCIM/{name}");
    let at = T.to_string();
    let meta = [("filename", name), ("filetype", filetype), ("relativePath", path.as_str()), ("lastModified", at.as_str())];
    let r = s.create_as(ALICE, bytes.len() as u64, &meta).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let r = s.patch_as(ALICE, &r.h("location").unwrap(), 0, bytes).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
}

/// A one-second 160x120 QuickTime clip in `codec`.
fn clip(dir: &std::path::Path, codec: &str, name: &str) -> Vec<u8> {
    let args = ["-v", "error", "-f", "lavfi", "-i", "testsrc=s=160x120:d=1:r=15", "-c:v", codec, "-pix_fmt", "yuv420p", "-y", name];
    let out = std::process::Command::new("ffmpeg").args(args).current_dir(dir).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    std::fs::read(dir.join(name)).unwrap()
}

/// The codec of the first video stream of `bytes`, as ffprobe names it.
fn codec_of(dir: &std::path::Path, bytes: &[u8]) -> String {
    let p = dir.join("served.mp4");
    std::fs::write(&p, bytes).unwrap();
    let args = ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=codec_name", "-of", "csv=p=0"];
    let out = std::process::Command::new("ffprobe").args(args).arg(&p).output().unwrap();
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[tokio::test]
async fn a_hevc_clip_plays_as_its_h264_copy_and_downloads_as_itself() {
    let s = TestServer::new();
    let dir = tempfile::tempdir().unwrap();
    let (hevc, avc) = (clip(dir.path(), "libx265", "h.mov"), clip(dir.path(), "libx264", "a.mov"));
    assert_eq!(codec_of(dir.path(), &hevc), "hevc");
    put(&s, &content::photo(20_000, 1), "IMG_0001.HEIC", "image/heic").await;
    put(&s, &hevc, "IMG_0001.MOV", "video/quicktime").await;
    put(&s, &content::photo(20_000, 2), "IMG_0002.HEIC", "image/heic").await;
    put(&s, &avc, "IMG_0002.MOV", "video/quicktime").await;
    live::sweep_all(&s.state).await;
    while probe::sweep(&s.state).await > 0 {}
    transcode::sweep_all(&s.state).await;

    let list = items(&s, ALICE).await;
    let item = |name: &str| list.iter().find(|m| m["filename"] == name).unwrap().clone();
    let (h, a) = (item("IMG_0001.HEIC"), item("IMG_0002.HEIC"));
    assert_eq!(
        (h["motion"]["sha256"].as_str(), &h["motion"]["h264Copy"]),
        (Some(sha256_hex(&hevc).as_str()), &serde_json::json!(true)),
        "{h}"
    );
    assert!(a["motion"].get("h264Copy").is_none(), "an H.264 clip needs no copy: {a}");

    let url = h["motion"]["videoUrl"].as_str().unwrap().to_string();
    let played = anon(&s, &url, None).await;
    assert_eq!((played.status, played.h("content-type").as_deref()), (StatusCode::OK, Some("video/mp4")));
    assert_eq!(codec_of(dir.path(), &played.body), "h264");
    let part = anon(&s, &url, Some("bytes=0-7")).await;
    assert_eq!((part.status, part.body.as_slice()), (StatusCode::PARTIAL_CONTENT, &played.body[..8]));
    let download = anon(&s, h["motion"]["downloadUrl"].as_str().unwrap(), None).await;
    assert!(download.body == hevc, "the download is the clip's own bytes");
    assert!(anon(&s, a["motion"]["videoUrl"].as_str().unwrap(), None).await.body == avc, "an H.264 clip plays as it is");

    // Another user, or no signature: refused; Bob's Bearer token finds nothing either.
    assert_eq!(anon(&s, &url.replace("u=alice", "u=bob"), None).await.status, StatusCode::FORBIDDEN);
    let unsigned = url.split('&').filter(|p| !p.starts_with("s=")).collect::<Vec<_>>().join("&");
    assert_eq!(anon(&s, &unsigned, None).await.status, StatusCode::FORBIDDEN);
    assert_eq!(s.get_as(BOB, &format!("/api/v1/media/{}", sha256_hex(&hevc))).await.status, StatusCode::NOT_FOUND);
}
