//! The plan comes from names and sizes first and inspection corrects it afterwards (a plan
//! for a very large folder cannot wait for every file's content to be read). These tests hold
//! inspections back (`auto_local = false`) to see the plan before and after them.
mod engine_common;
use engine_common::*;
use shoebox_core::engine::*;
use shoebox_core::facts::{FileFacts, MediaKind, Outcome, SkipReason};
use shoebox_core::limits::Quality;

fn big_photo() -> FileFacts {
    FileFacts { width: Some(6000), height: Some(4000), ..photo_facts() }
}

fn jpeg_named_txt() -> FileFacts {
    photo_facts()
}

/// A plan of five files whose inspections are held back.
fn held_plan(quality: Quality) -> H {
    let mut h = H::new(EngineSettings { quality, creation_with_upload_max: 0, ..H::settings() });
    h.auto_local = false;
    h.add(1, "F/a.jpg", Content::Bytes(bytes(10, 1)), photo_facts());
    h.add(2, "F/big.jpg", Content::Bytes(bytes(10, 2)), big_photo());
    h.add(3, "F/notes.jpg", Content::Bytes(bytes(10, 3)), FileFacts::other());
    h.add(4, "F/clip.mov", Content::Bytes(bytes(10, 4)), video_facts());
    h.add(5, "F/really-a-photo.txt", Content::Bytes(bytes(10, 5)), jpeg_named_txt());
    h.handshake(config_json(false, 1000), options_bare());
    h
}

fn inspect_all(h: &mut H) {
    while let Some(a) = h.local.pop_front() {
        h.answer_local(a);
        h.drain();
    }
}

#[test]
fn the_plan_is_ready_from_names_and_sizes_before_any_inspection() {
    let mut h = held_plan(Quality::High);
    assert_eq!(h.local.iter().filter(|a| matches!(a, Action::Inspect { .. })).count(), 5);
    assert_eq!(h.e.status(), Status::ReadyToBackUp { count: 4 });
    let t = h.e.totals();
    assert_eq!((t.files, t.inspected, t.photos, t.videos, t.to_downsize, t.skipped.not_media), (5, 0, 3, 1, 0, 1));
    assert_eq!(h.view(FileId(1)).phase, Phase::Inspecting);
    // A provisional skip is a decision, not an outcome: the content may still say otherwise.
    assert_eq!(h.view(FileId(5)).outcome, None);
    assert_eq!(h.view(FileId(5)).decision, Some(shoebox_core::facts::Decision::Skip(SkipReason::NotMedia)));

    inspect_all(&mut h);
    let t = h.e.totals();
    // notes.jpg is text, really-a-photo.txt is a JPEG, big.jpg is over 16 MP.
    assert_eq!((t.inspected, t.photos, t.videos, t.to_downsize, t.skipped.not_media), (5, 3, 1, 1, 1));
    assert_eq!(h.e.status(), Status::ReadyToBackUp { count: 4 });
    assert_eq!(h.view(FileId(3)).outcome, Some(Outcome::Skipped(SkipReason::NotMedia)));
    assert_eq!(h.view(FileId(5)).outcome, None);
}

#[test]
fn starting_before_inspection_hashes_each_file_only_after_its_content_is_read() {
    let mut h = held_plan(Quality::Original);
    h.start();
    assert!(h.hashes_asked.is_empty(), "nothing may be hashed before it is inspected");
    assert!(matches!(h.e.status(), Status::BackingUp { .. }));
    // Inspect them one at a time, finishing each file's upload as it goes.
    let mut uploaded = 0;
    while let Some(a) = h.local.pop_front() {
        h.answer_local(a);
        h.drain();
        h.auto_local = true;
        h.drain();
        h.auto_local = false;
        while let Some((req, r)) = h.http.pop_front() {
            match r.method {
                Method::Post => h.answer(req, Ok(ok(201).with_header("Location", &format!("u{}", req.0)))),
                Method::Patch => {
                    let end = match r.body {
                        Body::Slice { end, .. } => end,
                        _ => 0,
                    };
                    h.answer(req, Ok(ok(204).with_header("Upload-Offset", &end.to_string())));
                    uploaded += 1;
                }
                m => panic!("unexpected {m:?}"),
            }
            h.drain();
        }
    }
    assert_eq!(uploaded, 4);
    assert_eq!(h.e.status(), Status::Complete { uploaded: 4, already: 0, skipped: 1, failed: 0 });
    let saved = shoebox_core::kiosk::SavedKinds { photos: 3, images: 0, videos: 1, others: 0 };
    assert_eq!(h.e.saved_kinds(), saved, "saved by kind from the content: the JPEG named .txt is a photo");
    assert!(!h.hashes_asked.contains(&FileId(3)), "the text file named .jpg is never hashed");
    assert!(h.hashes_asked.contains(&FileId(5)), "the JPEG named .txt is backed up");
}

#[test]
fn system_and_empty_files_are_settled_by_name_and_size_without_inspection() {
    let mut h = H::new(H::settings());
    h.auto_local = false;
    h.add(1, "F/.DS_Store", Content::Bytes(bytes(10, 1)), FileFacts { kind: MediaKind::System, ..FileFacts::other() });
    h.add(2, "F/Thumbs.db", Content::Bytes(bytes(10, 2)), FileFacts { kind: MediaKind::System, ..FileFacts::other() });
    h.add(3, "F/empty.jpg", Content::Bytes(vec![]), photo_facts());
    h.handshake(config_json(false, 1000), options_bare());
    assert!(h.local.is_empty(), "no inspection asked: {:?}", h.local);
    let t = h.e.totals();
    assert_eq!((t.inspected, t.skipped.system_file, t.skipped.empty_file), (3, 2, 1));
    assert_eq!(h.view(FileId(3)).outcome, Some(Outcome::Skipped(SkipReason::EmptyFile)));
    assert_eq!(h.e.status(), Status::ReadyToBackUp { count: 0 });
}

