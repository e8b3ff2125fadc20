//! The library flow's rules, each driven with virtual time and answers made up here.
use super::*;
use crate::api::{ApiAnswer, ApiCall, ApiReply, DaySummary, MediaItem, MediaPage, MediaSummary};
use crate::engine::{Method, NetError, Status};

const LA: &str = "America/Los_Angeles";
pub(super) const BASE: &str = "https://photos.example";

pub(super) fn drain(f: &mut LibraryFlow) -> Vec<LibraryAction> {
    std::iter::from_fn(|| f.poll_action()).collect()
}

pub(super) fn calls(f: &mut LibraryFlow) -> Vec<(LibraryCall, ApiCall)> {
    drain(f)
        .into_iter()
        .filter_map(|a| match a {
            LibraryAction::Call(w, c) => Some((w, c)),
            _ => None,
        })
        .collect()
}

pub(super) fn one_call(f: &mut LibraryFlow) -> (LibraryCall, ApiCall) {
    let mut c = calls(f);
    assert_eq!(c.len(), 1, "exactly one call: {c:?}");
    c.remove(0)
}

pub(super) fn json(status: u16, v: &impl serde::Serialize) -> ApiAnswer {
    Ok(ApiReply::new(status, serde_json::to_string(v).unwrap()))
}

/// Two days: 3 items on 2024-07-15, 2 on 2024-07-14.
pub(super) fn summary() -> MediaSummary {
    let day = |d: &str, n| DaySummary { day: d.into(), count: n, bytes: n * 10 };
    MediaSummary { days: vec![day("2024-07-15", 3), day("2024-07-14", 2)], count: 5, bytes: 50, trash_count: 1, ..Default::default() }
}

pub(super) fn item(id: u32, day: &str) -> MediaItem {
    MediaItem { id: id.to_string(), day: day.into(), thumb_url: Some(format!("/t/{id}")), ..Default::default() }
}

/// A flow on the timeline with its counts in and every item loaded.
pub(super) fn loaded() -> LibraryFlow {
    let mut f = LibraryFlow::new(LA);
    f.handle_route(0, Route::Timeline);
    let (w, _) = one_call(&mut f);
    f.handle_answer(10, w, json(200, &summary()), BASE);
    let (w, c) = one_call(&mut f);
    assert!(c.path.contains("day=2024-07-15"), "the first visible day's page: {}", c.path);
    let items = vec![item(1, "2024-07-15"), item(2, "2024-07-15"), item(3, "2024-07-15"), item(4, "2024-07-14"), item(5, "2024-07-14")];
    f.handle_answer(20, w, json(200, &MediaPage { items, next: None }), BASE);
    assert!(calls(&mut f).is_empty(), "everything on screen is loaded");
    f
}

#[test]
fn each_view_loads_what_it_shows_and_the_albums_load_again_each_time() {
    let mut f = LibraryFlow::new(LA);
    f.handle_route(0, Route::Backup);
    assert!(calls(&mut f).is_empty(), "the backup view asks nothing");
    f.handle_route(1, Route::Timeline);
    let (w, c) = one_call(&mut f);
    assert!(matches!(w, LibraryCall::Summary(_)));
    assert_eq!((c.method, c.bearer.clone()), (Method::Get, crate::api::Bearer::Device));
    assert!(c.path.starts_with(crate::api::SUMMARY_PATH), "{}", c.path);
    assert_eq!(f.state(), LoadState::Loading);
    f.handle_route(2, Route::Timeline);
    assert!(calls(&mut f).is_empty(), "the same view again loads nothing");
    f.handle_route(3, Route::Albums);
    let (w, c) = one_call(&mut f);
    assert!(matches!(w, LibraryCall::Albums(_)));
    assert_eq!(c.path, "/api/v1/albums?tz=America%2FLos_Angeles");
    f.handle_route(4, Route::Albums);
    assert!(matches!(one_call(&mut f).0, LibraryCall::Albums(_)), "albums are fresh each time they show");
    f.handle_route(5, Route::Trash);
    assert!(matches!(one_call(&mut f).0, LibraryCall::Summary(_)));
}

#[test]
fn a_route_change_closes_the_viewer_clears_the_selection_and_the_note() {
    let mut f = loaded();
    f.handle_open(30, 1);
    f.handle_toggle(31, "2".into());
    f.handle_send_selected(32, true);
    let (w, _) = one_call(&mut f);
    f.handle_answer(33, w, Err(NetError::Timeout), BASE);
    assert_eq!(f.note(), Some(LibraryNote::ActionFailed));
    f.handle_route(34, Route::Timeline);
    assert!(f.viewer().is_none(), "any route closes the viewer");
    assert_eq!(f.note(), Some(LibraryNote::ActionFailed), "the same route keeps the note");
    assert_eq!(f.selected(), ["2".to_string()], "and the selection");
    f.handle_route(35, Route::Trash);
    assert_eq!(f.note(), None);
    assert!(f.selected().is_empty());
}

