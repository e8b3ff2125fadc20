//! The account's devices and storage, the app's side: signing this device in (by a pairing a
//! signed-in device approves, or by a one-time sign-in link), approving another device's code,
//! revoking devices, and keeping the device list and the storage line fresh (asked at start,
//! after each change, and when a backup ends or the storage is full).
//! The driver performs the actions; the words for a [`DeviceKind`] and a [`DevicesNotice`]
//! live in the app's strings.
use crate::api::{
    device_path, pair_approve_path, pair_code_path, AccountInfo, ApiAnswer, ApiCall, Bearer, DeviceInfo, DeviceToken, PairingInfo,
    SigninRequest, ACCOUNT_PATH, DEVICES_PATH, SIGNIN_PATH,
};
use crate::engine::Status;
use crate::pairing::{PairingAction, PairingCall, PairingFailure, PairingFlow};

/// What kind of device this is, from its user agent: the name it asks to be paired under.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeviceKind {
    Chromebook,
    Windows,
    Mac,
    Android,
    Iphone,
    Linux,
    /// No user agent to go by.
    Browser,
}

impl DeviceKind {
    pub fn of_user_agent(ua: Option<&str>) -> Self {
        let Some(ua) = ua else { return DeviceKind::Browser };
        // Chrome OS and Android name Linux too, iPads and iPhones name Mac OS: most specific first.
        if ua.contains("CrOS") {
            DeviceKind::Chromebook
        } else if ua.contains("Android") {
            DeviceKind::Android
        } else if ua.contains("iPhone") || ua.contains("iPad") {
            DeviceKind::Iphone
        } else if ua.contains("Windows") {
            DeviceKind::Windows
        } else if ua.contains("Mac OS") {
            DeviceKind::Mac
        } else {
            DeviceKind::Linux
        }
    }
}

/// Which call an answer is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DevicesCall {
    Pairing(PairingCall),
    SignInLink,
    LookUp(String),
    Approve,
    Revoke,
    Devices,
    Account,
}

/// What the person is told.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DevicesNotice {
    SignInFailed,
    SignInExpired,
    SignInLinkUsed,
    TooManyCodes,
    Approved,
    UnknownCode,
}

/// Another device's code, looked up, waiting for "Approve".
#[derive(Clone, Debug, PartialEq)]
pub struct Approval {
    pub code: String,
    pub info: PairingInfo,
}

/// What the driver must do.
#[derive(Clone, Debug, PartialEq)]
pub enum DevicesAction {
    Call(DevicesCall, ApiCall),
    /// Show this device's pairing code (and the QR code of [`crate::pairing::approve_link`]).
    ShowPairing(String),
    HidePairing,
    ShowApproval(Approval),
    HideApproval,
    ShowDevices(Vec<DeviceInfo>),
    ShowAccount(AccountInfo),
    /// This device's own token: keep it as one from the address bar is, and use it at once.
    AdoptToken(String),
    Notice(DevicesNotice),
}

#[derive(Clone, Debug, Default)]
pub struct DevicesFlow {
    pairing: Option<PairingFlow>,
    status: Option<Status>,
    actions: Vec<DevicesAction>,
}

impl DevicesFlow {
    /// The page opened: `approve` (`/?approve=CODE`) asks about that code, `signin`
    /// (`/?signin=CODE`, with this device's name) exchanges a sign-in link; the list is asked.
    pub fn handle_start(&mut self, approve: Option<String>, signin: Option<(String, String)>) {
        if let Some(code) = approve {
            self.handle_look_up(code);
        }
        if let Some((code, name)) = signin {
            let body = SigninRequest { code, name: Some(name) };
            self.call(DevicesCall::SignInLink, ApiCall::post(SIGNIN_PATH, Bearer::Nobody, Some(&body)));
        }
        self.refresh();
    }

    /// "Sign in this device", named `name`: a new pairing replaces one still waiting.
    pub fn handle_sign_in(&mut self, name: String) {
        if let Some(old) = self.pairing.as_mut() {
            old.handle_stop();
            self.drain_pairing();
        }
        self.pairing = Some(PairingFlow::sign_in(name));
        self.drain_pairing();
    }

    /// A code to approve, typed or from the address: ask what it is.
    pub fn handle_look_up(&mut self, code: String) {
        let call = ApiCall::get(pair_code_path(&code), Bearer::Device);
        self.call(DevicesCall::LookUp(code), call);
    }

    pub fn handle_approve(&mut self, code: String) {
        self.call(DevicesCall::Approve, ApiCall::post::<()>(pair_approve_path(&code), Bearer::Device, None));
    }

    pub fn handle_decline(&mut self) {
        self.actions.push(DevicesAction::HideApproval);
    }

