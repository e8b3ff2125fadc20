//! The library's conversation with the server, as a sans-IO flow: which view or filter change
//! loads what, the page the screen (or the viewer) needs next, the viewer's steps, the
//! selection sent to the Trash and back, and a finished backup showing at once. The app feeds
//! it intents, `Status` changes and answers; it performs the [`LibraryAction`]s and copies
//! what the flow shows (see [`LibraryFlow::rows`] and the accessors) into its store.
use std::collections::VecDeque;

use super::album_state::AlbumState;
use super::answers::{absolute, read};
use super::query::filter_query;
use super::route::Route;
use super::timeline::{DayCount, Fetch, Geometry, Timeline};
use super::trash_state::TrashState;
use super::view::{Download, Filters, LibraryNote, LibraryTotals, LoadState, ViewerState};
use crate::api::{self, AlbumList, AlbumSummary, ApiAnswer, ApiCall, Bearer, MediaItem, MediaPage, MediaSummary, PageAt, VisitEntry};
use crate::engine::Status;

/// Rows drawn beyond the viewport either side, in CSS pixels (scrolling shows no gap).
pub const OVERSCAN: f64 = 800.0;
pub const MIN_CELL: f64 = 132.0;
pub const GAP: f64 = 4.0;
pub const HEADING: f64 = 44.0;

/// Which call an answer belongs to; the number is the load it was asked for, so an answer
/// for a view or filters since left is dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LibraryCall {
    Summary(u64),
    Page(u64),
    Albums(u64),
    Visits(u64),
    Trash,
    Restore,
    RestoreAll,
    EmptyTrash,
    /// The albums for "Add to album"'s list (the view's load state is left alone).
    AlbumNames,
    AddToAlbum,
    RemoveFromAlbum,
    CreateAlbum,
    RenameAlbum,
    /// A zip's link, for "Download all" or a selection of several items.
    Zip,
}

#[derive(Clone, Debug, PartialEq)]
pub enum LibraryAction {
    /// Send this call and hand its answer to [`LibraryFlow::handle_answer`].
    Call(LibraryCall, ApiCall),
    /// Show this view (set the URL's fragment; its change comes back as a route).
    Go(Route),
    /// The view shown is now this one (an album renamed): the URL says so in place, without a
    /// new history entry, and nothing comes back.
    Replace(Route),
    /// Save these files (the selection's or an album's download).
    Download(Vec<Download>),
}

/// Where the grid is: its scroll top, viewport height and inner width.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub top: f64,
    pub height: f64,
    pub width: f64,
}

pub struct LibraryFlow {
    /// The viewer's time zone, as the `tz` parameter takes it.
    pub(super) zone: String,
    pub(super) route: Route,
    pub(super) filters: Filters,
    pub(super) viewport: Viewport,
    pub(super) timeline: Option<Timeline<MediaItem>>,
    pub(super) generation: u64,
    pub(super) state: LoadState,
    pub(super) totals: LibraryTotals,
    pub(super) matching: u64,
    pub(super) albums: Vec<AlbumSummary>,
    /// The operator's kiosk visits of today (shown above the albums; none for most people).
    pub(super) visits: Vec<VisitEntry>,
    pub(super) selected: Vec<String>,
    pub(super) viewer: Option<ViewerState>,
    pub(super) note: Option<LibraryNote>,
    /// Where the grid should scroll to, and the thumbnail to focus, each with a serial so the
    /// same place asked twice still moves.
    pub(super) scroll_to: Option<(u64, f64)>,
    pub(super) focus: Option<(u64, u64)>,
    serial: u64,
    status: Option<Status>,
    pub(super) trash: TrashState,
    pub(super) album: AlbumState,
    pub(super) actions: VecDeque<LibraryAction>,
}

impl LibraryFlow {
    /// `zone`: the viewer's IANA time zone (or minutes east of UTC).
    pub fn new(zone: impl Into<String>) -> Self {
        LibraryFlow {
            zone: zone.into(),
            route: Route::Backup,
            filters: Filters::default(),
            viewport: Viewport { top: 0.0, height: 800.0, width: 960.0 },
            timeline: None,
            generation: 0,
            state: LoadState::Loading,
            totals: LibraryTotals::default(),
            matching: 0,
            albums: Vec::new(),
            visits: Vec::new(),
            selected: Vec::new(),
            viewer: None,
            note: None,
            scroll_to: None,
            focus: None,
            serial: 0,
            status: None,
            trash: TrashState::default(),
            album: AlbumState::default(),
            actions: VecDeque::new(),
        }
    }

    pub fn poll_action(&mut self) -> Option<LibraryAction> {
        self.actions.pop_front()
    }

