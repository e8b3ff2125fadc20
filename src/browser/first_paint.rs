//! Deferring work until the page has painted: the photo/hash workers and the service worker's
//! registration (whose install fetches the whole shell, the worker's wasm included) wait for the
//! first contentful paint, so a kiosk or a Chromebook shows the page before anything heavy starts.
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Run `f` once the browser has reported the page's first contentful paint (the paint timing
/// entry, which is stamped when the frame is presented: a timeout queued from an animation frame
/// ran before it on a loaded machine). Polled every 50 ms; a hidden page (a background tab) paints
/// nothing, so it starts at once there, and after 5 s it starts regardless.
pub fn after_first_paint(f: impl FnOnce() + 'static) {
    fn painted_or_hidden() -> bool {
        let Some(w) = web_sys::window() else { return true };
        w.document().is_some_and(|d| d.hidden())
            || w.performance().is_some_and(|p| p.get_entries_by_name("first-contentful-paint").length() > 0)
    }
    fn poll(f: Box<dyn FnOnce()>, left: u32) {
        let Some(win) = web_sys::window().filter(|_| left > 0 && !painted_or_hidden()) else { return f() };
        let next = Closure::once_into_js(move || poll(f, left - 1));
        let _ = win.set_timeout_with_callback_and_timeout_and_arguments_0(next.unchecked_ref(), 50);
    }
    poll(Box::new(f), 100);
}
