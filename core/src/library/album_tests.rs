//! The album moves' rules: the selection into an album (a new name or one of the list), the
//! name checked before sending, the album page's figures, its rename (taken names refused),
//! and the downloads, the album's gathered page by page.
use super::tests::{calls, drain, json, BASE};
use super::*;
use crate::api::{AlbumList, AlbumSummary, ApiReply, DaySummary, MediaItem, MediaPage, MediaSummary};
use serde_json::Value;

const LA: &str = "America/Los_Angeles";

fn item(id: u32, day: &str) -> MediaItem {
    MediaItem {
        id: id.to_string(),
        day: day.into(),
        sha256: format!("{id:064x}"),
        filename: Some(format!("DCIM/IMG_{id}.jpg")),
        download_url: Some(format!("/d/{id}")),
        ..Default::default()
    }
}

/// The timeline (or an album's, with `album`) counted and loaded: 3 items on 2024-07-15, 2 on
/// 2023-01-02.
fn loaded(album: Option<&str>) -> LibraryFlow {
    let mut f = LibraryFlow::new(LA);
    let route = match album {
        Some(a) => {
            f.handle_open_album(0, Some(a.into()));
            assert_eq!(drain(&mut f), [LibraryAction::Go(Route::Album(a.into()))], "an album card leads to its page's address");
            Route::Album(a.into())
        }
        None => Route::Timeline,
    };
    f.handle_route(0, route);
    let (w, _) = calls(&mut f).remove(0);
    let day = |d: &str, n| DaySummary { day: d.into(), count: n, bytes: n };
    let sum = MediaSummary { days: vec![day("2024-07-15", 3), day("2023-01-02", 2)], count: 5, ..Default::default() };
    f.handle_answer(10, w, json(200, &sum), BASE);
    let (w, _) = calls(&mut f).remove(0);
    let items = vec![item(1, "2024-07-15"), item(2, "2024-07-15"), item(3, "2024-07-15"), item(4, "2023-01-02"), item(5, "2023-01-02")];
    f.handle_answer(20, w, json(200, &MediaPage { items, next: None }), BASE);
    assert!(calls(&mut f).is_empty());
    f
}

fn body(c: &crate::api::ApiCall) -> Value {
    serde_json::from_str(c.body.as_deref().expect("a body")).unwrap()
}

