//! One storage test suite, run against every backend: the local disk and a real S3-compatible
//! server (SeaweedFS, see common/s3.rs). Each S3 step that may run on another node opens a new
//! store over the same prefix, so nothing can come from one process's memory.
mod common;

use shoebox_core::hash::sha256_hex;
use shoebox_server::store::local::LocalStore;
use shoebox_server::store::record::{Concat, UploadId, UploadInfo, UploadState};
use shoebox_server::store::s3::S3Store;
use shoebox_server::store::Store;
use std::io::Read;
use std::sync::Arc;

/// Opens "a node" of the backend: a fresh store over the same data.
type Opener = Box<dyn Fn() -> Arc<dyn Store>>;

fn backends() -> Vec<(&'static str, Opener, tempfile::TempDir)> {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().to_path_buf();
    let local: Opener = Box::new(move || Arc::new(LocalStore::open(&p).unwrap()));
    let url = common::s3::store();
    let s3: Opener = Box::new(move || Arc::new(S3Store::open(&url).unwrap()));
    vec![("local", local, dir), ("s3", s3, tempfile::tempdir().unwrap())]
}

fn info(len: Option<u64>) -> UploadInfo {
    UploadInfo {
        id: UploadId::random(),
        user: "alice".into(),
        length: len,
        metadata_raw: None,
        metadata: vec![("filename".into(), "a.jpg".into())],
        concat: Concat::None,
        created_ms: 1,
        expires_ms: 2,
        state: UploadState::Receiving,
        session: None,
    }
}

fn read_all(mut r: impl Read) -> Vec<u8> {
    let mut v = Vec::new();
    r.read_to_end(&mut v).unwrap();
    v
}

#[test]
fn records_offsets_and_small_appends() {
    for (name, open, _d) in backends() {
        let s = open();
        let i = info(Some(10));
        s.create_upload(&i).unwrap();
        assert_eq!(s.load_upload(&i.id).unwrap().as_ref(), Some(&i), "{name}");
        assert_eq!(s.upload_offset(&i.id).unwrap(), 0, "{name}");
        let mut w = s.open_writer(&i.id, 0).unwrap();
        w.write_all(b"hello").unwrap();
        w.sync().unwrap();
        drop(w);
        // Another node continues.
        let s = open();
        assert_eq!(s.upload_offset(&i.id).unwrap(), 5, "{name}");
        assert!(s.open_writer(&i.id, 3).is_err(), "{name}: a writer at the wrong offset is refused");
        let mut w = s.open_writer(&i.id, 5).unwrap();
        w.write_all(b" you!").unwrap();
        w.sync().unwrap();
        drop(w);
        assert_eq!(read_all(open().read_back_upload(&i.id).unwrap()), b"hello you!", "{name}");
        assert!(s.list_uploads().unwrap().contains(&i.id), "{name}");
        let mut done = i.clone();
        done.state = UploadState::Complete { sha256: Some(sha256_hex(b"hello you!")), bytes_kept: false };
        s.save_upload(&done).unwrap();
        assert_eq!(open().load_upload(&i.id).unwrap().unwrap().state, done.state, "{name}");
        s.delete_upload(&i.id).unwrap();
        assert!(s.load_upload(&i.id).unwrap().is_none(), "{name}");
        assert!(!s.list_uploads().unwrap().contains(&i.id), "{name}");
    }
}

/// 21 MiB in uneven chunks, each PATCH on "another node": multipart parts and tails on S3.
#[test]
fn large_uploads_continue_across_nodes_with_identical_bytes() {
    let data = common::bytes(21 << 20, 7);
    for (name, open, _d) in backends() {
        let i = info(Some(data.len() as u64));
        open().create_upload(&i).unwrap();
        let mut at = 0usize;
        for (k, chunk) in [3usize << 20, 1 << 20, 9 << 20, 100_000, 6 << 20, usize::MAX].into_iter().enumerate() {
            let s = open();
            let end = at.saturating_add(chunk).min(data.len());
            let mut w = s.open_writer(&i.id, at as u64).unwrap();
            for piece in data[at..end].chunks(256 << 10) {
                w.write_all(piece).unwrap();
            }
            w.sync().unwrap();
            at = end;
            assert_eq!(open().upload_offset(&i.id).unwrap(), at as u64, "{name}: after PATCH {k}");
        }
        let s = open();
        let back = read_all(s.read_back_upload(&i.id).unwrap());
        assert_eq!((back.len(), sha256_hex(&back)), (data.len(), sha256_hex(&data)), "{name}");
        // Read again (joined once, then served whole) and commit as a blob.
        assert_eq!(sha256_hex(&read_all(open().open_upload_reader(&i.id).unwrap())), sha256_hex(&data), "{name}");
        let digest = sha256_hex(&data);
        assert!(s.commit_blob(&i.id, "alice", &digest).unwrap(), "{name}: a new blob");
        assert!(!open().commit_blob(&i.id, "alice", &digest).unwrap(), "{name}: one copy per content");
        let (r, len) = open().open_blob("alice", &digest).unwrap().unwrap();
        assert_eq!((len, sha256_hex(&read_all(r))), (data.len() as u64, digest.clone()), "{name}");
        let (r, _) = open().open_blob_at("alice", &digest, 20 << 20).unwrap().unwrap();
        assert_eq!(read_all(r), &data[20 << 20..], "{name}: a range from an offset");
        assert!(open().open_blob("bob", &digest).unwrap().is_none(), "{name}: blobs are per user");
        s.discard_upload_bytes(&i.id).unwrap();
        assert_eq!(open().upload_offset(&i.id).unwrap(), 0, "{name}: discarded bytes are gone");
        assert!(open().load_upload(&i.id).unwrap().is_some(), "{name}: the record stays");
        assert!(open().open_blob("alice", &digest).unwrap().is_some(), "{name}: the blob outlives the upload's bytes");
        s.delete_blob("alice", &digest).unwrap();
        assert!(open().open_blob("alice", &digest).unwrap().is_none(), "{name}");
    }
}

