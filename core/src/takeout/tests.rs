//! The export index, sidecar parsing and the date rule, on exports laid out as Google lays them.
use super::date::{choose, TakenDate};
use super::index::{looks_like_export, Role, Summary, TakeoutIndex};
use super::sidecar::{parse_album_title, parse_sidecar, SidecarFault};
use super::time::{parse_rfc3339, rfc3339, wall_clock_secs};
use crate::facts::MediaKind;

const GP: &str = "Takeout/Google Photos";

fn export() -> TakeoutIndex {
    let files: Vec<(String, u64)> = [
        ("archive_browser.html", 10),
        ("print-subscriptions.json", 10),
        ("shared_album_comments.json", 10),
        ("user-generated-memory-titles.json", 10),
        ("Photos from 2019/IMG_0001.JPG", 100),
        ("Photos from 2019/IMG_0001.JPG.supplemental-metadata.json", 1),
        ("Photos from 2019/IMG_0001-edited.JPG", 120),
        ("Photos from 2019/IMG_0002.HEIC", 200),
        ("Photos from 2019/IMG_0002.HEIC.json", 1),
        ("Photos from 2019/IMG_0002.MP4", 300),
        ("Photos from 2019/IMG_0003(1).jpg", 400),
        ("Photos from 2019/IMG_0003.jpg(1).json", 1),
        ("Photos from 2019/VID_0004.mp4", 500),
        ("Photos from 2019/metadata.json", 1),
        ("Photos from 2019/orphan.jpg.supplemental-metadata.json", 1),
        ("Summer/metadata.json", 1),
        ("Summer/IMG_0001.JPG", 100),
        ("Summer/IMG_0001.JPG.supplemental-metadata.json", 1),
        ("Family/metadata.json", 1),
        ("Family/IMG_0001.JPG", 100),
        ("Family/IMG_0001.JPG.json", 1),
        ("Loose folder/IMG_0009.jpg", 900),
    ]
    .iter()
    .map(|(p, s)| (format!("{GP}/{p}"), *s))
    .collect();
    TakeoutIndex::new(files.iter().map(|(p, s)| (p.as_str(), *s)))
}

fn at(ix: &TakeoutIndex, path: &str) -> usize {
    (0..ix.len()).find(|i| ix.path(*i) == format!("{GP}/{path}")).expect(path)
}

fn sidecar_path(ix: &TakeoutIndex, path: &str) -> Option<String> {
    ix.sidecar_of(at(ix, path)).map(|j| ix.path(j).trim_start_matches(&format!("{GP}/")).to_string())
}

#[test]
fn an_export_is_recognised_and_a_plain_folder_is_not() {
    assert!(export().is_export());
    assert!(looks_like_export(["x/IMG_1.jpg.supplemental-metadata.json"]));
    assert!(looks_like_export(["Takeout/Google Fotos/Fotos von 2019/a.jpg"]));
    assert!(!looks_like_export(["Holiday/IMG_1.jpg", "Holiday/notes.json", "Takeout/other.txt"]));
}

#[test]
fn roles_of_an_exports_files() {
    let ix = export();
    for f in ["archive_browser.html", "print-subscriptions.json", "shared_album_comments.json", "user-generated-memory-titles.json"] {
        assert_eq!(ix.role(at(&ix, f)), Role::ExportFile, "{f}");
    }
    assert_eq!(ix.role(at(&ix, "Summer/metadata.json")), Role::AlbumMeta);
    assert_eq!(ix.role(at(&ix, "Photos from 2019/IMG_0002.HEIC.json")), Role::Sidecar);
    assert_eq!(ix.role(at(&ix, "Photos from 2019/IMG_0002.MP4")), Role::Media(MediaKind::Video));
    assert_eq!(ix.role(at(&ix, "Photos from 2019/IMG_0002.HEIC")), Role::Media(MediaKind::Photo));
}

