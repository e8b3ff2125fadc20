//! The language a person picks: the app keeps it in this device's settings, a kiosk hands it to
//! its flow (core's kiosk/language.rs decides how long it lasts and keeps nothing); either way
//! the page switches at once.
use leptos::prelude::*;

use super::{kiosk, with};

pub(super) fn choose(lang: String) {
    if !shoebox_core::i18n::SUPPORTED.contains(&lang.as_str()) {
        return;
    }
    if kiosk::params().is_some() {
        return kiosk::choose_language(lang);
    }
    with(|d| {
        let mut s = d.store.settings.get_untracked();
        s.language = lang.clone();
        crate::settings::save(&s);
        d.w.settings.set(s);
    });
    crate::i18n::show(Some(lang));
}
