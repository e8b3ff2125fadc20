//! Intake: the ways files enter a backup (a drop, a folder input, a picked or remembered
//! folder or archive), each walked in batches into the engine, and the lazy opening of dropped
//! files.
use shoebox_core::engine::{FileEntry, FileId};
use shoebox_core::failure::FailReason;
use shoebox_core::takeout::archive::kept_by_handle;
use web_sys::{File, FileList, FileSystemEntry};

use super::{publish, step, with};
use crate::browser::{clock, folder_handles, idb, walk};

/// Dropped entries: walk them (lazily, in batches) into the engine.
pub(super) fn add_entries(entries: Vec<FileSystemEntry>) {
    step(|e, now| e.walk_started(now));
    wasm_bindgen_futures::spawn_local(async move {
        walk::walk_entries(entries, |named| step(|e, now| e.files_named(named, now)), |b| add_walked(b, false)).await;
        walk_ended();
    });
}

/// "Choose folders" where the browser has showDirectoryPicker: the handle is remembered so a
/// reload can continue with one permission prompt.
pub(super) fn pick_folder() {
    wasm_bindgen_futures::spawn_local(async move {
        let picked = folder_handles::pick().await.inspect_err(|e| web_sys::console::warn_1(&format!("folder picker failed: {e}").into()));
        let Ok(Some(handle)) = picked else { return };
        if let Some((Some(kv), owner)) = with(|d| (d.folders_kv.clone(), d.engine.account_digest())) {
            let _ = folder_handles::remember(&kv, &owner, &handle).await;
        }
        walk_handles(vec![handle]).await;
    });
}

/// "Choose files" where the browser has showOpenFilePicker: the files go in as the input's
/// would (an archive is expanded by the engine as before); the archives' handles are remembered
/// so a reload can continue with one permission prompt each (`kept_by_handle` says which).
pub(super) fn pick_files() {
    wasm_bindgen_futures::spawn_local(async move {
        let picked =
            folder_handles::pick_files().await.inspect_err(|e| web_sys::console::warn_1(&format!("file picker failed: {e}").into()));
        let Ok(handles) = picked else { return };
        if handles.is_empty() {
            return;
        }
        if let Some((Some(kv), owner)) = with(|d| (d.folders_kv.clone(), d.engine.account_digest())) {
            for h in handles.iter().filter(|h| kept_by_handle(&folder_handles::name(h))) {
                let _ = folder_handles::remember(&kv, &owner, h).await;
            }
        }
        walk_handles(handles).await;
    });
}

/// "Continue your backup": ask once for each remembered folder and archive, read them, and start.
pub(super) fn continue_remembered() {
    wasm_bindgen_futures::spawn_local(async move {
        let Some((Some(kv), owner)) = with(|d| (d.folders_kv.clone(), d.engine.account_digest())) else { return };
        let granted = folder_handles::allowed(&kv, &owner).await;
        if granted.is_empty() {
            return;
        }
        step(|e, now| e.start_when_planned(now));
        walk_handles(granted).await;
    });
}

/// Folder handles are walked; file handles (chosen files, remembered archives) yield their
/// file, all in one batch as an input's list does.
async fn walk_handles(handles: Vec<wasm_bindgen::JsValue>) {
    step(|e, now| e.walk_started(now));
    let (files, folders): (Vec<_>, Vec<_>) = handles.into_iter().partition(folder_handles::is_file);
    let mut batch = Vec::with_capacity(files.len());
    for h in &files {
        batch.extend(folder_handles::file(h).await);
    }
    let mut batch = batch.into_iter().peekable();
    while batch.peek().is_some() {
        add_walked(batch.by_ref().take(walk::BATCH).collect(), false);
        clock::yield_now().await;
    }
    for h in folders {
        folder_handles::walk(h, |b| add_walked(b, false)).await;
    }
    walk_ended();
}

/// Files from an input.
pub(super) fn add_file_list(list: FileList) {
    step(|e, now| e.walk_started(now));
    wasm_bindgen_futures::spawn_local(async move {
        walk::walk_file_list(list, |b| add_walked(b, false)).await;
        walk_ended();
    });
}

