//! The Trash's flow with virtual time: Undo restores exactly what was moved, for a few seconds;
//! notes leave by themselves; the Trash's header calls; the days left; the viewer after a delete.
use super::tests::{calls, json, loaded, one_call, BASE};
use super::*;
use crate::api::{self, ApiReply, EmptyTrashResponse, MediaItem, MediaPage, MediaSummary, RestoreResponse, TrashResponse};
use crate::engine::Method;

#[test]
fn undo_restores_exactly_what_went_to_the_trash_while_it_may() {
    let mut f = loaded();
    f.handle_toggle(1, "2".into());
    f.handle_toggle(2, "4".into());
    f.handle_send_selected(100, true);
    let (w, _) = one_call(&mut f);
    assert_eq!(f.poll_timeout(), None, "nothing to undo before the server answers");
    f.handle_answer(1_000, w, json(200, &TrashResponse { trashed: 2 }), BASE);
    calls(&mut f);
    assert!(f.can_undo());
    assert_eq!(f.note(), Some(LibraryNote::Trashed(2)));
    assert_eq!(f.poll_timeout(), Some(1_000 + UNDO_MS.min(NOTE_MS)));
    f.handle_undo(1_000 + UNDO_MS - 1);
    let (w, c) = one_call(&mut f);
    assert_eq!(
        (w, c.method, c.path.as_str(), c.body.as_deref()),
        (LibraryCall::Restore, Method::Post, api::RESTORE_PATH, Some(r#"{"ids":["2","4"]}"#))
    );
    assert!(!f.can_undo(), "one Undo per move");
    f.handle_answer(9_500, w, json(200, &RestoreResponse { restored: 2 }), BASE);
    assert_eq!(f.note(), Some(LibraryNote::Restored(2)));
    assert!(!f.can_undo(), "a restore cannot be undone");
    f.handle_undo(9_600);
    assert!(calls(&mut f).iter().all(|(w, _)| matches!(w, LibraryCall::Summary(_))), "nothing more to restore");
}

#[test]
fn undo_and_the_note_leave_when_their_time_is_up() {
    let mut f = loaded();
    f.handle_toggle(1, "1".into());
    f.handle_send_selected(100, true);
    let (w, _) = one_call(&mut f);
    f.handle_answer(1_000, w, json(200, &TrashResponse { trashed: 1 }), BASE);
    calls(&mut f);
    f.handle_timeout(1_000 + UNDO_MS);
    assert!(!f.can_undo());
    f.handle_undo(1_000 + UNDO_MS);
    assert!(calls(&mut f).is_empty(), "too late: the Undo is gone");
    f.handle_timeout(1_000 + NOTE_MS);
    assert_eq!(f.note(), None, "the note leaves once it has been read");
    assert_eq!(f.poll_timeout(), None);
    // A refusal's note leaves the same way.
    f.handle_restore_all(20_000);
    let (w, _) = one_call(&mut f);
    f.handle_answer(20_100, w, Ok(ApiReply::new(500, "")), BASE);
    assert_eq!(f.note(), Some(LibraryNote::ActionFailed));
    assert_eq!(f.poll_timeout(), Some(20_100 + NOTE_MS));
}

#[test]
fn the_trash_header_restores_all_or_empties_then_counts_again() {
    let mut f = loaded();
    f.handle_route(1, Route::Trash);
    calls(&mut f);
    f.handle_restore_all(2);
    let (w, c) = one_call(&mut f);
    assert_eq!((w, c.method, c.path.as_str(), c.body.as_deref()), (LibraryCall::RestoreAll, Method::Post, api::RESTORE_ALL_PATH, None));
    f.handle_answer(3, w, json(200, &RestoreResponse { restored: 4 }), BASE);
    assert_eq!(f.note(), Some(LibraryNote::Restored(4)));
    assert!(matches!(one_call(&mut f).0, LibraryCall::Summary(_)), "counts again");
    f.handle_empty_trash(4);
    let (w, c) = one_call(&mut f);
    assert_eq!((w, c.path.as_str()), (LibraryCall::EmptyTrash, api::EMPTY_TRASH_PATH));
    f.handle_answer(5, w, json(200, &EmptyTrashResponse { deleted: 3 }), BASE);
    assert_eq!(f.note(), Some(LibraryNote::Emptied(3)));
    assert!(!f.can_undo(), "emptying cannot be undone");
    assert!(matches!(one_call(&mut f).0, LibraryCall::Summary(_)));
}

#[test]
fn trashed_items_show_their_days_left_from_the_servers_trash_days() {
    let mut f = LibraryFlow::new("UTC");
    f.handle_route(0, Route::Trash);
    let (w, _) = one_call(&mut f);
    let at = "2026-12-01T00:00:00Z";
    let t0 = api::kiosk::instant_ms(at).unwrap();
    let day = crate::api::DaySummary { day: "2024-07-15".into(), count: 1, bytes: 1 };
    let sum = MediaSummary { days: vec![day], count: 1, trash_days: Some(30), ..Default::default() };
    f.handle_answer(t0 + 86_400_000 * 3 + 5, w, json(200, &sum), BASE);
    assert_eq!(f.trash_days(), Some(30));
    let (w, _) = one_call(&mut f);
    let item = MediaItem { id: "9".into(), day: "2024-07-15".into(), trashed_at: Some(at.into()), ..Default::default() };
    f.handle_answer(t0 + 86_400_000 * 3 + 5, w, json(200, &MediaPage { items: vec![item], next: None }), BASE);
    let cells: Vec<Cell> =
        f.rows().into_iter().filter_map(|r| if let RowBody::Cells(c) = r.body { Some(c) } else { None }).flatten().collect();
    assert_eq!(cells[0].days_left, Some(27), "30 days, 3 and a bit gone");
}

#[test]
fn after_the_viewers_item_goes_the_next_one_shows_or_the_one_before_at_the_end() {
    let mut f = loaded();
    f.handle_open(10, 1);
    f.handle_trash_shown(11);
    let (w, _) = one_call(&mut f);
    assert!(f.viewer().is_some(), "the viewer stays while the server answers");
    f.handle_answer(12, w, json(200, &TrashResponse { trashed: 1 }), BASE);
    let v = f.viewer().unwrap();
    assert_eq!((v.index, v.item.is_none()), (1, true), "the same place waits for the item now there");
    let (w, _) = one_call(&mut f);
    let day = |d: &str, n| crate::api::DaySummary { day: d.into(), count: n, bytes: n };
    let sum = MediaSummary { days: vec![day("2024-07-15", 2), day("2024-07-14", 2)], count: 4, ..Default::default() };
    f.handle_answer(13, w, json(200, &sum), BASE);
    let (w, _) = one_call(&mut f);
    let items = ["1", "3"].iter().map(|id| MediaItem { id: id.to_string(), day: "2024-07-15".into(), ..Default::default() }).collect();
    f.handle_answer(14, w, json(200, &MediaPage { items, next: Some("c".into()) }), BASE);
    let v = f.viewer().unwrap();
    assert_eq!(v.item.as_ref().map(|i| i.id.as_str()), Some("3"), "the next photo shows");
    assert!(v.has_prev && v.has_next);
    // The last item: the one before it shows.
    f.handle_step(15, 2);
    let (w, _) = one_call(&mut f);
    let items = ["4", "5"].iter().map(|id| MediaItem { id: id.to_string(), day: "2024-07-14".into(), ..Default::default() }).collect();
    f.handle_answer(15, w, json(200, &MediaPage { items, next: None }), BASE);
    let last = f.viewer().unwrap().index;
    assert_eq!(last, 3);
    f.handle_trash_shown(16);
    let (w, _) = one_call(&mut f);
    f.handle_answer(17, w, json(200, &TrashResponse { trashed: 1 }), BASE);
    assert_eq!(f.viewer().map(|v| v.index), Some(2));
}

#[test]
fn a_phone_sized_grid_has_three_or_four_columns() {
    let mut f = loaded();
    let cols = |f: &mut LibraryFlow, width: f64| {
        f.handle_viewport(0, Viewport { top: 0.0, height: 2000.0, width });
        f.rows().into_iter().find_map(|r| if let RowBody::Cells(c) = r.body { Some(c.len()) } else { None }).unwrap()
    };
    assert_eq!(cols(&mut f, 374.0), 3, "3 items on the first day fill 3 of 4 columns");
    assert!(f.cell().unwrap() < 100.0, "cells of a 4-column phone grid: {:?}", f.cell());
    assert_eq!(cols(&mut f, 344.0), 3);
    assert!(f.cell().unwrap() > 100.0, "3 columns on a 360 px phone: {:?}", f.cell());
    assert!(cols(&mut f, 1200.0) == 3 && f.cell().unwrap() >= MIN_CELL, "a wide screen keeps its larger cells");
}
