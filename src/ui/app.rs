//! The root component: provides the store, lays out the page, and starts the driver.
use leptos::prelude::*;

use super::{controls::Controls, drop_zone::DropZone, file_list::FileList, overall_progress::OverallProgress};
use super::{devices_panel::DevicesPanel, sync_panel::SyncPanel};
use super::{plan_view::PlanView, settings_panel::SettingsPanel, skipped_list::SkippedList, status_card::StatusCard};
use crate::library_store::LibraryStore;
use crate::store::PageMode;
use crate::strings as s;

#[component]
pub fn App() -> impl IntoView {
    let store = crate::driver::start();
    provide_context(store);
    if store.mode.get_untracked() != PageMode::App {
        return (move || {
            crate::i18n::track();
            view! { <super::kiosk::KioskApp/> }
        })
        .into_any();
    }
    let (library, library_writer) = LibraryStore::new();
    provide_context(library);
    crate::driver::library::start(library, library_writer);
    let in_library = move || library.route.get().is_library();

    // Built again when the page's language changes: every word comes from the catalog anew,
    // while the store (and so the backup, the library and their state) stays as it is.
    (move || {
        crate::i18n::track();
        view! {
        <DropZone>
            <header class="top">
                <h1 class="brand"><span class="logo" aria-hidden="true"></span>{s::app_name()}</h1>
                <p class="tagline">{s::tagline()}</p>
                <super::nav::Nav/>
            </header>
            <Show when=in_library>
                <super::library::LibraryPage/>
            </Show>
            // The backup view stays mounted under the library, so its state and focus survive a visit there.
            <main class="page" prop:hidden=in_library>
                {move || store.notice.get().map(|n| view! { <p class="notice" role="status" data-testid="notice">{n}</p> })}
                <StatusCard/>
                <Controls/>
                <OverallProgress/>
                <PlanView/>
                <super::takeout_report::TakeoutReport/>
                <FileList/>
                <SkippedList/>
                <SyncPanel/>
                <DevicesPanel/>
                <SettingsPanel/>
            </main>
        </DropZone>
        }
    })
    .into_any()
}
