//! The app's single source of truth. Only the driver writes it (batched, a few times a second);
//! components read fields of it and send intents to the driver.
use leptos::prelude::*;
use shoebox_core::facts::{Outcome, SkipReason};
use std::collections::BTreeMap;

use crate::settings::Settings;

/// What the status card shows (contracts.md "Status card"): the engine's own status, so the
/// app and the engine cannot disagree on the list of statuses.
pub use shoebox_core::engine::Status as StatusView;

/// One file's line in the list.
#[derive(Clone, Debug, PartialEq)]
pub struct FileRow {
    pub id: u32,
    pub path: String,
    pub size: u64,
    pub state: RowState,
}

#[derive(Clone, Debug, PartialEq)]
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
    Done(Outcome),
}

impl RowState {
    pub fn filter_class(&self) -> Filter {
        match self {
            RowState::Done(Outcome::Uploaded(_)) => Filter::Uploaded,
            RowState::Done(Outcome::AlreadyBackedUp) => Filter::Already,
            RowState::Done(Outcome::Skipped(_)) => Filter::Skipped,
            RowState::Done(Outcome::Failed(_)) => Filter::Failed,
            _ => Filter::Pending,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filter {
    All,
    Pending,
    Uploaded,
    Already,
    Skipped,
    Failed,
}

/// Per-folder figures for the plan view.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FolderStat {
    pub files: u64,
    pub bytes: u64,
    pub included: bool,
}

/// Totals for the plan view and the progress bar.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Totals {
    pub files: u64,
    /// Files judged from their content (the rest from their names and sizes, for now).
    pub checked: u64,
    pub photos: u64,
    pub videos: u64,
    pub to_downsize: u64,
    pub skipped: BTreeMap<SkipReasonKey, u64>,
    pub bytes_total: u64,
    pub bytes_done: u64,
    pub files_done: u64,
    pub files_total: u64,
    pub speed_bps: Option<u64>,
    pub eta_ms: Option<u64>,
}

impl Totals {
    pub fn skipped_count(&self) -> u64 {
        self.skipped.values().sum()
    }
}

/// SkipReason ordered for display.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct SkipReasonKey(pub u8);

impl SkipReasonKey {
    pub fn of(r: SkipReason) -> Self {
        SkipReasonKey(match r {
            SkipReason::NotMedia => 0,
            SkipReason::EmptyFile => 1,
            SkipReason::SystemFile => 2,
            SkipReason::OverSizeLimit => 3,
            SkipReason::OverPixelLimit => 4,
            SkipReason::UnderMinimumSize => 5,
        })
    }
    pub fn reason(self) -> SkipReason {
        match self.0 {
            0 => SkipReason::NotMedia,
            1 => SkipReason::EmptyFile,
            2 => SkipReason::SystemFile,
            3 => SkipReason::OverSizeLimit,
            4 => SkipReason::OverPixelLimit,
            _ => SkipReason::UnderMinimumSize,
        }
    }
}

/// The root store: plain signals, each a field the UI reads.
#[derive(Clone, Copy)]
pub struct Store {
    pub status: RwSignal<StatusView>,
    pub totals: RwSignal<Totals>,
    pub rows: RwSignal<Vec<FileRow>>,
    pub folders: RwSignal<BTreeMap<String, FolderStat>>,
    pub started: RwSignal<bool>,
    pub settings: RwSignal<Settings>,
    /// Text for the ARIA live region: status changes worth announcing.
    pub announcement: RwSignal<String>,
    /// Names of folders remembered by handle (showDirectoryPicker), for "Continue".
    pub remembered: RwSignal<Vec<String>>,
    /// Shown above the page when something needs the user's attention.
    pub notice: RwSignal<Option<String>>,
}

impl Store {
    pub fn new(settings: Settings) -> Self {
        Store {
            status: RwSignal::new(StatusView::Ready),
            totals: RwSignal::new(Totals::default()),
            rows: RwSignal::new(Vec::new()),
            folders: RwSignal::new(BTreeMap::new()),
            started: RwSignal::new(false),
            settings: RwSignal::new(settings),
            announcement: RwSignal::new(String::new()),
            notice: RwSignal::new(None),
            remembered: RwSignal::new(Vec::new()),
        }
    }
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}

/// The folder of a relativePath ("" for a loose file).
pub fn folder_of(path: &str) -> &str {
    path.rsplit_once('/').map(|(d, _)| d).unwrap_or("")
}
