//! The driver: the one loop that runs the engine in the browser. It performs the engine's
//! actions with the browser adapters (workers, XHR, IndexedDB, timers), feeds the results
//! back, and publishes the engine's state to the UI store a few times a second.
//!
//! The driver decides nothing: every rule about what happens next is in the engine. The UI
//! never touches the engine or the driver's functions: it sends `Intent`s through [`intent`].
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use leptos::prelude::*;
use shoebox_core::companions::Companions;
use shoebox_core::engine::{Action, ChecksumAlgo, Engine, EngineSettings, Event, FileId, PrepareOutcome, RequestId, Status};
use web_sys::Blob;

use crate::browser::resume_store::ResumeStore;
use crate::browser::worker_pool::{PrepareResult, WorkerPool};
use crate::browser::{clock, folder_handles, idb, network, service_worker, walk, xhr};
use crate::settings::Settings;
use crate::store::{PageMode, Store, StoreWriter};
use crate::strings::status::headline;

mod devices;
mod http;
mod intake;
mod intents;
pub mod kiosk;
mod language;
pub mod library;
mod page;
mod publish;
mod sync;

use intake::open;
pub use intents::{intent, Intent};

pub(crate) struct Inner {
    engine: Engine,
    store: Store,
    w: StoreWriter,
    /// Each file's bytes, by id; dropped files are opened when first inspected.
    files: Vec<walk::FileSource>,
    paths: Vec<String>,
    prepared: HashMap<FileId, Blob>,
    digests: HashMap<FileId, http::Ahead>,
    requests: HashMap<RequestId, xhr::XhrHandle>,
    /// What the engine said changed since the last publish.
    dirty: HashSet<FileId>,
    dirty_status: bool,
    dirty_totals: bool,
    dirty_folders: bool,
    flush_scheduled: bool,
    timer: clock::Timer,
    companions: Companions,
    resume: Option<ResumeStore>,
    folders_kv: Option<idb::Kv>,
    /// What an export batch left for a later one (none on a kiosk: the visit's memory only).
    takeout_kv: Option<idb::Kv>,
    /// The CRC-32 of each stored archive entry, by file id: its hash pass checks it.
    stored_crc: std::collections::HashMap<u64, u32>,
    sync: sync::SyncState,
    devices: devices::DevicesCtx,
    /// Kiosk mode (`/?kiosk=NAME&key=KEY`), else None.
    kiosk: Option<kiosk::KioskCtx>,
    pool: Rc<WorkerPool>,
    origin: String,
}

thread_local! {
    static DRIVER: RefCell<Option<Rc<RefCell<Inner>>>> = const { RefCell::new(None) };
}

/// How long an export's plan waits for the store of what earlier batches left.
const TAKEOUT_STORE_WAIT_MS: u64 = 5_000;

fn with<R>(f: impl FnOnce(&mut Inner) -> R) -> Option<R> {
    let d = DRIVER.with(|d| d.borrow().clone())?;
    let mut inner = d.borrow_mut();
    Some(f(&mut inner))
}

/// Start the page afresh (the settings are saved first): another account gets a page with
/// nothing of the previous one in memory.
fn fresh_page() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// Run `f` on the engine with the current time, then perform whatever it asks.
fn step(f: impl FnOnce(&mut Engine, u64)) {
    with(|d| {
        f(&mut d.engine, clock::now_ms());
        d.pump();
    });
}

/// A file of this page's backup, as the browser has it (for the file list's thumbnails). A
/// deflated archive entry not opened yet (or that failed to inflate) has none: inflating it
/// for a row that is drawn again and again would keep the workers from the backup itself.
pub async fn local_file(id: u32) -> Option<web_sys::File> {
    let (source, pool) = with(|d| Some((d.files.get(id as usize).cloned()?, d.pool.clone())))??;
    if matches!(&source, walk::FileSource::Zip { entry, .. } if entry.packing == shoebox_core::takeout::archive::Packing::Deflated) {
        return None;
    }
    source.resolve(&pool).await.ok()
}

