//! Every user-facing string of the app, in one place: a translation is this one file.
//! Statuses, outcomes and skip reasons use the exact words of contracts.md.
use shoebox_core::facts::{Outcome, SkipReason, UploadNote};

pub mod dates;
pub mod devices;
pub mod failures;
pub mod kiosk;
pub mod library;
pub mod status;
pub use failures::{api_error, fail_reason, worker_fault};
pub use kiosk::*;

pub const APP_NAME: &str = "Shoebox";
pub const TAGLINE: &str = "Back up your photos and videos. Nothing to install.";
pub const DROP_HINT: &str = "Drop folders or photos anywhere on this page";
pub const DROP_ACTIVE: &str = "Drop to add them to your backup";
pub const CHOOSE_FOLDERS: &str = "Choose folders";
pub const CHOOSE_FILES: &str = "Choose files";
pub const CHOOSE_PHOTOS: &str = "Choose photos";
pub const TAKE_PHOTO: &str = "Take a photo";
pub const ADD_MORE: &str = "Add more folders";
pub const BACK_UP: &str = "Back up";
pub const PAUSE: &str = "Pause";
pub const RESUME: &str = "Resume";
pub const CONTINUE: &str = "Continue";
pub const RETRY_FAILED: &str = "Retry failed";
pub const CANCEL: &str = "Cancel";
pub const RETRY: &str = "Retry";
pub const SETTINGS: &str = "Settings";
pub const DOWNLOAD_CSV: &str = "Download the list (CSV)";
pub const EMPTY_TITLE: &str = "Nothing chosen yet";
pub const EMPTY_BODY: &str = "Choose the folders that hold your photos and videos, or drop them here. Shoebox looks through them first and shows you what it will back up before anything is sent.";
pub const PLAN_TITLE: &str = "What will be backed up";
pub const FILES_TITLE: &str = "Files";
pub const OVERALL_PROGRESS: &str = "Overall progress";
pub const SKIPPED_TITLE: &str = "Skipped files and why";
pub const LEAVE_WARNING: &str = "Your backup is still running. If you leave, it will continue from where it stopped next time.";
pub const DONE_NOTIFICATION: &str = "Your backup is complete";
pub const CONTINUE_HINT: &str =
    "Choose or drop the same folders again to continue where you stopped. Files already sent are not sent again.";
pub const FILE_UNREADABLE: &str = "This file could not be opened. It may have been moved, deleted or still be downloading.";
/// The plan view's line while file contents are being checked (the plan comes from names and
/// sizes first; the content can still move a file, e.g. a text file named .jpg).
pub fn plan_checking(checked: u64, total: u64) -> String {
    format!("Checking what is inside each file: {} of {}. The numbers above may still change a little.", count(checked), count(total))
}
pub fn plan_checked(total: u64) -> String {
    format!("All {} checked.", files(total))
}
pub const PLAN_HINT: &str = "Check the folders below, then press Back up. Nothing is sent before that.";
pub const PAUSED_HINT: &str = "Nothing is being sent. Press Resume to carry on where it stopped.";
pub const OFFLINE_HINT: &str = "This device is offline. The backup continues by itself when the connection is back.";
pub const WIFI_HINT: &str = "You asked to back up on Wi-Fi only, and this connection is mobile data. The backup continues on Wi-Fi.";
pub fn continue_detail(remaining: u64) -> String {
    format!("{} {} not finished last time. {}", count(remaining), if remaining == 1 { "file was" } else { "files were" }, CONTINUE_HINT)
}
pub fn files(n: u64) -> String {
    format!("{} {}", count(n), if n == 1 { "file" } else { "files" })
}
pub const SIGN_IN_HINT: &str = "The server did not accept this device. Press \u{201c}Sign in this device\u{201d} below and approve it from a device that is signed in, or open the link you were given again.";

