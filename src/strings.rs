//! Every user-facing string of the app, by name: the words come from the page's catalog
//! (locales/<lang>.ftl, English in locales/en.ftl). Statuses, outcomes and skip reasons use the
//! exact words of contracts.md in English.
use crate::i18n::{t, text, tn};
use shoebox_core::facts::{Outcome, UploadNote};

pub mod dates;
pub mod devices;
pub mod failures;
pub mod kiosk;
pub mod library;
pub mod settings;
pub mod skips;
pub mod status;
pub mod takeout;
pub use failures::{api_error, fail_reason, worker_fault};
pub use kiosk::*;
pub use settings::*;
pub use skips::{skip_kind, skip_reason, skipped_dismiss, skipped_line};

text!(app_name, "app-name");
text!(page_title, "page-title");
text!(tagline, "tagline");
text!(drop_hint, "drop-hint");
text!(drop_active, "drop-active");
text!(choose_folders, "choose-folders");
text!(choose_files, "choose-files");
text!(add_more, "add-more");
text!(back_up, "back-up");
text!(pause, "pause");
text!(resume, "resume");
text!(continue_, "continue");
text!(continue_remembered, "continue-remembered");
text!(retry_failed, "retry-failed");
text!(cancel, "cancel");
text!(retry, "retry");
text!(settings, "settings");
text!(download_csv, "download-csv");
text!(empty_title, "empty-title");
text!(empty_body, "empty-body");
text!(plan_title, "plan-title");
text!(files_title, "files-title");
text!(overall_progress, "overall-progress");
text!(skipped_title, "skipped-title");
text!(leave_warning, "leave-warning");
text!(done_notification, "done-notification");
text!(continue_hint, "continue-hint");
text!(file_unreadable, "file-unreadable");
text!(choose_photos, "choose-photos");
text!(take_photo, "take-photo");
/// The plan view's line while file contents are being checked (the plan comes from names and
/// sizes first; the content can still move a file, e.g. a text file named .jpg).
pub fn plan_checking(checked: u64, total: u64) -> String {
    tn("plan-checking", &[("checked", checked), ("total", total)], &[])
}
pub fn plan_checked(total: u64) -> String {
    tn("plan-checked", &[("total", total)], &[])
}
text!(plan_hint, "plan-hint");
text!(paused_hint, "paused-hint");
text!(offline_hint, "offline-hint");
text!(wifi_hint, "wifi-hint");
/// What was not finished, and the archives to choose again by name when its records know them
/// (a browser that kept no handle for them).
pub fn continue_detail(remaining: u64, archives: &[String]) -> String {
    let detail = tn("continue-detail", &[("count", remaining)], &[]);
    if archives.is_empty() {
        return detail;
    }
    let names = archives.join(", ");
    format!("{detail} {}", tn("continue-archives", &[], &[("names", &names)]))
}
pub fn files(n: u64) -> String {
    tn("files", &[("count", n)], &[])
}
text!(sign_in_hint, "sign-in-hint");

// Settings panel
text!(set_quality, "set-quality");
text!(set_quality_original, "set-quality-original");
text!(set_quality_high, "set-quality-high");
text!(set_limits, "set-limits");
text!(set_limits_server, "set-limits-server");
text!(set_limits_seed, "set-limits-seed");
text!(set_limits_google, "set-limits-google");
text!(set_destination, "set-destination");
text!(set_token, "set-token");
text!(set_wifi_only, "set-wifi-only");
text!(set_parallel, "set-parallel");
text!(set_album, "set-album");
text!(set_album_folder, "set-album-folder");
text!(set_album_folders, "set-album-folders");
text!(set_album_none, "set-album-none");
text!(set_album_named, "set-album-named");
text!(set_album_name, "set-album-name");
text!(filter_group, "filter-group");
text!(filter_all, "filter-all");
text!(filter_pending, "filter-pending");
text!(filter_uploaded, "filter-uploaded");
text!(filter_already, "filter-already");
text!(filter_skipped, "filter-skipped");
text!(filter_failed, "filter-failed");
text!(file_list, "file-list");
text!(folders, "folders");
text!(loose_files, "loose-files");
text!(plan_albums_none, "plan-albums-none");
/// The plan's count of the albums its folders will make.
pub fn plan_albums_count(n: u64) -> String {
    tn("plan-albums-count", &[("count", n)], &[])
}
pub fn plan_albums_more(n: u64) -> String {
    tn("plan-albums-more", &[("count", n)], &[])
}
/// The plan's Albums choice when the setting names one album.
pub fn plan_album_named(name: &str) -> String {
    tn("plan-album-named", &[], &[("name", name)])
}
pub fn more_folders(n: u64) -> String {
    tn("more-folders", &[("count", n)], &[])
}
pub fn more_in_csv(n: u64) -> String {
    tn("more-in-csv", &[("count", n)], &[])
}
pub fn bytes_of(done: u64, total: u64) -> String {
    tn("bytes-of", &[], &[("done", &bytes(done)), ("total", &bytes(total))])
}
/// The file list's folded line for the page's finished batches.
pub fn earlier_batches(files: u64) -> String {
    tn("earlier-batches", &[("count", files)], &[])
}
pub fn files_of(done: u64, total: u64) -> String {
    tn("files-of", &[("done", done), ("total", total)], &[])
}
text!(set_strip_location, "set-strip-location");

