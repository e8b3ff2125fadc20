//! The page's language: which catalog the words come from (negotiated from the browser's
//! languages or chosen in Settings), its plural rules and numbers (the browser's `Intl`), and
//! `<html lang dir>`. English is compiled in, so a word is never missing and the first screen
//! does not wait for it; another language's catalog (locales/<lang>.json, made from
//! locales/<lang>.ftl at build time) is fetched once at start, before the app mounts.
use leptos::prelude::{GetUntracked, Track};
use shoebox_core::i18n::{self as words, Arg, Catalog, PluralCategory};
use std::cell::RefCell;
use std::collections::HashMap;

pub use shoebox_core::i18n::Arg as Value;

thread_local! {
    static ENGLISH: Catalog = Catalog::from_json(include_str!(concat!(env!("OUT_DIR"), "/en.json"))).unwrap_or_default();
    static CURRENT: RefCell<Option<Catalog>> = const { RefCell::new(None) };
    /// Fixed words handed out as `&'static str`: one copy per key and language, kept for the page.
    static INTERNED: RefCell<HashMap<&'static str, &'static str>> = RefCell::new(HashMap::new());
    /// Changes each time the page switches language (`switch`).
    static SHOWN: leptos::prelude::ArcRwSignal<u32> = leptos::prelude::ArcRwSignal::new(0);
    #[cfg(target_arch = "wasm32")]
    static PLURALS: RefCell<Option<js_sys::Intl::PluralRules>> = const { RefCell::new(None) };
}

/// A fixed word of the strings module: `text!(back_up, "back-up")` makes `fn back_up()`.
macro_rules! text {
    ($name:ident, $key:literal) => {
        pub fn $name() -> &'static str {
            $crate::i18n::t($key)
        }
    };
}
pub(crate) use text;

/// The language the words are in ("de", "pt-BR").
pub fn lang() -> String {
    CURRENT.with(|c| c.borrow().as_ref().map(|c| c.lang.clone())).unwrap_or_else(|| words::FALLBACK.to_string())
}

/// Use `catalog` from now on (English for a message it lacks).
pub fn set(catalog: Catalog) {
    INTERNED.with(|i| i.borrow_mut().clear());
    #[cfg(target_arch = "wasm32")]
    PLURALS.with(|p| *p.borrow_mut() = None);
    CURRENT.with(|c| *c.borrow_mut() = Some(catalog));
}

/// A message without variables.
pub fn t(key: &'static str) -> &'static str {
    if let Some(s) = INTERNED.with(|i| i.borrow().get(key).copied()) {
        return s;
    }
    let s: &'static str = Box::leak(tf(key, &[]).into_boxed_str());
    INTERNED.with(|i| i.borrow_mut().insert(key, s));
    s
}

/// A message with its variables filled in.
pub fn tf(key: &str, args: &[(&str, Arg)]) -> String {
    ENGLISH.with(|en| {
        CURRENT.with(|c| match c.borrow().as_ref() {
            Some(cat) => words::format(cat, en, key, args, &plural),
            None => words::format(en, en, key, args, &plural),
        })
    })
}

/// A count as the language writes it ("1,234", "1.234", "1 234").
pub fn number(n: u64) -> String {
    decimal(n as f64, 0)
}

/// A figure with up to `places` decimals, as the language writes it ("2.1", "2,1").
pub fn decimal(v: f64, places: u32) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let o = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&o, &"maximumFractionDigits".into(), &places.into());
        let f = js_sys::Intl::NumberFormat::new(&js_sys::Array::of1(&lang().into()), &o);
        let format = f.format();
        if let Some(s) = format.call1(&f, &v.into()).ok().and_then(|s| s.as_string()) {
            return s;
        }
    }
    if places == 0 {
        english_grouping(v.round() as u64)
    } else {
        shoebox_core::decimal::fixed(v, places)
    }
}

fn english_grouping(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The plural category of `n` in the page's language (the browser's `Intl.PluralRules`).
fn plural(n: f64) -> PluralCategory {
    #[cfg(target_arch = "wasm32")]
    {
        let category = PLURALS.with(|p| {
            let mut p = p.borrow_mut();
            let rules =
                p.get_or_insert_with(|| js_sys::Intl::PluralRules::new(&js_sys::Array::of1(&lang().into()), &js_sys::Object::new()));
            String::from(rules.select(n))
        });
        if let Some(c) = PluralCategory::parse(&category) {
            return c;
        }
    }
    if n == 1.0 {
        PluralCategory::One
    } else {
        PluralCategory::Other
    }
}

/// A count as a variable: its value for the plural, its text as the language writes it.
pub fn count_arg(n: u64) -> (f64, String) {
    (n as f64, number(n))
}

