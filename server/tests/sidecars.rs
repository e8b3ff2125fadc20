//! Sidecars belong to their item: XMP sidecars (`IMG_1.xmp`, `IMG_1.CR3.xmp`) and Apple's
//! `.AAE` files are attached by the server to the item of the same folder and stem (the file
//! a sidecar names in full first, a RAW before its JPEG), whichever arrives first and however
//! far apart; they are listed on the item as `sidecars` with signed download links served as
//! attachments, never as items of their own (but with `parts=1`), and nobody but their owner
//! (not another user, not a kiosk visitor, not a link without its signature) gets their bytes.
mod common;
use axum::http::StatusCode;
use common::*;
use shoebox_core::hash::sha256_hex;
use shoebox_server::previews::live::sweep_all;

/// Uploads as `token` to `path` (its first folder is the album), modified at `at_ms`.
async fn put(s: &TestServer, token: &str, bytes: &[u8], path: &str, filetype: &str, at_ms: u64) {
    let name = path.rsplit('/').next().unwrap();
    let at = at_ms.to_string();
    let meta = [("filename", name), ("filetype", filetype), ("relativePath", path), ("lastModified", at.as_str())];
    let r = s.create_as(token, bytes.len() as u64, &meta).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let loc = r.h("location").unwrap();
    let r = s.patch_as(token, &loc, 0, bytes).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
}

fn named(items: &[serde_json::Value], name: &str) -> Option<serde_json::Value> {
    items.iter().find(|m| m["filename"] == name).cloned()
}

/// The names of an item's sidecars, in order.
fn sidecar_names(item: &serde_json::Value) -> Vec<String> {
    item.get("sidecars")
        .and_then(|s| s.as_array())
        .map_or(vec![], |a| a.iter().map(|s| s["filename"].as_str().unwrap().to_string()).collect())
}

fn xmp(n: u8) -> Vec<u8> {
    format!("<?xpacket begin=''?><x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF><rdf:Description xmp:Rating='{n}'/></rdf:RDF></x:xmpmeta>")
        .into_bytes()
}

fn aae(n: u8) -> Vec<u8> {
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><plist version=\"1.0\"><dict><key>adjustmentFormatVersion</key><integer>{n}</integer></dict></plist>")
        .into_bytes()
}

const T: u64 = 1_714_557_600_000; // 2024-05-01T10:00:00Z
const DAY: u64 = 86_400_000;

