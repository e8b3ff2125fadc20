//! The library: the timeline's layout model ([`Timeline`]), the filters as the server's query
//! ([`filter_query`]), and [`LibraryFlow`], the sans-IO flow that decides what the library asks
//! the server for and what it shows. The app only performs the flow's calls and copies its view.
mod album_state;
mod albums;
mod answers;
mod flow;
mod query;
mod route;
mod screen;
mod timeline;
mod trash;
mod trash_state;
mod view;
mod visits;

pub use flow::{LibraryAction, LibraryCall, LibraryFlow, Viewport, GAP, HEADING, MIN_CELL, OVERSCAN};
pub use query::filter_query;
pub use route::Route;
pub use timeline::{DayCount, Fetch, Geometry, Row, Timeline};
pub use trash::{days_left, NOTE_MS, UNDO_MS};
pub use view::{AlbumPage, Cell, Download, Filters, GridRow, Kind, LibraryNote, LibraryTotals, LoadState, RowBody, ViewerState};

#[cfg(test)]
mod album_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod trash_tests;
