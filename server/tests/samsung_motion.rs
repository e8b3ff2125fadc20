//! Samsung's Motion Photos: a JPEG followed by a SEF trailer whose `MotionPhoto_Data` block
//! holds an MP4 is one item with `motion {embedded: true}`; its `videoUrl` serves exactly the
//! clip (not the trailer around it), Range requests counted from the clip's first byte; a
//! trailer that points at no MP4, or lies about where its blocks are, gives no motion; nobody
//! but the owner can play it. The trailer is written here, block by block.
mod common;
use axum::http::StatusCode;
use common::*;
use shoebox_core::hash::sha256_hex;
use shoebox_server::previews::live::sweep_all;

const T: u64 = 1_714_557_600_000;

async fn put(s: &TestServer, bytes: &[u8], name: &str) {
    let path = format!("Phone/DCIM/{name}");
    let at = T.to_string();
    let meta = [("filename", name), ("filetype", "image/jpeg"), ("relativePath", path.as_str()), ("lastModified", at.as_str())];
    let r = s.create_as(ALICE, bytes.len() as u64, &meta).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let r = s.patch_as(ALICE, &r.h("location").unwrap(), 0, bytes).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
}

/// A JPEG, then SEF blocks (name, data), then the SEF directory, its length and `SEFT`.
/// `skew` moves every block's recorded position (a lying trailer).
fn samsung(blocks: &[(&[u8], &[u8])], skew: u32) -> Vec<u8> {
    let px: Vec<u8> = (0..48 * 32).flat_map(|i| [200, (i % 256) as u8, 40]).collect();
    let mut out = shoebox_fixtures::encode_jpeg(&px, 48, 32, 90, false, false);
    let mut starts = Vec::new();
    for (name, data) in blocks {
        starts.push((out.len(), 8 + name.len() + data.len()));
        out.extend([0, 0, 0x30, 0x0a]);
        out.extend((name.len() as u32).to_le_bytes());
        out.extend(*name);
        out.extend(*data);
    }
    let dir_at = out.len();
    let mut dir = b"SEFH".to_vec();
    dir.extend(106u32.to_le_bytes());
    dir.extend((starts.len() as u32).to_le_bytes());
    for (at, len) in &starts {
        dir.extend([0, 0, 0x30, 0x0a]);
        dir.extend(((dir_at - at) as u32 + skew).to_le_bytes());
        dir.extend((*len as u32).to_le_bytes());
    }
    out.extend(&dir);
    out.extend((dir.len() as u32).to_le_bytes());
    out.extend(b"SEFT");
    out
}

#[tokio::test]
async fn a_samsung_motion_photo_plays_exactly_its_clip() {
    let s = TestServer::new();
    let dir = tempfile::tempdir().unwrap();
    let args = ["-v", "error", "-f", "lavfi", "-i", "color=c=red:s=160x120:d=1", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-y", "c.mp4"];
    let out = std::process::Command::new("ffmpeg").args(args).current_dir(dir.path()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let clip = std::fs::read(dir.path().join("c.mp4")).unwrap();
    let utc: &[u8] = b"1714557600000";
    let photo = samsung(&[(b"Image_UTC_Data", utc), (b"MotionPhoto_Data", &clip), (b"MotionPhoto_Version", b"mpv2")], 0);
    let no_mp4 = samsung(&[(b"MotionPhoto_Data", &bytes(5_000, 1))], 0);
    let liar = samsung(&[(b"Image_UTC_Data", utc), (b"MotionPhoto_Data", &clip)], 40);
    put(&s, &photo, "20240501_100000.jpg").await;
    put(&s, &no_mp4, "20240501_100001.jpg").await;
    put(&s, &liar, "20240501_100002.jpg").await;
    sweep_all(&s.state).await;

    let list = items(&s, ALICE).await;
    let item = list.iter().find(|m| m["filename"] == "20240501_100000.jpg").unwrap();
    assert_eq!(
        (item["motion"]["sha256"].as_str(), &item["motion"]["embedded"]),
        (Some(sha256_hex(&photo).as_str()), &serde_json::json!(true))
    );
    assert!(item["motion"].get("downloadUrl").is_none(), "the clip is inside the photo's own download");
    for other in ["20240501_100001.jpg", "20240501_100002.jpg"] {
        let m = list.iter().find(|m| m["filename"] == other).unwrap();
        assert!(m.get("motion").is_none(), "{other}: {m}");
    }
    let url = item["motion"]["videoUrl"].as_str().unwrap().to_string();
    let whole = anon(&s, &url, None).await;
    assert_eq!((whole.status, whole.h("content-type").as_deref()), (StatusCode::OK, Some("video/mp4")));
    assert!(whole.body == clip, "exactly the clip: {} bytes served, {} in the clip", whole.body.len(), clip.len());
    let tail = anon(&s, &url, Some("bytes=-16")).await;
    assert_eq!((tail.status, tail.body.as_slice()), (StatusCode::PARTIAL_CONTENT, &clip[clip.len() - 16..]));
    assert_eq!(tail.h("content-range"), Some(format!("bytes {}-{}/{}", clip.len() - 16, clip.len() - 1, clip.len())));
    assert_eq!(anon(&s, &url, Some(&format!("bytes={}-", clip.len()))).await.status, StatusCode::RANGE_NOT_SATISFIABLE);
    // Another user or no signature: refused.
    assert_eq!(anon(&s, &url.replace("u=alice", "u=bob"), None).await.status, StatusCode::FORBIDDEN);
    let unsigned = url.split('&').filter(|p| !p.starts_with("s=")).collect::<Vec<_>>().join("&");
    assert_eq!(anon(&s, &unsigned, None).await.status, StatusCode::FORBIDDEN);
}
