//! The language picker of Settings: every language by its own name ("Deutsch", "日本語"), so a
//! person finds theirs whatever the page is in; the choice is kept on this device and the page
//! switches at once.
use leptos::prelude::*;

use crate::driver::{intent, Intent};
use crate::strings as s;

#[component]
pub fn LanguagePicker() -> impl IntoView {
    let shown = crate::i18n::lang();
    view! {
        <label class="field language-field">
            <span><span class="icon icon-globe" aria-hidden="true"></span>{s::set_language()}</span>
            <select data-testid="language-picker" on:change=move |e| intent(Intent::ChooseLanguage(event_target_value(&e)))>
                {shoebox_core::i18n::languages().map(|(code, name)| view! {
                    <option value=code lang=code selected=code == shown>{name}</option>
                }).collect_view()}
            </select>
            <span class="muted hint">{s::set_language_hint()}</span>
        </label>
    }
}
