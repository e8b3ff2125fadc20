//! Scripted-HTTP tests of the engine's tus behaviour, one per behaviour, with virtual time.
mod engine_common;
use engine_common::*;
use shoebox_core::engine::*;
use shoebox_core::facts::{Outcome, SkipReason, UploadNote};

const MB: u64 = 1024 * 1024;

fn small_chunks() -> EngineSettings {
    EngineSettings { chunk_size: Some(1000), creation_with_upload_max: 0, ..H::settings() }
}

/// One file, handshake done, started; returns the harness and the file id.
fn one_file(settings: EngineSettings, size: usize, options: HttpResponse) -> (H, FileId) {
    let mut h = H::new(settings);
    let id = h.add(1, "Holiday/a.jpg", Content::Bytes(bytes(size, 1)), photo_facts());
    h.handshake(HttpResponse::new(404), options);
    assert_eq!(h.e.status(), Status::ReadyToBackUp { count: 1 });
    h.start();
    (h, id)
}

fn create(h: &mut H, location: &str) -> RequestId {
    let (c, _) = h.expect(Method::Post);
    h.answer(c, Ok(ok(201).with_header("Location", location)));
    c
}

fn patch_ok(h: &mut H, expect_start: u64) -> (RequestId, HttpRequest) {
    let (p, r) = h.expect(Method::Patch);
    let Body::Slice { start, end, .. } = r.body else { panic!() };
    assert_eq!(start, expect_start);
    assert_eq!(r.header("Upload-Offset").unwrap(), start.to_string());
    h.answer(p, Ok(ok(204).with_header("Upload-Offset", &end.to_string())));
    (p, r)
}

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

