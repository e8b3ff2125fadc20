//! Scripted-HTTP tests of a backup session, with virtual time: dedup checks, a plain tus
//! server, resume records across sessions, offline and metered, pause and resume, the plan.
mod engine_common;
use engine_common::script::*;
use engine_common::*;
use shoebox_core::engine::*;
use shoebox_core::facts::Outcome;

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
        let resp = shoebox_core::api::CheckResponse { present: req.sha256, probable: vec![] };
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

/// A shared computer: what one account backed up is not "already backed up" for another, in a
/// later session or after the settings switch accounts in the same page; the first account's
/// records still count for it.
#[test]
fn another_accounts_done_records_never_settle_a_file() {
    let (mut h, id) = one_file(small_chunks(), 500, options_bare());
    create(&mut h, "u");
    patch_ok(&mut h, 0);
    let records: Vec<ResumeRecord> = h.store.values().cloned().collect();
    let content = h.files[&id].content.clone();
    let bob = || EngineSettings { token: Some("bob-token".into()), ..small_chunks() };
    // A later session signed in as someone else: the file is hashed and sent.
    let mut h2 = H::new(bob());
    h2.e.load_resume_records(records.clone());
    let id2 = h2.add(1, "Holiday/a.jpg", content.clone(), photo_facts());
    h2.handshake(HttpResponse::new(404), options_bare());
    h2.start();
    assert_eq!(h2.hashes_asked, vec![id2], "not settled by the other account's record");
    let (_, r) = h2.expect(Method::Post);
    assert_eq!(r.url, EP, "uploaded for this account");
    // The same page, the account switched in the settings: the same.
    let mut h3 = H::new(small_chunks());
    h3.e.load_resume_records(records.clone());
    let now = h3.now;
    h3.e.set_settings(bob(), now);
    let id3 = h3.add(1, "Holiday/a.jpg", content.clone(), photo_facts());
    h3.handshake(HttpResponse::new(404), options_bare());
    h3.start();
    assert_eq!(h3.hashes_asked, vec![id3]);
    assert_ne!(h3.view(id3).outcome, Some(Outcome::AlreadyBackedUp));
    // Back to the first account: its record counts again, without a hash.
    let mut h4 = H::new(bob());
    h4.e.load_resume_records(records);
    let now = h4.now;
    h4.e.set_settings(small_chunks(), now);
    let id4 = h4.add(1, "Holiday/a.jpg", content, photo_facts());
    h4.handshake(HttpResponse::new(404), options_bare());
    h4.start();
    assert_eq!(h4.view(id4).outcome, Some(Outcome::AlreadyBackedUp));
    assert!(h4.hashes_asked.is_empty());
}

/// Another account while this one is in use means a fresh page (the driver reloads); a first
/// sign-in, a token being corrected after a refusal, or a change of anything else does not.
#[test]
fn switching_to_another_account_in_use_asks_for_a_fresh_page() {
    let bob = EngineSettings { token: Some("bob".into()), ..H::settings() };
    let mut h = H::new(H::settings());
    h.add(1, "A/a.jpg", Content::Bytes(bytes(10, 1)), photo_facts());
    h.handshake(config_json(true, 1000), options_bare());
    assert!(h.e.needs_fresh_page_for(&bob));
    assert!(h.e.needs_fresh_page_for(&EngineSettings { endpoint: "https://elsewhere.example/files/".into(), ..H::settings() }));
    assert!(!h.e.needs_fresh_page_for(&EngineSettings { strip_location: true, ..H::settings() }), "the same account");
    let first = H::new(EngineSettings { token: None, ..H::settings() });
    assert!(!first.e.needs_fresh_page_for(&bob), "a first sign-in keeps what was chosen");
    // A token the server refused: correcting it keeps the batch too.
    let mut typo = H::new(H::settings());
    typo.add(1, "A/a.jpg", Content::Bytes(bytes(10, 1)), photo_facts());
    typo.handshake(HttpResponse::new(401), options_bare());
    assert!(!typo.e.needs_fresh_page_for(&bob));
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
    assert_eq!(h2.e.status(), Status::ContinueBackup { remaining: 1, archives: vec![] });
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
    assert_eq!(h.e.status(), Status::WaitingForConnection { running: true });
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
