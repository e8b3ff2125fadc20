//! What the kiosk page learns from the server while a visit runs, every two seconds: the
//! visit's state (`GET …/sessions/current`: are its uploads moving, when was it last active,
//! or 401: it has ended) for the kiosk flow's idle rule, and the photos in the visit's drop
//! for the kiosk screen. Also the visitor's touches, told to the server (the flow throttles).
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::super::{with, Inner};
use super::{call, get, Mode};
use crate::browser::{clock, xhr};

const SESSION: &str = "/api/v1/kiosk/sessions/current";

/// The token this page asks with: the phone's link, or the kiosk's visitor token (an
/// own-account visit has no visitor session to ask about).
pub(super) fn visit_token(d: &Inner) -> Option<String> {
    let k = d.kiosk.as_ref()?;
    match &k.mode {
        Mode::Phone { token } => Some(token.clone()),
        Mode::Kiosk { .. } if k.own => None,
        Mode::Kiosk { .. } => d.engine.settings().token.clone(),
    }
}

async fn send(method: &str, url: &str, token: &str) -> Option<xhr::XhrResponse> {
    let req = xhr::XhrRequest {
        method: method.into(),
        url: url.into(),
        headers: vec![("Authorization".into(), format!("Bearer {token}"))],
        body: xhr::XhrBody::Empty,
    };
    let (_h, fut) = xhr::send(req, |_| {}).ok()?;
    fut.await.ok()
}

async fn poll_session() {
    let Some(token) = with(|d| visit_token(d)).flatten() else { return };
    let Some(r) = send("GET", SESSION, &token).await else { return };
    with(|d| {
        let Some(k) = d.kiosk.as_mut() else { return };
        match r.status {
            401 => k.flow.on_session_gone(),
            200 => {
                let a = js_sys::JSON::parse(&r.body).unwrap_or(JsValue::NULL);
                let moving = get(&a, "uploadsMoving").as_bool().unwrap_or(false);
                let last = get(&a, "lastActivityAt").as_string().map(|t| js_sys::Date::parse(&t)).filter(|t| t.is_finite());
                k.flow.on_server(moving, last.map(|t| t as u64), clock::now_ms());
            }
            _ => {}
        }
        d.kiosk_pump();
    });
}

/// The visitor did something: the server hears it (the flow asks at most every few seconds).
/// Called from inside the driver, so the token comes in.
pub(super) fn report_activity(token: Option<String>) {
    let Some(token) = token else { return };
    wasm_bindgen_futures::spawn_local(async move {
        let _ = send("POST", &format!("{SESSION}/activity"), &token).await;
    });
}

pub(super) async fn refresh_arrivals() {
    let Some(token) = with(|d| d.engine.settings().token.clone()).flatten() else { return };
    let Some(page) = call("GET", "/api/v1/media?limit=1000", &token, 200).await else { return };
    let names: Vec<String> = js_sys::Reflect::get(&page, &"items".into())
        .ok()
        .and_then(|i| i.dyn_into::<js_sys::Array>().ok())
        .map(|a| a.iter().filter_map(|i| get(&i, "filename").as_string()).collect())
        .unwrap_or_default();
    with(|d| {
        if d.store.arrivals.get_untracked() != names {
            d.w.arrivals.set(names);
        }
    });
}

/// Every two seconds while the page lives (it reloads when a kiosk's visit ends): the
/// visit's state, and on the kiosk with a phone link, the photos in its drop.
pub(super) fn watch(arrivals: bool) {
    let cb = Closure::<dyn Fn()>::new(move || {
        let live = with(|d| d.kiosk.as_ref().is_some_and(|k| k.flow.polls())).unwrap_or(false);
        if !live {
            return;
        }
        wasm_bindgen_futures::spawn_local(poll_session());
        if arrivals {
            wasm_bindgen_futures::spawn_local(refresh_arrivals());
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.set_interval_with_callback_and_timeout_and_arguments_0(cb.as_ref().unchecked_ref(), 2000);
    }
    cb.forget();
}