#[tokio::test]
async fn sidecars_are_listed_on_their_item_in_either_order_and_days_apart() {
    let s = TestServer::new();
    let (raw, jpg, heic) = (content::photo(30_000, 1), content::photo(20_000, 2), content::photo(20_000, 3));
    let (full, short, edits, stray) = (xmp(1), xmp(2), aae(3), xmp(4));
    // RAW + JPEG with a sidecar naming the RAW in full and a short one, in one batch.
    put(&s, ALICE, &raw, "Trip/DCIM/IMG_0001.CR3", "image/x-canon-cr3", T).await;
    put(&s, ALICE, &full, "Trip/DCIM/IMG_0001.CR3.xmp", "application/rdf+xml", T).await;
    put(&s, ALICE, &jpg, "Trip/DCIM/IMG_0001.JPG", "image/jpeg", T).await;
    put(&s, ALICE, &short, "Trip/DCIM/IMG_0001.xmp", "", T).await;
    // The edits first, swept alone; the photo in a sync days later.
    put(&s, ALICE, &edits, "Trip/DCIM/IMG_0002.AAE", "", T).await;
    // A Live Photo's clip and edits first: the edits go to the photo once it comes.
    let (clip, photo3, edits3) = (content::mp4(30_000, 8), content::photo(20_000, 9), aae(9));
    put(&s, ALICE, &clip, "Trip/DCIM/IMG_0003.MOV", "video/quicktime", T).await;
    put(&s, ALICE, &edits3, "Trip/DCIM/IMG_0003.AAE", "", T).await;
    sweep_all(&s.state).await;
    put(&s, ALICE, &photo3, "Trip/DCIM/IMG_0003.HEIC", "image/heic", T).await;
    sweep_all(&s.state).await;
    let live = named(&items(&s, ALICE).await, "IMG_0003.HEIC").unwrap();
    assert_eq!(
        (live["motion"]["sha256"].as_str(), sidecar_names(&live)),
        (Some(sha256_hex(&clip).as_str()), vec!["IMG_0003.AAE".to_string()])
    );
    // A sidecar of the same stem in another folder is not this photo's.
    put(&s, ALICE, &stray, "Trip/Other/IMG_0002.xmp", "", T).await;
    sweep_all(&s.state).await;
    let list = items(&s, ALICE).await;
    assert_eq!(list.len(), 3, "sidecars are never items of their own: {list:?}");
    put(&s, ALICE, &heic, "Trip/DCIM/IMG_0002.HEIC", "image/heic", T + 3 * DAY).await;
    sweep_all(&s.state).await;

    let list = items(&s, ALICE).await;
    let names: Vec<&str> = list.iter().filter_map(|m| m["filename"].as_str()).collect();
    assert_eq!(names.len(), 4, "{names:?}");
    assert_eq!(sidecar_names(&named(&list, "IMG_0001.CR3").unwrap()), ["IMG_0001.CR3.xmp", "IMG_0001.xmp"]);
    assert!(sidecar_names(&named(&list, "IMG_0001.JPG").unwrap()).is_empty(), "the RAW takes the short sidecar");
    let photo = named(&list, "IMG_0002.HEIC").unwrap();
    assert_eq!(sidecar_names(&photo), ["IMG_0002.AAE"]);

    // Each sidecar downloads as an attachment under its own name, byte for byte.
    let sc = &photo["sidecars"][0];
    assert_eq!(sc["sha256"], sha256_hex(&edits));
    let got = anon(&s, sc["downloadUrl"].as_str().unwrap(), None).await;
    assert_eq!((got.status, &got.body), (StatusCode::OK, &edits));
    assert_eq!(got.h("content-disposition").as_deref(), Some("attachment; filename=\"IMG_0002.AAE\""));
    let raw_item = named(&list, "IMG_0001.CR3").unwrap();
    let got = anon(&s, raw_item["sidecars"][0]["downloadUrl"].as_str().unwrap(), None).await;
    assert_eq!((got.status, &got.body), (StatusCode::OK, &full));
    assert!(got.h("content-disposition").unwrap().starts_with("attachment"));

    // Parts on request, each sidecar naming its item; the stray one names none.
    let parts = s.get_as(ALICE, "/api/v1/media?limit=1000&parts=1").await.json()["items"].as_array().unwrap().clone();
    assert_eq!(parts.len(), 10);
    assert_eq!(named(&parts, "IMG_0002.AAE").unwrap()["sidecarOf"], sha256_hex(&heic));
    assert_eq!(named(&parts, "IMG_0001.xmp").unwrap()["sidecarOf"], sha256_hex(&raw));
    assert!(parts.iter().any(|m| m["relativePath"] == "Trip/Other/IMG_0002.xmp" && m.get("sidecarOf").is_none()));
    // They count for the space used, not as photos.
    let summary = s.get_as(ALICE, "/api/v1/media/summary").await.json();
    assert_eq!(
        summary["usedBytes"].as_u64().unwrap(),
        [&raw, &jpg, &heic, &full, &short, &edits, &stray, &clip, &photo3, &edits3].iter().map(|b| b.len() as u64).sum::<u64>()
    );
}

