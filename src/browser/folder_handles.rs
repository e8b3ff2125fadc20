//! Folder and archive handles (File System Access API): pick folders with showDirectoryPicker
//! and files with showOpenFilePicker, remember the handles in IndexedDB, and read them again
//! after a reload with one permission prompt each, so an unfinished backup continues without
//! choosing them again. Browsers without the API use the inputs and re-drop instead.
use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::File;

pub use super::handle_calls::open_path;
use super::handle_calls::{call_async, method};
use super::idb::Kv;
use super::walk::{WalkedFile, BATCH};

/// True where `window.showDirectoryPicker` exists (Chromium, ChromeOS, Edge).
pub fn supported() -> bool {
    web_sys::window().is_some_and(|w| Reflect::get(&w, &"showDirectoryPicker".into()).is_ok_and(|f| f.is_function()))
}

/// True where `window.showOpenFilePicker` exists (Chromium, ChromeOS, Edge).
pub fn files_supported() -> bool {
    web_sys::window().is_some_and(|w| Reflect::get(&w, &"showOpenFilePicker".into()).is_ok_and(|f| f.is_function()))
}

/// Ask the user for files (several), of the kinds "Choose files" takes: photos, videos, their
/// sidecars and a Takeout export's archives. Empty when they cancelled.
pub async fn pick_files() -> Result<Vec<JsValue>, String> {
    let w: JsValue = web_sys::window().ok_or("no window")?.into();
    let accept = Object::new();
    let exts = |list: &[&str]| -> JsValue { list.iter().map(|x| JsValue::from_str(x)).collect::<js_sys::Array>().into() };
    let _ = Reflect::set(&accept, &"image/*".into(), &exts(&[]));
    let _ = Reflect::set(&accept, &"video/*".into(), &exts(&[]));
    let _ = Reflect::set(&accept, &"application/zip".into(), &exts(&[".zip"]));
    let _ = Reflect::set(&accept, &"application/gzip".into(), &exts(&[".tgz"]));
    let _ = Reflect::set(&accept, &"application/octet-stream".into(), &exts(&[".xmp", ".aae"]));
    let kind = Object::new();
    let _ = Reflect::set(&kind, &"accept".into(), &accept);
    let opts = Object::new();
    let _ = Reflect::set(&opts, &"id".into(), &"shoebox-files".into());
    let _ = Reflect::set(&opts, &"multiple".into(), &true.into());
    let _ = Reflect::set(&opts, &"types".into(), &js_sys::Array::of1(&kind));
    match call_async(&w, "showOpenFilePicker", &[opts.into()]).await {
        Ok(list) => Ok(js_sys::Array::from(&list).to_vec()),
        Err(e) if Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string()).as_deref() == Some("AbortError") => Ok(Vec::new()),
        Err(e) => Err(format!("{e:?}")),
    }
}

/// True for a file's handle (`kind` "file"), false for a folder's.
pub fn is_file(handle: &JsValue) -> bool {
    Reflect::get(handle, &"kind".into()).ok().and_then(|k| k.as_string()).as_deref() == Some("file")
}

/// A file handle's file, named as the input names a chosen file (its name alone). `None` when
/// it cannot be read (moved or deleted since it was chosen).
pub async fn file(handle: &JsValue) -> Option<WalkedFile> {
    let file = call_async(handle, "getFile", &[]).await.ok()?.dyn_into::<File>().ok()?;
    let name = file.name();
    Some(WalkedFile::from_file(file, name))
}

/// Ask the user for a folder. `Ok(None)` when they cancelled.
pub async fn pick() -> Result<Option<JsValue>, String> {
    let w: JsValue = web_sys::window().ok_or("no window")?.into();
    let opts = Object::new();
    let _ = Reflect::set(&opts, &"id".into(), &"shoebox".into());
    let _ = Reflect::set(&opts, &"mode".into(), &"read".into());
    match call_async(&w, "showDirectoryPicker", &[opts.into()]).await {
        Ok(h) => Ok(Some(h)),
        Err(e) if Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string()).as_deref() == Some("AbortError") => Ok(None),
        Err(e) => Err(format!("{e:?}")),
    }
}

