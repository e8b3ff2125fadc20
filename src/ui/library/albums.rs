//! The Albums view: one card per album (folder albums and named ones, and what is in none),
//! with its cover, count and size; a card opens the timeline of that album.
use leptos::prelude::*;

use crate::driver::library::{intent, LibraryIntent};
use crate::library_store::use_library;
use crate::strings::library as s;

#[component]
pub fn AlbumsView() -> impl IntoView {
    let lib = use_library();
    view! {
        <super::visits::VisitsToday/>
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
