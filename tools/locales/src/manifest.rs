//! Per-language web app manifests: the app's manifest (www/manifest.webmanifest, in English)
//! with its name, description and screenshot labels taken from each catalog, and `lang` and
//! `dir` set. Written beside the catalogs at build time; the page points its
//! `<link rel="manifest">` at the one of its language, so the install prompt and the installed
//! app are named in the person's language.
use serde_json::Value;
use shoebox_core::i18n::{format, is_rtl, Catalog, PluralCategory};

/// The manifest's words, by key: each is a message of every catalog.
const WORDS: [(&str, &str); 3] =
    [("name", "manifest-name"), ("short_name", "manifest-short-name"), ("description", "manifest-description")];

/// The screenshots' labels, in the base manifest's order.
const SHOTS: [&str; 2] = ["manifest-shot-running", "manifest-shot-plan"];

/// The file a language's manifest is written to, beside its catalog.
pub fn file_name(lang: &str) -> String {
    format!("manifest.{lang}.webmanifest")
}

/// `base` in the words of `cat` (English, `en`, for a message it lacks).
pub fn localized(base: &Value, cat: &Catalog, en: &Catalog) -> Value {
    let say = |key: &str| Value::String(format(cat, en, key, &[], &|_| PluralCategory::Other));
    let mut m = base.clone();
    for (field, key) in WORDS {
        m[field] = say(key);
    }
    if let Some(shots) = m.get_mut("screenshots").and_then(Value::as_array_mut) {
        for (shot, key) in shots.iter_mut().zip(SHOTS) {
            shot["label"] = say(key);
        }
    }
    m["lang"] = Value::String(cat.lang.clone());
    m["dir"] = Value::String(if is_rtl(&cat.lang) { "rtl" } else { "ltr" }.into());
    m
}
