//! Library thumbnails, decided by the engine: a photo uploaded to a Shoebox server gets one
//! Thumbnail action (upright size, long side 256, from the downsized copy when there is one,
//! asked before that copy is dropped, a PUT beside the media), a video one for its poster (its
//! frame's shape); files already backed up and plain tus servers (no library) get none.
mod engine_common;
use engine_common::script::small_chunks;
use engine_common::*;
use shoebox_core::engine::*;
use shoebox_core::facts::Outcome;

fn facts(w: u32, h: u32, orientation: u8) -> shoebox_core::facts::FileFacts {
    let mut f = photo_facts();
    f.width = Some(w);
    f.height = Some(h);
    f.orientation = Some(orientation);
    f
}

#[test]
fn the_size_is_upright_with_a_long_side_of_256_and_never_enlarged() {
    assert_eq!(thumb_size(4000, 3000, Some(1)), Some((256, 192)));
    assert_eq!(thumb_size(4000, 3000, None), Some((256, 192)));
    // Orientation 6 (a portrait shot held sideways): the upright picture is 3000 x 4000.
    assert_eq!(thumb_size(4000, 3000, Some(6)), Some((192, 256)));
    assert_eq!(thumb_size(4000, 3000, Some(8)), Some((192, 256)));
    assert_eq!(thumb_size(4000, 3000, Some(3)), Some((256, 192)));
    assert_eq!(thumb_size(200, 100, Some(1)), Some((200, 100)));
    assert_eq!(thumb_size(200_000, 1, Some(1)), Some((256, 1)));
    assert_eq!(thumb_size(0, 100, Some(1)), None);
}

#[test]
fn an_uploaded_photo_gets_one_thumbnail_put_beside_its_media() {
    let mut h = H::new(small_chunks());
    let mut srv = FakeTus::new();
    let a = h.add(1, "Trip/a.jpg", Content::Bytes(bytes(2500, 1)), facts(4000, 3000, 6));
    let v = h.add(2, "Trip/clip.mp4", Content::Bytes(bytes(900, 2)), video_facts());
    serve(&mut h, &mut srv);
    h.start();
    serve(&mut h, &mut srv);
    assert_eq!(h.e.status(), Status::Complete { uploaded: 2, already: 0, skipped: 0, failed: 0 });
    assert_eq!(h.thumbnails.len(), 2, "the photo and the video");
    let (file, source, w, hh, req) = h.thumbnails.iter().find(|t| t.0 == a).unwrap();
    assert_eq!((*file, *source, *w, *hh), (a, Source::Original, 192, 256));
    assert_eq!(req.method, Method::Put);
    assert_eq!(req.url, format!("http://s.test/api/v1/media/{}/thumb", h.files[&a].content.sha()));
    assert_eq!(req.header("Authorization"), Some("Bearer tok"));
    assert_eq!(req.header("Content-Type"), Some("image/jpeg"));
    assert_eq!(req.body, Body::Empty, "the driver puts the thumbnail in");
    let (_, _, vw, vh, vreq) = h.thumbnails.iter().find(|t| t.0 == v).unwrap();
    assert_eq!((*vw, *vh), (0, 0), "a video's poster takes its frame's shape");
    assert!(vreq.url.ends_with(&format!("/api/v1/media/{}/thumb", h.files[&v].content.sha())));

    // The same photo again: already backed up, no second thumbnail.
    let now = h.now;
    h.e.walk_started(now);
    h.add(3, "Card/a copy.jpg", Content::Bytes(bytes(2500, 1)), facts(4000, 3000, 6));
    let now = h.now;
    h.e.walk_ended(now);
    serve(&mut h, &mut srv);
    h.start();
    serve(&mut h, &mut srv);
    assert_eq!(h.view(FileId(3)).outcome, Some(Outcome::AlreadyBackedUp));
    assert_eq!(h.thumbnails.len(), 2);
}

#[test]
fn a_downsized_photo_thumbnails_its_smaller_copy_before_the_copy_is_dropped() {
    let mut h = H::new(EngineSettings { quality: shoebox_core::limits::Quality::High, ..small_chunks() });
    let mut srv = FakeTus::new();
    let id = h.add(1, "P/big.jpg", Content::Bytes(bytes(5000, 3)), facts(6000, 4000, 1));
    h.files.get_mut(&id).unwrap().prepared = Some(Content::Bytes(bytes(1500, 4)));
    serve(&mut h, &mut srv);
    h.start();
    serve(&mut h, &mut srv);
    assert_eq!(h.dropped_prepared, vec![id]);
    let (_, source, w, hh, req) = &h.thumbnails[0];
    assert_eq!((*source, *w, *hh), (Source::Prepared, 256, 171));
    assert!(req.url.ends_with(&format!("/api/v1/media/{}/thumb", h.files[&id].prepared.as_ref().unwrap().sha())), "the stored media's sha");
}

