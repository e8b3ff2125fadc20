//! The library's bytes: signed URLs (no Bearer; bad, expired or another user's signature
//! refused), Range requests, download names, cache and referrer headers; thumbnails uploaded
//! (validated) or made by the server from a real photo, rotated per EXIF orientation; and the
//! purge, which deletes a blob only when no record names it and no upload will commit it.
mod common;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;
use serde_json::{json, Value};
use shoebox_core::api::MediaItem;
use shoebox_core::hash::sha256_hex;
use shoebox_fixtures::{encode_jpeg, exif_block, ExifSpec};
use shoebox_server::accounts::signing::{BlobKind, Signer};
use shoebox_server::timefmt::now_ms;

async fn only_item(s: &TestServer, token: &str) -> Value {
    s.get_as(token, "/api/v1/media?order=taken").await.json()["items"][0].clone()
}

/// 400x200 stored pixels, blue with a red block in the stored top-left corner, EXIF orientation 6.
fn rotated_photo() -> Vec<u8> {
    let rgb: Vec<u8> =
        (0..200u32).flat_map(|y| (0..400u32).flat_map(move |x| if x < 100 && y < 100 { [255, 0, 0] } else { [0, 0, 255] })).collect();
    let enc = encode_jpeg(&rgb, 400, 200, 95, false, false);
    let exif = exif_block(&ExifSpec { orientation: Some(6), date: Some("2022:08:09 10:11:12".into()), ..Default::default() });
    let mut out = vec![0xFF, 0xD8, 0xFF, 0xE1];
    out.extend_from_slice(&((exif.len() + 8) as u16).to_be_bytes());
    out.extend_from_slice(b"Exif\0\0");
    out.extend_from_slice(&exif);
    out.extend_from_slice(&enc[2..]);
    out
}

fn decode(jpeg: &[u8]) -> (Vec<u8>, usize, usize) {
    let opts = zune_core::options::DecoderOptions::default().jpeg_set_out_colorspace(zune_core::colorspace::ColorSpace::RGB);
    let mut d = zune_jpeg::JpegDecoder::new_with_options(zune_core::bytestream::ZCursor::new(jpeg), opts);
    let px = d.decode().unwrap();
    let info = d.info().unwrap();
    (px, info.width as usize, info.height as usize)
}

