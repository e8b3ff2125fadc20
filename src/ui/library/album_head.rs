//! An album's own page, over its grid: back to all albums, its title, its count and date
//! range, Rename (in place: a labelled field, Save, Cancel) and Download all; or, for an address
//! naming no album of the person's, a line saying so.
use leptos::prelude::*;

use crate::driver::library::{intent, LibraryIntent};
use crate::library_store::{use_library, AlbumPage, Route};
use crate::strings::library as s;

#[component]
pub fn AlbumHead(page: AlbumPage) -> impl IntoView {
    let renaming = RwSignal::new(false);
    let name = RwSignal::new(page.name.clone());
    let field = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(f) = field.get() {
            let _ = f.focus();
            f.select();
        }
    });
    let facts = s::album_facts(page.count, page.first_day.as_deref(), page.last_day.as_deref());
    let title = page.name.clone();
    view! {
        <header class="album-head" data-testid="album-head" data-count=page.count
            data-first-day=page.first_day.clone().unwrap_or_default() data-last-day=page.last_day.clone().unwrap_or_default()>
            <a class="link" href=Route::Albums.hash() data-testid="back-to-albums">{s::all_albums()}</a>
            <Show when=move || renaming.get() fallback=move || view! { <h2 class="album-title" data-testid="album-title">{title.clone()}</h2> }>
                <form class="album-rename" on:submit=move |e| { e.prevent_default(); renaming.set(false); intent(LibraryIntent::RenameAlbum(name.get_untracked())) }
                    on:keydown=move |e| if e.key() == "Escape" { e.prevent_default(); renaming.set(false) }>
                    <label for="album-rename-name">{s::album_name()}</label>
                    <input id="album-rename-name" type="text" data-testid="rename-input" node_ref=field autocomplete="off"
                        prop:value=move || name.get() on:input=move |e| name.set(event_target_value(&e))/>
                    <button type="submit" class="button primary" data-testid="rename-save">{s::save()}</button>
                    <button type="button" class="button" on:click=move |_| renaming.set(false)>{s::cancel()}</button>
                </form>
            </Show>
            <p class="muted" data-testid="album-facts">{facts}</p>
            <div class="album-actions">
                <button class="button" data-testid="rename-album" on:click=move |_| renaming.set(true)>{s::rename()}</button>
                <button class="button primary" data-testid="download-album" on:click=move |_| intent(LibraryIntent::DownloadAlbum)>
                    <span class="icon icon-download" aria-hidden="true"></span>{s::download_all()}
                </button>
            </div>
        </header>
    }
}

/// The album page's heading on an album's page, else nothing; an address naming no album of
/// the person's says so, with the way back to their albums.
#[component]
pub fn AlbumHeadIfAny() -> impl IntoView {
    let lib = use_library();
    move || {
        lib.album_page.get().map(|p| match p.missing {
            false => view! { <AlbumHead page=p/> }.into_any(),
            true => view! {
                <header class="album-head" data-testid="album-missing">
                    <a class="link" href=Route::Albums.hash() data-testid="back-to-albums">{s::all_albums()}</a>
                    <p class="notice" role="alert">{s::album_missing(&p.name)}</p>
                </header>
            }
            .into_any(),
        })
    }
}