#[test]
fn a_plain_tus_server_has_no_library_so_no_thumbnails() {
    let mut h = H::new(small_chunks());
    h.add(1, "Holiday/a.jpg", Content::Bytes(bytes(500, 1)), photo_facts());
    h.handshake(HttpResponse::new(404), options_bare());
    h.start();
    let (c, _) = h.expect(Method::Post);
    h.answer(c, Ok(ok(201).with_header("Location", "u")));
    let (p, _) = h.expect(Method::Patch);
    h.answer(p, Ok(ok(204).with_header("Upload-Offset", "500")));
    assert_eq!(h.e.status(), Status::Complete { uploaded: 1, already: 0, skipped: 0, failed: 0 });
    assert!(h.thumbnails.is_empty());
}

#[test]
fn a_thumbnail_waits_while_files_wait_to_be_hashed_or_uploaded() {
    let mut h = H::new(EngineSettings { creation_with_upload_max: 1 << 20, ..H::settings() });
    h.e.set_workers(1, 1);
    let mut srv = FakeTus::new();
    h.add(1, "Trip/a.jpg", Content::Bytes(bytes(2500, 1)), facts(4000, 3000, 1));
    h.add(2, "Trip/b.jpg", Content::Bytes(bytes(2500, 2)), facts(4000, 3000, 1));
    // A large file still to hash after the first two are uploaded.
    h.add(3, "Trip/c.mp4", Content::Virtual { size: 2 << 20, digest: "cd".repeat(32) }, video_facts());
    serve(&mut h, &mut srv);
    h.auto_local = false;
    h.start();
    // Hash 1 and 2 (small, at once), upload them; 3 waits for the worker.
    for _ in 0..2 {
        let a = h.local.pop_front().unwrap();
        h.answer_local(a);
    }
    h.drain();
    while let Some((req, r)) = h.http.pop_front() {
        let body = h.body_bytes(&r.body);
        let resp = srv.handle(&r, body, None).unwrap();
        h.answer(req, Ok(resp));
    }
    assert!(h.e.file_view(FileId(1)).unwrap().outcome.is_some() && h.e.file_view(FileId(2)).unwrap().outcome.is_some());
    assert!(h.thumbnails.is_empty(), "held back while file 3 needs the worker");
    let a = h.local.pop_front().unwrap();
    assert!(matches!(a, Action::Hash { file: FileId(3) }));
    h.answer_local(a);
    h.drain();
    assert!(h.thumbnails.is_empty(), "held back while file 3 uploads");
    serve(&mut h, &mut srv);
    assert_eq!(h.e.status(), Status::Complete { uploaded: 3, already: 0, skipped: 0, failed: 0 });
    assert_eq!(h.thumbnails.iter().map(|t| t.0 .0).collect::<Vec<_>>(), vec![1, 2, 3], "asked once nothing waits for them");
}

#[test]
fn held_thumbnails_go_one_per_hash_worker_and_stop_when_files_need_the_workers_again() {
    let mut h = H::new(EngineSettings { creation_with_upload_max: 1 << 20, ..H::settings() });
    h.e.set_workers(2, 1);
    h.auto_thumbs = false;
    let mut srv = FakeTus::new();
    for i in 1..=6u64 {
        h.add(i, &format!("Trip/{i}.jpg"), Content::Bytes(bytes(2500, i as u8)), facts(4000, 3000, 1));
    }
    serve(&mut h, &mut srv);
    h.start();
    serve(&mut h, &mut srv);
    assert_eq!(h.e.status(), Status::Complete { uploaded: 6, already: 0, skipped: 0, failed: 0 });
    // Idle now: two asked (one per hash worker), not six.
    assert_eq!(h.thumbnails.len(), 2, "one per hash worker at a time");
    // One answered: the next goes.
    let done = h.thumbs_open.pop_front().unwrap();
    h.e.handle_thumbnail_done(done, h.now);
    h.drain();
    assert_eq!(h.thumbnails.len(), 3);
    // A new file needs a worker: answers release nothing until it is hashed and sent.
    h.auto_local = false;
    h.add(7, "Trip/7.jpg", Content::Bytes(bytes(2500, 7)), facts(4000, 3000, 1));
    h.drain();
    h.start();
    h.drain();
    assert!(h.local.iter().any(|a| matches!(a, Action::Inspect { file: FileId(7) })), "file 7 is being inspected: {:?}", h.local);
    while let Some(done) = h.thumbs_open.pop_front() {
        h.e.handle_thumbnail_done(done, h.now);
    }
    h.drain();
    assert_eq!(h.thumbnails.len(), 3, "held while file 7 is inspected");
    // Inspected, then waiting for its hash: still held.
    let a = h.local.pop_front().unwrap();
    h.answer_local(a);
    h.drain();
    assert!(h.local.iter().any(|a| matches!(a, Action::Hash { file: FileId(7) })), "file 7 is being hashed: {:?}", h.local);
    assert_eq!(h.thumbnails.len(), 3, "held while file 7 is hashed");
    h.auto_local = true;
    h.auto_thumbs = true;
    while let Some(a) = h.local.pop_front() {
        h.answer_local(a);
    }
    serve(&mut h, &mut srv);
    let mut asked: Vec<u64> = h.thumbnails.iter().map(|t| t.0 .0).collect();
    asked.sort();
    assert_eq!(asked, (1..=7).collect::<Vec<_>>(), "every upload's thumbnail, once");
}