/// The engine's settings for these, on this page.
pub fn engine_settings(s: &Settings, origin: &str) -> EngineSettings {
    s.engine(origin, kiosk::params().is_some())
}

/// Create the driver for this page (once) and its store, load resume records, and watch the
/// network. A kiosk reads and writes no settings: every visitor starts from the defaults.
pub fn start() -> Store {
    if let Some(store) = with(|d| d.store) {
        return store;
    }
    let mode = match kiosk::params() {
        None => PageMode::App,
        Some(kiosk::Mode::Kiosk { .. }) => PageMode::Kiosk,
        Some(kiosk::Mode::Phone { .. }) => PageMode::Phone,
    };
    let settings = if mode == PageMode::App { crate::settings::load() } else { Settings::default() };
    // Kiosk and phone pages choose folders and files through the inputs only: their files go
    // to the visit (`kiosk::choose`), and a picked handle would outlive the visitor in the
    // browser's memory of the last folder picked.
    let pick = folder_handles::supported() && mode == PageMode::App;
    let (store, w) = Store::new(settings, mode, pick, crate::browser::touch::phone());
    w.file_picker.set(mode == PageMode::App && folder_handles::files_supported());
    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    let settings = engine_settings(&store.settings.get_untracked(), &origin);
    let pool = Rc::new(WorkerPool::new(WorkerPool::default_size()));
    let mut engine = Engine::new(settings);
    engine.set_workers(pool.size(), pool.size());
    // The worker digests chunks with every algorithm the engine knows (WebCrypto, or crc32c,
    // sha1 and md-5 in wasm).
    engine.set_checksum_support(&ChecksumAlgo::ALL);
    engine.set_online(network::is_online(), clock::now_ms());
    engine.set_metered(network::is_metered(), clock::now_ms());
    let inner = Inner {
        engine,
        store,
        w,
        files: Vec::new(),
        paths: Vec::new(),
        prepared: HashMap::new(),
        digests: HashMap::new(),
        requests: HashMap::new(),
        dirty: HashSet::new(),
        dirty_status: true,
        dirty_totals: true,
        dirty_folders: false,
        flush_scheduled: false,
        timer: clock::Timer::default(),
        companions: Companions::new(),
        resume: None,
        folders_kv: None,
        takeout_kv: None,
        stored_crc: Default::default(),
        sync: Default::default(),
        devices: Default::default(),
        kiosk: kiosk::params().map(kiosk::KioskCtx::new),
        pool,
        origin,
    };
    DRIVER.with(|d| *d.borrow_mut() = Some(Rc::new(RefCell::new(inner))));
    network::watch(|| {
        step(|e, now| {
            e.set_online(network::is_online(), now);
            e.set_metered(network::is_metered(), now);
        })
    });
    if kiosk::params().is_some() {
        // A kiosk keeps nothing: no stores are opened, no service worker is registered, and
        // no leave-page prompt stands in the way of its reset.
        kiosk::install();
        with(|d| d.kiosk_pump());
        return store;
    }
    page::install();
    devices::on_start();
    // Another tab of this browser signed in as someone else: this page starts afresh too, or
    // its next save would write the old account's token back over the new one.
    crate::settings::on_saved_elsewhere(|s| {
        with(|d| {
            if d.engine.needs_fresh_page_for(&engine_settings(&s, &d.origin)) {
                fresh_page();
            }
        });
    });
    // An export's plan waits for what earlier batches left until the store is read, or for
    // a few seconds when it cannot open (an older build's tab holding the database).
    with(|d| d.engine.expect_takeout_waiting());
    clock::after(TAKEOUT_STORE_WAIT_MS, || step(|e, now| e.restore_takeout_waiting(Vec::new(), now)));
    service_worker::register(
        || with(|d| d.w.notice.set(Some(crate::strings::updated_note().into()))).unwrap_or(()),
        |files| intake::add_handed_files(files, Some(crate::strings::shared_album().into())),
    );
    service_worker::on_launch_files(|files| intake::add_handed_files(files, None));
    wasm_bindgen_futures::spawn_local(async {
        match idb::open().await {
            Ok(db) => {
                let (resume, records) = ResumeStore::load(&db).await;
                let folders = idb::Kv::new(&db, "folders");
                let owner = with(|d| d.engine.account_digest()).unwrap_or_default();
                let names: Vec<String> = folder_handles::remembered(&folders, &owner).await.iter().map(folder_handles::name).collect();
                let waiting = idb::Kv::new(&db, "takeoutWaiting");
                let entries = waiting.entries().await.unwrap_or_default();
                let entries: Vec<(String, String)> = entries.into_iter().filter_map(|(k, v)| Some((k, v.as_string()?))).collect();
                with(|d| {
                    d.takeout_kv = Some(waiting);
                    d.engine.restore_takeout_waiting(entries, clock::now_ms());
                    d.engine.load_resume_records(records);
                    d.resume = Some(resume);
                    d.folders_kv = Some(folders);
                    d.w.remembered.set(names);
                });
                step(|_, _| {});
                sync::load(&db).await;
            }
            Err(e) => {
                web_sys::console::warn_1(&format!("resume store unavailable: {e}").into());
                with(|d| d.engine.restore_takeout_waiting(Vec::new(), clock::now_ms()));
            }
        }
        step(|_, _| {});
    });
    store
}

