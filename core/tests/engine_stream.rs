//! Large files hashed while they upload (engine `stream.rs`), scripted against a server that
//! takes probes: the probe's check, the upload before the hash, the SHA-256 declared on the
//! last PATCH, a probe that matches, servers without probes, resume and the 422.
mod engine_common;
use engine_common::script::*;
use engine_common::*;
use shoebox_core::engine::*;
use shoebox_core::facts::Outcome;
use shoebox_core::hash::probe_ranges;

const SIZE: u64 = 40 * MB;

fn config(probe: bool) -> HttpResponse {
    HttpResponse::new(200).with_body(&format!(
        r#"{{"tusEndpoint":"/files/","chunkSize":{},"limits":{{"name":"seed","maxPhotoBytes":75000000,"maxPhotoPixels":100000000,"maxVideoBytes":10000000000,"minPhotoSide":0}},"dedup":true,"probe":{probe}}}"#,
        16 * MB
    ))
}

fn video() -> Content {
    Content::Virtual { size: SIZE, digest: "ab".repeat(32) }
}

/// One large video, handshake done with `config`, started, local work answered by hand.
fn started(config: HttpResponse, records: Vec<ResumeRecord>) -> (H, FileId) {
    let mut h = H::new(EngineSettings { chunk_size: Some(16 * MB), ..H::settings() });
    h.e.load_resume_records(records);
    let id = h.add(1, "Trip/clip.mp4", video(), video_facts());
    h.handshake(config, options_bare());
    h.auto_local = false;
    h.start();
    (h, id)
}

/// Answer the next local action, which must be `want` ("probe" or "hash").
fn local(h: &mut H, want: &str) {
    h.drain();
    let a = h.local.pop_front().unwrap_or_else(|| panic!("expected a {want}, no local action"));
    match (&a, want) {
        (Action::Probe { ranges, .. }, "probe") => assert_eq!(*ranges, probe_ranges(SIZE)),
        (Action::Hash { .. }, "hash") => {}
        _ => panic!("expected a {want}, got {a:?}"),
    }
    h.answer_local(a);
    h.drain();
}

fn check_body(r: &HttpRequest) -> shoebox_core::api::CheckRequest {
    let Body::Json(j) = &r.body else { panic!("check without a JSON body") };
    serde_json::from_str(j).unwrap()
}

fn answer_check(h: &mut H, present: &[String], probable: &[String]) -> shoebox_core::api::CheckRequest {
    let (c, r) = h.expect(Method::Post);
    assert!(r.url.ends_with("/api/v1/media/check"), "{}", r.url);
    let body = check_body(&r);
    let resp = shoebox_core::api::CheckResponse { present: present.to_vec(), probable: probable.to_vec() };
    h.answer(c, Ok(HttpResponse::new(200).with_body(&serde_json::to_string(&resp).unwrap())));
    body
}

#[test]
fn a_probe_that_matches_nothing_starts_the_upload_and_the_last_patch_declares_the_hash() {
    let (mut h, id) = started(config(true), vec![]);
    local(&mut h, "probe");
    let probe = video().probe(probe_ranges(SIZE));
    let asked = answer_check(&mut h, &[], &[]);
    assert!(asked.sha256.is_empty());
    assert_eq!(asked.probes, vec![shoebox_core::api::Probe { size: SIZE, probe }]);
    // The upload is created before the file is hashed, without a declared sha256, and the
    // hash runs beside it.
    let (c, req) = h.expect(Method::Post);
    assert!(!meta(&req).contains_key("sha256"), "nothing declared at creation");
    assert_eq!(h.hashes_asked, vec![id]);
    h.answer(c, Ok(ok(201).with_header("Location", "http://s.test/files/u")));
    let (_, r) = patch_ok(&mut h, 0);
    assert!(r.header("Shoebox-Sha256").is_none());
    // Saved for a reload before the hash is known: an empty digest.
    assert!(h.store.values().any(|r| !r.done && r.upload_sha256.is_empty() && r.offset == 16 * MB));
    patch_ok(&mut h, 16 * MB);
    h.drain();
    assert!(h.http.is_empty(), "the last PATCH waits for the hash");
    assert_eq!(h.view(id).phase, Phase::Uploading);
    local(&mut h, "hash");
    let (_, r) = patch_ok(&mut h, 32 * MB);
    assert_eq!(r.header("Shoebox-Sha256"), Some(video().sha().as_str()));
    assert_eq!(h.view(id).outcome, Some(Outcome::Uploaded(None)));
    assert!(h.store.values().any(|r| r.done && r.fingerprint.sha256.as_deref() == Some(video().sha().as_str())));
}

