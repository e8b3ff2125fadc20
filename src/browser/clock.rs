//! The browser's clock and timers for the driver: the engine never reads a clock itself.
use wasm_bindgen::prelude::*;
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
