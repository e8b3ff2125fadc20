//! Search and filters above the grid: file name or album, a date range, and the kind
//! (photos, videos, downsized, originals). Typing waits a moment before it asks the server.
//! On a phone the bar folds behind one search button (the grid gets the screen), and stays
//! open while any filter is set, so a filtered grid always says why.
use leptos::prelude::*;
use std::time::Duration;

use crate::driver::library::{intent, LibraryIntent};
use crate::library_store::{use_library, Filters, Kind};
use crate::strings::library as s;

#[component]
pub fn SearchBar() -> impl IntoView {
    let lib = use_library();
    let typed = RwSignal::new(lib.filters.get_untracked().q);
    let open = RwSignal::new(false);
    let folded = move || !open.get() && lib.filters.with(|f| *f == Filters::default());
    let search_input = NodeRef::<leptos::html::Input>::new();
    let toggle = move |_| {
        let opening = folded();
        open.set(opening);
        if opening {
            request_animation_frame(move || {
                if let Some(i) = search_input.get_untracked() {
                    let _ = i.focus();
                }
            });
        }
    };
    let serial = StoredValue::new(0u32);
    let set = move |f: Filters| intent(LibraryIntent::SetFilters(f));
    let on_type = move |v: String| {
        typed.set(v);
        serial.update_value(|n| *n += 1);
        let mine = serial.get_value();
        set_timeout(
            move || {
                if serial.get_value() == mine {
                    let mut f = lib.filters.get_untracked();
                    f.q = typed.get_untracked();
                    set(f);
                }
            },
            Duration::from_millis(300),
        );
    };
    let chip = move |k: Kind, label: &'static str| {
        view! {
            <button type="button" class="chip" class:active=move || lib.filters.with(|f| f.kind == k)
                aria-pressed=move || lib.filters.with(|f| f.kind == k).to_string()
                on:click=move |_| { let mut f = lib.filters.get_untracked(); f.kind = k; set(f); }>{label}</button>
        }
    };
    let date = move |from: bool| {
        move |e: leptos::ev::Event| {
            let mut f = lib.filters.get_untracked();
            let v = event_target_value(&e);
            if from {
                f.from = v
            } else {
                f.to = v
            }
            set(f);
        }
    };
    view! {
        <div class="search-wrap" class:folded=folded>
        <button type="button" class="button search-toggle" data-testid="search-toggle" aria-controls="library-search-form"
            aria-expanded=move || (!folded()).to_string() on:click=toggle>
            <span class="icon icon-search" aria-hidden="true"></span>{s::search()}
        </button>
        <form id="library-search-form" class="search-bar" role="search" on:submit=move |e| {
            e.prevent_default();
            serial.update_value(|n| *n += 1);
            let mut f = lib.filters.get_untracked();
            f.q = typed.get_untracked();
            set(f);
        }>
            <label class="field grow">
                <span>{s::search()}</span>
                <input type="search" data-testid="library-search" node_ref=search_input placeholder=s::search_hint() prop:value=move || typed.get()
                    on:input=move |e| on_type(event_target_value(&e))/>
            </label>
            <label class="field">
                <span>{s::from()}</span>
                <input type="date" data-testid="library-from" prop:value=move || lib.filters.with(|f| f.from.clone()) on:change=date(true)/>
            </label>
            <label class="field">
                <span>{s::to()}</span>
                <input type="date" data-testid="library-to" prop:value=move || lib.filters.with(|f| f.to.clone()) on:change=date(false)/>
            </label>
            <div class="chips" role="group" aria-label=s::filter_label()>
                {chip(Kind::All, s::kind_all())}
                {chip(Kind::Photos, s::kind_photos())}
                {chip(Kind::Videos, s::kind_videos())}
                {chip(Kind::Downsized, s::kind_downsized())}
                {chip(Kind::Originals, s::kind_originals())}
            </div>
            {move || lib.filters.with(|f| f.album.clone()).map(|a| {
                let name = if a.is_empty() { s::no_album().to_string() } else { a };
                view! {
                    <span class="chip active" data-testid="album-filter">{format!("{}: {name}", s::d_album())}</span>
                }
            })}
            <Show when=move || lib.filters.with(|f| *f != Filters::default())>
                <button type="button" class="link" data-testid="clear-filters"
                    on:click=move |_| { typed.set(String::new()); set(Filters::default()); }>{s::clear_filters()}</button>
            </Show>
        </form>
        </div>
    }
}
