//! Folder walking: turns a drop (FileSystemEntry tree) or a folder input (FileList) into
//! `WalkedFile`s, delivered in batches so the page keeps rendering while 100,000 files stream in.
//!
//! A dropped tree is listed with names, sizes and dates only (`getMetadata`), never `file()`:
//! in Chromium `file()` costs far more browser-process work per file than listing plus
//! metadata (figures: BENCHMARKS.md, "Figures behind the code's constants"). The `File` is
//! fetched later, once, when the file is
//! first inspected ([`FileSource::resolve`]). Several directories and many metadata calls are
//! in flight at once because each is a round trip to the browser process.
//!
//! Names come first: each directory's file count is reported (`on_names`) as soon as it is
//! read, so the plan shows every folder and its count within about a second of a 100,000-file
//! drop, while the sizes (seconds more of `getMetadata`) fill in behind. While directories are
//! still being read, few metadata calls run, so the listing is not queued behind them.
//!
//! A directory reader returns entries in batches (Chromium: 100); `readEntries` is called until
//! it returns none, otherwise big folders silently stop at 100 files.
use futures::future::LocalBoxFuture;
use futures::stream::{FuturesUnordered, StreamExt};
use js_sys::{Array, Function, Promise, Reflect};
use shoebox_core::engine::{FileEntry, FileId};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, FileList, FileSystemDirectoryEntry, FileSystemDirectoryReader, FileSystemEntry, FileSystemFileEntry};

/// Where a walked file's bytes come from.
#[derive(Clone)]
pub enum FileSource {
    File(File),
    /// A dropped file not opened yet.
    Entry(FileSystemFileEntry),
    /// A file of a backup folder found by a scan: `path` from the folder handle `root`
    /// (including the folder's own name), opened when first needed.
    Handle {
        root: wasm_bindgen::JsValue,
        path: String,
    },
    /// An entry of a chosen `.zip` archive, read in place when first needed (`zip_entry`).
    Zip {
        archive: File,
        entry: std::rc::Rc<shoebox_core::takeout::archive::ZipEntry>,
    },
}

impl FileSource {
    /// The `File`, opening a dropped entry (one browser round trip) or an archive's entry (a
    /// deflated one inflated by a worker of `pool`). `Unreadable` when the file can no longer
    /// be read (moved, deleted, permission gone).
    pub async fn resolve(&self, pool: &super::worker_pool::WorkerPool) -> Result<File, shoebox_core::failure::FailReason> {
        let found = match self {
            FileSource::File(f) => Some(f.clone()),
            FileSource::Entry(e) => {
                let _permit = OPENING.with(|l| l.clone()).acquire().await;
                // Ask from a task of its own: asked from the previous answer's continuation,
                // the answer comes back inside the same batch of replies and one task ends
                // up handling dozens of them.
                super::clock::yield_now().await;
                entry_file(e).await
            }
            FileSource::Handle { root, path } => {
                let _permit = OPENING.with(|l| l.clone()).acquire().await;
                super::handle_calls::open_path(root, path).await
            }
            FileSource::Zip { archive, entry } => return super::zip_entry::open(archive, entry, pool).await,
        };
        found.ok_or(shoebox_core::failure::FailReason::Unreadable)
    }
}

/// Dropped files being opened at once (see `limiter` for why so few).
const OPEN_AT_ONCE: usize = 4;

thread_local! {
    static OPENING: super::limiter::Limiter = super::limiter::Limiter::new(OPEN_AT_ONCE);
}

/// One file found by a walk, with its contract `relativePath` (includes the chosen folder's name).
#[derive(Clone)]
pub struct WalkedFile {
    pub source: FileSource,
    pub relative_path: String,
    pub name: String,
    pub size: u64,
    /// ms since the epoch (the same value as `File.lastModified`).
    pub last_modified: i64,
    /// `File.type`; empty for an entry not opened yet (the engine then uses the sniffed type).
    pub mime: String,
    /// An album for this file alone (files shared to the app).
    pub album: Option<String>,
}

