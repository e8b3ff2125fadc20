//! The app's single source of truth. Only the driver writes it (batched, a few times a second,
//! through [`StoreWriter`]); components get [`Store`], whose fields are read-only signals, and
//! send intents to the driver. What a row, a skip reason or the totals mean is defined once, in
//! the engine (`shoebox_core::engine`); the words for them are in `strings.rs`.
use leptos::prelude::*;
use std::collections::BTreeMap;

use crate::settings::Settings;
pub use shoebox_core::engine::{FolderStat, PageTotals, RowState, Status, Totals};
use shoebox_core::facts::Outcome;
use shoebox_core::sync::SyncFolder;

/// Which page this is, from its address (set once, when the page opens).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageMode {
    App,
    /// A kiosk's screen (`?kiosk=NAME`).
    Kiosk,
    /// A visitor's phone in a kiosk's visit (`?visit=TOKEN`).
    Phone,
}

/// One file's line in the list.
#[derive(Clone, Debug, PartialEq)]
pub struct FileRow {
    pub id: u32,
    pub path: String,
    pub size: u64,
    pub state: RowState,
    /// The page's batch it was added in (earlier, finished batches fold into one line).
    pub batch: u32,
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

/// Declares a store once: its read half (what components get), its write half (what the
/// driver writes with) and `new`, which makes each signal and splits it between them.
macro_rules! signal_store {
    ($(#[$sm:meta])* $store:ident, $writer:ident, new($($arg:ident: $argty:ty),*) {
        $($(#[$m:meta])* $name:ident: $ty:ty = $init:expr;)*
    }) => {
        $(#[$sm])*
        #[derive(Clone, Copy)]
        pub struct $store { $($(#[$m])* pub $name: ReadSignal<$ty>,)* }
        /// The same signals' write halves.
        #[derive(Clone, Copy)]
        pub struct $writer { $(pub $name: WriteSignal<$ty>,)* }
        impl $store {
            pub fn new($($arg: $argty),*) -> ($store, $writer) {
                $(let $name = signal($init);)*
                ($store { $($name: $name.0,)* }, $writer { $($name: $name.1,)* })
            }
        }
    };
}
pub(crate) use signal_store;

signal_store! {
    /// What components read: read-only signals.
    Store, StoreWriter, new(settings: Settings, mode: PageMode, folder_picker: bool, phone: bool) {
        /// Which page this is: the app, a kiosk's screen or a visitor's phone.
        mode: PageMode = mode;
        /// The browser lets a folder be picked and kept (showDirectoryPicker).
        folder_picker: bool = folder_picker;
        /// A phone (a small touch screen): photos are chosen, not folders.
        phone: bool = phone;
        /// Kiosk: visitors may upload into their own account.
        kiosk_own: bool = false;
        /// The account's storage: used and quota.
        account: Option<AccountView> = None;
        /// The account's devices.
        devices: Vec<DeviceRow> = Vec::new();
        /// A code to approve ("Sign in this device?").
        approval: Option<ApprovalView> = None;
        /// This device asking to be signed in.
        pairing: Option<PairingView> = None;
        /// Kiosk: the names of the photos in this visit's drop, whoever sent them.
        arrivals: Vec<String> = Vec::new();
        /// Kiosk: the link into this visit for the visitor's phone (shown as a QR code).
        phone_link: Option<String> = None;
        /// The kiosk profile's welcome text.
        kiosk_welcome: Option<shoebox_core::api::WelcomeText> = None;
        /// Kiosk mode's screen (None: the normal app).
        kiosk: Option<shoebox_core::kiosk::KioskPhase> = None;
        /// Kiosk: seconds left before the visit ends, in its last stretch ("Finishing in 30 s").
        kiosk_countdown: Option<u64> = None;
        /// The kiosk's done screen: whole seconds until it starts over.
        kiosk_reset_in: Option<u64> = None;
        /// When a sync backup last ended with nothing failed.
        last_backup_ms: Option<u64> = None;
        /// The browser can tell whether the device is charging (Battery Status API).
        battery: bool = false;
        /// What holds transfers back now, batch or no batch (Back up & sync says so).
        hold: Option<shoebox_core::sync::line::Hold> = None;
        /// The backup folders need one click to allow access again (after a restart).
        needs_access: bool = false;
        /// Back up & sync's folders, as listed.
        backup_folders: Vec<SyncFolder> = Vec::new();
        status: Status = Status::Ready;
        /// The current batch's figures.
        totals: Totals = Totals::default();
        /// The page's figures over every batch.
        page: PageTotals = PageTotals::default();
        /// Every file added in this page, in the order found.
        rows: Vec<FileRow> = Vec::new();
        /// The current batch's Google Takeout export, when it is one: its summary and report.
        takeout: Option<shoebox_core::engine::TakeoutView> = None;
        /// The current batch's folders, for the plan view.
        folders: BTreeMap<String, FolderStat> = BTreeMap::new();
        settings: Settings = settings;
        /// Text for the ARIA live region: status changes worth announcing.
        announcement: String = String::new();
        /// The browser lets files be picked and an export's archives kept (showOpenFilePicker),
        /// on the app's own page (a kiosk keeps nothing).
        file_picker: bool = false;
        /// Names of folders and archives remembered by handle, for "Continue".
        remembered: Vec<String> = Vec::new();
        /// Shown above the page when something needs the user's attention.
        notice: Option<String> = None;
    }
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}