#[test]
fn the_hash_beside_may_come_first_then_only_the_last_patch_declares_it() {
    let (mut h, id) = started(config(true), vec![]);
    local(&mut h, "probe");
    answer_check(&mut h, &[], &[]);
    create(&mut h, "u");
    local(&mut h, "hash");
    let (_, r) = patch_ok(&mut h, 0);
    assert!(r.header("Shoebox-Sha256").is_none());
    patch_ok(&mut h, 16 * MB);
    let (_, r) = patch_ok(&mut h, 32 * MB);
    assert_eq!(r.header("Shoebox-Sha256"), Some(video().sha().as_str()));
    assert_eq!(h.view(id).outcome, Some(Outcome::Uploaded(None)));
}

#[test]
fn a_probe_that_matches_hashes_the_whole_file_and_a_present_digest_sends_nothing() {
    let (mut h, id) = started(config(true), vec![]);
    local(&mut h, "probe");
    let probe = video().probe(probe_ranges(SIZE));
    answer_check(&mut h, &[], std::slice::from_ref(&probe));
    local(&mut h, "hash");
    let asked = answer_check(&mut h, &[video().sha()], &[]);
    assert_eq!(asked.sha256, vec![video().sha()]);
    assert!(asked.probes.is_empty());
    assert_eq!(h.view(id).outcome, Some(Outcome::AlreadyBackedUp));
    assert!(h.http.is_empty(), "nothing uploaded");
}

#[test]
fn a_probe_that_matches_content_of_another_size_still_just_hashes_first() {
    // A false "probable" costs the hash before the upload, never a skipped file.
    let (mut h, id) = started(config(true), vec![]);
    local(&mut h, "probe");
    let probe = video().probe(probe_ranges(SIZE));
    answer_check(&mut h, &[], &[probe]);
    local(&mut h, "hash");
    answer_check(&mut h, &[], &[]);
    let (_, req) = h.expect(Method::Post);
    assert_eq!(meta(&req)["sha256"], video().sha(), "hashed first: declared at creation");
    assert_eq!(h.view(id).phase, Phase::Uploading);
}

#[test]
fn servers_without_probes_and_small_files_are_hashed_before_their_upload() {
    let (mut h, _) = started(config(false), vec![]);
    local(&mut h, "hash");
    let asked = answer_check(&mut h, &[], &[]);
    assert_eq!(asked.sha256, vec![video().sha()]);
    // A file under the threshold on a server with probes: hashed first too.
    let mut h = H::new(EngineSettings { chunk_size: Some(16 * MB), ..H::settings() });
    h.add(1, "Trip/clip.mp4", Content::Virtual { size: STREAM_HASH_BYTES - 1, digest: "cd".repeat(32) }, video_facts());
    h.handshake(config(true), options_bare());
    h.auto_local = false;
    h.start();
    h.drain();
    assert!(matches!(h.local.front(), Some(Action::Hash { .. })), "{:?}", h.local);
}

#[test]
fn a_check_that_fails_sends_the_probed_file_anyway_hashing_beside() {
    let (mut h, _) = started(config(true), vec![]);
    local(&mut h, "probe");
    let (c, _) = h.expect(Method::Post);
    h.answer(c, Ok(HttpResponse::new(500)));
    let (_, req) = h.expect(Method::Post);
    assert!(req.url == EP && !meta(&req).contains_key("sha256"));
}

