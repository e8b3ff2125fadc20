//! A Google Takeout export's part of the page: the summary line the plan shows, and the list
//! (with a CSV download like the skip report's) of items without a sidecar, sidecars without
//! an item and sidecar values that were not used.
use leptos::prelude::*;

use super::skipped_list::{csv, download};
use crate::store::use_store;
use crate::strings::takeout as s;

const MAX_SHOWN: usize = 200;

#[component]
pub fn TakeoutReport() -> impl IntoView {
    let store = use_store();
    let summary = move || store.takeout.with(|t| t.as_ref().filter(|t| t.export).map(|t| s::summary(&t.summary)).unwrap_or_default());
    let parts = move || store.takeout.with(|t| t.as_ref().filter(|t| !t.parts.is_empty()).map(|t| s::parts(&t.parts, &t.missing)));
    let reading = move || store.takeout.with(|t| t.as_ref().map_or(0, |t| t.reading));
    let notes = Memo::new(move |_| {
        store.takeout.with(|t| t.as_ref().map(|t| t.notes.iter().map(|(p, n)| (p.clone(), s::note(*n))).collect::<Vec<_>>()))
    });
    let has_notes = move || notes.with(|n| n.as_ref().is_some_and(|n| !n.is_empty()));
    view! {
        <Show when=move || store.takeout.with(Option::is_some)>
            <section class="takeout" data-testid="takeout" aria-labelledby="takeout-summary">
                <p class="plan-totals" id="takeout-summary" data-testid="takeout-summary">{summary}</p>
                {move || parts().map(|p| view! { <p class="muted" data-testid="takeout-parts">{p}</p> })}
                <Show when=move || { reading() > 0 }>
                    <p class="muted" data-testid="takeout-reading">{move || s::reading(reading() as u64)}</p>
                </Show>
                <Show when=has_notes>
                    <h3>{s::notes_title()}</h3>
                    <button class="button" data-testid="takeout-csv"
                        on:click=move |_| notes.with(|n| if let Some(n) = n { download("shoebox-takeout-unmatched.csv", &csv(&n.iter().map(|(a, b)| (a.clone(), b.to_string())).collect::<Vec<_>>())) })>
                        <span class="icon icon-download" aria-hidden="true"></span>{crate::strings::download_csv()}
                    </button>
                    <ul class="skipped-items" data-testid="takeout-notes">
                        {move || notes.with(|n| n.iter().flatten().take(MAX_SHOWN).map(|(p, r)| view! {
                            <li><span class="file-path" data-testid="file-path">{p.clone()}</span><span class="reason" data-testid="takeout-note">{*r}</span></li>
                        }).collect_view())}
                    </ul>
                </Show>
            </section>
        </Show>
    }
}