/// The engine's status changed: every flow that follows it hears it here, and only here.
fn feed_status(d: &mut Inner, prev: &Status, status: &Status) {
    if std::mem::discriminant(prev) != std::mem::discriminant(status) {
        d.w.announcement.set(headline(status));
    }
    page::on_status(d, status);
    sync::on_status(d, status);
    kiosk::on_status(d, status);
    if kiosk::policy().account_flows_follow() {
        devices::on_status(d, status);
        library::on_status(status);
    }
}

impl Inner {
    /// Perform every pending action, note what changed, re-arm the timer, schedule a publish.
    fn pump(&mut self) {
        while let Some(action) = self.engine.poll_action() {
            self.perform(action);
        }
        while let Some(ev) = self.engine.poll_event() {
            match ev {
                Event::FileChanged { id } => {
                    self.dirty.insert(id);
                }
                Event::StatusChanged => self.dirty_status = true,
                Event::TotalsChanged => self.dirty_totals = true,
                Event::FoldersChanged => self.dirty_folders = true,
            }
        }
        let want = self.engine.poll_timeout();
        self.timer.arm(want, || step(|e, now| e.handle_timeout(now)));
        self.schedule_publish();
    }

    fn schedule_publish(&mut self) {
        if self.flush_scheduled {
            return;
        }
        self.flush_scheduled = true;
        // A few updates a second are plenty for people and keep 100,000 files cheap.
        clock::after(150, || {
            with(|d| {
                d.flush_scheduled = false;
                if let Some((prev, status)) = publish::publish(d) {
                    feed_status(d, &prev, &status);
                }
            });
        });
    }

