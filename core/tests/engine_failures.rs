//! Scripted-HTTP tests of how the engine meets failures, with virtual time: gone uploads,
//! backoff and Retry-After, 4xx, sign-in, 413, stalls, attempts, cancel.
mod engine_common;
use engine_common::script::*;
use engine_common::*;
use shoebox_core::engine::*;
use shoebox_core::facts::{Outcome, SkipReason};
use shoebox_core::failure::FailReason;

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
        Some(Outcome::Failed(FailReason::ServerSaid { status: 400, code: None, detail })) => assert_eq!(detail, "invalid metadata"),
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
    // The server did not say its limit: the skip names the size alone.
    assert_eq!(h.view(id).outcome, Some(Outcome::Skipped(SkipReason::OverSizeLimit { size: 500, limit: None })));
    assert_eq!(h.e.status(), Status::Complete { uploaded: 0, already: 0, skipped: 1, failed: 0 });
    // Tus-Max-Size from OPTIONS skips before sending anything.
    let opts = options_bare().with_header("Tus-Max-Size", "100");
    let (mut h, id) = one_file(small_chunks(), 500, opts);
    h.drain();
    assert!(h.http.is_empty());
    assert_eq!(h.view(id).outcome, Some(Outcome::Skipped(SkipReason::OverSizeLimit { size: 500, limit: Some(100) })));
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
        Some(Outcome::Failed(FailReason::ServerSaid { status: 503, code: None, detail })) => assert!(detail.contains("busy"), "{detail}"),
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
    assert_eq!(h.view(id).outcome, Some(Outcome::Failed(FailReason::Cancelled)));
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
fn a_tus_refusal_keeps_shoeboxs_code_from_its_header_and_the_servers_own_text() {
    let (mut h, id) = one_file(small_chunks(), 500, options_bare());
    let (c, _) = h.expect(Method::Post);
    h.answer(c, Ok(ok(400).with_header("Shoebox-Error", "bad_request").with_body("Upload-Length must be a number")));
    let code = Some(shoebox_core::api::ApiErrorCode::BadRequest);
    assert_eq!(
        h.view(id).outcome,
        Some(Outcome::Failed(FailReason::ServerSaid { status: 400, code, detail: "Upload-Length must be a number".into() }))
    );
}

#[test]
fn a_refusal_without_a_body_is_just_its_status() {
    let (mut h, id) = one_file(small_chunks(), 500, options_bare());
    let (c, _) = h.expect(Method::Post);
    h.answer(c, Ok(ok(400)));
    assert_eq!(h.view(id).outcome, Some(Outcome::Failed(FailReason::ServerAnswered { status: 400 })));
}
