//! Completion, verification, dedup, the JSON API, metrics, auth and isolation, and metadata
//! safety: one test per rule, in-process against `app(state)`.
mod common;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use common::*;
use serde_json::json;
use shoebox_core::api::MediaItem;
use shoebox_core::hash::sha256_hex;

#[tokio::test]
async fn declared_sha256_mismatch_is_422_and_the_upload_is_discarded() {
    let s = TestServer::new();
    let wrong = sha256_hex(b"something else");
    let loc = s.create(6, &[("sha256", &wrong)]).await;
    assert_eq!(s.patch(&loc, 0, b"abc").await.status, StatusCode::NO_CONTENT);
    let r = s.patch(&loc, 3, b"def").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.h("content-type").unwrap().starts_with("text/plain"));
    assert!(r.text().contains("does not match"), "{}", r.text());
    assert_eq!(r.h("shoebox-error").as_deref(), Some("digest_mismatch"), "a tus answer carries its code in a header");
    assert_eq!(s.head(&loc).await.status, StatusCode::NOT_FOUND);
    assert!(items(&s, ALICE).await.is_empty());
    assert!(s.stored("blobs").is_empty(), "nothing stored");
}

#[tokio::test]
async fn declared_sha256_mismatch_on_creation_with_upload_is_422() {
    let s = TestServer::new();
    let md = shoebox_core::tus::encode_metadata([("sha256", Some(sha256_hex(b"nope").as_str()))]);
    let req = s
        .tus(Method::POST, "/files/")
        .header("Upload-Length", "3")
        .header("Upload-Metadata", md)
        .header("Content-Type", "application/offset+octet-stream")
        .body(Body::from("abc"))
        .unwrap();
    assert_eq!(s.send(req).await.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn a_client_that_declares_nothing_still_gets_verified_and_indexed() {
    let s = TestServer::new();
    let loc = s.create(5, &[]).await;
    assert_eq!(s.patch(&loc, 0, b"plain").await.status, StatusCode::NO_CONTENT);
    let it = items(&s, ALICE).await;
    assert_eq!(it.len(), 1);
    assert_eq!(it[0]["sha256"], sha256_hex(b"plain"));
    assert_eq!(it[0]["filename"], serde_json::Value::Null);
    assert_eq!(it[0]["size"], 5);
}

#[tokio::test]
async fn creation_declaring_known_content_is_a_duplicate_with_no_bytes() {
    let s = TestServer::new();
    let data = bytes(10_000, 3);
    let sha = sha256_hex(&data);
    s.upload(&data, 4096, &[("filename", "a.jpg")]).await;
    let before = s.metric("shoebox_received_bytes_total").await;
    for key in ["sha256", "sourceSha256"] {
        let r = s.create_as(ALICE, 10_000, &[(key, &sha)]).await;
        assert_eq!(r.status, StatusCode::CREATED);
        assert_eq!(r.h("upload-duplicate").as_deref(), Some("?1"));
        assert_eq!(r.h("upload-offset").as_deref(), Some("10000"));
        let h = s.head(&r.h("location").unwrap()).await;
        assert_eq!(h.h("upload-offset").as_deref(), Some("10000"));
    }
    // A downsized copy whose original the user has: known by sourceSha256.
    let small = sha256_hex(b"small");
    let loc = s.create(5, &[("sha256", &small), ("sourceSha256", &sha256_hex(b"orig"))]).await;
    s.patch(&loc, 0, b"small").await;
    let r = s.create_as(ALICE, 999, &[("sha256", &sha256_hex(b"orig"))]).await;
    assert_eq!(r.h("upload-duplicate").as_deref(), Some("?1"));
    assert_eq!(s.metric("shoebox_received_bytes_total").await, before + 5.0);
    assert_eq!(s.metric("shoebox_uploads_deduplicated_total").await, 3.0);
    // A new file is not a duplicate.
    let r = s.create_as(ALICE, 3, &[("sha256", &sha256_hex(b"new"))]).await;
    assert_eq!(r.h("upload-duplicate"), None);
    assert_eq!(r.h("upload-offset").as_deref(), Some("0"));
}

#[tokio::test]
async fn identical_content_is_stored_once_per_user() {
    let s = TestServer::new();
    s.upload(b"same bytes", 4, &[("filename", "one.jpg")]).await;
    // Without declaring sha256 (a third-party client), so it cannot be caught at creation.
    let loc = s.create(10, &[("filename", "two.jpg")]).await;
    assert_eq!(s.patch(&loc, 0, b"same bytes").await.status, StatusCode::NO_CONTENT);
    let blobs = s.stored("blobs");
    assert_eq!(blobs.len(), 1, "{blobs:?}");
    let it = items(&s, ALICE).await;
    assert_eq!(it.len(), 1);
    assert_eq!(it[0]["filename"], "one.jpg");
    assert_eq!(s.metric("shoebox_uploads_deduplicated_total").await, 1.0);
    // Bob's copy of the same content is his own.
    let r = s.create_as(BOB, 10, &[]).await;
    let r = s.patch_as(BOB, &r.h("location").unwrap(), 0, b"same bytes").await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(s.stored("blobs").len(), 2);
}

#[tokio::test]
async fn config_advertises_endpoint_chunk_limits_and_dedup() {
    let s = TestServer::new();
    let r = s.get("/api/v1/config").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        r.json(),
        json!({"tusEndpoint": "/files/", "chunkSize": 8388608,
               "limits": {"name": "seed", "maxPhotoBytes": 75000000u64, "maxPhotoPixels": 100000000u64, "maxVideoBytes": 10000000000u64, "minPhotoSide": 0},
               "dedup": true, "probe": true, "access": {"scope": "full", "library": true, "thumbnails": true}})
    );
    let s = TestServer::with(|c| {
        c.limits = shoebox_core::limits::Limits::google();
        c.chunk_size = 1 << 20;
    });
    let v = s.get("/api/v1/config").await.json();
    assert_eq!(v["limits"]["name"], "google");
    assert_eq!(v["limits"]["minPhotoSide"], 256);
    assert_eq!(v["chunkSize"], 1 << 20);
}

#[tokio::test]
async fn check_matches_sha256_and_source_sha256() {
    let s = TestServer::new();
    s.upload(b"first", 5, &[]).await;
    let orig = sha256_hex(b"the original");
    s.upload(b"downsized", 9, &[("sourceSha256", &orig)]).await;
    let unknown = sha256_hex(b"unknown");
    let q = json!({"sha256": [sha256_hex(b"first"), unknown, orig, sha256_hex(b"downsized")]});
    let r = s.send(post_json(ALICE, "/api/v1/media/check", q.clone())).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json(), json!({"present": [sha256_hex(b"first"), orig, sha256_hex(b"downsized")]}));
    // Bob has none of it.
    assert_eq!(s.send(post_json(BOB, "/api/v1/media/check", q)).await.json(), json!({"present": []}));
}

