//! A Takeout export chosen as `.zip` archives: nothing is planned from the archives
//! themselves; their directories are read in place (ranges), their entries join the plan like a
//! walk's files, stored and deflated alike, with the export rules; the plan shows the part
//! numbers and the gap; a `.tgz`, a cut archive, an encrypted entry and a name climbing out
//! are each a line of the report, and the rest still goes.
mod engine_common;
use engine_common::archive::zip;
use engine_common::script::{create, patch_ok, small_chunks};
use engine_common::*;
use shoebox_core::engine::*;
use shoebox_core::takeout::archive::{ArchiveFault, EntryFault};

const SIDECAR: &[u8] = br#"{"photoTakenTime":{"timestamp":"1560000000"},"geoData":{"latitude":45.5,"longitude":4.5}}"#;

fn run(deflate: bool) -> (H, FakeTus) {
    let photo = bytes(3000, 7);
    let other = bytes(2000, 8);
    let one = zip(&[
        ("Takeout/Google Photos/Trip/metadata.json", br#"{"title":"Trip"}"#, deflate, false),
        ("Takeout/Google Photos/Trip/IMG_1.jpg", &photo, deflate, false),
        ("Takeout/Google Photos/Trip/IMG_1.jpg.supplemental-metadata.json", SIDECAR, deflate, false),
        ("Takeout/Google Photos/Trip/secret.jpg", &other, false, true),
        ("../evil.jpg", &other, false, false),
    ]);
    let three = zip(&[("Takeout/Google Photos/Photos from 2019/IMG_2.jpg", &other, deflate, false)]);
    let mut cut = zip(&[("Takeout/Google Photos/x.jpg", &other, false, false)]);
    cut.truncate(cut.len() - 30);
    let mut tgz = vec![0x1F, 0x8B, 8, 0];
    tgz.extend(bytes(600, 9));
    let mut h = H::new(H::settings());
    let now = h.now;
    h.e.walk_started(now);
    for (id, name, c) in [
        (1, "takeout-20250101T000000Z-001.zip", one),
        (2, "takeout-20250101T000000Z-003.zip", three),
        (3, "takeout-20250101T000000Z-004.zip", cut),
        (4, "takeout-20250101T000000Z-001.tgz", tgz),
    ] {
        h.add(id, name, Content::Bytes(c), shoebox_core::facts::FileFacts::guess(name));
    }
    let now = h.now;
    h.e.walk_ended(now);
    h.drain();
    h.handshake(config_json(true, 1 << 20), options_full());
    (h, FakeTus::new())
}

#[test]
fn stored_and_deflated_archives_import_like_the_folder_and_say_what_they_could_not() {
    for deflate in [false, true] {
        let (mut h, mut srv) = run(deflate);
        assert_eq!(h.e.status(), Status::ReadyToBackUp { count: 2 }, "deflate {deflate}");
        let t = h.e.totals();
        assert_eq!((t.files, t.skipped.total()), (2, 0), "no archive, sidecar or bad entry is planned: {t:?}");
        let v = h.e.takeout_view().unwrap();
        assert!(v.export);
        assert_eq!((v.parts.clone(), v.missing.clone()), (vec![1, 3, 4], vec![2]));
        assert_eq!((v.summary.photos, v.summary.albums, v.summary.dates, v.summary.places), (2, 1, 1, 1));
        let has = |p: &str, n| v.notes.contains(&(p.to_string(), n));
        assert!(has("takeout-20250101T000000Z-001.tgz", TakeoutNote::Archive(ArchiveFault::Tar)), "{:?}", v.notes);
        assert!(has("takeout-20250101T000000Z-004.zip", TakeoutNote::Archive(ArchiveFault::Truncated)), "{:?}", v.notes);
        let first = "takeout-20250101T000000Z-001.zip";
        assert!(has(&format!("{first}/Takeout/Google Photos/Trip/secret.jpg"), TakeoutNote::Entry(EntryFault::Encrypted)));
        assert!(has(&format!("{first}/../evil.jpg"), TakeoutNote::Entry(EntryFault::ClimbsOut)));
        h.start();
        serve(&mut h, &mut srv);
        assert!(matches!(h.e.status(), Status::Complete { uploaded: 2, failed: 0, .. }), "{:?}", h.e.status());
        let m = srv.creates.iter().find(|m| m["filename"] == "IMG_1.jpg").unwrap();
        assert_eq!((m["takenAt"].as_str(), m["albums"].as_str(), m["lat"].as_str()), ("2019-06-08T13:20:00Z", r#"["Trip"]"#, "45.5000000"));
        assert_eq!(srv.completed.iter().find(|s| s.data.len() == 3000).unwrap().data, bytes(3000, 7), "the entry's own bytes");
        let m2 = srv.creates.iter().find(|m| m["filename"] == "IMG_2.jpg").unwrap();
        assert_eq!(m2["albums"], "[]");
    }
}

#[test]
fn a_damaged_directory_and_a_sidecar_that_is_not_json_are_lines_and_the_photo_still_goes() {
    let photo = bytes(1500, 3);
    let good = zip(&[
        ("Takeout/Google Photos/Photos from 2020/IMG_5.jpg", &photo, true, false),
        ("Takeout/Google Photos/Photos from 2020/IMG_5.jpg.json", b"{not json", true, false),
    ]);
    let mut damaged = zip(&[("Takeout/Google Photos/x.jpg", &photo, false, false)]);
    let n = damaged.len();
    let cd = u32::from_le_bytes(damaged[n - 6..n - 2].try_into().unwrap()) as usize;
    damaged[cd..cd + 4].copy_from_slice(b"XXXX");
    let mut h = H::new(H::settings());
    let now = h.now;
    h.e.walk_started(now);
    h.add(1, "takeout-20250101T000000Z-001.zip", Content::Bytes(good), shoebox_core::facts::FileFacts::guess("a.zip"));
    h.add(2, "takeout-20250101T000000Z-002.zip", Content::Bytes(damaged), shoebox_core::facts::FileFacts::guess("a.zip"));
    let now = h.now;
    h.e.walk_ended(now);
    h.drain();
    h.handshake(config_json(true, 1 << 20), options_full());
    assert_eq!(h.e.status(), Status::ReadyToBackUp { count: 1 });
    let v = h.e.takeout_view().unwrap();
    assert!(v.notes.contains(&("takeout-20250101T000000Z-002.zip".into(), TakeoutNote::Archive(ArchiveFault::Corrupt))), "{:?}", v.notes);
    let sidecar_fault = TakeoutNote::Sidecar(shoebox_core::takeout::SidecarFault::NotJson);
    assert!(v.notes.contains(&("Takeout/Google Photos/Photos from 2020/IMG_5.jpg".into(), sidecar_fault)), "{:?}", v.notes);
    let mut srv = FakeTus::new();
    h.start();
    serve(&mut h, &mut srv);
    let m = &srv.creates[0];
    assert!(!m.contains_key("takenAt") && m["albums"] == "[]", "{m:?}");
    assert_eq!(srv.completed[0].data, photo);
}

#[test]
fn an_entry_cut_off_names_its_archive_for_the_next_session_to_ask_for() {
    let name = "takeout-20250101T000000Z-002.zip";
    let one = zip(&[("Takeout/Google Photos/Photos from 2019/IMG_7.jpg", &bytes(3000, 5), false, false)]);
    let mut h = H::new(small_chunks());
    let now = h.now;
    h.e.walk_started(now);
    h.add(1, name, Content::Bytes(one), shoebox_core::facts::FileFacts::guess(name));
    let now = h.now;
    h.e.walk_ended(now);
    h.drain();
    h.handshake(HttpResponse::new(404), options_bare());
    h.start();
    create(&mut h, "u");
    patch_ok(&mut h, 0);
    let _ = h.expect(Method::Patch); // the tab is closed mid-chunk
    let records: Vec<ResumeRecord> = h.store.values().cloned().collect();
    assert_eq!(records.iter().map(|r| (r.done, r.archive.as_deref())).collect::<Vec<_>>(), [(false, Some(name))]);
    // A later session where the browser kept no handle: the continue screen names the archive.
    let mut h2 = H::new(small_chunks());
    h2.e.load_resume_records(records);
    assert_eq!(h2.e.status(), Status::ContinueBackup { remaining: 1, archives: vec![name.to_string()] });
}