/// Files found by a walk or a scan into the engine, each with its id, source and row. Scanned
/// files go through the engine's `take_fresh` first: only new or changed ones are added.
pub(super) fn add_walked(batch: Vec<walk::WalkedFile>, scanned: bool) {
    with(|d| {
        let mut pairs: Vec<(FileEntry, walk::FileSource)> = batch.into_iter().map(walk::WalkedFile::into_entry).collect();
        if scanned {
            // The engine keeps what is new or changed, in order: match its answer back.
            let fresh = d.engine.take_fresh(pairs.iter().map(|(e, _)| e.clone()).collect());
            let mut next = fresh.iter().peekable();
            pairs.retain(|(e, _)| next.next_if(|f| f.relative_path == e.relative_path).is_some());
        }
        let mut entries = Vec::with_capacity(pairs.len());
        for (mut e, source) in pairs {
            e.id = FileId(d.files.len() as u64);
            d.paths.push(e.relative_path.clone());
            d.files.push(source);
            entries.push(e);
        }
        let ids: Vec<FileId> = entries.iter().map(|e| e.id).collect();
        if !entries.is_empty() {
            d.engine.add_files(entries, clock::now_ms());
            publish::append_rows(d, &ids);
        }
        d.pump();
    });
}

/// The `File` of an id, opening a dropped entry the first time (and keeping the `File`), or
/// why it cannot be read, in the user's words.
pub(crate) async fn open(id: FileId) -> Result<File, FailReason> {
    let source = with(|d| d.files.get(id.0 as usize).cloned()).flatten().ok_or(FailReason::Unreadable)?;
    let pool = with(|d| d.pool.clone()).ok_or(FailReason::Unreadable)?;
    let file = source.resolve(&pool).await?;
    if let walk::FileSource::Zip { entry, .. } = &source {
        if let Some(crc) = entry.stored_crc() {
            with(|d| d.stored_crc.insert(id.0, crc));
        }
    }
    if matches!(source, walk::FileSource::Entry(_) | walk::FileSource::Zip { .. }) {
        with(|d| d.files[id.0 as usize] = walk::FileSource::File(file.clone()));
    }
    Ok(file)
}

/// Archive entries added to the engine in one turn of the page.
const ARCHIVE_ENTRIES_AT_ONCE: usize = 2_000;

/// The good entries of a chosen archive, added like a walk's files (the engine counted the
/// walk as started; this ends it).
pub(super) fn add_archive_entries(archive: FileId, entries: Vec<shoebox_core::takeout::archive::ZipEntry>) {
    wasm_bindgen_futures::spawn_local(async move {
        if let Ok(file) = open(archive).await {
            let mut entries = entries.into_iter().peekable();
            // A part of 50,000 entries added in one go was one long task of the page: a few
            // thousand at a time, with a turn of the page between, as a folder's walk adds them.
            while entries.peek().is_some() {
                let batch = entries
                    .by_ref()
                    .take(ARCHIVE_ENTRIES_AT_ONCE)
                    .map(|entry| walk::WalkedFile {
                        relative_path: entry.name.clone(),
                        name: entry.name.rsplit('/').next().unwrap_or(&entry.name).to_string(),
                        size: entry.size,
                        last_modified: file.last_modified() as i64,
                        mime: String::new(),
                        album: None,
                        source: walk::FileSource::Zip { archive: file.clone(), entry: std::rc::Rc::new(entry) },
                    })
                    .collect();
                add_walked(batch, false);
                clock::yield_now().await;
            }
        }
        walk_ended();
    });
}

/// Keeps what an export batch left for a later one (nowhere on a kiosk, which has no store).
pub(super) fn keep_takeout(kv: Option<idb::Kv>, put: Vec<(String, String)>, forget: Vec<String>) {
    let Some(kv) = kv else { return };
    let put: Vec<(String, wasm_bindgen::JsValue)> = put.into_iter().map(|(k, v)| (k, v.into())).collect();
    if let Err(e) = kv.write_now(&put, &forget) {
        web_sys::console::warn_1(&format!("takeout: could not keep what waits: {e}").into());
    }
}

/// A walk ended: the engine starts the inspections it held back while walks ran.
pub(super) fn walk_ended() {
    step(|e, now| e.walk_ended(now));
}

/// Files handed to the app (shared to it, or opened with it): backed up at once, no plan step.
pub(super) fn add_handed_files(files: Vec<web_sys::File>, album: Option<String>) {
    let batch = files
        .into_iter()
        .map(|f| {
            let name = f.name();
            walk::WalkedFile { album: album.clone(), ..walk::WalkedFile::from_file(f, name) }
        })
        .collect();
    step(|e, now| {
        e.start_when_planned(now);
        e.walk_started(now);
    });
    add_walked(batch, false);
    walk_ended();
}
