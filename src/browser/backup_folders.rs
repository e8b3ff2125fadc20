//! The backup folders of Back up & sync, kept in IndexedDB: each folder's handle (so a restart
//! needs at most one click to allow access again), the sub-folders left out of its plan, how
//! many items it held at the last scan, and when it was last fully backed up.
use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

use super::folder_handles;
use super::idb::Kv;

#[derive(Clone, Debug)]
pub struct BackupFolder {
    /// The folder's own name (the first part of its files' relativePath); the record's key.
    pub name: String,
    pub handle: JsValue,
    /// Relative folder paths unticked in its plan.
    pub excluded: Vec<String>,
    pub items: u64,
    /// When a backup of it last ended with nothing failed (ms since the epoch).
    pub last_complete_ms: Option<f64>,
}

fn get(o: &JsValue, k: &str) -> JsValue {
    Reflect::get(o, &k.into()).unwrap_or(JsValue::UNDEFINED)
}

pub async fn load(kv: &Kv) -> Vec<BackupFolder> {
    kv.entries()
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|(name, v)| BackupFolder {
            name,
            handle: get(&v, "handle"),
            excluded: get(&v, "excluded").as_string().and_then(|j| serde_json::from_str(&j).ok()).unwrap_or_default(),
            items: get(&v, "items").as_f64().unwrap_or(0.0) as u64,
            last_complete_ms: get(&v, "lastComplete").as_f64(),
        })
        .filter(|f| f.handle.is_object())
        .collect()
}

pub async fn save(kv: &Kv, f: &BackupFolder) -> Result<(), String> {
    let o = Object::new();
    let _ = Reflect::set(&o, &"handle".into(), &f.handle);
    let _ = Reflect::set(&o, &"excluded".into(), &serde_json::to_string(&f.excluded).unwrap_or_default().into());
    let _ = Reflect::set(&o, &"items".into(), &(f.items as f64).into());
    let _ = Reflect::set(&o, &"lastComplete".into(), &f.last_complete_ms.map(JsValue::from).unwrap_or(JsValue::NULL));
    kv.put(&f.name, &o).await
}

pub async fn remove(kv: &Kv, name: &str) -> Result<(), String> {
    kv.delete(name).await
}

/// A new record for a picked folder.
pub fn new(handle: JsValue) -> BackupFolder {
    BackupFolder { name: folder_handles::name(&handle), handle, excluded: Vec::new(), items: 0, last_complete_ms: None }
}
