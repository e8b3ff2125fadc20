//! Devices, the driver's side: performs the devices flow's actions (`shoebox_core::devices`,
//! where the rules are: signing this device in, approving another's code, the account's
//! devices and storage). Its calls go out through the one performer; what it shows goes to
//! the store.
use leptos::prelude::*;
use shoebox_core::devices::{DeviceKind, DevicesAction, DevicesFlow};
use shoebox_core::engine::Status;
use wasm_bindgen::JsValue;

use super::{http, with, Inner, Intent};
use crate::browser::clock;
use crate::store::{AccountView, ApprovalView, DeviceRow, PairingView};

/// The flow, and the time its timer is set for.
#[derive(Default)]
pub(crate) struct DevicesCtx {
    flow: DevicesFlow,
    armed: Option<u64>,
}

/// The name this device asks to be signed in under, from its kind.
fn this_device_name() -> String {
    let ua = web_sys::window().and_then(|w| w.navigator().user_agent().ok());
    crate::strings::devices::device_kind(DeviceKind::of_user_agent(ua.as_deref())).to_string()
}

pub(super) fn intent(i: Intent) {
    with(|d| {
        let flow = &mut d.devices.flow;
        match i {
            Intent::SignIn => flow.handle_sign_in(this_device_name()),
            Intent::LookUpCode(code) => flow.handle_look_up(code),
            Intent::Approve(code) => flow.handle_approve(code),
            Intent::DeclineApproval => flow.handle_decline(),
            Intent::RevokeDevice(id) => flow.handle_revoke(id),
            _ => {}
        }
        d.devices_pump();
    });
}

pub(super) fn on_status(d: &mut Inner, status: &Status) {
    d.devices.flow.handle_status(status);
    d.devices_pump();
}

/// Start: `?approve=CODE` and `?signin=CODE` go to the flow; the sign-in code leaves the
/// address bar and history at once.
pub(super) fn on_start() {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok();
    let param = |name| params.as_ref().and_then(|p| p.get(name));
    let signin = param("signin");
    if signin.is_some() {
        strip_param("signin");
    }
    with(|d| {
        d.devices.flow.handle_start(param("approve"), signin.map(|code| (code, this_device_name())));
        d.devices_pump();
    });
}

/// Removes `name` from the page's address without a reload or a history entry.
fn strip_param(name: &str) {
    let Some(window) = web_sys::window() else { return };
    let Ok(url) = web_sys::Url::new(&window.location().href().unwrap_or_default()) else { return };
    url.search_params().delete(name);
    let _ = window.history().and_then(|h| h.replace_state_with_url(&JsValue::NULL, "", Some(&url.href())));
}

impl Inner {
    /// Perform the devices flow's actions and set its timer.
    fn devices_pump(&mut self) {
        while let Some(action) = self.devices.flow.poll_action() {
            self.perform_devices(action);
        }
        let due = self.devices.flow.poll_timeout();
        if due == self.devices.armed {
            return;
        }
        self.devices.armed = due;
        if let Some(at) = due {
            clock::call_at(at, move || {
                with(|d| {
                    d.devices.armed = d.devices.armed.filter(|&armed| armed != at);
                    d.devices.flow.handle_timeout(clock::now_ms());
                    d.devices_pump();
                });
            });
        }
    }

    fn perform_devices(&mut self, action: DevicesAction) {
        match action {
            DevicesAction::Call(which, call) => wasm_bindgen_futures::spawn_local(async move {
                let answer = http::api(call).await;
                with(|d| {
                    d.devices.flow.handle_answer(clock::now_ms(), which, answer);
                    d.devices_pump();
                });
            }),
            DevicesAction::ShowPairing(code) => self.w.pairing.set(Some(PairingView::new(&self.origin, code))),
            DevicesAction::HidePairing => self.w.pairing.set(None),
            DevicesAction::ShowApproval(approval) => self.w.approval.set(Some(ApprovalView::from(approval))),
            DevicesAction::HideApproval => self.w.approval.set(None),
            DevicesAction::ShowDevices(list) => self.w.devices.set(list.into_iter().map(DeviceRow::from).collect()),
            DevicesAction::ShowAccount(account) => self.w.account.set(Some(AccountView::from(account))),
            DevicesAction::AdoptToken(token) => self.adopt_token(token),
            DevicesAction::Notice(n) => self.w.notice.set(Some(crate::strings::devices::notice(n).into())),
        }
    }

    /// This device's own token, kept as a token from the address bar is, and used at once.
    fn adopt_token(&mut self, token: String) {
        let mut s = self.store.settings.get_untracked();
        s.token = token;
        if !self.use_settings(s, true) {
            return;
        }
        self.pump();
        wasm_bindgen_futures::spawn_local(async { super::library::on_signed_in() });
    }
}
