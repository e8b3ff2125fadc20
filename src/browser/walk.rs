//! Folder walking: turns a drop (FileSystemEntry tree) or a folder input (FileList) into
//! `WalkedFile`s, delivered in batches so the page keeps rendering while 100,000 files stream in.
//!
//! A directory reader returns entries in batches (Chromium: 100); `readEntries` is called until
//! it returns none, otherwise big folders silently stop at 100 files.
use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, FileList, FileSystemDirectoryEntry, FileSystemDirectoryReader, FileSystemEntry, FileSystemFileEntry};

/// One file found by a walk, with its contract `relativePath` (includes the chosen folder's name).
#[derive(Clone)]
pub struct WalkedFile {
    pub file: File,
    pub relative_path: String,
}

/// How many files to gather before handing a batch to the caller.
pub const BATCH: usize = 500;

/// Walk dropped entries depth-first, calling `on_batch` with up to [`BATCH`] files at a time.
/// Unreadable entries (ChromeOS gives null items; cloud-backed files can fail) are counted in
/// the returned number and otherwise skipped, never aborting the walk.
pub async fn walk_entries(roots: Vec<FileSystemEntry>, mut on_batch: impl FnMut(Vec<WalkedFile>)) -> usize {
    let mut unreadable = 0;
    let mut pending: Vec<WalkedFile> = Vec::new();
    let mut dirs: Vec<FileSystemDirectoryEntry> = Vec::new();
    let mut files: Vec<FileSystemFileEntry> = Vec::new();
    for entry in roots {
        classify(entry, &mut dirs, &mut files);
    }
    loop {
        if !files.is_empty() {
            let batch: Vec<FileSystemFileEntry> = std::mem::take(&mut files);
            // Each `file()` is a round trip to the browser process: ask for many at once.
            for chunk in batch.chunks(BATCH) {
                let resolved = futures::future::join_all(chunk.iter().map(entry_file)).await;
                for (entry, file) in chunk.iter().zip(resolved) {
                    match file {
                        Some(file) => pending.push(WalkedFile { file, relative_path: relative(&entry.full_path()) }),
                        None => unreadable += 1,
                    }
                }
                if pending.len() >= BATCH {
                    on_batch(std::mem::take(&mut pending));
                }
            }
        }
        let Some(dir) = dirs.pop() else { break };
        let reader = dir.create_reader();
        loop {
            let entries = match read_entries(&reader).await {
                Ok(e) => e,
                Err(_) => {
                    unreadable += 1;
                    break;
                }
            };
            if entries.length() == 0 {
                break;
            }
            for e in entries.iter() {
                // Chromium does not expose FileSystemEntry as a global, so an instanceof
                // check (dyn_into) would reject every entry.
                if e.is_object() {
                    classify(e.unchecked_into(), &mut dirs, &mut files);
                }
            }
        }
    }
    if !pending.is_empty() {
        on_batch(pending);
    }
    unreadable
}

/// Files from `<input type=file webkitdirectory>` (or a plain multi-file input), in batches,
/// yielding to the event loop between batches so a 100,000-file pick does not freeze the page.
pub async fn walk_file_list(list: FileList, mut on_batch: impl FnMut(Vec<WalkedFile>)) {
    let n = list.length();
    let mut i = 0;
    while i < n {
        let end = (i + BATCH as u32).min(n);
        let batch = (i..end)
            .filter_map(|k| list.get(k))
            .map(|file| {
                let rel = Reflect::get(&file, &"webkitRelativePath".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
                let relative_path = if rel.is_empty() { file.name() } else { rel };
                WalkedFile { file, relative_path }
            })
            .collect();
        on_batch(batch);
        i = end;
        crate::browser::clock::yield_now().await;
    }
}

fn classify(entry: FileSystemEntry, dirs: &mut Vec<FileSystemDirectoryEntry>, files: &mut Vec<FileSystemFileEntry>) {
    if entry.is_directory() {
        dirs.push(entry.unchecked_into());
    } else if entry.is_file() {
        files.push(entry.unchecked_into());
    }
}

/// `fullPath` is "/Holiday 2024/Day 1/IMG.jpg": the contract's relativePath has no leading slash.
fn relative(full_path: &str) -> String {
    full_path.trim_start_matches('/').to_string()
}

async fn read_entries(reader: &FileSystemDirectoryReader) -> Result<Array, JsValue> {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let _ = reader.read_entries_with_callback_and_callback(&resolve, &reject);
    });
    Ok(JsFuture::from(promise).await?.unchecked_into())
}

async fn entry_file(entry: &FileSystemFileEntry) -> Option<File> {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        entry.file_with_callback_and_callback(&resolve, &reject);
    });
    JsFuture::from(promise).await.ok()?.dyn_into::<File>().ok()
}