#[tokio::test]
async fn signed_urls_serve_the_exact_bytes_without_a_bearer_and_refuse_bad_signatures() {
    let s = TestServer::new();
    let data = content::mp4(100_000, 3);
    s.upload(&data, 40_000, &[("filename", "Été à Zürich.mp4"), ("filetype", "video/mp4")]).await;
    let m = only_item(&s, ALICE).await;
    let original = m["originalUrl"].as_str().unwrap();
    let r = anon(&s, original, None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.body, data);
    assert_eq!(r.h("content-type").as_deref(), Some("video/mp4"));
    assert!(r.h("cache-control").unwrap().starts_with("private, max-age="), "{:?}", r.h("cache-control"));
    let max_age: u64 = r.h("cache-control").unwrap().rsplit('=').next().unwrap().parse().unwrap();
    assert!((3600..=7200).contains(&max_age), "{max_age}");
    assert_eq!(r.h("referrer-policy").as_deref(), Some("no-referrer"));
    assert_eq!(r.h("x-content-type-options").as_deref(), Some("nosniff"));
    assert_eq!(r.h("accept-ranges").as_deref(), Some("bytes"));

    let r = anon(&s, original, Some("bytes=1000-1999")).await;
    assert_eq!(r.status, StatusCode::PARTIAL_CONTENT);
    assert_eq!(r.h("content-range").as_deref(), Some("bytes 1000-1999/100000"));
    assert_eq!(r.body, &data[1000..2000]);
    let r = anon(&s, original, Some("bytes=-10")).await;
    assert_eq!((r.status, r.body.as_slice()), (StatusCode::PARTIAL_CONTENT, &data[99_990..]));
    let r = anon(&s, original, Some("bytes=100000-")).await;
    assert_eq!(r.status, StatusCode::RANGE_NOT_SATISFIABLE);
    assert_eq!(r.h("content-range").as_deref(), Some("bytes */100000"));

    let r = anon(&s, m["downloadUrl"].as_str().unwrap(), None).await;
    assert_eq!(r.body, data);
    assert_eq!(
        r.h("content-disposition").as_deref(),
        Some("attachment; filename=\"_t_ _ Z_rich.mp4\"; filename*=UTF-8''%C3%89t%C3%A9%20%C3%A0%20Z%C3%BCrich.mp4")
    );
    // A video has no thumbnail the server can make: 404, and the app shows a placeholder.
    assert_eq!(anon(&s, m["thumbUrl"].as_str().unwrap(), None).await.status, StatusCode::NOT_FOUND);

    let sha = sha256_hex(&data);
    let bad = original.replace("&s=", "&s=A");
    assert_eq!(anon(&s, &bad, None).await.status, StatusCode::FORBIDDEN);
    assert_eq!(anon(&s, &original.replace("u=alice", "u=bob"), None).await.status, StatusCode::FORBIDDEN, "the user is signed");
    assert_eq!(anon(&s, &original.replace("/original/", "/download/"), None).await.status, StatusCode::FORBIDDEN, "the kind is signed");
    assert_eq!(anon(&s, &format!("/api/v1/blob/original/{sha}"), None).await.status, StatusCode::FORBIDDEN);
    let r = anon(&s, &format!("/api/v1/blob/original/{sha}"), None).await;
    assert_eq!(r.h("cache-control").as_deref(), Some("no-store"), "refusals are not cached");
    // Expired: signed correctly, but for a time already past.
    let past = now_ms() / 1000 - 10;
    let sig = s.state.signer.sign(BlobKind::Original, "alice", &sha, past, None);
    assert_eq!(anon(&s, &format!("/api/v1/blob/original/{sha}?u=alice&e={past}&s={sig}"), None).await.status, StatusCode::FORBIDDEN);
    // Another server's key (or a made-up one) signs nothing here.
    let e = Signer::expiry(now_ms() / 1000);
    let forged = Signer::new(b"not this server's key at all!!").sign(BlobKind::Original, "alice", &sha, e, None);
    assert_eq!(anon(&s, &format!("/api/v1/blob/original/{sha}?u=alice&e={e}&s={forged}"), None).await.status, StatusCode::FORBIDDEN);
    // A valid signature for bob does not reach alice's bytes: bob has no such record.
    let url = s.state.signer.url(BlobKind::Original, "bob", &sha, None, now_ms() / 1000);
    assert_eq!(anon(&s, &url, None).await.status, StatusCode::NOT_FOUND);
    assert!(s.get_as(BOB, "/api/v1/media?order=taken").await.json()["items"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn the_server_makes_an_upright_thumbnail_from_an_orientation_6_photo() {
    let s = TestServer::new();
    let photo = rotated_photo();
    s.upload(&photo, 1 << 20, &[("filename", "IMG_6.jpg"), ("filetype", "image/jpeg")]).await;
    let m = only_item(&s, ALICE).await;
    assert_eq!(m["orientation"], 6);
    assert_eq!(m["capturedAt"], "2022-08-09T10:11:12");
    assert_eq!(m["camera"], "Shoebox Fixture Cam1");
    assert!((m["lat"].as_f64().unwrap() - 48.858_222).abs() < 1e-5, "{m}");
    assert!((m["lon"].as_f64().unwrap() - 2.294_5).abs() < 1e-5, "{m}");
    let r = anon(&s, m["thumbUrl"].as_str().unwrap(), None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.h("content-type").as_deref(), Some("image/jpeg"));
    assert!(r.h("cache-control").unwrap().contains("immutable"));
    let (px, w, h) = decode(&r.body);
    assert_eq!((w, h), (128, 256), "shown portrait, long side 256");
    let at = |x: usize, y: usize| &px[3 * (y * w + x)..3 * (y * w + x) + 3];
    assert!(at(w - 5, 5)[0] > 200 && at(w - 5, 5)[2] < 60, "top right is the stored top-left red: {:?}", at(w - 5, 5));
    assert!(at(5, 5)[2] > 200 && at(5, 5)[0] < 60, "top left is blue: {:?}", at(5, 5));
    // Cached: served again without decoding, the same bytes.
    let stored = s.stored("thumbs");
    assert_eq!(stored.len(), 1, "{stored:?}");
    assert_eq!(anon(&s, m["thumbUrl"].as_str().unwrap(), None).await.body, r.body);
    // The photo is no larger than a preview: the preview is the original.
    let p = anon(&s, m["previewUrl"].as_str().unwrap(), None).await;
    assert_eq!((p.status, p.body == photo), (StatusCode::OK, true));
}

#[tokio::test]
async fn uploaded_thumbnails_are_validated_and_served() {
    let s = TestServer::new();
    let photo = rotated_photo();
    s.upload(&photo, 1 << 20, &[("filename", "IMG_6.jpg")]).await;
    let sha = sha256_hex(&photo);
    let put = |token: &str, sha: &str, variant: &str, body: Vec<u8>| {
        Request::put(format!("/api/v1/media/{sha}/{variant}"))
            .header("Authorization", format!("Bearer {token}"))
            .header("Content-Type", "image/jpeg")
            .body(Body::from(body))
            .unwrap()
    };
    let small = encode_jpeg(&vec![40u8; 64 * 48 * 3], 64, 48, 80, false, false);
    assert_eq!(s.send(put(ALICE, &sha, "thumb", b"GIF89a not a jpeg".to_vec())).await.status, StatusCode::BAD_REQUEST);
    assert_eq!(s.send(put(ALICE, &sha, "thumb", small[..small.len() / 2].to_vec())).await.status, StatusCode::BAD_REQUEST, "cut short");
    let mut big = small.clone();
    big.resize(3 << 20, 0);
    assert_eq!(s.send(put(ALICE, &sha, "thumb", big)).await.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(s.send(put(BOB, &sha, "thumb", small.clone())).await.status, StatusCode::NOT_FOUND, "not bob's media");
    assert_eq!(s.send(put(ALICE, &"b".repeat(64), "thumb", small.clone())).await.status, StatusCode::NOT_FOUND);
    assert_eq!(s.send(put(ALICE, &sha, "poster", small.clone())).await.status, StatusCode::NOT_FOUND);
    assert_eq!(s.send(put(ALICE, &sha, "thumb", small.clone())).await.status, StatusCode::NO_CONTENT);
    assert_eq!(s.send(put(ALICE, &sha, "preview", small.clone())).await.status, StatusCode::NO_CONTENT);
    let m = only_item(&s, ALICE).await;
    assert_eq!(anon(&s, m["thumbUrl"].as_str().unwrap(), None).await.body, small);
    assert_eq!(anon(&s, m["previewUrl"].as_str().unwrap(), None).await.body, small);
    let r = anon(&s, m["thumbUrl"].as_str().unwrap(), Some("bytes=0-1")).await;
    assert_eq!((r.status, r.body.as_slice()), (StatusCode::PARTIAL_CONTENT, &small[..2]));
}

#[tokio::test]
async fn purge_deletes_old_trash_and_a_blob_only_once_nothing_names_it() {
    let s = TestServer::new();
    let photo = rotated_photo();
    let sha = sha256_hex(&photo);
    // A second device starts uploading the same photo and has not finished (it began before
    // the first upload completed, so it was not answered as a duplicate).
    let pending = s.create(photo.len() as u64, &[("sha256", &sha), ("album", "C")]).await;
    s.upload(&photo, 1 << 20, &[("filename", "IMG_6.jpg"), ("album", "A")]).await;
    // The same bytes in a second album (kiosk drops do this).
    let mut second = MediaItem {
        sha256: sha.clone(),
        size: photo.len() as u64,
        album: Some("B".into()),
        uploaded_at: "2024-01-01T00:00:00Z".into(),
        ..MediaItem::default()
    };
    second.filename = Some("copy.jpg".into());
    s.state.index.insert("alice", &second).unwrap();
    let m = only_item(&s, ALICE).await;
    assert_eq!(anon(&s, m["thumbUrl"].as_str().unwrap(), None).await.status, StatusCode::OK);
    // The stored bytes, in the data folder or (the scale-out suite) the bucket.
    let blob_kept = || s.stored("blobs").iter().any(|p| p.ends_with(&format!("alice/{}/{sha}", &sha[..2])));
    let ids: Vec<String> = s.get("/api/v1/media?order=taken").await.json()["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 2);
    let trash = |ids: Vec<String>| {
        Request::post("/api/v1/media/trash")
            .header("Authorization", format!("Bearer {ALICE}"))
            .body(Body::from(json!({ "ids": ids }).to_string()))
            .unwrap()
    };
    let month = 31 * 86_400_000;
    // On a blocking thread, as the reaper runs it (it waits for the blob gate).
    let purge = |now: u64| {
        let st = s.state.clone();
        async move {
            tokio::task::spawn_blocking(move || {
                shoebox_server::background::purge::purge(&st.index, st.store.as_ref(), &st.blob_gate, 30, now)
            })
            .await
            .unwrap()
            .unwrap()
        }
    };

    assert_eq!(s.send(trash(vec![ids[0].clone()])).await.json(), json!({"trashed": 1}));
    assert_eq!(purge(now_ms()).await.records, 0, "not 30 days yet");
    let p = purge(now_ms() + month).await;
    assert_eq!((p.records, p.blobs), (1, 0), "the other album still names the bytes");
    assert!(blob_kept());
    assert_eq!(s.get("/api/v1/media/summary?trash=true").await.json()["trashCount"], 0);

    // An unfinished upload of the same content keeps the bytes too.
    s.send(trash(vec![ids[1].clone()])).await;
    let p = purge(now_ms() + month).await;
    assert_eq!((p.records, p.blobs), (1, 0));
    assert!(blob_kept());
    let del = Request::delete(&pending)
        .header("Authorization", format!("Bearer {ALICE}"))
        .header("Tus-Resumable", "1.0.0")
        .body(Body::empty())
        .unwrap();
    assert_eq!(s.send(del).await.status, StatusCode::NO_CONTENT);

    // Nothing names it now (the records are gone): the command-line purge deletes the bytes.
    // The server's database (empty: SQLite), as SHOEBOX_TEST_DATABASE=postgres runs it.
    let db = s.state.config.database.clone().unwrap_or_default();
    let store = s.state.config.store.as_ref().map(|u| u.to_string()).unwrap_or_default();
    let purge_cli = |extra: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_shoebox-server"))
            .env("SHOEBOX_DATABASE", &db)
            .env("SHOEBOX_STORE", &store)
            .envs(common::s3::credentials_env())
            .args(["purge", "--data"])
            .arg(s.dir.path())
            .args(extra)
            .output()
            .unwrap()
    };
    let out = purge_cli(&["--now-ms", &(now_ms() + month).to_string()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // The records went in the previous passes, so the blob was already unnamed then; one more
    // record trashed and purged through the command makes the command delete it.
    let again = MediaItem {
        sha256: sha.clone(),
        size: photo.len() as u64,
        uploaded_at: "2024-01-01T00:00:00Z".into(),
        trashed_at: Some("2024-01-01T00:00:00Z".into()),
        ..MediaItem::default()
    };
    s.state.index.insert("alice", &again).unwrap();
    let out = purge_cli(&[]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Purged 1 records from the Trash and 1 stored files"), "{:?}", out);
    assert!(!blob_kept(), "no record names the bytes: deleted");
    assert!(s.stored("thumbs").is_empty(), "and its thumbnails");
    assert_eq!(anon(&s, m["originalUrl"].as_str().unwrap(), None).await.status, StatusCode::NOT_FOUND);
    let c = s
        .send(
            Request::post("/api/v1/media/check")
                .header("Authorization", format!("Bearer {ALICE}"))
                .body(Body::from(json!({"sha256": [sha]}).to_string()))
                .unwrap(),
        )
        .await;
    assert_eq!(c.json()["present"], json!([]), "purged media are no longer backed up");
}
