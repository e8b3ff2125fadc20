//! The app's two places, as links with their own URLs: Back up and Library (bookmarkable, and
//! they work in the installed app, whose scope is the whole origin).
use leptos::prelude::*;

use crate::library_store::{use_library, Route};
use crate::strings::library as s;

#[component]
pub fn Nav() -> impl IntoView {
    let lib = use_library();
    let here = move |library: bool| move || (lib.route.get().is_library() == library).then_some("page");
    view! {
        <nav class="app-nav" aria-label=s::nav_label()>
            <a href=Route::Backup.hash() data-testid="nav-backup" aria-current=here(false) class:active=move || !lib.route.get().is_library()>{s::nav_backup()}</a>
            <a href=Route::Timeline.hash() data-testid="nav-library" aria-current=here(true) class:active=move || lib.route.get().is_library()>{s::nav_library()}</a>
        </nav>
    }
}
