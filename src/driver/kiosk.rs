//! Kiosk mode, the driver's side (`/?kiosk=NAME&key=KEY`, or `/?visit=TOKEN` on a visitor's
//! phone): performs the kiosk flow's actions (`shoebox_core::kiosk`, where the decisions are),
//! sends its calls through the app's one performer and feeds the answers, the time, touches,
//! the engine's status and the page's life (`page_life.rs`) back to it. The visitor's files
//! are held here until the flow releases them to the intake.
//! Nothing of a visit is written to any browser store: no settings, no resume records, no
//! service worker, no IndexedDB (the driver never opens it in kiosk mode).
use leptos::prelude::*;
use shoebox_core::kiosk::{EngineSignal, KioskAction, KioskFlow};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{engine_settings, http, intake, with, Inner};
use crate::browser::clock;
use crate::settings::Settings;

mod own_account;
mod page_life;
use own_account::start_own_account;
pub use shoebox_core::kiosk::KioskMode as Mode;

/// A choice of files held while the visitor session starts.
pub(super) enum Held {
    Entries(Vec<web_sys::FileSystemEntry>),
    Files(web_sys::FileList),
}

pub(crate) struct KioskCtx {
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

/// What this page does differently on a visit (core's rules).
pub fn policy() -> shoebox_core::kiosk::PagePolicy {
    shoebox_core::kiosk::PagePolicy::of(params().as_ref())
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
        KioskCtx { flow: KioskFlow::new(mode, clock::now_ms()), held: Vec::new(), timer: None, pairing: None }
    }
}

/// Give the flow one input, then perform what it asks.
fn feed(input: impl FnOnce(&mut KioskFlow, u64)) {
    with(|d| {
        if let Some(k) = d.kiosk.as_mut() {
            input(&mut k.flow, clock::now_ms());
        }
        d.kiosk_pump();
    });
}

/// Touches keep the visit alive (any pointer or key on the page); leaving the page ends it.
pub(super) fn install() {
    page_life::install();
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let touch = Closure::<dyn Fn()>::new(|| feed(|f, now| f.handle_touch(now)));
    for ev in ["pointerdown", "keydown", "wheel"] {
        let _ = doc.add_event_listener_with_callback(ev, touch.as_ref().unchecked_ref());
    }
    touch.forget();
}

/// The visitor chose files: held until the flow releases them.
pub(super) fn choose(h: Held) {
    with(|d| {
        if let Some(k) = d.kiosk.as_mut() {
            k.held.push(h);
        }
    });
    feed(|f, now| f.handle_files(now));
}

/// A visit without files yet ("Upload from your phone").
pub(super) fn begin() {
    feed(|f, now| f.handle_begin(now));
}

pub(super) fn begin_own() {
    feed(|f, now| f.handle_begin_own(now));
}

pub(super) fn finish() {
    feed(|f, now| f.handle_finish(now));
}

/// The visitor chose a language on the welcome screen; the flow says how long it lasts.
pub(super) fn choose_language(lang: String) {
    feed(move |f, now| f.handle_language(now, &lang));
}

pub(super) fn set_keep_uploads(keep: bool) {
    feed(|f, _| f.set_keep_uploads(keep));
}

pub(super) fn on_status(d: &mut Inner, st: &shoebox_core::engine::Status) {
    if let Some(k) = d.kiosk.as_mut() {
        k.flow.handle_engine(clock::now_ms(), EngineSignal::of(st, d.engine.saved_kinds()));
    }
    d.kiosk_pump();
}

impl Inner {
    /// Perform the kiosk flow's actions, copy its phase to the store and arm its timer.
    pub(super) fn kiosk_pump(&mut self) {
        let Some(k) = self.kiosk.as_mut() else { return };
        let actions: Vec<_> = std::iter::from_fn(|| k.flow.poll_action()).collect();
        let mut settings = None;
        for a in actions {
            self.kiosk_perform(a, &mut settings);
        }
        if let Some(s) = settings {
            // This visit's settings live in the engine and the store only: a kiosk saves nothing.
            self.w.settings.set(s.clone());
            self.engine.set_settings(engine_settings(&s, &self.origin), clock::now_ms());
            self.pump();
        }
        let Some(k) = self.kiosk.as_mut() else { return };
        let (phase, countdown, due) = (k.flow.phase().clone(), k.flow.finishing_in(), k.flow.poll_timeout());
        let reset_in = k.flow.resets_in();
        if self.store.kiosk.get_untracked().as_ref() != Some(&phase) {
            self.w.kiosk.set(Some(phase));
        }
        if self.store.kiosk_countdown.get_untracked() != countdown {
            self.w.kiosk_countdown.set(countdown);
        }
        if self.store.kiosk_reset_in.get_untracked() != reset_in {
            self.w.kiosk_reset_in.set(reset_in);
        }
        self.arm_kiosk_timer(due);
    }

    fn kiosk_perform(&mut self, a: KioskAction, settings: &mut Option<Settings>) {
        match a {
            KioskAction::Call(which, call) => wasm_bindgen_futures::spawn_local(async move {
                let answer = http::api(call).await;
                feed(|f, now| f.handle_answer(now, which, answer));
            }),
            KioskAction::Leave(call) => {
                page_life::end_leaving(&self.engine.settings().api_base(), call, self.engine.settings().token.clone())
            }
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
            KioskAction::UseProfile(p) => {
                self.w.kiosk_welcome.set(Some(p.welcome_text()));
                self.w.kiosk_own.set(p.own_accounts);
                let s = settings.get_or_insert_with(|| self.store.settings.get_untracked());
                s.apply_param("quality", &p.quality);
                s.apply_param("limits", &p.limits.name);
            }
            KioskAction::UseVisit { token, welcome } => {
                self.w.kiosk_welcome.set(Some(shoebox_core::api::WelcomeText { text: welcome, ..Default::default() }));
                settings.get_or_insert_with(|| self.store.settings.get_untracked()).token = token;
            }
            KioskAction::ShowPhoneLink(token) => self.w.phone_link.set(Some(format!("{}/?visit={token}", self.origin))),
            KioskAction::ShowArrivals(names) => {
                if self.store.arrivals.get_untracked() != names {
                    self.w.arrivals.set(names);
                }
            }
            KioskAction::ShowNotice(n) => self.w.notice.set(Some(crate::strings::kiosk_notice(n).into())),
            KioskAction::UseLanguage(lang) => crate::i18n::show(lang),
            KioskAction::Forget => self.kiosk.as_mut().expect("kiosk").held.clear(),
            KioskAction::Reload => reload(),
        }
    }

    fn arm_kiosk_timer(&mut self, due: Option<u64>) {
        let Some(k) = self.kiosk.as_mut() else { return };
        let win = web_sys::window().expect("window");
        if let Some(t) = k.timer.take() {
            win.clear_timeout_with_handle(t);
        }
        let Some(at) = due else { return };
        let cb = Closure::once_into_js(|| {
            with(|d| d.kiosk.as_mut().map(|k| k.timer = None));
            feed(|f, now| f.handle_timeout(now));
        });
        let delay = at.saturating_sub(clock::now_ms()).min(i32::MAX as u64) as i32;
        k.timer = win.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), delay).ok();
    }
}

/// A reload forgets everything the visit left in memory; nothing was stored anywhere else.
pub(super) fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}
