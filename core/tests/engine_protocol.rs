//! Scripted-HTTP tests of the engine's tus flow, one per behaviour, with virtual time: creation,
//! offsets, HEAD, checksums, the 422 re-hash, large files, creation-with-upload, duplicates.
mod engine_common;
use engine_common::script::*;
use engine_common::*;
use shoebox_core::engine::*;
use shoebox_core::facts::{Outcome, UploadNote};
use shoebox_core::failure::FailReason;

#[test]
fn happy_path_metadata_records_and_outcome() {
    let (mut h, id) = one_file(small_chunks(), 2500, options_bare());
    let (c, req) = h.expect(Method::Post);
    assert_eq!(req.url, EP);
    assert_eq!(req.header("Tus-Resumable"), Some("1.0.0"));
    assert_eq!(req.header("Authorization"), Some("Bearer tok"));
    assert_eq!(req.header("Upload-Length"), Some("2500"));
    let m = meta(&req);
    assert_eq!(m["filename"], "a.jpg");
    assert_eq!(m["relativePath"], "Holiday/a.jpg");
    assert_eq!(m["filetype"], "image/jpeg");
    assert_eq!(m["sha256"], h.files[&id].content.sha());
    assert!(!m.contains_key("sourceSha256"));
    assert!(!m.contains_key("album"), "album mode Folder omits the key");
    assert_eq!(req.body, Body::Empty);
    h.answer(c, Ok(ok(201).with_header("Location", "http://s.test/files/abc")));
    assert_eq!(h.view(id).phase, Phase::Uploading);
    let (_, r) = patch_ok(&mut h, 0);
    assert_eq!(r.url, "http://s.test/files/abc");
    assert_eq!(r.header("Content-Type"), Some("application/offset+octet-stream"));
    assert!(r.header("Upload-Checksum").is_none());
    let Body::Slice { checksum, source, .. } = r.body else { panic!() };
    assert_eq!(checksum, None, "bare server: no checksum");
    assert_eq!(source, Source::Original);
    assert!(h.store.values().any(|r| !r.done && r.offset == 1000 && r.upload_url == "http://s.test/files/abc"));
    patch_ok(&mut h, 1000);
    patch_ok(&mut h, 2000);
    assert_eq!(h.view(id).outcome, Some(Outcome::Uploaded(None)));
    assert!(h.store.values().all(|r| r.done), "progress record removed on completion");
    assert!(h.store.values().any(|r| r.done && r.fingerprint.sha256.is_some()));
    assert_eq!(h.e.status(), Status::Complete { uploaded: 1, already: 0, skipped: 0, failed: 0 });
    assert!(h.http.is_empty());
}

#[test]
fn relative_location_is_resolved_against_the_request_url() {
    let (mut h, _) = one_file(small_chunks(), 500, options_bare());
    create(&mut h, "abc123");
    let (_, r) = patch_ok(&mut h, 0);
    assert_eq!(r.url, "http://s.test/files/abc123");
    let (mut h, _) = one_file(small_chunks(), 500, options_bare());
    create(&mut h, "/uploads/x");
    let (_, r) = patch_ok(&mut h, 0);
    assert_eq!(r.url, "http://s.test/uploads/x");
}

#[test]
fn conflict_409_heads_and_continues_at_a_non_aligned_server_offset() {
    let (mut h, id) = one_file(small_chunks(), 2500, options_bare());
    create(&mut h, "u");
    patch_ok(&mut h, 0);
    let (p, _) = h.expect(Method::Patch);
    h.answer(p, Ok(ok(409)));
    let (hd, hr) = h.expect(Method::Head);
    assert_eq!(hr.url, "http://s.test/files/u");
    h.answer(hd, Ok(ok(200).with_header("Upload-Offset", "1337").with_header("Upload-Length", "2500")));
    let (_, r) = patch_ok(&mut h, 1337);
    let Body::Slice { end, .. } = r.body else { panic!() };
    assert_eq!(end, 2337);
    patch_ok(&mut h, 2337);
    assert_eq!(h.view(id).outcome, Some(Outcome::Uploaded(None)));
}