/// The handle's name (the folder's own name: the first part of every relativePath).
pub fn name(handle: &JsValue) -> String {
    Reflect::get(handle, &"name".into()).ok().and_then(|v| v.as_string()).unwrap_or_default()
}

/// Read permission, asking once if needed (needs a user gesture). True when granted.
pub async fn ensure_permission(handle: &JsValue) -> bool {
    let opts = Object::new();
    let _ = Reflect::set(&opts, &"mode".into(), &"read".into());
    let state = |v: Result<JsValue, JsValue>| v.ok().and_then(|s| s.as_string()).unwrap_or_default();
    if state(call_async(handle, "queryPermission", &[opts.clone().into()]).await) == "granted" {
        return true;
    }
    state(call_async(handle, "requestPermission", &[opts.into()]).await) == "granted"
}

/// Walk a directory handle depth-first, delivering files in batches. Returns unreadable count.
pub async fn walk(root: JsValue, mut on_batch: impl FnMut(Vec<WalkedFile>)) -> usize {
    let mut unreadable = 0;
    let mut pending = Vec::new();
    let mut stack = vec![(root.clone(), name(&root))];
    while let Some((dir, prefix)) = stack.pop() {
        let Ok(iter) = method(&dir, "values").and_then(|f| f.call0(&dir)) else {
            unreadable += 1;
            continue;
        };
        loop {
            let Ok(step) = call_async(&iter, "next", &[]).await else {
                unreadable += 1;
                break;
            };
            if Reflect::get(&step, &"done".into()).ok().and_then(|d| d.as_bool()).unwrap_or(true) {
                break;
            }
            let Ok(entry) = Reflect::get(&step, &"value".into()) else { continue };
            let kind = Reflect::get(&entry, &"kind".into()).ok().and_then(|k| k.as_string()).unwrap_or_default();
            let path = format!("{prefix}/{}", name(&entry));
            if kind == "directory" {
                stack.push((entry, path));
            } else {
                match call_async(&entry, "getFile", &[]).await.and_then(|f| f.dyn_into::<File>()) {
                    Ok(file) => pending.push(WalkedFile::from_file(file, path)),
                    Err(_) => unreadable += 1,
                }
                if pending.len() >= BATCH {
                    on_batch(std::mem::take(&mut pending));
                }
            }
        }
    }
    if !pending.is_empty() {
        on_batch(pending);
    }
    unreadable
}

/// Permission already granted (no prompt, no gesture needed).
pub async fn has_permission(handle: &JsValue) -> bool {
    let opts = Object::new();
    let _ = Reflect::set(&opts, &"mode".into(), &"read".into());
    call_async(handle, "queryPermission", &[opts.into()]).await.ok().and_then(|s| s.as_string()).as_deref() == Some("granted")
}

/// Remember a picked folder or archive for the account `owner` (its `account_digest`), by
/// name: picking the same one again replaces it. Another account on this browser never sees it.
pub async fn remember(kv: &Kv, owner: &str, handle: &JsValue) -> Result<(), String> {
    kv.put(&format!("{owner}/{}", name(handle)), handle).await
}

/// The account's remembered handles (those an older build kept under a name alone belong to
/// no one and are not offered).
pub async fn remembered(kv: &Kv, owner: &str) -> Vec<JsValue> {
    let mine = |k: &str| k.split_once('/').is_some_and(|(o, _)| o == owner);
    kv.entries().await.unwrap_or_default().into_iter().filter(|(k, _)| mine(k)).map(|(_, v)| v).collect()
}

/// The remembered folders and archives the user allows reading (asked once each: call from a
/// click; a file handle asks as a folder's does).
pub async fn allowed(kv: &Kv, owner: &str) -> Vec<JsValue> {
    let mut granted = Vec::new();
    for h in remembered(kv, owner).await {
        if ensure_permission(&h).await {
            granted.push(h);
        }
    }
    granted
}

pub async fn forget_all(kv: &Kv) -> Result<(), String> {
    kv.clear().await
}
