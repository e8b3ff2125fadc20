//! What the library flow shows, read by the app after each input and copied into its store: the
//! rows of the grid the viewport meets (with their loaded items), the scrubber's months, and
//! the rest of the view as it stands.
use super::flow::{LibraryFlow, Viewport, OVERSCAN};
use super::route::Route;
use super::timeline::Row;
use super::view::{Cell, Filters, GridRow, LibraryNote, LibraryTotals, LoadState, RowBody, ViewerState};
use crate::api::AlbumSummary;

impl LibraryFlow {
    /// The rows the viewport meets, plus the overscan either side.
    pub fn rows(&self) -> Vec<GridRow> {
        let Some(t) = self.timeline.as_ref() else { return Vec::new() };
        let Viewport { top, height, .. } = self.viewport;
        t.visible(top, height, OVERSCAN)
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
                            .map(|(k, item)| Cell {
                                index: t.global(day, first + k as u32),
                                item: item.cloned(),
                                days_left: self.days_left(item.and_then(|i| i.trashed_at.as_deref())),
                            })
                            .collect(),
                    ),
                };
                Some(GridRow { key: i, top, body })
            })
            .collect()
    }

    fn days_left(&self, trashed_at: Option<&str>) -> Option<u32> {
        super::days_left(trashed_at?, self.trash.days?, self.trash.now)
    }

    /// The scrubber: ("YYYY-MM", top) newest first.
    pub fn months(&self) -> Vec<(String, f64)> {
        self.timeline.as_ref().map(|t| t.months()).unwrap_or_default()
    }
    /// The grid's full height in pixels (the scrollbar's length).
    pub fn height(&self) -> f64 {
        self.timeline.as_ref().map(|t| t.total_height()).unwrap_or(0.0)
    }
    /// A cell's side in pixels (kept while nothing is counted).
    pub fn cell(&self) -> Option<f64> {
        self.timeline.as_ref().map(|t| t.geometry().cell())
    }
    pub fn route(&self) -> &Route {
        &self.route
    }
    pub fn filters(&self) -> &Filters {
        &self.filters
    }
    pub fn state(&self) -> LoadState {
        self.state
    }
    pub fn totals(&self) -> &LibraryTotals {
        &self.totals
    }
    /// Items matching the filters (the grid's count line).
    pub fn matching(&self) -> u64 {
        self.matching
    }
    pub fn albums(&self) -> &[AlbumSummary] {
        &self.albums
    }
    /// Selected record ids.
    pub fn selected(&self) -> &[String] {
        &self.selected
    }
    pub fn viewer(&self) -> Option<&ViewerState> {
        self.viewer.as_ref()
    }
    pub fn note(&self) -> Option<LibraryNote> {
        self.note
    }
    pub fn scroll_to(&self) -> Option<(u64, f64)> {
        self.scroll_to
    }
    /// The thumbnail that gets the focus back when the viewer closes: (a serial, its index).
    pub fn focus(&self) -> Option<(u64, u64)> {
        self.focus
    }
}
