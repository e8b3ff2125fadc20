//! The plan view, shown before anything is sent: totals by kind and skip reason, and a folder
//! tree with file counts and sizes whose check boxes include or exclude folders, and the albums
//! those folders make.
use leptos::prelude::*;

use super::plan_albums::PlanAlbums;
use crate::driver::{intent, Intent};
use crate::store::{use_store, Status};
use crate::strings as s;

/// Folders listed at most; the rest are summarised (they are still backed up).
const MAX_FOLDERS_SHOWN: usize = 400;

#[component]
pub fn PlanView() -> impl IntoView {
    let store = use_store();
    // Shown from the first folder named by a walk, before any size is known.
    let visible =
        move || (store.totals.with(|t| t.files > 0) || store.folders.with(|f| !f.is_empty())) && store.status.with(Status::in_plan);
    let totals = move || store.totals.with(|t| s::plan_totals(t.photos, t.videos, t.to_downsize, t.skipped.total()));
    // What will be sent, then what was found and left out, in words read once.
    let size_line = move || store.totals.with(|t| s::plan_size_line(t.files_total(), t.bytes_total, t.skipped.total(), t.excluded));
    let reasons = move || {
        store.totals.with(|t| {
            t.skipped
                .by_reason()
                .into_iter()
                .filter(|(_, n)| *n > 0)
                .map(|(r, n)| format!("{}: {}", s::skip_kind(r), s::count(n)))
                .collect::<Vec<_>>()
        })
    };
    let folders =
        move || store.folders.with(|f| f.iter().take(MAX_FOLDERS_SHOWN).map(|(p, st)| (p.clone(), st.clone())).collect::<Vec<_>>());
    let checking = move || {
        store.totals.with(|t| if t.inspected < t.files { s::plan_checking(t.inspected, t.files) } else { s::plan_checked(t.files) })
    };
    let checked = move || store.totals.with(|t| t.inspected >= t.files);
    let more = move || store.folders.with(|f| f.len().saturating_sub(MAX_FOLDERS_SHOWN));
    view! {
        <Show when=visible>
            <section class="plan" data-testid="plan-view" aria-labelledby="plan-title">
                <h2 id="plan-title">{s::plan_title()}</h2>
                <p class="plan-totals" data-testid="plan-totals">{totals}</p>
                <p class="plan-size" data-testid="plan-size">{size_line}</p>
                <p class="plan-check muted" data-testid="plan-check" data-done=move || checked().to_string()>{checking}</p>
                <ul class="plan-reasons" data-testid="plan-reasons">
                    <For each=reasons key=|r| r.clone() children=|r| view! { <li>{r}</li> }/>
                </ul>
                <ul class="folder-tree" data-testid="folder-tree" aria-label=s::folders()>
                    // Keyed by path only: rows stay in place (and keep keyboard focus) while
                    // the walk updates their counts; the figures and the box read the store.
                    <For each=folders key=|(p, _)| p.clone()
                        children=move |(path, _)| {
                            let depth = if path.is_empty() { 0 } else { path.matches('/').count() };
                            let name = if path.is_empty() { s::loose_files().to_string() } else { path.rsplit('/').next().unwrap_or(&path).to_string() };
                            let (p_meta, p_box, p_change) = (path.clone(), path.clone(), path.clone());
                            let meta = move || store.folders.with(|f| f.get(&p_meta).map(|st| s::folder_meta(st.files, st.bytes, st.listed)).unwrap_or_default());
                            let included = move || store.folders.with(|f| f.get(&p_box).is_none_or(|st| st.included));
                            view! {
                                <li class="folder" style:padding-left=format!("{}rem", shoebox_core::decimal::fixed(depth as f64 * 1.25, 2))>
                                    <label>
                                        <input type="checkbox" prop:checked=included
                                            on:change=move |e| intent(Intent::SetFolderIncluded(p_change.clone(), event_target_checked(&e)))/>
                                        <span class="icon icon-folder" aria-hidden="true"></span>
                                        <span class="folder-name" data-testid="folder-name" title=path.clone()>{name}</span>
                                        <span class="folder-meta">{meta}</span>
                                    </label>
                                </li>
                            }
                        }/>
                </ul>
                <Show when=move || { more() > 0 }>
                    <p class="muted">{move || s::more_folders(more() as u64)}</p>
                </Show>
                <PlanAlbums/>
            </section>
        </Show>
    }
}
