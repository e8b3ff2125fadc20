//! Calls on File System Access handles: their promise-returning methods as futures, and a file
//! opened by its path under a folder handle. A leaf below both walks (`walk`, `folder_handles`):
//! a walked file remembers its folder handle and path, and is opened from them when needed.
use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::File;

pub(super) fn method(target: &JsValue, name: &str) -> Result<Function, JsValue> {
    Reflect::get(target, &name.into())?.dyn_into::<Function>()
}

pub(super) async fn call_async(target: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f = method(target, name)?;
    let p = match args {
        [] => f.call0(target)?,
        [a] => f.call1(target, a)?,
        [a, b, ..] => f.call2(target, a, b)?,
    };
    JsFuture::from(p.dyn_into::<Promise>()?).await
}

/// The file at `path` (its first segment is the root's own name) under a folder handle.
pub async fn open_path(root: &JsValue, path: &str) -> Option<File> {
    let mut parts: Vec<&str> = path.split('/').skip(1).collect();
    let file = parts.pop()?;
    let mut dir = root.clone();
    for p in parts {
        dir = call_async(&dir, "getDirectoryHandle", &[p.into()]).await.ok()?;
    }
    let handle = call_async(&dir, "getFileHandle", &[file.into()]).await.ok()?;
    call_async(&handle, "getFile", &[]).await.ok()?.dyn_into::<File>().ok()
}
