//! Network status for the driver: online/offline events and whether the connection is metered
//! (navigator.connection: type "cellular", or saveData), for "Waiting for Wi-Fi".
use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub fn is_online() -> bool {
    web_sys::window().map(|w| w.navigator().on_line()).unwrap_or(true)
}

/// True when the browser says the connection is cellular or the user asked to save data.
/// Browsers that do not expose navigator.connection are treated as not metered.
pub fn is_metered() -> bool {
    let Some(w) = web_sys::window() else { return false };
    let Ok(conn) = Reflect::get(&w.navigator(), &"connection".into()) else { return false };
    if conn.is_undefined() || conn.is_null() {
        return false;
    }
    let kind = Reflect::get(&conn, &"type".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
    let save = Reflect::get(&conn, &"saveData".into()).ok().and_then(|v| v.as_bool()).unwrap_or(false);
    kind == "cellular" || save
}

/// Calls `f` whenever online status or connection type may have changed. The listeners live
/// for the page's lifetime (the driver is page-wide), so they are leaked on purpose.
pub fn watch(f: impl Fn() + 'static) {
    let Some(w) = web_sys::window() else { return };
    let f = std::rc::Rc::new(f);
    for name in ["online", "offline"] {
        let f = f.clone();
        let c = Closure::<dyn Fn()>::new(move || f());
        let _ = w.add_event_listener_with_callback(name, c.as_ref().unchecked_ref());
        c.forget();
    }
    if let Ok(conn) = Reflect::get(&w.navigator(), &"connection".into()) {
        if let Some(target) = conn.dyn_ref::<web_sys::EventTarget>() {
            let f = f.clone();
            let c = Closure::<dyn Fn()>::new(move || f());
            let _ = target.add_event_listener_with_callback("change", c.as_ref().unchecked_ref());
            c.forget();
        }
    }
}