// Settings panel
pub const SET_QUALITY: &str = "Upload size";
pub const SET_QUALITY_ORIGINAL: &str = "Original";
pub const SET_QUALITY_HIGH: &str = "High quality (up to 16 MP)";
pub const SET_LIMITS: &str = "Limits";
pub const SET_LIMITS_SERVER: &str = "The server's";
pub const SET_LIMITS_SEED: &str = "Classic (75 MB, 100 MP photos)";
pub const SET_LIMITS_GOOGLE: &str = "Google Photos (200 MB, 200 MP, at least 256 px)";
pub const SET_DESTINATION: &str = "Destination (tus address; empty means this server)";
pub const SET_TOKEN: &str = "Access key";
pub const SET_WIFI_ONLY: &str = "Back up on Wi-Fi only";
pub const SET_PARALLEL: &str = "Uploads at once";
pub const SET_ALBUM: &str = "Albums";
pub const SET_ALBUM_FOLDER: &str = "One album per top folder";
pub const SET_ALBUM_NONE: &str = "No albums";
pub const SET_ALBUM_NAMED: &str = "All into one album named…";
pub const SET_ALBUM_NAME: &str = "Album name";
pub const FILTER_GROUP: &str = "Show";
pub const FILTER_ALL: &str = "All";
pub const FILTER_PENDING: &str = "In progress";
pub const FILTER_UPLOADED: &str = "Uploaded";
pub const FILTER_ALREADY: &str = "Already backed up";
pub const FILTER_SKIPPED: &str = "Skipped";
pub const FILTER_FAILED: &str = "Failed";
pub const FILE_LIST: &str = "File list";
pub const FOLDERS: &str = "Folders";
pub const LOOSE_FILES: &str = "(loose files)";
pub fn more_folders(n: u64) -> String {
    format!("and {} more folders", count(n))
}
pub fn more_in_csv(n: u64) -> String {
    format!("and {} more in the CSV", count(n))
}
pub fn bytes_of(done: u64, total: u64) -> String {
    format!("{} of {}", bytes(done), bytes(total))
}
pub fn files_of(done: u64, total: u64) -> String {
    format!("{} of {} files", count(done), count(total))
}
pub const SET_STRIP_LOCATION: &str = "Remove location from photos";

// Status card (contracts.md, in these words)
pub const STATUS_READY: &str = "Ready";
pub fn status_looking(found: u64) -> String {
    format!("Looking through your folders ({} found)", count(found))
}
pub fn status_ready_to_back_up(n: u64) -> String {
    format!("Ready to back up {} photos and videos", count(n))
}
pub const STATUS_CONTINUE: &str = "Continue your backup";
pub fn status_backing_up(done: u64, total: u64) -> String {
    format!("Backing up {} of {}", count(done), count(total))
}
pub fn backing_up_detail(bytes_left: u64, eta_ms: Option<u64>) -> String {
    match eta_ms {
        Some(ms) => format!("{} left, {}", bytes(bytes_left), eta(ms)),
        None => format!("{} left", bytes(bytes_left)),
    }
}
pub const STATUS_SIGN_IN: &str = "Sign-in needed";
pub const STATUS_OFFLINE: &str = "Waiting for connection";
pub const STATUS_WIFI: &str = "Waiting for Wi-Fi";
pub const STATUS_PAUSED: &str = "Backup is paused";
pub const STATUS_CHARGE: &str = "Waiting to charge";
pub const STATUS_BACKUP_OFF: &str = "Back up is off";
pub const STATUS_STORAGE_FULL: &str = "Your storage is full";
// Devices and signing in
pub const DEVICES_TITLE: &str = "Devices and storage";
pub const SIGN_IN_THIS: &str = "Sign in this device";
pub const SIGN_IN_HOW: &str =
    "On a device that is already signed in to Shoebox, scan this code, or open \u{201c}Devices and storage\u{201d} there and enter it:";
pub const SIGN_IN_FAILED: &str = "Shoebox could not start signing in. Check the connection and try again.";
pub const SIGN_IN_EXPIRED: &str = "The sign-in code expired. Press Sign in this device for a new one.";
pub const SIGN_IN_LINK_USED: &str = "This sign-in link was already used or has expired. Ask for a new one, or press Sign in this device.";
pub const PAIR_ENTER: &str = "Sign in a new device: its code";
pub const PAIR_LOOK_UP: &str = "Continue";
pub const PAIR_APPROVE: &str = "Approve";
pub const PAIR_CANCEL: &str = "Cancel";
pub const PAIR_APPROVED: &str = "Approved. The other device is signed in.";
pub const PAIR_UNKNOWN: &str = "That code is not known, was already used, or has expired.";
pub const PAIR_TOO_MANY: &str = "Too many codes tried. Wait a few minutes, then try again.";
pub const DEVICE_REVOKE: &str = "Sign out";
pub const DEVICE_UPLOAD_ONLY: &str = "upload only";
/// The approval's title: the question, "Sign in “Chromebook” to your account?".
pub fn pair_title(name: &str, upload_only: bool, hours: Option<f64>) -> String {
    if upload_only {
        let h = hours.unwrap_or(1.0);
        format!(
            "Let \u{201c}{name}\u{201d} upload to your account for {} {}?",
            count(h.round().max(1.0) as u64),
            if h.round() <= 1.0 { "hour" } else { "hours" }
        )
    } else {
        format!("Sign in \u{201c}{name}\u{201d} to your account?")
    }
}
/// The approval's body: what the other device may do once approved.
pub fn pair_body(upload_only: bool) -> &'static str {
    if upload_only {
        "It cannot see your photos."
    } else {
        "It will see and back up your photos."
    }
}
pub fn storage_line(used: u64, quota: Option<u64>) -> String {
    match quota {
        Some(q) => format!("Storage: {} used of {}", bytes(used), bytes(q)),
        None => format!("Storage: {} used", bytes(used)),
    }
}
pub const STORAGE_FULL_HINT: &str = "The server has no room for more of your photos. Free some space or ask for a larger quota; press Resume to try again (Shoebox also tries again every few minutes).";
pub const CHARGE_HINT: &str = "You asked to back up only while charging. The backup continues by itself when this device is plugged in.";
pub const BACKUP_OFF_HINT: &str =
    "Your backup folders are not being backed up. Turn on Back up & sync to back up new photos and videos as they arrive.";
