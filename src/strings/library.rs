//! The library's words (the timeline, albums, Trash, search, viewer), beside the app's others.
use super::{bytes as human_bytes, count as group};

pub const NAV_BACKUP: &str = "Back up";
pub const NAV_LIBRARY: &str = "Library";
pub const NAV_LABEL: &str = "Shoebox";
pub const TIMELINE: &str = "Photos";
pub const ALBUMS: &str = "Albums";
pub const TRASH: &str = "Trash";
pub const VIEWS_LABEL: &str = "Library views";
pub const SEARCH: &str = "Search";
pub const SEARCH_HINT: &str = "File name or album";
pub const FROM: &str = "From";
pub const TO: &str = "To";
pub const CLEAR_FILTERS: &str = "Clear filters";
pub const FILTER_LABEL: &str = "Show";
pub const KIND_ALL: &str = "All";
pub const KIND_PHOTOS: &str = "Photos";
pub const KIND_VIDEOS: &str = "Videos";
pub const KIND_DOWNSIZED: &str = "Downsized";
pub const KIND_ORIGINALS: &str = "Originals";
pub const LOADING: &str = "Loading your library…";
pub const UNAVAILABLE: &str =
    "This server has no library to show, or this device may only upload. Sign in with a full account to see what is backed up.";
pub const FAILED: &str = "The library could not be loaded. Check the connection and try again.";
pub const RETRY: &str = "Try again";
pub const EMPTY: &str = "Nothing backed up yet. Photos and videos you back up appear here.";
pub const NO_MATCH: &str = "Nothing matches these filters.";
pub const TRASH_EMPTY: &str = "The Trash is empty.";
pub const TRASH_NOTE: &str = "Until they are deleted they still count as backed up, so a sync or the same folder dropped again does not upload them again: restore them to see them in your library. Nothing on your devices is ever deleted.";
/// The Trash's header note: how long it keeps things (the server's figure, when it gives one).
pub fn trash_note(kept: Option<u32>) -> String {
    match kept {
        Some(d) => format!("Items in the Trash are deleted from the server for good {} after they were moved there. {TRASH_NOTE}", days(d)),
        None => format!("Items in the Trash are deleted from the server for good after a while. {TRASH_NOTE}"),
    }
}
fn days(n: u32) -> String {
    format!("{n} {}", if n == 1 { "day" } else { "days" })
}
/// A trashed item's badge.
pub fn days_left(n: u32) -> String {
    match n {
        0 => "Deleted soon".into(),
        n => format!("{} left", days(n)),
    }
}
pub const RESTORE_ALL: &str = "Restore all";
pub const EMPTY_TRASH: &str = "Empty trash";
pub const EMPTY_TRASH_YES: &str = "Delete for good";
pub const EMPTY_TRASH_TITLE: &str = "Empty the Trash?";
pub const EMPTY_TRASH_BODY: &str =
    "Everything in the Trash is deleted from the server for good, now. This cannot be undone. Nothing on your devices is deleted.";
pub const UNDO: &str = "Undo";
pub const SCRUBBER: &str = "Jump to a month";
pub const GRID_LABEL: &str = "Your photos and videos";
pub const SELECT: &str = "Select";
pub const MOVE_TO_TRASH: &str = "Move to Trash";
pub const RESTORE: &str = "Restore";
pub const CLEAR_SELECTION: &str = "Clear selection";
pub const CONFIRM: &str = "Move to Trash";
pub const CANCEL: &str = "Cancel";
pub const ACTION_FAILED: &str = "That did not work: the server did not answer. Nothing was changed.";
pub const NO_ALBUM: &str = "Not in an album";
pub const NO_ALBUMS: &str = "No albums yet. Folders you back up become albums.";
pub const CLOSE: &str = "Close";
pub const PREVIOUS: &str = "Previous";
pub const NEXT: &str = "Next";
pub const ZOOM: &str = "Zoom";
pub const FIT: &str = "Fit to window";
pub const DOWNLOAD_ORIGINAL: &str = "Download original";
pub const DOWNLOAD_COPY: &str = "Download";
pub const DOWNSIZED_NOTE: &str =
    "This is the downsized copy (High quality). The original was not uploaded, so this is the best copy there is.";