    fn perform(&mut self, action: Action) {
        let pool = self.pool.clone();
        match action {
            Action::Inspect { file } => {
                wasm_bindgen_futures::spawn_local(async move {
                    let facts = match open(file).await {
                        Ok(f) => pool.inspect(f).await.map_err(Into::into),
                        Err(e) => Err(e),
                    };
                    step(|e, now| e.handle_inspected(file, facts, now));
                });
            }
            Action::Hash { file } => {
                wasm_bindgen_futures::spawn_local(async move {
                    let r = match open(file).await {
                        Ok(f) => {
                            let crc = with(|d| d.stored_crc.get(&file.0).copied()).flatten();
                            pool.hash_checked(f.into(), Some(file.0), crc).await.map_err(Into::into)
                        }
                        Err(e) => Err(e),
                    };
                    step(|e, now| e.handle_hashed(file, r, now));
                });
            }
            Action::Probe { file, ranges } => {
                wasm_bindgen_futures::spawn_local(async move {
                    let r = match open(file).await {
                        Ok(f) => match probe_blob(&f, ranges) {
                            Ok(blob) => pool.hash(blob, None).await.map_err(Into::into),
                            Err(e) => Err(e),
                        },
                        Err(e) => Err(e),
                    };
                    step(|e, now| e.handle_probed(file, r, now));
                });
            }
            Action::Prepare { file, max_pixels, quality, strip_location } => {
                wasm_bindgen_futures::spawn_local(async move {
                    let f = match open(file).await {
                        Ok(f) => f,
                        Err(why) => return step(|e, now| e.handle_prepared(file, PrepareOutcome::Failed { why }, now)),
                    };
                    let PrepareResult { outcome, blob } = pool.prepare(f, max_pixels, quality, strip_location).await;
                    if let Some(blob) = blob {
                        with(|d| d.prepared.insert(file, blob));
                    }
                    step(|e, now| e.handle_prepared(file, outcome, now));
                });
            }
            Action::DropPrepared { file } => {
                self.prepared.remove(&file);
                self.digests.remove(&file);
            }
            Action::Digest { file, source, start, end, algo } => self.digest_ahead(file, source, start, end, algo),
            Action::Abort { req } => {
                if let Some(h) = self.requests.remove(&req) {
                    h.abort();
                }
            }
            Action::SaveResume(record) => self.resume.iter().for_each(|r| r.save(record.clone())),
            Action::RemoveResume { key } => self.resume.iter().for_each(|r| r.remove(key.clone())),
            Action::Http { req, request } => self.send(req, request),
            Action::ReadTakeout { file, max_bytes } => wasm_bindgen_futures::spawn_local(async move {
                let bytes = match open(file).await {
                    Ok(f) => read_head(&f, max_bytes).await,
                    Err(e) => Err(e),
                };
                step(|e, now| e.handle_takeout_read(file, bytes, now));
            }),
            Action::ReadRange { file, start, len } => wasm_bindgen_futures::spawn_local(async move {
                let bytes = match open(file).await {
                    Ok(f) => {
                        crate::browser::zip_entry::read(&f, start, start + len).await.ok_or(shoebox_core::failure::FailReason::Unreadable)
                    }
                    Err(e) => Err(e),
                };
                step(|e, now| e.handle_range(file, start, bytes, now));
            }),
            Action::ArchiveEntries { archive, entries } => intake::add_archive_entries(archive, entries),
            Action::KeepTakeout { put, forget } => intake::keep_takeout(self.takeout_kv.clone(), put, forget),
            Action::Thumbnail { file, source, video, width, height, request } => {
                self.thumbnail(file, source, video, (width, height), request)
            }
        }
    }
}

/// A file's first `max` bytes (a Takeout sidecar).
async fn read_head(file: &web_sys::File, max: u64) -> Result<Vec<u8>, shoebox_core::failure::FailReason> {
    let unreadable = |_| shoebox_core::failure::FailReason::Unreadable;
    let head = file.slice_with_f64_and_f64(0.0, max as f64).map_err(unreadable)?;
    let buf = wasm_bindgen_futures::JsFuture::from(head.array_buffer()).await.map_err(unreadable)?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// The probe's ranges of a file as one blob (nothing is read until the worker hashes it).
fn probe_blob(file: &web_sys::File, ranges: [(u64, u64); 2]) -> Result<Blob, shoebox_core::failure::FailReason> {
    let parts = js_sys::Array::new();
    for (start, end) in ranges {
        let part = file.slice_with_f64_and_f64(start as f64, end as f64).map_err(|_| shoebox_core::failure::FailReason::Unknown)?;
        parts.push(&part);
    }
    Blob::new_with_blob_sequence(&parts).map_err(|_| shoebox_core::failure::FailReason::Unknown)
}
