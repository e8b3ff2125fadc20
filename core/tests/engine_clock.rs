//! What the clock alone changes on screen, and what the handshake decides: the retry
//! countdown and the ETA tick from the engine (virtual time); an endpoint that cannot be
//! reached is "Waiting for connection", not a plain tus server; the chunk checksum uses an
//! algorithm both sides can do, or none.
mod engine_common;
use engine_common::*;
use shoebox_core::engine::*;
use shoebox_core::facts::Outcome;

fn settings() -> EngineSettings {
    EngineSettings { chunk_size: Some(1000), creation_with_upload_max: 0, max_attempts: 30, ..H::settings() }
}

fn started_one(size: usize, options: HttpResponse) -> (H, FileId) {
    let mut h = H::new(settings());
    let id = h.add(1, "A/a.jpg", Content::Bytes(bytes(size, 1)), photo_facts());
    h.handshake(HttpResponse::new(404), options);
    h.start();
    (h, id)
}

fn in_s(h: &H, id: FileId) -> Option<u64> {
    match h.view(id).phase {
        Phase::Retrying { in_s, .. } => Some(in_s),
        _ => None,
    }
}

#[test]
fn a_30_second_backoff_counts_down_every_second_from_the_engine() {
    let (mut h, id) = started_one(500, options_bare());
    let (c, _) = h.expect(Method::Post);
    let t0 = h.now;
    h.answer(c, Ok(ok(503).with_header("Retry-After", "30")));
    let Phase::Retrying { at_ms, in_s: first } = h.view(id).phase else { panic!("{:?}", h.view(id).phase) };
    assert!(at_ms - t0 >= 30_000);
    assert_eq!(first, (at_ms - t0).div_ceil(1000));
    let mut seen = vec![first];
    h.events.clear();
    // Follow the wake-ups the engine asks for, as the driver's single timer does.
    while h.http.is_empty() {
        let next = h.e.poll_timeout().expect("a wake-up while the countdown shows");
        assert!(next - h.now <= 1000, "at most a second between wake-ups, got {} ms", next - h.now);
        let before = h.events.len();
        h.fire_next_timer();
        if let Some(s) = in_s(&h, id) {
            if seen.last() != Some(&s) {
                assert!(h.events[before..].contains(&Event::FileChanged { id }), "the row is republished when its countdown moves");
                seen.push(s);
            }
        }
    }
    assert!(h.now >= at_ms);
    let expected: Vec<u64> = (1..=first).rev().collect();
    assert_eq!(seen, expected, "every second shown, in order");
    let (c, _) = h.expect(Method::Post);
    h.answer(c, Ok(ok(201).with_header("Location", "u")));
}

#[test]
fn the_eta_is_refreshed_each_second_while_uploading_and_nothing_ticks_when_idle() {
    let (mut h, id) = started_one(5000, options_bare());
    let (c, _) = h.expect(Method::Post);
    h.answer(c, Ok(ok(201).with_header("Location", "u")));
    let (p, _) = h.expect(Method::Patch);
    let mut ticks = 0;
    for i in 1..=5 {
        assert!(h.e.poll_timeout().unwrap() <= h.now + 1000);
        let before = h.events.len();
        h.advance(400);
        ticks += h.events[before..].iter().filter(|e| **e == Event::TotalsChanged).count();
        h.progress(p, 150 * i);
    }
    assert!(ticks >= 2, "the totals (speed, ETA) are republished by the clock: {ticks}");
    assert!(h.e.poll_timeout().unwrap() <= h.now + 1000);
    h.answer(p, Ok(ok(204).with_header("Upload-Offset", "1000")));
    let mut srv = FakeTus::new();
    srv.uploads.insert(format!("{EP}u"), Stored { len: 5000, offset: 1000, data: bytes(5000, 1)[..1000].to_vec(), ..Default::default() });
    h.run(&mut srv, |_| Fault::None, |_| 0, 10, 1000);
    assert_eq!(h.view(id).outcome, Some(Outcome::Uploaded(None)));
    // Complete: only stale timers may remain; firing them asks for no further tick.
    while h.fire_next_timer().is_some() {}
    assert_eq!(h.e.poll_timeout(), None);
}

