//! One zip of many originals: an album's or a selection's link (POST /api/v1/albums/zip) gives
//! a zip whose entries are the stored bytes exactly (stored, CRC right, read by Python's
//! zipfile, an independent reader), under names unique within it; ZIP64 records are written and
//! read back when sizes and offsets pass the limit. Who may have one: only the owner's
//! full-access token asks; another user's album or ids, a kiosk visitor, an upload-only device
//! and no token are refused; a link edited in any part (user, album, ids, expiry, signature)
//! serves nothing, and the blob route does not take a zip's signature.
mod common;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;
use serde_json::{json, Value};
use shoebox_core::hash::sha256_hex;
use shoebox_server::accounts::DeviceScope;
use std::io::Read;

/// (name, sha256 of its bytes, compression method, size) of each entry, as Python reads them
/// (every entry read whole, so a bad CRC fails here).
fn unzip(zip: &[u8]) -> Vec<(String, String, u64, u64)> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.zip");
    std::fs::write(&path, zip).unwrap();
    let script = "import zipfile, sys, hashlib, json\n\
        z = zipfile.ZipFile(sys.argv[1])\n\
        print(json.dumps([[i.filename, hashlib.sha256(z.read(i)).hexdigest(), i.compress_type, i.file_size] for i in z.infolist()]))";
    let out = std::process::Command::new("python3").args(["-c", script]).arg(&path).output().unwrap();
    assert!(out.status.success(), "python3 zipfile: {}", String::from_utf8_lossy(&out.stderr));
    let v: Vec<(String, String, u64, u64)> = serde_json::from_slice(&out.stdout).unwrap();
    v
}

async fn ask(s: &TestServer, token: &str, body: Value) -> (StatusCode, Value) {
    let r = s.send(post_json(token, "/api/v1/albums/zip", body)).await;
    let v = if r.body.is_empty() { Value::Null } else { r.json() };
    (r.status, v)
}

/// Alice: three files in Trip (two named IMG_1.jpg), one in Zoo; Bob: one in his own Trip.
async fn seed(s: &TestServer) -> Vec<Vec<u8>> {
    let files = vec![bytes(300_000, 1), bytes(5_000, 2), bytes(7_000, 3), bytes(900, 4)];
    let meta = [("IMG_1.jpg", "Trip"), ("IMG_1.jpg", "Trip"), ("clips/Été 2.mov", "Trip"), ("other.jpg", "Zoo")];
    for (b, (name, album)) in files.iter().zip(meta) {
        s.upload(b, 64 * 1024, &[("filename", name), ("album", album)]).await;
    }
    let bob = bytes(800, 9);
    let mut h = Request::post("/files/").header("Authorization", format!("Bearer {BOB}")).header("Tus-Resumable", "1.0.0");
    h = h.header("Upload-Length", bob.len().to_string()).header("Content-Type", "application/offset+octet-stream");
    h = h.header("Upload-Metadata", "filename Ym9iLmpwZw==,album VHJpcA==");
    assert_eq!(s.send(h.body(Body::from(bob)).unwrap()).await.status, StatusCode::CREATED);
    files
}

#[tokio::test]
async fn an_albums_zip_and_a_selections_hold_the_originals_byte_for_byte() {
    let s = TestServer::new();
    let files = seed(&s).await;
    let (st, v) = ask(&s, ALICE, json!({"album": "Trip"})).await;
    assert_eq!((st, v["count"].clone()), (StatusCode::OK, json!(3)), "{v}");
    let url = v["url"].as_str().unwrap().to_string();
    let r = anon(&s, &url, None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.h("content-type").as_deref(), Some("application/zip"));
    assert!(r.h("content-disposition").unwrap().contains("Trip.zip"), "{:?}", r.h("content-disposition"));
    let mut got = unzip(&r.body);
    got.sort();
    let mut want: Vec<_> = [("IMG_1.jpg", 0), ("IMG_1 (2).jpg", 1), ("Été 2.mov", 2)]
        .iter()
        .map(|(n, i)| (n.to_string(), sha256_hex(&files[*i]), 0, files[*i].len() as u64))
        .collect();
    want.sort();
    // The two IMG_1.jpg are in upload order: the first keeps its name.
    assert_eq!(got, want, "stored (method 0), byte for byte, names unique and without folders");

    // A selection of two records, one of them in Zoo.
    let ids: Vec<String> = items(&s, ALICE)
        .await
        .iter()
        .filter(|i| i["filename"] != json!("clips/Été 2.mov"))
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect();
    let (st, v) = ask(&s, ALICE, json!({"ids": [ids[1], ids[2]]})).await;
    assert_eq!((st, v["count"].clone()), (StatusCode::OK, json!(2)), "{v}");
    let r = anon(&s, v["url"].as_str().unwrap(), None).await;
    let got: Vec<_> = unzip(&r.body).into_iter().map(|e| (e.0, e.1)).collect();
    assert_eq!(got, [("IMG_1.jpg".to_string(), sha256_hex(&files[1])), ("other.jpg".to_string(), sha256_hex(&files[3]))]);

    // An empty album: an empty zip that still opens.
    assert_eq!(ask(&s, ALICE, json!({"album": "Nothing yet"})).await.0, StatusCode::NOT_FOUND);
    s.send(post_json(ALICE, "/api/v1/albums", json!({"album": "Nothing yet"}))).await;
    let (_, v) = ask(&s, ALICE, json!({"album": "Nothing yet"})).await;
    assert_eq!(v["count"], json!(0));
    assert!(unzip(&anon(&s, v["url"].as_str().unwrap(), None).await.body).is_empty());
}

