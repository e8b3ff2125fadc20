//! The app's single source of truth. Only the driver writes it (batched, a few times a second,
//! through [`StoreWriter`]); components get [`Store`], whose fields are read-only signals, and
//! send intents to the driver. What a row, a skip reason or the totals mean is defined once, in
//! the engine (`shoebox_core::engine`); the words for them are in `strings.rs`.
use leptos::prelude::*;
use std::collections::BTreeMap;

use crate::settings::Settings;
pub use shoebox_core::engine::{FolderStat, PageTotals, RowState, Status as StatusView, Totals};
use shoebox_core::facts::Outcome;

/// One file's line in the list.
#[derive(Clone, Debug, PartialEq)]
pub struct FileRow {
    pub id: u32,
    pub path: String,
    pub size: u64,
    pub state: RowState,
}

/// The file list's filter chips.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filter {
    All,
    Pending,
    Uploaded,
    Already,
    Skipped,
    Failed,
}

impl Filter {
    pub fn of(st: &RowState) -> Filter {
        match st {
            RowState::Done(Outcome::Uploaded(_)) => Filter::Uploaded,
            RowState::Done(Outcome::AlreadyBackedUp) => Filter::Already,
            RowState::Done(Outcome::Skipped(_)) => Filter::Skipped,
            RowState::Done(Outcome::Failed(_)) => Filter::Failed,
            _ => Filter::Pending,
        }
    }
}

/// One backup folder as the Back up & sync panel lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct BackupFolderView {
    pub name: String,
    pub items: u64,
    pub last_complete_ms: Option<f64>,
}

/// This device asking to be signed in: the code it shows, and the link (QR code) that opens
/// the approval on a signed-in device.
#[derive(Clone, Debug, PartialEq)]
pub struct PairingView {
    pub code: String,
    pub link: String,
}

