//! The devices rules: the device kind, what the page asks at start, approvals, sign-in links,
//! the storage refresh on Complete or StorageFull, and "Sign in this device" driving the pairing.
use super::*;
use crate::api::{ApiReply, DeviceScope, PairStarted, PAIR_PATH, PAIR_POLL_PATH};
use crate::engine::Method;
use crate::pairing::POLL_EVERY_MS;

fn drain(f: &mut DevicesFlow) -> Vec<DevicesAction> {
    std::iter::from_fn(|| f.poll_action()).collect()
}

fn paths(actions: &[DevicesAction]) -> Vec<String> {
    actions.iter().filter_map(|a| if let DevicesAction::Call(_, c) = a { Some(c.path.clone()) } else { None }).collect()
}

fn refresh() -> Vec<String> {
    vec![DEVICES_PATH.to_string(), ACCOUNT_PATH.to_string()]
}

fn complete(uploaded: u64) -> Status {
    Status::Complete { uploaded, already: 0, skipped: 0, failed: 0 }
}

#[test]
fn the_kind_comes_from_the_user_agent() {
    let kind = |ua| DeviceKind::of_user_agent(Some(ua));
    assert_eq!(kind("Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) Chrome/120"), DeviceKind::Chromebook);
    assert_eq!(kind("Mozilla/5.0 (Linux; Android 14; Pixel 8)"), DeviceKind::Android);
    assert_eq!(kind("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)"), DeviceKind::Iphone);
    assert_eq!(kind("Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X)"), DeviceKind::Iphone);
    assert_eq!(kind("Mozilla/5.0 (Windows NT 10.0; Win64; x64)"), DeviceKind::Windows);
    assert_eq!(kind("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)"), DeviceKind::Mac);
    assert_eq!(kind("Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/120"), DeviceKind::Linux);
    assert_eq!(DeviceKind::of_user_agent(None), DeviceKind::Browser);
}

