//! The backup folders of Back up & sync, kept in IndexedDB: each folder's handle (so a restart
//! needs at most one click to allow access again) beside what the sync flow keeps about it.
//! Each belongs to the account that added it (keys are "<account digest>/<folder>"): on a
//! shared browser, another account never sees, scans or sends someone else's folders.
use js_sys::{Object, Reflect};
use shoebox_core::sync::SyncFolder;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use web_sys::IdbDatabase;

use super::folder_handles;
use super::idb::Kv;

/// The folders' handles by name, and where their records are kept.
#[derive(Default)]
pub struct BackupFolders {
    kv: Option<Kv>,
    /// The account whose folders these are (`Engine::account_digest`).
    owner: String,
    handles: HashMap<String, JsValue>,
}

/// A folder's key: its account's digest, a slash (never in a folder's name), its name.
fn key(owner: &str, name: &str) -> String {
    format!("{owner}/{name}")
}

impl BackupFolders {
    /// Open the store: every folder the account keeps (with a handle), and the handles. A
    /// folder kept by an older build, under its name alone, becomes this account's as a new
    /// folder: its plan is shown before anything is sent (on a shared computer the account
    /// opening first may not be the one that added it).
    pub async fn open(db: &IdbDatabase, owner: &str) -> (BackupFolders, Vec<SyncFolder>) {
        let kv = Kv::new(db, "backupFolders");
        let mut kept = BackupFolders { owner: owner.to_string(), ..BackupFolders::default() };
        let mut folders = Vec::new();
        for (k, mut folder, handle) in load(&kv).await {
            match k.split_once('/') {
                Some((o, _)) if o != owner => continue,
                Some(_) => {}
                None => {
                    (folder.items, folder.last_complete_ms) = (0, None);
                    let _ = save(&kv, &key(owner, &folder.name), &folder, &handle).await;
                    let _ = kv.delete(&k).await;
                }
            }
            kept.handles.insert(folder.name.clone(), handle);
            folders.push(folder);
        }
        kept.kv = Some(kv);
        (kept, folders)
    }

    pub fn owner(&self) -> &str {
        &self.owner
    }

    /// A picked folder's handle; returns its name.
    pub fn add(&mut self, handle: JsValue) -> String {
        let name = folder_handles::name(&handle);
        self.handles.insert(name.clone(), handle);
        name
    }

    pub fn handles(&self) -> Vec<JsValue> {
        self.handles.values().cloned().collect()
    }

    pub fn handle(&self, name: &str) -> Option<JsValue> {
        self.handles.get(name).cloned()
    }

    /// Keep these folders' records (those with a handle).
    pub fn save<'a>(&self, folders: impl Iterator<Item = &'a SyncFolder>) {
        let Some(kv) = self.kv.clone() else { return };
        let records: Vec<_> = folders.filter_map(|f| Some((key(&self.owner, &f.name), f.clone(), self.handle(&f.name)?))).collect();
        wasm_bindgen_futures::spawn_local(async move {
            for (k, f, handle) in records {
                let _ = save(&kv, &k, &f, &handle).await;
            }
        });
    }

    pub fn forget(&mut self, name: String) {
        self.handles.remove(&name);
        let Some(kv) = self.kv.clone() else { return };
        let k = key(&self.owner, &name);
        wasm_bindgen_futures::spawn_local(async move {
            let _ = kv.delete(&k).await;
        });
    }
}

fn get(o: &JsValue, k: &str) -> JsValue {
    Reflect::get(o, &k.into()).unwrap_or(JsValue::UNDEFINED)
}

/// Every kept folder with its key (the folder's name is what follows the key's slash).
async fn load(kv: &Kv) -> Vec<(String, SyncFolder, JsValue)> {
    kv.entries()
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|(k, v)| {
            let name = k.split_once('/').map_or(k.as_str(), |(_, n)| n).to_string();
            let folder = SyncFolder {
                name,
                excluded: get(&v, "excluded").as_string().and_then(|j| serde_json::from_str(&j).ok()).unwrap_or_default(),
                items: get(&v, "items").as_f64().unwrap_or(0.0) as u64,
                last_complete_ms: get(&v, "lastComplete").as_f64().map(|ms| ms as u64),
            };
            (k, folder, get(&v, "handle"))
        })
        .filter(|(_, _, handle)| handle.is_object())
        .collect()
}

async fn save(kv: &Kv, key: &str, f: &SyncFolder, handle: &JsValue) -> Result<(), String> {
    let o = Object::new();
    let _ = Reflect::set(&o, &"handle".into(), handle);
    let _ = Reflect::set(&o, &"excluded".into(), &serde_json::to_string(&f.excluded).unwrap_or_default().into());
    let _ = Reflect::set(&o, &"items".into(), &(f.items as f64).into());
    let _ = Reflect::set(&o, &"lastComplete".into(), &f.last_complete_ms.map(|ms| JsValue::from(ms as f64)).unwrap_or(JsValue::NULL));
    kv.put(key, &o).await
}

/// Whether every folder may be read; `ask`: from a click, so the browser may ask the user.
pub async fn all_readable(handles: &[JsValue], ask: bool) -> bool {
    let mut all = true;
    for h in handles {
        all &= if ask { folder_handles::ensure_permission(h).await } else { folder_handles::has_permission(h).await };
    }
    all
}