/// Another device's code, looked up before this one approves it.
#[derive(Clone, Debug, PartialEq)]
pub struct ApprovalView {
    pub code: String,
    pub name: String,
    pub upload_only: bool,
    pub hours: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DeviceRow {
    pub id: String,
    pub name: String,
    pub upload_only: bool,
    pub created: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AccountView {
    pub used: u64,
    pub quota: Option<u64>,
}

impl PairingView {
    /// `code`, and the link that opens its approval on a signed-in device of this origin.
    pub fn new(origin: &str, code: String) -> Self {
        PairingView { link: shoebox_core::pairing::approve_link(origin, &code), code }
    }
}

impl From<shoebox_core::devices::Approval> for ApprovalView {
    fn from(a: shoebox_core::devices::Approval) -> Self {
        let upload_only = a.info.scope == shoebox_core::api::DeviceScope::Upload;
        ApprovalView { code: a.code, name: a.info.name, upload_only, hours: a.info.hours }
    }
}

impl From<shoebox_core::api::DeviceInfo> for DeviceRow {
    fn from(d: shoebox_core::api::DeviceInfo) -> Self {
        let upload_only = d.scope == shoebox_core::api::DeviceScope::Upload;
        DeviceRow { id: d.id, name: d.name, upload_only, created: d.created_at }
    }
}

impl From<shoebox_core::api::AccountInfo> for AccountView {
    fn from(a: shoebox_core::api::AccountInfo) -> Self {
        AccountView { used: a.used_bytes, quota: a.quota_bytes }
    }
}

/// Where the page is, derived from the status alone (never stored beside it).
pub fn in_plan(st: &StatusView) -> bool {
    matches!(st, StatusView::Looking { .. } | StatusView::ReadyToBackUp { .. } | StatusView::WaitingForConnection { running: false })
}

/// A batch has been started: the progress and the file list show.
pub fn in_backup(st: &StatusView) -> bool {
    matches!(
        st,
        StatusView::BackingUp { .. }
            | StatusView::Paused
            | StatusView::WaitingForConnection { running: true }
            | StatusView::WaitingForWifi
            | StatusView::WaitingToCharge
            | StatusView::StorageFull
            | StatusView::Complete { .. }
    )
}

/// Running (or waiting to run by itself): the Pause button shows.
pub fn can_pause(st: &StatusView) -> bool {
    matches!(
        st,
        StatusView::BackingUp { .. }
            | StatusView::WaitingForConnection { running: true }
            | StatusView::WaitingForWifi
            | StatusView::WaitingToCharge
    )
}

/// What components read: read-only signals.
#[derive(Clone, Copy)]
pub struct Store {
    /// Kiosk: visitors may upload into their own account.
    pub kiosk_own: ReadSignal<bool>,
    /// The account's storage: used and quota.
    pub account: ReadSignal<Option<AccountView>>,
    /// The account's devices.
    pub devices: ReadSignal<Vec<DeviceRow>>,
    /// A code to approve ("Sign in this device?").
    pub approval: ReadSignal<Option<ApprovalView>>,
    /// This device asking to be signed in.
    pub pairing: ReadSignal<Option<PairingView>>,
    /// Kiosk: the names of the photos in this visit's drop, whoever sent them.
    pub arrivals: ReadSignal<Vec<String>>,
    /// Kiosk: the link into this visit for the visitor's phone (shown as a QR code).
    pub phone_link: ReadSignal<Option<String>>,
    /// The kiosk profile's welcome text.
    pub kiosk_welcome: ReadSignal<Option<String>>,
    /// Kiosk mode's screen (None: the normal app).
    pub kiosk: ReadSignal<Option<shoebox_core::kiosk::KioskPhase>>,
    /// Kiosk: seconds left before the visit ends, in its last stretch ("Finishing in 30 s").
    pub kiosk_countdown: ReadSignal<Option<u64>>,
    /// When a sync backup last ended with nothing failed.
    pub last_backup_ms: ReadSignal<Option<f64>>,
    /// The browser can tell whether the device is charging (Battery Status API).
    pub battery: ReadSignal<bool>,
    /// The backup folders need one click to allow access again (after a restart).
    pub needs_access: ReadSignal<bool>,
    /// Back up & sync's folders, as listed.
    pub backup_folders: ReadSignal<Vec<BackupFolderView>>,
    pub status: ReadSignal<StatusView>,
    /// The current batch's figures.
    pub totals: ReadSignal<Totals>,
    /// The page's figures over every batch.
    pub page: ReadSignal<PageTotals>,
    /// Every file added in this page, in the order found.
    pub rows: ReadSignal<Vec<FileRow>>,
    /// The current batch's folders, for the plan view.
    pub folders: ReadSignal<BTreeMap<String, FolderStat>>,
    pub settings: ReadSignal<Settings>,
    /// Text for the ARIA live region: status changes worth announcing.
    pub announcement: ReadSignal<String>,
    /// Names of folders remembered by handle (showDirectoryPicker), for "Continue".
    pub remembered: ReadSignal<Vec<String>>,
    /// Shown above the page when something needs the user's attention.
    pub notice: ReadSignal<Option<String>>,
}

/// What the driver writes with (the same signals' write halves).
#[derive(Clone, Copy)]
pub struct StoreWriter {
    pub kiosk_own: WriteSignal<bool>,
    pub account: WriteSignal<Option<AccountView>>,
    pub devices: WriteSignal<Vec<DeviceRow>>,
    pub approval: WriteSignal<Option<ApprovalView>>,
    pub pairing: WriteSignal<Option<PairingView>>,
    pub arrivals: WriteSignal<Vec<String>>,
    pub phone_link: WriteSignal<Option<String>>,
    pub kiosk_welcome: WriteSignal<Option<String>>,
    pub kiosk: WriteSignal<Option<shoebox_core::kiosk::KioskPhase>>,
    pub kiosk_countdown: WriteSignal<Option<u64>>,
    pub last_backup_ms: WriteSignal<Option<f64>>,
    pub battery: WriteSignal<bool>,
    pub needs_access: WriteSignal<bool>,
    pub backup_folders: WriteSignal<Vec<BackupFolderView>>,
    pub status: WriteSignal<StatusView>,
    pub totals: WriteSignal<Totals>,
    pub page: WriteSignal<PageTotals>,
    pub rows: WriteSignal<Vec<FileRow>>,
    pub folders: WriteSignal<BTreeMap<String, FolderStat>>,
    pub settings: WriteSignal<Settings>,
    pub announcement: WriteSignal<String>,
    pub remembered: WriteSignal<Vec<String>>,
    pub notice: WriteSignal<Option<String>>,
}

impl Store {
    pub fn new(settings: Settings) -> (Store, StoreWriter) {
        let status = signal(StatusView::Ready);
        let kiosk_own = signal(false);
        let account = signal(None);
        let devices = signal(Vec::new());
        let approval = signal(None);
        let pairing = signal(None);
        let arrivals = signal(Vec::new());
        let phone_link = signal(None);
        let kiosk_welcome = signal(None);
        let kiosk = signal(None);
        let kiosk_countdown = signal(None);
        let last_backup_ms = signal(None);
        let battery = signal(false);
        let needs_access = signal(false);
        let backup_folders = signal(Vec::new());
        let totals = signal(Totals::default());
        let page = signal(PageTotals::default());
        let rows = signal(Vec::new());
        let folders = signal(BTreeMap::new());
        let settings = signal(settings);
        let announcement = signal(String::new());
        let remembered = signal(Vec::new());
        let notice = signal(None);
        (
            Store {
                kiosk_own: kiosk_own.0,
                account: account.0,
                devices: devices.0,
                approval: approval.0,
                pairing: pairing.0,
                arrivals: arrivals.0,
                phone_link: phone_link.0,
                kiosk_welcome: kiosk_welcome.0,
                kiosk: kiosk.0,
                kiosk_countdown: kiosk_countdown.0,
                backup_folders: backup_folders.0,
                needs_access: needs_access.0,
                battery: battery.0,
                last_backup_ms: last_backup_ms.0,
                status: status.0,
                totals: totals.0,
                page: page.0,
                rows: rows.0,
                folders: folders.0,
                settings: settings.0,
                announcement: announcement.0,
                remembered: remembered.0,
                notice: notice.0,
            },
            StoreWriter {
                kiosk_own: kiosk_own.1,
                account: account.1,
                devices: devices.1,
                approval: approval.1,
                pairing: pairing.1,
                arrivals: arrivals.1,
                phone_link: phone_link.1,
                kiosk_welcome: kiosk_welcome.1,
                kiosk: kiosk.1,
                kiosk_countdown: kiosk_countdown.1,
                backup_folders: backup_folders.1,
                needs_access: needs_access.1,
                battery: battery.1,
                last_backup_ms: last_backup_ms.1,
                status: status.1,
                totals: totals.1,
                page: page.1,
                rows: rows.1,
                folders: folders.1,
                settings: settings.1,
                announcement: announcement.1,
                remembered: remembered.1,
                notice: notice.1,
            },
        )
    }
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}
