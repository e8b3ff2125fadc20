//! The kiosk page's life in the browser: its key leaves the address bar at once (kept in this
//! tab's sessionStorage, so the reload that ends each visit still finds it), and no page is
//! ever shown again with a visit in it: leaving ends the kiosk's visit with a request that
//! outlives the page, and a page restored from the back/forward cache reloads.
use shoebox_core::api::{ApiCall, Bearer};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const KEY_ITEM: &str = "shoebox-kiosk-key";

/// The kiosk's key: from the address (which then forgets it, in place, so neither the address
/// bar nor the history holds it), else from what this tab kept.
pub(super) fn kiosk_key(w: &web_sys::Window, p: &web_sys::UrlSearchParams, name: &str) -> String {
    let store = w.session_storage().ok().flatten();
    let item = format!("{KEY_ITEM}:{name}");
    let Some(key) = p.get("key") else {
        return store.and_then(|s| s.get_item(&item).ok().flatten()).unwrap_or_default();
    };
    if let Some(s) = &store {
        let _ = s.set_item(&item, &key);
    }
    p.delete("key");
    if let (Ok(path), Ok(history)) = (w.location().pathname(), w.history()) {
        let url = format!("{path}?{}", String::from(p.to_string()));
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
    key
}

/// `pagehide`: the kiosk flow ends its visit; `pageshow` from the back/forward cache: reload,
/// so nothing of a visit (names, codes, a QR code, a token) is shown or used again.
pub(super) fn install() {
    let Some(w) = web_sys::window() else { return };
    let hide = Closure::<dyn Fn()>::new(|| super::feed(|f, _| f.handle_page_hidden()));
    let show = Closure::<dyn Fn(web_sys::Event)>::new(|e: web_sys::Event| {
        if js_sys::Reflect::get(&e, &"persisted".into()).ok().and_then(|p| p.as_bool()) == Some(true) {
            super::reload();
        }
    });
    let _ = w.add_event_listener_with_callback("pagehide", hide.as_ref().unchecked_ref());
    let _ = w.add_event_listener_with_callback("pageshow", show.as_ref().unchecked_ref());
    hide.forget();
    show.forget();
}

/// Send the flow's last call (to `{base}{path}`, as the app's performer would) with a request
/// the browser completes after the page is gone (`fetch` with `keepalive`; an XMLHttpRequest
/// would be cancelled with the page).
pub(super) fn end_leaving(base: &str, call: ApiCall, device_token: Option<String>) {
    let Some(w) = web_sys::window() else { return };
    let token = match call.bearer {
        Bearer::Nobody => None,
        Bearer::Device => device_token,
        Bearer::Token(t) => Some(t),
    };
    let headers = js_sys::Object::new();
    if let Some(t) = token {
        let _ = js_sys::Reflect::set(&headers, &"Authorization".into(), &format!("Bearer {t}").into());
    }
    let init = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&init, &"method".into(), &call.method.as_str().into());
    let _ = js_sys::Reflect::set(&init, &"keepalive".into(), &true.into());
    let _ = js_sys::Reflect::set(&init, &"headers".into(), &headers);
    let Ok(fetch) = js_sys::Reflect::get(&w, &"fetch".into()).and_then(|f| f.dyn_into::<js_sys::Function>()) else { return };
    if let Ok(p) = fetch.call2(&w, &format!("{base}{}", call.path).into(), &init) {
        if let Ok(p) = p.dyn_into::<js_sys::Promise>() {
            // Settled or not, nothing waits for it: the page is going away.
            let ignore = Closure::<dyn FnMut(JsValue)>::new(|_| {});
            let _ = p.catch(&ignore);
            ignore.forget();
        }
    }
}