    /// The URL's fragment changed (or a link was followed): a new view loads; the albums load
    /// again each time they are shown; the viewer closes.
    pub fn handle_route(&mut self, _now: u64, route: Route) {
        let changed = self.route != route;
        // An album's page is the timeline narrowed to it: leaving it leaves the album.
        if changed && matches!(self.route, Route::Timeline | Route::Album(_)) {
            self.filters.album = None;
        }
        if let (true, Some(name)) = (changed, route.album()) {
            self.filters = Filters { album: Some(name.to_string()), ..Filters::default() };
            self.album.listed = None;
        }
        let reload = changed || route == Route::Albums;
        self.route = route;
        self.viewer = None;
        if changed {
            self.forget_note();
        }
        if reload {
            self.selected.clear();
            self.album.choosing = false;
            self.load_view();
        }
    }

    pub fn handle_filters(&mut self, _now: u64, filters: Filters) {
        self.filters = filters;
        self.reload();
    }

    /// The grid scrolled or resized.
    pub fn handle_viewport(&mut self, _now: u64, viewport: Viewport) {
        self.viewport = viewport;
        if let Some(t) = self.timeline.as_mut() {
            t.set_geometry(geometry(viewport.width));
        }
        self.fill();
    }

    /// The scrubber: scroll to a month ("YYYY-MM").
    pub fn handle_jump(&mut self, _now: u64, month: &str) {
        let top = self.timeline.as_ref().map(|t| t.top_of_day(&format!("{month}-31"))).unwrap_or(0.0);
        self.serial += 1;
        self.scroll_to = Some((self.serial, top));
    }

    /// Open item `n` of the timeline in the viewer.
    pub fn handle_open(&mut self, _now: u64, n: u64) {
        self.show(n);
    }

    /// The viewer's next (`+1`) or previous (`-1`): never before the first item or past the last.
    pub fn handle_step(&mut self, _now: u64, by: i64) {
        if let Some(v) = &self.viewer {
            let n = v.index as i64 + by;
            if n >= 0 {
                self.show(n as u64);
            }
        }
    }

    /// Back to where the person is: the thumbnail of the item last shown, which opening or
    /// stepping has already scrolled into the grid.
    pub fn handle_close_viewer(&mut self, _now: u64) {
        if let Some(v) = self.viewer.take() {
            self.serial += 1;
            self.focus = Some((self.serial, v.index));
        }
    }

    pub fn handle_toggle(&mut self, _now: u64, id: String) {
        match self.selected.iter().position(|x| x == &id) {
            Some(i) => {
                self.selected.remove(i);
            }
            None => {
                self.selected.push(id.clone());
                self.remember_pick(&id);
            }
        }
    }

    pub fn handle_clear_selection(&mut self, _now: u64) {
        self.selected.clear();
    }

    /// Files were dropped or chosen: the backup view shows, with their plan.
    pub fn handle_files_added(&mut self, _now: u64) {
        if self.route.is_library() {
            self.actions.push_back(LibraryAction::Go(Route::Backup));
        }
    }

    /// The engine's status changed: a backup (or a sync) that completes while the library is
    /// open shows what it added at once.
    pub fn handle_status(&mut self, _now: u64, status: &Status) {
        let entered = self.status.as_ref() != Some(status);
        self.status = Some(status.clone());
        if entered && matches!(status, Status::Complete { .. }) && self.route.is_library() {
            self.load_view();
        }
    }

    /// This device was just signed in: an open library view loads again with its new token.
    pub fn handle_signed_in(&mut self, _now: u64) {
        self.load_view();
    }

    /// The answer to `call`. `base`: the API base it went to; the items' signed URLs are
    /// paths on that server, made whole here for `<img>` and `<a>`.
    pub fn handle_answer(&mut self, now: u64, call: LibraryCall, answer: ApiAnswer, base: &str) {
        self.trash.now = now;
        match call {
            LibraryCall::Summary(g) if g == self.generation => match read::<MediaSummary>(answer) {
                Ok(sum) => {
                    let days = sum.days.iter().map(|d| DayCount { day: d.day.clone(), count: d.count as u32 }).collect();
                    self.timeline = Some(Timeline::new(days, geometry(self.viewport.width)));
                    self.matching = sum.count;
                    self.trash.days = sum.trash_days;
                    self.totals = LibraryTotals {
                        count: sum.count,
                        bytes: sum.bytes,
                        trash_count: sum.trash_count,
                        used_bytes: sum.used_bytes,
                        quota_bytes: sum.quota_bytes,
                    };
                    self.state = LoadState::Ready;
                    self.fill();
                }
                Err(state) => self.state = state,
            },
            LibraryCall::Page(g) if g == self.generation => {
                if let Some(t) = self.timeline.as_mut() {
                    match read::<MediaPage>(answer) {
                        Ok(p) => t.on_page(p.items.into_iter().map(|i| (i.day.clone(), absolute(i, base))).collect(), p.next),
                        Err(_) => t.fetch_failed(),
                    }
                }
                self.fill();
            }
            LibraryCall::Albums(g) if g == self.generation => match read::<AlbumList>(answer) {
                Ok(mut a) => {
                    for album in &mut a.albums {
                        album.cover_thumb_url = album.cover_thumb_url.take().map(|u| format!("{base}{u}"));
                    }
                    self.albums = a.albums;
                    self.state = LoadState::Ready;
                    self.ask_visits();
                }
                Err(state) => self.state = state,
            },
            LibraryCall::Visits(g) if g == self.generation => self.on_visits(answer),
            LibraryCall::Trash | LibraryCall::Restore | LibraryCall::RestoreAll | LibraryCall::EmptyTrash => {
                self.on_trash_answer(now, call, answer)
            }
            LibraryCall::AlbumNames
            | LibraryCall::AddToAlbum
            | LibraryCall::RemoveFromAlbum
            | LibraryCall::CreateAlbum
            | LibraryCall::RenameAlbum
            | LibraryCall::Zip => self.on_album_answer(now, call, answer, base),
            // An answer for a view or filters since left.
            LibraryCall::Summary(_) | LibraryCall::Page(_) | LibraryCall::Albums(_) | LibraryCall::Visits(_) => {}
        }
    }