#[test]
fn the_viewer_steps_within_the_timeline_and_never_past_either_end() {
    let mut f = loaded();
    f.handle_open(30, 0);
    let v = f.viewer().unwrap();
    assert_eq!((v.index, v.has_prev, v.has_next), (0, false, true));
    assert_eq!(v.item.as_ref().map(|i| i.id.as_str()), Some("1"));
    f.handle_step(31, -1);
    assert_eq!(f.viewer().unwrap().index, 0, "nothing before the newest");
    f.handle_step(32, 4);
    let v = f.viewer().unwrap();
    assert_eq!((v.index, v.has_prev, v.has_next), (4, true, false));
    assert_eq!(v.item.as_ref().map(|i| i.id.as_str()), Some("5"), "across days");
    f.handle_step(33, 1);
    assert_eq!(f.viewer().unwrap().index, 4, "nothing after the oldest");
    f.handle_open(34, 5);
    assert_eq!(f.viewer().unwrap().index, 4, "an index past the end opens nothing");
    f.handle_close_viewer(35);
    assert!(f.viewer().is_none());
    assert_eq!(f.focus().map(|(_, i)| i), Some(4), "focus returns to the item last shown");
}

#[test]
fn the_viewer_waits_for_its_items_page_and_shows_it_when_it_comes() {
    let mut f = LibraryFlow::new(LA);
    f.handle_route(0, Route::Timeline);
    let (w, _) = one_call(&mut f);
    f.handle_answer(10, w, json(200, &summary()), BASE);
    let (first, _) = one_call(&mut f);
    f.handle_open(11, 4);
    assert!(f.viewer().unwrap().item.is_none());
    assert!(calls(&mut f).is_empty(), "one page at a time");
    f.handle_answer(12, first, Err(NetError::Timeout), BASE);
    let (w, c) = one_call(&mut f);
    assert!(c.path.contains("day=2024-07-14"), "the viewer's day comes first: {}", c.path);
    f.handle_answer(13, w, json(200, &MediaPage { items: vec![item(4, "2024-07-14"), item(5, "2024-07-14")], next: None }), BASE);
    let shown = f.viewer().unwrap().item.clone().unwrap();
    assert_eq!(shown.id, "5");
    assert_eq!(shown.thumb_url.as_deref(), Some("https://photos.example/t/5"), "signed URLs made whole on the API base");
}

#[test]
fn a_backup_completing_while_the_library_shows_reloads_it_once() {
    let mut f = loaded();
    let complete = Status::Complete { uploaded: 2, already: 0, skipped: 0, failed: 0 };
    f.handle_status(40, &Status::BackingUp { done: 0, total: 2, bytes_left: 9, eta_ms: None });
    assert!(calls(&mut f).is_empty());
    f.handle_status(41, &complete);
    assert!(matches!(one_call(&mut f).0, LibraryCall::Summary(_)));
    f.handle_status(42, &complete);
    assert!(calls(&mut f).is_empty(), "the same Complete heard again reloads nothing");
    f.handle_route(43, Route::Albums);
    drain(&mut f);
    f.handle_status(44, &Status::Ready);
    f.handle_status(45, &complete);
    assert!(matches!(one_call(&mut f).0, LibraryCall::Albums(_)), "the albums view reloads its albums");
    f.handle_route(46, Route::Backup);
    f.handle_status(47, &Status::Ready);
    f.handle_status(48, &complete);
    assert!(calls(&mut f).is_empty(), "the backup view shows no library");
}

#[test]
fn signing_in_reloads_an_open_library_view_only() {
    let mut f = LibraryFlow::new(LA);
    f.handle_signed_in(0);
    assert!(calls(&mut f).is_empty());
    f.handle_route(1, Route::Trash);
    drain(&mut f);
    f.handle_signed_in(2);
    assert!(matches!(one_call(&mut f).0, LibraryCall::Summary(_)));
}

#[test]
fn the_trash_ignores_the_timelines_filters() {
    let mut f = LibraryFlow::new(LA);
    f.handle_route(0, Route::Timeline);
    f.handle_filters(1, Filters { q: "beach".into(), kind: Kind::Videos, ..Filters::default() });
    let c = calls(&mut f).pop().unwrap().1;
    assert!(c.path.contains("q=beach") && c.path.contains("kind=video"), "{}", c.path);
    f.handle_route(2, Route::Trash);
    let c = one_call(&mut f).1;
    assert_eq!(c.path, "/api/v1/media/summary?tz=America%2FLos_Angeles&trash=true");
    assert_eq!(f.filters().q, "beach", "the timeline keeps its filters for later");
}

