//! The UI's intents: one enum for every call a component makes. Components send them through
//! `driver::intent`; the driver routes each to the flow or the engine it is for.
use crate::settings::Settings;

/// What the UI asks for: every call a component makes goes through `driver::intent`.
pub enum Intent {
    /// Entries of a drop (a folder's tree is walked lazily).
    AddEntries(Vec<web_sys::FileSystemEntry>),
    /// Files from an input or a drop without entries.
    AddFiles(web_sys::FileList),
    /// "Choose folders" through showDirectoryPicker (remembered for "Continue").
    PickFolder,
    /// "Choose files" through showOpenFilePicker (archives remembered for "Continue").
    PickFiles,
    /// "Continue your backup": the remembered folders and archives, started once planned.
    ContinueRemembered,
    /// Back up & sync: "Add a backup folder" (showDirectoryPicker).
    AddBackupFolder,
    /// Stop syncing a backup folder (nothing is deleted).
    RemoveBackupFolder(String),
    /// The Back up & sync switch ("Turn on" too).
    SetSync(bool),
    /// "Allow access to your backup folders" after a restart (a click: the browser may ask).
    AllowFolderAccess,
    /// "Sign in this device" (by approval from a signed-in one).
    SignIn,
    /// Look up another device's code before approving it.
    LookUpCode(String),
    /// Approve that code for this account.
    Approve(String),
    /// Do not approve it: the question goes away, nothing is sent.
    DeclineApproval,
    /// Sign a device out (its token is refused at once).
    RevokeDevice(String),
    /// Kiosk: "Upload from your phone" on the welcome screen (starts a visit without files).
    KioskBegin,
    /// Kiosk: "Into your own Shoebox account" on the welcome screen.
    KioskOwnAccount,
    /// Kiosk: "Finish" (end the visit now).
    KioskFinish,
    /// Kiosk: "Let my uploads finish if I walk away".
    KioskKeepUploads(bool),
    Start,
    PauseAll,
    ResumeAll,
    PauseFile(u32),
    ResumeFile(u32),
    CancelFile(u32),
    RetryFile(u32),
    RetryFailed,
    SetFolderIncluded(String, bool),
    UpdateSettings(Settings),
    /// Show the page in this language ("de"): kept on this device, or for a kiosk's visit only.
    ChooseLanguage(String),
}
