//! The kiosk visit's conversation with the server, with virtual time: which endpoint and
//! notice per mode, when the page reloads, how the drop's list is refreshed, and files held
//! until the visit's session exists.
use super::tests::{drain, kiosk, phone, photos};
use super::*;
use crate::api::{ApiReply, KioskSession, MediaItem, MediaPage};

fn session(token: Option<&str>, idle_seconds: u64) -> String {
    let s = KioskSession {
        token: token.map(String::from),
        drop: "Kiosk 2026-12-01 K7QX".into(),
        code: "K7QX".into(),
        idle_seconds,
        welcome: "Hello".into(),
        last_activity_at: "2026-12-01T10:00:00Z".into(),
        ..Default::default()
    };
    serde_json::to_string(&s).unwrap()
}

fn reply(status: u16, body: &str) -> crate::api::ApiAnswer {
    Ok(ApiReply::new(status, body))
}

/// The next action, which must be a call: its name and what it asks.
fn call(k: &mut KioskFlow) -> (KioskCall, ApiCall) {
    match k.poll_action() {
        Some(KioskAction::Call(c, a)) => (c, a),
        other => panic!("expected a call, got {other:?}"),
    }
}

/// A kiosk whose drop visit runs (started at 0, its phone link asked).
fn started_kiosk() -> KioskFlow {
    let mut k = kiosk(60_000);
    k.handle_files(0);
    drain(&mut k);
    k.handle_answer(0, KioskCall::Start, reply(201, &session(Some("visitor"), 60)));
    drain(&mut k);
    k
}

#[test]
fn a_kiosk_starts_its_visit_with_its_key_and_a_phone_joins_with_its_link() {
    let mut k = kiosk(60_000);
    k.handle_files(1_000);
    let (c, a) = call(&mut k);
    assert_eq!(
        (c, a.method, a.path.as_str(), a.bearer),
        (KioskCall::Start, crate::engine::Method::Post, "/api/v1/kiosk/sessions", Bearer::Token("key".into()))
    );
    k.handle_files(1_100);
    assert!(drain(&mut k).is_empty(), "files chosen while the session starts wait for it");
    k.handle_answer(1_500, KioskCall::Start, reply(201, &session(Some("visitor"), 90)));
    assert_eq!(k.poll_action(), Some(KioskAction::UseVisit { token: "visitor".into(), welcome: "Hello".into() }));
    assert_eq!(drain(&mut k), ["ReleaseFiles", "PhoneLink"], "the held files go once the token is the engine's");
    assert_eq!(k.phase(), &KioskPhase::Visiting { drop: "Kiosk 2026-12-01 K7QX".into(), code: "K7QX".into() });
    k.handle_timeout(1_500 + 89_999);
    let ends: Vec<_> = drain(&mut k).into_iter().filter(|a| a == "End").collect();
    assert!(ends.is_empty(), "the session's idle time (90 s) replaced the profile's");

    let mut p = phone();
    p.handle_files(0);
    let (c, a) = call(&mut p);
    assert_eq!(
        (c, a.method, a.path.as_str(), a.bearer),
        (KioskCall::Start, crate::engine::Method::Get, "/api/v1/kiosk/sessions/current", Bearer::Token("link".into()))
    );
    p.handle_answer(100, KioskCall::Start, reply(200, &session(None, 60)));
    assert_eq!(
        p.poll_action(),
        Some(KioskAction::UseVisit { token: "link".into(), welcome: "Hello".into() }),
        "a phone uploads with its link"
    );
    assert_eq!(drain(&mut p), ["ReleaseFiles"], "a phone asks for no link of its own");
}

