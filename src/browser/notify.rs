//! System notifications (the Notification API), shown only to a hidden tab.
use js_sys::Reflect;
use wasm_bindgen::JsCast;

/// Notify, if the tab is hidden and notifications are allowed.
pub fn notify_if_hidden(title: &str, body: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if !doc.hidden() {
        return;
    }
    let Ok(ctor) = Reflect::get(&js_sys::global(), &"Notification".into()) else { return };
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
        let _ = Reflect::construct(&ctor, &js_sys::Array::of2(&title.into(), &opts));
    }
}

/// Ask for permission once, from a user gesture (the browser asks only if never asked).
pub fn ask_permission() {
    if let Ok(ctor) = Reflect::get(&js_sys::global(), &"Notification".into()) {
        if let Ok(f) = Reflect::get(&ctor, &"requestPermission".into()).and_then(|f| f.dyn_into::<js_sys::Function>()) {
            if Reflect::get(&ctor, &"permission".into()).ok().and_then(|p| p.as_string()).as_deref() == Some("default") {
                let _ = f.call0(&ctor);
            }
        }
    }
}
