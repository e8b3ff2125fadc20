//! What one batch of a Google Takeout export leaves for the next: a sidecar or album
//! description whose photos were not chosen with it, and a photo or video backed up without
//! its sidecar. Google splits an export over archives at random, so a person who chooses them
//! one at a time still gets every item's date, place and albums: the next export batch pairs
//! what waits here like its own files, and a photo backed up earlier gets its sidecar's facts
//! through the fill call. The driver keeps the list in IndexedDB (`Action::KeepTakeout`) and
//! hands it back at start; a kiosk keeps it in memory only, for the visit. Entries belong to
//! the destination and account that made them (a digest of the endpoint and the token, never
//! the token): on a shared computer one person's sidecars never pair with another's photos.
use super::file::Stage;
use super::types::FileId;
use super::view::Action;
use super::Engine;
use crate::takeout::names::folder;
use crate::takeout::{ItemMeta, Role, TakeoutIndex};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The most entries kept waiting for one account: real exports leave a few per archive, and a
/// list that grew without end would be read back at every start. What would pass it is not
/// kept, and the plan says so for each path (`TakeoutNote::NotKept`).
pub const MAX_WAITING: usize = 100_000;

/// One waiting entry, by its path in the export (stored as JSON).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Waiting {
    /// A sidecar or album description (its text, as read).
    Text { text: String },
    /// A photo or video backed up without a sidecar: its content and size.
    Item { sha256: String, size: u64 },
}

/// The waiting entries, by key: the owner's digest, a space, the path in the export.
#[derive(Debug, Default)]
pub(crate) struct Carry {
    entries: BTreeMap<String, Waiting>,
    /// How many entries each owner has (the cap is per account: one account's export never
    /// leaves no room for another's).
    per_owner: HashMap<String, usize>,
    /// The driver keeps entries and has not handed them back yet: an export's plan waits.
    pub restoring: bool,
}

/// The batch's own sidecars that only photos of earlier batches took: they wait too, until
/// the fill they make is answered, so a fill that fails loses nothing.
pub(crate) fn own_sidecars_of_carried_items(index: &TakeoutIndex) -> Vec<usize> {
    let own = index.own();
    let by_own: HashSet<usize> = (0..own).filter_map(|i| index.sidecar_of(i)).collect();
    (own..index.len()).filter_map(|i| index.sidecar_of(i)).filter(|s| *s < own && !by_own.contains(s)).collect()
}

fn key(owner: &str, path: &str) -> String {
    format!("{owner} {path}")
}

impl Carry {
    /// The owner's entries a batch of these paths may pair with, by path: those in a folder the
    /// batch has files in, and not one of the batch's own paths (an archive chosen again).
    pub fn relevant<'a>(&self, owner: &str, batch: impl Iterator<Item = &'a str> + Clone) -> Vec<(String, Waiting)> {
        let folders: HashSet<&str> = batch.clone().map(folder).collect();
        let own: HashSet<&str> = batch.collect();
        let prefix = key(owner, "");
        self.entries
            .range(prefix.clone()..)
            .map_while(|(k, w)| Some((k.strip_prefix(&prefix)?, w)))
            .filter(|(p, _)| folders.contains(folder(p)) && !own.contains(p))
            .map(|(p, w)| (p.to_string(), w.clone()))
            .collect()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Keeps an entry (replacing one of the same key); false when its owner is at the cap.
    fn insert(&mut self, k: String, w: Waiting) -> bool {
        let owner = k.split_once(' ').map_or("", |(o, _)| o).to_string();
        if !self.entries.contains_key(&k) {
            let n = self.per_owner.entry(owner).or_default();
            if *n >= MAX_WAITING {
                return false;
            }
            *n += 1;
        }
        self.entries.insert(k, w);
        true
    }

    fn remove(&mut self, k: &str) -> bool {
        let gone = self.entries.remove(k).is_some();
        if gone {
            if let Some(n) = self.per_owner.get_mut(k.split_once(' ').map_or("", |(o, _)| o)) {
                *n -= 1;
            }
        }
        gone
    }
}

impl Waiting {
    /// The size the index pairs copies by.
    pub fn size(&self) -> u64 {
        match self {
            Waiting::Text { text } => text.len() as u64,
            Waiting::Item { size, .. } => *size,
        }
    }
}

impl Engine {
    /// The driver keeps what export batches leave and will hand it back
    /// ([`Engine::restore_takeout_waiting`]): until then an export's plan waits.
    pub fn expect_takeout_waiting(&mut self) {
        self.takeout_carry.restoring = true;
    }

