//! The library's selection, and moving it to the Trash or back (the server keeps the bytes;
//! nothing on this device is touched).
use leptos::prelude::*;
use shoebox_core::api::TrashRequest;

use super::{calls, done, failed, with};
use crate::strings::library as s;

pub fn toggle(id: String) {
    with(|l| {
        l.w.selected.update(|sel| match sel.iter().position(|x| x == &id) {
            Some(i) => {
                sel.remove(i);
            }
            None => sel.push(id),
        })
    });
}

/// Trash (or restore) `ids`, or the selection when None.
pub fn send(trash: bool, ids: Option<Vec<String>>) {
    let Some(ids) = ids.or_else(|| with(|l| l.r.selected.get_untracked())) else { return };
    if ids.is_empty() {
        return;
    }
    let path = if trash { "/api/v1/media/trash" } else { "/api/v1/media/restore" };
    let body = serde_json::to_string(&TrashRequest { ids }).unwrap_or_default();
    wasm_bindgen_futures::spawn_local(async move {
        match calls::call("POST", path, Some(body)).await {
            Ok((_, answer)) => {
                let v: serde_json::Value = serde_json::from_str(&answer).unwrap_or_default();
                let n = v.get(if trash { "trashed" } else { "restored" }).and_then(|n| n.as_u64()).unwrap_or(0);
                done(if trash { s::trashed(n) } else { s::restored(n) });
            }
            Err(_) => failed(),
        }
    });
}