impl WalkedFile {
    pub fn from_file(file: File, relative_path: String) -> Self {
        WalkedFile {
            relative_path,
            name: file.name(),
            size: file.size() as u64,
            last_modified: file.last_modified() as i64,
            mime: file.type_(),
            album: None,
            source: FileSource::File(file),
        }
    }

    /// What the engine is told about it (its id still to be given), and where its bytes are.
    pub fn into_entry(self) -> (FileEntry, FileSource) {
        let WalkedFile { name, relative_path, size, last_modified, mime, album, source } = self;
        (FileEntry { id: FileId(0), name, relative_path, size, last_modified, mime, album }, source)
    }
}

/// How many files to gather before handing a batch to the caller.
pub const BATCH: usize = 500;
/// Directories read at once, and metadata calls per group (groups in flight: `META_GROUPS`).
/// More calls in flight than these allow gain nothing (BENCHMARKS.md, "Figures behind the
/// code's constants").
const DIRS_AT_ONCE: usize = 4;
const META_GROUP: usize = 64;
const META_GROUPS: usize = 16;
/// Metadata groups in flight while directories are still being read: none, so the names (and
/// the plan's folder counts) are not queued behind thousands of metadata calls; the sizes
/// then take the same time as they would have anyway (Chromium's floor lists first too).
const META_GROUPS_WHILE_LISTING: usize = 0;
/// Groups started per turn of the loop, and the main-thread time after which the walk yields
/// to the browser. Each `getMetadata` call costs the main thread some work, so starting every
/// group at once makes one long task; a few groups per turn and a yield every few milliseconds
/// keep every task short.
const NEW_GROUPS_PER_TURN: usize = 2;
const SLICE_MS: u64 = 8;

enum Done {
    /// A directory read: its relativePath and its entries.
    Dir(String, Result<Vec<FileSystemEntry>, ()>),
    Meta(Vec<(FileSystemFileEntry, Option<Listed>)>),
}

/// Walk dropped entries, calling `on_names` with `(folder, files directly in it)` as each
/// directory is read and `on_batch` with up to [`BATCH`] files (names and sizes) at a time.
/// Unreadable entries (ChromeOS gives null items; cloud-backed files can fail) are counted in
/// the returned number and otherwise skipped, never aborting the walk.
pub async fn walk_entries(
    roots: Vec<FileSystemEntry>,
    mut on_names: impl FnMut(Vec<(String, u64)>),
    mut on_batch: impl FnMut(Vec<WalkedFile>),
) -> usize {
    let mut unreadable = 0;
    let mut pending: Vec<WalkedFile> = Vec::new();
    let mut dirs: Vec<FileSystemDirectoryEntry> = Vec::new();
    let mut files: Vec<FileSystemFileEntry> = Vec::new();
    let mut loose = 0;
    for entry in roots {
        loose += classify(entry, &mut dirs, &mut files);
    }
    on_names(vec![(String::new(), loose)]);
    let mut tasks: FuturesUnordered<LocalBoxFuture<'static, Done>> = FuturesUnordered::new();
    let (mut dirs_out, mut metas_out) = (0, 0);
    let mut slice_start = super::clock::now_ms();
    loop {
        while dirs_out < DIRS_AT_ONCE {
            let Some(dir) = dirs.pop() else { break };
            dirs_out += 1;
            tasks.push(Box::pin(async move { Done::Dir(relative(&dir.full_path()), read_all(&dir).await) }));
        }
        let mut started = 0;
        let groups = if dirs.is_empty() && dirs_out == 0 { META_GROUPS } else { META_GROUPS_WHILE_LISTING };
        while metas_out < groups && !files.is_empty() && started < NEW_GROUPS_PER_TURN {
            started += 1;
            let group: Vec<FileSystemFileEntry> = files.drain(..files.len().min(META_GROUP)).collect();
            metas_out += 1;
            tasks.push(Box::pin(async move {
                let sizes = futures::future::join_all(group.iter().map(metadata)).await;
                Done::Meta(group.into_iter().zip(sizes).collect())
            }));
        }
        let Some(done) = tasks.next().await else { break };
        match done {
            Done::Dir(path, entries) => {
                dirs_out -= 1;
                match entries {
                    Ok(entries) => {
                        let named = entries.into_iter().map(|e| classify(e, &mut dirs, &mut files)).sum();
                        on_names(vec![(path, named)]);
                    }
                    Err(()) => unreadable += 1,
                }
            }
            Done::Meta(group) => {
                metas_out -= 1;
                for (entry, meta) in group {
                    let relative_path = relative(&entry.full_path());
                    match meta {
                        Some(Listed::Meta { size, last_modified }) => pending.push(WalkedFile {
                            relative_path,
                            name: entry.name(),
                            size,
                            last_modified,
                            mime: String::new(),
                            album: None,
                            source: FileSource::Entry(entry),
                        }),
                        Some(Listed::File(file)) => pending.push(WalkedFile::from_file(file, relative_path)),
                        None => unreadable += 1,
                    }
                }
                if pending.len() >= BATCH {
                    on_batch(std::mem::take(&mut pending));
                }
            }
        }
        if super::clock::now_ms().saturating_sub(slice_start) >= SLICE_MS {
            super::clock::yield_now().await;
            slice_start = super::clock::now_ms();
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
                WalkedFile::from_file(file, relative_path)
            })
            .collect();
        on_batch(batch);
        i = end;
        crate::browser::clock::yield_now().await;
    }
}

