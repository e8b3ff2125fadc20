//! Kiosk mode, the driver's side (`/?kiosk=NAME&key=KEY`): performs the kiosk flow's actions
//! (`shoebox_core::kiosk`, where the decisions are): starts a visitor session with the kiosk's
//! key, holds the visitor's files until it exists, ends it on Finish or after the idle time,
//! and resets by reloading the page, so the file list, the token and the previews are gone.
//! Nothing of a visit is written to any browser store: no settings, no resume records, no
//! service worker, no IndexedDB (the driver never opens it in kiosk mode).
use leptos::prelude::*;
use shoebox_core::kiosk::{KioskAction, KioskFlow};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{engine_settings, intake, step, with, Inner};
use crate::browser::{clock, xhr};

/// A choice of files held while the visitor session starts.
pub(super) enum Held {
    Entries(Vec<web_sys::FileSystemEntry>),
    Files(web_sys::FileList),
}

pub(crate) struct KioskCtx {
    key: String,
    flow: KioskFlow,
    held: Vec<Held>,
    timer: Option<i32>,
}

/// `kiosk` and `key` from the page's address, when it is a kiosk.
pub fn params() -> Option<(String, String)> {
    let search = web_sys::window()?.location().search().ok()?;
    let p = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    Some((p.get("kiosk")?, p.get("key")?))
}

impl KioskCtx {
    pub fn new(key: String) -> Self {
        KioskCtx { key, flow: KioskFlow::new(120_000, clock::now_ms()), held: Vec::new(), timer: None }
    }
}

/// Touches keep the visit alive (any pointer or key on the page).
pub(super) fn install() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let touch = Closure::<dyn Fn()>::new(|| {
        with(|d| {
            if let Some(k) = d.kiosk.as_mut() {
                k.flow.on_touch(clock::now_ms());
            }
            d.kiosk_pump();
        });
    });
    for ev in ["pointerdown", "keydown", "wheel"] {
        let _ = doc.add_event_listener_with_callback(ev, touch.as_ref().unchecked_ref());
    }
    touch.forget();
}

/// The visitor chose files: held until the session exists, or added at once.
pub(super) fn choose(h: Held) {
    with(|d| {
        let Some(k) = d.kiosk.as_mut() else { return };
        k.held.push(h);
        k.flow.on_files(clock::now_ms());
        d.kiosk_pump();
    });
}

pub(super) fn finish() {
    with(|d| {
        if let Some(k) = d.kiosk.as_mut() {
            k.flow.on_finish(clock::now_ms());
        }
        d.kiosk_pump();
    });
}

pub(super) fn set_keep_uploads(keep: bool) {
    with(|d| {
        if let Some(k) = d.kiosk.as_mut() {
            k.flow.set_keep_uploads(keep);
        }
    });
}

pub(super) fn on_status(d: &mut Inner, st: &shoebox_core::engine::Status) {
    if let Some(k) = d.kiosk.as_mut() {
        k.flow.on_status(st);
    }
    d.kiosk_pump();
}

impl Inner {
    /// Perform the kiosk flow's actions and copy its phase to the store.
    pub(super) fn kiosk_pump(&mut self) {
        let Some(k) = self.kiosk.as_mut() else { return };
        let mut actions = Vec::new();
        while let Some(a) = k.flow.poll_action() {
            actions.push(a);
        }
        let phase = k.flow.phase().clone();
        let due = k.flow.poll_timeout();
        let key = k.key.clone();
        for a in actions {
            match a {
                KioskAction::StartSession => wasm_bindgen_futures::spawn_local(start_session(key.clone())),
                KioskAction::ReleaseFiles => {
                    for h in std::mem::take(&mut self.kiosk.as_mut().expect("kiosk").held) {
                        // Outside this borrow: the intake takes the driver itself.
                        wasm_bindgen_futures::spawn_local(async move {
                            match h {
                                Held::Entries(e) => intake::add_entries(e),
                                Held::Files(f) => intake::add_file_list(f),
                            }
                        });
                    }
                }
                KioskAction::EndSession { keep_uploads } => {
                    let token = self.engine.settings().token.clone().unwrap_or_default();
                    wasm_bindgen_futures::spawn_local(end_session(token, keep_uploads));
                }
                KioskAction::Reset => {}
            }
        }
        if self.store.kiosk.get_untracked().as_ref() != Some(&phase) {
            self.w.kiosk.set(Some(phase));
        }
        self.arm_kiosk_timer(due);
    }

    fn arm_kiosk_timer(&mut self, due: Option<u64>) {
        let Some(k) = self.kiosk.as_mut() else { return };
        let win = web_sys::window().expect("window");
        if let Some(t) = k.timer.take() {
            win.clear_timeout_with_handle(t);
        }
        let Some(at) = due else { return };
        let cb = Closure::once_into_js(|| {
            with(|d| {
                if let Some(k) = d.kiosk.as_mut() {
                    k.timer = None;
                    k.flow.on_timeout(clock::now_ms());
                }
                d.kiosk_pump();
            });
        });
        let delay = at.saturating_sub(clock::now_ms()).min(i32::MAX as u64) as i32;
        k.timer = win.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), delay).ok();
    }
}

fn get(o: &JsValue, k: &str) -> JsValue {
    js_sys::Reflect::get(o, &k.into()).unwrap_or(JsValue::UNDEFINED)
}

async fn start_session(key: String) {
    let req = xhr::XhrRequest {
        method: "POST".into(),
        url: "/api/v1/kiosk/sessions".into(),
        headers: vec![("Authorization".into(), format!("Bearer {key}"))],
        body: xhr::XhrBody::Empty,
    };
    let answer = match xhr::send(req, |_| {}) {
        Ok((_h, fut)) => fut.await.ok().filter(|r| r.status == 201).and_then(|r| js_sys::JSON::parse(&r.body).ok()),
        Err(_) => None,
    };
    with(|d| {
        let Some(a) = answer else {
            if let Some(k) = d.kiosk.as_mut() {
                k.flow.on_session_failed();
            }
            d.w.notice.set(Some(crate::strings::KIOSK_UNAVAILABLE.into()));
            return d.kiosk_pump();
        };
        let token = get(&a, "token").as_string().unwrap_or_default();
        let drop = get(&a, "drop").as_string().unwrap_or_default();
        let code = get(&a, "code").as_string().unwrap_or_default();
        let idle = get(&a, "idleSeconds").as_f64().unwrap_or(120.0) as u64 * 1000;
        d.w.kiosk_welcome.set(get(&a, "welcome").as_string());
        // The visitor's token lives in the engine's memory only, for this visit.
        let mut s = d.store.settings.get_untracked();
        s.token = token;
        d.w.settings.set(s.clone());
        d.engine.set_settings(engine_settings(&s, &d.origin), clock::now_ms());
        if let Some(k) = d.kiosk.as_mut() {
            k.flow.set_idle(idle);
            k.flow.on_session(drop, code, clock::now_ms());
        }
        d.kiosk_pump();
        d.pump();
    });
    step(|_, _| {});
}

async fn end_session(token: String, keep_uploads: bool) {
    let url = format!("/api/v1/kiosk/sessions/current{}", if keep_uploads { "?keepUploads=1" } else { "" });
    let req = xhr::XhrRequest {
        method: "DELETE".into(),
        url,
        headers: vec![("Authorization".into(), format!("Bearer {token}"))],
        body: xhr::XhrBody::Empty,
    };
    if let Ok((_h, fut)) = xhr::send(req, |_| {}) {
        let _ = fut.await;
    }
    // A reload forgets everything the visit left in memory; nothing was stored anywhere else.
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}
