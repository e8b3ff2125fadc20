//! Devices, the driver's side: signing this device in by approval (it shows a code and a QR
//! code; a signed-in device approves; this one polls until it has its own token), approving
//! another device's code (`/?approve=CODE` or typed), and the account's devices and storage.
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{engine_settings, with};
use crate::browser::{clock, xhr};
use crate::store::{AccountView, ApprovalView, DeviceRow, PairingView};

fn get(o: &JsValue, k: &str) -> JsValue {
    js_sys::Reflect::get(o, &k.into()).unwrap_or(JsValue::UNDEFINED)
}

/// One JSON call; (status, parsed body).
async fn call(method: &str, url: &str, token: Option<&str>, body: Option<String>) -> Option<(u16, JsValue)> {
    let mut headers = vec![];
    if let Some(t) = token.filter(|t| !t.is_empty()) {
        headers.push(("Authorization".to_string(), format!("Bearer {t}")));
    }
    let body = match body {
        Some(b) => {
            headers.push(("Content-Type".into(), "application/json".into()));
            xhr::XhrBody::Text(b)
        }
        None => xhr::XhrBody::Empty,
    };
    let (_h, fut) = xhr::send(xhr::XhrRequest { method: method.into(), url: url.into(), headers, body }, |_| {}).ok()?;
    let r = fut.await.ok()?;
    Some((r.status, js_sys::JSON::parse(&r.body).unwrap_or(JsValue::NULL)))
}

fn token() -> String {
    with(|d| d.store.settings.get_untracked().token).unwrap_or_default()
}

/// "Sign in this device": ask for a pairing, show its code, poll until it is approved.
pub(super) async fn sign_in() {
    let name =
        web_sys::window().and_then(|w| w.navigator().user_agent().ok()).map(|ua| device_name(&ua)).unwrap_or_else(|| "A browser".into());
    let body = serde_json::json!({"name": name, "scope": "full"}).to_string();
    let Some((201, a)) = call("POST", "/api/v1/pair", None, Some(body)).await else {
        with(|d| d.w.notice.set(Some(crate::strings::SIGN_IN_FAILED.into())));
        return;
    };
    let device_code = get(&a, "deviceCode").as_string().unwrap_or_default();
    let code = get(&a, "userCode").as_string().unwrap_or_default();
    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    with(|d| d.w.pairing.set(Some(PairingView { code: code.clone(), link: format!("{origin}/?approve={code}") })));
    let end = clock::now_ms() + 10 * 60_000;
    while clock::now_ms() < end {
        crate::browser::clock::sleep_ms(2000).await;
        let body = serde_json::json!({"deviceCode": device_code}).to_string();
        match call("POST", "/api/v1/pair/poll", None, Some(body)).await {
            Some((200, a)) => {
                with(|d| d.w.pairing.set(None));
                return adopt_token(get(&a, "token").as_string().unwrap_or_default()).await;
            }
            Some((428, _)) => continue,
            _ => break,
        }
    }
    with(|d| {
        d.w.pairing.set(None);
        d.w.notice.set(Some(crate::strings::SIGN_IN_EXPIRED.into()));
    });
}

/// This device's own token, from an approval or a sign-in link: kept as a token from the
/// address bar is, and used at once.
async fn adopt_token(token: String) {
    with(|d| {
        let mut s = d.store.settings.get_untracked();
        s.token = token;
        crate::settings::save(&s);
        d.w.settings.set(s.clone());
        d.engine.set_settings(engine_settings(&s, &d.origin), clock::now_ms());
        d.pump();
    });
    super::library::on_signed_in();
    refresh().await
}

/// `/?signin=CODE` (the one-time link `shoebox-server user add` prints): the code leaves the
/// address bar and history at once, and is exchanged, once, for this device's own token.
async fn sign_in_by_link(code: String) {
    let name =
        web_sys::window().and_then(|w| w.navigator().user_agent().ok()).map(|ua| device_name(&ua)).unwrap_or_else(|| "A browser".into());
    let body = serde_json::json!({"code": code, "name": name}).to_string();
    match call("POST", "/api/v1/signin", None, Some(body)).await {
        Some((200, a)) => adopt_token(get(&a, "token").as_string().unwrap_or_default()).await,
        Some((429, _)) => with(|d| d.w.notice.set(Some(crate::strings::PAIR_TOO_MANY.into()))).unwrap_or(()),
        Some((404, _)) => with(|d| d.w.notice.set(Some(crate::strings::SIGN_IN_LINK_USED.into()))).unwrap_or(()),
        _ => with(|d| d.w.notice.set(Some(crate::strings::SIGN_IN_FAILED.into()))).unwrap_or(()),
    }
}

