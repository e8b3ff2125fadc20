//! Kiosk mode, the driver's side (`/?kiosk=NAME&key=KEY`): performs the kiosk flow's actions
//! (`shoebox_core::kiosk`, where the decisions are): starts a visitor session with the kiosk's
//! key, holds the visitor's files until it exists, feeds the flow the engine's status and the
//! server's word on the visit (`watch.rs`), ends it on Finish, after the idle time or when the
//! page is left (`page_life.rs`), and resets by reloading the page, so the file list, the
//! token and the previews are gone.
//! Nothing of a visit is written to any browser store: no settings, no resume records, no
//! service worker, no IndexedDB (the driver never opens it in kiosk mode).
use leptos::prelude::*;
use shoebox_core::kiosk::{KioskAction, KioskFlow};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{engine_settings, intake, step, with, Inner};
use crate::browser::{clock, xhr};

mod own_account;
mod page_life;
mod watch;
pub(super) use own_account::load_profile;
use own_account::start_own_account;

/// A choice of files held while the visitor session starts.
pub(super) enum Held {
    Entries(Vec<web_sys::FileSystemEntry>),
    Files(web_sys::FileList),
}

/// A kiosk screen (with the kiosk's key), or a visitor's phone that opened the kiosk's QR
/// link (with a token into that visit).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    Kiosk { key: String },
    Phone { token: String },
}

pub(crate) struct KioskCtx {
    mode: Mode,
    /// This visit uploads into the visitor's own account (an upload-only token).
    own: bool,
    flow: KioskFlow,
    held: Vec<Held>,
    timer: Option<i32>,
    /// "Into your own account": the pairing the visitor approves.
    pairing: Option<own_account::OwnPairing>,
}

thread_local! {
    /// Read once: the address loses the kiosk's key the first time.
    static MODE: std::cell::OnceCell<Option<Mode>> = const { std::cell::OnceCell::new() };
}

/// The page's mode from its address: `?kiosk=NAME&key=KEY` or `?visit=TOKEN`.
pub fn params() -> Option<Mode> {
    MODE.with(|m| m.get_or_init(read_params).clone())
}

fn read_params() -> Option<Mode> {
    let search = web_sys::window()?.location().search().ok()?;
    let p = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    if let Some(token) = p.get("visit") {
        return Some(Mode::Phone { token });
    }
    let name = p.get("kiosk")?;
    Some(Mode::Kiosk { key: page_life::kiosk_key(&web_sys::window()?, &p, &name) })
}

impl KioskCtx {
    pub fn new(mode: Mode) -> Self {
        let flow = match mode {
            Mode::Kiosk { .. } => KioskFlow::new(120_000, clock::now_ms()),
            Mode::Phone { .. } => KioskFlow::phone(clock::now_ms()),
        };
        KioskCtx { mode, own: false, flow, held: Vec::new(), timer: None, pairing: None }
    }
}