#[test]
fn the_selection_goes_into_a_new_album_by_its_content() {
    let mut f = loaded(None);
    f.handle_choose_album(30);
    assert!(!f.choosing_album(), "nothing selected: no chooser");
    assert!(calls(&mut f).is_empty());
    f.handle_toggle(31, "2".into());
    f.handle_toggle(32, "4".into());
    f.handle_choose_album(33);
    assert!(f.choosing_album());
    let (w, c) = calls(&mut f).remove(0);
    assert_eq!((w, c.path.as_str()), (LibraryCall::AlbumNames, "/api/v1/albums?tz=America%2FLos_Angeles"));
    let list = AlbumList { albums: vec![AlbumSummary { album: Some("Zoo".into()), ..Default::default() }] };
    f.handle_answer(34, w, json(200, &list), BASE);
    assert_eq!(f.albums()[0].album.as_deref(), Some("Zoo"), "the chooser's list");
    assert_eq!(f.state(), LoadState::Ready, "the timeline's state untouched");

    f.handle_add_to_album(35, "  \t ");
    assert_eq!(f.note(), Some(LibraryNote::AlbumNameRefused));
    assert!(calls(&mut f).is_empty(), "a name the server would refuse is not sent");
    f.handle_add_to_album(36, "  Summer trip ");
    let (w, c) = calls(&mut f).remove(0);
    assert_eq!((w, c.path.as_str()), (LibraryCall::AddToAlbum, "/api/v1/albums/add"));
    assert_eq!(body(&c), serde_json::json!({"album": "Summer trip", "sha256": [format!("{:064x}", 2), format!("{:064x}", 4)]}));
    f.handle_answer(37, w, Ok(ApiReply::new(200, r#"{"added":2}"#)), BASE);
    assert_eq!(f.note(), Some(LibraryNote::AddedToAlbum(2)));
    assert!(f.selected().is_empty() && !f.choosing_album(), "done: the selection and the chooser go");

    f.handle_toggle(40, "1".into());
    f.handle_add_to_album(41, "Zoo");
    let (w, _) = calls(&mut f).remove(0);
    f.handle_answer(42, w, Ok(ApiReply::new(500, "oops")), BASE);
    assert_eq!(f.note(), Some(LibraryNote::ActionFailed));
    assert_eq!(f.selected(), ["1".to_string()], "a failed add keeps the selection");
}

#[test]
fn the_album_page_counts_its_days_and_follows_a_rename() {
    let f = loaded(None);
    assert_eq!(f.album_page(), None, "the whole timeline is no album's page");
    let mut f = loaded(Some("Trip"));
    let page = f.album_page().unwrap();
    assert_eq!(
        (page.name.as_str(), page.count, page.first_day.as_deref(), page.last_day.as_deref()),
        ("Trip", 5, Some("2023-01-02"), Some("2024-07-15"))
    );
    f.handle_rename_album(50, "Trip");
    assert!(calls(&mut f).is_empty(), "the same name: nothing to do");
    f.handle_rename_album(51, "a\u{1}b");
    assert_eq!((f.note(), calls(&mut f).len()), (Some(LibraryNote::AlbumNameRefused), 0));
    f.handle_rename_album(52, "Holiday");
    let (w, c) = calls(&mut f).remove(0);
    assert_eq!(body(&c), serde_json::json!({"from": "Trip", "to": "Holiday"}));
    f.handle_answer(53, w, Ok(ApiReply::new(409, r#"{"code":"album_exists","message":"x"}"#)), BASE);
    assert_eq!(f.note(), Some(LibraryNote::AlbumExists));
    f.handle_rename_album(53, "Holiday");
    let (w, _) = calls(&mut f).remove(0);
    f.handle_answer(53, w, Ok(ApiReply::new(409, r#"{"code":"album_live_visit","message":"x"}"#)), BASE);
    assert_eq!(f.note(), Some(LibraryNote::AlbumLiveVisit), "a live kiosk visit's drop: said so");
    assert_eq!(f.album_page().unwrap().name, "Trip", "a refused rename leaves the page");
    f.handle_rename_album(54, " Road trip ");
    let (w, _) = calls(&mut f).remove(0);
    f.handle_answer(55, w, Ok(ApiReply::new(200, r#"{"renamed":5}"#)), BASE);
    assert_eq!(f.note(), Some(LibraryNote::AlbumRenamed));
    assert_eq!((f.filters().album.as_deref(), f.route()), (Some("Road trip"), &Route::Album("Road trip".into())));
    let mut actions = drain(&mut f).into_iter();
    assert_eq!(actions.next(), Some(LibraryAction::Replace(Route::Album("Road trip".into()))), "the address follows, in place");
    let LibraryAction::Call(w, c) = actions.next().unwrap() else { panic!("a call") };
    assert!(matches!(w, LibraryCall::Summary(_)) && c.path.contains("album=Road%20trip"), "counted again under its new name: {}", c.path);
    // Renamed again, but the person went to the timeline before the answer: they stay there.
    f.handle_rename_album(56, "Road trip 2024");
    let (w, _) = calls(&mut f).remove(0);
    f.handle_route(57, Route::Timeline);
    drain(&mut f);
    f.handle_answer(58, w, Ok(ApiReply::new(200, r#"{"renamed":5}"#)), BASE);
    assert_eq!((f.note(), f.route()), (Some(LibraryNote::AlbumRenamed), &Route::Timeline));
    assert!(!drain(&mut f).iter().any(|a| matches!(a, LibraryAction::Replace(_) | LibraryAction::Go(_))), "the address is left alone");
}

fn downloads(f: &mut LibraryFlow) -> Vec<Download> {
    drain(f).into_iter().find_map(|a| if let LibraryAction::Download(d) = a { Some(d) } else { None }).expect("a download")
}

#[test]
fn one_item_downloads_as_itself_several_and_a_whole_album_as_one_zip() {
    let mut f = loaded(Some("Trip/2024"));
    f.handle_toggle(60, "3".into());
    f.handle_download_selected(61);
    let d = downloads(&mut f);
    assert_eq!(d.iter().map(|d| (d.url.as_str(), d.filename.as_str())).collect::<Vec<_>>(), [("https://photos.example/d/3", "IMG_3.jpg")]);

    f.handle_toggle(62, "1".into());
    f.handle_download_selected(63);
    let (w, c) = calls(&mut f).remove(0);
    assert_eq!((w, c.path.as_str()), (LibraryCall::Zip, "/api/v1/albums/zip"));
    assert_eq!(body(&c), serde_json::json!({"ids": ["3", "1"]}), "the selection, in the order picked");
    f.handle_answer(64, w, Ok(ApiReply::new(200, r#"{"url":"/api/v1/zip?ids=3,1&s=x","count":2}"#)), BASE);
    let d = downloads(&mut f);
    assert_eq!(d, [Download { url: "https://photos.example/api/v1/zip?ids=3,1&s=x".into(), filename: "Shoebox.zip".into() }]);

    f.handle_download_album(65);
    let (w, c) = calls(&mut f).remove(0);
    assert_eq!(body(&c), serde_json::json!({"album": "Trip/2024"}));
    f.handle_answer(66, w, Ok(ApiReply::new(200, r#"{"url":"/api/v1/zip?album=Trip%2F2024&s=y","count":5}"#)), BASE);
    assert_eq!(downloads(&mut f)[0].filename, "Trip_2024.zip", "one file, named after the album, no folder in its name");
    f.handle_download_album(67);
    let (w, _) = calls(&mut f).remove(0);
    f.handle_answer(68, w, Ok(ApiReply::new(500, "")), BASE);
    assert_eq!((f.note(), drain(&mut f)), (Some(LibraryNote::ActionFailed), vec![]), "a refusal says so, nothing saved");
}

#[test]
fn a_tap_opens_the_viewer_unless_something_is_selected() {
    let mut f = loaded(None);
    f.handle_tap(70, 2, "3".into());
    assert_eq!(f.viewer().map(|v| v.index), Some(2));
    f.handle_close_viewer(71);
    f.handle_toggle(72, "1".into());
    f.handle_tap(73, 2, "3".into());
    assert!(f.viewer().is_none(), "selecting: a tap selects");
    assert_eq!(f.selected(), ["1".to_string(), "3".to_string()]);
    f.handle_tap(74, 0, "1".into());
    assert_eq!(f.selected(), ["3".to_string()], "and a second tap leaves it out");
}

#[test]
fn leaving_an_albums_page_leaves_the_album() {
    let mut f = loaded(Some("Trip"));
    f.handle_route(80, Route::Albums);
    drain(&mut f);
    f.handle_route(81, Route::Timeline);
    assert_eq!((f.album_page(), f.filters().album.clone()), (None, None), "Photos shows everything again");
    let mut f = loaded(Some("Trip"));
    f.handle_open_album(82, None);
    assert_eq!(drain(&mut f), [LibraryAction::Go(Route::Timeline)], "Photos: the timeline's own address");
    f.handle_route(83, Route::Timeline);
    assert_eq!((f.album_page(), f.filters().album.clone()), (None, None));
    drain(&mut f);
    // The items without an album are the timeline narrowed, with no page of their own.
    f.handle_open_album(84, Some(String::new()));
    let c = calls(&mut f);
    assert!(matches!(c[..], [(LibraryCall::Summary(_), _)]), "already on the timeline: counted again at once: {c:?}");
    assert_eq!((f.album_page(), f.filters().album.as_deref()), (None, Some("")));
}

#[test]
fn an_albums_address_opened_directly_shows_that_album_or_says_it_is_not_there() {
    for (listed, missing) in [(vec![Some("Zoo"), Some("Trip"), None], false), (vec![Some("Zoo"), None], true)] {
        let mut f = LibraryFlow::new(LA);
        f.handle_route(0, Route::from_hash("#/library/albums/Trip"));
        let c = calls(&mut f);
        assert_eq!(c.len(), 2, "{c:?}");
        assert!(matches!(c[0].0, LibraryCall::Summary(_)) && c[0].1.path.contains("album=Trip"), "{}", c[0].1.path);
        assert_eq!((c[1].0, c[1].1.path.as_str()), (LibraryCall::AlbumNames, "/api/v1/albums?tz=America%2FLos_Angeles"));
        assert_eq!(f.album_page().map(|p| (p.name, p.missing)), Some(("Trip".into(), false)), "not said missing before the list came");
        let albums = listed.iter().map(|a| AlbumSummary { album: a.map(str::to_string), ..Default::default() }).collect();
        f.handle_answer(1, c[1].0, json(200, &AlbumList { albums }), BASE);
        assert_eq!(f.album_page().map(|p| p.missing), Some(missing), "{listed:?}");
        // Another album's address (Back, Forward): its own page, its own check.
        f.handle_route(2, Route::Album("Zoo".into()));
        assert_eq!(f.album_page().map(|p| (p.name, p.missing)), Some(("Zoo".into(), false)));
        assert_eq!(f.filters().album.as_deref(), Some("Zoo"));
        assert_eq!(calls(&mut f).len(), 2, "counted and checked again");
    }
}

#[test]
fn a_new_empty_album_is_made_and_listed_or_its_taken_name_said() {
    let mut f = LibraryFlow::new(LA);
    f.handle_route(0, Route::Albums);
    drain(&mut f);
    f.handle_create_album(1, "   ");
    assert_eq!((f.note(), calls(&mut f).len()), (Some(LibraryNote::AlbumNameRefused), 0));
    f.handle_create_album(2, " Trip ");
    let (w, c) = calls(&mut f).remove(0);
    assert_eq!((w, c.path.as_str()), (LibraryCall::CreateAlbum, "/api/v1/albums"));
    assert_eq!(body(&c), serde_json::json!({"album": "Trip"}));
    f.handle_answer(3, w, Ok(ApiReply::new(201, r#"{"album":"Trip"}"#)), BASE);
    let (w, c) = calls(&mut f).remove(0);
    assert!(matches!(w, LibraryCall::Albums(_)) && c.path.starts_with("/api/v1/albums?tz="), "the list loads again");
    f.handle_create_album(4, "Trip");
    let (w, _) = calls(&mut f).remove(0);
    f.handle_answer(5, w, Ok(ApiReply::new(409, r#"{"code":"album_exists","message":"x"}"#)), BASE);
    assert_eq!(f.note(), Some(LibraryNote::AlbumExists));
}

#[test]
fn on_an_albums_page_the_selection_leaves_that_album_and_the_page_counts_again() {
    // Off an album's page there is nothing to leave.
    let mut f = loaded(None);
    f.handle_toggle(1, "2".into());
    f.handle_remove_from_album(2);
    assert!(calls(&mut f).is_empty());
    let mut f = loaded(Some("Zoo"));
    f.handle_remove_from_album(30);
    assert!(calls(&mut f).is_empty(), "nothing selected: nothing sent");
    f.handle_toggle(31, "3".into());
    f.handle_remove_from_album(32);
    let (w, c) = calls(&mut f).remove(0);
    assert_eq!((w, c.path.as_str()), (LibraryCall::RemoveFromAlbum, "/api/v1/albums/remove"));
    assert_eq!(body(&c), serde_json::json!({"album": "Zoo", "sha256": [format!("{:064x}", 3)]}));
    f.handle_answer(33, w, Ok(ApiReply::new(200, r#"{"removed":1}"#)), BASE);
    assert_eq!(f.note(), Some(LibraryNote::RemovedFromAlbum(1)));
    assert!(f.selected().is_empty());
    assert!(matches!(calls(&mut f).remove(0).0, LibraryCall::Summary(_)), "the page counts again");
    // A refusal says so and keeps the selection.
    f.handle_toggle(34, "4".into());
    f.handle_remove_from_album(35);
    let (w, _) = calls(&mut f).remove(0);
    f.handle_answer(36, w, Ok(ApiReply::new(403, "")), BASE);
    assert_eq!(f.note(), Some(LibraryNote::ActionFailed));
    assert_eq!(f.selected().len(), 1);
    f.handle_remove_from_album(37);
    let (w, _) = calls(&mut f).remove(0);
    f.handle_answer(38, w, Ok(ApiReply::new(409, r#"{"code":"album_live_visit","message":"x"}"#)), BASE);
    assert_eq!((f.note(), f.selected().len()), (Some(LibraryNote::AlbumLiveVisit), 1), "said why, the selection kept");
}
