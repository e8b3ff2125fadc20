//! Back up & sync, the driver's side: keeps the backup folders (IndexedDB), scans them in a
//! worker when the app opens and whenever they change (FileSystemObserver where the browser has
//! it, else a light re-scan once a minute: sizes and dates only), and reports power. What a
//! scan adds, when a batch starts by itself and what the card says are the engine's decisions.
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{intake, step, with, Inner};
use crate::browser::backup_folders::{self, BackupFolder};
use crate::browser::{battery, clock, folder_handles, idb, scan};
use crate::store::BackupFolderView;

/// Seconds between re-scans where FileSystemObserver is missing.
const RESCAN_S: i32 = 60;

#[derive(Default)]
pub(crate) struct SyncState {
    kv: Option<idb::Kv>,
    folders: Vec<BackupFolder>,
    scanning: bool,
    rescan: bool,
    watching: bool,
    /// The current batch came from a scan of every backup folder (its end stamps them).
    scan_batch: bool,
}

impl SyncState {
    pub fn folder_count(&self) -> usize {
        self.folders.len()
    }
}

/// Load the backup folders, tell the engine, and start syncing if it is on.
pub(super) async fn load(db: &web_sys::IdbDatabase) {
    let kv = idb::Kv::new(db, "backupFolders");
    let folders = backup_folders::load(&kv).await;
    with(|d| {
        d.sync.kv = Some(kv);
        d.sync.folders = folders;
        publish_folders(d);
    });
    wasm_bindgen_futures::spawn_local(async {
        let available = battery::watch(|charging| step(|e, now| e.set_charging(charging, now))).await;
        with(|d| d.w.battery.set(available));
    });
    resume_sync(false).await;
}

/// With sync on: scan if every folder may be read without asking, else show "Allow access".
/// `gesture`: called from a click, so the browser may ask.
pub(super) async fn resume_sync(gesture: bool) {
    let Some((on, handles)) =
        with(|d| (d.store.settings.get_untracked().sync, d.sync.folders.iter().map(|f| f.handle.clone()).collect::<Vec<_>>()))
    else {
        return;
    };
    if !on || handles.is_empty() {
        return;
    }
    let mut all = true;
    for h in &handles {
        let ok = if gesture { folder_handles::ensure_permission(h).await } else { folder_handles::has_permission(h).await };
        all &= ok;
    }
    with(|d| d.w.needs_access.set(!all));
    if all {
        watch();
        scan_all().await;
    }
}

/// "Add a backup folder": pick it, keep it, and scan it (its first scan shows its plan).
pub(super) async fn add_folder() {
    let handle = match folder_handles::pick().await {
        Ok(Some(h)) => h,
        _ => return,
    };
    let folder = backup_folders::new(handle);
    let Some(kv) = with(|d| d.sync.kv.clone()).flatten() else { return };
    let _ = backup_folders::save(&kv, &folder).await;
    with(|d| {
        d.sync.folders.retain(|f| f.name != folder.name);
        d.sync.folders.push(folder);
        publish_folders(d);
    });
    watch();
    scan_all().await;
}

/// Remove a backup folder: it is no longer synced. Nothing is deleted, here or on the server.
pub(super) async fn remove_folder(name: String) {
    let Some(kv) = with(|d| d.sync.kv.clone()).flatten() else { return };
    let _ = backup_folders::remove(&kv, &name).await;
    with(|d| {
        d.sync.folders.retain(|f| f.name != name);
        publish_folders(d);
    });
}

/// Scan every backup folder once (a scan asked while one runs happens right after it).
pub(super) async fn scan_all() {
    let Some(folders) = with(|d| {
        if d.sync.scanning {
            d.sync.rescan = true;
            return None;
        }
        d.sync.scanning = true;
        Some(d.sync.folders.clone())
    })
    .flatten() else {
        return;
    };
    let first_time = folders.iter().any(|f| f.items == 0 && f.last_complete_ms.is_none());
    step(|e, now| {
        let excluded: Vec<String> = folders.iter().flat_map(|f| f.excluded.clone()).collect();
        e.exclude_folders(&excluded, now);
        // A folder seen before is backed up without a plan step; a new one shows its plan.
        if !first_time {
            e.start_when_planned(now);
        }
        e.walk_started(now);
    });
    let mut counts = Vec::new();
    for f in &folders {
        let mut n = 0u64;
        let _ = scan::scan(f.handle.clone(), |batch| {
            n += batch.len() as u64;
            intake::add_walked(batch, true);
        })
        .await;
        counts.push((f.name.clone(), n));
    }
    intake::walk_ended();
    let again = with(|d| {
        d.sync.scanning = false;
        d.sync.scan_batch = true;
        for (name, n) in counts {
            if let Some(f) = d.sync.folders.iter_mut().find(|f| f.name == name) {
                f.items = n;
            }
        }
        publish_folders(d);
        std::mem::take(&mut d.sync.rescan)
    })
    .unwrap_or(false);
    save_all().await;
    if again {
        Box::pin(scan_all()).await;
    }
}

