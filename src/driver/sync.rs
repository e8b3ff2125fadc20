//! Back up & sync, performed: the flow in core (`shoebox_core::sync`) decides when the backup
//! folders are scanned, whether a scan shows its plan, and what is kept about each; this keeps
//! their handles and records (IndexedDB), asks for access, scans them in a worker, watches them,
//! arms the flow's timer, and feeds back what happened.
use leptos::prelude::*;
use shoebox_core::engine::Status;
use shoebox_core::sync::{SyncAction, SyncFlow};
use wasm_bindgen::JsValue;

use super::{intake, step, with, Inner};
use crate::browser::backup_folders::{self, BackupFolders};
use crate::browser::{battery, clock, folder_handles, folder_watch, scan};

#[derive(Default)]
pub(crate) struct SyncState {
    flow: SyncFlow,
    kept: BackupFolders,
    timer: clock::Timer,
    db: Option<web_sys::IdbDatabase>,
}

impl SyncState {
    pub fn folder_count(&self) -> usize {
        self.flow.folders().len()
    }
}

/// Feed the flow, then perform what it asks.
pub(super) fn feed(f: impl FnOnce(&mut SyncFlow, u64)) {
    with(|d| feed_in(d, f));
}

/// The same, within the driver.
pub(super) fn feed_in(d: &mut Inner, f: impl FnOnce(&mut SyncFlow, u64)) {
    f(&mut d.sync.flow, clock::now_ms());
    pump(d);
}

/// The engine's status changed.
pub(super) fn on_status(d: &mut Inner, status: &Status) {
    let excluded = d.engine.excluded_folders();
    feed_in(d, |f, now| f.handle_status(now, status, &excluded));
}

/// Load the backup folders and the power watch, then hand them to the flow.
pub(super) async fn load(db: &web_sys::IdbDatabase) {
    with(|d| d.sync.db = Some(db.clone()));
    load_folders(db).await;
    wasm_bindgen_futures::spawn_local(async {
        let available = battery::watch(|charging| step(|e, now| e.set_charging(charging, now))).await;
        with(|d| d.w.battery.set(available));
    });
}

/// The signed-in account's backup folders, handed to the flow (a fresh one: what another
/// account's flow was doing is not this account's).
async fn load_folders(db: &web_sys::IdbDatabase) {
    let Some(owner) = with(|d| d.engine.account_digest()) else { return };
    let (kept, folders) = BackupFolders::open(db, &owner).await;
    with(|d| {
        // The account may have changed again while the store was read.
        if d.engine.account_digest() != owner {
            return;
        }
        d.sync.kept = kept;
        d.sync.flow = SyncFlow::new();
        let on = d.store.settings.get_untracked().sync;
        feed_in(d, |f, now| f.handle_loaded(now, folders, on));
    });
}

/// The settings name another account (or destination): its own backup folders replace the
/// previous account's, whose scans stop feeding the backup.
pub(super) fn on_settings_changed(d: &Inner) {
    let Some(db) = d.sync.db.clone() else { return };
    if d.sync.kept.owner() == d.engine.account_digest() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move { load_folders(&db).await });
}

/// "Add a backup folder": pick it, then the flow keeps and scans it.
pub(super) async fn add_folder() {
    let Ok(Some(handle)) = folder_handles::pick().await else { return };
    with(|d| {
        let name = d.sync.kept.add(handle);
        feed_in(d, |f, now| f.handle_added(now, name));
    });
}

fn pump(d: &mut Inner) {
    while let Some(action) = d.sync.flow.poll_action() {
        perform(d, action);
    }
    let want = d.sync.flow.poll_timeout();
    d.sync.timer.arm(want, || feed(|f, now| f.handle_timeout(now)));
}

fn perform(d: &mut Inner, action: SyncAction) {
    let now = clock::now_ms();
    match action {
        SyncAction::CheckAccess { ask } => {
            let handles = d.sync.kept.handles();
            wasm_bindgen_futures::spawn_local(async move {
                let all = backup_folders::all_readable(&handles, ask).await;
                feed(|f, now| f.handle_access(now, all));
            });
        }
        SyncAction::ShowNeedsAccess(show) => d.w.needs_access.set(show),
        SyncAction::Watch => {
            let observed = folder_watch::watch(&d.sync.kept.handles(), || feed(|f, now| f.handle_changed(now)));
            d.sync.flow.handle_watching(now, observed);
        }
        SyncAction::Scan { folders, excluded, auto_start } => {
            d.engine.exclude_folders(&excluded, now);
            if auto_start {
                d.engine.start_when_planned(now);
            }
            d.engine.walk_started(now);
            d.pump();
            let roots = folders.into_iter().map(|n| (d.sync.kept.handle(&n), n)).collect();
            wasm_bindgen_futures::spawn_local(scan_folders(roots, d.sync.kept.owner().to_string()));
        }
        SyncAction::Show => {
            d.w.backup_folders.set(d.sync.flow.folders().to_vec());
            d.w.last_backup_ms.set(d.sync.flow.last_backup_ms());
            d.engine.set_sync(d.sync.flow.is_on(), d.sync.folder_count(), now);
            d.pump();
        }
        SyncAction::SaveAll => d.sync.kept.save(d.sync.flow.folders().iter()),
        SyncAction::Save(name) => d.sync.kept.save(d.sync.flow.folders().iter().filter(|f| f.name == name)),
        SyncAction::Forget(name) => d.sync.kept.forget(name),
    }
}

/// Scan each folder in a worker, adding what is new or changed, then tell the flow how many
/// items each held. `owner`: the account whose folders these are; once another is signed in,
/// nothing more of them enters the backup.
async fn scan_folders(roots: Vec<(Option<JsValue>, String)>, owner: String) {
    let mut counts = Vec::new();
    let still_theirs = || with(|d| d.engine.account_digest() == owner).unwrap_or(false);
    for (handle, name) in roots {
        let mut n = 0u64;
        if let Some(handle) = handle {
            let _ = scan::scan(handle, |batch| {
                n += batch.len() as u64;
                if still_theirs() {
                    intake::add_walked(batch, true);
                }
            })
            .await;
        }
        counts.push((name, n));
    }
    intake::walk_ended();
    if still_theirs() {
        feed(|f, now| f.handle_scanned(now, counts));
    }
}
