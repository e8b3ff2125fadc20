//! The installable app's page side: registers `/sw.js` (the app shell offline, one build at a
//! time, the share target), learns from it whether this start runs a new release ("Updated"),
//! takes the files shared to the app, and receives files opened with "Open with Shoebox"
//! (`window.launchQueue`, the manifest's file_handlers).
use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, MessageEvent};

fn container() -> Option<JsValue> {
    let nav = web_sys::window()?.navigator();
    Reflect::get(&nav, &"serviceWorker".into()).ok().filter(|c| c.is_object())
}

fn call(target: &JsValue, name: &str, args: &Array) -> Option<JsValue> {
    Reflect::get(target, &name.into()).ok()?.dyn_into::<Function>().ok()?.apply(target, args).ok()
}

/// Register the worker and listen to it. `on_updated` runs once when this start is the first of
/// a new release; `on_shared` gets the files the share target received.
pub fn register(on_updated: impl Fn() + 'static, on_shared: impl Fn(Vec<File>) + 'static) {
    let Some(c) = container() else { return };
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |m: MessageEvent| {
        let d = m.data();
        match Reflect::get(&d, &"kind".into()).ok().and_then(|k| k.as_string()).as_deref() {
            Some("hello") if Reflect::get(&d, &"updated".into()).ok().and_then(|u| u.as_bool()) == Some(true) => on_updated(),
            Some("shared") => {
                let files: Vec<File> = Reflect::get(&d, &"files".into())
                    .ok()
                    .and_then(|f| f.dyn_into::<Array>().ok())
                    .map(|a| a.iter().filter_map(|f| f.dyn_into::<File>().ok()).collect())
                    .unwrap_or_default();
                if !files.is_empty() {
                    on_shared(files);
                }
            }
            _ => {}
        }
    });
    let _ = call(&c, "addEventListener", &Array::of2(&"message".into(), on_message.as_ref()));
    on_message.forget();
    // Registered after the first paint: a first visit's install fetches the whole shell (over
    // 2 MB with the worker's wasm), which must not compete with the page being shown.
    super::first_paint::after_first_paint(move || register_now(c));
}

fn register_now(c: JsValue) {
    let Some(p) = call(&c, "register", &Array::of1(&"/sw.js".into())).and_then(|p| p.dyn_into::<Promise>().ok()) else { return };
    let shared = web_sys::window().and_then(|w| w.location().search().ok()).is_some_and(|s| s.contains("shared=1"));
    wasm_bindgen_futures::spawn_local(async move {
        if JsFuture::from(p).await.is_err() {
            return;
        }
        // The page may not be controlled on its very first load; ask whoever controls it.
        let Some(ctrl) = Reflect::get(&c, &"controller".into()).ok().filter(|x| x.is_object()) else { return };
        let _ = call(&ctrl, "postMessage", &Array::of1(&"hello".into()));
        if shared {
            let _ = call(&ctrl, "postMessage", &Array::of1(&"take-shared".into()));
        }
    });
}

/// Files opened with "Open with Shoebox" (ChromeOS Files app, desktop file managers).
pub fn on_launch_files(on_files: impl Fn(Vec<File>) + 'static) {
    let Some(w) = web_sys::window() else { return };
    let Some(queue) = Reflect::get(&w, &"launchQueue".into()).ok().filter(|q| q.is_object()) else { return };
    let on_files = std::rc::Rc::new(on_files);
    let consumer = Closure::<dyn Fn(JsValue)>::new(move |params: JsValue| {
        let Some(handles) = Reflect::get(&params, &"files".into()).ok().and_then(|f| f.dyn_into::<Array>().ok()) else { return };
        let on_files = on_files.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let mut files = Vec::new();
            for h in handles.iter() {
                if let Some(p) = call(&h, "getFile", &Array::new()).and_then(|p| p.dyn_into::<Promise>().ok()) {
                    if let Ok(f) = JsFuture::from(p).await.and_then(|f| f.dyn_into::<File>()) {
                        files.push(f);
                    }
                }
            }
            if !files.is_empty() {
                on_files(files);
            }
        });
    });
    let _ = call(&queue, "setConsumer", &Array::of1(consumer.as_ref()));
    consumer.forget();
}
