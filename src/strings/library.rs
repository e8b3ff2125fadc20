//! The library's words (the timeline, albums, Trash, search, viewer), beside the app's others.
use super::bytes as human_bytes;
use crate::i18n::{text, tn};

text!(nav_backup, "library-nav-backup");
text!(nav_library, "library-nav-library");
text!(nav_label, "library-nav-label");
text!(timeline, "library-timeline");
text!(albums, "library-albums");
text!(trash, "library-trash");
text!(views_label, "library-views-label");
text!(search, "library-search");
text!(search_hint, "library-search-hint");
text!(from, "library-from");
text!(to, "library-to");
text!(clear_filters, "library-clear-filters");
text!(filter_label, "library-filter-label");
text!(kind_all, "library-kind-all");
text!(kind_photos, "library-kind-photos");
text!(kind_videos, "library-kind-videos");
text!(kind_downsized, "library-kind-downsized");
text!(kind_originals, "library-kind-originals");
text!(loading, "library-loading");
text!(unavailable, "library-unavailable");
text!(failed, "library-failed");
text!(retry, "library-retry");
text!(empty, "library-empty");
text!(no_match, "library-no-match");
text!(trash_empty, "library-trash-empty");
text!(trash_still_counts, "library-trash-note");
text!(scrubber, "library-scrubber");
text!(grid_label, "library-grid-label");
text!(select, "library-select");
text!(move_to_trash, "library-move-to-trash");
text!(restore, "library-restore");
text!(clear_selection, "library-clear-selection");
text!(confirm, "library-confirm");
text!(cancel, "library-cancel");
text!(action_failed, "library-action-failed");
text!(no_album, "library-no-album");
text!(download, "library-download");
text!(add_to_album, "library-add-to-album");
text!(new_album, "library-new-album");
text!(add, "library-add");
text!(your_albums, "library-your-albums");
text!(rename, "library-rename");
text!(album_name, "library-album-name");
text!(save, "library-save");
text!(download_all, "library-download-all");
text!(all_albums, "library-all-albums");
text!(selection_label, "library-selection-label");
text!(no_albums, "library-no-albums");
text!(close, "library-close");
text!(previous, "library-previous");
text!(next, "library-next");
text!(zoom, "library-zoom");
text!(fit, "library-fit");
text!(download_original, "library-download-original");
text!(download_copy, "library-download-copy");
text!(downsized_note, "library-downsized-note");
text!(details, "library-details");
text!(no_thumb, "library-no-thumb");
text!(d_name, "library-d-name");
text!(d_folder, "library-d-folder");
text!(d_album, "library-d-album");
text!(d_taken, "library-d-taken");
text!(d_size, "library-d-size");
text!(d_pixels, "library-d-pixels");
text!(d_camera, "library-d-camera");
text!(d_place, "library-d-place");
text!(d_quality, "library-d-quality");
text!(q_downsized, "library-q-downsized");
text!(q_original, "library-q-original");
text!(video, "library-video");
/// The Trash's header note: how long it keeps things (the server's figure, when it gives one).
pub fn trash_note(kept: Option<u32>) -> String {
    match kept {
        Some(d) => tn("library-trash-kept", &[("days", d as u64)], &[("rest", trash_still_counts())]),
        None => tn("library-trash-kept-unknown", &[], &[("rest", trash_still_counts())]),
    }
}
/// A trashed item's badge.
pub fn days_left(n: u32) -> String {
    match n {
        0 => deleted_soon().into(),
        n => tn("library-days-left", &[("days", n as u64)], &[]),
    }
}
text!(deleted_soon, "library-deleted-soon");
text!(restore_all, "library-restore-all");
text!(empty_trash, "library-empty-trash");
text!(empty_trash_yes, "library-empty-trash-yes");
text!(empty_trash_title, "library-empty-trash-title");
text!(empty_trash_body, "library-empty-trash-body");
text!(undo, "library-undo");
/// A video tile's badge: its length ("0:07", "1:02:03") once the server has probed it.
pub fn video_badge(duration_ms: Option<u64>) -> String {
    let Some(ms) = duration_ms else { return video().into() };
    let s = ms.div_ceil(1000);
    let (h, m, s) = (s / 3600, s / 60 % 60, s % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}
text!(video_unplayable, "library-video-unplayable");
// The badge of a photo that moves (a Live Photo or a Motion Photo).
text!(motion, "library-motion");
text!(play_motion, "library-play-motion");
text!(trashed, "library-trashed");
text!(download_motion, "library-download-motion");

/// A sidecar's download button in the viewer (its XMP or AAE file).
pub fn download_sidecar(filename: &str) -> String {
    tn("library-download-sidecar", &[], &[("filename", filename)])
}

fn items(n: u64) -> String {
    tn("library-items", &[("count", n)], &[])
}

/// "1,234 items · 5.2 GB · 12.0 GB of 50 GB used".
pub fn totals_line(count: u64, bytes: u64, used: u64, quota: Option<u64>) -> String {
    let (size, used) = (human_bytes(bytes), human_bytes(used));
    match quota {
        Some(q) => tn("library-totals-quota", &[("count", count)], &[("size", &size), ("used", &used), ("quota", &human_bytes(q))]),
        None => tn("library-totals", &[("count", count)], &[("size", &size), ("used", &used)]),
    }
}

pub fn day_count(n: u32) -> String {
    items(n as u64)
}

pub fn selected(n: usize) -> String {
    tn("library-selected", &[("count", n as u64)], &[])
}

/// The Trash confirmation's title: "Move 3 items to the Trash?".
pub fn confirm_trash_title(n: usize) -> String {
    tn("library-confirm-trash-title", &[("count", n as u64)], &[])
}

pub fn confirm_trash_body(n: usize) -> String {
    tn("library-confirm-trash-body", &[("count", n as u64)], &[])
}

/// The live region's line after a trash or restore.
pub fn note(n: shoebox_core::library::LibraryNote) -> String {
    use shoebox_core::library::LibraryNote;
    match n {
        LibraryNote::Trashed(n) => moved_to_trash(n),
        LibraryNote::Restored(n) => restored(n),
        LibraryNote::Emptied(n) => tn("library-emptied", &[("count", n)], &[]),
        LibraryNote::ActionFailed => action_failed().into(),
        LibraryNote::AddedToAlbum(n) => tn("library-added-to-album", &[("count", n)], &[]),
        LibraryNote::RemovedFromAlbum(n) => tn("library-removed-from-album", &[("count", n)], &[]),
        LibraryNote::AlbumRenamed => tn("library-album-renamed", &[], &[]),
        LibraryNote::AlbumExists => tn("library-album-exists", &[], &[]),
        LibraryNote::AlbumNameRefused => tn("library-album-name-refused", &[], &[]),
        LibraryNote::AlbumLiveVisit => tn("library-album-live-visit", &[], &[]),
    }
}

/// An album page's address names no album of the person's.
pub fn album_missing(name: &str) -> String {
    tn("library-album-missing", &[], &[("name", name)])
}

/// "Add 2 items to an album".
pub fn choose_album_title(n: usize) -> String {
    tn("library-choose-album-title", &[("count", n as u64)], &[])
}

/// "12 items · 1 May 2024 to 3 Jun 2024" (one day once; no dates while empty).
pub fn album_facts(count: u64, first: Option<&str>, last: Option<&str>) -> String {
    use super::dates::day_short;
    match (first, last) {
        (Some(a), Some(b)) if a != b => {
            tn("library-album-facts-range", &[("count", count)], &[("from", &day_short(a)), ("to", &day_short(b))])
        }
        (Some(a), _) => tn("library-album-facts-day", &[("count", count)], &[("day", &day_short(a))]),
        _ => items(count),
    }
}

pub fn moved_to_trash(n: u64) -> String {
    tn("library-moved-to-trash", &[("count", n)], &[])
}

pub fn restored(n: u64) -> String {
    tn("library-restored", &[("count", n)], &[])
}

pub fn album_line(count: u64, bytes: u64) -> String {
    tn("library-album-line", &[("count", count)], &[("size", &human_bytes(bytes))])
}

text!(visits_heading, "library-visits-heading");
text!(remove_from_album, "library-remove-from-album");
text!(visit_live, "library-visit-live");
text!(visit_empty, "library-visit-empty");

pub fn visit_code(code: &str) -> String {
    tn("library-visit-code", &[], &[("code", code)])
}

pub fn visit_span(start: &str, end: &str) -> String {
    tn("library-visit-span", &[], &[("start", start), ("end", end)])
}

/// What a visit's drop holds: "2 photos and 1 video · 12 KB", or that nothing is there yet.
pub fn visit_line(photos: u64, videos: u64, bytes: u64) -> String {
    let parts: Vec<String> = [(photos, "kiosk-photos"), (videos, "kiosk-videos")]
        .iter()
        .filter(|k| k.0 > 0)
        .map(|&(n, key)| tn(key, &[("count", n)], &[]))
        .collect();
    match parts.as_slice() {
        [] => visit_empty().to_string(),
        [one] => format!("{one} · {}", human_bytes(bytes)),
        [a, b] => format!("{} · {}", tn("list-last", &[], &[("rest", a), ("last", b)]), human_bytes(bytes)),
        _ => unreachable!("two kinds at most"),
    }
}

pub fn select_item(name: &str) -> String {
    tn("library-select-item", &[], &[("name", name)])
}

pub fn open_item(name: &str, day: &str) -> String {
    tn("library-open-item", &[], &[("name", name), ("day", day)])
}

pub fn position(n: u64, of: u64) -> String {
    tn("library-position", &[("n", n + 1), ("total", of)], &[])
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
