//! "Into your own account": an upload-only pairing whose QR code the visitor approves from
//! their signed-in phone.
use leptos::prelude::*;

use super::super::{engine_settings, with};
use crate::browser::{clock, xhr};
use wasm_bindgen::JsValue;

fn get(o: &JsValue, k: &str) -> JsValue {
    js_sys::Reflect::get(o, &k.into()).unwrap_or(JsValue::UNDEFINED)
}

/// "Into your own account": an upload-only pairing; its QR code opens the approval on the
/// visitor's signed-in phone; the kiosk polls until it is approved (or the visit is dropped).
pub(super) async fn start_own_account() {
    let body = serde_json::json!({"name": "Shoebox kiosk", "scope": "upload", "ttlSeconds": 3600}).to_string();
    let req = xhr::XhrRequest {
        method: "POST".into(),
        url: "/api/v1/pair".into(),
        headers: vec![("Content-Type".into(), "application/json".into())],
        body: xhr::XhrBody::Text(body),
    };
    let answer = match xhr::send(req, |_| {}) {
        Ok((_h, fut)) => fut.await.ok().filter(|r| r.status == 201).and_then(|r| js_sys::JSON::parse(&r.body).ok()),
        Err(_) => None,
    };
    let Some(a) = answer else {
        return with(|d| {
            if let Some(k) = d.kiosk.as_mut() {
                k.flow.on_session_failed();
            }
            d.w.notice.set(Some(crate::strings::KIOSK_UNAVAILABLE.into()));
            d.kiosk_pump();
        })
        .unwrap_or(());
    };
    let device_code = get(&a, "deviceCode").as_string().unwrap_or_default();
    let code = get(&a, "userCode").as_string().unwrap_or_default();
    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    with(|d| d.w.pairing.set(Some(crate::store::PairingView { code: code.clone(), link: format!("{origin}/?approve={code}") })));
    loop {
        clock::sleep_ms(2000).await;
        let waiting =
            with(|d| d.kiosk.as_ref().is_some_and(|k| k.flow.phase() == &shoebox_core::kiosk::KioskPhase::Starting)).unwrap_or(false);
        if !waiting {
            return;
        }
        let req = xhr::XhrRequest {
            method: "POST".into(),
            url: "/api/v1/pair/poll".into(),
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: xhr::XhrBody::Text(serde_json::json!({"deviceCode": device_code}).to_string()),
        };
        let Ok((_h, fut)) = xhr::send(req, |_| {}) else { continue };
        let Ok(r) = fut.await else { continue };
        if r.status == 428 {
            continue;
        }
        let token = (r.status == 200).then(|| js_sys::JSON::parse(&r.body).ok()).flatten().and_then(|a| get(&a, "token").as_string());
        with(|d| {
            d.w.pairing.set(None);
            let Some(token) = token else {
                if let Some(k) = d.kiosk.as_mut() {
                    k.flow.on_session_failed();
                }
                return d.kiosk_pump();
            };
            let mut s = d.store.settings.get_untracked();
            s.token = token;
            d.w.settings.set(s.clone());
            d.engine.set_settings(engine_settings(&s, &d.origin), clock::now_ms());
            if let Some(k) = d.kiosk.as_mut() {
                k.flow.on_own_session(clock::now_ms());
            }
            d.kiosk_pump();
            d.pump();
        });
        return;
    }
}