#[test]
fn checksum_header_only_when_advertised_sha256_preferred_then_sha1() {
    let (mut h, _) = one_file(small_chunks(), 500, options_full());
    create(&mut h, "u");
    let (_, r) = h.expect(Method::Patch);
    let Body::Slice { checksum, .. } = r.body else { panic!() };
    assert_eq!(checksum, Some(ChecksumAlgo::Sha256));

    let sha1_only =
        HttpResponse::new(204).with_header("Tus-Extension", "creation,checksum").with_header("Tus-Checksum-Algorithm", "md5,sha1");
    let (mut h, _) = one_file(small_chunks(), 500, sha1_only);
    create(&mut h, "u");
    let (_, r) = h.expect(Method::Patch);
    let Body::Slice { checksum, .. } = r.body else { panic!() };
    assert_eq!(checksum, Some(ChecksumAlgo::Sha1));

    // Algorithms listed without the extension: nothing.
    let no_ext = HttpResponse::new(204).with_header("Tus-Extension", "creation").with_header("Tus-Checksum-Algorithm", "sha256");
    let (mut h, _) = one_file(small_chunks(), 500, no_ext);
    create(&mut h, "u");
    let (_, r) = h.expect(Method::Patch);
    let Body::Slice { checksum, .. } = r.body else { panic!() };
    assert_eq!(checksum, None);
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
    assert!(matches!(h.view(id).outcome, Some(Outcome::Failed(ref m)) if m.contains("460")));
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
        Some(Outcome::Failed(m)) => assert!(m.contains("does not match"), "{m}"),
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
fn gone_404_or_410_creates_a_new_upload_from_zero() {
    for status in [404, 410] {
        let (mut h, id) = one_file(small_chunks(), 2500, options_bare());
        create(&mut h, "u");
        patch_ok(&mut h, 0);
        let (p, _) = h.expect(Method::Patch);
        h.answer(p, Ok(ok(status)));
        assert!(h.store.values().all(|r| r.done), "stale record removed");
        create(&mut h, "w");
        let (_, r) = patch_ok(&mut h, 0);
        assert_eq!(r.url, "http://s.test/files/w");
        patch_ok(&mut h, 1000);
        patch_ok(&mut h, 2000);
        assert_eq!(h.view(id).outcome, Some(Outcome::Uploaded(None)));
    }
}

#[test]
fn transient_errors_back_off_exponentially_with_jitter_and_a_cap() {
    let (mut h, id) = one_file(EngineSettings { max_attempts: 20, ..small_chunks() }, 500, options_bare());
    let mut delays = Vec::new();
    let statuses = [500u16, 502, 503, 423, 429, 500, 500, 500, 500, 500, 500, 500];
    for s in statuses {
        let (c, _) = h.expect(Method::Post);
        let t0 = h.now;
        h.answer(c, Ok(ok(s)));
        let Phase::Retrying { at_ms, .. } = h.view(id).phase else { panic!("{:?}", h.view(id).phase) };
        delays.push(at_ms - t0);
        assert!(h.e.poll_timeout().unwrap() <= at_ms);
        h.advance(at_ms - t0 - 1);
        assert!(h.http.is_empty(), "nothing before the delay");
        h.advance(1);
    }
    assert!((500..=1000).contains(&delays[0]), "{delays:?}");
    assert!((1000..=2000).contains(&delays[1]), "{delays:?}");
    assert!((2000..=4000).contains(&delays[2]), "{delays:?}");
    assert!(delays.iter().all(|d| *d <= 60_000), "{delays:?}");
    assert!(delays[10] >= 30_000, "capped near 60 s: {delays:?}");
    assert!(h.view(id).attempts as usize == statuses.len());
    // Deterministic: same seed, same delays.
    let (mut h2, _) = one_file(EngineSettings { max_attempts: 20, ..small_chunks() }, 500, options_bare());
    let (c, _) = h2.expect(Method::Post);
    let t0 = h2.now;
    h2.answer(c, Ok(ok(500)));
    let Phase::Retrying { at_ms, .. } = h2.view(FileId(1)).phase else { panic!() };
    assert_eq!(at_ms - t0, delays[0]);
}

#[test]
fn retry_after_is_respected() {
    let (mut h, id) = one_file(small_chunks(), 500, options_bare());
    let (c, _) = h.expect(Method::Post);
    let t0 = h.now;
    h.answer(c, Ok(ok(429).with_header("Retry-After", "20")));
    let Phase::Retrying { at_ms, .. } = h.view(id).phase else { panic!() };
    assert!(at_ms - t0 >= 20_000);
}

#[test]
fn other_4xx_fails_with_the_servers_message() {
    let (mut h, id) = one_file(small_chunks(), 500, options_bare());
    let (c, _) = h.expect(Method::Post);
    h.answer(c, Ok(ok(400).with_body("invalid metadata")));
    match h.view(id).outcome {
        Some(Outcome::Failed(m)) => assert!(m.contains("400") && m.contains("invalid metadata"), "{m}"),
        o => panic!("{o:?}"),
    }
    assert_eq!(h.e.status(), Status::Complete { uploaded: 0, already: 0, skipped: 0, failed: 1 });
    // The user retries: it goes again.
    let now = h.now;
    h.e.retry_file(id, now);
    let (c, _) = h.expect(Method::Post);
    h.answer(c, Ok(ok(201).with_header("Location", "u")));
    patch_ok(&mut h, 0);
    assert_eq!(h.view(id).outcome, Some(Outcome::Uploaded(None)));
}

#[test]
fn unauthorized_pauses_everything_until_signed_in_again() {
    let mut h = H::new(EngineSettings { parallel_uploads: 2, ..small_chunks() });
    let a = h.add(1, "a.jpg", Content::Bytes(bytes(2000, 1)), photo_facts());
    let b = h.add(2, "b.jpg", Content::Bytes(bytes(2000, 2)), photo_facts());
    h.handshake(HttpResponse::new(404), options_bare());
    h.start();
    let (ca, _) = h.expect(Method::Post);
    let (cb, _) = h.expect(Method::Post);
    h.answer(ca, Ok(ok(201).with_header("Location", "ua")));
    let (pa, _) = h.expect(Method::Patch);
    h.answer(cb, Ok(ok(401)));
    assert_eq!(h.e.status(), Status::SignInNeeded);
    assert!(h.aborted.contains(&pa), "other transfers stop too");
    assert!(h.http.is_empty());
    h.advance(120_000);
    assert!(h.http.is_empty(), "nothing while signed out");
    assert_eq!(h.view(a).attempts, 0);
    // New token: config/OPTIONS again, then both continue.
    let now = h.now;
    h.e.set_settings(EngineSettings { token: Some("new".into()), ..h.e.settings().clone() }, now);
    h.handshake(HttpResponse::new(404), options_bare());
    let (x, xr) = h.expect(Method::Head);
    assert_eq!(xr.header("Authorization"), Some("Bearer new"));
    assert!(xr.url.ends_with("/ua"));
    h.answer(x, Ok(ok(200).with_header("Upload-Offset", "0").with_header("Upload-Length", "2000")));
    let (y, _) = h.expect(Method::Post);
    h.answer(y, Ok(ok(201).with_header("Location", "ub")));
    for _ in 0..4 {
        let (p, r) = h.expect(Method::Patch);
        let Body::Slice { end, .. } = r.body else { panic!() };
        h.answer(p, Ok(ok(204).with_header("Upload-Offset", &end.to_string())));
    }
    assert_eq!(h.view(a).outcome, Some(Outcome::Uploaded(None)));
    assert_eq!(h.view(b).outcome, Some(Outcome::Uploaded(None)));
}

#[test]
fn config_401_means_sign_in_needed() {
    let mut h = H::new(small_chunks());
    h.add(1, "a.jpg", Content::Bytes(bytes(10, 1)), photo_facts());
    let (c, _) = h.expect(Method::Get);
    h.answer(c, Ok(HttpResponse::new(401)));
    assert_eq!(h.e.status(), Status::SignInNeeded);
}

#[test]
fn too_large_413_skips_as_over_the_size_limit() {
    let (mut h, id) = one_file(small_chunks(), 500, options_bare());
    let (c, _) = h.expect(Method::Post);
    h.answer(c, Ok(ok(413)));
    assert_eq!(h.view(id).outcome, Some(Outcome::Skipped(SkipReason::OverSizeLimit)));
    assert_eq!(h.e.status(), Status::Complete { uploaded: 0, already: 0, skipped: 1, failed: 0 });
    // Tus-Max-Size from OPTIONS skips before sending anything.
    let opts = options_bare().with_header("Tus-Max-Size", "100");
    let (mut h, id) = one_file(small_chunks(), 500, opts);
    h.drain();
    assert!(h.http.is_empty());
    assert_eq!(h.view(id).outcome, Some(Outcome::Skipped(SkipReason::OverSizeLimit)));
}

#[test]
fn stalled_request_is_aborted_after_the_timeout_and_retried() {
    let (mut h, id) = one_file(EngineSettings { chunk_size: Some(100_000), ..small_chunks() }, 300_000, options_bare());
    create(&mut h, "u");
    let (p, _) = h.expect(Method::Patch);
    // Progress keeps it alive.
    for i in 1..=5 {
        h.advance(20_000);
        h.progress(p, i * 1000);
    }
    assert!(h.aborted.is_empty());
    assert_eq!(h.view(id).bytes_done, 5000);
    h.advance(29_999);
    assert!(h.aborted.is_empty());
    h.advance(1);
    assert_eq!(h.aborted, vec![p], "aborted after 30 s without progress");
    assert_eq!(h.view(id).attempts, 1);
    assert!(matches!(h.view(id).phase, Phase::Retrying { .. }));
    // A late answer for the aborted request is ignored.
    h.answer(p, Ok(ok(204).with_header("Upload-Offset", "100000")));
    assert_eq!(h.view(id).bytes_done, 0);
    h.run_until_request();
    let (hd, _) = h.expect(Method::Head);
    h.answer(hd, Ok(ok(200).with_header("Upload-Offset", "5000")));
    let (_, r) = h.expect(Method::Patch);
    assert!(matches!(r.body, Body::Slice { start: 5000, .. }));
}

#[test]
fn attempts_reset_on_progress_and_fail_after_twelve_in_a_row() {
    let (mut h, id) = one_file(small_chunks(), 3000, options_bare());
    create(&mut h, "u");
    for _ in 0..11 {
        let (p, _) = h.expect(Method::Patch);
        h.answer(p, Err(NetError::Other("reset".into())));
        h.run_until_request();
        let (hd, _) = h.expect(Method::Head);
        h.answer(hd, Ok(ok(200).with_header("Upload-Offset", "0")));
    }
    assert_eq!(h.view(id).attempts, 11);
    patch_ok(&mut h, 0);
    assert_eq!(h.view(id).attempts, 0, "reset when the offset advanced");
    for i in 0..12 {
        let (p, _) = h.expect(Method::Patch);
        h.answer(p, Ok(ok(503).with_body("busy")));
        if i < 11 {
            h.run_until_request();
            let (hd, _) = h.expect(Method::Head);
            h.answer(hd, Ok(ok(200).with_header("Upload-Offset", "1000")));
        }
    }
    match h.view(id).outcome {
        Some(Outcome::Failed(m)) => assert!(m.contains("503") && m.contains("busy"), "{m}"),
        o => panic!("{o:?}"),
    }
    assert_eq!(h.e.totals().failed, 1);
    // Retry: continues from the server's offset.
    let now = h.now;
    h.e.retry_failed(now);
    let (hd, _) = h.expect(Method::Head);
    h.answer(hd, Ok(ok(200).with_header("Upload-Offset", "1000")));
    patch_ok(&mut h, 1000);
    patch_ok(&mut h, 2000);
    assert_eq!(h.view(id).outcome, Some(Outcome::Uploaded(None)));
}

#[test]
fn cancel_sends_delete_only_when_termination_is_advertised() {
    let (mut h, id) = one_file(small_chunks(), 3000, options_full());
    create(&mut h, "u");
    let (p, _) = h.expect(Method::Patch);
    let now = h.now;
    h.e.cancel_file(id, now);
    h.drain();
    assert!(h.aborted.contains(&p));
    let (d, dr) = h.expect(Method::Delete);
    assert_eq!(dr.url, "http://s.test/files/u");
    h.answer(d, Ok(ok(204)));
    assert_eq!(h.view(id).outcome, Some(Outcome::Failed(CANCELLED.into())));
    assert!(h.store.is_empty());

    let (mut h, id) = one_file(small_chunks(), 3000, options_bare());
    create(&mut h, "u");
    h.expect(Method::Patch);
    let now = h.now;
    h.e.cancel_file(id, now);
    h.drain();
    assert!(h.http.is_empty(), "no DELETE without termination");
    // Retry a cancelled file: starts a new upload.
    let now = h.now;
    h.e.retry_file(id, now);
    let (c, _) = h.expect(Method::Post);
    h.answer(c, Ok(ok(201).with_header("Location", "v")));
    for s in [0, 1000, 2000] {
        patch_ok(&mut h, s);
    }
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
fn media_check_is_batched_and_settles_present_files() {
    let mut h = H::new(small_chunks());
    h.e.set_workers(8, 1);
    let n = 12_000u64;
    let defs =
        (1..=n).map(|i| (i, format!("F/{i}.jpg"), Content::Virtual { size: 10, digest: format!("{:064x}", i) }, photo_facts())).collect();
    h.add_many(defs);
    h.handshake(config_json(true, 1000), options_bare());
    assert_eq!(h.e.status(), Status::ReadyToBackUp { count: n });
    h.start();
    let mut checked = 0;
    let mut calls = 0;
    while checked < n {
        let (c, r) = h.expect(Method::Post);
        assert!(r.url.ends_with("/api/v1/media/check"), "{}", r.url);
        let Body::Json(j) = &r.body else { panic!() };
        let req: shoebox_core::api::CheckRequest = serde_json::from_str(j).unwrap();
        assert!(req.sha256.len() <= 10_000);
        calls += 1;
        checked += req.sha256.len() as u64;
        // Everything present.
        let resp = shoebox_core::api::CheckResponse { present: req.sha256 };
        h.answer(c, Ok(HttpResponse::new(200).with_body(&serde_json::to_string(&resp).unwrap())));
    }
    assert!(calls < 100, "batched: {calls} calls");
    assert_eq!(h.e.status(), Status::Complete { uploaded: 0, already: n, skipped: 0, failed: 0 });
    assert!(h.http.is_empty());
}

#[test]
fn plain_tus_server_no_config_means_seed_limits_and_no_check() {
    let (mut h, id) = one_file(small_chunks(), 500, options_bare());
    let (_, r) = h.expect(Method::Post);
    assert_eq!(r.url, EP, "straight to creation, no media/check");
    assert!(h.e.server_config().is_none());
    let _ = id;
}

#[test]
fn local_done_records_skip_work_in_a_later_session() {
    let (mut h, id) = one_file(small_chunks(), 500, options_bare());
    create(&mut h, "u");
    patch_ok(&mut h, 0);
    assert_eq!(h.view(id).outcome, Some(Outcome::Uploaded(None)));
    let records: Vec<ResumeRecord> = h.store.values().cloned().collect();
    // New session, same file: no hash, no upload.
    let mut h2 = H::new(small_chunks());
    h2.e.load_resume_records(records.clone());
    let id2 = h2.add(1, "Holiday/a.jpg", h.files[&id].content.clone(), photo_facts());
    h2.handshake(HttpResponse::new(404), options_bare());
    h2.start();
    assert_eq!(h2.view(id2).outcome, Some(Outcome::AlreadyBackedUp));
    assert!(h2.hashes_asked.is_empty());
    // Same content elsewhere (renamed): hashed, then matched by digest.
    let mut h3 = H::new(small_chunks());
    h3.e.load_resume_records(records);
    let id3 = h3.add(7, "Other/renamed.jpg", h.files[&id].content.clone(), photo_facts());
    h3.handshake(HttpResponse::new(404), options_bare());
    h3.start();
    assert_eq!(h3.hashes_asked, vec![id3]);
    assert_eq!(h3.view(id3).outcome, Some(Outcome::AlreadyBackedUp));
    assert!(h3.http.is_empty());
}

#[test]
fn a_later_session_resumes_from_the_servers_offset() {
    let (mut h, id) = one_file(small_chunks(), 3000, options_bare());
    create(&mut h, "u");
    patch_ok(&mut h, 0);
    let (_p, _) = h.expect(Method::Patch); // the tab is closed mid-chunk
    let records: Vec<ResumeRecord> = h.store.values().cloned().collect();
    assert_eq!(records.len(), 1);
    let mut h2 = H::new(small_chunks());
    h2.e.load_resume_records(records.clone());
    assert_eq!(h2.e.status(), Status::ContinueBackup { remaining: 1 });
    // Re-dropped under another name: matched by content after hashing.
    let id2 = h2.add(5, "Again/a copy.jpg", h.files[&id].content.clone(), photo_facts());
    h2.handshake(HttpResponse::new(404), options_bare());
    h2.start();
    let (hd, hr) = h2.expect(Method::Head);
    assert_eq!(hr.url, "http://s.test/files/u");
    h2.answer(hd, Ok(ok(200).with_header("Upload-Offset", "1500").with_header("Upload-Length", "3000")));
    patch_ok(&mut h2, 1500);
    patch_ok(&mut h2, 2500);
    assert_eq!(h2.view(id2).outcome, Some(Outcome::Uploaded(None)));
    // Same path (folder handle): no hashing needed at all.
    let mut h3 = H::new(small_chunks());
    h3.e.load_resume_records(records);
    let id3 = h3.add(1, "Holiday/a.jpg", h.files[&id].content.clone(), photo_facts());
    h3.handshake(HttpResponse::new(404), options_bare());
    h3.start();
    assert!(h3.hashes_asked.is_empty());
    let (hd, _) = h3.expect(Method::Head);
    h3.answer(hd, Ok(ok(404)));
    create(&mut h3, "fresh");
    for s in [0, 1000, 2000] {
        patch_ok(&mut h3, s);
    }
    assert_eq!(h3.view(id3).outcome, Some(Outcome::Uploaded(None)));
}

#[test]
fn offline_and_metered_pause_without_spending_attempts() {
    let (mut h, id) = one_file(EngineSettings { wifi_only: true, ..small_chunks() }, 3000, options_bare());
    create(&mut h, "u");
    let (p, _) = h.expect(Method::Patch);
    let now = h.now;
    h.e.set_online(false, now);
    h.drain();
    assert!(h.aborted.contains(&p));
    assert_eq!(h.e.status(), Status::WaitingForConnection);
    h.advance(600_000);
    assert!(h.http.is_empty());
    assert_eq!(h.view(id).attempts, 0);
    let now = h.now;
    h.e.set_online(true, now);
    let (hd, _) = h.expect(Method::Head);
    h.answer(hd, Ok(ok(200).with_header("Upload-Offset", "700")));
    let (p, _) = h.expect(Method::Patch);
    let now = h.now;
    h.e.set_metered(true, now);
    h.drain();
    assert!(h.aborted.contains(&p));
    assert_eq!(h.e.status(), Status::WaitingForWifi);
    h.advance(100_000);
    assert!(h.http.is_empty());
    let now = h.now;
    h.e.set_metered(false, now);
    let (hd, _) = h.expect(Method::Head);
    h.answer(hd, Ok(ok(200).with_header("Upload-Offset", "700")));
    patch_ok(&mut h, 700);
    patch_ok(&mut h, 1700);
    patch_ok(&mut h, 2700);
    assert_eq!(h.view(id).outcome, Some(Outcome::Uploaded(None)));
    assert_eq!(h.view(id).attempts, 0);
}

#[test]
fn back_online_continues_at_once_even_during_a_backoff() {
    let (mut h, _id) = one_file(small_chunks(), 3000, options_bare());
    let (c, _) = h.expect(Method::Post);
    h.answer(c, Err(NetError::Other("down".into())));
    let now = h.now;
    h.e.set_online(false, now);
    h.advance(10);
    let now = h.now;
    h.e.set_online(true, now);
    h.expect(Method::Post);
}

#[test]
fn pause_and_resume_all_and_one_file() {
    let mut h = H::new(EngineSettings { parallel_uploads: 2, ..small_chunks() });
    let a = h.add(1, "a.jpg", Content::Bytes(bytes(2000, 1)), photo_facts());
    let b = h.add(2, "b.jpg", Content::Bytes(bytes(2000, 2)), photo_facts());
    h.handshake(HttpResponse::new(404), options_bare());
    h.start();
    let (ca, _) = h.expect(Method::Post);
    let (cb, _) = h.expect(Method::Post);
    h.answer(ca, Ok(ok(201).with_header("Location", "a")));
    h.answer(cb, Ok(ok(201).with_header("Location", "b")));
    let (pa, _) = h.expect(Method::Patch);
    let (pb, _) = h.expect(Method::Patch);
    let now = h.now;
    h.e.pause_all(now);
    h.drain();
    assert_eq!(h.e.status(), Status::Paused);
    assert!(h.aborted.contains(&pa) && h.aborted.contains(&pb));
    h.advance(100_000);
    assert!(h.http.is_empty());
    let now = h.now;
    h.e.resume_all(now);
    h.drain();
    assert!(matches!(h.e.status(), Status::BackingUp { .. }));
    let (x, _) = h.expect(Method::Head);
    let (y, _) = h.expect(Method::Head);
    // Pause file a alone.
    let now = h.now;
    h.e.pause_file(a, now);
    h.drain();
    assert!(h.aborted.contains(&x));
    assert_eq!(h.view(a).phase, Phase::Paused);
    h.answer(y, Ok(ok(200).with_header("Upload-Offset", "0")));
    patch_ok(&mut h, 0);
    patch_ok(&mut h, 1000);
    assert_eq!(h.view(b).outcome, Some(Outcome::Uploaded(None)));
    assert!(h.http.is_empty(), "a stays paused");
    assert!(matches!(h.e.status(), Status::BackingUp { done: 1, total: 2, .. }));
    let now = h.now;
    h.e.resume_file(a, now);
    let (x, _) = h.expect(Method::Head);
    h.answer(x, Ok(ok(200).with_header("Upload-Offset", "0")));
    patch_ok(&mut h, 0);
    patch_ok(&mut h, 1000);
    assert_eq!(h.e.status(), Status::Complete { uploaded: 2, already: 0, skipped: 0, failed: 0 });
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
}

#[test]
fn plan_counts_skips_and_exclusions_before_start() {
    let mut h = H::new(small_chunks());
    h.add(1, "F/a.jpg", Content::Bytes(bytes(10, 1)), photo_facts());
    h.add(2, "F/b.mp4", Content::Bytes(bytes(10, 2)), video_facts());
    h.add(3, "F/notes.txt", Content::Bytes(bytes(10, 3)), shoebox_core::facts::FileFacts::other());
    h.add(4, "G/empty.jpg", Content::Bytes(vec![]), photo_facts());
    h.add(5, "G/c.jpg", Content::Bytes(bytes(10, 5)), photo_facts());
    // Limits wait for the config.
    assert_eq!(h.e.status(), Status::Looking { found: 5 });
    h.handshake(config_json(false, 1000), options_bare());
    let t = h.e.totals();
    assert_eq!((t.files, t.photos, t.videos, t.skipped.not_media, t.skipped.empty_file), (5, 2, 1, 1, 1));
    assert_eq!(h.e.status(), Status::ReadyToBackUp { count: 3 });
    let now = h.now;
    h.e.set_folder_included("G", false, now);
    assert_eq!(h.e.status(), Status::ReadyToBackUp { count: 2 });
    assert_eq!(h.e.totals().excluded, 2);
    h.start();
    let (c1, _) = h.expect(Method::Post);
    let (c2, _) = h.expect(Method::Post);
    h.answer(c1, Ok(ok(201).with_header("Location", "1")));
    h.answer(c2, Ok(ok(201).with_header("Location", "2")));
    patch_ok(&mut h, 0);
    patch_ok(&mut h, 0);
    assert_eq!(h.e.status(), Status::Complete { uploaded: 2, already: 0, skipped: 1, failed: 0 });
    assert!(h.view(FileId(5)).excluded);
    assert_eq!(h.view(FileId(5)).outcome, None);
}
