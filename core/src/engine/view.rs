//! What the engine reports: the actions the driver performs, the events that say what to
//! redraw, and the views the UI reads (status card, file rows, totals, folders).
use crate::facts::{Decision, FileFacts, Outcome, SkipKind};
use serde::{Deserialize, Serialize};

use super::http::{ChecksumAlgo, HttpRequest, Source};
use super::resume::ResumeRecord;
use super::types::{FileId, RequestId};

/// Something the driver must do. Pull with [`super::Engine::poll_action`] until `None`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Action {
    /// Read the file's first bytes; answer with `handle_inspected`.
    Inspect { file: FileId },
    /// Stream the whole original through SHA-256; answer with `handle_hashed`.
    Hash { file: FileId },
    /// SHA-256 of these ranges of the original, one after the other (`hash::probe_ranges`);
    /// answer with `handle_probed`.
    Probe { file: FileId, ranges: [(u64, u64); 2] },
    /// Downsize and/or strip location in a worker; answer with `handle_prepared`.
    Prepare { file: FileId, max_pixels: Option<u64>, quality: u8, strip_location: bool },
    /// Send this request; answer with `handle_response` (and `handle_progress` while uploading).
    Http { req: RequestId, request: HttpRequest },
    /// Abort this request. The engine has already forgotten it: any answer is ignored.
    Abort { req: RequestId },
    /// Store (insert or replace by `record.key`) in the resume store (IndexedDB).
    SaveResume(ResumeRecord),
    /// Delete this key from the resume store.
    RemoveResume { key: String },
    /// The prepared blob of this file is no longer needed; the driver may drop it.
    DropPrepared { file: FileId },
    /// Make the library's thumbnail of this file (`width` x `height`, upright) from `source`
    /// in a worker and send `request` with it as the body. Answered with
    /// `Engine::handle_thumbnail_done` however it ended (thumbnails from originals go one per
    /// hash worker at a time).
    /// Comes before the file's `DropPrepared`, so a prepared blob is still there to read.
    /// A `video` gets its first frame as a poster, at the frame's own shape with a long side
    /// of [`super::THUMB_LONG_SIDE`] (`width` and `height` are 0), where the browser decodes it.
    Thumbnail { file: FileId, source: Source, video: bool, width: u32, height: u32, request: HttpRequest },
    /// Start digesting `start..end` of `source` with `algo` now: the file's next PATCH will
    /// carry exactly that range, and its `Upload-Checksum` should not wait for the digest.
    /// Nothing is answered; a later `Http` whose `Body::Slice` has the same file, source,
    /// range and checksum uses the result, anything else is digested when it is sent.
    Digest { file: FileId, source: Source, start: u64, end: u64, algo: ChecksumAlgo },
    /// Read the file's first `max_bytes` (a Takeout sidecar or album description); answer
    /// with `handle_takeout_read`.
    ReadTakeout { file: FileId, max_bytes: u64 },
    /// Read `len` bytes of the file from `start` (an archive's head, tail or directory);
    /// answer with `handle_range` (fewer bytes when the file ends first).
    ReadRange { file: FileId, start: u64, len: u64 },
    /// The good entries of an archive whose directory was read: add each as a file (its bytes
    /// are the entry's, stored as a slice of the archive or inflated), then call `walk_ended`
    /// once (the engine counted this as a walk).
    ArchiveEntries { archive: FileId, entries: Vec<crate::takeout::archive::ZipEntry> },
    /// Keep these entries of an export for a later batch (`(path, JSON)`, replacing any of the
    /// same path) and forget those: what `restore_takeout_waiting` gets back at the next start.
    /// Nothing to answer.
    KeepTakeout { put: Vec<(String, String)>, forget: Vec<String> },
}

/// Something the UI may want to redraw. Pull with [`super::Engine::poll_event`].
/// Events are coalesced per file; read the current state with the queries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Event {
    /// Read `file_view(id)`.
    FileChanged { id: FileId },
    /// Read `status()`.
    StatusChanged,
    /// Read `totals()` (and `page_totals()`).
    TotalsChanged,
    /// Read `folders()`: counts or check boxes changed, or a new batch began.
    FoldersChanged,
}

