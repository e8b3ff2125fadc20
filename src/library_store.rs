//! The library's part of the store: which view shows (its own URL), the filters, the rows of the
//! virtualised grid on screen, the albums, the selection and the viewer, as the library flow in
//! core shows them. Only the library driver writes these; components read them and send
//! `LibraryIntent`s.
use leptos::prelude::*;
use shoebox_core::api::{AlbumSummary, VisitEntry};
pub use shoebox_core::library::{AlbumPage, Cell, Filters, GridRow, Kind, LibraryTotals, LoadState, Route, RowBody, ViewerState};

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
        /// The operator's kiosk visits of today (empty for anyone without a kiosk).
        visits: Vec<VisitEntry> = Vec::new();
        /// Selected record ids.
        selected: Vec<String> = Vec::new();
        viewer: Option<ViewerState> = None;
        /// The thumbnail that gets the focus back when the viewer closes: (a serial, its index).
        focus: Option<(u64, u64)> = None;
        /// A line for the live region (trashed, restored, failed).
        message: Option<String> = None;
        /// The last move to the Trash can still be undone.
        can_undo: bool = false;
        /// The album page's heading (the timeline narrowed to one named album).
        album_page: Option<AlbumPage> = None;
        /// "Add to album" is open.
        choosing_album: bool = false;
        /// How many days the Trash keeps an item (the server's figure).
        trash_days: Option<u32> = None;
    }
}

pub fn use_library() -> LibraryStore {
    expect_context::<LibraryStore>()
}
