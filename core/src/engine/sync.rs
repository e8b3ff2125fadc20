//! Back up & sync: the conditions a device sets (power, the sync switch and its backup
//! folders) and re-scans of backup folders, which add only what is new or changed since the
//! engine last saw it, so a re-scan of 100,000 unchanged files adds nothing and sends nothing.
use super::types::*;
use super::Engine;
use std::collections::HashMap;

/// What the engine has seen at each relative path (any batch): size, date and its id.
#[derive(Debug, Default)]
pub(crate) struct Seen {
    by_path: HashMap<String, (u64, i64)>,
}

impl Seen {
    /// Whether this entry is new or changed since it was last seen (and remember it).
    pub fn fresh(&mut self, e: &FileEntry) -> bool {
        let now = (e.size, e.last_modified);
        self.by_path.insert(e.relative_path.clone(), now) != Some(now)
    }
}

impl Engine {
    /// Whether the device is charging (Battery Status API); with `charging_only` this pauses
    /// transfers ("Waiting to charge") and they continue by themselves on mains power. A
    /// browser without the API reports nothing (the app shows the setting as unavailable).
    pub fn set_charging(&mut self, charging: bool, now: u64) {
        self.change_conditions(now, |e| e.run.charging = charging);
    }

    /// What would hold transfers back now, batch or no batch (Back up & sync says so while
    /// idle): no connection, then Wi-Fi only on a metered one, then only while charging.
    pub fn hold(&self) -> Option<crate::sync::line::Hold> {
        use crate::sync::line::Hold;
        if !self.run.online || self.server.cannot_reach() {
            Some(Hold::Connection)
        } else if self.settings.wifi_only && self.run.metered {
            Some(Hold::Wifi)
        } else if self.settings.charging_only && !self.run.charging {
            Some(Hold::Charge)
        } else {
            None
        }
    }

    /// Back up & sync: on or off, and how many backup folders exist. Off with folders, and
    /// nothing else chosen, the card reads "Back up is off".
    pub fn set_sync(&mut self, on: bool, backup_folders: usize, now: u64) {
        self.run.sync = on;
        self.run.backup_folders = backup_folders;
        self.out.dirty = true;
        self.pump(now);
    }

    /// Of the files a re-scan of backup folders found, those new or changed since the engine
    /// last saw their path (in any batch); the driver gives them ids and `add_files` them.
    /// Unchanged files cost a map lookup each, never a read. (Ids in `files` are ignored.)
    pub fn take_fresh(&mut self, files: Vec<FileEntry>) -> Vec<FileEntry> {
        files.into_iter().filter(|e| self.seen.fresh(e)).collect()
    }

    /// The current batch's unticked folders, to keep for the next scan.
    pub fn excluded_folders(&self) -> Vec<String> {
        self.folders.excluded()
    }

    /// Folders left out of a backup folder's plan earlier (kept across restarts): files found
    /// in them or below are not chosen.
    pub fn exclude_folders(&mut self, folders: &[String], now: u64) {
        for f in folders {
            self.folders.preset_excluded(f);
        }
        self.out.folders_dirty = true;
        self.pump(now);
    }
}