// Status card (contracts.md, in these words)
text!(status_ready, "status-ready");
pub fn status_looking(found: u64) -> String {
    tn("status-looking", &[("found", found)], &[])
}
pub fn status_ready_to_back_up(n: u64) -> String {
    tn("status-ready-to-back-up", &[("count", n)], &[])
}
text!(status_continue, "status-continue");
pub fn status_backing_up(done: u64, total: u64) -> String {
    tn("status-backing-up", &[("done", done), ("total", total)], &[])
}
pub fn backing_up_detail(bytes_left: u64, eta_ms: Option<u64>) -> String {
    match eta_ms {
        Some(ms) => tn("backing-up-left-eta", &[], &[("size", &bytes(bytes_left)), ("eta", &eta(ms))]),
        None => tn("backing-up-left", &[], &[("size", &bytes(bytes_left))]),
    }
}
text!(status_sign_in, "status-sign-in");
text!(status_offline, "status-offline");
text!(status_wifi, "status-wifi");
text!(status_paused, "status-paused");
text!(status_charge, "status-charge");
text!(status_backup_off, "status-backup-off");
text!(status_storage_full, "status-storage-full");
// Devices and signing in
text!(devices_title, "devices-title");
text!(sign_in_this, "sign-in-this");
text!(sign_in_how, "sign-in-how");
text!(sign_in_failed, "sign-in-failed");
text!(sign_in_expired, "sign-in-expired");
text!(sign_in_link_used, "sign-in-link-used");
text!(pair_enter, "pair-enter");
text!(pair_look_up, "pair-look-up");
text!(pair_approve, "pair-approve");
text!(pair_cancel, "pair-cancel");
text!(pair_approved, "pair-approved");
text!(pair_unknown, "pair-unknown");
text!(pair_too_many, "pair-too-many");
text!(device_revoke, "device-revoke");
text!(device_upload_only, "device-upload-only");
/// The approval's title: the question, "Sign in “Chromebook” to your account?".
pub fn pair_title(name: &str, upload_only: bool, hours: Option<f64>) -> String {
    if upload_only {
        let h = hours.unwrap_or(1.0).round().max(1.0) as u64;
        tn("pair-title-upload", &[("hours", h)], &[("name", name)])
    } else {
        tn("pair-title", &[], &[("name", name)])
    }
}
/// The approval's body: what the other device may do once approved.
pub fn pair_body(upload_only: bool) -> &'static str {
    t(if upload_only { "pair-body-upload-only" } else { "pair-body" })
}
pub fn storage_line(used: u64, quota: Option<u64>) -> String {
    match quota {
        Some(q) => tn("storage-line-quota", &[], &[("used", &bytes(used)), ("quota", &bytes(q))]),
        None => tn("storage-line", &[], &[("used", &bytes(used))]),
    }
}
text!(storage_full_hint, "storage-full-hint");
text!(charge_hint, "charge-hint");
text!(backup_off_hint, "backup-off-hint");
text!(turn_on, "turn-on");
text!(updated_note, "updated-note");
text!(shared_album, "shared-album");
// Back up & sync panel
text!(sync_title, "sync-title");
text!(sync_switch, "sync-switch");
text!(sync_hint, "sync-hint");
text!(sync_add, "sync-add");
text!(sync_remove, "sync-remove");
text!(sync_allow, "sync-allow");
text!(sync_allow_why, "sync-allow-why");
text!(sync_never, "sync-never");
text!(sync_charging_only, "sync-charging-only");
text!(sync_charging_unavailable, "sync-charging-unavailable");
text!(sync_no_picker, "sync-no-picker");
text!(sync_add_prompt, "sync-add-prompt");
pub fn sync_folder_line(items: u64, last: Option<&str>) -> String {
    match last {
        Some(time) => tn("sync-folder-line-last", &[("count", items)], &[("time", time)]),
        None => tn("sync-folder-line", &[("count", items)], &[]),
    }
}
pub fn last_backup(time: &str) -> String {
    tn("last-backup", &[], &[("time", time)])
}
text!(status_complete, "status-complete");
text!(complete_open_library, "complete-open-library");
/// "Backup complete"'s figures: only those that are not zero, so it reads as what happened.
pub fn complete_detail(uploaded: u64, already: u64, skipped: u64, failed: u64) -> String {
    let parts =
        [("complete-uploaded", uploaded), ("complete-already", already), ("complete-skipped", skipped), ("complete-failed", failed)];
    let said = parts.iter().filter(|(_, n)| *n > 0).map(|(key, n)| tn(key, &[("count", *n)], &[]));
    let line = said.reduce(|first, next| tn("list-more", &[], &[("first", &first), ("next", &next)]));
    let line = line.unwrap_or_else(|| t("complete-nothing").into());
    // A line that starts with a word starts with a capital, whichever part comes first.
    let mut chars = line.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
pub fn outcome(o: &Outcome) -> String {
    match o {
        Outcome::Uploaded(None) => t("outcome-uploaded").into(),
        Outcome::Uploaded(Some(note)) => tn("outcome-uploaded-note", &[], &[("note", upload_note(*note))]),
        Outcome::AlreadyBackedUp => t("outcome-already").into(),
        Outcome::Skipped(r) => tn("outcome-skipped", &[], &[("reason", &skip_reason(*r))]),
        Outcome::Failed(why) => tn("outcome-failed", &[], &[("reason", &fail_reason(why))]),
    }
}

pub fn upload_note(n: UploadNote) -> &'static str {
    t(match n {
        UploadNote::UnreadableSentOriginal => "note-unreadable-sent-original",
        UploadNote::KeptOriginal => "note-kept-original",
        UploadNote::Downsized => "note-downsized",
    })
}