#[test]
fn no_library_here_on_401_403_404_and_a_failure_otherwise() {
    for (answer, want) in [
        (Ok(ApiReply::new(401, "")), LoadState::Unavailable),
        (Ok(ApiReply::new(403, "")), LoadState::Unavailable),
        (Ok(ApiReply::new(404, "not found")), LoadState::Unavailable),
        (Ok(ApiReply::new(500, "")), LoadState::Failed),
        (Ok(ApiReply::new(200, "<html>")), LoadState::Failed),
        (Err(NetError::Offline), LoadState::Failed),
    ] {
        for route in [Route::Timeline, Route::Albums] {
            let mut f = LibraryFlow::new(LA);
            f.handle_route(0, route.clone());
            let (w, _) = one_call(&mut f);
            f.handle_answer(5, w, answer.clone(), BASE);
            assert_eq!(f.state(), want, "{route:?} {answer:?}");
            assert!(calls(&mut f).is_empty(), "no page without counts");
        }
    }
}

#[test]
fn an_answer_for_a_view_or_filters_since_left_is_dropped() {
    let mut f = LibraryFlow::new(LA);
    f.handle_route(0, Route::Timeline);
    let (old, _) = one_call(&mut f);
    f.handle_filters(1, Filters { q: "x".into(), ..Filters::default() });
    let (new, _) = one_call(&mut f);
    f.handle_answer(2, old, json(200, &summary()), BASE);
    assert_eq!(f.state(), LoadState::Loading, "the old filters' counts are not shown");
    assert!(calls(&mut f).is_empty());
    f.handle_answer(3, new, json(200, &MediaSummary { count: 0, ..Default::default() }), BASE);
    assert_eq!((f.state(), f.matching()), (LoadState::Ready, 0));
}

#[test]
fn the_filters_make_one_query_for_counts_and_pages_with_the_viewers_zone() {
    let f = Filters {
        q: " a&b=c+d ".into(),
        album: Some(String::new()),
        from: "2024-01-01".into(),
        to: "2024-12-31".into(),
        kind: Kind::Photos,
    };
    assert_eq!(filter_query(&f, LA, false), "tz=America%2FLos_Angeles&q=a%26b%3Dc%2Bd&album=&from=2024-01-01&to=2024-12-31&kind=photo");
    assert_eq!(filter_query(&Filters::default(), "-480", false), "tz=-480", "an offset when the browser names no zone");
    for (kind, part) in [(Kind::Videos, "kind=video"), (Kind::Downsized, "quality=downsized"), (Kind::Originals, "quality=original")] {
        assert!(filter_query(&Filters { kind, ..Filters::default() }, LA, false).ends_with(part));
    }
    let mut flow = LibraryFlow::new("Europe/Paris");
    flow.handle_route(0, Route::Timeline);
    flow.handle_filters(1, Filters { album: Some("Été 2024".into()), ..Filters::default() });
    let (w, c) = calls(&mut flow).pop().unwrap();
    let query = "tz=Europe%2FParis&album=%C3%89t%C3%A9%202024";
    assert_eq!(c.path, format!("/api/v1/media/summary?{query}"));
    flow.handle_answer(2, w, json(200, &summary()), BASE);
    let c = one_call(&mut flow).1;
    assert_eq!(c.path, format!("/api/v1/media?order=taken&limit=300&day=2024-07-15&{query}"), "pages carry the same filters");
}

#[test]
fn a_day_a_page_ended_inside_continues_from_its_cursor() {
    let mut f = LibraryFlow::new(LA);
    f.handle_route(0, Route::Timeline);
    let (w, _) = one_call(&mut f);
    f.handle_answer(1, w, json(200, &summary()), BASE);
    let (w, _) = one_call(&mut f);
    let page = MediaPage { items: vec![item(1, "2024-07-15")], next: Some("a b/c".into()) };
    f.handle_answer(2, w, json(200, &page), BASE);
    let c = one_call(&mut f).1;
    assert!(c.path.contains("&cursor=a%20b%2Fc&"), "{}", c.path);
}

