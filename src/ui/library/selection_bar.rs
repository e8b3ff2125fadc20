//! The selection's bar, in place of the library's header while anything is selected: a close
//! button (Escape does the same), how many are selected, and the actions: Download, Add to
//! album, Remove from album (on an album's page) and Move to Trash (after a confirmation that says nothing on the device is deleted)
//! or, in the Trash, Restore.
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::driver::library::{intent, LibraryIntent};
use crate::library_store::use_library;
use crate::strings::library as s;
use crate::ui::dialog::ConfirmDialog;

#[component]
pub fn SelectionBar(trash: bool) -> impl IntoView {
    let lib = use_library();
    let asking = RwSignal::new(false);
    let n = move || lib.selected.with(|v| v.len());
    // Escape clears the selection, unless a dialog or the viewer has it first (they stop it).
    let on_key = Closure::<dyn FnMut(web_sys::KeyboardEvent)>::new(move |e: web_sys::KeyboardEvent| {
        let busy = asking.get_untracked() || lib.choosing_album.get_untracked() || lib.viewer.with_untracked(|v| v.is_some());
        if e.key() == "Escape" && !busy && !e.default_prevented() {
            intent(LibraryIntent::ClearSelection);
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref());
    }
    let on_key = StoredValue::new_local(Some(on_key));
    on_cleanup(move || {
        if let (Some(w), Some(c)) = (web_sys::window(), on_key.try_update_value(|k| k.take()).flatten()) {
            let _ = w.remove_event_listener_with_callback("keydown", c.as_ref().unchecked_ref());
        }
    });
    view! {
        <div class="selection-bar" role="toolbar" aria-label=s::selection_label() data-testid="selection-bar">
            <button class="icon-button" data-testid="clear-selection" aria-label=s::clear_selection() title=s::clear_selection()
                on:click=move |_| intent(LibraryIntent::ClearSelection)>
                <span class="icon icon-close" aria-hidden="true"></span>
            </button>
            <span class="selection-count" data-testid="selected-count" aria-live="polite">{move || s::selected(n())}</span>
            <div class="selection-actions">
                {if trash {
                    view! { <button class="button primary" data-testid="restore" on:click=move |_| intent(LibraryIntent::RestoreSelected)>{s::restore()}</button> }.into_any()
                } else {
                    view! {
                        <button class="button" data-testid="download-selected" on:click=move |_| intent(LibraryIntent::DownloadSelected)>
                            <span class="icon icon-download" aria-hidden="true"></span>{s::download()}
                        </button>
                        <button class="button" data-testid="add-to-album" aria-haspopup="dialog" on:click=move |_| intent(LibraryIntent::ChooseAlbum)>
                            {s::add_to_album()}
                        </button>
                        <Show when=move || lib.album_page.with(|p| p.is_some())>
                            <button class="button" data-testid="remove-from-album" on:click=move |_| intent(LibraryIntent::RemoveFromAlbum)>
                                {s::remove_from_album()}
                            </button>
                        </Show>
                        <button class="button" data-testid="trash" on:click=move |_| asking.set(true)>{s::move_to_trash()}</button>
                    }.into_any()
                }}
            </div>
        </div>
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