#[tokio::test]
async fn nobody_but_the_owner_gets_a_zip_and_an_edited_link_serves_nothing() {
    let s = TestServer::with_kiosk("shop", "alice", "shop-kiosk-key-0123456789");
    seed(&s).await;
    let alice_ids: Vec<String> = items(&s, ALICE).await.iter().map(|i| i["id"].as_str().unwrap().to_string()).collect();
    let now = shoebox_server::timefmt::now_ms();
    let (upload_only, _) = s.state.accounts.add_device("alice", "Phone", DeviceScope::Upload, now, None).unwrap();
    let kiosk = Request::post("/api/v1/kiosk/sessions").header("Authorization", "Bearer shop-kiosk-key-0123456789").body(Body::empty());
    let visitor = s.send(kiosk.unwrap()).await.json()["token"].as_str().unwrap().to_string();
    for body in [json!({"album": "Trip"}), json!({"ids": alice_ids.clone()})] {
        for token in [upload_only.as_str(), visitor.as_str()] {
            assert_eq!(ask(&s, token, body.clone()).await.0, StatusCode::FORBIDDEN, "{body}");
        }
        let none = Request::post("/api/v1/albums/zip").header("Content-Type", "application/json").body(Body::from(body.to_string()));
        assert_eq!(s.send(none.unwrap()).await.status, StatusCode::UNAUTHORIZED);
    }
    // Bob: his own Trip is his; Alice's ids are none of his; Zoo does not exist for him.
    assert_eq!(ask(&s, BOB, json!({"ids": alice_ids})).await.0, StatusCode::NOT_FOUND);
    assert_eq!(ask(&s, BOB, json!({"album": "Zoo"})).await.0, StatusCode::NOT_FOUND);
    let (_, v) = ask(&s, BOB, json!({"album": "Trip"})).await;
    let bobs = unzip(&anon(&s, v["url"].as_str().unwrap(), None).await.body);
    assert_eq!(bobs.iter().map(|e| e.0.as_str()).collect::<Vec<_>>(), ["bob.jpg"], "Bob's Trip is his own");
    for bad in [json!({}), json!({"album": "Trip", "ids": ["1"]}), json!({"ids": []}), json!({"ids": ["x"]}), json!({"album": " "})] {
        assert_eq!(ask(&s, ALICE, bad.clone()).await.0, StatusCode::BAD_REQUEST, "{bad}");
    }

    // Alice's link, edited: another user, another album, other ids, a later expiry, no signature.
    let (_, v) = ask(&s, ALICE, json!({"album": "Trip"})).await;
    let url = v["url"].as_str().unwrap().to_string();
    assert_eq!(anon(&s, &url, None).await.status, StatusCode::OK);
    let e: u64 = url.split("&e=").nth(1).unwrap().split('&').next().unwrap().parse().unwrap();
    let sig = url.split("&s=").nth(1).unwrap().to_string();
    let edited = [
        url.replace("u=alice", "u=bob"),
        url.replace("album=Trip", "album=Zoo"),
        url.replace("album=Trip", &format!("ids={}", alice_ids[0])),
        url.replace(&format!("e={e}"), &format!("e={}", e + 3600)),
        url.replace(&format!("&s={sig}"), ""),
        url.replace(&format!("&s={sig}"), "&s=AAAAAAAAAAAAAAAAAAAAAA"),
    ];
    for u in &edited {
        let r = anon(&s, u, None).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{u}: {}", r.text());
    }
    // A zip's signature is no blob's.
    let digest = sha256_hex(b"album=Trip");
    let as_blob = format!("/api/v1/blob/zip/{digest}?u=alice&e={e}&s={sig}");
    assert_eq!(anon(&s, &as_blob, None).await.status, StatusCode::NOT_FOUND);
}

#[test]
fn zip64_records_are_written_and_read_past_the_limit() {
    use shoebox_server::zip::{Entry, ZipReader};
    let files: Vec<Vec<u8>> = (0..5).map(|i| bytes(2_000 + i * 700, i as u64)).collect();
    // The limit lowered to 3000 bytes: the later entries' sizes and offsets and the directory's
    // place all pass it, as a 5 GiB album's would pass 4 GiB.
    for limit in [3_000, u64::MAX] {
        let entries = files
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let b = b.clone();
                Entry {
                    name: format!("f{i}.bin"),
                    len: b.len() as u64,
                    date: Some((2024, 5, 1)),
                    open: Box::new(move || Ok(Box::new(std::io::Cursor::new(b)) as Box<dyn Read + Send>)),
                }
            })
            .collect();
        let mut zip = Vec::new();
        ZipReader::with_zip64_from(entries, limit).read_to_end(&mut zip).unwrap();
        let has_zip64_end = zip.windows(4).any(|w| w == 0x0606_4b50u32.to_le_bytes());
        assert_eq!(has_zip64_end, limit == 3_000, "ZIP64's end record only when needed");
        let got = unzip(&zip);
        assert_eq!(got.len(), 5);
        for (i, e) in got.iter().enumerate() {
            assert_eq!(
                (e.0.as_str(), e.1.as_str(), e.3),
                (format!("f{i}.bin").as_str(), sha256_hex(&files[i]).as_str(), files[i].len() as u64)
            );
        }
    }
}

#[test]
fn a_stored_file_shorter_than_its_record_fails_the_download() {
    use shoebox_server::zip::{Entry, ZipReader};
    let e = Entry {
        name: "a".into(),
        len: 10,
        date: None,
        open: Box::new(|| Ok(Box::new(std::io::Cursor::new(vec![1u8; 4])) as Box<dyn Read + Send>)),
    };
    let mut out = Vec::new();
    assert!(ZipReader::new(vec![e]).read_to_end(&mut out).is_err(), "no archive that lies about its content");
}
