//! A small IndexedDB key-value adapter: resume records, the local "already backed up" record and
//! folder handles outlive the page here. IndexedDB, not localStorage: no 5 MB quota errors with
//! 100,000 records, and it can hold structured values such as FileSystemDirectoryHandle.
use futures::channel::oneshot;
use js_sys::Array;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransactionMode};

pub const DB_NAME: &str = "shoebox";
const DB_VERSION: u32 = 3;
/// Object stores (version 2 added the backup folders of Back up & sync, version 3 what a
/// Takeout export batch leaves for a later one).
pub const STORES: &[&str] = &["resume", "backedUp", "folders", "backupFolders", "takeoutWaiting"];

#[derive(Clone)]
pub struct Kv {
    db: IdbDatabase,
    store: &'static str,
}

fn js_err(e: JsValue) -> String {
    format!("{e:?}")
}

/// Resolve an IdbRequest's success/error as a future.
async fn request(req: &IdbRequest) -> Result<JsValue, String> {
    let (tx, rx) = oneshot::channel::<Result<JsValue, String>>();
    let tx = Rc::new(RefCell::new(Some(tx)));
    let ok = {
        let tx = tx.clone();
        let req = req.clone();
        Closure::once(move || {
            if let Some(tx) = tx.borrow_mut().take() {
                let _ = tx.send(req.result().map_err(js_err));
            }
        })
    };
    let fail = {
        let tx = tx.clone();
        let req = req.clone();
        Closure::once(move || {
            if let Some(tx) = tx.borrow_mut().take() {
                let msg = req.error().ok().flatten().map(|e| e.message()).unwrap_or_else(|| "IndexedDB error".into());
                let _ = tx.send(Err(msg));
            }
        })
    };
    req.set_onsuccess(Some(ok.as_ref().unchecked_ref()));
    req.set_onerror(Some(fail.as_ref().unchecked_ref()));
    let out = rx.await.unwrap_or_else(|_| Err("IndexedDB request dropped".into()));
    drop((ok, fail));
    out
}

/// Open (creating on first use) the Shoebox database.
pub async fn open() -> Result<IdbDatabase, String> {
    let factory = web_sys::window().and_then(|w| w.indexed_db().ok().flatten()).ok_or("IndexedDB is not available")?;
    let open: IdbOpenDbRequest = factory.open_with_u32(DB_NAME, DB_VERSION).map_err(js_err)?;
    let upgrade = {
        let open = open.clone();
        Closure::<dyn FnMut()>::new(move || {
            if let Ok(db) = open.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
                let names = db.object_store_names();
                for s in STORES {
                    if !names.contains(s) {
                        let _ = db.create_object_store(s);
                    }
                }
            }
        })
    };
    open.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let db = request(&open).await?;
    drop(upgrade);
    let db = db.dyn_into::<IdbDatabase>().map_err(js_err)?;
    // A newer build in another tab asks for a newer version: this tab lets go instead of
    // blocking it (its stores are gone for this tab until it reloads).
    let closing = db.clone();
    let on_version = Closure::<dyn FnMut()>::new(move || closing.close());
    db.set_onversionchange(Some(on_version.as_ref().unchecked_ref()));
    on_version.forget();
    Ok(db)
}

impl Kv {
    pub fn new(db: &IdbDatabase, store: &'static str) -> Self {
        Kv { db: db.clone(), store }
    }

    fn object_store(&self, mode: IdbTransactionMode) -> Result<web_sys::IdbObjectStore, String> {
        let tx = self.db.transaction_with_str_and_mode(self.store, mode).map_err(js_err)?;
        tx.object_store(self.store).map_err(js_err)
    }

    pub async fn put(&self, key: &str, value: &JsValue) -> Result<(), String> {
        let req = self.object_store(IdbTransactionMode::Readwrite)?.put_with_key(value, &key.into()).map_err(js_err)?;
        request(&req).await.map(|_| ())
    }

    /// Puts then deletes in one transaction, started now: transactions on a store run in the
    /// order they were made, so writes made in this order land in it whatever finishes first.
    pub fn write_now(&self, puts: &[(String, JsValue)], deletes: &[String]) -> Result<(), String> {
        let store = self.object_store(IdbTransactionMode::Readwrite)?;
        for (key, value) in puts {
            store.put_with_key(value, &key.into()).map_err(js_err)?;
        }
        for key in deletes {
            store.delete(&key.into()).map_err(js_err)?;
        }
        Ok(())
    }

    pub async fn delete(&self, key: &str) -> Result<(), String> {
        let req = self.object_store(IdbTransactionMode::Readwrite)?.delete(&key.into()).map_err(js_err)?;
        request(&req).await.map(|_| ())
    }

    pub async fn clear(&self) -> Result<(), String> {
        let req = self.object_store(IdbTransactionMode::Readwrite)?.clear().map_err(js_err)?;
        request(&req).await.map(|_| ())
    }

    pub async fn get(&self, key: &str) -> Result<Option<JsValue>, String> {
        let req = self.object_store(IdbTransactionMode::Readonly)?.get(&key.into()).map_err(js_err)?;
        let v = request(&req).await?;
        Ok((!v.is_undefined()).then_some(v))
    }

    /// Every (key, value) pair, in key order.
    pub async fn entries(&self) -> Result<Vec<(String, JsValue)>, String> {
        let store = self.object_store(IdbTransactionMode::Readonly)?;
        let keys: Array = request(&store.get_all_keys().map_err(js_err)?).await?.unchecked_into();
        let values: Array = request(&store.get_all().map_err(js_err)?).await?.unchecked_into();
        Ok(keys.iter().zip(values.iter()).filter_map(|(k, v)| Some((k.as_string()?, v))).collect())
    }
}
