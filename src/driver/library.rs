//! The library's driver: follows the URL (`#/library...`), asks the server for the day counts
//! and the pages the timeline model says the screen needs, and copies what the model reports
//! into the library store. It decides nothing about layout or paging (core::library does);
//! it performs the calls and keeps one generation so an answer for old filters is dropped.
use std::cell::RefCell;

use leptos::prelude::*;
use shoebox_core::api::{AlbumList, MediaItem, MediaPage, MediaSummary};
use shoebox_core::library::{DayCount, Fetch, Geometry, Row, Timeline};
use wasm_bindgen::prelude::*;

use crate::library_store::{Cell, Filters, GridRow, LibraryStore, LibraryTotals, LibraryWriter, LoadState, Route, RowBody, ViewerState};
use crate::strings::library as s;

mod calls;
mod selection;

/// What library components ask for.
pub enum LibraryIntent {
    /// The URL's fragment changed (or a link was followed).
    Route(Route),
    SetFilters(Filters),
    /// The grid scrolled or resized: its scroll top, viewport height and inner width.
    Viewport {
        top: f64,
        height: f64,
        width: f64,
    },
    /// The scrubber: jump to a month ("YYYY-MM").
    JumpTo(String),
    /// Open item `n` of the timeline in the viewer; step; close.
    Open(u64),
    Step(i64),
    CloseViewer,
    ToggleSelected(String),
    ClearSelection,
    /// Move the selection (or the viewer's item) to the Trash, or restore it from there.
    TrashSelected,
    TrashShown,
    RestoreSelected,
    /// An album card: the timeline of that album (`Some("")`: items without an album).
    OpenAlbum(Option<String>),
}

const OVERSCAN: f64 = 800.0;
pub const MIN_CELL: f64 = 132.0;
pub const GAP: f64 = 4.0;
pub const HEADING: f64 = 44.0;

struct Lib {
    r: LibraryStore,
    w: LibraryWriter,
    timeline: Option<Timeline<MediaItem>>,
    generation: u64,
    viewport: (f64, f64, f64),
    serial: u64,
}

thread_local! {
    static LIB: RefCell<Option<Lib>> = const { RefCell::new(None) };
}

fn with<R>(f: impl FnOnce(&mut Lib) -> R) -> Option<R> {
    LIB.with(|l| l.borrow_mut().as_mut().map(f))
}

/// Start: follow the URL's fragment from now on.
pub fn start(r: LibraryStore, w: LibraryWriter) {
    LIB.with(|l| *l.borrow_mut() = Some(Lib { r, w, timeline: None, generation: 0, viewport: (0.0, 800.0, 960.0), serial: 0 }));
    let on_hash = Closure::<dyn FnMut()>::new(move || intent(LibraryIntent::Route(current_route())));
    if let Some(win) = web_sys::window() {
        let _ = win.add_event_listener_with_callback("hashchange", on_hash.as_ref().unchecked_ref());
    }
    on_hash.forget();
    intent(LibraryIntent::Route(current_route()));
}

fn current_route() -> Route {
    Route::from_hash(&web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default())
}

pub fn intent(i: LibraryIntent) {
    match i {
        LibraryIntent::Route(route) => {
            let changed = with(|l| {
                let was = l.r.route.get_untracked();
                l.w.route.set(route);
                l.w.viewer.set(None);
                if was != route {
                    l.w.message.set(None);
                }
                (was != route, route)
            });
            if let Some((true, route)) | Some((_, route @ Route::Albums)) = changed {
                with(|l| l.w.selected.set(Vec::new()));
                match route {
                    Route::Backup => {}
                    Route::Albums => wasm_bindgen_futures::spawn_local(load_albums()),
                    Route::Timeline | Route::Trash => reload(),
                }
            }
        }
        LibraryIntent::SetFilters(f) => {
            with(|l| l.w.filters.set(f));
            reload();
        }
        LibraryIntent::Viewport { top, height, width } => {
            with(|l| {
                l.viewport = (top, height, width);
                if let Some(t) = l.timeline.as_mut() {
                    t.set_geometry(geometry(width));
                }
            });
            publish();
            fill();
        }
        LibraryIntent::JumpTo(month) => {
            with(|l| {
                let top = l.timeline.as_ref().map(|t| t.top_of_day(&format!("{month}-31"))).unwrap_or(0.0);
                l.serial += 1;
                l.w.scroll_to.set(Some((l.serial, top)));
            });
        }
        LibraryIntent::Open(n) => show(n),
        LibraryIntent::Step(d) => {
            if let Some(Some(v)) = with(|l| l.r.viewer.get_untracked()) {
                let n = v.index as i64 + d;
                if n >= 0 {
                    show(n as u64);
                }
            }
        }
        LibraryIntent::CloseViewer => {
            // Back to where the person is: the thumbnail of the item last shown, which
            // `show` has already scrolled into the grid.
            with(|l| {
                if let Some(v) = l.r.viewer.get_untracked() {
                    l.serial += 1;
                    l.w.focus.set(Some((l.serial, v.index)));
                }
                l.w.viewer.set(None);
            });
        }
        LibraryIntent::ToggleSelected(id) => selection::toggle(id),
        LibraryIntent::ClearSelection => {
            with(|l| l.w.selected.set(Vec::new()));
        }
        LibraryIntent::TrashSelected => selection::send(true, None),
        LibraryIntent::TrashShown => {
            let id = with(|l| l.r.viewer.get_untracked().and_then(|v| v.item).map(|i| i.id)).flatten();
            if let Some(id) = id {
                with(|l| l.w.viewer.set(None));
                selection::send(true, Some(vec![id]));
            }
        }
        LibraryIntent::RestoreSelected => selection::send(false, None),
        LibraryIntent::OpenAlbum(album) => {
            let mut f = Filters { album, ..Filters::default() };
            f.q.clear();
            with(|l| l.w.filters.set(f));
            if let Some(w) = web_sys::window() {
                let _ = w.location().set_hash(Route::Timeline.hash());
            }
        }
    }
}

