//! What the library shows, as the flow keeps it: the filters, the load
//! state, the figures above the grid, the rows on screen and the viewer. The app copies these
//! into its store; components draw them and send intents back.
use crate::api::MediaItem;

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
    /// In the Trash: whole days before the purge deletes it.
    pub days_left: Option<u32>,
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

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LoadState {
    /// Nothing asked yet, or a new filter is being counted.
    #[default]
    Loading,
    Ready,
    /// This server has no library (a plain tus server) or refused the token.
    Unavailable,
    Failed,
}

/// A line for the live region after a trash or restore (the words are the app's).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LibraryNote {
    Trashed(u64),
    Restored(u64),
    /// "Empty trash": this many deleted for good.
    Emptied(u64),
    /// The server refused or did not answer: nothing changed.
    ActionFailed,
    /// This many items were put in the album.
    AddedToAlbum(u64),
    /// This many items were taken out of the album shown (they stay in the library).
    RemovedFromAlbum(u64),
    AlbumRenamed,
    /// The person already has an album of that name.
    AlbumExists,
    /// Not a name an album can have (empty, too long, control characters).
    AlbumNameRefused,
    /// The album is the drop of a kiosk visit still going on: it changes once the visit ends.
    AlbumLiveVisit,
}

/// The album page's heading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AlbumPage {
    pub name: String,
    /// The person has no album of that name (a stale link, another person's album).
    pub missing: bool,
    pub count: u64,
    /// The oldest and the newest day of its items (None while counting or when empty).
    pub first_day: Option<String>,
    pub last_day: Option<String>,
}

/// A file to save, as the browser's download names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Download {
    pub url: String,
    pub filename: String,
}
