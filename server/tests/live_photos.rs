//! Live Photos as one item: a photo and a clip of one capture (same stem, album and folder,
//! capture times seconds apart) are paired by the server in either order and whenever the
//! second arrives; the clip is listed inside its photo's `motion` (with a signed URL that plays
//! it) and on its own only with `parts=1`, still counts for dedup and storage, and is never
//! paired across users or shown to anyone but its owner.
mod common;
use axum::http::StatusCode;
use common::*;
use shoebox_core::hash::sha256_hex;
use shoebox_server::previews::live::sweep_all;

/// Uploads as `token` into album "Trip", folder "DCIM", taken at `at_ms`.
async fn put(s: &TestServer, token: &str, bytes: &[u8], name: &str, filetype: &str, at_ms: u64) {
    let path = format!("Trip/DCIM/{name}");
    let at = at_ms.to_string();
    let meta = [("filename", name), ("filetype", filetype), ("relativePath", path.as_str()), ("lastModified", at.as_str())];
    let r = s.create_as(token, bytes.len() as u64, &meta).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let loc = r.h("location").unwrap();
    let r = s.patch_as(token, &loc, 0, bytes).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
}

fn named(items: &[serde_json::Value], name: &str) -> Option<serde_json::Value> {
    items.iter().find(|m| m["filename"] == name).cloned()
}

const T: u64 = 1_714_557_600_000; // 2024-05-01T10:00:00Z

