//! The status card: one plain-words status (contracts.md), its detail, the "skipped — see why"
//! line, and an ARIA live region that announces status changes.
use leptos::prelude::*;

use crate::store::{use_store, Status};
use crate::strings as s;
use crate::strings::status::{detail, headline};

#[component]
pub fn StatusCard() -> impl IntoView {
    let store = use_store();
    let head = Memo::new(move |_| store.status.with(headline));
    // With sync on, "Backup complete" says when the last backup was.
    let det = Memo::new(move |_| {
        let d = store.status.with(detail);
        match (store.status.with(|st| matches!(st, Status::Complete { .. })), store.last_backup_ms.get()) {
            (true, Some(ms)) if store.settings.with(|st| st.sync) => {
                format!("{d} · {}", s::last_backup(&s::dates::local_time(ms)))
            }
            _ => d,
        }
    });
    let skipped = Memo::new(move |_| store.totals.with(|t| (t.skipped.media(), t.skipped.ignored())));
    // The line shows until the person opens the list or dismisses it (core's rule).
    let notice = RwSignal::new(shoebox_core::skip_notice::SkipNotice::default());
    let figures = move || (store.page.with(|p| p.batches), store.totals.with(|t| t.skipped.total()));
    let unseen = move || {
        let (batch, n) = figures();
        notice.with(|k| k.shows(batch, n))
    };
    let seen = move |_| {
        let (batch, n) = figures();
        notice.update(|k| k.seen(batch, n));
    };
    // A finished backup of the person's own app leads to its photos (a kiosk's visitor has no library).
    let to_library = move || {
        store.mode.get() == crate::store::PageMode::App
            && store.status.with(|st| matches!(st, Status::Complete { uploaded, already, .. } if uploaded + already > 0))
    };
    let tone = move || match store.status.get() {
        Status::Complete { failed, .. } if failed > 0 => "status-card warn",
        Status::Complete { .. } => "status-card done",
        Status::SignInNeeded | Status::WaitingForConnection { .. } | Status::WaitingForWifi | Status::WaitingToCharge => "status-card warn",
        Status::BackUpOff => "status-card paused",
        Status::StorageFull => "status-card warn",
        Status::Paused => "status-card paused",
        Status::BackingUp { .. } | Status::Looking { .. } => "status-card busy",
        _ => "status-card",
    };
    // Keep the tab title in step, so progress shows from another tab.
    Effect::new(move |_| {
        let title = match store.status.get() {
            Status::BackingUp { done, total, .. } => format!("{} · {}", s::status_backing_up(done, total), s::app_name()),
            Status::Ready => s::page_title().to_string(),
            st => format!("{} · {}", headline(&st), s::app_name()),
        };
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&title);
        }
    });
    view! {
        <section class=tone data-testid="status-card" aria-labelledby="status-headline">
            <h2 id="status-headline" class="status-headline">{move || head.get()}</h2>
            <p class="status-detail" data-testid="status-detail">{move || det.get()}</p>
            <Show when=to_library>
                <p class="to-library"><a data-testid="open-library" href=crate::library_store::Route::Timeline.hash()>{s::complete_open_library()}</a></p>
            </Show>
            <Show when=unseen>
                <p class="skipped-line" data-testid="skipped-line">
                    <a href="#skipped" on:click=seen>{move || { let (m, i) = skipped.get(); s::skipped_line(m, i) }}</a>
                    <button type="button" class="skip-dismiss" data-testid="skipped-dismiss" aria-label=s::skipped_dismiss() on:click=seen>
                        <span class="icon icon-close" aria-hidden="true"></span>
                    </button>
                </p>
            </Show>
            <div class="visually-hidden" role="status" aria-live="polite" data-testid="live-region">{move || store.announcement.get()}</div>
        </section>
    }
}
