//! Back up & sync's flow, as a pure state machine beside the engine (no I/O, no clock: every
//! input carries `now`): the backup folders and what is kept about each, when they are scanned
//! (at start once access is allowed, when one is added, when the watcher says they changed, and
//! every minute, or every five with a watcher that misses changes made while the page slept),
//! whether a scan's batch shows its plan first, and when a batch stamps its folders as backed
//! up. The driver performs the actions (permissions, scans in a worker, IndexedDB, the watcher)
//! and feeds back what happened.
use crate::engine::Status;

pub mod line;
#[cfg(test)]
mod tests;

/// Between re-scans without a watcher.
pub const RESCAN_MS: u64 = 60_000;
/// Between re-scans with a watcher (FileSystemObserver).
pub const WATCHED_RESCAN_MS: u64 = 5 * RESCAN_MS;

/// One backup folder, as kept and as the Back up & sync panel lists it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SyncFolder {
    /// The folder's own name (the first part of its files' relative paths); its key.
    pub name: String,
    /// Relative folder paths left out of its plan, kept for the next scans.
    pub excluded: Vec<String>,
    /// How many items it held at its last scan.
    pub items: u64,
    /// When a backup of it last ended with nothing failed (ms since the epoch).
    pub last_complete_ms: Option<u64>,
}

impl SyncFolder {
    pub fn new(name: String) -> Self {
        SyncFolder { name, ..SyncFolder::default() }
    }

    /// Never scanned nor backed up: its first backup shows its plan.
    fn is_new(&self) -> bool {
        self.items == 0 && self.last_complete_ms.is_none()
    }
}

/// What the driver must do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyncAction {
    /// Find out whether every folder may be read (`ask`: from a click, so the browser may ask
    /// the user), then `handle_access`.
    CheckAccess { ask: bool },
    /// Show (or hide) "Allow access to your backup folders".
    ShowNeedsAccess(bool),
    /// Start watching the folders for changes, then `handle_watching` (whether a watcher runs).
    Watch,
    /// Tell the engine (`exclude_folders`, then `start_when_planned` when `auto_start`, then
    /// `walk_started`), scan these folders in order, then `handle_scanned`.
    Scan { folders: Vec<String>, excluded: Vec<String>, auto_start: bool },
    /// The folders (or the switch) changed: show `folders()` and tell the engine `set_sync`.
    Show,
    /// Keep every folder's record.
    SaveAll,
    /// Keep this new folder's record.
    Save(String),
    /// Forget this folder's record (nothing is deleted, here or on the server).
    Forget(String),
}

#[derive(Clone, Debug, Default)]
pub struct SyncFlow {
    folders: Vec<SyncFolder>,
    on: bool,
    scanning: bool,
    /// A scan was asked while one ran: it runs right after.
    again: bool,
    /// The watcher was asked for (once).
    watching: bool,
    /// The next periodic re-scan, once watching.
    next_rescan: Option<u64>,
    every_ms: u64,
    /// The current batch came from a scan of every folder (its end stamps them).
    scan_batch: bool,
    actions: std::collections::VecDeque<SyncAction>,
}

impl SyncFlow {
    pub fn new() -> Self {
        SyncFlow::default()
    }

    pub fn folders(&self) -> &[SyncFolder] {
        &self.folders
    }

    pub fn is_on(&self) -> bool {
        self.on
    }

    /// When a backup of every folder last ended with nothing failed.
    pub fn last_backup_ms(&self) -> Option<u64> {
        self.folders.iter().filter_map(|f| f.last_complete_ms).max()
    }

    pub fn poll_action(&mut self) -> Option<SyncAction> {
        self.actions.pop_front()
    }

    pub fn poll_timeout(&self) -> Option<u64> {
        self.next_rescan
    }

    /// The folders kept from earlier, and the switch: with sync on, they are scanned once every
    /// one may be read without asking.
    pub fn handle_loaded(&mut self, _now: u64, folders: Vec<SyncFolder>, on: bool) {
        self.folders = folders;
        self.on = on;
        self.actions.push_back(SyncAction::Show);
        self.resume(false);
    }

    /// The Back up & sync switch; turning it on is a click, so the browser may ask for access.
    pub fn handle_switch(&mut self, _now: u64, on: bool) {
        self.on = on;
        self.actions.push_back(SyncAction::Show);
        if on {
            self.resume(true);
        }
    }

