//! Page-level companions of a running backup: the leave-page prompt, a screen wake lock, and a
//! notification when a backup finishes in a hidden tab.
use js_sys::Reflect;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::store::StatusView;
use crate::strings as s;

thread_local! {
    static RUNNING: RefCell<bool> = const { RefCell::new(false) };
    static WAKE_LOCK: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

/// Install the beforeunload guard (asks only while a backup runs).
pub fn install() {
    let Some(w) = web_sys::window() else { return };
    let c = Closure::<dyn Fn(web_sys::Event)>::new(|e: web_sys::Event| {
        if RUNNING.with(|r| *r.borrow()) {
            e.prevent_default();
            let _ = Reflect::set(&e, &"returnValue".into(), &s::LEAVE_WARNING.into());
        }
    });
    let _ = w.add_event_listener_with_callback("beforeunload", c.as_ref().unchecked_ref());
    c.forget();
}

/// Called when the status changes kind.
pub fn on_status(prev: &StatusView, next: &StatusView) {
    let running = crate::store::can_pause(next);
    RUNNING.with(|r| *r.borrow_mut() = running);
    if running {
        acquire_wake_lock();
    } else {
        release_wake_lock();
    }
    if let (false, StatusView::Complete { uploaded, already, skipped, failed }) = (matches!(prev, StatusView::Complete { .. }), next) {
        notify_if_hidden(&s::complete_detail(*uploaded, *already, *skipped, *failed));
    }
}

fn acquire_wake_lock() {
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

fn release_wake_lock() {
    if let Some(sentinel) = WAKE_LOCK.with(|w| w.borrow_mut().take()) {
        if let Ok(f) = Reflect::get(&sentinel, &"release".into()).and_then(|f| f.dyn_into::<js_sys::Function>()) {
            let _ = f.call0(&sentinel);
        }
    }
}

fn notify_if_hidden(body: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if !doc.hidden() {
        return;
    }
    let global = js_sys::global();
    let Ok(ctor) = Reflect::get(&global, &"Notification".into()) else { return };
    if ctor.is_undefined() {
        return;
    }
    let granted = Reflect::get(&ctor, &"permission".into()).ok().and_then(|p| p.as_string()).as_deref() == Some("granted");
    if !granted {
        return;
    }
    let opts = js_sys::Object::new();
    let _ = Reflect::set(&opts, &"body".into(), &body.into());
    if let Ok(ctor) = ctor.dyn_into::<js_sys::Function>() {
        let _ = Reflect::construct(&ctor, &js_sys::Array::of2(&s::DONE_NOTIFICATION.into(), &opts));
    }
}

/// Ask for notification permission once the user starts a backup (a user gesture).
pub fn ask_notification_permission() {
    let global = js_sys::global();
    if let Ok(ctor) = Reflect::get(&global, &"Notification".into()) {
        if let Ok(f) = Reflect::get(&ctor, &"requestPermission".into()).and_then(|f| f.dyn_into::<js_sys::Function>()) {
            if Reflect::get(&ctor, &"permission".into()).ok().and_then(|p| p.as_string()).as_deref() == Some("default") {
                let _ = f.call0(&ctor);
            }
        }
    }
}