#[test]
fn a_refused_start_is_a_notice_on_the_kiosk_and_the_end_of_the_link_on_a_phone() {
    let mut k = kiosk(60_000);
    k.handle_files(0);
    drain(&mut k);
    k.handle_answer(10, KioskCall::Start, reply(401, "{}"));
    assert_eq!(drain(&mut k), ["ShowNotice(Unavailable)", "Forget"], "the held files are dropped, the page is not reloaded");
    assert_eq!(k.phase(), &KioskPhase::Welcome);
    let mut k = kiosk(60_000);
    k.handle_begin(0);
    drain(&mut k);
    k.handle_answer(10, KioskCall::Start, Err(crate::engine::NetError::Offline));
    assert_eq!(drain(&mut k), ["ShowNotice(Unavailable)", "Forget"], "an unreachable server is the same");

    let mut p = phone();
    p.handle_files(0);
    drain(&mut p);
    p.handle_answer(10, KioskCall::Start, reply(401, "{}"));
    assert_eq!(drain(&mut p), ["Forget"], "no notice: the phone's screen says its link has ended");
    assert_eq!(p.phase(), &KioskPhase::Ended);

    let mut nokey = KioskFlow::new(KioskMode::Kiosk { key: String::new() }, 0);
    assert_eq!(drain(&mut nokey), ["ShowNotice(Unavailable)"], "a kiosk opened without its key asks nothing");
}

#[test]
fn the_profile_sets_the_idle_time_and_the_visits_settings() {
    let mut k = KioskFlow::new(KioskMode::Kiosk { key: "key".into() }, 0);
    let (c, a) = call(&mut k);
    assert_eq!((c, a.path.as_str(), a.bearer), (KioskCall::Profile, "/api/v1/kiosk/profile", Bearer::Token("key".into())));
    let profile = KioskProfileAnswer {
        profile: "shop".into(),
        welcome: "Welcome".into(),
        welcome_texts: Default::default(),
        idle_seconds: 10,
        own_accounts: true,
        quality: "high".into(),
        limits: crate::limits::Limits::preset("google").unwrap(),
    };
    k.handle_answer(5, KioskCall::Profile, reply(200, &serde_json::to_string(&profile).unwrap()));
    assert_eq!(k.poll_action(), Some(KioskAction::UseProfile(profile)));
    k.handle_begin(100);
    drain(&mut k);
    assert_eq!(k.poll_timeout(), Some(100 + 5_000), "ten seconds of idle time: the last half counts down");
    k.handle_answer(6, KioskCall::Profile, reply(404, "{}"));
    assert!(drain(&mut k).is_empty(), "a kiosk without a profile keeps its defaults");
}

#[test]
fn a_running_visit_is_asked_about_every_two_seconds_and_the_drop_listed() {
    let mut k = started_kiosk();
    assert_eq!(k.poll_timeout(), Some(POLL_EVERY_MS));
    k.handle_timeout(1_999);
    assert!(drain(&mut k).is_empty());
    k.handle_timeout(2_000);
    let (c, a) = call(&mut k);
    assert_eq!((c, a.path.as_str(), a.bearer), (KioskCall::Visit, "/api/v1/kiosk/sessions/current", Bearer::Device));
    let (c, a) = call(&mut k);
    assert_eq!((c, a.path.as_str()), (KioskCall::Arrivals, "/api/v1/media?limit=1000"));
    assert_eq!(k.poll_timeout(), Some(4_000));
    let page =
        MediaPage { items: vec![MediaItem { filename: Some("a.jpg".into()), ..Default::default() }, MediaItem::default()], next: None };
    k.handle_answer(2_100, KioskCall::Arrivals, reply(200, &serde_json::to_string(&page).unwrap()));
    assert_eq!(k.poll_action(), Some(KioskAction::ShowArrivals(vec!["a.jpg".into()])));
    // The server says the visit has ended (Finish on the phone, its expiry): forget it.
    k.handle_answer(2_200, KioskCall::Visit, reply(401, ""));
    assert_eq!(drain(&mut k), ["Reload"]);
    assert_eq!(k.poll_timeout(), None, "nothing more is asked");
}