#[test]
fn start_looks_up_exchanges_and_asks_for_the_list() {
    let mut f = DevicesFlow::default();
    f.handle_start(None, None);
    assert_eq!(paths(&drain(&mut f)), refresh());
    f.handle_start(Some("BCDF 2345".into()), Some(("code1".into(), "Mac".into())));
    let a = drain(&mut f);
    assert_eq!(paths(&a)[..2], ["/api/v1/pair/BCDF%202345".to_string(), SIGNIN_PATH.to_string()]);
    let DevicesAction::Call(DevicesCall::SignInLink, c) = &a[1] else { panic!("{a:?}") };
    assert_eq!((c.bearer.clone(), c.body.as_deref()), (Bearer::Nobody, Some(r#"{"code":"code1","name":"Mac"}"#)));
}

#[test]
fn a_sign_in_link_adopts_its_token_or_says_why_not() {
    let mut f = DevicesFlow::default();
    f.handle_answer(0, DevicesCall::SignInLink, Ok(ApiReply::new(200, r#"{"token":"t1","user":"ann"}"#)));
    let a = drain(&mut f);
    assert_eq!(a[0], DevicesAction::AdoptToken("t1".into()));
    assert_eq!(paths(&a), refresh(), "the list is asked with the new token");
    for (status, notice) in [(404, DevicesNotice::SignInLinkUsed), (429, DevicesNotice::TooManyCodes), (500, DevicesNotice::SignInFailed)] {
        f.handle_answer(0, DevicesCall::SignInLink, Ok(ApiReply::new(status, "")));
        assert_eq!(drain(&mut f), vec![DevicesAction::Notice(notice)]);
    }
}

#[test]
fn an_approval_is_looked_up_then_approved_or_declined() {
    let mut f = DevicesFlow::default();
    f.handle_look_up("C0DE".into());
    assert_eq!(paths(&drain(&mut f)), ["/api/v1/pair/C0DE".to_string()]);
    let info = r#"{"name":"Shoebox kiosk","scope":"upload","hours":1.0}"#;
    f.handle_answer(0, DevicesCall::LookUp("C0DE".into()), Ok(ApiReply::new(200, info)));
    let info = PairingInfo { name: "Shoebox kiosk".into(), scope: DeviceScope::Upload, hours: Some(1.0) };
    assert_eq!(drain(&mut f), vec![DevicesAction::ShowApproval(Approval { code: "C0DE".into(), info })]);
    f.handle_answer(0, DevicesCall::LookUp("X".into()), Ok(ApiReply::new(429, "")));
    assert_eq!(drain(&mut f), vec![DevicesAction::Notice(DevicesNotice::TooManyCodes)]);
    f.handle_answer(0, DevicesCall::LookUp("X".into()), Ok(ApiReply::new(404, "")));
    assert_eq!(drain(&mut f), vec![DevicesAction::Notice(DevicesNotice::UnknownCode)]);

    f.handle_approve("C0DE".into());
    let a = drain(&mut f);
    let DevicesAction::Call(DevicesCall::Approve, c) = &a[0] else { panic!() };
    assert_eq!((c.method, c.path.as_str(), c.bearer.clone()), (Method::Post, "/api/v1/pair/C0DE/approve", Bearer::Device));
    f.handle_answer(0, DevicesCall::Approve, Ok(ApiReply::new(204, "")));
    let a = drain(&mut f);
    assert_eq!(a[..2], [DevicesAction::HideApproval, DevicesAction::Notice(DevicesNotice::Approved)]);
    assert_eq!(paths(&a), refresh());
    f.handle_answer(0, DevicesCall::Approve, Ok(ApiReply::new(404, "")));
    assert_eq!(drain(&mut f)[1], DevicesAction::Notice(DevicesNotice::UnknownCode));
    f.handle_decline();
    assert_eq!(drain(&mut f), vec![DevicesAction::HideApproval]);
}

#[test]
fn revoking_asks_for_the_list_again_and_the_answers_show() {
    let mut f = DevicesFlow::default();
    f.handle_revoke("d/1".into());
    let a = drain(&mut f);
    let DevicesAction::Call(DevicesCall::Revoke, c) = &a[0] else { panic!() };
    assert_eq!((c.method, c.path.as_str()), (Method::Delete, "/api/v1/devices/d%2F1"));
    f.handle_answer(0, DevicesCall::Revoke, Ok(ApiReply::new(204, "")));
    assert_eq!(paths(&drain(&mut f)), refresh());
    let list = r#"[{"id":"d1","name":"Mac","scope":"full","createdAt":"2026-01-01T00:00:00Z","expiresAt":null}]"#;
    f.handle_answer(0, DevicesCall::Devices, Ok(ApiReply::new(200, list)));
    let [DevicesAction::ShowDevices(rows)] = &drain(&mut f)[..] else { panic!() };
    assert_eq!((rows[0].name.as_str(), rows[0].scope), ("Mac", DeviceScope::Full));
    f.handle_answer(0, DevicesCall::Account, Ok(ApiReply::new(200, r#"{"usedBytes":7,"quotaBytes":null}"#)));
    assert_eq!(drain(&mut f), vec![DevicesAction::ShowAccount(AccountInfo { used_bytes: 7, quota_bytes: None })]);
    // A refused or unreadable answer leaves what is shown.
    f.handle_answer(0, DevicesCall::Devices, Ok(ApiReply::new(401, "")));
    f.handle_answer(0, DevicesCall::Account, Ok(ApiReply::new(200, "<html>")));
    assert!(drain(&mut f).is_empty());
}

#[test]
fn storage_is_asked_again_when_a_backup_ends_or_storage_is_full() {
    let mut f = DevicesFlow::default();
    f.handle_status(&Status::Ready);
    f.handle_status(&Status::BackingUp { done: 0, total: 2, bytes_left: 9, eta_ms: None });
    assert!(drain(&mut f).is_empty());
    f.handle_status(&complete(2));
    assert_eq!(paths(&drain(&mut f)), refresh());
    // The same status again asks nothing.
    f.handle_status(&complete(2));
    assert!(drain(&mut f).is_empty());
    f.handle_status(&Status::StorageFull);
    assert_eq!(paths(&drain(&mut f)), refresh());
    f.handle_status(&Status::Paused);
    assert!(drain(&mut f).is_empty());
}

#[test]
fn sign_in_this_device_runs_the_pairing_to_a_token() {
    let mut f = DevicesFlow::default();
    f.handle_sign_in("Chromebook".into());
    let a = drain(&mut f);
    let [DevicesAction::Call(DevicesCall::Pairing(PairingCall::Start), c)] = &a[..] else { panic!("{a:?}") };
    assert_eq!((c.path.as_str(), c.body.as_deref()), (PAIR_PATH, Some(r#"{"name":"Chromebook","scope":"full"}"#)));
    let started = PairStarted { device_code: "dc".into(), user_code: "BCDF".into(), expires_in: 600, interval: 2 };
    f.handle_answer(0, DevicesCall::Pairing(PairingCall::Start), Ok(ApiReply::new(201, serde_json::to_string(&started).unwrap())));
    assert_eq!(drain(&mut f), vec![DevicesAction::ShowPairing("BCDF".into())]);
    assert_eq!(f.poll_timeout(), Some(POLL_EVERY_MS));
    f.handle_timeout(POLL_EVERY_MS);
    assert_eq!(paths(&drain(&mut f)), [PAIR_POLL_PATH.to_string()]);
    f.handle_answer(2_100, DevicesCall::Pairing(PairingCall::Poll), Ok(ApiReply::new(200, r#"{"token":"t2","user":"ann"}"#)));
    let a = drain(&mut f);
    assert_eq!(a[..2], [DevicesAction::HidePairing, DevicesAction::AdoptToken("t2".into())]);
    assert_eq!(paths(&a), refresh());
    assert_eq!(f.poll_timeout(), None);
}

#[test]
fn a_failed_pairing_says_which_way_it_failed() {
    let mut f = DevicesFlow::default();
    f.handle_sign_in("Mac".into());
    drain(&mut f);
    f.handle_answer(0, DevicesCall::Pairing(PairingCall::Start), Err(crate::engine::NetError::Offline));
    assert_eq!(drain(&mut f), vec![DevicesAction::Notice(DevicesNotice::SignInFailed)]);
    f.handle_sign_in("Mac".into());
    drain(&mut f);
    let started = r#"{"deviceCode":"dc","userCode":"BCDF","expiresIn":600,"interval":2}"#;
    f.handle_answer(0, DevicesCall::Pairing(PairingCall::Start), Ok(ApiReply::new(201, started)));
    drain(&mut f);
    f.handle_timeout(crate::pairing::DEADLINE_MS);
    assert_eq!(drain(&mut f), vec![DevicesAction::HidePairing, DevicesAction::Notice(DevicesNotice::SignInExpired)]);
}

#[test]
fn a_second_press_replaces_the_waiting_pairing() {
    let mut f = DevicesFlow::default();
    f.handle_sign_in("Mac".into());
    drain(&mut f);
    let started = r#"{"deviceCode":"dc","userCode":"BCDF","expiresIn":600,"interval":2}"#;
    f.handle_answer(0, DevicesCall::Pairing(PairingCall::Start), Ok(ApiReply::new(201, started)));
    drain(&mut f);
    f.handle_sign_in("Mac".into());
    let a = drain(&mut f);
    assert_eq!(a[0], DevicesAction::HidePairing);
    assert_eq!(paths(&a), [PAIR_PATH.to_string()]);
    assert_eq!(f.poll_timeout(), None, "the old pairing polls no more");
}