#[test]
fn a_reload_resumes_a_streaming_upload_saved_before_its_hash() {
    let (mut h, _) = started(config(true), vec![]);
    local(&mut h, "probe");
    answer_check(&mut h, &[], &[]);
    create(&mut h, "u");
    patch_ok(&mut h, 0);
    let records: Vec<ResumeRecord> = h.store.values().cloned().collect();
    assert_eq!(records.len(), 1);
    // The next session: probed and checked again, then the saved upload goes on from the
    // server's offset (HEAD), hashed beside from the start.
    let (mut h, id) = started(config(true), records);
    local(&mut h, "probe");
    answer_check(&mut h, &[], &[]);
    let (hd, hr) = h.expect(Method::Head);
    assert_eq!(hr.url, "http://s.test/files/u");
    assert_eq!(h.hashes_asked, vec![id]);
    h.answer(hd, Ok(ok(200).with_header("Upload-Offset", &(16 * MB).to_string()).with_header("Upload-Length", &SIZE.to_string())));
    patch_ok(&mut h, 16 * MB);
    local(&mut h, "hash");
    let (_, r) = patch_ok(&mut h, 32 * MB);
    assert_eq!(r.header("Shoebox-Sha256"), Some(video().sha().as_str()));
    assert_eq!(h.view(id).outcome, Some(Outcome::Uploaded(None)));
}

#[test]
fn a_422_on_the_declared_hash_sends_the_file_once_more_declared_at_creation_then_fails() {
    let (mut h, id) = started(config(true), vec![]);
    local(&mut h, "probe");
    answer_check(&mut h, &[], &[]);
    create(&mut h, "u");
    local(&mut h, "hash");
    last_patch_refused(&mut h);
    // Hashed again: the same digest (the file is stable now) → a new upload, declared.
    local(&mut h, "hash");
    assert_eq!(answer_check(&mut h, &[], &[]).sha256, vec![video().sha()]);
    let (c, req) = h.expect(Method::Post);
    assert_eq!(meta(&req)["sha256"], video().sha());
    assert_eq!(h.view(id).outcome, None);
    h.answer(c, Ok(ok(201).with_header("Location", "http://s.test/files/v")));
    last_patch_refused(&mut h);
    local(&mut h, "hash");
    assert!(matches!(h.view(id).outcome, Some(Outcome::Failed(_))), "{:?}", h.view(id).outcome);
}

/// The first two chunks taken, the last refused with 422.
fn last_patch_refused(h: &mut H) {
    patch_ok(h, 0);
    patch_ok(h, 16 * MB);
    let (p, _) = h.expect(Method::Patch);
    h.answer(p, Ok(ok(422)));
}

/// The algorithm a PATCH's body is to be checksummed with (None: no `Upload-Checksum`).
fn chunk_checksum(r: &HttpRequest) -> Option<ChecksumAlgo> {
    match &r.body {
        Body::Slice { checksum, .. } => *checksum,
        other => panic!("PATCH without a slice body: {other:?}"),
    }
}

#[test]
fn chunks_go_without_checksums_while_the_hash_runs_beside_and_with_them_after() {
    let options = ok(204)
        .with_header("Tus-Version", "1.0.0")
        .with_header("Tus-Extension", "creation,creation-with-upload,termination,checksum")
        .with_header("Tus-Checksum-Algorithm", "crc32c,sha256");
    let mut h = H::new(EngineSettings { chunk_size: Some(16 * MB), ..H::settings() });
    let id = h.add(1, "Trip/clip.mp4", video(), video_facts());
    h.handshake(config(true), options);
    h.auto_local = false;
    h.start();
    local(&mut h, "probe");
    answer_check(&mut h, &[], &[]);
    create(&mut h, "u");
    // The hash is running: the first PATCH (in flight now) has no checksum, and no chunk is
    // digested ahead (it would read the bytes a second time or wait for the hash pass).
    h.drain();
    assert!(h.digests.is_empty(), "nothing digested ahead while the hash runs: {:?}", h.digests);
    local(&mut h, "hash");
    let (_, r) = patch_ok(&mut h, 0);
    assert_eq!(chunk_checksum(&r), None);
    // The hash is known: the next chunks carry crc32c again, and the last one declares it.
    let (_, r) = patch_ok(&mut h, 16 * MB);
    assert_eq!(chunk_checksum(&r), Some(ChecksumAlgo::Crc32c));
    assert!(r.header("Shoebox-Sha256").is_none());
    let (_, r) = patch_ok(&mut h, 32 * MB);
    assert_eq!(chunk_checksum(&r), Some(ChecksumAlgo::Crc32c));
    assert_eq!(r.header("Shoebox-Sha256"), Some(video().sha().as_str()));
    assert_eq!(h.view(id).outcome, Some(Outcome::Uploaded(None)));
}