#[test]
fn head_offset_ahead_of_the_client_is_trusted() {
    let (mut h, id) = one_file(small_chunks(), 3000, options_bare());
    create(&mut h, "u");
    // The PATCH's acknowledgement is lost; the server has the chunk and a bit more.
    let (p, _) = h.expect(Method::Patch);
    h.answer(p, Err(NetError::Other("reset".into())));
    assert!(matches!(h.view(id).phase, Phase::Retrying { .. }));
    h.run_until_request();
    let (hd, _) = h.expect(Method::Head);
    h.answer(hd, Ok(ok(200).with_header("Upload-Offset", "2000").with_header("Upload-Length", "3000")));
    patch_ok(&mut h, 2000);
    assert_eq!(h.view(id).outcome, Some(Outcome::Uploaded(None)));
}

#[test]
fn head_says_complete_after_a_lost_final_ack() {
    let (mut h, id) = one_file(small_chunks(), 1000, options_bare());
    create(&mut h, "u");
    let (p, _) = h.expect(Method::Patch);
    h.answer(p, Err(NetError::Timeout));
    h.run_until_request();
    let (hd, _) = h.expect(Method::Head);
    h.answer(hd, Ok(ok(200).with_header("Upload-Offset", "1000").with_header("Upload-Length", "1000")));
    assert_eq!(h.view(id).outcome, Some(Outcome::Uploaded(None)));
    assert!(h.http.is_empty(), "nothing sent again");
}

fn first_patch_checksum(options: HttpResponse) -> (Option<ChecksumAlgo>, Vec<ChecksumAlgo>, Option<String>) {
    let (mut h, _) = one_file(small_chunks(), 500, options);
    create(&mut h, "u");
    let (_, r) = h.expect(Method::Patch);
    let header = r.header("Upload-Checksum").map(str::to_string);
    let Body::Slice { checksum, .. } = r.body else { panic!() };
    (checksum, h.digests.iter().map(|d| d.3).collect(), header)
}

fn offering(algos: &str) -> HttpResponse {
    HttpResponse::new(204).with_header("Tus-Extension", "creation,checksum").with_header("Tus-Checksum-Algorithm", algos)
}

#[test]
fn checksum_crc32c_with_our_server_then_sha256_sha1_md5_and_none_unless_advertised() {
    // Shoebox's own server's list: crc32c, digested ahead with the same algorithm.
    let (algo, digested, header) = first_patch_checksum(offering("crc32c,sha1,sha256,md5"));
    assert_eq!(algo, Some(ChecksumAlgo::Crc32c));
    assert_eq!(digested, vec![ChecksumAlgo::Crc32c]);
    assert_eq!(header, None, "the driver adds the header once the digest is known");
    // The engine's order, not the server's, decides; names are case-insensitive.
    assert_eq!(first_patch_checksum(offering("MD5,Sha1,CRC32C")).0, Some(ChecksumAlgo::Crc32c));
    // A third-party server: the best of what it lists.
    assert_eq!(first_patch_checksum(options_full()).0, Some(ChecksumAlgo::Sha256));
    assert_eq!(first_patch_checksum(offering("sha1")).0, Some(ChecksumAlgo::Sha1));
    assert_eq!(first_patch_checksum(offering("md5,sha1")).0, Some(ChecksumAlgo::Sha1));
    // Nothing offered, or algorithms listed without the extension: no checksum at all.
    let (algo, digested, header) = first_patch_checksum(offering(""));
    assert_eq!((algo, digested, header), (None, vec![], None));
    let no_ext = HttpResponse::new(204).with_header("Tus-Extension", "creation").with_header("Tus-Checksum-Algorithm", "crc32c,sha256");
    assert_eq!(first_patch_checksum(no_ext), (None, vec![], None));
    assert_eq!(ChecksumAlgo::Sha256.header_value(&[0u8; 4]), "sha256 AAAAAA==");
}

#[test]
fn checksum_mismatch_460_or_417_resends_the_chunk_bounded() {
    let (mut h, id) = one_file(EngineSettings { max_attempts: 4, ..small_chunks() }, 1500, options_full());
    create(&mut h, "u");
    let (p, _) = h.expect(Method::Patch);
    h.answer(p, Ok(ok(460)));
    let (p, r) = h.expect(Method::Patch);
    let Body::Slice { start, .. } = r.body else { panic!() };
    assert_eq!(start, 0, "same chunk again, at once");
    h.answer(p, Ok(ok(417)));
    patch_ok(&mut h, 0);
    patch_ok(&mut h, 1000);
    assert_eq!(h.view(id).outcome, Some(Outcome::Uploaded(None)));

    // Bounded: a server that always rejects fails the file after max_attempts.
    let (mut h, id) = one_file(EngineSettings { max_attempts: 4, ..small_chunks() }, 1500, options_full());
    create(&mut h, "u");
    for _ in 0..4 {
        let (p, _) = h.expect(Method::Patch);
        h.answer(p, Ok(ok(460).with_body("checksum mismatch")));
    }
    assert_eq!(
        h.view(id).outcome,
        Some(Outcome::Failed(FailReason::ServerSaid { status: 460, code: None, detail: "checksum mismatch".into() }))
    );
    assert!(h.http.is_empty());
}