#[tokio::test]
async fn check_takes_10000_digests_and_refuses_more_or_malformed() {
    let s = TestServer::new();
    s.upload(b"x", 1, &[]).await;
    let mut many: Vec<String> = (0..9_999u32).map(|i| sha256_hex(&i.to_le_bytes())).collect();
    many.push(sha256_hex(b"x"));
    let r = s.send(post_json(ALICE, "/api/v1/media/check", json!({"sha256": many}))).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json(), json!({"present": [sha256_hex(b"x")]}));
    many.push(sha256_hex(b"one too many"));
    assert_eq!(s.send(post_json(ALICE, "/api/v1/media/check", json!({"sha256": many}))).await.status, StatusCode::BAD_REQUEST);
    assert_eq!(s.send(post_json(ALICE, "/api/v1/media/check", json!({"sha256": ["ABC"]}))).await.status, StatusCode::BAD_REQUEST);
    assert_eq!(s.send(post_json(ALICE, "/api/v1/media/check", json!({"nope": 1}))).await.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn media_list_pages_through_thousands_of_items() {
    let s = TestServer::new();
    const N: usize = 3_000;
    for i in 0..N {
        let m = MediaItem {
            sha256: sha256_hex(&(i as u64).to_le_bytes()),
            source_sha256: None,
            filename: Some(format!("IMG_{i:05}.jpg")),
            relative_path: None,
            album: None,
            size: i as u64,
            filetype: Some("image/jpeg".into()),
            width: None,
            height: None,
            captured_at: None,
            uploaded_at: "2026-01-01T00:00:00Z".into(),
            ..MediaItem::default()
        };
        s.state.index.insert("alice", &m).unwrap();
    }
    let mut seen = Vec::new();
    let mut cursor = String::new();
    let mut pages = 0;
    loop {
        let v = s.get(&format!("/api/v1/media?cursor={cursor}&limit=700")).await.json();
        let page = v["items"].as_array().unwrap();
        assert!(page.len() <= 700);
        seen.extend(page.iter().map(|i| i["filename"].as_str().unwrap().to_string()));
        pages += 1;
        match v["next"].as_str() {
            Some(n) => cursor = n.to_string(),
            None => break,
        }
    }
    assert_eq!(pages, 5);
    assert_eq!(seen, (0..N).map(|i| format!("IMG_{i:05}.jpg")).collect::<Vec<_>>());
    // The default page size, and Bob sees none of them.
    assert_eq!(s.get("/api/v1/media").await.json()["items"].as_array().unwrap().len(), 100);
    assert_eq!(s.get_as(BOB, "/api/v1/media").await.json(), json!({"items": [], "next": null}));
    assert_eq!(s.get("/api/v1/media?cursor=abc").await.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn media_record_has_the_contract_fields() {
    let s = TestServer::new();
    let orig = sha256_hex(b"original");
    s.upload(
        b"\x00\x01\x02",
        3,
        &[
            ("filename", "IMG_0001.jpg"),
            ("filetype", "image/jpeg"),
            ("relativePath", "Holiday 2024/Day 1/IMG_0001.jpg"),
            ("lastModified", "1700000000000"),
            ("sourceSha256", &orig),
        ],
    )
    .await;
    let it = items(&s, ALICE).await;
    let m = &it[0];
    assert_eq!(m["sha256"], sha256_hex(b"\x00\x01\x02"));
    assert_eq!(m["sourceSha256"], orig.as_str());
    assert_eq!(m["filename"], "IMG_0001.jpg");
    assert_eq!(m["relativePath"], "Holiday 2024/Day 1/IMG_0001.jpg");
    assert_eq!(m["album"], "Holiday 2024");
    assert_eq!(m["size"], 3);
    assert_eq!(m["filetype"], "image/jpeg");
    assert_eq!(m["width"], serde_json::Value::Null);
    // No EXIF: capturedAt from lastModified.
    assert_eq!(m["capturedAt"], "2023-11-14T22:13:20Z");
    assert!(m["uploadedAt"].as_str().unwrap().ends_with('Z'));
}

#[tokio::test]
async fn album_defaults_follow_the_contract() {
    let s = TestServer::new();
    s.upload(b"loose", 5, &[("relativePath", "IMG_1.jpg")]).await;
    s.upload(b"named", 5, &[("relativePath", "Trip/IMG_2.jpg"), ("album", "Best of")]).await;
    s.upload(b"none!", 5, &[("relativePath", "Trip/IMG_3.jpg"), ("album", "")]).await;
    let it = items(&s, ALICE).await;
    let albums: Vec<_> = it.iter().map(|i| i["album"].clone()).collect();
    assert_eq!(albums, vec![serde_json::Value::Null, json!("Best of"), serde_json::Value::Null]);
}

/// A minimal JPEG: SOI, APP1 Exif with DateTimeOriginal, SOF0 of 640x480, EOI.
fn jpeg_with_exif(date: &str) -> Vec<u8> {
    let mut tiff = b"MM\x00\x2a\x00\x00\x00\x08".to_vec();
    tiff.extend([0, 1, 0x87, 0x69, 0, 4, 0, 0, 0, 1, 0, 0, 0, 26, 0, 0, 0, 0]); // IFD0 → Exif IFD at 26
    tiff.extend([0, 1, 0x90, 0x03, 0, 2, 0, 0, 0, 20, 0, 0, 0, 44, 0, 0, 0, 0]); // DateTimeOriginal at 44
    tiff.extend(date.as_bytes());
    tiff.push(0);
    let mut app1 = b"Exif\x00\x00".to_vec();
    app1.extend(tiff);
    let mut j = vec![0xFF, 0xD8, 0xFF, 0xE1];
    j.extend(((app1.len() + 2) as u16).to_be_bytes());
    j.extend(app1);
    j.extend([0xFF, 0xC0, 0, 17, 8, 0x01, 0xE0, 0x02, 0x80, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
    j.extend([0xFF, 0xD9]);
    j
}

#[tokio::test]
async fn captured_at_and_size_come_from_the_photo_header() {
    let s = TestServer::new();
    let jpeg = jpeg_with_exif("2021:06:15 08:30:00");
    s.upload(&jpeg, 1000, &[("filename", "IMG_9.jpg"), ("lastModified", "1700000000000")]).await;
    let m = &items(&s, ALICE).await[0];
    // EXIF times are wall-clock times: no zone (docs/api.md).
    assert_eq!(m["capturedAt"], "2021-06-15T08:30:00", "{m}");
    assert_eq!(m["day"], "2021-06-15");
    assert_eq!((m["width"].clone(), m["height"].clone()), (json!(640), json!(480)));
    assert_eq!(m["filetype"], "image/jpeg");
}

#[tokio::test]
async fn media_bytes_come_back_with_their_filetype() {
    let s = TestServer::new();
    let data = content::mp4(300_000, 9);
    s.upload(&data, 100_000, &[("filetype", "video/mp4")]).await;
    let r = s.get(&format!("/api/v1/media/{}", sha256_hex(&data))).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.h("content-type").as_deref(), Some("video/mp4"));
    assert_eq!(r.body, data);
    assert_eq!(s.get(&format!("/api/v1/media/{}", sha256_hex(b"missing"))).await.status, StatusCode::NOT_FOUND);
    assert_eq!(s.get("/api/v1/media/..%2F..%2Findex.sqlite").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn api_error_answers_carry_a_json_code_and_message() {
    use shoebox_core::api::{ApiErrorBody, ApiErrorCode, ApiReply};
    let s = TestServer::new();
    let r = s.send(post_json(ALICE, "/api/v1/media/check", json!({"sha256": ["ABC"]}))).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.h("content-type").as_deref(), Some("application/json"));
    let body: ApiErrorBody = serde_json::from_slice(&r.body).expect("an error body");
    assert_eq!(body.code, ApiErrorCode::BadRequest);
    assert!(!body.message.is_empty());
    // What the app's flows read: the code of the answer.
    let r = s.send(Request::get("/api/v1/media").body(Body::empty()).unwrap()).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(r.json()["code"], "unauthorized");
    assert_eq!(ApiReply::new(r.status.as_u16(), r.text()).code(), Some(ApiErrorCode::Unauthorized));
}
