//! Publishing: copies what changed in the engine into the UI store, batched (the driver calls
//! this at most every 150 ms), so 100,000 files cost a handful of signal updates. It only
//! copies: rows, countdowns, the status, the totals and the folders are the engine's own; the
//! flows that follow the status hear of its change from the driver.
use leptos::prelude::*;
use shoebox_core::engine::{FileId, Status};

use super::Inner;
use crate::store::FileRow;

/// Rows for files just added to the engine, in the state the engine gave them (judged from
/// their names and sizes, or settled: empty and system files).
pub(super) fn append_rows(d: &mut Inner, ids: &[FileId]) {
    let batch = d.engine.page_totals().batches;
    let rows: Vec<FileRow> = ids
        .iter()
        .filter_map(|&id| {
            let v = d.engine.file_view(id)?;
            let path = d.paths.get(id.0 as usize)?.clone();
            Some(FileRow { id: id.0 as u32, path, size: v.size, state: v.row_state(), batch })
        })
        .collect();
    d.w.rows.update(|r| r.extend(rows));
}

/// Copy what changed; returns the status before and after when it changed.
pub(super) fn publish(d: &mut Inner) -> Option<(Status, Status)> {
    if !d.dirty.is_empty() {
        let changes: Vec<(usize, _)> =
            d.dirty.drain().filter_map(|id| d.engine.file_view(id).map(|v| (id.0 as usize, v.row_state()))).collect();
        d.w.rows.update(|rows| {
            for (i, st) in changes {
                if let Some(r) = rows.get_mut(i) {
                    r.state = st;
                }
            }
        });
    }
    let mut changed = None;
    if d.dirty_status {
        d.dirty_status = false;
        let status = d.engine.status();
        let prev = d.store.status.get_untracked();
        if prev != status {
            d.w.status.set(status.clone());
            changed = Some((prev, status));
        }
    }
    if d.dirty_totals {
        d.dirty_totals = false;
        let totals = d.engine.totals();
        if d.store.totals.with_untracked(|old| *old != totals) {
            d.w.totals.set(totals);
        }
        let takeout = d.engine.takeout_view();
        if d.store.takeout.with_untracked(|old| *old != takeout) {
            d.w.takeout.set(takeout);
        }
        let hold = d.engine.hold();
        if d.store.hold.get_untracked() != hold {
            d.w.hold.set(hold);
        }
        let page = d.engine.page_totals();
        if d.store.page.get_untracked() != page {
            d.w.page.set(page);
        }
    }
    if d.dirty_folders {
        d.dirty_folders = false;
        d.w.folders.set(d.engine.folders().clone());
    }
    changed
}
