//! Batches in one page, decided by the engine: a second batch after a finished backup gets its
//! own plan, Back up press and figures; a batch added while one runs joins it; walks hold
//! inspections back and show "Looking"; "Continue" starts once planned; folder ticks.
mod engine_common;
use engine_common::script::small_chunks;
use engine_common::*;
use shoebox_core::engine::*;
use shoebox_core::facts::Outcome;

fn walk(h: &mut H, files: &[(u64, &str, usize)]) {
    let now = h.now;
    h.e.walk_started(now);
    h.drain();
    let defs = files.iter().map(|(id, p, n)| (*id, p.to_string(), Content::Bytes(bytes(*n, *id as u8)), photo_facts())).collect();
    h.add_many(defs);
    let now = h.now;
    h.e.walk_ended(now);
    h.drain();
}

#[test]
fn a_second_batch_after_a_finished_backup_has_its_own_plan_button_and_figures() {
    let mut h = H::new(small_chunks());
    let mut srv = FakeTus::new();
    walk(&mut h, &[(1, "Card1/a.jpg", 1500), (2, "Card1/b.jpg", 800), (3, "Card1/c.jpg", 300)]);
    serve(&mut h, &mut srv);
    assert_eq!(h.e.status(), Status::ReadyToBackUp { count: 3 });
    h.start();
    serve(&mut h, &mut srv);
    assert_eq!(h.e.status(), Status::Complete { uploaded: 3, already: 0, skipped: 0, failed: 0 });
    let received_first = srv.received;
    let patches_first = srv.patches;
    assert_eq!(received_first, 2600);

    // "Add more folders": the walk begins a new batch at once.
    let now = h.now;
    h.e.walk_started(now);
    h.drain();
    assert_eq!(h.e.status(), Status::Looking { found: 0 });
    assert!(h.e.folders().is_empty(), "the new plan lists only the new batch's folders");
    let defs = [(10, "Card2/x.jpg", 700), (11, "Card2/y.jpg", 900), (12, "Card2/Sub/z.jpg", 400)]
        .iter()
        .map(|(id, p, n)| (*id as u64, p.to_string(), Content::Bytes(bytes(*n, *id as u8)), photo_facts()))
        .collect();
    h.add_many(defs);
    assert!(matches!(h.e.status(), Status::Looking { found: 3 }), "{:?}", h.e.status());
    let now = h.now;
    h.e.walk_ended(now);
    serve(&mut h, &mut srv);
    // Its own plan, waiting for its own press (the dead end was: no Back up, old figures).
    assert_eq!(h.e.status(), Status::ReadyToBackUp { count: 3 });
    let t = h.e.totals();
    assert_eq!((t.files, t.bytes_total, t.bytes_done, t.files_done(), t.files_total()), (3, 2000, 0, 0, 3));
    assert_eq!(h.e.folders().keys().cloned().collect::<Vec<_>>(), vec!["Card2", "Card2/Sub"]);
    assert_eq!(srv.patches, patches_first, "nothing of the new batch is sent before the press");
    h.start();
    serve(&mut h, &mut srv);
    assert_eq!(h.e.status(), Status::Complete { uploaded: 3, already: 0, skipped: 0, failed: 0 });
    assert_eq!(srv.received - received_first, 2000, "the server receives only the new batch's bytes");
    let t = h.e.totals();
    assert_eq!((t.bytes_done, t.bytes_total, t.uploaded), (2000, 2000, 3));
    // One line keeps the page's total.
    let p = h.e.page_totals();
    assert_eq!((p.batches, p.files, p.uploaded, p.bytes_uploaded), (2, 6, 6, 4600));
}

