//! Back up & sync in the engine, with virtual time: "Back up is off" and "Waiting for
//! connection" before anything is chosen; only while charging; re-scans that add only new or
//! changed files (nothing sent for an unchanged folder); exclusions kept across sessions.
mod engine_common;
use engine_common::script::small_chunks;
use engine_common::*;
use shoebox_core::engine::*;
use shoebox_core::facts::Outcome;

fn entry(id: u64, path: &str, size: u64, mtime: i64) -> FileEntry {
    let name = path.rsplit('/').next().unwrap().to_string();
    FileEntry { id: FileId(id), relative_path: path.into(), name, size, last_modified: mtime, mime: "image/jpeg".into(), album: None }
}

/// A scan as the driver makes it: walk, the files, walk ended, start once planned.
fn scan(h: &mut H, files: &[(u64, &str, usize)]) -> Vec<FileId> {
    let now = h.now;
    h.e.start_when_planned(now);
    h.e.walk_started(now);
    let mut entries = Vec::new();
    for (id, p, n) in files {
        let content = Content::Bytes(bytes(*n, *id as u8));
        let e = entry(*id, p, content.size(), 1_700_000_000_000 + *n as i64);
        h.files.insert(FileId(*id), FileDef { entry: e.clone(), content, facts: photo_facts(), prepared: None });
        entries.push(e);
    }
    let fresh = h.e.take_fresh(entries);
    let ids = fresh.iter().map(|e| e.id).collect();
    h.e.add_files(fresh, now);
    h.e.walk_ended(now);
    h.drain();
    ids
}

#[test]
fn backup_folders_with_sync_off_read_back_up_is_off_and_turn_on_clears_it() {
    let mut h = H::new(small_chunks());
    assert_eq!(h.e.status(), Status::Ready);
    let now = h.now;
    h.e.set_sync(false, 2, now);
    assert_eq!(h.e.status(), Status::BackUpOff);
    h.e.set_sync(true, 2, now);
    assert_eq!(h.e.status(), Status::Ready);
}

#[test]
fn backup_folders_and_no_server_read_waiting_for_connection_before_any_file() {
    let mut h = H::new(small_chunks());
    let now = h.now;
    h.e.set_sync(true, 1, now);
    let (c, _) = h.expect(Method::Get);
    let (o, _) = h.expect(Method::Options);
    h.answer(c, Err(NetError::Other("refused".into())));
    h.answer(o, Err(NetError::Other("refused".into())));
    assert_eq!(h.e.status(), Status::WaitingForConnection { running: false });
}

#[test]
fn only_while_charging_sends_nothing_on_battery_and_resumes_on_power() {
    let mut h = H::new(EngineSettings { charging_only: true, ..small_chunks() });
    let mut srv = FakeTus::new();
    let now = h.now;
    h.e.set_charging(false, now);
    scan(&mut h, &[(1, "Camera/a.jpg", 2500)]);
    h.run(&mut srv, |_| Fault::None, |_| 0, 10, 1000);
    assert_eq!(h.e.status(), Status::WaitingToCharge);
    assert_eq!(srv.patches, 0, "no PATCH on battery");
    let now = h.now;
    h.e.set_charging(true, now);
    h.run(&mut srv, |_| Fault::None, |_| 0, 10, 1000);
    assert_eq!(h.e.status(), Status::Complete { uploaded: 1, already: 0, skipped: 0, failed: 0 });
    // Unplugged mid-upload: the transfer stops at once, costing no attempt.
    scan(&mut h, &[(2, "Camera/b.jpg", 5000)]);
    // Serve the check and the creation; stop at the first PATCH.
    let p = loop {
        let (req, r) = h.http.pop_front().expect("a request");
        if r.method == Method::Patch {
            break req;
        }
        let resp = srv.handle(&r, h.body_bytes(&r.body), None).unwrap();
        h.answer(req, Ok(resp));
    };
    let now = h.now;
    h.e.set_charging(false, now);
    h.drain();
    assert!(h.aborted.contains(&p));
    assert_eq!(h.e.status(), Status::WaitingToCharge);
    assert_eq!(h.view(FileId(2)).attempts, 0);
}

