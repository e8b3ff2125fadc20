//! Watching folders for changes with FileSystemObserver, where the browser has it.
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Observe `handles` (recursively); `on_change` runs on each reported change. Returns whether
/// every folder is observed (false: the browser has no observer, or it refused one).
pub fn watch(handles: &[JsValue], on_change: impl Fn() + 'static) -> bool {
    let callback = Closure::<dyn Fn()>::new(on_change);
    let ctor =
        js_sys::Reflect::get(&js_sys::global(), &"FileSystemObserver".into()).ok().and_then(|c| c.dyn_into::<js_sys::Function>().ok());
    let observed = ctor.is_some_and(|ctor| {
        let Ok(obs) = js_sys::Reflect::construct(&ctor, &js_sys::Array::of1(callback.as_ref())) else { return false };
        let opts = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&opts, &"recursive".into(), &true.into());
        let observe = js_sys::Reflect::get(&obs, &"observe".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        observe.is_some_and(|f| handles.iter().all(|h| f.call2(&obs, h, &opts).is_ok()))
    });
    // The observer lives as long as the page.
    callback.forget();
    observed
}
