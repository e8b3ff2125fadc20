//! `shoebox-server migrate --to-store`: a local-disk server's media move into a real bucket
//! (SeaweedFS) with identical bytes, thumbnails included; a damaged file is reported, not
//! copied; a second run copies nothing; a server over the bucket then serves the same media.
mod common;

use common::{bytes, TestServer};
use shoebox_core::hash::sha256_hex;
use shoebox_server::store::s3::S3Store;
use shoebox_server::store::Store;
use std::io::Read;

#[tokio::test]
async fn local_media_move_into_a_bucket_whole_and_verified() {
    if common::on_s3() {
        return eprintln!("this test starts from a local-disk server");
    }
    let s = TestServer::new();
    let (small, large) = (bytes(300_000, 1), bytes(11 << 20, 2));
    s.upload(&small, 100_000, &[("filename", "a.jpg")]).await;
    s.upload(&large, 4 << 20, &[("filename", "b.mp4")]).await;
    s.state.store.put_thumb("alice", &sha256_hex(&small), "thumb", b"\xff\xd8 a thumbnail").unwrap();
    let damaged = bytes(1000, 3);
    s.upload(&damaged, 1000, &[("filename", "c.jpg")]).await;
    let d = sha256_hex(&damaged);
    let path = s.dir.path().join("blobs/alice").join(&d[..2]).join(&d);
    let mut b = std::fs::read(&path).unwrap();
    b[10] ^= 1;
    std::fs::write(&path, b).unwrap();

    let url = common::s3::store();
    let dir = s.dir.path().to_path_buf();
    let (u, dd) = (url.clone(), dir.clone());
    let moved = tokio::task::spawn_blocking(move || shoebox_server::commands::media_to_bucket::migrate(&dd, &u)).await.unwrap().unwrap();
    assert_eq!((moved.blobs, moved.bytes, moved.thumbs, moved.skipped), (2, (300_000 + (11 << 20)) as u64, 1, 0), "{moved:?}");
    assert_eq!(moved.damaged, vec![format!("alice {d}")]);
    assert!(moved.text().contains("DAMAGED"), "{}", moved.text());

    let s3 = S3Store::open(&url).unwrap();
    for data in [&small, &large] {
        let (mut r, len) = s3.open_blob("alice", &sha256_hex(data)).unwrap().unwrap();
        let mut got = Vec::new();
        r.read_to_end(&mut got).unwrap();
        assert_eq!((len, sha256_hex(&got)), (data.len() as u64, sha256_hex(data)));
    }
    assert!(s3.open_blob("alice", &d).unwrap().is_none(), "the damaged file stayed behind");
    assert_eq!(s3.open_thumb("alice", &sha256_hex(&small), "thumb").unwrap().as_deref(), Some(&b"\xff\xd8 a thumbnail"[..]));
    assert!(s3.list_objects("uploads").unwrap().is_empty(), "no upload left behind");

    let (u, dd) = (url.clone(), dir.clone());
    let again = tokio::task::spawn_blocking(move || shoebox_server::commands::media_to_bucket::migrate(&dd, &u)).await.unwrap().unwrap();
    assert_eq!((again.blobs, again.skipped), (0, 2), "a second run copies nothing");

    // The same data folder's index, the bytes from the bucket.
    let over = TestServer::with(|c| {
        c.data_dir = dir.clone();
        c.store = Some(url.clone());
    });
    assert_eq!(over.get(&format!("/api/v1/media/{}", sha256_hex(&large))).await.body, large);
}

