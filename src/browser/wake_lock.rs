//! The screen wake lock, and the leave-page prompt, held while a backup runs.
use js_sys::Reflect;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    static WAKE_LOCK: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

/// Ask before the page is left whenever `ask()` says so, with `warning` as the prompt's text.
pub fn guard_leaving(ask: fn() -> bool, warning: &'static str) {
    let Some(w) = web_sys::window() else { return };
    let c = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
        if ask() {
            e.prevent_default();
            let _ = Reflect::set(&e, &"returnValue".into(), &warning.into());
        }
    });
    let _ = w.add_event_listener_with_callback("beforeunload", c.as_ref().unchecked_ref());
    c.forget();
}

/// Hold (or release) the screen wake lock.
pub fn keep_awake(on: bool) {
    if on {
        acquire();
    } else if let Some(sentinel) = WAKE_LOCK.with(|w| w.borrow_mut().take()) {
        if let Ok(f) = Reflect::get(&sentinel, &"release".into()).and_then(|f| f.dyn_into::<js_sys::Function>()) {
            let _ = f.call0(&sentinel);
        }
    }
}

fn acquire() {
    if WAKE_LOCK.with(|w| w.borrow().is_some()) {
        return;
    }
    let Some(w) = web_sys::window() else { return };
    let Ok(wl) = Reflect::get(&w.navigator(), &"wakeLock".into()) else { return };
    if wl.is_undefined() {
        return;
    }
    let Ok(request) = Reflect::get(&wl, &"request".into()).and_then(|f| f.dyn_into::<js_sys::Function>()) else { return };
    let Ok(promise) = request.call1(&wl, &"screen".into()).and_then(|p| p.dyn_into::<js_sys::Promise>()) else { return };
    wasm_bindgen_futures::spawn_local(async move {
        // Refused (tab hidden, policy): the backup simply runs without it.
        if let Ok(sentinel) = wasm_bindgen_futures::JsFuture::from(promise).await {
            WAKE_LOCK.with(|w| *w.borrow_mut() = Some(sentinel));
        }
    });
}