/// Files dropped on the library: the backup view shows, with their plan.
pub(super) fn show_backup() {
    if with(|l| l.r.route.get_untracked().is_library()) == Some(true) {
        if let Some(w) = web_sys::window() {
            let _ = w.location().set_hash(Route::Backup.hash());
        }
    }
}

/// A backup (or a sync) finished while the library is open: what it added shows at once.
pub(super) fn on_status(st: &shoebox_core::engine::Status) {
    if matches!(st, shoebox_core::engine::Status::Complete { .. }) && with(|l| l.r.route.get_untracked().is_library()) == Some(true) {
        match with(|l| l.r.route.get_untracked()) {
            Some(Route::Albums) => wasm_bindgen_futures::spawn_local(load_albums()),
            _ => reload(),
        }
    }
}

/// This device was just signed in (a sign-in link, an approval): an open library view loads
/// again with its new token.
pub(super) fn on_signed_in() {
    match with(|l| l.r.route.get_untracked()) {
        Some(Route::Albums) => wasm_bindgen_futures::spawn_local(load_albums()),
        Some(Route::Timeline | Route::Trash) => reload(),
        _ => {}
    }
}

/// The query for the current view: the Trash lists everything in it (it has no search bar).
fn query(l: &Lib) -> String {
    let trash = l.r.route.get_untracked() == Route::Trash;
    if trash {
        calls::filter_query(&Filters::default(), true)
    } else {
        calls::filter_query(&l.r.filters.get_untracked(), false)
    }
}

fn geometry(width: f64) -> Geometry {
    Geometry { width: width.max(MIN_CELL), min_cell: MIN_CELL, gap: GAP, heading: HEADING }
}

/// New filters or view: count again, then load what the screen needs.
pub(super) fn reload() {
    let Some((generation, query)) = with(|l| {
        l.generation += 1;
        l.w.state.set(LoadState::Loading);
        (l.generation, query(l))
    }) else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let answer = calls::get_json::<MediaSummary>(&format!("/api/v1/media/summary?{query}")).await;
        with(|l| {
            if l.generation != generation {
                return;
            }
            match answer {
                Ok(sum) => {
                    let days = sum.days.iter().map(|d| DayCount { day: d.day.clone(), count: d.count as u32 }).collect();
                    l.timeline = Some(Timeline::new(days, geometry(l.viewport.2)));
                    l.w.matching.set(sum.count);
                    l.w.totals.set(LibraryTotals {
                        count: sum.count,
                        bytes: sum.bytes,
                        trash_count: sum.trash_count,
                        used_bytes: sum.used_bytes,
                        quota_bytes: sum.quota_bytes,
                    });
                    l.w.state.set(LoadState::Ready);
                }
                Err(calls::CallError::Unavailable) => l.w.state.set(LoadState::Unavailable),
                Err(_) => l.w.state.set(LoadState::Failed),
            }
        });
        publish();
        fill();
    });
}