/// A chunk discarded after part of it was already sent (a checksum mismatch at its end) leaves
/// exactly the bytes before it, and the upload continues from there.
#[test]
fn a_discarded_chunk_leaves_the_bytes_before_it() {
    let data = common::bytes(14 << 20, 9);
    for (name, open, _d) in backends() {
        let i = info(Some(data.len() as u64));
        let s = open();
        s.create_upload(&i).unwrap();
        let mut w = s.open_writer(&i.id, 0).unwrap();
        w.write_all(&data[..2 << 20]).unwrap();
        w.sync().unwrap();
        w.write_all(&common::bytes(10 << 20, 1)).unwrap(); // wrong bytes, past a part's size
        w.truncate(2 << 20).unwrap();
        drop(w);
        assert_eq!(open().upload_offset(&i.id).unwrap(), 2 << 20, "{name}");
        let mut w = open().open_writer(&i.id, 2 << 20).unwrap();
        w.write_all(&data[2 << 20..]).unwrap();
        w.sync().unwrap();
        drop(w);
        assert_eq!(sha256_hex(&read_all(open().read_back_upload(&i.id).unwrap())), sha256_hex(&data), "{name}");
    }
}

#[test]
fn empty_uploads_thumbnails_and_bad_names() {
    for (name, open, _d) in backends() {
        let s = open();
        let i = info(Some(0));
        s.create_upload(&i).unwrap();
        assert!(read_all(s.read_back_upload(&i.id).unwrap()).is_empty(), "{name}");
        let empty = sha256_hex(b"");
        s.commit_blob(&i.id, "alice", &empty).unwrap();
        let (r, len) = open().open_blob("alice", &empty).unwrap().unwrap();
        assert_eq!((len, read_all(r).len()), (0, 0), "{name}");

        s.put_thumb("alice", &empty, "thumb", b"jpeg-1").unwrap();
        open().put_thumb("alice", &empty, "thumb", b"jpeg-2").unwrap();
        assert_eq!(open().open_thumb("alice", &empty, "thumb").unwrap().as_deref(), Some(&b"jpeg-2"[..]), "{name}");
        assert!(open().open_thumb("alice", &empty, "preview").unwrap().is_none(), "{name}");
        assert!(s.put_thumb("alice", &empty, "../x", b"j").is_err(), "{name}: variants are checked");
        assert!(s.open_blob("alice", "not-a-digest").is_err(), "{name}: digests are checked");
        assert!(s.open_blob("../bob", &empty).is_err(), "{name}: user names are checked");
        s.delete_blob("alice", &empty).unwrap();
        assert!(open().open_thumb("alice", &empty, "thumb").unwrap().is_none(), "{name}: thumbnails go with the blob");
    }
}

#[test]
fn a_store_that_does_not_answer_fails_at_start() {
    let dead = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
    let mut url = shoebox_server::store::s3::S3Url::parse(&format!("s3://nowhere/x?endpoint=http://{dead}")).unwrap();
    url.keys = Some(("k".into(), "s".into()));
    let e = S3Store::open(&url).unwrap().check().unwrap_err();
    assert!(!e.to_string().is_empty());
    // A wrong secret is refused by the store's signature check.
    let mut bad = common::s3::store();
    bad.keys = Some((common::s3::KEY_ID.into(), "wrong-secret".into()));
    assert!(S3Store::open(&bad).unwrap().check().is_err(), "SeaweedFS checks signatures");
}
