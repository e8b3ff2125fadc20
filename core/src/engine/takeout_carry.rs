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
use std::collections::{BTreeMap, HashSet};

/// The most entries kept waiting: real exports leave a few per archive, and a list that grew
/// without end would be read back at every start.
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
    /// Whose entries a batch pairs with: a digest of the destination and the account's token.
    pub(crate) fn carry_owner(&self) -> String {
        let who = format!("{}\n{}", self.settings.endpoint, self.settings.token.as_deref().unwrap_or(""));
        crate::hash::sha256_hex(who.as_bytes())[..16].to_string()
    }

    /// What the driver kept from earlier sessions (`(path, stored JSON)`); entries it cannot
    /// read are left out.
    pub fn restore_takeout_waiting(&mut self, entries: Vec<(String, String)>) {
        for (k, json) in entries {
            if let (Some(_), Ok(w)) = (k.split_once(' '), serde_json::from_str::<Waiting>(&json)) {
                if self.takeout_carry.entries.len() < MAX_WAITING {
                    self.takeout_carry.entries.insert(k, w);
                }
            }
        }
    }

    /// How many entries wait for a later batch.
    pub fn takeout_waiting(&self) -> usize {
        self.takeout_carry.len()
    }

    /// Records the change and tells the driver to keep it.
    pub(crate) fn carry_settle(&mut self, put: Vec<(String, Waiting)>, forget: Vec<String>) {
        let owner = self.carry_owner();
        let c = &mut self.takeout_carry.entries;
        let forget: Vec<String> = forget.into_iter().map(|p| key(&owner, &p)).filter(|k| c.remove(k).is_some()).collect();
        let mut kept = Vec::new();
        for (path, w) in put {
            let k = key(&owner, &path);
            if c.len() >= MAX_WAITING && !c.contains_key(&k) {
                continue;
            }
            kept.push((k.clone(), serde_json::to_string(&w).unwrap_or_default()));
            c.insert(k, w);
        }
        if !kept.is_empty() || !forget.is_empty() {
            self.out.act(Action::KeepTakeout { put: kept, forget });
        }
    }

    /// Every read of the batch answered: carried sidecars an item of this batch took are used
    /// up, carried items whose sidecar came in this batch will get its facts through the fill
    /// call, and this batch's unpaired sidecars and its album descriptions wait for the next.
    pub(crate) fn carry_after_reads(&mut self, index: &TakeoutIndex, kept: Vec<(String, Waiting)>, now: u64) {
        let own = index.own();
        let mut forget = Vec::new();
        let mut fills: Vec<(String, String, ItemMeta)> = Vec::new();
        for i in 0..index.len() {
            let (Role::Media(_), Some(s)) = (index.role(i), index.sidecar_of(i)) else { continue };
            if i < own && s >= own {
                forget.push(index.path(s).to_string());
            }
            if i >= own {
                if let Some((_, Waiting::Item { sha256, .. })) = self.takeout.carried_in.get(i - own) {
                    fills.push((index.path(i).to_string(), sha256.clone(), index.item_meta(i).0));
                }
            }
        }
        self.carry_settle(kept, forget);
        // Facts go to the library when the person backs the batch up, not while they look at the plan.
        self.takeout.fills.extend(fills);
        if self.run.started {
            self.carry_send_fills(now);
        }
    }

    /// The batch is backed up: the items of earlier batches whose sidecars came in it get
    /// their facts, and stop waiting.
    pub(crate) fn carry_send_fills(&mut self, now: u64) {
        let fills = std::mem::take(&mut self.takeout.fills);
        let mut forget = Vec::new();
        for (path, sha, meta) in fills {
            self.send_fill(&sha, &meta, now);
            forget.push(path);
        }
        self.carry_settle(Vec::new(), forget);
    }

    /// A file of an export batch is backed up: when it had no sidecar, it waits for one.
    pub(crate) fn carry_when_done(&mut self, id: FileId) {
        let t = &self.takeout;
        let (Some(index), Some(&i)) = (t.index.as_ref(), t.pos.get(&id)) else { return };
        if !index.is_export() || !matches!(index.role(i), Role::Media(_)) || index.sidecar_of(i).is_some() {
            return;
        }
        let Some(f) = self.files.get(&id).filter(|f| f.stage == Stage::Done) else { return };
        let Some(sha256) = f.sha256.clone() else { return };
        let put = vec![(index.path(i).to_string(), Waiting::Item { sha256, size: f.entry.size })];
        self.carry_settle(put, Vec::new());
    }
}