#[tokio::test]
async fn another_user_a_visitor_and_nobody_cannot_fetch_a_sidecar() {
    const KEY: &str = "shop-kiosk-key-0123456789";
    let s = TestServer::with(|c| {
        c.kiosks =
            vec![shoebox_server::config::KioskProfile { name: "shop".into(), user: "alice".into(), key: KEY.into(), ..Default::default() }];
    });
    let (photo, edits) = (content::photo(20_000, 5), aae(5));
    put(&s, ALICE, &photo, "Trip/DCIM/IMG_0005.HEIC", "image/heic", T).await;
    put(&s, ALICE, &edits, "Trip/DCIM/IMG_0005.AAE", "", T).await;
    // Bob has a photo of the same name: never given Alice's sidecar.
    put(&s, BOB, &content::photo(20_000, 6), "Trip/DCIM/IMG_0005.HEIC", "image/heic", T).await;
    let start = axum::http::Request::post("/api/v1/kiosk/sessions").header("Authorization", format!("Bearer {KEY}"));
    let visit = s.send(start.body(axum::body::Body::empty()).unwrap()).await.json();
    let token = visit["token"].as_str().unwrap().to_string();
    let (vp, vx) = (content::photo(20_000, 7), xmp(7));
    put(&s, &token, &vp, "IMG_0005.HEIC", "image/heic", T).await;
    put(&s, &token, &vx, "IMG_0005.xmp", "", T).await;
    sweep_all(&s.state).await;

    let mine = named(&items(&s, ALICE).await, "IMG_0005.HEIC").unwrap();
    let url = mine["sidecars"][0]["downloadUrl"].as_str().unwrap().to_string();
    assert_eq!(anon(&s, &url, None).await.status, StatusCode::OK);
    let edits_sha = sha256_hex(&edits);

    // Another user: not in their list, not through a link made theirs, not by Bearer.
    let bobs = items(&s, BOB).await;
    assert_eq!(bobs.len(), 1);
    assert!(bobs[0].get("sidecars").is_none(), "{}", bobs[0]);
    assert_eq!(anon(&s, &url.replace("u=alice", "u=bob"), None).await.status, StatusCode::FORBIDDEN);
    assert_eq!(s.get_as(BOB, &format!("/api/v1/media/{edits_sha}")).await.status, StatusCode::NOT_FOUND);

    // A visitor: its own drop's sidecar only; the owner's content is out of reach.
    let seen = s.get_as(&token, "/api/v1/media?parts=1").await.json()["items"].as_array().unwrap().clone();
    let shas: Vec<&str> = seen.iter().filter_map(|m| m["sha256"].as_str()).collect();
    assert_eq!(shas.len(), 2, "{seen:?}");
    assert!(!shas.contains(&edits_sha.as_str()));
    let own = s.get_as(&token, "/api/v1/media").await.json()["items"][0].clone();
    assert_eq!(sidecar_names(&own), ["IMG_0005.xmp"], "{own}");
    let own_url = own["sidecars"][0]["downloadUrl"].as_str().unwrap().to_string();
    assert_eq!(anon(&s, &own_url, None).await.body, vx);
    let forged = own_url.replace(&sha256_hex(&vx), &edits_sha);
    assert_ne!(forged, own_url);
    assert_eq!(anon(&s, &forged, None).await.status, StatusCode::FORBIDDEN);
    assert_eq!(s.get_as(&token, &format!("/api/v1/media/{edits_sha}")).await.status, StatusCode::NOT_FOUND);

    // Nobody: the link without its signature, or expired, is refused.
    let unsigned = url.split('&').filter(|p| !p.starts_with("s=")).collect::<Vec<_>>().join("&");
    assert_eq!(anon(&s, &unsigned, None).await.status, StatusCode::FORBIDDEN);
    let e = url.split(['?', '&']).find(|p| p.starts_with("e=")).unwrap().to_string();
    assert_eq!(anon(&s, &url.replace(&e, "e=1000"), None).await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        s.send(axum::http::Request::get(format!("/api/v1/media/{edits_sha}")).body(axum::body::Body::empty()).unwrap()).await.status,
        StatusCode::UNAUTHORIZED
    );
}

/// An index of v5 (sidecars keyed by their last extension, none attached, no identifiers read)
/// is looked at again on opening: its unpaired records, sidecars among them, wait for the sweep
/// once more; paired ones keep their pair.
#[test]
fn opening_a_v5_index_sweeps_its_unpaired_records_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("index.sqlite");
    drop(shoebox_server::index::MediaIndex::open(&path).unwrap());
    let c = rusqlite::Connection::open(&path).unwrap();
    c.execute_batch(
        "INSERT INTO media (user, sha256, size, filename, filetype, uploaded_at, pair_key, pair_checked) VALUES
           ('a', 'x1', 1, 'IMG_1.CR3.xmp', 'application/rdf+xml', 't', 'trip\n\nimg_1.cr3', 1),
           ('a', 'p1', 1, 'IMG_1.CR3', 'image/x-canon-cr3', 't', 'trip\n\nimg_1', 1);
         INSERT INTO media (user, sha256, size, filename, filetype, uploaded_at, pair_key, pair_checked, motion_sha256) VALUES
           ('a', 'p2', 1, 'IMG_2.HEIC', 'image/heic', 't', 'trip\n\nimg_2', 1, 'c2');
         PRAGMA user_version = 5;",
    )
    .unwrap();
    drop(c);
    let idx = shoebox_server::index::MediaIndex::open(&path).unwrap();
    let again: Vec<String> = idx.unkeyed(10).unwrap().into_iter().map(|u| u.sha256).collect();
    assert_eq!(again, ["x1", "p1"]);
    drop(idx);
    // Once at v6, opening again leaves the sweep's work alone.
    let c = rusqlite::Connection::open(&path).unwrap();
    c.execute_batch("UPDATE media SET pair_checked = 1").unwrap();
    drop(c);
    assert!(shoebox_server::index::MediaIndex::open(&path).unwrap().unkeyed(10).unwrap().is_empty());
}