#[test]
fn a_finished_backup_lists_the_drop_at_once_when_a_phone_link_is_shown() {
    let mut k = started_kiosk();
    k.handle_engine(500, EngineSignal::Complete { saved: photos(3) });
    assert!(drain(&mut k).is_empty(), "no link shown: the next poll lists the drop");
    k.handle_answer(600, KioskCall::PhoneLink, reply(201, r#"{"token":"abc"}"#));
    assert_eq!(k.poll_action(), Some(KioskAction::ShowPhoneLink("abc".into())));
    k.handle_engine(700, EngineSignal::Moving);
    k.handle_engine(900, EngineSignal::Complete { saved: photos(4) });
    assert_eq!(drain(&mut k), ["Arrivals"]);
}

#[test]
fn the_page_reloads_only_once_the_visit_is_over() {
    let mut k = started_kiosk();
    // The touch of Finish reports activity; the end waits for that call (and the phone link's)
    // to be answered: sent after it, they would be refused on the kiosk's screen.
    k.handle_touch(1_000);
    assert_eq!(drain(&mut k), ["Activity"]);
    k.handle_finish(1_000);
    assert!(drain(&mut k).is_empty(), "the visit's calls are still out");
    k.handle_answer(1_100, KioskCall::Activity, reply(204, ""));
    assert!(drain(&mut k).is_empty(), "the phone link is still out");
    k.handle_answer(1_150, KioskCall::PhoneLink, reply(201, r#"{"token":"abc"}"#));
    assert_eq!(drain(&mut k), ["ShowPhoneLink(\"abc\")", "End", "Forget"], "the page waits for the server to end the visit");
    k.handle_answer(1_200, KioskCall::End, Err(crate::engine::NetError::Offline));
    assert_eq!(drain(&mut k), ["Reload"], "whatever it answered");
    // A call that is never answered holds the end back at most END_WAIT_MS.
    let mut k = started_kiosk();
    k.handle_touch(2_000);
    k.handle_finish(2_000);
    assert_eq!(drain(&mut k), ["Activity"]);
    assert_eq!(k.poll_timeout(), Some(2_000 + END_WAIT_MS));
    k.handle_timeout(2_000 + END_WAIT_MS);
    assert_eq!(drain(&mut k), ["End", "Forget"]);
    // Leaving the page: the end goes with a request that outlives it; no reload (the page goes).
    let mut k = started_kiosk();
    k.handle_page_hidden();
    match k.poll_action() {
        Some(KioskAction::Leave(c)) => assert_eq!(
            (c.method, c.path.as_str(), c.bearer),
            (crate::engine::Method::Delete, "/api/v1/kiosk/sessions/current", Bearer::Device)
        ),
        other => panic!("{other:?}"),
    }
    assert!(drain(&mut k).is_empty());
}

#[test]
fn an_own_account_visit_ends_its_token_and_asks_nothing_about_a_drop() {
    let mut k = kiosk(60_000);
    k.handle_begin_own(0);
    assert_eq!(drain(&mut k), ["StartOwnAccount"]);
    k.on_own_session(1_000);
    assert_eq!(drain(&mut k), ["ReleaseFiles"]);
    k.handle_touch(10_000);
    assert!(drain(&mut k).is_empty(), "no visitor session to tell of touches");
    k.handle_timeout(30_000);
    assert!(drain(&mut k).is_empty(), "nor to ask about");
    k.handle_finish(31_000);
    let (c, a) = call(&mut k);
    assert_eq!((c, a.path.as_str(), a.bearer), (KioskCall::End, "/api/v1/devices/current", Bearer::Device));
}

#[test]
fn a_visit_the_server_sees_moving_stays_alive_at_the_kiosk() {
    let mut k = started_kiosk();
    let moving = KioskSession { uploads_moving: true, last_activity_at: "2026-12-01T10:00:00Z".into(), ..Default::default() };
    for t in (2_000..200_000).step_by(2_000) {
        k.handle_timeout(t);
        drain(&mut k);
        k.handle_answer(t, KioskCall::Visit, reply(200, &serde_json::to_string(&moving).unwrap()));
    }
    assert!(matches!(k.phase(), KioskPhase::Visiting { .. }), "a phone's upload outlasting the idle time keeps the visit");
}