#[test]
fn each_item_finds_its_sidecar_in_its_own_folder() {
    let ix = export();
    let s = |p| sidecar_path(&ix, p);
    assert_eq!(s("Photos from 2019/IMG_0001.JPG").as_deref(), Some("Photos from 2019/IMG_0001.JPG.supplemental-metadata.json"));
    assert_eq!(s("Photos from 2019/IMG_0001-edited.JPG").as_deref(), Some("Photos from 2019/IMG_0001.JPG.supplemental-metadata.json"));
    assert_eq!(s("Photos from 2019/IMG_0003(1).jpg").as_deref(), Some("Photos from 2019/IMG_0003.jpg(1).json"));
    // The Live Photo's video takes its photo's sidecar.
    assert_eq!(s("Photos from 2019/IMG_0002.MP4").as_deref(), Some("Photos from 2019/IMG_0002.HEIC.json"));
    assert_eq!(s("Summer/IMG_0001.JPG").as_deref(), Some("Summer/IMG_0001.JPG.supplemental-metadata.json"));
    assert_eq!(s("Family/IMG_0001.JPG").as_deref(), Some("Family/IMG_0001.JPG.json"));
    assert_eq!(s("Photos from 2019/VID_0004.mp4"), None);
    let unmatched: Vec<&str> = ix.unmatched().into_iter().map(|i| ix.path(i).trim_start_matches(&format!("{GP}/"))).collect();
    assert_eq!(
        unmatched,
        ["Photos from 2019/VID_0004.mp4", "Photos from 2019/orphan.jpg.supplemental-metadata.json", "Loose folder/IMG_0009.jpg"]
    );
}

#[test]
fn albums_are_the_folders_with_metadata_json_under_their_titles() {
    let mut ix = export();
    ix.handle_read(at(&ix, "Summer/metadata.json"), br#"{"title": "Summer at the lake", "description": ""}"#);
    ix.handle_read(at(&ix, "Family/metadata.json"), b"not json");
    // The year folder's own metadata.json does not make it an album.
    assert!(!ix.to_read().contains(&at(&ix, "Photos from 2019/metadata.json")));
    // A photo in a year folder and two albums: listed in both (the unreadable title keeps the folder's name).
    for p in ["Photos from 2019/IMG_0001.JPG", "Summer/IMG_0001.JPG", "Family/IMG_0001.JPG"] {
        assert_eq!(ix.albums_of(at(&ix, p)), ["Family", "Summer at the lake"], "{p}");
    }
    // Another photo of that name but other bytes is in no album; the loose folder is none.
    assert!(ix.albums_of(at(&ix, "Photos from 2019/IMG_0001-edited.JPG")).is_empty());
    assert!(ix.albums_of(at(&ix, "Loose folder/IMG_0009.jpg")).is_empty());
}

#[test]
fn the_summary_fills_in_as_sidecars_are_read() {
    let mut ix = export();
    let before = ix.summary();
    assert_eq!(before, Summary { photos: 7, videos: 2, albums: 2, dates: 0, places: 0, without_sidecar: 2 });
    let sc = br#"{"photoTakenTime": {"timestamp": "1562263391"}, "geoData": {"latitude": 0.0, "longitude": 0.0},
                 "geoDataExif": {"latitude": 46.5, "longitude": 6.6}}"#;
    for i in ix.to_read() {
        if ix.role(i) == Role::Sidecar {
            ix.handle_read(i, sc);
        }
    }
    ix.handle_read(at(&ix, "Photos from 2019/IMG_0002.HEIC.json"), b"{\"photoTakenTime\": 5");
    let after = ix.summary();
    // Nine items: seven with a readable sidecar; the Live Photo pair's broken one gives nothing.
    assert_eq!((after.dates, after.places, after.without_sidecar), (5, 5, 2));
    let (meta, faults) = ix.item_meta(at(&ix, "Photos from 2019/IMG_0002.MP4"));
    assert_eq!((meta.taken_at, faults), (None, vec![SidecarFault::NotJson]));
    let (meta, _) = ix.item_meta(at(&ix, "Summer/IMG_0001.JPG"));
    assert_eq!((meta.taken_at, meta.place, meta.albums.len()), (Some(1_562_263_391), Some((46.5, 6.6)), 2));
}

