//! "Into your own account": an upload-only pairing (`shoebox_core::pairing`, where its rules are) whose QR code the visitor approves
//! from their signed-in phone.
use leptos::prelude::*;
use shoebox_core::pairing::{PairingAction, PairingFailure, PairingFlow};

use super::super::{engine_settings, http, with, Inner};
use crate::browser::clock;
use crate::store::PairingView;

/// The own-account visit's pairing, and the time its timer is set for.
pub(super) struct OwnPairing {
    flow: PairingFlow,
    armed: Option<u64>,
}

/// "Into your own account": an upload-only pairing; its QR code opens the approval on the
/// visitor's signed-in phone; the kiosk polls until it is approved (or the visit moves on).
pub(super) async fn start_own_account() {
    with(|d| {
        if let Some(k) = d.kiosk.as_mut() {
            k.pairing = Some(OwnPairing { flow: PairingFlow::kiosk_visit(), armed: None });
        }
        d.own_pairing_pump();
    });
}

/// The pairing hears the visit's phase first: it waits only while the visit starts.
fn own_pairing(d: &mut Inner) -> Option<&mut OwnPairing> {
    let k = d.kiosk.as_mut()?;
    let p = k.pairing.as_mut()?;
    p.flow.handle_kiosk_phase(k.flow.phase());
    Some(p)
}

impl Inner {
    fn own_pairing_pump(&mut self) {
        let Some(p) = self.kiosk.as_mut().and_then(|k| k.pairing.as_mut()) else { return };
        let actions: Vec<PairingAction> = std::iter::from_fn(|| p.flow.poll_action()).collect();
        let due = p.flow.poll_timeout();
        if due != p.armed {
            p.armed = due;
            if let Some(at) = due {
                clock::call_at(at, move || {
                    with(|d| {
                        if let Some(p) = own_pairing(d) {
                            p.armed = p.armed.filter(|&armed| armed != at);
                            p.flow.handle_timeout(clock::now_ms());
                        }
                        d.own_pairing_pump();
                    });
                });
            }
        }
        for action in actions {
            self.perform_own_pairing(action);
        }
    }

    fn perform_own_pairing(&mut self, action: PairingAction) {
        match action {
            PairingAction::Call(which, call) => wasm_bindgen_futures::spawn_local(async move {
                let answer = http::api(call).await;
                with(|d| {
                    if let Some(p) = own_pairing(d) {
                        p.flow.handle_answer(clock::now_ms(), which, answer);
                    }
                    d.own_pairing_pump();
                });
            }),
            PairingAction::ShowCode(code) => self.w.pairing.set(Some(PairingView::new(&self.origin, code))),
            PairingAction::HideCode => self.w.pairing.set(None),
            PairingAction::SignedIn(token) => {
                // The visitor's upload-only token lives in the engine's memory only.
                let mut s = self.store.settings.get_untracked();
                s.token = token;
                self.w.settings.set(s.clone());
                self.engine.set_settings(engine_settings(&s, &self.origin), clock::now_ms());
                if let Some(k) = self.kiosk.as_mut() {
                    k.flow.on_own_session(clock::now_ms());
                }
                self.kiosk_pump();
                self.pump();
            }
            PairingAction::Failed(why) => {
                if why == PairingFailure::NotStarted {
                    self.w.notice.set(Some(crate::strings::kiosk_unavailable().into()));
                }
                if let Some(k) = self.kiosk.as_mut() {
                    k.flow.on_session_failed();
                }
                self.kiosk_pump();
            }
        }
    }
}
