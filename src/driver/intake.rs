//! Intake: the ways files enter a backup (a drop, a folder input, a picked or remembered
//! folder), each walked in batches into the engine, and the lazy opening of dropped files.
use shoebox_core::engine::{Action, FileEntry, FileId};
use web_sys::{File, FileList, FileSystemEntry};

use super::{publish, step, with};
use crate::browser::{clock, folder_handles, walk};
use crate::store::FolderStat;

/// Dropped entries: walk them (lazily, in batches) into the engine.
pub fn add_entries(entries: Vec<FileSystemEntry>) {
    with(|d| d.walking += 1);
    step(|_, _| {});
    wasm_bindgen_futures::spawn_local(async move {
        walk::walk_entries(entries, add_batch).await;
        walk_ended();
    });
}

/// "Choose folders" where the browser has showDirectoryPicker: the handle is remembered so a
/// reload can continue with one permission prompt.
pub fn pick_folder() {
    wasm_bindgen_futures::spawn_local(async move {
        let handle = match folder_handles::pick().await {
            Ok(Some(h)) => h,
            Ok(None) => return,
            Err(e) => {
                web_sys::console::warn_1(&format!("folder picker failed: {e}").into());
                return;
            }
        };
        if let Some(kv) = with(|d| d.folders_kv.clone()).flatten() {
            let _ = folder_handles::remember(&kv, &handle).await;
        }
        walk_handles(vec![handle]).await;
    });
}

/// "Continue your backup": ask once for the remembered folders, walk them, and start.
pub fn continue_remembered() {
    wasm_bindgen_futures::spawn_local(async move {
        let Some(kv) = with(|d| d.folders_kv.clone()).flatten() else { return };
        let mut granted = Vec::new();
        for h in folder_handles::remembered(&kv).await {
            if folder_handles::ensure_permission(&h).await {
                granted.push(h);
            }
        }
        if granted.is_empty() {
            return;
        }
        with(|d| d.auto_start = true);
        walk_handles(granted).await;
    });
}

async fn walk_handles(handles: Vec<wasm_bindgen::JsValue>) {
    with(|d| d.walking += 1);
    step(|_, _| {});
    for h in handles {
        folder_handles::walk(h, add_batch).await;
    }
    walk_ended();
}

/// Files from an input.
pub fn add_file_list(list: FileList) {
    with(|d| d.walking += 1);
    wasm_bindgen_futures::spawn_local(async move {
        walk::walk_file_list(list, add_batch).await;
        walk_ended();
    });
}

fn add_batch(batch: Vec<walk::WalkedFile>) {
    with(|d| {
        let mut entries = Vec::with_capacity(batch.len());
        for w in batch {
            let id = FileId(d.files.len() as u64);
            let size = w.size;
            // A folder's figures include its sub-folders, so each ancestor counts the file.
            let mut folder = crate::store::folder_of(&w.relative_path);
            loop {
                let stat = d.folders.entry(folder.to_string()).or_insert(FolderStat { files: 0, bytes: 0, included: true });
                stat.files += 1;
                stat.bytes += size;
                if folder.is_empty() || !folder.contains('/') {
                    break;
                }
                folder = crate::store::folder_of(folder);
            }
            entries.push(FileEntry {
                id,
                name: w.name,
                relative_path: w.relative_path.clone(),
                size,
                last_modified: w.last_modified,
                mime: w.mime,
            });
            d.paths.push(w.relative_path);
            d.files.push(w.source);
        }
        d.folders_dirty = true;
        let ids: Vec<FileId> = entries.iter().map(|e| e.id).collect();
        d.engine.add_files(entries, clock::now_ms());
        publish::append_rows(d, &ids);
        d.pump();
    });
}

/// The `File` of an id, opening a dropped entry the first time (and keeping the `File`), or
/// why it cannot be read, in the user's words.
pub(crate) async fn open(id: FileId) -> Result<File, String> {
    let unreadable = || crate::strings::FILE_UNREADABLE.to_string();
    let source = with(|d| d.source(id)).flatten().ok_or_else(unreadable)?;
    let file = source.resolve().await.ok_or_else(unreadable)?;
    if matches!(source, walk::FileSource::Entry(_)) {
        with(|d| d.files[id.0 as usize] = walk::FileSource::File(file.clone()));
    }
    Ok(file)
}

/// A walk ended: start the inspections held back while it ran.
fn walk_ended() {
    with(|d| {
        d.walking -= 1;
        if d.walking == 0 {
            for file in std::mem::take(&mut d.deferred_inspect) {
                d.perform(Action::Inspect { file });
            }
        }
    });
    step(|_, _| {});
}
