//! What the library flow remembers for its album moves (see `albums.rs`): the selected items
//! as they were when picked (their content and download link), whether the album chooser is
//! open, the albums listed (whether the page's album exists), the rename under way and an album's download being gathered.
use crate::api::MediaItem;

#[derive(Clone, Debug, Default)]
pub(super) struct AlbumState {
    /// The items behind the selected ids, as loaded when they were picked.
    pub picked: Vec<MediaItem>,
    /// "Add to album" is open: its list of albums is shown.
    pub choosing: bool,
    /// The name asked for by the rename under way.
    pub renaming_to: Option<String>,
    /// "Download all": the album's items gathered so far, while pages are still coming.
    pub gathering: Option<(u64, Vec<MediaItem>)>,
    /// The person's album names, as last listed since the album page opened (`None`: not yet).
    pub listed: Option<Vec<String>>,
    /// Numbers the "Download all" runs, so an old run's answer is dropped.
    pub serial: u64,
}
