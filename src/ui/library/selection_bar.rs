//! The selection's bar: how many are selected, and Move to Trash (after a confirmation that
//! says nothing on the device is deleted) or, in the Trash, Restore.
use leptos::prelude::*;

use crate::driver::library::{intent, LibraryIntent};
use crate::library_store::use_library;
use crate::strings::library as s;
use crate::ui::dialog::ConfirmDialog;

#[component]
pub fn SelectionBar(trash: bool) -> impl IntoView {
    let lib = use_library();
    let asking = RwSignal::new(false);
    let n = move || lib.selected.with(|v| v.len());
    view! {
        <Show when=move || { n() > 0 }>
            <div class="selection-bar" data-testid="selection-bar">
                <span data-testid="selected-count">{move || s::selected(n())}</span>
                {if trash {
                    view! { <button class="button primary" data-testid="restore" on:click=move |_| intent(LibraryIntent::RestoreSelected)>{s::restore()}</button> }.into_any()
                } else {
                    view! { <button class="button" data-testid="trash" on:click=move |_| asking.set(true)>{s::move_to_trash()}</button> }.into_any()
                }}
                <button class="link" on:click=move |_| intent(LibraryIntent::ClearSelection)>{s::clear_selection()}</button>
            </div>
        </Show>
        <Show when=move || asking.get()>
            <ConfirmTrash count=Signal::derive(n) on_yes=move || { asking.set(false); intent(LibraryIntent::TrashSelected) }
                on_no=move || asking.set(false)/>
        </Show>
    }
}

/// "Move n items to the Trash?": Enter or the red button confirms, Escape or Cancel does not.
#[component]
pub fn ConfirmTrash(
    count: Signal<usize>,
    on_yes: impl Fn() + Clone + Send + Sync + 'static,
    on_no: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <ConfirmDialog testid="confirm-trash" danger=true yes=s::confirm() no=s::cancel()
            title=Signal::derive(move || s::confirm_trash_title(count.get()))
            body=Signal::derive(move || s::confirm_trash_body(count.get()))
            on_yes=on_yes on_no=on_no/>
    }
}