    /// "Allow access to your backup folders" (a click).
    pub fn handle_allow(&mut self, _now: u64) {
        self.resume(true);
    }

    fn resume(&mut self, ask: bool) {
        if self.on && !self.folders.is_empty() {
            self.actions.push_back(SyncAction::CheckAccess { ask });
        }
    }

    /// Whether every folder may be read: if so they are watched and scanned.
    pub fn handle_access(&mut self, now: u64, all: bool) {
        self.actions.push_back(SyncAction::ShowNeedsAccess(!all));
        if all {
            self.watch();
            self.scan(now);
        }
    }

    /// A folder was picked ("Add a backup folder"): kept, watched and scanned (it is new, so
    /// its plan shows). A folder of the same name replaces the old one.
    pub fn handle_added(&mut self, now: u64, name: String) {
        self.folders.retain(|f| f.name != name);
        self.folders.push(SyncFolder::new(name.clone()));
        self.actions.extend([SyncAction::Save(name), SyncAction::Show]);
        self.watch();
        self.scan(now);
    }

    /// "Stop syncing" a folder.
    pub fn handle_removed(&mut self, _now: u64, name: String) {
        self.folders.retain(|f| f.name != name);
        self.actions.extend([SyncAction::Forget(name), SyncAction::Show]);
    }

    fn watch(&mut self) {
        if !std::mem::replace(&mut self.watching, true) {
            self.actions.push_back(SyncAction::Watch);
        }
    }

    /// The watcher runs (`observed`) or the browser has none: re-scans from now on.
    pub fn handle_watching(&mut self, now: u64, observed: bool) {
        self.every_ms = if observed { WATCHED_RESCAN_MS } else { RESCAN_MS };
        self.next_rescan = Some(now + self.every_ms);
    }

    /// The watcher saw a change in a folder.
    pub fn handle_changed(&mut self, now: u64) {
        if self.on {
            self.scan(now);
        }
    }

    pub fn handle_timeout(&mut self, now: u64) {
        if self.next_rescan.is_none_or(|at| now < at) {
            return;
        }
        self.next_rescan = Some(now + self.every_ms);
        self.handle_changed(now);
    }

    /// Scan every folder; a scan asked while one runs happens right after it. A folder seen
    /// before is backed up without a plan step; a new one shows its plan.
    fn scan(&mut self, _now: u64) {
        if std::mem::replace(&mut self.scanning, true) {
            self.again = true;
            return;
        }
        self.actions.push_back(SyncAction::Scan {
            folders: self.folders.iter().map(|f| f.name.clone()).collect(),
            excluded: self.folders.iter().flat_map(|f| f.excluded.iter().cloned()).collect(),
            auto_start: !self.folders.iter().any(SyncFolder::is_new),
        });
    }

    /// A scan ended, with how many items each folder held.
    pub fn handle_scanned(&mut self, now: u64, counts: Vec<(String, u64)>) {
        self.scanning = false;
        self.scan_batch = true;
        for (name, n) in counts {
            if let Some(f) = self.folders.iter_mut().find(|f| f.name == name) {
                f.items = n;
            }
        }
        self.actions.extend([SyncAction::Show, SyncAction::SaveAll]);
        if std::mem::take(&mut self.again) {
            self.scan(now);
        }
    }

    /// The engine's status, with the plan's unticked folders: while a scan's batch runs, each
    /// folder keeps its own exclusions (read at Complete too, since a small backup may end
    /// before a running status is ever seen); a batch that ends with nothing failed stamps
    /// every folder.
    pub fn handle_status(&mut self, now: u64, status: &Status, excluded: &[String]) {
        if !self.scan_batch || !matches!(status, Status::BackingUp { .. } | Status::Complete { .. }) {
            return;
        }
        for f in self.folders.iter_mut() {
            f.excluded = excluded.iter().filter(|p| p.split('/').next() == Some(f.name.as_str())).cloned().collect();
        }
        if let Status::Complete { failed, .. } = status {
            self.scan_batch = false;
            if *failed == 0 {
                for f in self.folders.iter_mut() {
                    f.last_complete_ms = Some(now);
                }
            }
            self.actions.push_back(SyncAction::Show);
        }
        self.actions.push_back(SyncAction::SaveAll);
    }
}
