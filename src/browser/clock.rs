//! The browser's clock and timers for the driver: the engine never reads a clock itself.
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The engine's time: wall-clock milliseconds since the epoch. Not performance.now(), because
/// resume records carry these times across page loads and performance.now() restarts at 0.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// Let the browser run other tasks (render, input) before continuing.
pub async fn yield_now() {
    sleep_ms(0).await;
}

pub async fn sleep_ms(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
        } else {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Run `f` once the clock reaches `at` (ms since the epoch), or at once if it has.
pub fn call_at(at: u64, f: impl FnOnce() + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        sleep_ms(at.saturating_sub(now_ms()).min(i32::MAX as u64) as u32).await;
        f();
    });
}

/// Run `f` once after `ms` milliseconds.
pub fn after(ms: u64, f: impl FnOnce() + 'static) -> Option<i32> {
    let cb = Closure::once_into_js(f);
    let delay = ms.min(i32::MAX as u64) as i32;
    web_sys::window()?.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), delay).ok()
}

/// One timeout standing for a flow's `poll_timeout` (an instant on [`now_ms`]'s clock): moved
/// only when that instant changes, and cleared when it is gone.
#[derive(Clone, Default)]
pub struct Timer(Rc<Cell<Option<(i32, u64)>>>);

impl Timer {
    /// Keep one timeout at `want`; `fire` runs then (a timeout that ran is forgotten first, so
    /// the next `arm` sets a new one even for the same instant).
    pub fn arm(&self, want: Option<u64>, fire: impl FnOnce() + 'static) {
        if self.0.get().map(|(_, at)| at) == want {
            return;
        }
        if let (Some((handle, _)), Some(w)) = (self.0.take(), web_sys::window()) {
            w.clear_timeout_with_handle(handle);
        }
        let Some(at) = want else { return };
        let slot = self.0.clone();
        let handle = after(at.saturating_sub(now_ms()), move || {
            slot.set(None);
            fire();
        });
        self.0.set(handle.map(|h| (h, at)));
    }
}