/// Touches keep the visit alive (any pointer or key on the page); leaving the page ends it; a
/// phone asks about its link from the start.
pub(super) fn install() {
    page_life::install();
    if let Some(Mode::Phone { .. }) = params() {
        watch::watch(false);
    }
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

/// A visit without files yet ("Upload from your phone").
pub(super) fn begin() {
    with(|d| {
        if let Some(k) = d.kiosk.as_mut() {
            k.flow.on_begin(clock::now_ms());
        }
        d.kiosk_pump();
    });
}

pub(super) fn begin_own() {
    with(|d| {
        if let Some(k) = d.kiosk.as_mut() {
            k.flow.on_begin_own(clock::now_ms());
        }
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
        k.flow.on_status(st, clock::now_ms());
        // The done screen lists what is in the drop now, not two seconds ago.
        if matches!(st, shoebox_core::engine::Status::Complete { .. }) && d.store.phone_link.get_untracked().is_some() {
            wasm_bindgen_futures::spawn_local(watch::refresh_arrivals());
        }
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
        let countdown = k.flow.finishing_in();
        let mode = k.mode.clone();
        let ending = actions.iter().any(|a| matches!(a, KioskAction::EndSession { .. }));
        for a in actions {
            match a {
                KioskAction::StartSession => wasm_bindgen_futures::spawn_local(start_session(mode.clone())),
                KioskAction::StartOwnAccount => wasm_bindgen_futures::spawn_local(start_own_account()),
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
                    let own = self.kiosk.as_ref().is_some_and(|k| k.own);
                    wasm_bindgen_futures::spawn_local(end_session(token, keep_uploads, own));
                }
                KioskAction::EndSessionLeaving => {
                    let token = self.engine.settings().token.clone().unwrap_or_default();
                    let own = self.kiosk.as_ref().is_some_and(|k| k.own);
                    page_life::end_leaving(&end_url(false, own), &token);
                }
                KioskAction::ReportActivity => watch::report_activity(watch::visit_token(self)),
                // Ending a visit reloads once the server has ended it (end_session); with no
                // visit to end (an approval nobody gave), forget at once.
                KioskAction::Reset if !ending && phase == shoebox_core::kiosk::KioskPhase::Resetting => reload(),
                KioskAction::Reset => {
                    if let Some(k) = self.kiosk.as_mut() {
                        k.held.clear();
                    }
                }
            }
        }
        if self.store.kiosk.get_untracked().as_ref() != Some(&phase) {
            self.w.kiosk.set(Some(phase));
        }
        if self.store.kiosk_countdown.get_untracked() != countdown {
            self.w.kiosk_countdown.set(countdown);
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

pub(super) fn get(o: &JsValue, k: &str) -> JsValue {
    js_sys::Reflect::get(o, &k.into()).unwrap_or(JsValue::UNDEFINED)
}

/// One JSON call to the kiosk API; `None` unless it answered `ok`.
pub(super) async fn call(method: &str, url: &str, bearer: &str, ok: u16) -> Option<JsValue> {
    let req = xhr::XhrRequest {
        method: method.into(),
        url: url.into(),
        headers: vec![("Authorization".into(), format!("Bearer {bearer}"))],
        body: xhr::XhrBody::Empty,
    };
    let (_h, fut) = xhr::send(req, |_| {}).ok()?;
    fut.await.ok().filter(|r| r.status == ok).and_then(|r| js_sys::JSON::parse(&r.body).ok())
}

async fn start_session(mode: Mode) {
    // A kiosk starts a visit with its key; a phone joins the visit its link names.
    let answer = match &mode {
        Mode::Kiosk { key } => call("POST", "/api/v1/kiosk/sessions", key, 201).await,
        Mode::Phone { token } => call("GET", "/api/v1/kiosk/sessions/current", token, 200).await.inspect(|a| {
            let _ = js_sys::Reflect::set(a, &"token".into(), &token.into());
        }),
    };
    with(|d| {
        let Some(a) = answer else {
            if let Some(k) = d.kiosk.as_mut() {
                k.flow.on_session_failed();
            }
            // A phone whose link was refused shows that it has ended (the flow's phase).
            if matches!(mode, Mode::Kiosk { .. }) {
                d.w.notice.set(Some(crate::strings::KIOSK_UNAVAILABLE.into()));
            }
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
    if let Mode::Kiosk { .. } = mode {
        phone_link().await;
        watch::watch(true);
    }
}

/// "Upload from your phone": a link into this visit, shown as a QR code and a short code.
async fn phone_link() {
    let Some(token) = with(|d| d.engine.settings().token.clone()).flatten() else { return };
    let Some(a) = call("POST", "/api/v1/kiosk/sessions/current/phone", &token, 201).await else { return };
    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    let link = format!("{origin}/?visit={}", get(&a, "token").as_string().unwrap_or_default());
    with(|d| d.w.phone_link.set(Some(link)));
}

/// An own-account visit ends its upload-only token; a drop visit ends its session.
fn end_url(keep_uploads: bool, own: bool) -> String {
    match own {
        true => "/api/v1/devices/current".to_string(),
        false => format!("/api/v1/kiosk/sessions/current{}", if keep_uploads { "?keepUploads=1" } else { "" }),
    }
}

async fn end_session(token: String, keep_uploads: bool, own: bool) {
    let req = xhr::XhrRequest {
        method: "DELETE".into(),
        url: end_url(keep_uploads, own),
        headers: vec![("Authorization".into(), format!("Bearer {token}"))],
        body: xhr::XhrBody::Empty,
    };
    if let Ok((_h, fut)) = xhr::send(req, |_| {}) {
        let _ = fut.await;
    }
    reload();
}

/// A reload forgets everything the visit left in memory; nothing was stored anywhere else.
pub(super) fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}