#[tokio::test]
async fn a_photo_and_its_clip_are_one_item_in_either_order_and_days_apart() {
    let s = TestServer::new();
    let (p1, v1) = (content::photo(20_000, 1), content::mp4(30_000, 2));
    let (p2, v2) = (content::photo(20_000, 3), content::mp4(30_000, 4));
    let (p3, v3) = (content::photo(20_000, 5), content::mp4(30_000, 6));
    // Photo first, clip second, in one batch.
    put(&s, ALICE, &p1, "IMG_0001.HEIC", "image/heic", T).await;
    put(&s, ALICE, &v1, "IMG_0001.MOV", "video/quicktime", T + 1_500).await;
    // The clip alone in one sync, swept; its photo in a later one (a Takeout's .MP4 and .JPG).
    put(&s, ALICE, &v2, "IMG_0002.MP4", "video/mp4", T + 60_000).await;
    sweep_all(&s.state).await;
    assert!(named(&items(&s, ALICE).await, "IMG_0002.MP4").is_some(), "alone, the clip is an item of its own");
    put(&s, ALICE, &p2, "IMG_0002.JPG", "image/jpeg", T + 61_000).await;
    // Same stem, an hour apart: two captures, not one.
    put(&s, ALICE, &p3, "IMG_0003.JPG", "image/jpeg", T).await;
    put(&s, ALICE, &v3, "IMG_0003.MOV", "video/quicktime", T + 3_600_000).await;
    sweep_all(&s.state).await;

    let list = items(&s, ALICE).await;
    let names: Vec<&str> = list.iter().filter_map(|m| m["filename"].as_str()).collect();
    assert_eq!(names.len(), 4, "{names:?}");
    for (photo, clip, bytes) in [("IMG_0001.HEIC", "IMG_0001.MOV", &v1), ("IMG_0002.JPG", "IMG_0002.MP4", &v2)] {
        let p = named(&list, photo).unwrap();
        assert_eq!(p["motion"]["sha256"], sha256_hex(bytes), "{p}");
        assert!(named(&list, clip).is_none(), "{clip} is inside its photo");
        let played = anon(&s, p["motion"]["videoUrl"].as_str().unwrap(), Some("bytes=0-99")).await;
        assert_eq!(played.status, StatusCode::PARTIAL_CONTENT);
        assert_eq!(played.body, bytes[..100]);
    }
    assert!(named(&list, "IMG_0003.JPG").unwrap().get("motion").is_none());
    assert!(named(&list, "IMG_0003.MOV").is_some());

    // Parts on request; the clip still counts for dedup and storage.
    let parts = s.get_as(ALICE, "/api/v1/media?limit=1000&parts=1").await.json()["items"].as_array().unwrap().clone();
    assert_eq!(parts.len(), 6);
    assert_eq!(named(&parts, "IMG_0001.MOV").unwrap()["motionOf"], sha256_hex(&p1));
    let check = s.send(post_json(ALICE, "/api/v1/media/check", serde_json::json!({"sha256": [sha256_hex(&v1)]}))).await;
    assert_eq!(check.json()["present"][0], sha256_hex(&v1));
    let used = s.get_as(ALICE, "/api/v1/media/summary").await.json()["usedBytes"].as_u64().unwrap();
    assert_eq!(used, [&p1, &v1, &p2, &v2, &p3, &v3].iter().map(|b| b.len() as u64).sum::<u64>());
    assert_eq!(s.get_as(ALICE, "/api/v1/media?parts=maybe").await.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn another_users_clip_is_never_paired_with_mine_nor_can_they_play_my_pair() {
    let s = TestServer::new();
    let (photo, clip, bobs) = (content::photo(20_000, 7), content::mp4(30_000, 8), content::mp4(30_000, 9));
    put(&s, BOB, &bobs, "IMG_0007.MOV", "video/quicktime", T + 1_000).await;
    put(&s, ALICE, &photo, "IMG_0007.HEIC", "image/heic", T).await;
    sweep_all(&s.state).await;
    let mine = named(&items(&s, ALICE).await, "IMG_0007.HEIC").unwrap();
    assert!(mine.get("motion").is_none(), "bob's clip of the same name is not mine: {mine}");
    let theirs = named(&items(&s, BOB).await, "IMG_0007.MOV").unwrap();
    assert!(theirs.get("motionOf").is_none(), "{theirs}");

    put(&s, ALICE, &clip, "IMG_0007.MOV", "video/quicktime", T + 1_000).await;
    sweep_all(&s.state).await;
    let mine = named(&items(&s, ALICE).await, "IMG_0007.HEIC").unwrap();
    assert_eq!(mine["motion"]["sha256"], sha256_hex(&clip));
    let url = mine["motion"]["videoUrl"].as_str().unwrap().to_string();
    assert_eq!(anon(&s, &url, None).await.status, StatusCode::OK);
    // Bob cannot turn my link into his, and his own list shows nothing of my pair.
    let as_bob = url.replace("u=alice", "u=bob");
    assert_ne!(as_bob, url);
    assert_eq!(anon(&s, &as_bob, None).await.status, StatusCode::FORBIDDEN);
    let bobs_list = items(&s, BOB).await;
    assert_eq!(bobs_list.len(), 1);
    assert!(bobs_list.iter().all(|m| m.get("motion").is_none()));
    // Nobody: the link without its signature is refused.
    let unsigned = url.split('&').filter(|p| !p.starts_with("s=")).collect::<Vec<_>>().join("&");
    assert_eq!(anon(&s, &unsigned, None).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_kiosk_visitor_sees_no_motion_but_its_own() {
    const KEY: &str = "shop-kiosk-key-0123456789";
    let s = TestServer::with(|c| {
        c.kiosks =
            vec![shoebox_server::config::KioskProfile { name: "shop".into(), user: "alice".into(), key: KEY.into(), ..Default::default() }];
    });
    let (photo, clip) = (content::photo(20_000, 11), content::mp4(30_000, 12));
    put(&s, ALICE, &photo, "IMG_0011.HEIC", "image/heic", T).await;
    put(&s, ALICE, &clip, "IMG_0011.MOV", "video/quicktime", T + 1_000).await;
    let start = axum::http::Request::post("/api/v1/kiosk/sessions").header("Authorization", format!("Bearer {KEY}"));
    let visit = s.send(start.body(axum::body::Body::empty()).unwrap()).await.json();
    let token = visit["token"].as_str().unwrap().to_string();
    // The visitor drops a photo and a clip named like the owner's, into the visit's drop.
    let (vp, vc) = (content::photo(20_000, 13), content::mp4(30_000, 14));
    put(&s, &token, &vp, "IMG_0011.HEIC", "image/heic", T).await;
    put(&s, &token, &vc, "IMG_0011.MOV", "video/quicktime", T + 1_000).await;
    sweep_all(&s.state).await;
    let seen = s.get_as(&token, "/api/v1/media?parts=1").await.json()["items"].as_array().unwrap().clone();
    let shas: Vec<&str> = seen.iter().filter_map(|m| m["sha256"].as_str()).collect();
    assert_eq!(shas.len(), 2, "the visit's own two only: {seen:?}");
    assert!(!shas.contains(&sha256_hex(&photo).as_str()) && !shas.contains(&sha256_hex(&clip).as_str()));
    for m in &seen {
        for field in ["motion", "motionOf"] {
            let named = m.get(field).map(|v| v.get("sha256").unwrap_or(v).as_str().unwrap().to_string());
            assert!(named.is_none() || [sha256_hex(&vp), sha256_hex(&vc)].contains(named.as_ref().unwrap()), "{m}");
        }
    }
    let own = seen.iter().find(|m| m["sha256"] == sha256_hex(&vp)).unwrap();
    assert_eq!(own["motion"]["sha256"], sha256_hex(&vc), "the visit's own pair: {own}");
    assert_eq!(anon(&s, own["motion"]["videoUrl"].as_str().unwrap(), None).await.body, vc);
    // The owner's pair is still the owner's own.
    let owners = named(&items(&s, ALICE).await, "IMG_0011.HEIC").unwrap();
    assert!(items(&s, ALICE).await.iter().any(|m| m["motion"]["sha256"] == sha256_hex(&clip)), "{owners}");
}

/// A JPEG whose XMP says the last `clip_len` bytes are its clip, with `tail` appended.
fn motion_photo(clip_len: usize, tail: &[u8]) -> Vec<u8> {
    let px: Vec<u8> = (0..64 * 48).flat_map(|i| [(i % 256) as u8, 90, 160]).collect();
    let jpeg = shoebox_fixtures::encode_jpeg(&px, 64, 48, 90, false, false);
    let xmp = format!(
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF><rdf:Description GCamera:MotionPhoto=\"1\" GCamera:MotionPhotoVersion=\"1\">\
         <Container:Directory><rdf:Seq><rdf:li><Container:Item Item:Mime=\"image/jpeg\" Item:Semantic=\"Primary\" Item:Length=\"0\"/></rdf:li>\
         <rdf:li><Container:Item Item:Mime=\"video/mp4\" Item:Semantic=\"MotionPhoto\" Item:Length=\"{clip_len}\"/></rdf:li></rdf:Seq>\
         </Container:Directory></rdf:Description></rdf:RDF></x:xmpmeta>"
    );
    let mut out = jpeg[..2].to_vec();
    out.extend([0xFF, 0xE1]);
    out.extend(((xmp.len() + 31) as u16).to_be_bytes());
    out.extend(b"http://ns.adobe.com/xap/1.0/\0");
    out.extend(xmp.as_bytes());
    out.extend(&jpeg[2..]);
    out.extend(tail);
    out
}

#[tokio::test]
async fn a_motion_photo_is_one_item_whose_clip_is_served_from_its_own_bytes() {
    let s = TestServer::new();
    let dir = tempfile::tempdir().unwrap();
    let args = ["-v", "error", "-f", "lavfi", "-i", "color=c=blue:s=160x120:d=1", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-y", "c.mp4"];
    let out = std::process::Command::new("ffmpeg").args(args).current_dir(dir.path()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let clip = std::fs::read(dir.path().join("c.mp4")).unwrap();
    let photo = motion_photo(clip.len(), &clip);
    // One whose XMP points at bytes that are no MP4.
    let liar = motion_photo(5_000, &bytes(5_000, 3));
    put(&s, ALICE, &photo, "PXL_0001.MP.jpg", "image/jpeg", T).await;
    put(&s, ALICE, &liar, "PXL_0002.MP.jpg", "image/jpeg", T).await;
    sweep_all(&s.state).await;
    let list = items(&s, ALICE).await;
    let item = named(&list, "PXL_0001.MP.jpg").unwrap();
    assert_eq!(item["motion"]["sha256"], sha256_hex(&photo), "{item}");
    assert_eq!(item["motion"]["embedded"], true);
    assert!(named(&list, "PXL_0002.MP.jpg").unwrap().get("motion").is_none(), "only an MP4 where the XMP points counts");

    let url = item["motion"]["videoUrl"].as_str().unwrap().to_string();
    let whole = anon(&s, &url, None).await;
    assert_eq!((whole.status, whole.h("content-type").as_deref()), (StatusCode::OK, Some("video/mp4")));
    assert!(whole.body == clip, "the clip, byte for byte");
    let part = anon(&s, &url, Some("bytes=4-11")).await;
    assert_eq!((part.status, part.body.as_slice()), (StatusCode::PARTIAL_CONTENT, &clip[4..12]));
    assert_eq!(part.h("content-range"), Some(format!("bytes 4-11/{}", clip.len())));
    // The photo's other URLs still serve the whole file.
    assert_eq!(anon(&s, item["originalUrl"].as_str().unwrap(), None).await.body, photo);
    // Another user, another kind or no signature: refused.
    assert_eq!(anon(&s, &url.replace("u=alice", "u=bob"), None).await.status, StatusCode::FORBIDDEN);
    assert_eq!(anon(&s, &url.replace("/blob/motion/", "/blob/original/"), None).await.status, StatusCode::FORBIDDEN);
    let liar_sha = sha256_hex(&liar);
    let forged = url.replace(&sha256_hex(&photo), &liar_sha);
    assert_eq!(anon(&s, &forged, None).await.status, StatusCode::FORBIDDEN);
}

/// Every record of Alice's, clips and sidecars too, in or out of the Trash.
async fn all_parts(s: &TestServer, trash: bool) -> Vec<serde_json::Value> {
    let uri = format!("/api/v1/media?limit=1000&parts=1&trash={trash}");
    s.get_as(ALICE, &uri).await.json()["items"].as_array().unwrap().clone()
}

fn ids_body(ids: &[&str]) -> serde_json::Value {
    serde_json::json!({ "ids": ids })
}

#[tokio::test]
async fn a_pair_is_trashed_restored_counted_and_downloaded_as_one() {
    let s = TestServer::new();
    let (photo, clip) = (content::photo(20_000, 21), content::mp4(30_000, 22));
    let edits = b"<?xml version=\"1.0\"?><plist version=\"1.0\"><dict/></plist>".to_vec();
    put(&s, ALICE, &photo, "IMG_0021.HEIC", "image/heic", T).await;
    put(&s, ALICE, &clip, "IMG_0021.MOV", "video/quicktime", T + 1_000).await;
    put(&s, ALICE, &edits, "IMG_0021.AAE", "", T).await;
    let lone = content::photo(20_000, 23);
    put(&s, ALICE, &lone, "IMG_0022.JPG", "image/jpeg", T).await;
    sweep_all(&s.state).await;
    let all = all_parts(&s, false).await;
    let id = |name: &str| named(&all, name).unwrap()["id"].as_str().unwrap().to_string();
    let (photo_id, clip_id, lone_id) = (id("IMG_0021.HEIC"), id("IMG_0021.MOV"), id("IMG_0022.JPG"));

    // The item's download offers the clip, under its own name.
    let item = named(&items(&s, ALICE).await, "IMG_0021.HEIC").unwrap();
    let got = anon(&s, item["motion"]["downloadUrl"].as_str().unwrap(), None).await;
    assert_eq!((got.status, got.body == clip), (StatusCode::OK, true));
    assert_eq!(got.h("content-disposition").as_deref(), Some("attachment; filename=\"IMG_0021.MOV\""));
    // An album counts the pair once, and its cover is never the clip.
    let albums = s.get_as(ALICE, "/api/v1/albums").await.json();
    assert_eq!(albums["albums"][0]["count"], 2, "{albums}");

    // Another user cannot trash any of it.
    let r = s.send(post_json(BOB, "/api/v1/media/trash", ids_body(&[&photo_id, &clip_id]))).await;
    assert_eq!(r.json()["trashed"], 0);
    assert_eq!(all_parts(&s, false).await.len(), 4);

    // Trashing the photo trashes its clip and its sidecar; the Trash shows one item.
    let r = s.send(post_json(ALICE, "/api/v1/media/trash", ids_body(&[&photo_id]))).await;
    assert_eq!(r.json()["trashed"], 1);
    let left: Vec<String> = all_parts(&s, false).await.iter().map(|m| m["filename"].as_str().unwrap().to_string()).collect();
    assert_eq!(left, ["IMG_0022.JPG"]);
    assert_eq!(all_parts(&s, true).await.len(), 3);
    let in_trash = s.get_as(ALICE, "/api/v1/media?trash=true").await.json()["items"].as_array().unwrap().clone();
    assert_eq!(in_trash.len(), 1, "{in_trash:?}");
    assert_eq!(in_trash[0]["motion"]["sha256"], sha256_hex(&clip));
    assert_eq!(in_trash[0]["sidecars"][0]["filename"], "IMG_0021.AAE");

    // Restoring the photo restores all three.
    let r = s.send(post_json(ALICE, "/api/v1/media/restore", ids_body(&[&photo_id]))).await;
    assert_eq!(r.json()["restored"], 1);
    assert_eq!(all_parts(&s, false).await.len(), 4);
    let back = named(&items(&s, ALICE).await, "IMG_0021.HEIC").unwrap();
    assert_eq!(
        (back["motion"]["sha256"].as_str(), back["sidecars"][0]["filename"].as_str()),
        (Some(sha256_hex(&clip).as_str()), Some("IMG_0021.AAE"))
    );

    // Named by the clip (a parts=1 client), the pair moves as one too; the lone photo stays.
    s.send(post_json(ALICE, "/api/v1/media/trash", ids_body(&[&clip_id]))).await;
    let left: Vec<String> = all_parts(&s, false).await.iter().map(|m| m["filename"].as_str().unwrap().to_string()).collect();
    assert_eq!(left, ["IMG_0022.JPG"]);
    s.send(post_json(ALICE, "/api/v1/media/restore", ids_body(&[&clip_id]))).await;
    assert_eq!(all_parts(&s, false).await.len(), 4);
    s.send(post_json(ALICE, "/api/v1/media/trash", ids_body(&[&lone_id]))).await;
    assert_eq!(all_parts(&s, false).await.len(), 3, "a photo without a pair goes alone");
}