#[test]
fn a_rescan_adds_only_new_or_changed_files_and_an_unchanged_folder_sends_nothing() {
    let mut h = H::new(small_chunks());
    let mut srv = FakeTus::new();
    let first = scan(&mut h, &[(1, "Pictures/a.jpg", 1200), (2, "Pictures/b.jpg", 800)]);
    assert_eq!(first.len(), 2);
    h.run(&mut srv, |_| Fault::None, |_| 0, 10, 1000);
    assert_eq!(h.e.status(), Status::Complete { uploaded: 2, already: 0, skipped: 0, failed: 0 }, "no plan step, no press");
    let requests = srv.patches;
    // The same folder a minute later: nothing added, nothing sent.
    let again = scan(&mut h, &[(3, "Pictures/a.jpg", 1200), (4, "Pictures/b.jpg", 800)]);
    assert!(again.is_empty());
    assert!(h.http.is_empty() && srv.patches == requests);
    // A new photo and an edited one.
    let more = scan(&mut h, &[(5, "Pictures/a.jpg", 1200), (6, "Pictures/b.jpg", 900), (7, "Pictures/c.jpg", 300)]);
    assert_eq!(more, vec![FileId(6), FileId(7)]);
    h.run(&mut srv, |_| Fault::None, |_| 0, 10, 1000);
    assert_eq!(h.e.status(), Status::Complete { uploaded: 2, already: 0, skipped: 0, failed: 0 });
    assert_eq!(srv.received, 1200 + 800 + 900 + 300);
}

#[test]
fn reopening_the_app_settles_backed_up_files_from_local_records_without_hashing() {
    let mut h = H::new(small_chunks());
    let mut srv = FakeTus::new();
    scan(&mut h, &[(1, "Pictures/a.jpg", 1200), (2, "Pictures/b.jpg", 800)]);
    h.run(&mut srv, |_| Fault::None, |_| 0, 10, 1000);
    let records: Vec<ResumeRecord> = h.store.values().cloned().collect();
    // Next session: same records, same folder plus one new file.
    let mut h2 = H::new(small_chunks());
    h2.e.load_resume_records(records);
    scan(&mut h2, &[(1, "Pictures/a.jpg", 1200), (2, "Pictures/b.jpg", 800), (3, "Pictures/new.jpg", 500)]);
    h2.run(&mut srv, |_| Fault::None, |_| 0, 10, 1000);
    assert_eq!(h2.e.status(), Status::Complete { uploaded: 1, already: 2, skipped: 0, failed: 0 });
    assert_eq!(h2.hashes_asked, vec![FileId(3)], "only the new file is read");
    assert_eq!(h2.view(FileId(1)).outcome, Some(Outcome::AlreadyBackedUp));
}

#[test]
fn exclusions_kept_from_an_earlier_session_cover_files_found_later_and_below() {
    let mut h = H::new(small_chunks());
    let now = h.now;
    h.e.exclude_folders(&["Pictures/Screenshots".to_string()], now);
    scan(&mut h, &[(1, "Pictures/a.jpg", 100), (2, "Pictures/Screenshots/s.jpg", 100), (3, "Pictures/Screenshots/2024/t.jpg", 100)]);
    let excluded: Vec<bool> = (1..=3).map(|i| h.view(FileId(i)).excluded).collect();
    assert_eq!(excluded, [false, true, true]);
    assert_eq!(h.e.excluded_folders(), vec!["Pictures/Screenshots".to_string(), "Pictures/Screenshots/2024".to_string()]);
}

#[test]
fn the_hold_is_known_while_idle_so_sync_can_say_waiting_to_charge_or_for_connection() {
    use shoebox_core::sync::line::Hold;
    let mut h = H::new(EngineSettings { charging_only: true, ..small_chunks() });
    let mut srv = FakeTus::new();
    let now = h.now;
    h.e.set_sync(true, 1, now);
    scan(&mut h, &[(1, "Camera/a.jpg", 2500)]);
    h.run(&mut srv, |_| Fault::None, |_| 0, 10, 1000);
    assert!(matches!(h.e.status(), Status::Complete { .. }));
    assert_eq!(h.e.hold(), None);
    let now = h.now;
    h.e.set_charging(false, now);
    assert_eq!(h.e.hold(), Some(Hold::Charge), "nothing to send, yet the next scan would wait");
    assert!(matches!(h.e.status(), Status::Complete { .. }), "the card still shows the finished backup");
    h.e.set_online(false, now);
    assert_eq!(h.e.hold(), Some(Hold::Connection), "no connection comes first");
    h.e.set_online(true, now);
    h.e.set_charging(true, now);
    assert_eq!(h.e.hold(), None);
}