async fn save_all() {
    let Some((kv, folders)) = with(|d| d.sync.kv.clone().map(|kv| (kv, d.sync.folders.clone()))).flatten() else { return };
    for f in &folders {
        let _ = backup_folders::save(&kv, f).await;
    }
}

/// Watch the backup folders for new files: FileSystemObserver, else a re-scan each minute.
fn watch() {
    if with(|d| std::mem::replace(&mut d.sync.watching, true)).unwrap_or(true) {
        return;
    }
    let rescan = Closure::<dyn Fn()>::new(|| {
        if with(|d| d.store.settings.get_untracked().sync).unwrap_or(false) {
            wasm_bindgen_futures::spawn_local(scan_all());
        }
    });
    let global = js_sys::global();
    let observer_ctor =
        js_sys::Reflect::get(&global, &"FileSystemObserver".into()).ok().and_then(|c| c.dyn_into::<js_sys::Function>().ok());
    let observed = observer_ctor.is_some_and(|ctor| {
        let Ok(obs) = js_sys::Reflect::construct(&ctor, &js_sys::Array::of1(rescan.as_ref())) else { return false };
        let opts = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&opts, &"recursive".into(), &true.into());
        let handles = with(|d| d.sync.folders.iter().map(|f| f.handle.clone()).collect::<Vec<_>>()).unwrap_or_default();
        let observe = js_sys::Reflect::get(&obs, &"observe".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        observe.is_some_and(|f| handles.iter().all(|h| f.call2(&obs, h, &opts).is_ok()))
    });
    // Also a slow re-scan where the observer exists: it misses changes made while the page slept.
    let every = if observed { RESCAN_S * 5 } else { RESCAN_S };
    if let Some(w) = web_sys::window() {
        let _ = w.set_interval_with_callback_and_timeout_and_arguments_0(rescan.as_ref().unchecked_ref(), every * 1000);
    }
    rescan.forget();
}

/// The status changed: a scan batch that completed with nothing failed stamps its folders;
/// the exclusions of a folder's plan are kept when Back up is pressed.
pub(super) fn on_status(d: &mut Inner, st: &shoebox_core::engine::Status) {
    use shoebox_core::engine::Status;
    if !d.sync.scan_batch || !matches!(st, Status::BackingUp { .. } | Status::Complete { .. }) {
        return;
    }
    // The plan's unticked folders, kept for the next scans (read at Complete too: a small
    // backup may finish before a publish ever sees it running).
    let excluded = d.engine.excluded_folders();
    for f in d.sync.folders.iter_mut() {
        f.excluded = excluded.iter().filter(|p| p.split('/').next() == Some(f.name.as_str())).cloned().collect();
    }
    if let Status::Complete { failed, .. } = st {
        d.sync.scan_batch = false;
        if *failed == 0 {
            let now = js_sys::Date::now();
            for f in d.sync.folders.iter_mut() {
                f.last_complete_ms = Some(now);
            }
            d.w.last_backup_ms.set(Some(now));
        }
        publish_folders(d);
    }
    wasm_bindgen_futures::spawn_local(save_all());
}

fn publish_folders(d: &mut Inner) {
    let views = d
        .sync
        .folders
        .iter()
        .map(|f| BackupFolderView { name: f.name.clone(), items: f.items, last_complete_ms: f.last_complete_ms })
        .collect();
    d.w.backup_folders.set(views);
    d.w.last_backup_ms.set(d.sync.folders.iter().filter_map(|f| f.last_complete_ms).reduce(f64::max));
    let (on, n) = (d.store.settings.get_untracked().sync, d.sync.folders.len());
    d.engine.set_sync(on, n, clock::now_ms());
    d.pump();
}

/// Files handed to the app (shared to it, or opened with it): backed up at once, no plan step.
pub(super) fn add_handed_files(files: Vec<web_sys::File>, album: Option<String>) {
    let batch = files
        .into_iter()
        .map(|f| {
            let name = f.name();
            let mut w = crate::browser::walk::WalkedFile::from_file(f, name);
            w.album = album.clone();
            w
        })
        .collect();
    step(|e, now| {
        e.start_when_planned(now);
        e.walk_started(now);
    });
    intake::add_walked(batch, false);
    intake::walk_ended();
}