pub const TURN_ON: &str = "Turn on";
pub const UPDATED_NOTE: &str = "Shoebox was updated to its latest version.";
pub const SHARED_ALBUM: &str = "Shared";
// Back up & sync panel
pub const SYNC_TITLE: &str = "Back up & sync";
pub const SYNC_SWITCH: &str = "Back up & sync";
pub const SYNC_HINT: &str = "Keeps your backup folders backed up while Shoebox is open, new photos and videos included. Deleting a photo here never deletes its backup.";
pub const SYNC_ADD: &str = "Add a backup folder";
pub const SYNC_REMOVE: &str = "Remove";
pub const SYNC_ALLOW: &str = "Allow access to your backup folders";
pub const SYNC_ALLOW_WHY: &str = "After a restart the browser asks once more before Shoebox may read your backup folders.";
pub const SYNC_NEVER: &str = "not fully backed up yet";
pub const SYNC_CHARGING_ONLY: &str = "Back up only while charging";
pub const SYNC_CHARGING_UNAVAILABLE: &str = "Back up only while charging (this browser cannot tell whether the device is charging)";
pub const SYNC_NO_PICKER: &str = "This browser cannot keep folders. Use Chromium, Chrome or Edge, on ChromeOS or a desktop.";
pub fn sync_folder_line(items: u64, last: Option<&str>) -> String {
    match last {
        Some(t) => format!("{} · last fully backed up {t}", files(items)),
        None => format!("{} · {SYNC_NEVER}", files(items)),
    }
}
pub fn last_backup(t: &str) -> String {
    format!("Last backup: {t}")
}
pub const STATUS_COMPLETE: &str = "Backup complete";
pub fn complete_detail(uploaded: u64, already: u64, skipped: u64, failed: u64) -> String {
    format!("{} uploaded, {} already backed up, {} skipped, {} failed", count(uploaded), count(already), count(skipped), count(failed))
}
/// The status card's line: skipped photos and videos apart from files that never were any.
pub fn skipped_line(media: u64, ignored: u64) -> String {
    let skipped = format!("{} {} skipped", count(media), if media == 1 { "photo or video" } else { "photos or videos" });
    let other = format!("{} other {} ignored", count(ignored), if ignored == 1 { "file" } else { "files" });
    match (media, ignored) {
        (0, _) => format!("{other} — see why"),
        (_, 0) => format!("{skipped} — see why"),
        _ => format!("{skipped}, {other} — see why"),
    }
}

pub fn skip_reason(r: SkipReason) -> &'static str {
    match r {
        SkipReason::NotMedia => "not a photo or video",
        SkipReason::EmptyFile => "empty file",
        SkipReason::SystemFile => "system file",
        SkipReason::OverSizeLimit => "over the size limit",
        SkipReason::OverPixelLimit => "over the pixel limit",
        SkipReason::UnderMinimumSize => "under the minimum size",
    }
}

pub fn outcome(o: &Outcome) -> String {
    match o {
        Outcome::Uploaded(None) => "uploaded".into(),
        Outcome::Uploaded(Some(note)) => format!("uploaded ({})", upload_note(*note)),
        Outcome::AlreadyBackedUp => "already backed up".into(),
        Outcome::Skipped(r) => format!("skipped: {}", skip_reason(*r)),
        Outcome::Failed(why) => format!("failed: {}", fail_reason(why)),
    }
}

pub fn upload_note(n: UploadNote) -> &'static str {
    match n {
        UploadNote::UnreadableSentOriginal => "could not be read, sent as the original",
        UploadNote::KeptOriginal => "original kept",
        UploadNote::Downsized => "downsized to 16 MP",
    }
}

pub const PHASE_WAITING: &str = "waiting";
pub const PHASE_INSPECTING: &str = "looking";
pub const PHASE_READY: &str = "ready";
pub const PHASE_HASHING: &str = "hashing";
pub const PHASE_CHECKING: &str = "checking";
pub const PHASE_PREPARING: &str = "downsizing";
pub const PHASE_PAUSED: &str = "paused";
pub const PHASE_NOT_CHOSEN: &str = "not chosen";
pub fn phase_uploading(percent: u32) -> String {
    format!("uploading {percent}%")
}
pub fn phase_retrying(seconds: u64) -> String {
    format!("retrying in {seconds} s")
}