/// The status card (contracts.md "App: URL parameters and statuses").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    /// Nothing chosen yet, and the destination is not known to be unreachable.
    Ready,
    /// Walking and inspecting: `found` files so far.
    Looking {
        found: u64,
    },
    /// Plan shown, not started: `count` photos and videos to back up.
    ReadyToBackUp {
        count: u64,
    },
    /// Unfinished uploads found in the resume store, no files chosen yet; `archives`: the
    /// export archives (by name) whose entries they are, to be chosen again.
    ContinueBackup {
        remaining: u64,
        archives: Vec<String>,
    },
    /// `done` of `total` files have an outcome; `eta_ms` absent until meaningful.
    BackingUp {
        done: u64,
        total: u64,
        bytes_left: u64,
        eta_ms: Option<u64>,
    },
    SignInNeeded,
    /// Offline, or the destination cannot be reached (from its first failed answer until it
    /// answers again), whether or not anything is chosen; the plan may still be built. `running`:
    /// a started batch is held (else nothing is started yet).
    WaitingForConnection {
        running: bool,
    },
    WaitingForWifi,
    /// Only while charging, and the device is on battery.
    WaitingToCharge,
    /// Backup folders exist and Back up & sync is off (the card offers "Turn on").
    BackUpOff,
    /// The server refused a new upload for lack of room (the account's quota, or its disk):
    /// no new upload is created (those already taken go on); Resume tries again, and so does
    /// the engine every few minutes.
    StorageFull,
    Paused,
    Complete {
        uploaded: u64,
        already: u64,
        skipped: u64,
        failed: u64,
    },
}

/// Where one file is in its journey.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Phase {
    Waiting,
    Inspecting,
    /// Inspected; waiting for the user to start (or for limits from the server).
    Inspected,
    Hashing,
    /// Asking the server (or the local record) whether it already has it.
    Checking,
    Preparing,
    /// Queued for or in transfer (see `bytes_done`).
    Uploading,
    /// Waiting to retry at `at_ms` (the driver's clock); `in_s` seconds from the engine's
    /// latest `now`, rounded up. While a countdown shows, `poll_timeout` asks for a wake-up
    /// each time it changes, so the driver only copies it.
    Retrying {
        at_ms: u64,
        in_s: u64,
    },
    /// Paused by the user (one file or all), offline, metered or signed out.
    Paused,
    /// Has an outcome.
    Done,
}

/// One file as the UI sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileView {
    pub phase: Phase,
    /// Bytes the server has (plus progress of the request in flight).
    pub bytes_done: u64,
    /// Bytes to upload (the prepared size once known, else the original's).
    pub size: u64,
    pub outcome: Option<Outcome>,
    /// The limits policy's verdict, once inspected and the limits are known.
    pub decision: Option<Decision>,
    pub facts: Option<FileFacts>,
    /// Excluded from the backup by the plan view's check boxes.
    pub excluded: bool,
    /// Attempts in a row without progress (for "retrying (3)").
    pub attempts: u32,
    /// The last error, while retrying or failed.
    pub last_error: Option<crate::failure::FailReason>,
}

/// Skipped files per reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SkippedCounts {
    pub not_media: u64,
    pub empty_file: u64,
    pub system_file: u64,
    pub over_size_limit: u64,
    pub over_pixel_limit: u64,
    pub under_minimum_size: u64,
}

impl SkippedCounts {
    pub fn get_mut(&mut self, r: SkipKind) -> &mut u64 {
        match r {
            SkipKind::NotMedia => &mut self.not_media,
            SkipKind::EmptyFile => &mut self.empty_file,
            SkipKind::SystemFile => &mut self.system_file,
            SkipKind::OverSizeLimit => &mut self.over_size_limit,
            SkipKind::OverPixelLimit => &mut self.over_pixel_limit,
            SkipKind::UnderMinimumSize => &mut self.under_minimum_size,
        }
    }
    pub fn total(&self) -> u64 {
        self.not_media + self.empty_file + self.system_file + self.over_size_limit + self.over_pixel_limit + self.under_minimum_size
    }
    /// What a person would call a skipped photo or video: named as one and left out (empty,
    /// over or under a limit). System files and files that are not photos or videos are not.
    pub fn media(&self) -> u64 {
        self.empty_file + self.over_size_limit + self.over_pixel_limit + self.under_minimum_size
    }
    /// Files that were never photos or videos: system files (Thumbs.db, .DS_Store,
    /// desktop.ini, AppleDouble) and other content.
    pub fn ignored(&self) -> u64 {
        self.system_file + self.not_media
    }
}

/// Counts of the current batch for the plan view, the progress bar and the completion card
/// (the page's figures over all batches are `PageTotals`). Excluded files ("not chosen")
/// count only in `files` and `excluded`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Totals {
    /// Files added.
    pub files: u64,
    pub inspected: u64,
    pub excluded: u64,
    /// Photos / videos that will be backed up (not skipped, not excluded).
    pub photos: u64,
    pub videos: u64,
    /// XMP and AAE sidecars backed up with their photos (not counted as photos).
    #[serde(default)]
    pub sidecars: u64,
    /// Photos that will be prepared (downsized and/or location stripped).
    pub to_downsize: u64,
    pub skipped: SkippedCounts,
    /// Bytes of the files to back up, and how many of them are done (outcomes count whole).
    pub bytes_total: u64,
    pub bytes_done: u64,
    pub uploaded: u64,
    pub already: u64,
    pub failed: u64,
    /// Smoothed upload speed, bytes per second (0 until measured).
    pub speed_bps: u64,
    /// Smoothed time left; `None` until meaningful.
    pub eta_ms: Option<u64>,
}

