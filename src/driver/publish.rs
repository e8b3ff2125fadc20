//! Publishing: copies what changed in the engine into the UI store, batched (the driver calls
//! this at most every 150 ms), so 100,000 files cost a handful of signal updates.
use leptos::prelude::*;
use shoebox_core::engine::{FileId, FileView, Phase};
use shoebox_core::facts::{Decision, Outcome};

use super::Inner;
use crate::store::{FileRow, RowState, SkipReasonKey, StatusView, Totals};
use crate::ui::status_text::headline;

/// Rows for files just added to the engine, in the state the engine gave them (judged from
/// their names and sizes, or settled: empty and system files).
pub(super) fn append_rows(d: &mut Inner, ids: &[FileId]) {
    let now = crate::browser::clock::now_ms();
    let rows: Vec<FileRow> = ids
        .iter()
        .filter_map(|&id| {
            let v = d.engine.file_view(id)?;
            let path = d.paths.get(id.0 as usize)?.clone();
            Some(FileRow { id: id.0 as u32, path, size: v.size, state: row_state(&v, now) })
        })
        .collect();
    d.store.rows.update(|r| r.extend(rows));
}

fn row_state(v: &FileView, now: u64) -> RowState {
    // Judged from the name for now: a provisional skip is shown as one, like the totals.
    if let (Phase::Waiting | Phase::Inspecting, Some(Decision::Skip(r))) = (v.phase, v.decision) {
        return RowState::Done(Outcome::Skipped(r));
    }
    match v.phase {
        Phase::Waiting => RowState::Waiting,
        Phase::Inspecting => RowState::Inspecting,
        Phase::Inspected => match (&v.outcome, v.decision) {
            (Some(o @ Outcome::Skipped(_)), _) => RowState::Done(o.clone()),
            (_, Some(Decision::Skip(r))) => RowState::Done(Outcome::Skipped(r)),
            (_, Some(Decision::Prepare { max_pixels: Some(_), .. })) => RowState::Planned { downsize: true },
            _ => RowState::Planned { downsize: false },
        },
        Phase::Hashing => RowState::Hashing,
        Phase::Checking => RowState::Checking,
        Phase::Preparing => RowState::Preparing,
        Phase::Uploading => {
            let percent = if v.size == 0 { 0 } else { ((v.bytes_done as f64 / v.size as f64) * 100.0).floor().min(100.0) as u32 };
            RowState::Uploading { percent }
        }
        Phase::Retrying { at_ms } => RowState::Retrying { in_s: at_ms.saturating_sub(now).div_ceil(1000) },
        Phase::Paused => RowState::Paused,
        Phase::Done => RowState::Done(v.outcome.clone().unwrap_or(Outcome::Failed("unknown".into()))),
    }
}

pub(super) fn publish(d: &mut Inner) {
    let now = crate::browser::clock::now_ms();
    if !d.dirty.is_empty() {
        let changes: Vec<(usize, RowState)> =
            d.dirty.drain().filter_map(|FileId(id)| d.engine.file_view(FileId(id)).map(|v| (id as usize, row_state(&v, now)))).collect();
        d.store.rows.update(|rows| {
            for (i, st) in changes {
                if let Some(r) = rows.get_mut(i) {
                    r.state = st;
                }
            }
        });
    }
    // Retry countdowns move even when nothing else changes: keep publishing while any runs.
    if d.dirty_status || d.dirty_totals || d.walking > 0 {
        d.dirty_status = false;
        d.dirty_totals = false;
        let mut status = d.engine.status();
        if d.walking > 0 {
            status = StatusView::Looking { found: d.files.len() as u64 };
        }
        let prev = d.store.status.get_untracked();
        if std::mem::discriminant(&prev) != std::mem::discriminant(&status) {
            d.store.announcement.set(headline(&status));
            super::page::on_status(&prev, &status);
        }
        if prev != status {
            d.store.status.set(status);
        }
        let t = d.engine.totals();
        let mut skipped = std::collections::BTreeMap::new();
        use shoebox_core::facts::SkipReason::*;
        for (r, n) in [
            (NotMedia, t.skipped.not_media),
            (EmptyFile, t.skipped.empty_file),
            (SystemFile, t.skipped.system_file),
            (OverSizeLimit, t.skipped.over_size_limit),
            (OverPixelLimit, t.skipped.over_pixel_limit),
            (UnderMinimumSize, t.skipped.under_minimum_size),
        ] {
            if n > 0 {
                skipped.insert(SkipReasonKey::of(r), n);
            }
        }
        let files_total = t.photos + t.videos;
        let totals = Totals {
            files: t.files,
            checked: t.inspected,
            photos: t.photos,
            videos: t.videos,
            to_downsize: t.to_downsize,
            skipped,
            bytes_total: t.bytes_total,
            bytes_done: t.bytes_done,
            files_done: t.uploaded + t.already + t.failed,
            files_total,
            speed_bps: (t.speed_bps > 0).then_some(t.speed_bps),
            eta_ms: t.eta_ms,
        };
        if d.store.totals.with_untracked(|old| *old != totals) {
            d.store.totals.set(totals);
        }
        if d.walking > 0 {
            d.schedule_publish();
        }
    }
    if d.folders_dirty {
        d.folders_dirty = false;
        d.store.folders.set(d.folders.clone());
    }
}
