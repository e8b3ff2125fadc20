//! The pairing rules in virtual time: poll cadence, pending, success, deadline, stop.
use super::*;
use crate::api::{ApiReply, DeviceToken, PairStarted};
use crate::engine::{Method, NetError};

const T0: u64 = 1_000_000;

fn drain(f: &mut PairingFlow) -> Vec<PairingAction> {
    std::iter::from_fn(|| f.poll_action()).collect()
}

fn started() -> ApiReply {
    let body = PairStarted { device_code: "dev-code".into(), user_code: "BCDF-2345".into(), expires_in: 600, interval: 2 };
    ApiReply::new(201, serde_json::to_string(&body).unwrap())
}

fn pending() -> ApiReply {
    ApiReply::new(428, r#"{"status":"pending"}"#)
}

fn token(t: &str) -> ApiReply {
    ApiReply::new(200, serde_json::to_string(&DeviceToken { token: t.into(), user: "ann".into() }).unwrap())
}

/// A flow whose code is shown at `T0`.
fn shown(mut f: PairingFlow) -> PairingFlow {
    let first = drain(&mut f);
    assert!(matches!(&first[..], [PairingAction::Call(PairingCall::Start, c)] if c.path == PAIR_PATH && c.bearer == Bearer::Nobody));
    f.handle_answer(T0, PairingCall::Start, Ok(started()));
    assert_eq!(drain(&mut f), vec![PairingAction::ShowCode("BCDF-2345".into())]);
    f
}

fn polls(actions: &[PairingAction]) -> usize {
    actions.iter().filter(|a| matches!(a, PairingAction::Call(PairingCall::Poll, _))).count()
}

#[test]
fn sign_in_and_kiosk_ask_for_their_scopes() {
    let Some(PairingAction::Call(_, c)) = PairingFlow::sign_in("Mac".into()).poll_action() else { panic!() };
    assert_eq!((c.method, c.body.as_deref()), (Method::Post, Some(r#"{"name":"Mac","scope":"full"}"#)));
    let Some(PairingAction::Call(_, c)) = PairingFlow::kiosk_visit().poll_action() else { panic!() };
    assert_eq!(c.body.as_deref(), Some(r#"{"name":"Shoebox kiosk","scope":"upload","ttlSeconds":3600}"#));
    assert_eq!(approve_link("https://s.example", "BCDF-2345"), "https://s.example/?approve=BCDF-2345");
}

#[test]
fn a_refused_start_fails_without_showing_a_code() {
    let mut f = PairingFlow::sign_in("Mac".into());
    drain(&mut f);
    f.handle_answer(T0, PairingCall::Start, Ok(ApiReply::new(429, "")));
    assert_eq!(drain(&mut f), vec![PairingAction::Failed(PairingFailure::NotStarted)]);
    assert!(!f.is_running());
    assert_eq!(f.poll_timeout(), None);
}

#[test]
fn polls_every_two_seconds_while_pending() {
    let mut f = shown(PairingFlow::sign_in("Mac".into()));
    assert_eq!(f.poll_timeout(), Some(T0 + POLL_EVERY_MS));
    // Too early: nothing.
    f.handle_timeout(T0 + 1_999);
    assert!(drain(&mut f).is_empty());
    f.handle_timeout(T0 + 2_000);
    let a = drain(&mut f);
    assert_eq!(polls(&a), 1);
    let PairingAction::Call(_, call) = &a[0] else { panic!() };
    assert_eq!((call.path.as_str(), call.body.as_deref()), (PAIR_POLL_PATH, Some(r#"{"deviceCode":"dev-code"}"#)));
    // While the poll is out, no timer and no second poll.
    assert_eq!(f.poll_timeout(), None);
    f.handle_timeout(T0 + 3_000);
    assert!(drain(&mut f).is_empty());
    // 428: pending, the next poll 2 s after the answer.
    f.handle_answer(T0 + 2_300, PairingCall::Poll, Ok(pending()));
    assert!(drain(&mut f).is_empty());
    assert_eq!(f.poll_timeout(), Some(T0 + 4_300));
    // A lost answer is asked again on the same cadence.
    f.handle_timeout(T0 + 4_300);
    assert_eq!(polls(&drain(&mut f)), 1);
    f.handle_answer(T0 + 4_400, PairingCall::Poll, Err(NetError::Offline));
    assert_eq!(f.poll_timeout(), Some(T0 + 6_400));
    assert!(f.is_running());
}

#[test]
fn an_approval_hides_the_code_and_hands_over_the_token() {
    let mut f = shown(PairingFlow::kiosk_visit());
    f.handle_timeout(T0 + 2_000);
    drain(&mut f);
    f.handle_answer(T0 + 2_100, PairingCall::Poll, Ok(token("tok")));
    assert_eq!(drain(&mut f), vec![PairingAction::HideCode, PairingAction::SignedIn("tok".into())]);
    assert_eq!(f.poll_timeout(), None);
    assert!(!f.is_running());
}

#[test]
fn a_code_the_server_forgot_ends_the_pairing() {
    let mut f = shown(PairingFlow::sign_in("Mac".into()));
    f.handle_timeout(T0 + 2_000);
    drain(&mut f);
    f.handle_answer(T0 + 2_100, PairingCall::Poll, Ok(ApiReply::new(404, "")));
    assert_eq!(drain(&mut f), vec![PairingAction::HideCode, PairingAction::Failed(PairingFailure::Expired)]);
    // 200 without a token is no success either.
    let mut f = shown(PairingFlow::sign_in("Mac".into()));
    f.handle_timeout(T0 + 2_000);
    drain(&mut f);
    f.handle_answer(T0 + 2_100, PairingCall::Poll, Ok(ApiReply::new(200, "<html>")));
    assert_eq!(drain(&mut f), vec![PairingAction::HideCode, PairingAction::Failed(PairingFailure::Expired)]);
}

#[test]
fn gives_up_ten_minutes_after_the_code_is_shown() {
    let mut f = shown(PairingFlow::sign_in("Mac".into()));
    let mut now = T0;
    let mut asked = 0;
    while let Some(at) = f.poll_timeout() {
        now = at;
        f.handle_timeout(now);
        for a in drain(&mut f) {
            match a {
                PairingAction::Call(PairingCall::Poll, _) => {
                    asked += 1;
                    f.handle_answer(now, PairingCall::Poll, Ok(pending()));
                }
                PairingAction::HideCode => {}
                other => assert_eq!(other, PairingAction::Failed(PairingFailure::Expired)),
            }
        }
    }
    assert_eq!(now, T0 + DEADLINE_MS);
    assert_eq!(asked, (DEADLINE_MS / POLL_EVERY_MS - 1) as usize, "one poll every 2 s until the deadline");
    assert!(!f.is_running());
}

#[test]
fn a_stop_ends_the_polling_and_hides_the_code() {
    let mut f = shown(PairingFlow::kiosk_visit());
    f.handle_timeout(T0 + 2_000);
    assert_eq!(polls(&drain(&mut f)), 1);
    // Still starting: the kiosk's phase keeps it going.
    f.handle_kiosk_phase(&KioskPhase::Starting);
    assert!(f.is_running());
    f.handle_kiosk_phase(&KioskPhase::Welcome);
    assert_eq!(drain(&mut f), vec![PairingAction::HideCode]);
    assert_eq!(f.poll_timeout(), None);
    // The answer of the poll that was out changes nothing.
    f.handle_answer(T0 + 2_100, PairingCall::Poll, Ok(token("late")));
    f.handle_timeout(T0 + 10_000);
    assert!(drain(&mut f).is_empty());
}

#[test]
fn a_stop_before_the_code_drops_the_start() {
    let mut f = PairingFlow::sign_in("Mac".into());
    f.handle_stop();
    assert!(drain(&mut f).is_empty());
    f.handle_answer(T0, PairingCall::Start, Ok(started()));
    assert!(drain(&mut f).is_empty());
}