pub fn plan_totals(photos: u64, videos: u64, downsize: u64, skipped: u64) -> String {
    let n = |k: u64, one: &str, many: &str| format!("{} {}", count(k), if k == 1 { one } else { many });
    format!(
        "{}, {}, {} to downsize, {} skipped",
        n(photos, "photo", "photos"),
        n(videos, "video", "videos"),
        count(downsize),
        count(skipped)
    )
}

/// The plan's size line: what will be sent, then what was found and left out.
/// "168 files to back up, 54 MB · 6 skipped · 3 not chosen".
/// A folder row of the plan: its count and size, or while only names are known (a drop's
/// sizes follow its names by seconds) its count by name and the size read so far.
pub fn folder_meta(files_: u64, bytes_: u64, listed: u64) -> String {
    if listed > files_ {
        return format!("{} · reading sizes ({} so far)", files(listed), bytes(bytes_));
    }
    format!("{} · {}", files(files_), bytes(bytes_))
}

pub fn plan_size_line(to_back_up: u64, bytes_total: u64, skipped: u64, not_chosen: u64) -> String {
    let mut line = format!("{} to back up, {}", files(to_back_up), bytes(bytes_total));
    if skipped > 0 {
        line.push_str(&format!(" · {} skipped", count(skipped)));
    }
    if not_chosen > 0 {
        line.push_str(&format!(" · {} not chosen", count(not_chosen)));
    }
    line
}

/// The page's line over every batch: "On this page: 2 backups, 13 files — 8 uploaded (18 MB),
/// 5 already backed up".
pub fn page_line(p: &shoebox_core::engine::PageTotals) -> String {
    let mut parts = vec![format!("{} uploaded ({})", count(p.uploaded), bytes(p.bytes_uploaded))];
    if p.already > 0 {
        parts.push(format!("{} already backed up", count(p.already)));
    }
    if p.skipped > 0 {
        parts.push(format!("{} skipped", count(p.skipped)));
    }
    if p.failed > 0 {
        parts.push(format!("{} failed", count(p.failed)));
    }
    format!("On this page: {} backups, {} — {}", count(p.batches as u64), files(p.files), parts.join(", "))
}

pub fn speed(bytes_per_s: u64) -> String {
    format!("{}/s", bytes(bytes_per_s))
}

/// 1,234,567 with thousands separators.
pub fn count(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Decimal units, as the limits are stated (1 MB = 1,000,000 bytes).
pub fn bytes(n: u64) -> String {
    const UNITS: [&str; 5] = ["bytes", "KB", "MB", "GB", "TB"];
    if n < 1000 {
        return format!("{n} bytes");
    }
    let mut v = n as f64;
    let mut u = 0;
    while v >= 1000.0 && u < UNITS.len() - 1 {
        v /= 1000.0;
        u += 1;
    }
    let places = if v < 10.0 { 1 } else { 0 };
    format!("{} {}", shoebox_core::decimal::fixed(v, places), UNITS[u])
}

/// "about 6 min", rounded so the figure does not flicker.
pub fn eta(ms: u64) -> String {
    let s = ms / 1000;
    if s < 60 {
        "less than a minute".into()
    } else if s < 3600 {
        format!("about {} min", (s + 30) / 60)
    } else {
        let h = s / 3600;
        let m = (s % 3600 + 30) / 60;
        format!("about {h} h {m} min")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn numbers_read_well() {
        assert_eq!(count(1234), "1,234");
        assert_eq!(count(999), "999");
        assert_eq!(count(1_000_000), "1,000,000");
        assert_eq!(bytes(2_100_000_000), "2.1 GB");
        assert_eq!(bytes(512), "512 bytes");
        assert_eq!(eta(6 * 60_000), "about 6 min");
        assert_eq!(status_backing_up(1234, 5678), "Backing up 1,234 of 5,678");
        assert_eq!(skipped_line(3, 0), "3 photos or videos skipped — see why");
        assert_eq!(skipped_line(1, 0), "1 photo or video skipped — see why");
        assert_eq!(skipped_line(0, 1), "1 other file ignored — see why");
        assert_eq!(skipped_line(2, 5), "2 photos or videos skipped, 5 other files ignored — see why");
        assert_eq!(plan_size_line(168, 54_000_000, 6, 0), "168 files to back up, 54 MB · 6 skipped");
        assert_eq!(plan_size_line(1, 500, 0, 3), "1 file to back up, 500 bytes · 3 not chosen");
    }
}
