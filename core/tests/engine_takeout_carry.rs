//! An export chosen one archive at a time: a sidecar or album description whose photo comes in
//! a later batch waits (kept through `Action::KeepTakeout`, given back after a restart) and the
//! photo gets its date, place and album; a photo backed up without its sidecar gets the
//! sidecar's facts through the fill call when the sidecar comes; what waits never shows in an
//! unrelated batch's summary or notes.
mod engine_common;
use engine_common::*;
use shoebox_core::engine::*;

const ROOT: &str = "Takeout/Google Photos";

fn sidecar(ts: i64, lat: f64, lon: f64) -> Vec<u8> {
    format!(r#"{{"title":"x","photoTakenTime":{{"timestamp":"{ts}"}},"geoData":{{"latitude":{lat},"longitude":{lon}}}}}"#).into_bytes()
}

/// One batch: (id, path under the export's root, content, is media); backed up to the end.
fn batch(h: &mut H, srv: &mut FakeTus, files: &[(u64, &str, Vec<u8>, bool)]) {
    batch_with(h, srv, files, |_| Fault::None);
}

/// One batch walked and planned, not backed up.
fn plan(h: &mut H, files: &[(u64, &str, Vec<u8>, bool)]) {
    let first = h.http.is_empty() && h.e.totals().files == 0;
    let now = h.now;
    h.e.walk_started(now);
    h.drain();
    for (id, path, content, media) in files {
        let path = format!("{ROOT}/{path}");
        let facts = if *media { photo_facts() } else { shoebox_core::facts::FileFacts::guess(&path) };
        h.add(*id, &path, Content::Bytes(content.clone()), facts);
    }
    let now = h.now;
    h.e.walk_ended(now);
    h.drain();
    if first {
        h.handshake(config_json(true, 1 << 20), options_full());
    }
    assert!(!h.http.iter().any(|(_, r)| r.url.ends_with("/takeout")), "nothing reaches the library before Back up");
}

/// One batch planned and backed up, each request answered as `fault` says.
fn batch_with(h: &mut H, srv: &mut FakeTus, files: &[(u64, &str, Vec<u8>, bool)], fault: impl FnMut(&HttpRequest) -> Fault) {
    plan(h, files);
    h.start();
    h.run(srv, fault, |_| 0, 10, 10_000);
    assert!(matches!(h.e.status(), Status::Complete { failed: 0, .. }), "{:?}", h.e.status());
}

fn first_archive() -> Vec<(u64, &'static str, Vec<u8>, bool)> {
    vec![
        (1, "Trip/metadata.json", br#"{"title":"Trip to Lyon"}"#.to_vec(), false),
        (2, "Trip/IMG_9.jpg.json", sidecar(1_560_000_000, 45.75, 4.75), false),
        (3, "Photos from 2019/IMG_8.jpg", bytes(1500, 8), true),
    ]
}

fn second_archive() -> Vec<(u64, &'static str, Vec<u8>, bool)> {
    vec![
        (11, "Trip/IMG_9.jpg", bytes(2500, 9), true),
        (12, "Photos from 2019/IMG_8.jpg.supplemental-metadata.json", sidecar(1_570_000_000, 48.5, 2.25), false),
    ]
}

/// The paths of what the driver keeps (its keys are the owner's digest, a space, the path).
fn kept_paths(h: &H) -> Vec<String> {
    h.kept.keys().map(|k| k.split_once(' ').expect("owner and path").1.to_string()).collect()
}

/// The second archive's batch, on `h`, after the first archive's: checks what it sent.
fn second_batch_pairs_across(h: &mut H, srv: &mut FakeTus) {
    srv.creates.clear();
    srv.fills.clear();
    batch(h, srv, &second_archive());
    let view = h.e.takeout_view().expect("an export");
    assert_eq!((view.summary.photos, view.summary.dates, view.summary.albums, view.summary.without_sidecar), (1, 1, 1, 0));
    assert!(view.notes.is_empty(), "the earlier batch's entries are paired, not noted: {:?}", view.notes);
    let img9 = srv.creates.iter().find(|m| m["filename"] == "IMG_9.jpg").expect("IMG_9 uploaded");
    assert_eq!(img9["takenAt"], "2019-06-08T13:20:00Z", "the sidecar from the first archive");
    assert_eq!(img9["albums"], r#"["Trip to Lyon"]"#, "the album described in the first archive");
    // IMG_8 was backed up in the first batch: its sidecar's facts go to the fill call.
    assert_eq!(srv.creates.len(), 1, "{:?}", srv.creates);
    let sha8 = shoebox_core::hash::sha256_hex(&bytes(1500, 8));
    let fill = srv.fills.iter().find(|(u, _)| u.ends_with(&format!("/api/v1/media/{sha8}/takeout"))).expect("IMG_8's fill");
    let body: serde_json::Value = serde_json::from_str(&fill.1).unwrap();
    assert_eq!(body["takenAt"], "2019-10-02T07:06:40Z");
    assert_eq!((body["lat"].as_str(), body["lon"].as_str()), (Some("48.5000000"), Some("2.2500000")));
    // What was paired is used up; the album's description keeps waiting for more of its photos.
    assert_eq!(kept_paths(h), [format!("{ROOT}/Trip/metadata.json")]);
}

#[test]
fn the_first_archives_leftovers_wait_and_pair_with_the_second_archive_in_the_same_page() {
    let mut h = H::new(H::settings());
    let mut srv = FakeTus::new();
    batch(&mut h, &mut srv, &first_archive());
    let view = h.e.takeout_view().unwrap();
    assert!(view.notes.contains(&(format!("{ROOT}/Trip/IMG_9.jpg.json"), TakeoutNote::SidecarUnused)));
    assert_eq!(
        kept_paths(&h),
        [format!("{ROOT}/Photos from 2019/IMG_8.jpg"), format!("{ROOT}/Trip/IMG_9.jpg.json"), format!("{ROOT}/Trip/metadata.json")],
        "the unpaired sidecar, the album's description and the photo backed up without a sidecar wait"
    );
    assert_eq!(h.e.takeout_waiting(), 3);
    second_batch_pairs_across(&mut h, &mut srv);
    assert_eq!(h.e.takeout_waiting(), 1);
}

#[test]
fn what_waits_is_given_back_after_a_restart_and_pairs_then() {
    let mut h = H::new(H::settings());
    let mut srv = FakeTus::new();
    batch(&mut h, &mut srv, &first_archive());
    // A new page (a reload, or another day): the driver hands back what it kept.
    let mut h2 = H::new(H::settings());
    h2.kept = h.kept.clone();
    let stored: Vec<(String, String)> = h.kept.clone().into_iter().collect();
    let now = h2.now;
    h2.e.restore_takeout_waiting([stored, vec![("x".into(), "not json".into())]].concat(), now);
    assert_eq!(h2.e.takeout_waiting(), 3, "an entry that cannot be read is left out");
    second_batch_pairs_across(&mut h2, &mut srv);
}

#[test]
fn what_waits_stays_out_of_an_unrelated_batch() {
    let mut h = H::new(H::settings());
    let mut srv = FakeTus::new();
    batch(&mut h, &mut srv, &first_archive());
    srv.creates.clear();
    batch(&mut h, &mut srv, &[(21, "Photos from 2020/IMG_7.jpg", bytes(900, 7), true)]);
    let view = h.e.takeout_view().unwrap();
    assert_eq!((view.summary.photos, view.summary.albums, view.summary.without_sidecar), (1, 0, 1));
    assert_eq!(view.notes, vec![(format!("{ROOT}/Photos from 2020/IMG_7.jpg"), TakeoutNote::NoSidecar)]);
    assert_eq!(srv.creates[0]["albums"], "[]");
    assert_eq!(h.e.takeout_waiting(), 4, "the first batch's entries still wait, and IMG_7 now too");
}

#[test]
fn another_account_on_the_same_computer_pairs_nothing_of_what_waits() {
    let mut h = H::new(H::settings());
    let mut srv = FakeTus::new();
    batch(&mut h, &mut srv, &first_archive());
    let mut other = H::new(EngineSettings { token: Some("someone-else".into()), ..H::settings() });
    let stored: Vec<(String, String)> = h.kept.clone().into_iter().collect();
    let now = other.now;
    other.e.restore_takeout_waiting(stored, now);
    other.kept = h.kept.clone();
    srv.creates.clear();
    srv.fills.clear();
    batch(&mut other, &mut srv, &second_archive());
    let img9 = srv.creates.iter().find(|m| m["filename"] == "IMG_9.jpg").expect("IMG_9 uploaded");
    assert!(!img9.contains_key("takenAt") && !img9.contains_key("lat"), "not the first account's sidecar: {img9:?}");
    assert_eq!(img9["albums"], "[]", "not the first account's album");
    assert!(srv.fills.is_empty(), "no fill for the first account's photo: {:?}", srv.fills);
    let view = other.e.takeout_view().unwrap();
    assert!(view.notes.contains(&(format!("{ROOT}/Trip/IMG_9.jpg"), TakeoutNote::NoSidecar)));
    assert_eq!(kept_paths(&h).len(), 3);
    assert!(
        h.kept.keys().all(|k| other.kept.contains_key(k)),
        "the first account's entries are left as they were: {:?}",
        other.kept.keys().collect::<Vec<_>>()
    );
}

#[test]
fn a_fill_that_fails_keeps_the_photo_and_its_sidecar_waiting_and_a_later_batch_sends_it_again() {
    let mut h = H::new(H::settings());
    let mut srv = FakeTus::new();
    batch(&mut h, &mut srv, &first_archive());
    srv.fills.clear();
    let down = |r: &HttpRequest| if r.url.ends_with("/takeout") { Fault::Status(503) } else { Fault::None };
    batch_with(&mut h, &mut srv, &second_archive(), down);
    let img8 = format!("{ROOT}/Photos from 2019/IMG_8.jpg");
    let img8_sidecar = format!("{ROOT}/Photos from 2019/IMG_8.jpg.supplemental-metadata.json");
    let kept = kept_paths(&h);
    assert!(kept.contains(&img8) && kept.contains(&img8_sidecar), "both wait after a failed fill: {kept:?}");
    // Any later batch in that folder brings both back, and the fill goes again on Back up.
    batch(&mut h, &mut srv, &[(31, "Photos from 2019/IMG_6.jpg", bytes(700, 6), true)]);
    let sha8 = shoebox_core::hash::sha256_hex(&bytes(1500, 8));
    assert!(srv.fills.iter().any(|(u, _)| u.ends_with(&format!("/api/v1/media/{sha8}/takeout"))), "{:?}", srv.fills);
    let kept = kept_paths(&h);
    assert!(!kept.contains(&img8) && !kept.contains(&img8_sidecar), "answered: neither waits now: {kept:?}");
}

#[test]
fn a_plan_never_backed_up_forgets_nothing() {
    let mut h = H::new(H::settings());
    let mut srv = FakeTus::new();
    batch(&mut h, &mut srv, &first_archive());
    let before = h.kept.clone();
    plan(&mut h, &second_archive());
    assert_eq!(h.e.status(), Status::ReadyToBackUp { count: 1 });
    assert!(before.keys().all(|k| h.kept.contains_key(k)), "nothing is forgotten before Back up: {:?}", h.kept.keys());
    assert!(srv.fills.is_empty());
}

#[test]
fn an_exports_plan_waits_for_what_the_driver_gives_back() {
    let mut h = H::new(H::settings());
    let mut srv = FakeTus::new();
    batch(&mut h, &mut srv, &first_archive());
    let stored: Vec<(String, String)> = h.kept.clone().into_iter().collect();
    let mut h2 = H::new(H::settings());
    h2.e.expect_takeout_waiting();
    plan(&mut h2, &second_archive());
    assert!(!matches!(h2.e.status(), Status::ReadyToBackUp { .. }), "the plan waits: {:?}", h2.e.status());
    let now = h2.now;
    h2.e.restore_takeout_waiting(stored, now);
    h2.drain();
    while let Some(a) = h2.local.pop_front() {
        h2.answer_local(a);
        h2.drain();
    }
    assert_eq!(h2.e.status(), Status::ReadyToBackUp { count: 1 });
    let view = h2.e.takeout_view().unwrap();
    assert_eq!((view.summary.dates, view.summary.albums), (1, 1), "paired with what came back");
}

/// An archive backed up alone, then chosen again with the archive that holds its sidecars
/// after a reload: its photos are settled by this browser's own records, yet what the sidecars
/// say of them must still reach the library (fill call), and what waited for them goes.
#[test]
fn a_photo_this_browser_already_backed_up_still_gets_its_sidecars_facts() {
    let mut h = H::new(H::settings());
    let mut srv = FakeTus::new();
    let photo = || (11, "Trip/IMG_9.jpg", bytes(2500, 9), true);
    batch(&mut h, &mut srv, &[photo()]);
    assert_eq!(kept_paths(&h), [format!("{ROOT}/Trip/IMG_9.jpg")], "backed up without its sidecar: it waits");
    // A reload: the done records and what waits are handed back.
    let mut h2 = H::new(H::settings());
    h2.e.load_resume_records(h.store.values().cloned().collect());
    h2.kept = h.kept.clone();
    let now = h2.now;
    h2.e.restore_takeout_waiting(h.kept.clone().into_iter().collect(), now);
    srv.creates.clear();
    let mut both = first_archive();
    both.push(photo());
    batch(&mut h2, &mut srv, &both);
    let sha9 = shoebox_core::hash::sha256_hex(&bytes(2500, 9));
    let fill = srv.fills.iter().find(|(u, _)| u.ends_with(&format!("/api/v1/media/{sha9}/takeout")));
    let body: serde_json::Value = serde_json::from_str(&fill.expect("IMG_9's fill").1).unwrap();
    assert_eq!(body["takenAt"], "2019-06-08T13:20:00Z");
    assert_eq!(body["albums"], r#"["Trip to Lyon"]"#);
    assert!(srv.creates.iter().all(|m| m.get("filename").map(String::as_str) != Some("IMG_9.jpg") || m.get("sha256") == Some(&sha9)));
    let kept = kept_paths(&h2);
    assert!(!kept.contains(&format!("{ROOT}/Trip/IMG_9.jpg")) && !kept.contains(&format!("{ROOT}/Trip/IMG_9.jpg.json")), "{kept:?}");
}

/// The list is capped per account: at the cap a sidecar left for a later archive is not kept,
/// and the plan says so for its path; another account on the same browser still keeps its own.
#[test]
fn at_the_cap_what_cannot_wait_is_said_and_another_account_still_keeps_its_own() {
    let mut h = H::new(H::settings());
    let mut srv = FakeTus::new();
    let owner = h.e.account_digest();
    let text = serde_json::to_string(&serde_json::json!({"kind": "text", "text": "{}"})).unwrap();
    let full: Vec<(String, String)> = (0..MAX_WAITING).map(|i| (format!("{owner} Elsewhere/{i}.json"), text.clone())).collect();
    let now = h.now;
    h.e.restore_takeout_waiting(full, now);
    assert_eq!(h.e.takeout_waiting(), MAX_WAITING);
    batch(&mut h, &mut srv, &first_archive());
    let notes = h.e.takeout_view().unwrap().notes;
    for p in ["Trip/IMG_9.jpg.json", "Trip/metadata.json", "Photos from 2019/IMG_8.jpg"] {
        assert!(notes.contains(&(format!("{ROOT}/{p}"), TakeoutNote::NotKept)), "{p} is said not kept: {notes:?}");
    }
    assert_eq!(h.e.takeout_waiting(), MAX_WAITING, "nothing past the cap");
    // Another account: its own room.
    let mut other = H::new(EngineSettings { token: Some("someone-else".into()), ..H::settings() });
    let full: Vec<(String, String)> = (0..MAX_WAITING).map(|i| (format!("{owner} Elsewhere/{i}.json"), text.clone())).collect();
    let now = other.now;
    other.e.restore_takeout_waiting(full, now);
    batch(&mut other, &mut srv, &first_archive());
    assert!(other.e.takeout_view().unwrap().notes.iter().all(|(_, n)| *n != TakeoutNote::NotKept));
    assert_eq!(other.e.takeout_waiting(), MAX_WAITING + 3);
}