/// Removes `name` from the page's address without a reload or a history entry.
fn strip_param(name: &str) {
    let Some(window) = web_sys::window() else { return };
    let Ok(url) = web_sys::Url::new(&window.location().href().unwrap_or_default()) else { return };
    url.search_params().delete(name);
    let _ = window.history().and_then(|h| h.replace_state_with_url(&JsValue::NULL, "", Some(&url.href())));
}

/// A short, human name for this device from its user agent ("Chromebook", "Windows PC").
fn device_name(ua: &str) -> String {
    let kind = if ua.contains("CrOS") {
        "Chromebook"
    } else if ua.contains("Android") {
        "Android phone"
    } else if ua.contains("iPhone") || ua.contains("iPad") {
        "iPhone or iPad"
    } else if ua.contains("Windows") {
        "Windows PC"
    } else if ua.contains("Mac OS") {
        "Mac"
    } else {
        "Linux computer"
    };
    kind.to_string()
}

/// `/?approve=CODE`, or a code typed in: show what asks, so the person can approve it.
pub(super) async fn look_up(code: String) {
    let t = token();
    match call("GET", &format!("/api/v1/pair/{}", js_sys::encode_uri_component(&code)), Some(&t), None).await {
        Some((200, a)) => with(|d| {
            d.w.approval.set(Some(ApprovalView {
                code,
                name: get(&a, "name").as_string().unwrap_or_default(),
                upload_only: get(&a, "scope").as_string().as_deref() == Some("upload"),
                hours: get(&a, "hours").as_f64(),
            }))
        }),
        Some((429, _)) => with(|d| d.w.notice.set(Some(crate::strings::PAIR_TOO_MANY.into()))),
        _ => with(|d| d.w.notice.set(Some(crate::strings::PAIR_UNKNOWN.into()))),
    };
}

pub(super) async fn approve(code: String) {
    let t = token();
    let ok = matches!(
        call("POST", &format!("/api/v1/pair/{}/approve", js_sys::encode_uri_component(&code)), Some(&t), None).await,
        Some((204, _))
    );
    with(|d| {
        d.w.approval.set(None);
        d.w.notice.set(Some(if ok { crate::strings::PAIR_APPROVED } else { crate::strings::PAIR_UNKNOWN }.into()));
    });
    refresh().await;
}

pub(super) async fn revoke(id: String) {
    let t = token();
    let _ = call("DELETE", &format!("/api/v1/devices/{}", js_sys::encode_uri_component(&id)), Some(&t), None).await;
    refresh().await;
}

/// The account's devices and storage, as the server says.
pub(super) async fn refresh() {
    let t = token();
    if let Some((200, list)) = call("GET", "/api/v1/devices", Some(&t), None).await {
        let rows: Vec<DeviceRow> = list
            .dyn_into::<js_sys::Array>()
            .map(|a| {
                a.iter()
                    .map(|d| DeviceRow {
                        id: get(&d, "id").as_string().unwrap_or_default(),
                        name: get(&d, "name").as_string().unwrap_or_default(),
                        upload_only: get(&d, "scope").as_string().as_deref() == Some("upload"),
                        created: get(&d, "createdAt").as_string().unwrap_or_default(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        with(|d| d.w.devices.set(rows));
    }
    if let Some((200, a)) = call("GET", "/api/v1/account", Some(&t), None).await {
        let used = get(&a, "usedBytes").as_f64().unwrap_or(0.0) as u64;
        let quota = get(&a, "quotaBytes").as_f64().map(|q| q as u64);
        with(|d| d.w.account.set(Some(AccountView { used, quota })));
    }
}

/// The storage line follows the backup: refreshed when one ends or the storage is full.
pub(super) fn on_status(st: &shoebox_core::engine::Status) {
    use shoebox_core::engine::Status;
    if matches!(st, Status::Complete { .. } | Status::StorageFull) {
        wasm_bindgen_futures::spawn_local(refresh());
    }
}

/// Start: an `?approve=CODE` in the address asks to approve that code; a `?signin=CODE`
/// signs this device in.
pub(super) fn on_start() {
    let Some(search) = web_sys::window().and_then(|w| w.location().search().ok()) else { return };
    let Ok(p) = web_sys::UrlSearchParams::new_with_str(&search) else { return };
    if let Some(code) = p.get("approve") {
        wasm_bindgen_futures::spawn_local(look_up(code));
    }
    if let Some(code) = p.get("signin") {
        strip_param("signin");
        wasm_bindgen_futures::spawn_local(sign_in_by_link(code));
    }
    wasm_bindgen_futures::spawn_local(refresh());
}