#[test]
fn a_failed_inspection_fails_the_file_and_retry_reads_it_again() {
    let mut h = H::new(EngineSettings { creation_with_upload_max: 0, ..H::settings() });
    h.auto_local = false;
    h.add(1, "F/odd.xyz", Content::Bytes(bytes(10, 1)), photo_facts());
    h.handshake(config_json(false, 1000), options_bare());
    let now = h.now;
    h.e.handle_inspected(FileId(1), Err(shoebox_core::failure::FailReason::Unreadable), now);
    h.local.clear();
    h.drain();
    assert_eq!(h.view(FileId(1)).outcome, Some(Outcome::Failed(shoebox_core::failure::FailReason::Unreadable)));
    // Counted as failed (not as the provisional "not a photo or video" skip).
    let t = h.e.totals();
    assert_eq!((t.failed, t.skipped.not_media), (1, 0));
    h.e.retry_file(FileId(1), now);
    h.drain();
    assert!(matches!(h.local.front(), Some(Action::Inspect { file: FileId(1) })));
    assert!(!matches!(h.e.status(), Status::Looking { .. }));
    inspect_all(&mut h);
    assert_eq!(h.view(FileId(1)).outcome, None);
    assert_eq!(h.e.totals().photos, 1);
}

/// A dropped tree's names arrive seconds before its sizes (a large drop's first
/// useful plan must not wait for them): the folders and their counts show from names, the
/// sizes follow, and a file named but never added (unreadable) stops counting when the walk ends.
#[test]
fn folders_and_counts_show_from_names_before_sizes_and_settle_when_the_walk_ends() {
    let mut h = H::new(EngineSettings { creation_with_upload_max: 0, ..H::settings() });
    h.e.walk_started(h.now);
    h.e.files_named(vec![("Trip".into(), 2), ("Trip/Day 1".into(), 3), ("".into(), 1)], h.now);
    assert_eq!(h.e.status(), Status::Looking { found: 6 });
    let f = h.e.folders();
    assert_eq!((f["Trip"].listed, f["Trip/Day 1"].listed, f[""].listed), (5, 3, 1));
    assert_eq!((f["Trip"].files, f["Trip"].bytes), (0, 0));
    h.e.set_folder_included("Trip/Day 1", false, h.now);

    h.add(1, "Trip/a.jpg", Content::Bytes(bytes(10, 1)), photo_facts());
    h.add(2, "Trip/Day 1/b.jpg", Content::Bytes(bytes(20, 2)), photo_facts());
    h.add(3, "loose.jpg", Content::Bytes(bytes(30, 3)), photo_facts());
    assert_eq!(h.e.status(), Status::Looking { found: 6 }, "names still ahead of sizes");
    let f = h.e.folders();
    assert_eq!((f["Trip"].files, f["Trip"].bytes, f["Trip"].listed), (2, 30, 5));
    assert!(!f["Trip/Day 1"].included, "a tick made from the counts by name holds for the files that follow");
    assert!(h.view(FileId(2)).excluded);

    h.handshake(config_json(false, 1000), options_bare());
    h.e.walk_ended(h.now);
    h.drain();
    let f = h.e.folders();
    assert_eq!((f["Trip"].files, f["Trip"].listed, f["Trip/Day 1"].listed), (2, 0, 0));
    assert!(matches!(h.e.status(), Status::ReadyToBackUp { .. }), "{:?}", h.e.status());
    assert_eq!(h.e.totals().files, 3);
}

#[test]
fn a_file_that_failed_inspection_does_not_hold_the_backup_from_completing() {
    let mut h = H::new(EngineSettings { creation_with_upload_max: 0, ..H::settings() });
    h.auto_local = false;
    h.add(1, "F/bad.jpg", Content::Bytes(bytes(10, 1)), photo_facts());
    h.add(2, "F/good.jpg", Content::Bytes(bytes(10, 2)), photo_facts());
    h.handshake(config_json(false, 1000), options_bare());
    let now = h.now;
    h.e.handle_inspected(FileId(1), Err(shoebox_core::failure::FailReason::Unreadable), now);
    h.local.retain(|a| !matches!(a, Action::Inspect { file: FileId(1) }));
    h.drain();
    inspect_all(&mut h);
    h.auto_local = true;
    h.start();
    let mut srv = FakeTus::new();
    serve(&mut h, &mut srv);
    // Whatever Back up does with the failed file, every Inspect it asks for is answered the same way.
    for _ in 0..5 {
        let asked: Vec<Action> = h.local.drain(..).collect();
        for a in asked {
            if let Action::Inspect { file } = a {
                h.e.handle_inspected(file, Err(shoebox_core::failure::FailReason::Unreadable), h.now);
            } else {
                h.answer_local(a);
            }
        }
        h.drain();
        serve(&mut h, &mut srv);
    }
    assert!(matches!(h.e.status(), Status::Complete { failed: 1, .. }), "{:?} {:?} {:?}", h.e.status(), h.e.totals(), h.view(FileId(1)));
}
