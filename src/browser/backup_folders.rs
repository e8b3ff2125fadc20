//! The backup folders of Back up & sync, kept in IndexedDB: each folder's handle (so a restart
//! needs at most one click to allow access again) beside what the sync flow keeps about it.
use js_sys::{Object, Reflect};
use shoebox_core::sync::SyncFolder;
use wasm_bindgen::prelude::*;

use super::folder_handles;
use super::idb::Kv;

fn get(o: &JsValue, k: &str) -> JsValue {
    Reflect::get(o, &k.into()).unwrap_or(JsValue::UNDEFINED)
}

/// Every kept folder, with its handle.
pub async fn load(kv: &Kv) -> Vec<(SyncFolder, JsValue)> {
    kv.entries()
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|(name, v)| {
            let folder = SyncFolder {
                name,
                excluded: get(&v, "excluded").as_string().and_then(|j| serde_json::from_str(&j).ok()).unwrap_or_default(),
                items: get(&v, "items").as_f64().unwrap_or(0.0) as u64,
                last_complete_ms: get(&v, "lastComplete").as_f64().map(|ms| ms as u64),
            };
            (folder, get(&v, "handle"))
        })
        .filter(|(_, handle)| handle.is_object())
        .collect()
}

pub async fn save(kv: &Kv, f: &SyncFolder, handle: &JsValue) -> Result<(), String> {
    let o = Object::new();
    let _ = Reflect::set(&o, &"handle".into(), handle);
    let _ = Reflect::set(&o, &"excluded".into(), &serde_json::to_string(&f.excluded).unwrap_or_default().into());
    let _ = Reflect::set(&o, &"items".into(), &(f.items as f64).into());
    let _ = Reflect::set(&o, &"lastComplete".into(), &f.last_complete_ms.map(|ms| JsValue::from(ms as f64)).unwrap_or(JsValue::NULL));
    kv.put(&f.name, &o).await
}

pub async fn remove(kv: &Kv, name: &str) -> Result<(), String> {
    kv.delete(name).await
}

/// Whether every folder may be read; `ask`: from a click, so the browser may ask the user.
pub async fn all_readable(handles: &[JsValue], ask: bool) -> bool {
    let mut all = true;
    for h in handles {
        all &= if ask { folder_handles::ensure_permission(h).await } else { folder_handles::has_permission(h).await };
    }
    all
}
