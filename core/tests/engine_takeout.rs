//! A Google Takeout export in the engine: its sidecars and export-level files are read, never
//! planned or skipped as media; the plan waits for them; each upload carries its sidecar's
//! date and place and the export's albums (never "Takeout" or a year folder); a dedup hit sends
//! the same facts to the fill call; a batch that is not an export plans its `.json` as before.
mod engine_common;
use engine_common::*;
use shoebox_core::engine::*;
use shoebox_core::facts::{Outcome, SkipReason};
use shoebox_core::takeout::{MetaNote, SidecarFault};

const ROOT: &str = "Takeout/Google Photos";

fn sidecar(ts: i64, lat: f64, lon: f64) -> Vec<u8> {
    format!(
        r#"{{"title":"x","photoTakenTime":{{"timestamp":"{ts}","formatted":"…"}},"geoData":{{"latitude":{lat},"longitude":{lon},"altitude":0.0}}}}"#
    )
    .into_bytes()
}

/// The export: (id, path, content, is media).
fn export() -> Vec<(u64, String, Vec<u8>, bool)> {
    let one = bytes(3000, 1);
    let f = |id, p: &str, c: Vec<u8>, media| (id, format!("{ROOT}/{p}"), c, media);
    vec![
        f(1, "Photos from 2019/IMG_1.jpg", one.clone(), true),
        f(2, "Photos from 2019/IMG_1.jpg.supplemental-metadata.json", sidecar(1_560_000_000, 48.5, 2.25), false),
        f(3, "Trip/metadata.json", br#"{"title":"Trip to Lyon"}"#.to_vec(), false),
        f(4, "Trip/IMG_1.jpg", one, true),
        f(5, "Trip/IMG_1.jpg.supplemental-metadata.json", sidecar(1_560_000_000, 48.5, 2.25), false),
        f(6, "Trip/IMG_2.jpg", bytes(2000, 2), true),
        f(7, "Trip/IMG_2.jpg.json", br#"{"photoTakenTime":{"timestamp":"oops"},"geoData":{"latitude":0,"longitude":0}}"#.to_vec(), false),
        f(8, "Photos from 2019/no_sidecar.jpg", bytes(1000, 3), true),
        f(9, "Photos from 2019/orphan.jpg.json", sidecar(1, 1.0, 1.0), false),
        (10, "Takeout/archive_browser.html".into(), b"<html></html>".to_vec(), false),
    ]
}

fn add_walked(h: &mut H, files: &[(u64, String, Vec<u8>, bool)]) {
    let now = h.now;
    h.e.walk_started(now);
    for (id, path, content, media) in files {
        let facts = if *media { photo_facts() } else { shoebox_core::facts::FileFacts::guess(path) };
        h.add(*id, path, Content::Bytes(content.clone()), facts);
    }
    let now = h.now;
    h.e.walk_ended(now);
    h.drain();
}

fn creates_by_path(srv: &FakeTus) -> std::collections::HashMap<String, std::collections::HashMap<String, String>> {
    srv.creates.iter().map(|m| (m["relativePath"].clone(), m.clone())).collect()
}

#[test]
fn an_export_plans_only_its_media_and_each_upload_carries_its_sidecar_and_albums() {
    let mut h = H::new(H::settings());
    let mut srv = FakeTus::new();
    h.auto_local = false;
    add_walked(&mut h, &export());
    h.handshake(config_json(true, 1 << 20), options_full());
    // The reads are asked (three sidecars with an item, the album's description, and the
    // sidecar no item took, which waits for a later batch), the plan waits.
    let reads: Vec<u64> =
        h.local.iter().filter_map(|a| if let Action::ReadTakeout { file, .. } = a { Some(file.0) } else { None }).collect();
    assert_eq!(reads.iter().copied().collect::<std::collections::BTreeSet<_>>(), [2, 3, 5, 7, 9].into());
    assert!(matches!(h.e.status(), Status::Looking { .. }), "{:?}", h.e.status());
    let view = h.e.takeout_view().expect("an export");
    assert_eq!((view.reading, view.summary.photos, view.summary.dates), (5, 4, 0));
    while let Some(a) = h.local.pop_front() {
        h.answer_local(a);
        h.drain();
    }
    assert_eq!(h.e.status(), Status::ReadyToBackUp { count: 4 });
    let t = h.e.totals();
    assert_eq!((t.photos, t.skipped.total(), t.files), (4, 0, 4), "sidecars and export files are not skipped media: {t:?}");
    let view = h.e.takeout_view().unwrap();
    assert_eq!((view.summary.albums, view.summary.dates, view.summary.places, view.summary.without_sidecar), (1, 2, 2, 1));
    let note = |p: &str, n| view.notes.contains(&(format!("{ROOT}/{p}"), n));
    assert!(note("Photos from 2019/no_sidecar.jpg", TakeoutNote::NoSidecar), "{:?}", view.notes);
    assert!(note("Photos from 2019/orphan.jpg.json", TakeoutNote::SidecarUnused));
    assert!(note("Trip/IMG_2.jpg", TakeoutNote::Sidecar(SidecarFault::BadTakenTime)));
    assert!(!view.notes.iter().any(|(_, n)| *n == TakeoutNote::Meta(MetaNote::PlaceStripped)));

    h.auto_local = true;
    h.start();
    serve(&mut h, &mut srv);
    assert!(matches!(h.e.status(), Status::Complete { skipped: 0, failed: 0, .. }), "{:?}", h.e.status());
    let c = creates_by_path(&srv);
    let year = &c[&format!("{ROOT}/Photos from 2019/IMG_1.jpg")];
    assert_eq!(year["takenAt"], "2019-06-08T13:20:00Z");
    assert_eq!((year["lat"].as_str(), year["lon"].as_str()), ("48.5000000", "2.2500000"));
    assert_eq!(year["albums"], r#"["Trip to Lyon"]"#, "a photo in a year folder is listed in the album holding its copy");
    assert!(!year.contains_key("album"), "no folder album: the export's folders are not albums");
    let bad = &c[&format!("{ROOT}/Trip/IMG_2.jpg")];
    assert!(!bad.contains_key("takenAt") && !bad.contains_key("lat"), "a bad value is dropped, the photo still goes: {bad:?}");
    assert_eq!(bad["albums"], r#"["Trip to Lyon"]"#);
    assert_eq!(c[&format!("{ROOT}/Photos from 2019/no_sidecar.jpg")]["albums"], "[]");
    assert!(!srv.creates.iter().any(|m| m["filename"].ends_with(".json") || m["filename"].ends_with(".html")));

    // The same export again on another page of the same user: nothing is created, and every
    // item with something to say goes to the fill call.
    let mut h2 = H::new(H::settings());
    srv.creates.clear();
    srv.fills.clear();
    add_walked(&mut h2, &export());
    h2.handshake(config_json(true, 1 << 20), options_full());
    h2.start();
    serve(&mut h2, &mut srv);
    assert!(matches!(h2.e.status(), Status::Complete { uploaded: 0, already: 4, .. }), "{:?}", h2.e.status());
    assert!(srv.creates.is_empty(), "{:?}", srv.creates);
    assert_eq!(srv.fills.len(), 4);
    let sha1 = shoebox_core::hash::sha256_hex(&export()[0].2);
    let fill = srv.fills.iter().find(|(u, _)| u.ends_with(&format!("/api/v1/media/{sha1}/takeout"))).expect("IMG_1's fill");
    let body: serde_json::Value = serde_json::from_str(&fill.1).unwrap();
    assert_eq!(body["takenAt"], "2019-06-08T13:20:00Z");
    assert_eq!(body["albums"], r#"["Trip to Lyon"]"#);
}

#[test]
fn strip_location_leaves_the_sidecar_place_out_of_upload_and_fill() {
    let mut h = H::new(EngineSettings { strip_location: true, ..H::settings() });
    let mut srv = FakeTus::new();
    add_walked(&mut h, &export());
    h.handshake(config_json(true, 1 << 20), options_full());
    h.start();
    serve(&mut h, &mut srv);
    assert!(srv.creates.iter().all(|m| !m.contains_key("lat") && !m.contains_key("lon")), "{:?}", srv.creates);
    assert!(srv.creates.iter().any(|m| m.contains_key("takenAt")));
}

#[test]
fn each_folder_as_an_album_leaves_an_exports_folders_out() {
    let mut h = H::new(EngineSettings { album: AlbumMode::EachFolder, ..H::settings() });
    let mut srv = FakeTus::new();
    add_walked(&mut h, &export());
    h.handshake(config_json(true, 1 << 20), options_full());
    h.start();
    serve(&mut h, &mut srv);
    assert!(!srv.creates.is_empty());
    assert!(srv.creates.iter().all(|m| !m.contains_key("album")), "the export's own albums only: {:?}", srv.creates);
}

#[test]
fn a_batch_that_is_no_export_plans_its_json_files_as_before() {
    let mut h = H::new(H::settings());
    let files =
        vec![(1, "Holiday/IMG_1.jpg".to_string(), bytes(1000, 1), true), (2, "Holiday/IMG_1.jpg.json".to_string(), b"{}".to_vec(), false)];
    add_walked(&mut h, &files);
    h.handshake(config_json(true, 1 << 20), options_full());
    assert_eq!(h.e.takeout_view(), None);
    assert_eq!(h.view(FileId(2)).outcome, Some(Outcome::Skipped(SkipReason::NotMedia)));
    assert_eq!(h.e.status(), Status::ReadyToBackUp { count: 1 });
}

#[test]
fn an_exports_sidecar_reads_are_asked_a_few_at_a_time_and_all_answered() {
    // More sidecars than the bound: never more than MAX_TAKEOUT_READS reads out at once.
    let n = MAX_TAKEOUT_READS as u64 + 44;
    let mut files = Vec::new();
    for i in 0..n {
        let sidecar = format!(r#"{{"photoTakenTime":{{"timestamp":"{}"}}}}"#, 1_560_000_000 + i);
        files.push((2 * i + 1, format!("{ROOT}/Photos from 2019/IMG_{i}.jpg"), bytes(500, i as u8), true));
        files.push((2 * i + 2, format!("{ROOT}/Photos from 2019/IMG_{i}.jpg.json"), sidecar.into_bytes(), false));
    }
    let mut h = H::new(H::settings());
    h.auto_local = false;
    add_walked(&mut h, &files);
    h.handshake(config_json(true, 1 << 20), options_full());
    let mut most = 0;
    let mut answered = 0;
    loop {
        let asked: Vec<Action> = h.local.iter().filter(|a| matches!(a, Action::ReadTakeout { .. })).cloned().collect();
        most = most.max(asked.len());
        let Some(a) = asked.into_iter().next() else { break };
        let i = h.local.iter().position(|x| *x == a).unwrap();
        h.local.remove(i);
        h.answer_local(a);
        h.drain();
        answered += 1;
    }
    assert_eq!(answered, n);
    assert_eq!(most, MAX_TAKEOUT_READS, "reads are asked up to the bound, never more");
    while let Some(a) = h.local.pop_front() {
        h.answer_local(a);
        h.drain();
    }
    assert_eq!(h.e.status(), Status::ReadyToBackUp { count: n });
    assert_eq!(h.e.takeout_view().unwrap().summary.dates, n);
}
