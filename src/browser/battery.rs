//! Power (Battery Status API): whether the device is charging, and a callback when that
//! changes. Where the browser has no `navigator.getBattery`, `watch` answers `false` and the
//! app shows "only while charging" as unavailable instead of silently ignoring it.
use js_sys::{Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Report the charging state now and on every change. Returns whether the API exists.
pub async fn watch(on_change: impl Fn(bool) + 'static) -> bool {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else { return false };
    let Ok(get) = Reflect::get(&nav, &"getBattery".into()).and_then(|f| f.dyn_into::<js_sys::Function>()) else { return false };
    let Ok(p) = get.call0(&nav).and_then(|p| p.dyn_into::<Promise>()) else { return false };
    let Ok(battery) = JsFuture::from(p).await else { return false };
    let charging = |b: &JsValue| Reflect::get(b, &"charging".into()).ok().and_then(|c| c.as_bool()).unwrap_or(true);
    on_change(charging(&battery));
    let b = battery.clone();
    let cb = Closure::<dyn Fn()>::new(move || on_change(charging(&b)));
    if let Ok(add) = Reflect::get(&battery, &"addEventListener".into()).and_then(|f| f.dyn_into::<js_sys::Function>()) {
        let _ = add.call2(&battery, &"chargingchange".into(), cb.as_ref());
    }
    cb.forget();
    true
}
