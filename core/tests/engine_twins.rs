//! Files with the same bytes in one batch (a Takeout photo in its year folder and its album,
//! a card copied twice): the bytes go to the server once. A twin waits while the other holds
//! an upload slot, the files behind it go on, and its creation then carries no body.
mod engine_common;
use engine_common::*;
use shoebox_core::engine::*;
use shoebox_core::facts::Outcome;

fn digest(n: u64) -> String {
    format!("{n:064x}")
}

fn file(id: u64, path: &str, size: u64, n: u64) -> (u64, String, Content, shoebox_core::facts::FileFacts) {
    (id, path.to_string(), Content::Virtual { size, digest: digest(n) }, photo_facts())
}

/// The file a POST or PATCH carries the bytes of; None for a body-less creation.
fn body_file(r: &HttpRequest) -> Option<FileId> {
    match r.body {
        Body::Slice { file, .. } => Some(file),
        _ => None,
    }
}

#[test]
fn a_small_twin_waits_and_its_creation_carries_no_body() {
    let mut h = H::new(EngineSettings { parallel_uploads: 2, ..H::settings() });
    h.add_many(vec![
        file(1, "Takeout/Photos from 2019/IMG_1.jpg", 100_000, 1),
        file(2, "Takeout/Lyon 2019/IMG_1.jpg", 100_000, 1),
        file(3, "Takeout/Photos from 2019/IMG_2.jpg", 100_000, 2),
    ]);
    h.handshake(config_json(true, 8 << 20), options_full());
    h.start();
    // The server has none of them.
    while let Some(i) = h.http.iter().position(|(_, r)| r.url.ends_with("/api/v1/media/check")) {
        let (c, _) = h.http.remove(i).unwrap();
        h.answer(c, Ok(ok(200).with_body(r#"{"present":[],"probable":[]}"#)));
    }
    let posts: Vec<_> = h.http.iter().filter(|(_, r)| r.method == Method::Post).map(|(c, r)| (*c, body_file(r))).collect();
    assert_eq!(
        posts.iter().map(|p| p.1).collect::<Vec<_>>(),
        vec![Some(FileId(1)), Some(FileId(3))],
        "the twin waits, the file behind it goes"
    );
    h.http.retain(|(c, _)| *c != posts[0].0);
    h.answer(posts[0].0, Ok(ok(201).with_header("Location", "u1").with_header("Upload-Offset", "100000")));
    assert_eq!(h.view(FileId(1)).outcome, Some(Outcome::Uploaded(None)));
    let (c, r) = h
        .http
        .iter()
        .find(|(_, r)| r.method == Method::Post && meta(r).get("filename").is_some_and(|n| n == "IMG_1.jpg"))
        .cloned()
        .expect("the twin's creation");
    assert_eq!(r.body, Body::Empty, "the server holds these bytes: none are sent again");
    assert_eq!(meta(&r).get("sha256"), Some(&digest(1)));
    h.http.retain(|(k, _)| *k != c);
    h.answer(c, Ok(ok(201).with_header("Location", "u2").with_header("Upload-Offset", "100000").with_header("Upload-Duplicate", "?1")));
    assert_eq!(h.view(FileId(2)).outcome, Some(Outcome::AlreadyBackedUp));
}

#[test]
fn large_twins_send_their_bytes_once_with_requests_answered_out_of_order() {
    let mb = 1 << 20;
    let mut h = H::new(EngineSettings { parallel_uploads: 3, chunk_size: Some(mb), ..H::settings() });
    h.add_many(vec![file(1, "A/big.mov", 5 * mb, 7), file(2, "B/big.mov", 5 * mb, 7), file(3, "A/other.mov", 5 * mb, 8)]);
    let mut srv = FakeTus::new();
    srv.keep_bytes = false;
    h.start();
    let mut k = 0usize;
    h.run(
        &mut srv,
        |_| Fault::None,
        |n| {
            k += 5;
            k % n.max(1)
        },
        5,
        100_000,
    );
    assert_eq!(h.e.status(), Status::Complete { uploaded: 2, already: 1, skipped: 0, failed: 0 });
    assert_eq!(srv.received, 10 * mb, "the twin's bytes went once");
}

#[test]
fn a_twin_whose_other_failed_uploads_itself() {
    let mut h = H::new(EngineSettings { parallel_uploads: 2, ..H::settings() });
    h.add_many(vec![file(1, "A/x.jpg", 300_000, 4), file(2, "B/y.jpg", 300_000, 4)]);
    let mut srv = FakeTus::new();
    srv.keep_bytes = false;
    h.start();
    let refused = |r: &HttpRequest| r.method == Method::Post && meta(r).get("filename").is_some_and(|n| n == "x.jpg");
    h.run(&mut srv, |r| if refused(r) { Fault::Status(400) } else { Fault::None }, |_| 0, 5, 10_000);
    assert_eq!(h.e.status(), Status::Complete { uploaded: 1, already: 0, skipped: 0, failed: 1 });
    assert_eq!(h.view(FileId(2)).outcome, Some(Outcome::Uploaded(None)));
    assert_eq!(srv.received, 300_000);
}

#[test]
fn large_twins_known_by_their_probe_send_their_bytes_once() {
    let mb = 1 << 20;
    let mut h = H::new(EngineSettings { parallel_uploads: 3, chunk_size: Some(8 * mb), ..H::settings() });
    h.add_many(vec![file(1, "A/clip.mp4", 40 * mb, 9), file(2, "B/clip.mp4", 40 * mb, 9), file(3, "A/else.mp4", 40 * mb, 10)]);
    let mut srv = FakeTus::new();
    (srv.keep_bytes, srv.probe) = (false, true);
    h.start();
    serve(&mut h, &mut srv);
    assert_eq!(h.e.status(), Status::Complete { uploaded: 2, already: 1, skipped: 0, failed: 0 });
    assert_eq!(srv.received, 80 * mb, "the twin's bytes went once");
    assert_eq!(h.probes_asked.len(), 3, "all three were probed first");
}

#[test]
fn a_server_that_does_not_deduplicate_gets_both_twins_at_once() {
    let mut h = H::new(EngineSettings { parallel_uploads: 2, ..H::settings() });
    h.add_many(vec![file(1, "A/x.jpg", 100_000, 3), file(2, "B/x.jpg", 100_000, 3)]);
    h.handshake(HttpResponse::new(404), options_full());
    h.start();
    h.drain();
    let bodies: Vec<_> = h.http.iter().filter(|(_, r)| r.method == Method::Post).map(|(_, r)| body_file(r)).collect();
    assert_eq!(bodies, vec![Some(FileId(1)), Some(FileId(2))], "both go, each with its bytes");
}

/// Serves requests against `srv` until `stop` holds (or nothing is left to do).
fn serve_until(h: &mut H, srv: &mut FakeTus, stop: impl Fn(&FakeTus) -> bool) {
    for _ in 0..10_000 {
        h.drain();
        if stop(srv) {
            return;
        }
        let Some((req, r)) = h.http.pop_front() else {
            if h.fire_next_timer().is_none() {
                return;
            }
            continue;
        };
        let body = h.body_bytes(&r.body);
        let (len, now) = (r.body.slice_len(), h.now);
        if len > 0 {
            h.e.handle_progress(req, len, now);
        }
        let resp = srv.handle(&r, body, None).unwrap();
        h.e.handle_response(req, Ok(resp), now);
    }
}

#[test]
fn after_a_reload_a_resumed_copy_and_a_probed_copy_send_their_bytes_once() {
    let mb = 1 << 20;
    let settings = || EngineSettings { parallel_uploads: 3, chunk_size: Some(8 * mb), ..H::settings() };
    let mut srv = FakeTus::new();
    (srv.keep_bytes, srv.probe) = (false, true);
    // The first page: one copy is part sent when the page goes.
    let mut h = H::new(settings());
    h.add_many(vec![file(1, "Clips/Two/clip.mp4", 40 * mb, 9)]);
    h.start();
    serve_until(&mut h, &mut srv, |s| s.received >= 8 * mb);
    let records: Vec<_> = h.store.values().cloned().collect();
    assert!(records.iter().any(|r| !r.done), "an unfinished upload is remembered: {records:?}");
    // The reloaded page: that copy resumes (its digest from the record), the other is probed.
    let mut h = H::new(settings());
    h.e.load_resume_records(records);
    h.add_many(vec![file(2, "Clips/One/clip.mp4", 40 * mb, 9), file(1, "Clips/Two/clip.mp4", 40 * mb, 9)]);
    h.start();
    serve(&mut h, &mut srv);
    assert_eq!(h.e.status(), Status::Complete { uploaded: 1, already: 1, skipped: 0, failed: 0 });
    assert_eq!(srv.received, 40 * mb, "the bytes went once in all");
}