#[test]
fn an_unreachable_endpoint_is_waiting_for_connection_and_dedup_comes_back_with_it() {
    let mut h = H::new(settings());
    h.add(1, "A/a.jpg", Content::Bytes(bytes(500, 1)), photo_facts());
    let (c, _) = h.expect(Method::Get);
    let (o, _) = h.expect(Method::Options);
    h.answer(c, Err(NetError::Other("connection refused".into())));
    h.answer(o, Err(NetError::Other("connection refused".into())));
    h.start();
    assert_eq!(h.e.status(), Status::WaitingForConnection { running: true });
    assert_eq!(h.e.server_config(), None);
    // Asked again later (not treated as a plain tus server for the rest of the session).
    h.run_until_request();
    let (c, cr) = h.expect(Method::Get);
    assert!(cr.url.ends_with("/api/v1/config"));
    let (o, _) = h.expect(Method::Options);
    h.answer(c, Ok(config_json(true, 1000)));
    h.answer(o, Ok(options_full()));
    assert!(h.e.server_config().is_some_and(|c| c.dedup), "dedup is on once the server answers");
    let (chk, r) = h.expect(Method::Post);
    assert!(r.url.ends_with("/api/v1/media/check"), "{}", r.url);
    h.answer(chk, Ok(HttpResponse::new(200).with_body(r#"{"present":[]}"#)));
    assert!(matches!(h.e.status(), Status::BackingUp { .. }));
}

#[test]
fn a_reachable_tus_server_without_our_api_is_a_plain_tus_server() {
    let mut h = H::new(settings());
    h.add(1, "A/a.jpg", Content::Bytes(bytes(500, 1)), photo_facts());
    let (c, _) = h.expect(Method::Get);
    let (o, _) = h.expect(Method::Options);
    // A CORS refusal of the config looks like a network error; OPTIONS answers.
    h.answer(c, Err(NetError::Other("the connection failed".into())));
    h.answer(o, Ok(options_bare()));
    assert_eq!(h.e.status(), Status::ReadyToBackUp { count: 1 });
    h.start();
    let (_, r) = h.expect(Method::Post);
    assert_eq!(r.url, EP, "straight to creation, no dedup check");
}

fn options_with(algos: &str) -> HttpResponse {
    HttpResponse::new(204).with_header("Tus-Extension", "creation,checksum").with_header("Tus-Checksum-Algorithm", algos)
}

fn first_patch_checksum(h: &mut H) -> Option<ChecksumAlgo> {
    let (c, _) = h.expect(Method::Post);
    h.answer(c, Ok(ok(201).with_header("Location", "u")));
    let (_, r) = h.expect(Method::Patch);
    let Body::Slice { checksum, .. } = r.body else { panic!() };
    checksum
}

#[test]
fn chunk_checksums_use_an_algorithm_both_sides_can_compute_or_none() {
    let (mut h, _) = started_one(500, options_with("sha1"));
    assert_eq!(first_patch_checksum(&mut h), Some(ChecksumAlgo::Sha1));
    let (mut h, _) = started_one(500, options_with("crc32,md5"));
    assert_eq!(first_patch_checksum(&mut h), None, "md5 only when the driver says it can");
    let mut h = H::new(settings());
    h.e.set_checksum_support(&[ChecksumAlgo::Sha256, ChecksumAlgo::Sha1, ChecksumAlgo::Md5]);
    h.add(1, "A/a.jpg", Content::Bytes(bytes(500, 1)), photo_facts());
    h.handshake(HttpResponse::new(404), options_with("crc32,md5"));
    h.start();
    assert_eq!(first_patch_checksum(&mut h), Some(ChecksumAlgo::Md5));
    // Shoebox's own server with a driver that cannot compute crc32c: the best of the rest.
    let mut h = H::new(settings());
    h.e.set_checksum_support(&[ChecksumAlgo::Sha256, ChecksumAlgo::Sha1, ChecksumAlgo::Md5]);
    h.add(1, "A/a.jpg", Content::Bytes(bytes(500, 1)), photo_facts());
    h.handshake(HttpResponse::new(404), options_with("crc32c,sha1,sha256,md5"));
    h.start();
    assert_eq!(first_patch_checksum(&mut h), Some(ChecksumAlgo::Sha256));
    // Offered only what the driver cannot compute: the file is still uploaded, unchecksummed.
    let mut h = H::new(settings());
    h.e.set_checksum_support(&[ChecksumAlgo::Sha256]);
    let id = h.add(1, "A/a.jpg", Content::Bytes(bytes(500, 1)), photo_facts());
    h.handshake(HttpResponse::new(404), options_with("sha1"));
    h.start();
    let (c, _) = h.expect(Method::Post);
    h.answer(c, Ok(ok(201).with_header("Location", "u")));
    let (p, r) = h.expect(Method::Patch);
    assert!(matches!(r.body, Body::Slice { checksum: None, .. }));
    assert_eq!(r.header("Upload-Checksum"), None);
    h.answer(p, Ok(ok(204).with_header("Upload-Offset", "500")));
    assert_eq!(h.view(id).outcome, Some(Outcome::Uploaded(None)));
}

#[test]
fn a_new_token_starts_the_handshake_again_and_an_old_answer_does_not_count() {
    // A kiosk asks the server before its visitor session exists: config answers 401.
    let mut h = H::new(EngineSettings { token: None, ..settings() });
    h.add(1, "A/a.jpg", Content::Bytes(bytes(500, 1)), photo_facts());
    let (c, _) = h.expect(Method::Get);
    let (o, _) = h.expect(Method::Options);
    h.answer(o, Ok(options_bare()));
    // The visitor's token arrives while that config request is still out.
    let now = h.now;
    h.e.set_settings(settings(), now);
    h.drain();
    assert!(h.aborted.contains(&c), "the old config request is abandoned");
    h.answer(c, Ok(HttpResponse::new(401)));
    assert_ne!(h.e.status(), Status::SignInNeeded, "a late 401 for the old token does not count");
    let (c2, r) = h.expect(Method::Get);
    assert_eq!(r.header("Authorization"), Some("Bearer tok"));
    h.answer(c2, Ok(config_json(true, 1000)));
    assert!(h.e.server_config().is_some());
}

#[test]
fn storage_full_at_creation_holds_new_uploads_without_failing_files_and_tries_again_later() {
    let mut h = H::new(settings());
    h.add(1, "A/a.jpg", Content::Bytes(bytes(500, 1)), photo_facts());
    h.add(2, "A/b.jpg", Content::Bytes(bytes(500, 2)), photo_facts());
    h.handshake(HttpResponse::new(404), options_bare());
    h.start();
    let (c1, _) = h.expect(Method::Post);
    let (c2, _) = h.expect(Method::Post);
    h.answer(c1, Ok(ok(507).with_body("storage is full: 900 of 1000 bytes used")));
    assert_eq!(h.e.status(), Status::StorageFull);
    assert!(h.view(FileId(1)).outcome.is_none() && h.view(FileId(1)).attempts == 0, "no file fails for it");
    // The upload the server already took goes on and completes.
    h.answer(c2, Ok(ok(201).with_header("Location", "u2")));
    let (p, _) = h.expect(Method::Patch);
    h.answer(p, Ok(ok(204).with_header("Upload-Offset", "500")));
    assert!(matches!(h.view(FileId(2)).outcome, Some(shoebox_core::facts::Outcome::Uploaded(_))));
    assert!(h.http.is_empty(), "no new upload is created while full");
    assert_eq!(h.e.status(), Status::StorageFull);
    // Some minutes later the engine tries again by itself.
    h.run_until_request();
    let (_, r) = h.expect(Method::Post);
    assert_eq!(r.url, EP);
    assert!(matches!(h.e.status(), Status::BackingUp { .. }));
}