    /// What the driver kept from earlier sessions (`(key, stored JSON)`, empty when it has no
    /// store); entries it cannot read are left out, and none replaces one made since.
    pub fn restore_takeout_waiting(&mut self, entries: Vec<(String, String)>, now: u64) {
        for (k, json) in entries {
            if let (Some(_), Ok(w)) = (k.split_once(' '), serde_json::from_str::<Waiting>(&json)) {
                if !self.takeout_carry.entries.contains_key(&k) {
                    self.takeout_carry.insert(k, w);
                }
            }
        }
        if std::mem::take(&mut self.takeout_carry.restoring) && self.takeout.awaiting_restore {
            self.takeout_walked(now);
        }
        self.pump(now);
    }

    /// How many entries wait for a later batch.
    pub fn takeout_waiting(&self) -> usize {
        self.takeout_carry.len()
    }

    /// Records the change and tells the driver to keep it.
    pub(crate) fn carry_settle(&mut self, put: Vec<(String, Waiting)>, forget: Vec<String>) {
        let owner = self.account_digest();
        let c = &mut self.takeout_carry;
        let forget: Vec<String> = forget.into_iter().map(|p| key(&owner, &p)).filter(|k| c.remove(k)).collect();
        let mut kept = Vec::new();
        for (path, w) in put {
            let (k, json) = (key(&owner, &path), serde_json::to_string(&w).unwrap_or_default());
            if c.insert(k.clone(), w) {
                kept.push((k, json));
            } else if !self.takeout.not_kept.contains(&path) {
                self.takeout.not_kept.push(path);
            }
        }
        if !kept.is_empty() || !forget.is_empty() {
            self.out.act(Action::KeepTakeout { put: kept, forget });
        }
    }

    /// Every read of the batch answered: this batch's unpaired sidecars, the ones only earlier
    /// photos took and its album descriptions wait; carried photos whose sidecar came will get
    /// its facts through the fill call. Nothing is forgotten here: a carried sidecar goes when
    /// the photo that took it is backed up, a carried photo when its fill is answered.
    pub(crate) fn carry_after_reads(&mut self, index: &TakeoutIndex, kept: Vec<(String, Waiting)>, now: u64) {
        let own = index.own();
        let mut fills: Vec<(Vec<String>, String, ItemMeta)> = Vec::new();
        for i in own..index.len() {
            let (Role::Media(_), Some(s)) = (index.role(i), index.sidecar_of(i)) else { continue };
            if let Some((_, Waiting::Item { sha256, .. })) = self.takeout.carried_in.get(i - own) {
                let paths = vec![index.path(i).to_string(), index.path(s).to_string()];
                fills.push((paths, sha256.clone(), index.item_meta(i).0));
            }
        }
        self.carry_settle(kept, Vec::new());
        // Facts go to the library when the person backs the batch up, not while they look at the plan.
        self.takeout.fills.extend(fills);
        if self.run.started {
            self.carry_send_fills(now);
        }
    }

    /// The batch is backed up: the photos of earlier batches whose sidecars came in it get
    /// their facts; each stops waiting, with its sidecar, once the library answers.
    pub(crate) fn carry_send_fills(&mut self, now: u64) {
        for (paths, sha, meta) in std::mem::take(&mut self.takeout.fills) {
            self.send_fill_then_forget(&sha, &meta, paths, now);
        }
    }

    /// A carried photo's fill was answered: done (2xx), or the library no longer has the
    /// content (404): stop waiting. Anything else keeps both waiting for a later batch.
    pub(crate) fn on_carry_fill(&mut self, paths: Vec<String>, status: Option<u16>) {
        if status.is_some_and(|s| (200..300).contains(&s) || s == 404) {
            self.carry_settle(Vec::new(), paths);
        }
    }

    /// A file of an export batch is backed up: the sidecar it took stops waiting (and so does
    /// an earlier copy of it waiting for a sidecar); without a sidecar, it waits for one.
    pub(crate) fn carry_when_done(&mut self, id: FileId) {
        let t = &self.takeout;
        let (Some(index), Some(&i)) = (t.index.as_ref(), t.pos.get(&id)) else { return };
        if !index.is_export() || !matches!(index.role(i), Role::Media(_)) {
            return;
        }
        let Some(f) = self.files.get(&id).filter(|f| f.stage == Stage::Done) else { return };
        let path = index.path(i).to_string();
        match (index.sidecar_of(i), f.sha256.clone()) {
            (Some(s), _) => {
                let forget = vec![index.path(s).to_string(), path];
                self.carry_settle(Vec::new(), forget);
            }
            (None, Some(sha256)) => {
                let put = vec![(path, Waiting::Item { sha256, size: f.entry.size })];
                self.carry_settle(put, Vec::new());
            }
            (None, None) => {}
        }
    }
}
