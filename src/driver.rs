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
use shoebox_core::engine::{
    Action, AlbumMode, ChecksumAlgo, Engine, EngineSettings, Event, FileId, PrepareOutcome, RequestId, ResumeRecord,
};
use wasm_bindgen::JsCast;
use web_sys::Blob;

use crate::browser::worker_pool::{PrepareResult, WorkerPool};
use crate::browser::{clock, folder_handles, idb, network, service_worker, walk, xhr};
use crate::settings::{AlbumSetting, Settings};
use crate::store::{Store, StoreWriter};

mod devices;
mod http;
mod intake;
mod intents;
pub mod kiosk;
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
    timer: Option<(i32, u64)>,
    resume: Option<idb::Kv>,
    folders_kv: Option<idb::Kv>,
    sync: sync::SyncState,
    /// Kiosk mode (`/?kiosk=NAME&key=KEY`), else None.
    kiosk: Option<kiosk::KioskCtx>,
    pool: Rc<WorkerPool>,
    origin: String,
}

thread_local! {
    static DRIVER: RefCell<Option<Rc<RefCell<Inner>>>> = const { RefCell::new(None) };
}

fn with<R>(f: impl FnOnce(&mut Inner) -> R) -> Option<R> {
    let d = DRIVER.with(|d| d.borrow().clone())?;
    let mut inner = d.borrow_mut();
    Some(f(&mut inner))
}

/// Run `f` on the engine with the current time, then perform whatever it asks.
fn step(f: impl FnOnce(&mut Engine, u64)) {
    with(|d| {
        f(&mut d.engine, clock::now_ms());
        d.pump();
    });
}

pub fn engine_settings(s: &Settings, origin: &str) -> EngineSettings {
    EngineSettings {
        endpoint: s.resolved_endpoint(origin),
        token: (!s.token.is_empty()).then(|| s.token.clone()),
        quality: s.quality,
        limits: s.limits,
        strip_location: s.strip_location,
        album: match &s.album {
            AlbumSetting::Folder => AlbumMode::Folder,
            AlbumSetting::None => AlbumMode::None,
            AlbumSetting::Named(n) if n.trim().is_empty() => AlbumMode::Folder,
            AlbumSetting::Named(n) => AlbumMode::Named(n.clone()),
        },
        parallel_uploads: s.parallel.max(1) as usize,
        wifi_only: s.wifi_only,
        charging_only: s.charging_only,
        // A kiosk's or a phone's page has nothing to ask before its visit's token.
        token_required: kiosk::params().is_some(),
        ..EngineSettings::default()
    }
}

/// Create the driver for this page (once), load resume records, and watch the network.
pub fn start(store: Store, w: StoreWriter) {
    if DRIVER.with(|d| d.borrow().is_some()) {
        return;
    }
    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    let settings = engine_settings(&store.settings.get_untracked(), &origin);
    let pool = Rc::new(WorkerPool::new(WorkerPool::default_size()));
    let mut engine = Engine::new(settings);
    engine.set_workers(pool.size(), pool.size());
    // The worker digests chunks with any of these (WebCrypto, or sha1/md-5 in wasm).
    engine.set_checksum_support(&[ChecksumAlgo::Sha256, ChecksumAlgo::Sha1, ChecksumAlgo::Md5]);
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
        timer: None,
        resume: None,
        folders_kv: None,
        sync: Default::default(),
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
        wasm_bindgen_futures::spawn_local(kiosk::load_profile());
        return;
    }
    page::install();
    devices::on_start();
    service_worker::register(
        || with(|d| d.w.notice.set(Some(crate::strings::UPDATED_NOTE.into()))).unwrap_or(()),
        |files| sync::add_handed_files(files, Some(crate::strings::SHARED_ALBUM.into())),
    );
    service_worker::on_launch_files(|files| sync::add_handed_files(files, None));
    wasm_bindgen_futures::spawn_local(async {
        match idb::open().await {
            Ok(db) => {
                let kv = idb::Kv::new(&db, "resume");
                let records: Vec<ResumeRecord> = kv
                    .entries()
                    .await
                    .unwrap_or_default()
                    .into_iter()
                    .filter_map(|(_, v)| v.as_string().and_then(|j| serde_json::from_str(&j).ok()))
                    .collect();
                let folders = idb::Kv::new(&db, "folders");
                let names: Vec<String> = folder_handles::remembered(&folders).await.iter().map(folder_handles::name).collect();
                with(|d| {
                    d.engine.load_resume_records(records);
                    d.resume = Some(kv);
                    d.folders_kv = Some(folders);
                    d.w.remembered.set(names);
                });
                step(|_, _| {});
                sync::load(&db).await;
            }
            Err(e) => web_sys::console::warn_1(&format!("resume store unavailable: {e}").into()),
        }
        step(|_, _| {});
    });
}

impl Inner {
    fn sync_folder_count(&self) -> usize {
        self.sync.folder_count()
    }

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
        self.arm_timer();
        self.schedule_publish();
    }

    fn arm_timer(&mut self) {
        let want = self.engine.poll_timeout();
        if self.timer.map(|(_, at)| Some(at)) == Some(want) {
            return;
        }
        let win = web_sys::window().expect("window");
        if let Some((handle, _)) = self.timer.take() {
            win.clear_timeout_with_handle(handle);
        }
        if let Some(at) = want {
            let delay = at.saturating_sub(clock::now_ms()).min(i32::MAX as u64) as i32;
            let cb = wasm_bindgen::closure::Closure::once_into_js(move || {
                with(|d| {
                    d.timer = None;
                    d.engine.handle_timeout(clock::now_ms());
                    d.pump();
                });
            });
            if let Ok(h) = win.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), delay) {
                self.timer = Some((h, at));
            }
        }
    }

    fn schedule_publish(&mut self) {
        if self.flush_scheduled {
            return;
        }
        self.flush_scheduled = true;
        let cb = wasm_bindgen::closure::Closure::once_into_js(move || {
            with(|d| {
                d.flush_scheduled = false;
                publish::publish(d);
            });
        });
        // A few updates a second are plenty for people and keep 100,000 files cheap.
        let _ = web_sys::window().expect("window").set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 150);
    }

    fn source(&self, id: FileId) -> Option<walk::FileSource> {
        self.files.get(id.0 as usize).cloned()
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
                        Ok(f) => pool.hash(f.unchecked_into()).await.map_err(Into::into),
                        Err(e) => Err(e),
                    };
                    step(|e, now| e.handle_hashed(file, r, now));
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
            Action::SaveResume(record) => {
                if let Some(kv) = self.resume.clone() {
                    wasm_bindgen_futures::spawn_local(async move {
                        let json = serde_json::to_string(&record).unwrap_or_default();
                        if let Err(e) = kv.put(&record.key, &json.into()).await {
                            web_sys::console::warn_1(&format!("could not save resume record: {e}").into());
                        }
                    });
                }
            }
            Action::RemoveResume { key } => {
                if let Some(kv) = self.resume.clone() {
                    wasm_bindgen_futures::spawn_local(async move {
                        let _ = kv.delete(&key).await;
                    });
                }
            }
            Action::Http { req, request } => self.send(req, request),
            Action::Thumbnail { file, source, video, width, height, request } => {
                self.thumbnail(file, source, video, (width, height), request)
            }
        }
    }
}
