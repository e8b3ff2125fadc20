//! "Add to album": a dialog listing the person's albums (one click adds the selection) and a
//! field for a new album's name. Escape or Cancel closes it; the flow closes it once added.
use leptos::prelude::*;

use crate::driver::library::{intent, LibraryIntent};
use crate::library_store::use_library;
use crate::strings::library as s;

#[component]
pub fn AlbumChooser() -> impl IntoView {
    let lib = use_library();
    let name = RwSignal::new(String::new());
    let field = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(f) = field.get() {
            let _ = f.focus();
        }
    });
    let n = move || lib.selected.with(|v| v.len());
    let close = move || intent(LibraryIntent::CloseAlbumChooser);
    let named = move || lib.albums.with(|a| a.iter().filter_map(|a| a.album.clone()).collect::<Vec<_>>());
    view! {
        <div class="modal-backdrop">
            <div class="dialog album-chooser" role="dialog" aria-modal="true" aria-labelledby="album-chooser-title" data-testid="album-chooser"
                on:keydown=move |e| if e.key() == "Escape" { e.stop_propagation(); e.prevent_default(); close() }>
                <h2 class="dialog-title" id="album-chooser-title">{move || s::choose_album_title(n())}</h2>
                <form class="album-new" on:submit=move |e| { e.prevent_default(); intent(LibraryIntent::AddToAlbum(name.get_untracked())) }>
                    <label for="new-album-name">{s::new_album()}</label>
                    <div class="album-new-row">
                        <input id="new-album-name" type="text" data-testid="new-album-name" node_ref=field autocomplete="off"
                            prop:value=move || name.get() on:input=move |e| name.set(event_target_value(&e))/>
                        <button type="submit" class="button primary" data-testid="new-album-add">{s::add()}</button>
                    </div>
                </form>
                <Show when=move || !named().is_empty()>
                    <h3 class="album-choices-title">{s::your_albums()}</h3>
                    <ul class="album-choices" data-testid="album-choices">
                        <For each=named key=|a| a.clone() children=move |a| {
                            let (pick, label) = (a.clone(), a.clone());
                            view! {
                                <li><button class="button album-choice" data-testid="album-choice" data-album=a.clone()
                                    on:click=move |_| intent(LibraryIntent::AddToAlbum(pick.clone()))>{label}</button></li>
                            }
                        }/>
                    </ul>
                </Show>
                <div class="dialog-actions">
                    <button type="button" class="button" data-testid="album-chooser-cancel" on:click=move |_| close()>{s::cancel()}</button>
                </div>
            </div>
        </div>
    }
}