#[test]
fn trash_and_restore_send_the_ids_then_say_how_many_and_count_again() {
    let mut f = loaded();
    f.handle_send_selected(50, true);
    assert!(calls(&mut f).is_empty(), "nothing selected, nothing sent");
    f.handle_toggle(51, "1".into());
    f.handle_toggle(52, "2".into());
    f.handle_toggle(53, "1".into());
    f.handle_send_selected(54, true);
    let (w, c) = one_call(&mut f);
    assert_eq!(
        (w, c.method, c.path.as_str(), c.body.as_deref()),
        (LibraryCall::Trash, Method::Post, crate::api::TRASH_PATH, Some(r#"{"ids":["2"]}"#))
    );
    f.handle_answer(55, w, Ok(ApiReply::new(409, r#"{"code":"album_live_visit","message":"x"}"#)), BASE);
    assert_eq!(f.note(), Some(LibraryNote::AlbumLiveVisit), "a live kiosk visit's photo stays, and the page says why");
    f.handle_send_selected(55, true);
    let (w, _) = one_call(&mut f);
    f.handle_answer(55, w, json(200, &crate::api::TrashResponse { trashed: 1 }), BASE);
    assert_eq!(f.note(), Some(LibraryNote::Trashed(1)));
    assert!(f.selected().is_empty());
    assert!(matches!(one_call(&mut f).0, LibraryCall::Summary(_)), "counts again");
    f.handle_toggle(56, "3".into());
    f.handle_send_selected(57, false);
    let (w, c) = one_call(&mut f);
    assert_eq!(c.path, crate::api::RESTORE_PATH);
    f.handle_answer(58, w, json(200, &crate::api::RestoreResponse { restored: 1 }), BASE);
    assert_eq!(f.note(), Some(LibraryNote::Restored(1)));
}

#[test]
fn a_refused_move_of_the_viewers_item_changes_nothing() {
    let mut f = loaded();
    f.handle_open(60, 2);
    f.handle_trash_shown(61);
    let (w, c) = one_call(&mut f);
    assert_eq!(c.body.as_deref(), Some(r#"{"ids":["3"]}"#));
    f.handle_toggle(62, "1".into());
    f.handle_answer(63, w, Ok(ApiReply::new(403, "")), BASE);
    assert_eq!(f.note(), Some(LibraryNote::ActionFailed));
    assert_eq!(f.viewer().and_then(|v| v.item.as_ref()).map(|i| i.id.as_str()), Some("3"), "the viewer stays on it");
    assert_eq!(f.selected(), ["1".to_string()], "the selection stays for another try");
    assert!(calls(&mut f).is_empty());
    assert!(!f.can_undo());
}

#[test]
fn an_album_card_opens_its_page_and_files_show_the_backup_view() {
    let mut f = LibraryFlow::new(LA);
    f.handle_files_added(0);
    assert!(drain(&mut f).is_empty(), "already on the backup view");
    f.handle_route(1, Route::Albums);
    drain(&mut f);
    f.handle_filters(2, Filters { q: "old".into(), kind: Kind::Videos, ..Filters::default() });
    drain(&mut f);
    f.handle_open_album(3, Some("Trip".into()));
    assert_eq!(drain(&mut f), vec![LibraryAction::Go(Route::Album("Trip".into()))]);
    f.handle_route(4, Route::Album("Trip".into()));
    drain(&mut f);
    assert_eq!(f.filters(), &Filters { album: Some("Trip".into()), ..Filters::default() }, "the album alone, no other filter");
    f.handle_files_added(4);
    assert_eq!(drain(&mut f), vec![LibraryAction::Go(Route::Backup)]);
}

#[test]
fn the_grid_shows_the_rows_the_viewport_meets_and_jumps_to_a_month() {
    let mut f = loaded();
    let rows = f.rows();
    assert!(matches!(&rows[0].body, RowBody::Heading { day, count: 3 } if day == "2024-07-15"));
    assert!(matches!(&rows[1].body, RowBody::Cells(c) if c.len() == 3 && c[2].item.as_ref().unwrap().id == "3"));
    assert_eq!(f.months(), vec![("2024-07".to_string(), 0.0)]);
    assert!(f.height() > 0.0 && f.cell().is_some());
    f.handle_jump(70, "2024-07");
    let first = f.scroll_to().unwrap();
    f.handle_jump(71, "2024-07");
    let again = f.scroll_to().unwrap();
    assert_eq!((first.1, again.1), (0.0, 0.0));
    assert_ne!(first.0, again.0, "the same place asked twice still moves");
    f.handle_viewport(72, Viewport { top: 0.0, height: 10.0, width: 100.0 });
    assert_eq!(f.rows().len(), 7, "a narrow grid: one column, 2 headings and 5 rows of one");
    assert_eq!(f.height(), 2.0 * HEADING + 5.0 * (MIN_CELL + GAP));
}