/// Sort an entry into directories to read or files to list; 1 for a file.
fn classify(entry: FileSystemEntry, dirs: &mut Vec<FileSystemDirectoryEntry>, files: &mut Vec<FileSystemFileEntry>) -> u64 {
    if entry.is_directory() {
        dirs.push(entry.unchecked_into());
    } else if entry.is_file() {
        files.push(entry.unchecked_into());
        return 1;
    }
    0
}

/// `fullPath` is "/Holiday 2024/Day 1/IMG.jpg": the contract's relativePath has no leading slash.
fn relative(full_path: &str) -> String {
    full_path.trim_start_matches('/').to_string()
}

/// Every entry of one directory (`readEntries` until it returns none).
async fn read_all(dir: &FileSystemDirectoryEntry) -> Result<Vec<FileSystemEntry>, ()> {
    let reader = dir.create_reader();
    let mut out = Vec::new();
    loop {
        let entries = read_entries(&reader).await.map_err(|_| ())?;
        if entries.length() == 0 {
            return Ok(out);
        }
        // Chromium does not expose FileSystemEntry as a global, so an instanceof check
        // (dyn_into) would reject every entry.
        out.extend(entries.iter().filter(|e| e.is_object()).map(|e| e.unchecked_into::<FileSystemEntry>()));
    }
}

async fn read_entries(reader: &FileSystemDirectoryReader) -> Result<Array, JsValue> {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let _ = reader.read_entries_with_callback_and_callback(&resolve, &reject);
    });
    Ok(JsFuture::from(promise).await?.unchecked_into())
}

/// What listing one dropped file gave: its metadata, or (browsers without `getMetadata`) the
/// opened `File`.
enum Listed {
    Meta { size: u64, last_modified: i64 },
    File(File),
}

/// Size and modification time (ms) through `getMetadata`, which web-sys does not bind (it is
/// outside the entries spec but in Chromium and Safari); elsewhere the file is opened.
async fn metadata(entry: &FileSystemFileEntry) -> Option<Listed> {
    let Some(get) = Reflect::get(entry, &"getMetadata".into()).ok().and_then(|f| f.dyn_into::<Function>().ok()) else {
        return entry_file(entry).await.map(Listed::File);
    };
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let _ = get.call2(entry, &resolve, &reject);
    });
    let meta = JsFuture::from(promise).await.ok()?;
    let size = Reflect::get(&meta, &"size".into()).ok()?.as_f64()?;
    let date = Reflect::get(&meta, &"modificationTime".into()).ok()?;
    let ms = date.dyn_ref::<js_sys::Date>().map(|d| d.get_time()).unwrap_or(0.0);
    Some(Listed::Meta { size: size as u64, last_modified: ms as i64 })
}

async fn entry_file(entry: &FileSystemFileEntry) -> Option<File> {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        entry.file_with_callback_and_callback(&resolve, &reject);
    });
    JsFuture::from(promise).await.ok()?.dyn_into::<File>().ok()
}
