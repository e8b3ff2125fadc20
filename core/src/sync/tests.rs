//! Back up & sync's flow, with virtual time.
use super::*;

fn drain(f: &mut SyncFlow) -> Vec<SyncAction> {
    std::iter::from_fn(|| f.poll_action()).collect()
}

fn folder(name: &str, items: u64, last: Option<u64>) -> SyncFolder {
    SyncFolder { name: name.into(), excluded: Vec::new(), items, last_complete_ms: last }
}

fn scan(folders: &[&str], excluded: &[&str], auto_start: bool) -> SyncAction {
    SyncAction::Scan {
        folders: folders.iter().map(|s| s.to_string()).collect(),
        excluded: excluded.iter().map(|s| s.to_string()).collect(),
        auto_start,
    }
}

const DONE: Status = Status::Complete { uploaded: 3, already: 0, skipped: 0, failed: 0 };

#[test]
fn folders_seen_before_start_without_a_plan_once_access_is_allowed() {
    let mut f = SyncFlow::new();
    let mut kept = folder("Photos", 40, Some(5));
    kept.excluded = vec!["Photos/tmp".into()];
    f.handle_loaded(0, vec![kept], true);
    assert_eq!(drain(&mut f), [SyncAction::Show, SyncAction::CheckAccess { ask: false }], "a restart asks nothing");
    f.handle_access(10, false);
    assert_eq!(drain(&mut f), [SyncAction::ShowNeedsAccess(true)], "no access: one click is needed, nothing scanned");
    f.handle_allow(20);
    assert_eq!(drain(&mut f), [SyncAction::CheckAccess { ask: true }]);
    f.handle_access(30, true);
    assert_eq!(
        drain(&mut f),
        [SyncAction::ShowNeedsAccess(false), SyncAction::Watch, scan(&["Photos"], &["Photos/tmp"], true)],
        "the kept exclusions apply, and a folder seen before is backed up without a plan step"
    );
}

#[test]
fn a_new_folder_shows_its_plan() {
    let mut f = SyncFlow::new();
    f.handle_loaded(0, vec![folder("Old", 9, Some(1))], false);
    assert_eq!(drain(&mut f), [SyncAction::Show], "sync off: nothing is checked nor scanned");
    f.handle_added(5, "New".into());
    assert_eq!(drain(&mut f), [SyncAction::Save("New".into()), SyncAction::Show, SyncAction::Watch, scan(&["Old", "New"], &[], false)]);
    f.handle_removed(6, "Old".into());
    assert_eq!(drain(&mut f), [SyncAction::Forget("Old".into()), SyncAction::Show]);
    assert_eq!(f.folders(), [folder("New", 0, None)]);
}

#[test]
fn a_scan_asked_during_a_scan_runs_after_it() {
    let mut f = SyncFlow::new();
    f.handle_loaded(0, vec![folder("A", 1, None)], true);
    f.handle_access(0, true);
    drain(&mut f);
    f.handle_changed(100);
    f.handle_changed(200);
    assert!(drain(&mut f).is_empty(), "one scan at a time");
    f.handle_scanned(300, vec![("A".into(), 7)]);
    assert_eq!(drain(&mut f), [SyncAction::Show, SyncAction::SaveAll, scan(&["A"], &[], true)], "the asked scan, once");
    assert_eq!(f.folders()[0].items, 7);
    f.handle_scanned(400, vec![("A".into(), 7)]);
    assert_eq!(drain(&mut f), [SyncAction::Show, SyncAction::SaveAll], "nothing more was asked");
}

#[test]
fn rescans_every_minute_or_every_five_with_a_watcher_while_sync_is_on() {
    let mut f = SyncFlow::new();
    f.handle_loaded(0, vec![folder("A", 1, None)], true);
    f.handle_access(0, true);
    drain(&mut f);
    assert_eq!(f.poll_timeout(), None, "no timer until the watcher is known");
    f.handle_watching(1_000, false);
    assert_eq!(f.poll_timeout(), Some(61_000));
    f.handle_scanned(2_000, vec![]);
    drain(&mut f);
    f.handle_timeout(60_999);
    assert!(drain(&mut f).is_empty(), "not yet");
    f.handle_timeout(61_000);
    assert_eq!(drain(&mut f), [scan(&["A"], &[], true)]);
    assert_eq!(f.poll_timeout(), Some(121_000));
    f.handle_scanned(62_000, vec![]);
    f.handle_switch(63_000, false);
    drain(&mut f);
    f.handle_timeout(121_000);
    assert!(drain(&mut f).is_empty(), "sync off: no re-scan");
    assert_eq!(f.poll_timeout(), Some(181_000));

    let mut w = SyncFlow::new();
    w.handle_loaded(0, vec![folder("A", 1, None)], true);
    w.handle_access(0, true);
    w.handle_watching(0, true);
    assert_eq!(w.poll_timeout(), Some(300_000), "a watcher still re-scans slowly: it misses changes while asleep");
}

#[test]
fn a_scan_batch_ending_with_no_failure_stamps_its_folders_and_keeps_exclusions() {
    let mut f = SyncFlow::new();
    f.handle_loaded(0, vec![folder("A", 1, None), folder("B", 1, None)], true);
    f.handle_access(0, true);
    drain(&mut f);
    let excluded = ["A/skip".to_string(), "B/x/y".to_string()];
    f.handle_status(50, &DONE, &excluded);
    assert!(drain(&mut f).is_empty(), "not a scan's batch yet");
    f.handle_scanned(100, vec![]);
    drain(&mut f);
    f.handle_status(150, &Status::Looking { found: 2 }, &excluded);
    assert!(drain(&mut f).is_empty(), "only running and complete count");
    f.handle_status(200, &Status::BackingUp { done: 0, total: 2, bytes_left: 9, eta_ms: None }, &excluded);
    assert_eq!(drain(&mut f), [SyncAction::SaveAll]);
    assert_eq!(f.folders()[0].excluded, ["A/skip"]);
    assert_eq!(f.folders()[1].excluded, ["B/x/y"], "each folder keeps its own");
    f.handle_status(900, &DONE, &excluded);
    assert_eq!(drain(&mut f), [SyncAction::Show, SyncAction::SaveAll]);
    assert_eq!(f.last_backup_ms(), Some(900));
    f.handle_status(950, &DONE, &excluded);
    assert!(drain(&mut f).is_empty(), "the batch stamped once");
}

#[test]
fn a_scan_batch_with_a_failure_stamps_nothing() {
    let mut f = SyncFlow::new();
    f.handle_loaded(0, vec![folder("A", 1, Some(7))], true);
    f.handle_access(0, true);
    f.handle_scanned(100, vec![("A".into(), 2)]);
    drain(&mut f);
    f.handle_status(900, &Status::Complete { uploaded: 1, already: 0, skipped: 0, failed: 1 }, &[]);
    assert_eq!(drain(&mut f), [SyncAction::Show, SyncAction::SaveAll]);
    assert_eq!(f.last_backup_ms(), Some(7), "the last good backup stays");
}
