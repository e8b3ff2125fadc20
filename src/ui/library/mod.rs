//! The library page: its views (Photos, Albums, Trash) as links with their own URLs, the
//! figures (or the selection's bar in their place), the search bar or an album's own heading,
//! and the grid or the albums; the viewer and "Add to album" on top.
use leptos::prelude::*;

use crate::driver::library::{intent, LibraryIntent};
use crate::library_store::{use_library, LoadState, Route};
use crate::strings::library as s;

pub mod album_chooser;
pub mod album_head;
pub mod albums;
pub mod grid;
pub mod search_bar;
pub mod selection_bar;
pub mod trash_head;
pub mod viewer;
pub mod viewer_details;
pub mod visits;

#[component]
pub fn LibraryPage() -> impl IntoView {
    let lib = use_library();
    let route = move || lib.route.get();
    // An album's page is under Albums.
    let tab_of = move || lib.route.with(|r| if r.album().is_some() { Route::Albums } else { r.clone() });
    let tab = move |r: Route, label: &'static str| {
        let (here, current) = (r.clone(), r.clone());
        view! {
            <a href=r.hash() class="tab" class:active=move || tab_of() == here
                aria-current=move || (tab_of() == current).then_some("page")
                // The items without an album are the timeline's address already: Photos leaves them.
                on:click=move |_| if r == Route::Timeline && route() == Route::Timeline && lib.filters.with_untracked(|f| f.album.is_some()) {
                    intent(LibraryIntent::OpenAlbum(None))
                }>{label}</a>
        }
    };
    let totals = move || {
        let t = lib.totals.get();
        s::totals_line(t.count, t.bytes, t.used_bytes, t.quota_bytes)
    };
    view! {
        <main class="library" data-testid="library">
            <h2 class="visually-hidden">{s::nav_library()}</h2>
            // While anything is selected, the selection's bar takes the header's place.
            <Show when=move || lib.selected.with(|v| v.is_empty())
                fallback=move || view! { <div class="library-head selecting"><selection_bar::SelectionBar trash={route() == Route::Trash}/></div> }>
                <div class="library-head">
                    <nav class="tabs" aria-label=s::views_label()>
                        {tab(Route::Timeline, s::timeline())}
                        {tab(Route::Albums, s::albums())}
                        {tab(Route::Trash, s::trash())}
                    </nav>
                    <p class="muted library-totals" data-testid="library-totals">
                        {move || (lib.state.get() == LoadState::Ready && route() != Route::Albums).then(totals)}
                    </p>
                </div>
            </Show>
            <p class="visually-hidden" role="status" aria-live="polite">{move || lib.message.get()}</p>
            // The note leaves by itself once read; a move to the Trash offers Undo meanwhile.
            {move || lib.message.get().map(|m| view! {
                <p class="notice library-note" data-testid="library-note">
                    <span data-testid="library-message">{m}</span>
                    <Show when=move || lib.can_undo.get()>
                        <button class="button" data-testid="undo" on:click=move |_| intent(LibraryIntent::Undo)>{s::undo()}</button>
                    </Show>
                </p>
            })}
            {move || match lib.state.get() {
                LoadState::Unavailable => view! { <p class="notice" data-testid="library-unavailable">{s::unavailable()}</p> }.into_any(),
                LoadState::Failed => view! {
                    <p class="notice" data-testid="library-failed">{s::failed()}" "
                        <button class="link" on:click=move |_| intent(LibraryIntent::Route(lib.route.get_untracked()))>{s::retry()}</button>
                    </p>
                }.into_any(),
                _ => ().into_any(),
            }}
            {move || match route() {
                Route::Albums => view! { <albums::AlbumsView/> }.into_any(),
                Route::Trash => view! {
                    <trash_head::TrashHead/>
                    <grid::Grid/>
                }.into_any(),
                _ => view! {
                    <album_head::AlbumHeadIfAny/>
                    <Show when=move || lib.album_page.with(|p| p.is_none())>
                        <search_bar::SearchBar/>
                    </Show>
                    <Show when=move || !lib.album_page.with(|p| p.as_ref().is_some_and(|p| p.missing))>
                        <grid::Grid/>
                    </Show>
                }.into_any(),
            }}
            <Show when=move || lib.choosing_album.get()>
                <album_chooser::AlbumChooser/>
            </Show>
            <viewer::Viewer/>
        </main>
    }
}