#[test]
fn status_417_without_checksum_is_an_ordinary_failure() {
    let (mut h, id) = one_file(small_chunks(), 500, options_bare());
    create(&mut h, "u");
    let (p, _) = h.expect(Method::Patch);
    h.answer(p, Ok(ok(417).with_body("nope")));
    assert!(matches!(h.view(id).outcome, Some(Outcome::Failed(_))));
}

#[test]
fn digest_mismatch_422_rehashes_and_fails_when_unchanged() {
    let (mut h, id) = one_file(small_chunks(), 500, options_bare());
    create(&mut h, "u");
    let hashes = h.hashes_asked.len();
    let (p, _) = h.expect(Method::Patch);
    h.answer(p, Ok(ok(422).with_body("sha256 of the upload does not match")));
    assert_eq!(h.hashes_asked.len(), hashes + 1, "re-hash asked");
    match h.view(id).outcome {
        Some(Outcome::Failed(FailReason::DigestMismatch { detail })) => assert_eq!(detail, "sha256 of the upload does not match"),
        o => panic!("{o:?}"),
    }
}

#[test]
fn digest_mismatch_422_with_a_changed_file_starts_over() {
    let (mut h, id) = one_file(small_chunks(), 500, options_bare());
    create(&mut h, "u");
    h.rehash_content.insert(id, Content::Bytes(bytes(500, 9)));
    let (p, _) = h.expect(Method::Patch);
    h.answer(p, Ok(ok(422).with_body("mismatch")));
    let (c, r) = h.expect(Method::Post);
    assert_eq!(meta(&r)["sha256"], h.files[&id].content.sha(), "declares the new digest");
    h.answer(c, Ok(ok(201).with_header("Location", "v")));
    let (_, r) = patch_ok(&mut h, 0);
    assert_eq!(r.url, "http://s.test/files/v");
    assert_eq!(h.view(id).outcome, Some(Outcome::Uploaded(None)));
}

#[test]
fn five_gib_file_uses_64_bit_offsets() {
    let size = 5 * 1024 * MB;
    let mut h = H::new(EngineSettings { chunk_size: Some(1024 * MB), max_bytes_in_flight: 2048 * MB, ..H::settings() });
    let id = h.add(1, "big.mp4", Content::Virtual { size, digest: "ab".repeat(32) }, video_facts());
    h.handshake(HttpResponse::new(404), options_bare());
    h.start();
    let (c, r) = h.expect(Method::Post);
    assert_eq!(r.header("Upload-Length"), Some("5368709120"));
    h.answer(c, Ok(ok(201).with_header("Location", "big")));
    let mut off = 0u64;
    while off < size {
        let (p, r) = h.expect(Method::Patch);
        let Body::Slice { start, end, .. } = r.body else { panic!() };
        assert_eq!(start, off);
        assert_eq!(r.header("Upload-Offset").unwrap().parse::<u64>().unwrap(), off);
        h.progress(p, (end - start) / 2);
        assert_eq!(h.view(id).bytes_done, off + (end - start) / 2);
        off = end;
        h.answer(p, Ok(ok(204).with_header("Upload-Offset", &off.to_string())));
    }
    assert_eq!(off, 5_368_709_120);
    assert_eq!(h.view(id).outcome, Some(Outcome::Uploaded(None)));
    assert!(h.saves.iter().any(|r| r.offset == 4 * 1024 * MB));
}

