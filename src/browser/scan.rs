//! Scanning a backup folder (a FileSystemDirectoryHandle) in a Web Worker (`www/scan-worker.js`),
//! so sizes and dates of 100,000 files cost the page's main thread nothing but the batches it
//! receives. Files come back as `FileSource::Handle`: opened through the folder handle only when
//! first inspected.
use futures::channel::mpsc;
use futures::StreamExt;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

use super::walk::{FileSource, WalkedFile, BATCH};

/// Walk `root` in a worker; `on_batch` gets files as they are found. Returns how many entries
/// could not be read, or why the scan could not run at all.
pub async fn scan(root: JsValue, mut on_batch: impl FnMut(Vec<WalkedFile>)) -> Result<u32, String> {
    let worker = Worker::new("/scan-worker.js").map_err(|e| format!("{e:?}"))?;
    let (tx, mut rx) = mpsc::unbounded::<JsValue>();
    let tx_err = tx.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |m: MessageEvent| {
        let _ = tx.unbounded_send(m.data());
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // A worker that fails to load or throws ends the scan (with an error), never hangs it.
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_e: web_sys::Event| {
        let _ = tx_err.unbounded_send(JsValue::NULL);
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let msg = Object::new();
    let _ = Reflect::set(&msg, &"root".into(), &root);
    let _ = Reflect::set(&msg, &"batch".into(), &(BATCH as u32).into());
    worker.post_message(&msg).map_err(|e| format!("{e:?}"))?;
    let mut unreadable = 0;
    while let Some(data) = rx.next().await {
        if data.is_null() {
            worker.terminate();
            return Err("the folder scan stopped: its worker failed".into());
        }
        if Reflect::get(&data, &"done".into()).ok().and_then(|d| d.as_bool()) == Some(true) {
            unreadable = Reflect::get(&data, &"unreadable".into()).ok().and_then(|u| u.as_f64()).unwrap_or(0.0) as u32;
            break;
        }
        let Ok(files) = Reflect::get(&data, &"files".into()).and_then(|f| f.dyn_into::<Array>()) else { continue };
        let get = |o: &JsValue, k: &str| Reflect::get(o, &k.into()).unwrap_or(JsValue::UNDEFINED);
        let batch = files
            .iter()
            .map(|f| {
                let path = get(&f, "path").as_string().unwrap_or_default();
                WalkedFile {
                    source: FileSource::Handle { root: root.clone(), path: path.clone() },
                    name: get(&f, "name").as_string().unwrap_or_default(),
                    relative_path: path,
                    size: get(&f, "size").as_f64().unwrap_or(0.0) as u64,
                    last_modified: get(&f, "lastModified").as_f64().unwrap_or(0.0) as i64,
                    mime: get(&f, "type").as_string().unwrap_or_default(),
                    album: None,
                }
            })
            .collect();
        on_batch(batch);
    }
    worker.terminate();
    drop((on_message, on_error));
    Ok(unreadable)
}