#[test]
fn a_batch_added_while_one_runs_joins_it_without_a_second_press() {
    let mut h = H::new(small_chunks());
    walk(&mut h, &[(1, "A/a.jpg", 2500), (2, "A/b.jpg", 2500)]);
    h.handshake(HttpResponse::new(404), options_bare());
    h.start();
    let (c, _) = h.expect(Method::Post);
    assert!(matches!(h.e.status(), Status::BackingUp { total: 2, .. }));
    // A second folder while the first uploads.
    walk(&mut h, &[(3, "B/c.jpg", 1000)]);
    assert!(matches!(h.e.status(), Status::BackingUp { done: 0, total: 3, .. }), "the card counts both: {:?}", h.e.status());
    h.answer(c, Ok(ok(201).with_header("Location", "u1")));
    let mut srv = FakeTus::new();
    srv.next = 100;
    srv.uploads.insert(format!("{EP}u1"), Stored { len: 2500, ..Default::default() });
    serve(&mut h, &mut srv);
    let fails: Vec<_> = (1..=3).map(|i| h.view(FileId(i)).outcome).collect();
    assert_eq!(h.e.status(), Status::Complete { uploaded: 3, already: 0, skipped: 0, failed: 0 }, "{fails:?}");
    assert_eq!(h.view(FileId(3)).outcome, Some(Outcome::Uploaded(None)));
    assert_eq!(h.e.page_totals().batches, 1);
}

#[test]
fn a_walk_shows_looking_and_holds_inspections_until_it_ends() {
    let mut h = H::new(small_chunks());
    h.auto_local = false;
    let now = h.now;
    h.e.walk_started(now);
    h.drain();
    assert_eq!(h.e.status(), Status::Looking { found: 0 });
    h.add(1, "A/a.jpg", Content::Bytes(bytes(10, 1)), photo_facts());
    h.add(2, "A/b.jpg", Content::Bytes(bytes(10, 2)), photo_facts());
    assert!(!h.local.iter().any(|a| matches!(a, Action::Inspect { .. })), "no Inspect while walking");
    assert_eq!(h.e.status(), Status::Looking { found: 2 });
    let now = h.now;
    h.e.walk_ended(now);
    h.drain();
    assert_eq!(h.local.iter().filter(|a| matches!(a, Action::Inspect { .. })).count(), 2);
}

#[test]
fn continue_starts_by_itself_once_the_walk_ends_and_the_plan_is_ready() {
    let mut h = H::new(small_chunks());
    let mut srv = FakeTus::new();
    let now = h.now;
    h.e.start_when_planned(now);
    walk(&mut h, &[(1, "A/a.jpg", 500)]);
    serve(&mut h, &mut srv);
    assert_eq!(h.e.status(), Status::Complete { uploaded: 1, already: 0, skipped: 0, failed: 0 });
    // Once only: the next batch waits for its press again.
    walk(&mut h, &[(2, "B/b.jpg", 500)]);
    serve(&mut h, &mut srv);
    assert_eq!(h.e.status(), Status::ReadyToBackUp { count: 1 });
}

#[test]
fn a_folder_tick_covers_sub_folders_and_files_found_later_and_loose_files_alone() {
    let mut h = H::new(small_chunks());
    let now = h.now;
    h.e.walk_started(now);
    h.add(1, "A/a.jpg", Content::Bytes(bytes(10, 1)), photo_facts());
    h.add(2, "A/Old/b.jpg", Content::Bytes(bytes(10, 2)), photo_facts());
    h.add(3, "loose.jpg", Content::Bytes(bytes(10, 3)), photo_facts());
    h.add(4, "AB/c.jpg", Content::Bytes(bytes(10, 4)), photo_facts());
    let now = h.now;
    h.e.set_folder_included("A", false, now);
    h.drain();
    assert!(h.events.contains(&Event::FoldersChanged));
    // Found after the untick, inside it: not chosen either.
    h.add(5, "A/Old/d.jpg", Content::Bytes(bytes(10, 5)), photo_facts());
    let excluded: Vec<bool> = (1..=5).map(|i| h.view(FileId(i)).excluded).collect();
    assert_eq!(excluded, [true, true, false, false, true]);
    assert!(!h.e.folders()["A/Old"].included);
    assert!(h.e.folders()["AB"].included, "a folder whose name only starts the same is not covered");
    assert_eq!(h.e.folders()["A"].files, 3);
    assert_eq!(h.view(FileId(1)).row_state(), RowState::NotChosen);
    let now = h.now;
    h.e.set_folder_included("", false, now);
    assert!(h.view(FileId(3)).excluded && !h.view(FileId(4)).excluded);
    h.e.set_folder_included("A", true, now);
    assert!(!h.view(FileId(5)).excluded && h.e.folders()["A/Old"].included);
}