/// The whole move from the command line: a local server's media and databases into a bucket
/// and PostgreSQL, then a node with an empty data folder serves the same library and accepts
/// the same sign-in.
#[test]
fn the_migrate_command_moves_a_local_server_onto_a_bucket_and_postgresql() {
    use common::http::request;
    use common::process::ServerProcess;
    let data = tempfile::tempdir().unwrap();
    let photo = bytes(2_000_000, 5);
    let local_token = {
        // A local server without --token: its default token must keep working afterwards.
        let mut local = ServerProcess::start(data.path(), &[], &[]);
        let token = local.token.clone().expect("a default token");
        let mut h = common::http::tus_headers(&token);
        h.push(("Upload-Length", photo.len().to_string()));
        h.push(("Upload-Metadata", "filename SU1HXzAwMDEuanBn,relativePath Q2FyZC9JTUdfMDAwMS5qcGc=".into()));
        h.push(("Content-Type", "application/offset+octet-stream".into()));
        let r = request(local.addr, "POST", "/files/", &h, &photo);
        assert_eq!(r.status, 201, "{}", r.text());
        local.kill9();
        token
    };
    // An empty album lives only in the albums table: it must come along too.
    let started_ms;
    {
        let idx = shoebox_server::index::MediaIndex::open(&data.path().join("index.sqlite")).unwrap();
        let user: String = idx.db().query_row("SELECT \"user\" FROM media LIMIT 1", &[]).unwrap().unwrap().get(0).unwrap();
        idx.create_album(&user, "Kept empty", "2026-01-01T00:00:00Z").unwrap().unwrap();
        // A kiosk visit of an hour ago in the operator's log (its session row long gone).
        started_ms = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as i64 - 3_600_000;
        shoebox_server::accounts::sessions::Sessions::open(&data.path().join("sessions.sqlite")).unwrap();
        let conn = rusqlite::Connection::open(data.path().join("sessions.sqlite")).unwrap();
        conn.execute(
            "INSERT INTO visit_log (hash, user, profile, code, drop_album, started_ms, ended_ms) VALUES (?1, ?2, 'shop', 'K7Q2', 'Visit K7Q2', ?3, ?4)",
            rusqlite::params!["ab".repeat(32), user, started_ms, started_ms + 60_000],
        )
        .unwrap();
    }
    let (store, database) = (common::s3::store_url(), common::postgres::database());
    let run = |args: &[&str]| {
        std::process::Command::new(common::process::binary())
            .arg("migrate")
            .arg("--data-dir")
            .arg(data.path())
            .args(args)
            .envs(common::s3::credentials_env())
            .output()
            .unwrap()
    };
    let out = run(&[]);
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("--to-store"), "nothing to do is an error");
    let out = run(&["--to-store", &store, "--to-database", &database]);
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(out.status.success(), "{text}{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("media: 1 of 1 rows copied") && text.contains("Copied 1 stored files"), "{text}");
    assert!(text.contains("albums: 1 of 1 rows copied"), "{text}");
    assert!(text.contains("visit_log: 1 of 1 rows copied"), "{text}");
    let again = run(&["--to-store", &store, "--to-database", &database]);
    assert!(String::from_utf8_lossy(&again.stdout).contains("media: 0 of 1 rows copied (1 were there already)"));

    let empty = tempfile::tempdir().unwrap();
    let node = ServerProcess::start(empty.path(), &["--store", &store, "--database", &database], &common::s3::credentials_env());
    let token = node.token.clone().unwrap();
    assert_eq!(token, local_token, "the sign-in link keeps working");
    let auth = [("Authorization", format!("Bearer {token}"))];
    let list = request(node.addr, "GET", "/api/v1/media", &auth, &[]);
    assert!(list.text().contains("IMG_0001.jpg") && list.text().contains("\"album\":\"Card\""), "{}", list.text());
    let albums = request(node.addr, "GET", "/api/v1/albums", &auth, &[]);
    assert!(albums.text().contains("\"album\":\"Kept empty\",\"count\":0"), "{}", albums.text());
    let day = shoebox_server::timefmt::day_from_days(started_ms.div_euclid(86_400_000));
    let visits = request(node.addr, "GET", &format!("/api/v1/visits?tz=UTC&day={day}"), &auth, &[]);
    let v: serde_json::Value = serde_json::from_slice(&visits.body).unwrap();
    let codes: Vec<_> = v["visits"].as_array().unwrap().iter().map(|x| (x["code"].clone(), x["drop"].clone(), x["live"].clone())).collect();
    assert_eq!(
        codes,
        [(serde_json::json!("K7Q2"), serde_json::json!("Visit K7Q2"), serde_json::json!(false))],
        "the operator's visit log came along: {v}"
    );
    let got = request(node.addr, "GET", &format!("/api/v1/media/{}", sha256_hex(&photo)), &auth, &[]);
    assert_eq!((got.status, got.body == photo), (200, true));
    assert!(common::files_under(empty.path()).is_empty(), "the node keeps nothing of its own");

    // verify over the bucket: clean, then one flipped byte in the stored object is reported.
    let verify = || {
        std::process::Command::new(common::process::binary())
            .args(["--store", &store, "--database", &database, "verify"])
            .envs(common::s3::credentials_env())
            .output()
            .unwrap()
    };
    let out = verify();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Verified 1 stored files (2000000 bytes): 0 mismatched"));
    let mut bad = photo.clone();
    bad[1000] ^= 1;
    common::s3::put_raw(&store, &format!("blobs/default/{}/{}", &sha256_hex(&photo)[..2], sha256_hex(&photo)), bad);
    let out = verify();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && err.contains(&format!("MISMATCH default {}", sha256_hex(&photo))), "{err}");
}