text!(phase_waiting, "phase-waiting");
text!(phase_inspecting, "phase-inspecting");
text!(phase_ready, "phase-ready");
text!(phase_hashing, "phase-hashing");
text!(phase_checking, "phase-checking");
text!(phase_preparing, "phase-preparing");
text!(phase_paused, "phase-paused");
text!(phase_not_chosen, "phase-not-chosen");
pub fn phase_uploading(percent: u32) -> String {
    tn("phase-uploading", &[("percent", percent as u64)], &[])
}
pub fn phase_retrying(seconds: u64) -> String {
    tn("phase-retrying", &[("seconds", seconds)], &[])
}

pub fn plan_totals(photos: u64, videos: u64, downsize: u64, skipped: u64) -> String {
    tn("plan-totals", &[("photos", photos), ("videos", videos), ("downsize", downsize), ("skipped", skipped)], &[])
}

/// The plan's size line: what will be sent, then what was found and left out.
/// "168 files to back up, 54 MB · 6 skipped · 3 not chosen".
/// A folder row of the plan: its count and size, or while only names are known (a drop's
/// sizes follow its names by seconds) its count by name and the size read so far.
pub fn folder_meta(files_: u64, bytes_: u64, listed: u64) -> String {
    if listed > files_ {
        return tn("folder-meta-reading", &[("count", listed)], &[("size", &bytes(bytes_))]);
    }
    tn("folder-meta", &[("count", files_)], &[("size", &bytes(bytes_))])
}

