//! The kiosk welcome screen's row of languages, each named in its own language: a visitor's
//! choice switches the screen for their visit only (the kiosk's flow decides when it ends).
use leptos::prelude::*;

use crate::driver::{intent, Intent};
use crate::strings as s;

#[component]
pub fn KioskLanguages() -> impl IntoView {
    let shown = crate::i18n::lang();
    view! {
        <nav class="kiosk-languages" data-testid="kiosk-languages" aria-label=s::set_language()>
            {shoebox_core::i18n::languages().map(|(code, name)| {
                let current = code == shown;
                view! {
                    <button class="kiosk-language" lang=code data-lang=code aria-pressed=if current { "true" } else { "false" }
                        on:click=move |_| intent(Intent::ChooseLanguage(code.to_string()))>{name}</button>
                }
            }).collect_view()}
        </nav>
    }
}