#[test]
fn sidecar_values_are_read_and_wrong_types_noted_never_a_panic() {
    let s = parse_sidecar(
        br#"{"title":"a.jpg","description":"  Lake  ","photoTakenTime":{"timestamp":1600596727,"formatted":"x"},
            "geoData":{"latitude":55.2694,"longitude":37.6655},"favorited":true,"archived":false}"#,
    )
    .unwrap();
    assert_eq!(
        (s.taken_at, s.place, s.description.as_deref(), s.favorited, s.archived),
        (Some(1_600_596_727), Some((55.2694, 37.6655)), Some("Lake"), true, false)
    );
    assert!(s.faults.is_empty());
    let s = parse_sidecar(br#"{"photoTakenTime":{"timestamp":"soon"},"geoData":{"latitude":"north"},"description":7,"favorited":"yes"}"#)
        .unwrap();
    assert_eq!((s.taken_at, s.place, s.description), (None, None, None));
    assert_eq!(s.faults, [SidecarFault::BadTakenTime, SidecarFault::BadPlace, SidecarFault::BadDescription, SidecarFault::BadMark]);
    let s = parse_sidecar(br#"{"geoData":{"latitude":0,"longitude":0},"geoDataExif":{"latitude":0.0,"longitude":0.0}}"#).unwrap();
    assert_eq!((s.place, s.faults.len()), (None, 0), "0, 0 is no place");
    let s = parse_sidecar(br#"{"geoData":{"latitude":95,"longitude":10},"photoTakenTime":{"timestamp":"1e30"}}"#).unwrap();
    assert_eq!(s.faults, [SidecarFault::BadTakenTime, SidecarFault::BadPlace]);
    assert_eq!(parse_sidecar(b"[1,2]"), Err(SidecarFault::NotObject));
    assert_eq!(parse_sidecar(b"\xff\xfe{"), Err(SidecarFault::NotJson));
    assert_eq!(parse_sidecar(b""), Err(SidecarFault::NotJson));
    assert_eq!(parse_album_title(br#"{"title": 3}"#), Err(SidecarFault::BadTitle));
    assert_eq!(parse_album_title("\u{feff}{\"title\": \" Été \"}".as_bytes()).as_deref(), Ok("Été"));
}

#[test]
fn instants_and_wall_clocks() {
    assert_eq!(parse_rfc3339("1970-01-01T00:00:00Z"), Some(0));
    assert_eq!(parse_rfc3339("2019-07-04T20:03:11+02:00"), Some(1_562_263_391));
    assert_eq!(parse_rfc3339("2019-07-04T18:03:11.250Z"), Some(1_562_263_391));
    assert_eq!(rfc3339(1_562_263_391), "2019-07-04T18:03:11Z");
    for bad in [
        "2019-07-04T18:03:11",
        "2019-02-30T00:00:00Z",
        "2019-07-04 18:03Z",
        "yesterday",
        "2019-07-04T18:03:11+2:00",
        "2019-07-04T18:03:11.Z",
    ] {
        assert_eq!(parse_rfc3339(bad), None, "{bad}");
    }
    assert_eq!(wall_clock_secs("2019:07:04 18:03:11"), Some(1_562_263_391));
    assert_eq!(wall_clock_secs("0000:00:00 00:00:00"), None);
}

#[test]
fn the_date_rule_keeps_exif_within_14_hours_else_googles_instant() {
    let g = parse_rfc3339("2019-07-04T18:03:11Z");
    // Taken in Tokyo at 03:03 local the next day: 9 hours ahead, the same moment.
    assert_eq!(choose(Some("2019:07:05 03:03:11"), g), Some(TakenDate::Exif("2019:07:05 03:03:11".into())));
    assert_eq!(choose(Some("2019:07:05 08:03:11"), g), Some(TakenDate::Exif("2019:07:05 08:03:11".into())), "exactly 14 h");
    assert_eq!(choose(Some("2019:07:05 08:03:12"), g), Some(TakenDate::Google(1_562_263_391)), "corrected in Google Photos");
    assert_eq!(choose(None, g), Some(TakenDate::Google(1_562_263_391)));
    assert_eq!(choose(Some("0000:00:00 00:00:00"), g), Some(TakenDate::Google(1_562_263_391)));
    assert_eq!(choose(Some("2019:07:05 03:03:11"), None), Some(TakenDate::Exif("2019:07:05 03:03:11".into())));
    assert_eq!(choose(None, None), None);
    assert_eq!(TakenDate::Google(1_562_263_391).captured_at().as_deref(), Some("2019-07-04T18:03:11Z"));
    assert_eq!(TakenDate::Exif("2019:07:05 03:03:11".into()).captured_at().as_deref(), Some("2019-07-05T03:03:11"));
}

#[test]
fn what_waits_of_a_sidecar_is_only_what_is_read_and_reads_the_same() {
    let full = br#"{"title":"IMG_1.jpg","description":"Grandma","imageViews":"7","url":"https://photos.google.com/photo/x",
        "people":[{"name":"Ann"}],"photoTakenTime":{"timestamp":"1560000000"},"geoData":{"latitude":45.5,"longitude":4.5},
        "googlePhotosOrigin":{"mobileUpload":{"deviceType":"ANDROID_PHONE"}},"favorited":true}"#;
    let kept = super::sidecar::kept_text(full);
    for gone in ["Ann", "photos.google.com", "ANDROID_PHONE", "imageViews"] {
        assert!(!kept.contains(gone), "{gone} is not kept: {kept}");
    }
    assert_eq!(parse_sidecar(kept.as_bytes()), parse_sidecar(full));
    assert_eq!(parse_album_title(super::sidecar::kept_text(br#"{"title":"Trip","access":"protected"}"#).as_bytes()), Ok("Trip".into()));
    assert_eq!(super::sidecar::kept_text(b"not json"), "not json");
}