impl SkippedCounts {
    /// Each reason with its count, in display order (zeros included).
    pub fn by_reason(&self) -> [(SkipKind, u64); 6] {
        [
            (SkipKind::NotMedia, self.not_media),
            (SkipKind::EmptyFile, self.empty_file),
            (SkipKind::SystemFile, self.system_file),
            (SkipKind::OverSizeLimit, self.over_size_limit),
            (SkipKind::OverPixelLimit, self.over_pixel_limit),
            (SkipKind::UnderMinimumSize, self.under_minimum_size),
        ]
    }
}

impl Totals {
    /// Files of the backup with an outcome (uploaded, already backed up or failed).
    pub fn files_done(&self) -> u64 {
        self.uploaded + self.already + self.failed
    }
    /// Files in the backup: photos, videos and their sidecars.
    pub fn files_total(&self) -> u64 {
        self.photos + self.videos + self.sidecars
    }
}

/// The page's figures over every batch since it opened ("one line keeps the page's total").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PageTotals {
    /// Batches begun in this page (a new one after each finished backup that gets more files).
    pub batches: u32,
    pub files: u64,
    pub uploaded: u64,
    pub already: u64,
    pub skipped: u64,
    pub failed: u64,
    /// Bytes of uploaded files.
    pub bytes_uploaded: u64,
}

/// One folder of the current batch, for the plan view: its files and bytes (sub-folders
/// included) and whether its check box is ticked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FolderStat {
    pub files: u64,
    pub bytes: u64,
    pub included: bool,
    /// Files a walk has named here (sub-folders included) before their sizes are read: a
    /// dropped tree's names arrive seconds before its sizes, so the plan can show the folders
    /// and their counts at once. Zero once the walks end; show `files.max(listed)` files.
    pub listed: u64,
}

/// A file row as the list shows it: the one mapping from a file's state to what a person
/// reads (the words are in the app's strings module).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RowState {
    Waiting,
    Inspecting,
    /// Inspected, before the backup starts: `downsize` when High quality will shrink it.
    Planned {
        downsize: bool,
    },
    Hashing,
    Checking,
    Preparing,
    Uploading {
        percent: u32,
    },
    Retrying {
        in_s: u64,
    },
    Paused,
    /// Excluded by the plan's check boxes: "not chosen", not skipped.
    NotChosen,
    Done(Outcome),
}

impl RowState {
    /// Groups of the file list, in the order shown while backing up: the files being worked
    /// on, then the failed (they want a decision), then those still to come, then the done,
    /// then those not chosen. Within a group, files keep the order they were found in.
    pub const LIST_GROUPS: usize = 5;
    pub fn list_group(&self) -> usize {
        match self {
            RowState::Inspecting
            | RowState::Hashing
            | RowState::Checking
            | RowState::Preparing
            | RowState::Uploading { .. }
            | RowState::Retrying { .. } => 0,
            RowState::Done(Outcome::Failed(_)) => 1,
            RowState::Waiting | RowState::Planned { .. } | RowState::Paused => 2,
            RowState::Done(_) => 3,
            RowState::NotChosen => 4,
        }
    }
}

impl FileView {
    pub fn row_state(&self) -> RowState {
        if self.excluded && self.outcome.is_none() {
            return RowState::NotChosen;
        }
        // Judged from the name for now: a provisional skip is shown as one, like the totals.
        if let (Phase::Waiting | Phase::Inspecting | Phase::Inspected, Some(Decision::Skip(r))) = (self.phase, self.decision) {
            return RowState::Done(Outcome::Skipped(r));
        }
        match self.phase {
            Phase::Waiting => RowState::Waiting,
            Phase::Inspecting => RowState::Inspecting,
            Phase::Inspected => match (&self.outcome, self.decision) {
                (Some(o @ Outcome::Skipped(_)), _) => RowState::Done(o.clone()),
                (_, Some(Decision::Prepare { max_pixels: Some(_), .. })) => RowState::Planned { downsize: true },
                _ => RowState::Planned { downsize: false },
            },
            Phase::Hashing => RowState::Hashing,
            Phase::Checking => RowState::Checking,
            Phase::Preparing => RowState::Preparing,
            Phase::Uploading => {
                let percent = self.bytes_done.saturating_mul(100).checked_div(self.size).unwrap_or(0).min(100) as u32;
                RowState::Uploading { percent }
            }
            Phase::Retrying { in_s, .. } => RowState::Retrying { in_s },
            Phase::Paused => RowState::Paused,
            Phase::Done => RowState::Done(self.outcome.clone().unwrap_or(Outcome::Failed(crate::failure::FailReason::Unknown))),
        }
    }
}