#[test]
fn an_upload_created_before_its_hash_declares_it_at_the_end_after_a_reload_whatever_the_config_says() {
    let (mut h, _) = started(config(true), vec![]);
    local(&mut h, "probe");
    answer_check(&mut h, &[], &[]);
    create(&mut h, "u");
    local(&mut h, "hash");
    patch_ok(&mut h, 0);
    let records: Vec<ResumeRecord> = h.store.values().cloned().collect();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].upload_sha256, video().sha(), "saved with the hash known");
    assert!(records[0].declare_at_end, "created without sha256: declared at the end");
    // The next session's config no longer offers probes (or has not answered): the upload
    // still declares its SHA-256 on its last PATCH, the only check of its unchecked chunks.
    let (mut h, id) = started(config(false), records);
    h.auto_local = true;
    h.drain();
    if let Some((c, r)) = h.http.iter().find(|(_, r)| r.url.ends_with("/api/v1/media/check")).cloned() {
        h.http.retain(|(x, _)| *x != c);
        assert!(check_body(&r).sha256.contains(&video().sha()));
        let resp = shoebox_core::api::CheckResponse { present: vec![], probable: vec![] };
        h.answer(c, Ok(HttpResponse::new(200).with_body(&serde_json::to_string(&resp).unwrap())));
    }
    let (hd, hr) = h.expect(Method::Head);
    assert_eq!(hr.url, "http://s.test/files/u");
    h.answer(hd, Ok(ok(200).with_header("Upload-Offset", &(16 * MB).to_string()).with_header("Upload-Length", &SIZE.to_string())));
    let (_, r) = patch_ok(&mut h, 16 * MB);
    assert!(r.header("Shoebox-Sha256").is_none());
    let (_, r) = patch_ok(&mut h, 32 * MB);
    assert_eq!(r.header("Shoebox-Sha256"), Some(video().sha().as_str()));
    assert_eq!(h.view(id).outcome, Some(Outcome::Uploaded(None)));
}

#[test]
fn a_hash_beside_that_fails_fails_the_file_and_its_retry_hashes_it_whole_and_finishes() {
    let (mut h, id) = started(config(true), vec![]);
    local(&mut h, "probe");
    answer_check(&mut h, &[], &[]);
    create(&mut h, "u");
    h.drain();
    let a = h.local.pop_front().expect("the hash beside");
    assert!(matches!(a, Action::Hash { .. }));
    h.e.handle_hashed(id, Err(shoebox_core::failure::FailReason::Unreadable), h.now);
    h.drain();
    // The PATCH in flight may still answer; the file has failed either way.
    while let Some((p, _)) = h.http.pop_front() {
        h.answer(p, Ok(ok(204).with_header("Upload-Offset", &(16 * MB).to_string())));
    }
    h.drain();
    assert!(matches!(h.view(id).outcome, Some(Outcome::Failed(_))), "{:?}", h.view(id).outcome);
    // Retry: hashed whole this time; its answer must move the file on, not be taken for the
    // hash beside (the file would wait in "hashing" forever).
    h.e.retry_file(id, h.now);
    local(&mut h, "hash");
    h.auto_local = true;
    h.drain();
    for _ in 0..20 {
        let Some((c, r)) = h.http.pop_front() else { break };
        let resp = match r.method {
            Method::Post if r.url.ends_with("/api/v1/media/check") => HttpResponse::new(200).with_body(r#"{"present":[],"probable":[]}"#),
            Method::Post => ok(201).with_header("Location", "http://s.test/files/v"),
            Method::Head => ok(200).with_header("Upload-Offset", &(16 * MB).to_string()).with_header("Upload-Length", &SIZE.to_string()),
            Method::Patch => {
                let Body::Slice { end, .. } = r.body else { panic!() };
                ok(204).with_header("Upload-Offset", &end.to_string())
            }
            _ => ok(204),
        };
        h.answer(c, Ok(resp));
        h.drain();
    }
    assert_eq!(h.view(id).outcome, Some(Outcome::Uploaded(None)), "{:?}", h.view(id));
}
