//! The Albums view: one card per album (folder albums and named ones, and what is in none),
//! with its cover, count and size; a card opens that album's page. "New album" makes an empty
//! one (a labelled field, Save; Escape or Cancel closes it).
use leptos::prelude::*;

use crate::driver::library::{intent, LibraryIntent};
use crate::library_store::use_library;
use crate::strings::library as s;

#[component]
pub fn AlbumsView() -> impl IntoView {
    let lib = use_library();
    let making = RwSignal::new(false);
    let name = RwSignal::new(String::new());
    let field = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(f) = field.get() {
            let _ = f.focus();
        }
    });
    view! {
        <super::visits::VisitsToday/>
        <div class="album-actions">
            <Show when=move || making.get() fallback=move || view! {
                <button class="button" data-testid="new-album" on:click=move |_| { name.set(String::new()); making.set(true) }>{s::new_album()}</button>
            }>
                <form class="album-rename" data-testid="new-album-form"
                    on:submit=move |e| { e.prevent_default(); making.set(false); intent(LibraryIntent::CreateAlbum(name.get_untracked())) }
                    on:keydown=move |e| if e.key() == "Escape" { e.prevent_default(); making.set(false) }>
                    <label for="create-album-name">{s::album_name()}</label>
                    <input id="create-album-name" type="text" data-testid="create-album-name" node_ref=field autocomplete="off"
                        prop:value=move || name.get() on:input=move |e| name.set(event_target_value(&e))/>
                    <button type="submit" class="button primary" data-testid="create-album-save">{s::save()}</button>
                    <button type="button" class="button" on:click=move |_| making.set(false)>{s::cancel()}</button>
                </form>
            </Show>
        </div>
        <Show when=move || lib.albums.with(|a| a.is_empty())>
            <p class="muted" data-testid="no-albums">{s::no_albums()}</p>
        </Show>
        <ul class="albums" data-testid="albums">
            <For each=move || lib.albums.get() key=|a| (a.album.clone(), a.count)
                children=move |a| {
                    let name = a.album.clone().unwrap_or_else(|| s::no_album().to_string());
                    let album = Some(a.album.clone().unwrap_or_default());
                    let cover = a.cover_thumb_url.clone();
                    view! {
                        <li class="album-card" data-testid="album">
                            <button class="album-open" on:click=move |_| intent(LibraryIntent::OpenAlbum(album.clone()))>
                                <span class="album-cover" aria-hidden="true">
                                    {cover.map(|c| view! { <img src=c alt="" loading="lazy" referrerpolicy="no-referrer"/> })}
                                </span>
                                <span class="album-name">{name}</span>
                                <span class="muted">{s::album_line(a.count, a.bytes)}</span>
                            </button>
                        </li>
                    }
                }/>
        </ul>
    }
}
