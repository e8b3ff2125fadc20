//! The file list: virtualised (only the rows in view exist in the DOM, so 100,000 files cost
//! nothing), filterable by outcome, with each file's thumbnail, phase, outcome and per-file
//! actions; the files being worked on first, and earlier batches folded into one line.
use leptos::prelude::*;
use shoebox_core::facts::Outcome;

use crate::driver::{intent, Intent};
use crate::store::{use_store, FileRow, Filter, RowState, Status};
use crate::strings as s;

const ROW_PX: f64 = 44.0;
const VIEW_PX: f64 = 440.0;
const OVERSCAN: usize = 6;

fn state_text(st: &RowState) -> String {
    match st {
        RowState::Waiting => s::phase_waiting().into(),
        RowState::Inspecting => s::phase_inspecting().into(),
        RowState::Planned { .. } => s::phase_ready().into(),
        RowState::Hashing => s::phase_hashing().into(),
        RowState::Checking => s::phase_checking().into(),
        RowState::Preparing => s::phase_preparing().into(),
        RowState::Uploading { percent } => s::phase_uploading(*percent),
        RowState::Retrying { in_s } => s::phase_retrying(*in_s),
        RowState::Paused => s::phase_paused().into(),
        RowState::NotChosen => s::phase_not_chosen().into(),
        RowState::Done(o) => s::outcome(o),
    }
}

#[component]
pub fn FileList() -> impl IntoView {
    let store = use_store();
    let filter = RwSignal::new(Filter::All);
    let scroll = RwSignal::new(0.0f64);
    // Earlier batches of this page, finished, fold into one line until opened.
    let earlier_open = RwSignal::new(false);
    let current = Memo::new(move |_| store.page.with(|p| p.batches));
    let earlier = Memo::new(move |_| {
        let now = current.get();
        store.rows.with(|rows| rows.iter().take_while(|r| r.batch < now).count())
    });
    // Indices of rows matching the filter, grouped by core's order (in progress, failed, to
    // come, done, not chosen), found order within each; recomputed only when rows or the
    // filter change, in one pass.
    let matching = Memo::new(move |_| {
        let f = filter.get();
        let from = if earlier_open.get() { 0 } else { earlier.get() };
        store.rows.with(|rows| {
            let mut groups: [Vec<u32>; RowState::LIST_GROUPS] = Default::default();
            for (i, r) in rows.iter().enumerate().skip(from) {
                if f == Filter::All || Filter::of(&r.state) == f {
                    groups[r.state.list_group()].push(i as u32);
                }
            }
            groups.concat()
        })
    });
    let window = move || {
        let first = ((scroll.get() / ROW_PX) as usize).saturating_sub(OVERSCAN);
        let count = (VIEW_PX / ROW_PX) as usize + 2 * OVERSCAN;
        let idx = matching.get();
        store.rows.with(|rows| {
            idx.iter()
                .enumerate()
                .skip(first)
                .take(count)
                .filter_map(|(pos, &i)| rows.get(i as usize).map(|r| (pos, r.clone())))
                .collect::<Vec<(usize, FileRow)>>()
        })
    };
    let filters = [
        (Filter::All, s::filter_all()),
        (Filter::Pending, s::filter_pending()),
        (Filter::Uploaded, s::filter_uploaded()),
        (Filter::Already, s::filter_already()),
        (Filter::Skipped, s::filter_skipped()),
        (Filter::Failed, s::filter_failed()),
    ];
    view! {
        <Show when=move || store.status.with(|st| st.in_backup() || (matches!(st, Status::SignInNeeded) && store.rows.with(|r| !r.is_empty())))>
            <section class="files" aria-labelledby="files-title">
                <h2 id="files-title">{s::files_title()}</h2>
                <div class="filters" role="group" aria-label=s::filter_group()>
                    {filters.into_iter().map(|(f, label)| view! {
                        <button class="chip" class:active=move || filter.get() == f aria-pressed=move || (filter.get() == f).to_string()
                            on:click=move |_| { filter.set(f); scroll.set(0.0); }>{label}</button>
                    }).collect_view()}
                </div>
                <Show when=move || { earlier.get() > 0 }>
                    <button type="button" class="earlier" data-testid="earlier-batches" aria-expanded=move || earlier_open.get().to_string()
                        on:click=move |_| { earlier_open.update(|o| *o = !*o); scroll.set(0.0); }>
                        {move || s::earlier_batches(earlier.get() as u64)}
                    </button>
                </Show>
                <div class="file-scroll" style:height=format!("{}px", VIEW_PX as u32) tabindex="0" aria-label=s::file_list()
                    on:scroll=move |e| { let el: web_sys::Element = event_target(&e); scroll.set(el.scroll_top() as f64); }>
                    <div class="file-spacer" style:height=move || format!("{}px", matching.with(|m| m.len()) * ROW_PX as usize)>
                        <For each=window key=|(pos, r)| (*pos, r.id, state_text(&r.state))
                            children=move |(pos, row)| view! { <Row pos=pos row=row/> }/>
                    </div>
                </div>
            </section>
        </Show>
    }
}

#[component]
fn Row(pos: usize, row: FileRow) -> impl IntoView {
    let id = row.id;
    let failed = matches!(row.state, RowState::Done(Outcome::Failed(_)));
    let active = !matches!(row.state, RowState::Done(_) | RowState::Planned { .. });
    let paused = matches!(row.state, RowState::Paused);
    let percent = match row.state {
        RowState::Uploading { percent } => Some(percent),
        _ => None,
    };
    let class = match Filter::of(&row.state) {
        Filter::Failed => "file-row failed",
        Filter::Skipped => "file-row skipped",
        Filter::Uploaded | Filter::Already => "file-row done",
        _ => "file-row",
    };
    view! {
        <div class=class data-testid="file-row" style:top=format!("{}px", pos * ROW_PX as usize)>
            <super::file_thumb::FileThumb id=id path=row.path.clone()/>
            <span class="file-path" data-testid="file-path" title=row.path.clone()>{row.path.clone()}</span>
            <span class="file-size">{s::bytes(row.size)}</span>
            <span class="file-state" data-testid="file-state">{state_text(&row.state)}
                {percent.map(|p| view! { <span class="mini-bar" aria-hidden="true"><span style:width=format!("{p}%")></span></span> })}
            </span>
            <span class="file-actions">
                {paused.then(|| view! { <button class="link" on:click=move |_| intent(Intent::ResumeFile(id))>{s::resume()}</button> })}
                {(active && !paused).then(|| view! { <button class="link" on:click=move |_| intent(Intent::PauseFile(id))>{s::pause()}</button> })}
                {active.then(|| view! { <button class="link" on:click=move |_| intent(Intent::CancelFile(id))>{s::cancel()}</button> })}
                {failed.then(|| view! { <button class="link" on:click=move |_| intent(Intent::RetryFile(id))>{s::retry()}</button> })}
            </span>
        </div>
    }
}