/// Copy the model's visible rows (and the figures the grid needs) into the store.
fn publish() {
    with(|l| {
        let Some(t) = l.timeline.as_ref() else {
            l.w.rows.set(Vec::new());
            l.w.height.set(0.0);
            return;
        };
        let (top, height, _) = l.viewport;
        let range = t.visible(top, height, OVERSCAN);
        let rows: Vec<GridRow> = range
            .filter_map(|i| {
                let (top, row) = t.row(i)?;
                let body = match row {
                    Row::Heading { day } => {
                        let d = &t.days()[day];
                        RowBody::Heading { day: d.day.clone(), count: d.count }
                    }
                    Row::Cells { day, first, n } => RowBody::Cells(
                        t.cells(day, first, n)
                            .into_iter()
                            .enumerate()
                            .map(|(k, item)| Cell { index: t.global(day, first + k as u32), item: item.cloned() })
                            .collect(),
                    ),
                };
                Some(GridRow { key: i, top, body })
            })
            .collect();
        l.w.height.set(t.total_height());
        l.w.cell.set(t.geometry().cell());
        let months = t.months();
        if l.r.months.with_untracked(|m| m != &months) {
            l.w.months.set(months);
        }
        if l.r.rows.with_untracked(|r| r != &rows) {
            l.w.rows.set(rows);
        }
        // The viewer may be waiting for its item's page.
        if let Some(v) = l.r.viewer.get_untracked().filter(|v| v.item.is_none()) {
            if let Some(item) = t.item(v.index) {
                l.w.viewer.set(Some(ViewerState { item: Some(item.clone()), ..v }));
            }
        }
    });
}

/// Ask for the next page the screen (or the viewer) needs, if any, and again when it arrives.
fn fill() {
    let Some(Some((generation, fetch, query))) = with(|l| {
        let (top, height, _) = l.viewport;
        let want = l.r.viewer.get_untracked().map(|v| v.index);
        let t = l.timeline.as_mut()?;
        let mut range = t.visible(top, height, OVERSCAN);
        if let Some(r) = want.and_then(|g| t.row_of(g)) {
            range = r..r + 1;
        }
        let fetch = t.next_fetch(range)?;
        let generation = l.generation;
        Some((generation, fetch, query(l)))
    }) else {
        return;
    };
    let at = match &fetch {
        Fetch::StartAt(day) => format!("day={day}"),
        Fetch::Continue(c) => format!("cursor={}", js_sys::encode_uri_component(c)),
    };
    wasm_bindgen_futures::spawn_local(async move {
        let page = calls::get_json::<MediaPage>(&format!("/api/v1/media?order=taken&limit=300&{at}&{query}")).await;
        let current = with(|l| {
            if l.generation != generation {
                return false;
            }
            if let Some(t) = l.timeline.as_mut() {
                match page {
                    Ok(p) => {
                        let base = calls::base();
                        t.on_page(p.items.into_iter().map(|i| (i.day.clone(), calls::absolute(i, &base))).collect(), p.next)
                    }
                    Err(_) => t.fetch_failed(),
                }
            }
            true
        });
        if current == Some(true) {
            publish();
            fill();
        }
    });
}

/// The viewer on item `n` (loading its page first when needed), with the grid scrolled to it.
fn show(n: u64) {
    with(|l| {
        let Some(t) = l.timeline.as_ref() else { return };
        if n >= t.total_items() {
            return;
        }
        let item = t.item(n).cloned();
        l.w.viewer.set(Some(ViewerState { index: n, item, has_prev: n > 0, has_next: n + 1 < t.total_items() }));
        if let Some(r) = t.row_of(n) {
            let (top, height, _) = l.viewport;
            let y = t.top(r);
            if y < top || y > top + height - t.geometry().cell() {
                l.serial += 1;
                l.w.scroll_to.set(Some((l.serial, (y - HEADING).max(0.0))));
            }
        }
    });
    fill();
}

async fn load_albums() {
    let tz = calls::tz();
    match calls::get_json::<AlbumList>(&format!("/api/v1/albums?tz={tz}")).await {
        Ok(mut a) => with(|l| {
            let base = calls::base();
            for album in &mut a.albums {
                album.cover_thumb_url = album.cover_thumb_url.take().map(|u| format!("{base}{u}"));
            }
            l.w.albums.set(a.albums);
            l.w.state.set(LoadState::Ready);
        }),
        Err(calls::CallError::Unavailable) => with(|l| l.w.state.set(LoadState::Unavailable)),
        Err(_) => with(|l| l.w.state.set(LoadState::Failed)),
    };
}

/// After a trash or restore: say what happened, count again.
fn done(message: String) {
    with(|l| {
        l.w.selected.set(Vec::new());
        l.w.message.set(Some(message));
    });
    reload();
}

pub(super) fn failed() {
    with(|l| l.w.message.set(Some(s::ACTION_FAILED.into())));
}