    /// The query for the current view: the Trash lists everything in it (it has no search bar),
    /// whatever the timeline's filters.
    pub fn query(&self) -> String {
        match self.route {
            Route::Trash => filter_query(&Filters::default(), &self.zone, true),
            _ => filter_query(&self.filters, &self.zone, false),
        }
    }

    /// What the shown view needs: the albums, or the timeline's counts.
    pub(super) fn load_view(&mut self) {
        match self.route {
            Route::Backup => {}
            Route::Albums => {
                self.generation += 1;
                let call = ApiCall::get(api::albums_path(&self.zone), Bearer::Device);
                self.actions.push_back(LibraryAction::Call(LibraryCall::Albums(self.generation), call));
            }
            Route::Timeline | Route::Trash => self.reload(),
            // The album's items, and the list that tells whether the person has such an album.
            Route::Album(_) => {
                self.reload();
                let call = ApiCall::get(api::albums_path(&self.zone), Bearer::Device);
                self.actions.push_back(LibraryAction::Call(LibraryCall::AlbumNames, call));
            }
        }
    }

    /// New filters or view: count again, then load what the screen needs.
    pub(super) fn reload(&mut self) {
        self.generation += 1;
        self.state = LoadState::Loading;
        let call = ApiCall::get(api::summary_path(&self.query()), Bearer::Device);
        self.actions.push_back(LibraryAction::Call(LibraryCall::Summary(self.generation), call));
    }

    /// Ask for the next page the screen (or the viewer) needs, if any; its answer asks again.
    fn fill(&mut self) {
        self.fill_viewer();
        let query = self.query();
        let Viewport { top, height, .. } = self.viewport;
        let want = self.viewer.as_ref().map(|v| v.index);
        let Some(t) = self.timeline.as_mut() else { return };
        let mut range = t.visible(top, height, OVERSCAN);
        if let Some(r) = want.and_then(|g| t.row_of(g)) {
            range = r..r + 1;
        }
        let Some(fetch) = t.next_fetch(range) else { return };
        let at = match &fetch {
            Fetch::StartAt(day) => PageAt::Day(day),
            Fetch::Continue(c) => PageAt::Cursor(c),
        };
        let call = ApiCall::get(api::timeline_page_path(at, &query), Bearer::Device);
        self.actions.push_back(LibraryAction::Call(LibraryCall::Page(self.generation), call));
    }

    /// The viewer may be waiting for its item's page; after a count its neighbours may have
    /// changed (an item went to the Trash), and it closes when nothing is left at its place.
    fn fill_viewer(&mut self) {
        let (Some(t), Some(v)) = (self.timeline.as_ref(), self.viewer.as_mut()) else { return };
        let total = t.total_items();
        if v.index >= total {
            self.viewer = None;
            return;
        }
        (v.has_prev, v.has_next) = (v.index > 0, v.index + 1 < total);
        if v.item.is_none() {
            v.item = t.item(v.index).cloned();
        }
    }

    /// The viewer on item `n` (loading its page first when needed), with the grid scrolled to it.
    fn show(&mut self, n: u64) {
        let Some(t) = self.timeline.as_ref() else { return };
        if n >= t.total_items() {
            return;
        }
        self.viewer = Some(ViewerState { index: n, item: t.item(n).cloned(), has_prev: n > 0, has_next: n + 1 < t.total_items() });
        if let Some(r) = t.row_of(n) {
            let Viewport { top, height, .. } = self.viewport;
            let y = t.top(r);
            if y < top || y > top + height - t.geometry().cell() {
                self.serial += 1;
                self.scroll_to = Some((self.serial, (y - HEADING).max(0.0)));
            }
        }
        self.fill();
    }
}

/// A phone's grid (narrower than this) shows 3 or 4 columns of smaller cells.
const PHONE_GRID: f64 = 600.0;
const PHONE_MIN_CELL: f64 = 88.0;

fn geometry(width: f64) -> Geometry {
    let phone = (3.0 * PHONE_MIN_CELL + 2.0 * GAP..PHONE_GRID).contains(&width);
    let min_cell = if phone { PHONE_MIN_CELL } else { MIN_CELL };
    Geometry { width: width.max(min_cell), min_cell, gap: GAP, heading: HEADING }
}