pub const DETAILS: &str = "Details";
pub const NO_THUMB: &str = "No preview";
pub const D_NAME: &str = "Name";
pub const D_FOLDER: &str = "Folder";
pub const D_ALBUM: &str = "Album";
pub const D_TAKEN: &str = "Taken";
pub const D_SIZE: &str = "Size";
pub const D_PIXELS: &str = "Pixels";
pub const D_CAMERA: &str = "Camera";
pub const D_PLACE: &str = "Place";
pub const D_QUALITY: &str = "Quality";
pub const Q_DOWNSIZED: &str = "Downsized to 16 MP (High quality)";
pub const Q_ORIGINAL: &str = "Original";
pub const VIDEO: &str = "Video";
/// A video tile's badge: its length ("0:07", "1:02:03") once the server has probed it.
pub fn video_badge(duration_ms: Option<u64>) -> String {
    let Some(ms) = duration_ms else { return VIDEO.into() };
    let s = ms.div_ceil(1000);
    let (h, m, s) = (s / 3600, s / 60 % 60, s % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}
pub const VIDEO_UNPLAYABLE: &str = "This video cannot be played in this browser (its format needs hardware this device does not offer). Download the original to watch it.";
/// The badge of a photo that moves (a Live Photo or a Motion Photo).
pub const MOTION: &str = "Live";
pub const PLAY_MOTION: &str = "Play motion";
pub const TRASHED: &str = "In the Trash";

fn items(n: u64) -> String {
    if n == 1 {
        "1 item".into()
    } else {
        format!("{} items", group(n))
    }
}

/// "1,234 items · 5.2 GB · 12.0 GB of 50 GB used".
pub fn totals_line(count: u64, bytes: u64, used: u64, quota: Option<u64>) -> String {
    let used = match quota {
        Some(q) => format!("{} of {} used", human_bytes(used), human_bytes(q)),
        None => format!("{} used on the server", human_bytes(used)),
    };
    format!("{} · {} · {used}", items(count), human_bytes(bytes))
}

pub fn day_count(n: u32) -> String {
    items(n as u64)
}

pub fn selected(n: usize) -> String {
    format!("{} selected", group(n as u64))
}

/// The Trash confirmation's title: "Move 3 items to the Trash?".
pub fn confirm_trash_title(n: usize) -> String {
    format!("Move {} to the Trash?", items(n as u64))
}

pub fn confirm_trash_body(n: usize) -> String {
    format!("{} kept 30 days and can be restored until then. Nothing on this device is deleted.", if n == 1 { "It is" } else { "They are" })
}

/// The live region's line after a trash or restore.
pub fn note(n: shoebox_core::library::LibraryNote) -> String {
    use shoebox_core::library::LibraryNote;
    match n {
        LibraryNote::Trashed(n) => trashed(n),
        LibraryNote::Restored(n) => restored(n),
        LibraryNote::Emptied(n) => format!("{} deleted for good.", items(n)),
        LibraryNote::ActionFailed => ACTION_FAILED.into(),
    }
}

pub fn trashed(n: u64) -> String {
    format!("{} moved to the Trash.", items(n))
}

pub fn restored(n: u64) -> String {
    format!("{} restored.", items(n))
}

pub fn album_line(count: u64, bytes: u64) -> String {
    format!("{} · {}", items(count), human_bytes(bytes))
}

pub fn select_item(name: &str) -> String {
    format!("Select {name}")
}

pub fn open_item(name: &str, day: &str) -> String {
    format!("{name}, {day}")
}

pub fn position(n: u64, of: u64) -> String {
    format!("{} of {}", group(n + 1), group(of))
}

#[cfg(test)]
mod tests {
    use super::video_badge;

    #[test]
    fn a_video_badge_shows_its_length_rounded_up_to_the_second() {
        assert_eq!(video_badge(None), "Video");
        assert_eq!(video_badge(Some(0)), "0:00");
        assert_eq!(video_badge(Some(1_200)), "0:02");
        assert_eq!(video_badge(Some(62_000)), "1:02");
        assert_eq!(video_badge(Some(3_723_000)), "1:02:03");
    }
}
