//! Today's kiosk visits, above the albums (only for an operator whose kiosks had visitors):
//! each visit's code, its times and what its drop holds; a visit opens its drop's timeline.
use leptos::prelude::*;

use crate::driver::library::{intent, LibraryIntent};
use crate::library_store::use_library;
use crate::strings::dates::local_time;
use crate::strings::library as s;

fn clock(instant: &str) -> String {
    let ms = js_sys::Date::parse(instant);
    if ms.is_nan() {
        instant.to_string()
    } else {
        local_time(ms as u64)
    }
}

#[component]
pub fn VisitsToday() -> impl IntoView {
    let lib = use_library();
    view! {
        <Show when=move || lib.visits.with(|v| !v.is_empty())>
            <section class="visits" aria-labelledby="visits-heading" data-testid="visits">
                <h2 id="visits-heading" class="visits-heading">{s::visits_heading()}</h2>
                <ul class="visit-list">
                    <For each=move || lib.visits.get() key=|v| (v.code.clone(), v.items, v.live, v.ended_at.clone())
                        children=move |v| {
                            let drop = Some(v.drop.clone());
                            let start = clock(&v.started_at);
                            let when = match (&v.ended_at, v.live) {
                                (Some(end), _) => s::visit_span(&start, &clock(end)),
                                (None, true) => format!("{start} · {}", s::visit_live()),
                                (None, false) => start,
                            };
                            view! {
                                <li data-testid="visit">
                                    <button class="visit-open" on:click=move |_| intent(LibraryIntent::OpenAlbum(drop.clone()))>
                                        <span class="visit-code" data-testid="visit-code">{s::visit_code(&v.code)}</span>
                                        <span class="visit-when">{when}</span>
                                        <span class="muted" data-testid="visit-line">{s::visit_line(v.photos, v.videos, v.bytes)}</span>
                                    </button>
                                </li>
                            }
                        }/>
                </ul>
            </section>
        </Show>
    }
}
