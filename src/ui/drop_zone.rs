//! The drop zone: the whole window accepts dropped folders and files. Entries are taken from
//! the DataTransfer synchronously in the drop handler (they vanish after it returns).
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, FileSystemEntry};

use crate::driver::{intent, Intent};
use crate::strings as s;

#[component]
pub fn DropZone(children: Children) -> impl IntoView {
    let over = RwSignal::new(false);
    let on_drag_over = move |e: DragEvent| {
        e.prevent_default();
        if let Some(dt) = e.data_transfer() {
            dt.set_drop_effect("copy");
        }
        over.set(true);
    };
    let on_drag_leave = move |e: DragEvent| {
        // Leaving into a child element still counts as inside.
        if e.related_target().is_none() {
            over.set(false);
        }
    };
    let on_drop = move |e: DragEvent| {
        e.prevent_default();
        over.set(false);
        let Some(dt) = e.data_transfer() else { return };
        let items = dt.items();
        let mut entries: Vec<FileSystemEntry> = Vec::new();
        for i in 0..items.length() {
            if let Some(item) = items.get(i) {
                if item.kind() != "file" {
                    continue;
                }
                if let Ok(Some(entry)) = item.webkit_get_as_entry() {
                    entries.push(entry.unchecked_into());
                }
            }
        }
        if !entries.is_empty() {
            intent(Intent::AddEntries(entries));
        } else if let Some(files) = dt.files() {
            // Browsers (and ChromeOS drops) without entries still give plain files.
            intent(Intent::AddFiles(files));
        }
    };
    view! {
        <div class="drop-zone" class:drag-over=move || over.get() data-testid="drop-zone"
            on:dragenter=on_drag_over on:dragover=on_drag_over on:dragleave=on_drag_leave on:drop=on_drop>
            {children()}
            <div class="drop-overlay" aria-hidden="true"><p>{s::drop_active()}</p></div>
        </div>
    }
}