    pub fn handle_revoke(&mut self, id: String) {
        self.call(DevicesCall::Revoke, ApiCall::delete(device_path(&id), Bearer::Device));
    }

    /// The storage line follows the backup: asked again when one ends or the storage is full.
    pub fn handle_status(&mut self, status: &Status) {
        if self.status.as_ref() == Some(status) {
            return;
        }
        self.status = Some(status.clone());
        if matches!(status, Status::Complete { .. } | Status::StorageFull) {
            self.refresh();
        }
    }

    pub fn handle_answer(&mut self, now: u64, which: DevicesCall, answer: ApiAnswer) {
        let reply = answer.as_ref().ok();
        let status = reply.map(|r| r.status);
        match which {
            DevicesCall::Pairing(call) => {
                if let Some(p) = self.pairing.as_mut() {
                    p.handle_answer(now, call, answer);
                }
                self.drain_pairing();
            }
            DevicesCall::SignInLink => match (status, reply.and_then(|r| r.json::<DeviceToken>())) {
                (Some(200), Some(t)) => self.adopt(t.token),
                (Some(429), _) => self.notice(DevicesNotice::TooManyCodes),
                (Some(404), _) => self.notice(DevicesNotice::SignInLinkUsed),
                _ => self.notice(DevicesNotice::SignInFailed),
            },
            DevicesCall::LookUp(code) => match (status, reply.and_then(|r| r.json::<PairingInfo>())) {
                (Some(200), Some(info)) => self.actions.push(DevicesAction::ShowApproval(Approval { code, info })),
                (Some(429), _) => self.notice(DevicesNotice::TooManyCodes),
                _ => self.notice(DevicesNotice::UnknownCode),
            },
            DevicesCall::Approve => {
                self.actions.push(DevicesAction::HideApproval);
                self.notice(if status == Some(204) { DevicesNotice::Approved } else { DevicesNotice::UnknownCode });
                self.refresh();
            }
            DevicesCall::Revoke => self.refresh(),
            DevicesCall::Devices => {
                if let Some(list) = reply.filter(|r| r.status == 200).and_then(|r| r.json::<Vec<DeviceInfo>>()) {
                    self.actions.push(DevicesAction::ShowDevices(list));
                }
            }
            DevicesCall::Account => {
                if let Some(account) = reply.filter(|r| r.status == 200).and_then(|r| r.json::<AccountInfo>()) {
                    self.actions.push(DevicesAction::ShowAccount(account));
                }
            }
        }
    }

    /// Next action, until `None`.
    pub fn poll_action(&mut self) -> Option<DevicesAction> {
        (!self.actions.is_empty()).then(|| self.actions.remove(0))
    }

    /// The pairing's next poll or deadline.
    pub fn poll_timeout(&self) -> Option<u64> {
        self.pairing.as_ref().and_then(PairingFlow::poll_timeout)
    }

    pub fn handle_timeout(&mut self, now: u64) {
        if let Some(p) = self.pairing.as_mut() {
            p.handle_timeout(now);
        }
        self.drain_pairing();
    }

    fn drain_pairing(&mut self) {
        let Some(p) = self.pairing.as_mut() else { return };
        let mut out = Vec::new();
        while let Some(a) = p.poll_action() {
            out.push(a);
        }
        if !p.is_running() {
            self.pairing = None;
        }
        for a in out {
            match a {
                PairingAction::Call(which, call) => self.call(DevicesCall::Pairing(which), call),
                PairingAction::ShowCode(code) => self.actions.push(DevicesAction::ShowPairing(code)),
                PairingAction::HideCode => self.actions.push(DevicesAction::HidePairing),
                PairingAction::SignedIn(token) => self.adopt(token),
                PairingAction::Failed(PairingFailure::NotStarted) => self.notice(DevicesNotice::SignInFailed),
                PairingAction::Failed(PairingFailure::Expired) => self.notice(DevicesNotice::SignInExpired),
            }
        }
    }

    fn adopt(&mut self, token: String) {
        self.actions.push(DevicesAction::AdoptToken(token));
        self.refresh();
    }

    /// The account's devices and storage, as the server says.
    fn refresh(&mut self) {
        self.call(DevicesCall::Devices, ApiCall::get(DEVICES_PATH, Bearer::Device));
        self.call(DevicesCall::Account, ApiCall::get(ACCOUNT_PATH, Bearer::Device));
    }

    fn call(&mut self, which: DevicesCall, call: ApiCall) {
        self.actions.push(DevicesAction::Call(which, call));
    }

    fn notice(&mut self, notice: DevicesNotice) {
        self.actions.push(DevicesAction::Notice(notice));
    }
}

#[cfg(test)]
mod tests;
