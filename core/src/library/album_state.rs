//! What the library flow remembers for its album moves (see `albums.rs`): the selected items
//! as they were when picked (their content and download link), whether the album chooser is
//! open, the albums listed (whether the page's album exists), the rename under way and the name of the zip asked for.
use crate::api::MediaItem;

#[derive(Clone, Debug, Default)]
pub(super) struct AlbumState {
    /// The items behind the selected ids, as loaded when they were picked.
    pub picked: Vec<MediaItem>,
    /// "Add to album" is open: its list of albums is shown.
    pub choosing: bool,
    /// The name asked for by the rename under way.
    pub renaming_to: Option<String>,
    /// The album a zip asked for is named after (none: a selection's).
    pub zip_name: Option<String>,
    /// The person's album names, as last listed since the album page opened (`None`: not yet).
    pub listed: Option<Vec<String>>,
}