/// `tf` with counts: each `(name, n)` is shown as `number(n)` and selects its plural.
pub fn tn(key: &str, counts: &[(&str, u64)], texts: &[(&str, &str)]) -> String {
    let shown: Vec<(f64, String)> = counts.iter().map(|(_, n)| count_arg(*n)).collect();
    let mut args: Vec<(&str, Arg)> = Vec::with_capacity(counts.len() + texts.len());
    for ((name, _), (value, text)) in counts.iter().zip(shown.iter()) {
        args.push((name, Arg::Num { value: *value, shown: text }));
    }
    for (name, text) in texts {
        args.push((name, Arg::Str(text)));
    }
    tf(key, &args)
}

/// The language for this page: the one kept in Settings, else the browser's best match.
#[cfg(target_arch = "wasm32")]
pub fn chosen() -> &'static str {
    // Read, never written here: a kiosk page keeps nothing in this browser's storage.
    let kept = crate::settings::stored().map(|s| s.language).unwrap_or_default();
    if let Some(l) = words::SUPPORTED.iter().find(|l| **l == kept) {
        return l;
    }
    let requested: Vec<String> =
        web_sys::window().map(|w| w.navigator().languages().iter().filter_map(|l| l.as_string()).collect()).unwrap_or_default();
    words::negotiate(&requested, &words::SUPPORTED)
}

/// Fetch the chosen language's catalog (English needs none) and set `<html lang dir>` and the
/// title. A catalog that does not arrive leaves English.
#[cfg(target_arch = "wasm32")]
pub async fn start() {
    load(chosen()).await;
}

/// Show the page in `wanted` from now on: its catalog, `<html lang dir>`, the title, and every
/// view that tracks the language (`track`) built again at once. A catalog that does not arrive
/// leaves the page as it was.
#[cfg(target_arch = "wasm32")]
pub async fn switch(wanted: &str) {
    if wanted == lang() {
        return;
    }
    load(wanted).await;
    SHOWN.with(|s| leptos::prelude::Update::update(s, |n| *n += 1));
}

#[cfg(target_arch = "wasm32")]
async fn load(wanted: &str) {
    if wanted == words::FALLBACK {
        set(Catalog { lang: words::FALLBACK.into(), ..Catalog::default() });
    } else {
        let req = crate::browser::xhr::XhrRequest {
            method: "GET".into(),
            url: format!("/locales/{wanted}.json"),
            headers: vec![],
            body: crate::browser::xhr::XhrBody::Empty,
        };
        if let Ok((_, reply)) = crate::browser::xhr::send(req, |_| {}) {
            if let Ok(r) = reply.await {
                if r.status == 200 {
                    if let Ok(c) = Catalog::from_json(&r.body) {
                        set(c);
                    }
                }
            }
        }
    }
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(root) = doc.document_element() {
        let shown = lang();
        let _ = root.set_attribute("lang", &shown);
        let _ = root.set_attribute("dir", if words::is_rtl(&shown) { "rtl" } else { "ltr" });
    }
    doc.set_title(t("page-title"));
    // The install prompt and the installed app are named in the page's language: each
    // language's manifest is made from its catalog at build time (English is the app's own).
    if let Ok(Some(link)) = doc.query_selector("link[rel=manifest]") {
        let shown = lang();
        let href =
            if shown == words::FALLBACK { "/manifest.webmanifest".to_string() } else { format!("/locales/manifest.{shown}.webmanifest") };
        let _ = link.set_attribute("href", &href);
    }
}

/// Switch to `lang` soon (`None`: the page's default, the kept choice else the browser's).
#[cfg(target_arch = "wasm32")]
pub fn show(lang: Option<String>) {
    wasm_bindgen_futures::spawn_local(async move {
        let wanted = lang.unwrap_or_else(|| chosen().to_string());
        switch(&wanted).await;
    });
}

/// The page has switched language since it opened (Settings then comes back open: the picker
/// that switched it is where the person was).
pub fn switched() -> bool {
    SHOWN.with(|s| s.get_untracked() > 0)
}

/// Read by a view that shows words: it is built again when the page's language changes.
pub fn track() {
    SHOWN.with(|s| s.track());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_built_in_and_a_catalog_replaces_it_per_message() {
        assert_eq!(t("back-up"), "Back up");
        assert_eq!(tn("status-ready-to-back-up", &[("count", 1)], &[]), "Ready to back up 1 photo or video");
        assert_eq!(tn("status-ready-to-back-up", &[("count", 1234)], &[]), "Ready to back up 1,234 photos and videos");
        let de = Catalog::from_json(r#"{"lang":"de","messages":{"back-up":["Sichern"]}}"#).unwrap();
        set(de);
        assert_eq!(lang(), "de");
        assert_eq!(t("back-up"), "Sichern");
        assert_eq!(t("pause"), "Pause", "English where the catalog lacks the message");
    }
}
