//! The overall progress bar: bytes and files done, speed and a smoothed ETA.
use leptos::prelude::*;

use crate::store::{use_store, Status};
use crate::strings as s;
use shoebox_core::decimal::fixed;

#[component]
pub fn OverallProgress() -> impl IntoView {
    let store = use_store();
    let pct = Memo::new(move |_| {
        store.totals.with(|t| if t.bytes_total == 0 { 0.0 } else { (t.bytes_done as f64 * 100.0 / t.bytes_total as f64).min(100.0) })
    });
    let text = move || {
        store.totals.with(|t| {
            let mut parts = vec![s::bytes_of(t.bytes_done, t.bytes_total), s::files_of(t.files_done(), t.files_total())];
            if let Some(bps) = Some(t.speed_bps).filter(|b| *b > 0) {
                parts.push(s::speed(bps));
            }
            if let Some(ms) = t.eta_ms {
                parts.push(s::eta(ms));
            }
            parts.join(" · ")
        })
    };
    // The page's line: every batch since the page opened, shown once there is more than one.
    let page_line = move || store.page.with(|p| (p.batches > 1).then(|| s::page_line(p)));
    view! {
        <Show when=move || store.status.with(Status::in_backup)>
            <section class="overall" aria-label=s::overall_progress()>
                <div class="bar" role="progressbar" aria-label=s::overall_progress() data-testid="overall-progress" aria-valuemin="0" aria-valuemax="100"
                    aria-valuenow=move || fixed(pct.get(), 0)>
                    <div class="bar-fill" style:transform=move || format!("scaleX({})", fixed(pct.get() / 100.0, 4))></div>
                </div>
                <p class="overall-text" data-testid="overall-text">{text}</p>
                {move || page_line().map(|l| view! { <p class="page-total muted" data-testid="page-total">{l}</p> })}
            </section>
        </Show>
    }
}
