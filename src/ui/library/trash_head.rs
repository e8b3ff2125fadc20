//! The Trash's header: "Restore all" and "Empty trash" (after a confirmation that says it
//! cannot be undone), and how long the Trash keeps things.
use leptos::prelude::*;

use crate::driver::library::{intent, LibraryIntent};
use crate::library_store::{use_library, LoadState};
use crate::strings::library as s;
use crate::ui::dialog::ConfirmDialog;

#[component]
pub fn TrashHead() -> impl IntoView {
    let lib = use_library();
    let asking = RwSignal::new(false);
    // Only when something is in the Trash (and the count is in).
    let any = move || lib.state.get() == LoadState::Ready && lib.totals.with(|t| t.trash_count > 0);
    view! {
        <div class="trash-head" data-testid="trash-head">
            <p class="trash-note muted" data-testid="trash-note">{move || s::trash_note(lib.trash_days.get())}</p>
            <Show when=any>
                <div class="trash-actions">
                    <button class="button" data-testid="trash-restore-all" on:click=move |_| intent(LibraryIntent::RestoreAll)>{s::restore_all()}</button>
                    <button class="button danger" data-testid="trash-empty" on:click=move |_| asking.set(true)>{s::empty_trash()}</button>
                </div>
            </Show>
        </div>
        <Show when=move || asking.get()>
            <ConfirmDialog testid="confirm-empty" danger=true yes=s::empty_trash_yes() no=s::cancel()
                title=Signal::derive(|| s::empty_trash_title().to_string()) body=Signal::derive(|| s::empty_trash_body().to_string())
                on_yes=move || { asking.set(false); intent(LibraryIntent::EmptyTrash) } on_no=move || asking.set(false)/>
        </Show>
    }
}