#[test]
fn small_files_go_in_the_creation_request_when_advertised() {
    let (mut h, id) = one_file(H::settings(), 5000, options_full());
    let (c, r) = h.expect(Method::Post);
    assert_eq!(r.body, Body::Slice { file: id, source: Source::Original, start: 0, end: 5000, checksum: None });
    assert_eq!(r.header("Content-Type"), Some("application/offset+octet-stream"));
    h.answer(c, Ok(ok(201).with_header("Location", "u").with_header("Upload-Offset", "5000")));
    assert_eq!(h.view(id).outcome, Some(Outcome::Uploaded(None)));
    // Not advertised: an empty POST.
    let (mut h, _) = one_file(H::settings(), 5000, options_bare());
    let (_, r) = h.expect(Method::Post);
    assert_eq!(r.body, Body::Empty);
}

#[test]
fn upload_duplicate_header_means_already_backed_up() {
    let (mut h, id) = one_file(small_chunks(), 3000, options_bare());
    let (c, _) = h.expect(Method::Post);
    h.answer(c, Ok(ok(201).with_header("Location", "u").with_header("Upload-Offset", "3000").with_header("Upload-Duplicate", "?1")));
    assert_eq!(h.view(id).outcome, Some(Outcome::AlreadyBackedUp));
    assert!(h.http.is_empty(), "no PATCH");
    // Offset = length without the header: uploaded, not "already".
    let (mut h, id) = one_file(small_chunks(), 3000, options_bare());
    let (c, _) = h.expect(Method::Post);
    h.answer(c, Ok(ok(201).with_header("Location", "u").with_header("Upload-Offset", "3000")));
    assert_eq!(h.view(id).outcome, Some(Outcome::Uploaded(None)));
}

#[test]
fn prepared_photos_upload_the_prepared_blob_with_source_sha256() {
    let mut h = H::new(EngineSettings { quality: shoebox_core::limits::Quality::High, ..small_chunks() });
    let mut facts = photo_facts();
    facts.width = Some(6000);
    facts.height = Some(4000);
    let id = h.add(1, "P/big.jpg", Content::Bytes(bytes(5000, 3)), facts);
    h.files.get_mut(&id).unwrap().prepared = Some(Content::Bytes(bytes(1500, 4)));
    h.handshake(HttpResponse::new(404), options_bare());
    assert_eq!(h.e.totals().to_downsize, 1);
    h.start();
    assert_eq!(h.prepares_asked, vec![id]);
    let (c, r) = h.expect(Method::Post);
    let m = meta(&r);
    assert_eq!(r.header("Upload-Length"), Some("1500"));
    assert_eq!(m["sha256"], h.files[&id].prepared.as_ref().unwrap().sha());
    assert_eq!(m["sourceSha256"], h.files[&id].content.sha());
    h.answer(c, Ok(ok(201).with_header("Location", "p")));
    let (_, r) = patch_ok(&mut h, 0);
    assert!(matches!(r.body, Body::Slice { source: Source::Prepared, .. }));
    patch_ok(&mut h, 1000);
    assert_eq!(h.view(id).outcome, Some(Outcome::Uploaded(Some(UploadNote::Downsized))));
    assert_eq!(h.dropped_prepared, vec![id]);
}

#[test]
fn album_modes_are_sent_as_metadata() {
    let mut h = H::new(EngineSettings { album: AlbumMode::Named("Trip".into()), ..small_chunks() });
    h.add(1, "a.jpg", Content::Bytes(bytes(10, 1)), photo_facts());
    h.handshake(HttpResponse::new(404), options_bare());
    h.start();
    let (_, r) = h.expect(Method::Post);
    assert_eq!(meta(&r)["album"], "Trip");
    let mut h = H::new(EngineSettings { album: AlbumMode::None, ..small_chunks() });
    h.add(1, "F/a.jpg", Content::Bytes(bytes(10, 1)), photo_facts());
    h.handshake(HttpResponse::new(404), options_bare());
    h.start();
    let (_, r) = h.expect(Method::Post);
    assert_eq!(meta(&r)["album"], "");
    // Each folder its own album: the sub-folder's whole path names it, a loose file has none.
    for (path, album) in [("Trip/Day 1/a.jpg", "Trip / Day 1"), ("Trip/a.jpg", "Trip"), ("a.jpg", "")] {
        let mut h = H::new(EngineSettings { album: AlbumMode::EachFolder, ..small_chunks() });
        h.add(1, path, Content::Bytes(bytes(10, 1)), photo_facts());
        h.handshake(HttpResponse::new(404), options_bare());
        h.start();
        let (_, r) = h.expect(Method::Post);
        assert_eq!(meta(&r)["album"], album, "{path}");
    }
}