pub fn plan_size_line(to_back_up: u64, bytes_total: u64, skipped: u64, not_chosen: u64) -> String {
    let mut line = tn("plan-size-line", &[("count", to_back_up)], &[("size", &bytes(bytes_total))]);
    if skipped > 0 {
        line.push_str(" · ");
        line.push_str(&tn("plan-size-skipped", &[("skipped", skipped)], &[]));
    }
    if not_chosen > 0 {
        line.push_str(" · ");
        line.push_str(&tn("plan-size-not-chosen", &[("notchosen", not_chosen)], &[]));
    }
    line
}

/// The page's line over every batch: "On this page: 2 backups, 13 files — 8 uploaded (18 MB),
/// 5 already backed up".
pub fn page_line(p: &shoebox_core::engine::PageTotals) -> String {
    let mut parts = vec![tn("page-uploaded", &[("uploaded", p.uploaded)], &[("size", &bytes(p.bytes_uploaded))])];
    if p.already > 0 {
        parts.push(tn("page-already", &[("already", p.already)], &[]));
    }
    if p.skipped > 0 {
        parts.push(tn("page-skipped", &[("skipped", p.skipped)], &[]));
    }
    if p.failed > 0 {
        parts.push(tn("page-failed", &[("failed", p.failed)], &[]));
    }
    let parts = parts.join(t("list-separator"));
    tn("page-line", &[("batches", p.batches as u64), ("count", p.files)], &[("parts", &parts)])
}

pub fn speed(bytes_per_s: u64) -> String {
    tn("speed", &[], &[("size", &bytes(bytes_per_s))])
}

/// 1,234,567 with thousands separators.
pub fn count(n: u64) -> String {
    crate::i18n::number(n)
}

/// Decimal units, as the limits are stated (1 MB = 1,000,000 bytes).
pub fn bytes(n: u64) -> String {
    const UNITS: [&str; 5] = ["size-bytes", "size-kb", "size-mb", "size-gb", "size-tb"];
    if n < 1000 {
        return tn("size-bytes", &[("count", n)], &[]);
    }
    let mut v = n as f64;
    let mut u = 0;
    while v >= 1000.0 && u < UNITS.len() - 1 {
        v /= 1000.0;
        u += 1;
    }
    let places = if v < 10.0 { 1 } else { 0 };
    tn(UNITS[u], &[], &[("value", &crate::i18n::decimal(v, places))])
}

/// "about 6 min", rounded so the figure does not flicker.
pub fn eta(ms: u64) -> String {
    let s = ms / 1000;
    if s < 60 {
        t("eta-under-minute").into()
    } else if s < 3600 {
        tn("eta-minutes", &[("minutes", (s + 30) / 60)], &[])
    } else {
        tn("eta-hours", &[("hours", s / 3600), ("minutes", (s % 3600 + 30) / 60)], &[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn numbers_read_well() {
        assert_eq!(count(1234), "1,234");
        assert_eq!(status_ready_to_back_up(1), "Ready to back up 1 photo or video");
        assert_eq!(count(999), "999");
        assert_eq!(count(1_000_000), "1,000,000");
        assert_eq!(bytes(2_100_000_000), "2.1 GB");
        assert_eq!(bytes(512), "512 bytes");
        assert_eq!(eta(6 * 60_000), "about 6 min");
        assert_eq!(status_backing_up(1234, 5678), "Backing up 1,234 of 5,678");
        assert_eq!(complete_detail(8, 0, 7, 0), "8 uploaded, 7 skipped");
        assert_eq!(complete_detail(0, 2, 0, 1), "2 already backed up, 1 failed");
        assert_eq!(complete_detail(0, 0, 0, 0), "Nothing new to back up");
        assert_eq!(skipped_line(3, 0), "3 photos or videos skipped — see why");
        assert_eq!(skipped_line(1, 0), "1 photo or video skipped — see why");
        assert_eq!(skipped_line(0, 1), "1 other file ignored — see why");
        assert_eq!(skipped_line(2, 5), "2 photos or videos skipped, 5 other files ignored — see why");
        assert_eq!(plan_size_line(168, 54_000_000, 6, 0), "168 files to back up, 54 MB · 6 skipped");
        assert_eq!(plan_size_line(1, 500, 0, 3), "1 file to back up, 500 bytes · 3 not chosen");
    }
}
