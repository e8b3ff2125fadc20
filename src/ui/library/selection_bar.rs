//! The selection's bar: how many are selected, and Move to Trash (after a confirmation that
//! says nothing on the device is deleted) or, in the Trash, Restore.
use leptos::prelude::*;

use crate::driver::library::{intent, LibraryIntent};
use crate::library_store::use_library;
use crate::strings::library as s;

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
                    view! { <button class="button primary" data-testid="restore" on:click=move |_| intent(LibraryIntent::RestoreSelected)>{s::RESTORE}</button> }.into_any()
                } else {
                    view! { <button class="button" data-testid="trash" on:click=move |_| asking.set(true)>{s::MOVE_TO_TRASH}</button> }.into_any()
                }}
                <button class="link" on:click=move |_| intent(LibraryIntent::ClearSelection)>{s::CLEAR_SELECTION}</button>
            </div>
        </Show>
        <Show when=move || asking.get()>
            <ConfirmTrash count=Signal::derive(n) on_yes=move || { asking.set(false); intent(LibraryIntent::TrashSelected) }
                on_no=move || asking.set(false)/>
        </Show>
    }
}

/// "Move n items to the Trash?": Enter or the button confirms, Escape or Cancel does not.
#[component]
pub fn ConfirmTrash(
    count: Signal<usize>,
    on_yes: impl Fn() + Clone + Send + Sync + 'static,
    on_no: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let yes = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(b) = yes.get() {
            let _ = b.focus();
        }
    });
    let no2 = on_no.clone();
    view! {
        <div class="modal-backdrop">
            <div class="confirm" role="alertdialog" aria-modal="true" aria-labelledby="confirm-text" data-testid="confirm-trash"
                on:keydown=move |e| if e.key() == "Escape" { e.stop_propagation(); no2() }>
                <p id="confirm-text">{move || s::confirm_trash(count.get())}</p>
                <div class="controls">
                    <button class="button primary" node_ref=yes data-testid="confirm-yes" on:click=move |_| on_yes()>{s::CONFIRM}</button>
                    <button class="button" on:click=move |_| on_no()>{s::CANCEL}</button>
                </div>
            </div>
        </div>
    }
}
