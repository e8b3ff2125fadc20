//! The library's part of the store: which view shows (its own URL), the filters, the rows of the
//! virtualised grid the driver says are on screen, the albums, the selection and the viewer.
//! Only the library driver writes these; components read them and send `LibraryIntent`s.
use leptos::prelude::*;
use shoebox_core::api::{AlbumSummary, MediaItem};

/// Where the page is: the backup view or one of the library's views (`#/library...`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Backup,
    Timeline,
    Albums,
    Trash,
}

impl Route {
    /// The URL fragment of each view, so it can be bookmarked and works in the installed app.
    pub fn hash(self) -> &'static str {
        match self {
            Route::Backup => "#/",
            Route::Timeline => "#/library",
            Route::Albums => "#/library/albums",
            Route::Trash => "#/library/trash",
        }
    }
    pub fn from_hash(h: &str) -> Route {
        match h.split('?').next().unwrap_or("").trim_end_matches('/') {
            "#/library" => Route::Timeline,
            "#/library/albums" => Route::Albums,
            "#/library/trash" => Route::Trash,
            _ => Route::Backup,
        }
    }
    pub fn is_library(self) -> bool {
        self != Route::Backup
    }
}

/// What narrows the grid.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filters {
    pub q: String,
    /// `Some("")`: items without an album.
    pub album: Option<String>,
    pub from: String,
    pub to: String,
    pub kind: Kind,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Kind {
    #[default]
    All,
    Photos,
    Videos,
    Downsized,
    Originals,
}

/// One cell of a row: the item when loaded, else a placeholder of the right size.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// The item's place in the whole timeline (the viewer's next/previous).
    pub index: u64,
    pub item: Option<MediaItem>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum RowBody {
    Heading { day: String, count: u32 },
    Cells(Vec<Cell>),
}

/// A row on screen: where it sits and what it holds.
#[derive(Clone, Debug, PartialEq)]
pub struct GridRow {
    pub key: usize,
    pub top: f64,
    pub body: RowBody,
}

/// The figures above the grid.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LibraryTotals {
    pub count: u64,
    pub bytes: u64,
    pub trash_count: u64,
    pub used_bytes: u64,
    pub quota_bytes: Option<u64>,
}

/// The viewer: the item shown and whether it can step.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewerState {
    pub index: u64,
    pub item: Option<MediaItem>,
    pub has_prev: bool,
    pub has_next: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadState {
    /// Nothing asked yet, or a new filter is being counted.
    Loading,
    Ready,
    /// This server has no library (a plain tus server) or refused the token.
    Unavailable,
    Failed,
}

crate::store::signal_store! {
    /// What library components read (the library driver writes with `LibraryWriter`).
    LibraryStore, LibraryWriter, new() {
        route: Route = Route::Backup;
        filters: Filters = Filters::default();
        state: LoadState = LoadState::Loading;
        totals: LibraryTotals = LibraryTotals::default();
        /// Items matching the filters (the grid's count line).
        matching: u64 = 0;
        /// The grid's full height in pixels (the scrollbar's length).
        height: f64 = 0.0;
        /// A cell's side in pixels.
        cell: f64 = 0.0;
        rows: Vec<GridRow> = Vec::new();
        /// The scrubber: ("YYYY-MM", top) newest first.
        months: Vec<(String, f64)> = Vec::new();
        /// Where the grid should scroll to (a scrubber jump or the viewer's item), with a serial.
        scroll_to: Option<(u64, f64)> = None;
        albums: Vec<AlbumSummary> = Vec::new();
        /// Selected record ids.
        selected: Vec<String> = Vec::new();
        viewer: Option<ViewerState> = None;
        /// The thumbnail that gets the focus back when the viewer closes: (a serial, its index).
        focus: Option<(u64, u64)> = None;
        /// A line for the live region (trashed, restored, failed).
        message: Option<String> = None;
    }
}

pub fn use_library() -> LibraryStore {
    expect_context::<LibraryStore>()
}
