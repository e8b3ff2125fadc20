//! The kiosk flow's tests, with virtual time: phases and the idle rule.
use super::*;
use crate::api::ApiReply;

/// The actions, named: a call by its `KioskCall`, the rest by their variant.
pub(super) fn drain(k: &mut KioskFlow) -> Vec<String> {
    std::iter::from_fn(|| k.poll_action())
        .map(|a| match a {
            KioskAction::Call(c, _) => format!("{c:?}"),
            KioskAction::Leave(_) => "Leave".into(),
            other => format!("{other:?}"),
        })
        .collect()
}

/// A kiosk's flow with this idle time, its profile asked.
pub(super) fn kiosk(idle_ms: u64) -> KioskFlow {
    let mut k = KioskFlow::new(KioskMode::Kiosk { key: "key".into() }, 0);
    k.set_idle(idle_ms);
    assert_eq!(drain(&mut k), ["Profile"]);
    k
}

/// A backup that saved `n` camera photos.
pub(super) fn photos(n: u64) -> SavedKinds {
    SavedKinds { photos: n, ..SavedKinds::default() }
}

pub(super) fn phone() -> KioskFlow {
    KioskFlow::new(KioskMode::Phone { token: "link".into() }, 0)
}

#[test]
fn a_visit_from_welcome_to_done_and_back_after_the_idle_time() {
    let mut k = kiosk(60_000);
    assert_eq!(k.poll_timeout(), None, "the welcome screen never times out");
    k.handle_files(1_000);
    assert_eq!(drain(&mut k), ["Start"]);
    k.handle_files(1_200);
    assert!(drain(&mut k).is_empty(), "files while starting wait for the session");
    k.on_session("Kiosk 2026-12-01 K7QX".into(), "K7QX".into(), 1_500);
    assert_eq!(drain(&mut k), ["ReleaseFiles"]);
    k.handle_engine(1_500, EngineSignal::Complete { saved: photos(6) });
    assert_eq!(k.phase(), &KioskPhase::Done { drop: "Kiosk 2026-12-01 K7QX".into(), code: "K7QX".into(), saved: photos(6) });
    assert_eq!(k.resets_in(), Some(60), "the done screen shows the time to its reset from the start");
    assert_eq!(k.poll_timeout(), Some(2_500), "and ticks each second");
    k.handle_timeout(2_500);
    assert_eq!(k.resets_in(), Some(59));
    assert_eq!(k.finishing_in(), None, "the touch-to-stay notice waits for the last stretch");
    k.handle_touch(30_000);
    assert_eq!(drain(&mut k), ["Activity"], "the server hears the visitor is here");
    k.handle_timeout(61_499);
    assert!(drain(&mut k).is_empty(), "a touch restarts the idle time");
    assert_eq!(k.finishing_in(), Some(29), "the last 30 s count down");
    assert_eq!(k.poll_timeout(), Some(62_000), "the countdown wakes the flow each second");
    k.handle_timeout(90_000);
    assert_eq!(drain(&mut k), ["End", "Forget"]);
    assert_eq!(k.phase(), &KioskPhase::Resetting);
}

#[test]
fn finish_ends_a_running_backup_unless_the_visitor_lets_it_finish() {
    let mut k = kiosk(60_000);
    k.handle_files(0);
    k.on_session("d".into(), "c".into(), 0);
    k.handle_engine(0, EngineSignal::Moving);
    k.set_keep_uploads(true);
    drain(&mut k);
    k.handle_finish(5_000);
    let end = k.poll_action();
    assert!(
        matches!(&end, Some(KioskAction::Call(KioskCall::End, c)) if c.path == "/api/v1/kiosk/sessions/current?keepUploads=1"),
        "{end:?}"
    );
    assert_eq!(drain(&mut k), ["Forget"]);
}

#[test]
fn into_your_own_account_waits_for_approval_and_an_unanswered_one_is_forgotten_when_idle() {
    let mut k = kiosk(60_000);
    k.handle_begin_own(0);
    assert_eq!(drain(&mut k), ["StartOwnAccount"]);
    assert_eq!(k.poll_timeout(), Some(30_000), "waiting for an approval times out too (its countdown first)");
    k.handle_timeout(60_000);
    assert_eq!(drain(&mut k), ["Reload"]);
    let mut k = kiosk(60_000);
    k.handle_begin_own(0);
    drain(&mut k);
    k.on_session("your account".into(), String::new(), 5_000);
    assert_eq!(drain(&mut k), ["ReleaseFiles"]);
    assert!(matches!(k.phase(), KioskPhase::Visiting { .. }));
}

#[test]
fn more_files_after_done_go_on_in_the_same_drop_and_a_failed_start_goes_back() {
    let mut k = kiosk(60_000);
    k.handle_files(0);
    k.on_session("d".into(), "c".into(), 0);
    k.handle_engine(0, EngineSignal::Complete { saved: photos(1) });
    drain(&mut k);
    k.handle_files(10);
    assert_eq!(drain(&mut k), ["Activity", "ReleaseFiles"]);
    k.handle_engine(10, EngineSignal::Moving);
    assert!(matches!(k.phase(), KioskPhase::Visiting { .. }));
    let mut k2 = kiosk(60_000);
    k2.handle_files(0);
    drain(&mut k2);
    k2.on_session_failed();
    assert_eq!(k2.phase(), &KioskPhase::Welcome);
}

fn visiting(idle_ms: u64) -> KioskFlow {
    let mut k = kiosk(idle_ms);
    k.handle_files(0);
    k.on_session("d".into(), "c".into(), 0);
    drain(&mut k);
    k
}

#[test]
fn a_slow_upload_outlasting_the_idle_time_never_ends_the_visit() {
    let mut k = visiting(3_000);
    k.handle_engine(100, EngineSignal::Moving);
    // A throttled uplink: the status changes now and then, for far longer than the idle time.
    for t in (200..120_000).step_by(7_000) {
        k.handle_engine(t, EngineSignal::Moving);
        assert_eq!(k.poll_timeout(), None, "no end is due while the kiosk's uploads move");
        k.handle_timeout(t + 6_999);
        assert_eq!(k.finishing_in(), None, "no countdown while uploads move");
        assert!(drain(&mut k).is_empty(), "never ended mid-upload");
    }
    // The backup completes: the idle time counts from then.
    k.handle_engine(130_000, EngineSignal::Complete { saved: photos(9) });
    assert!(matches!(k.phase(), KioskPhase::Done { .. }));
    k.handle_timeout(132_999);
    assert!(drain(&mut k).is_empty());
    k.handle_timeout(133_000);
    assert_eq!(drain(&mut k), ["End", "Forget"]);
}

#[test]
fn a_phone_still_sending_keeps_the_visit_alive() {
    let mut k = visiting(3_000);
    k.handle_engine(0, EngineSignal::Other);
    // Nothing moves at the kiosk; the server says a phone's upload is receiving bytes.
    for t in (1_000..60_000).step_by(2_000) {
        k.on_server(true, Some(1_700_000_000_000 + t), t);
        assert_eq!(k.finishing_in(), None, "no countdown while a phone sends");
        assert_eq!(k.poll_timeout(), Some(t + 3_000));
        k.handle_timeout(t + 1_999);
        assert!(drain(&mut k).is_empty(), "the phone keeps the visit alive at {t}");
    }
    // The phone's upload is done, its visitor still taps on it: the server's last activity moves on.
    k.on_server(false, Some(1_700_000_061_000), 61_000);
    k.on_server(false, Some(1_700_000_062_500), 63_000);
    k.handle_timeout(65_999);
    assert!(drain(&mut k).is_empty(), "activity on the phone counts");
    // The server's answers go on, but nothing happens anywhere: the end comes.
    k.on_server(false, Some(1_700_000_062_500), 65_000);
    k.handle_timeout(66_000);
    assert_eq!(drain(&mut k), ["End", "Forget"]);
}

#[test]
fn the_countdown_shows_in_the_last_stretch_and_a_touch_cancels_it() {
    let mut k = visiting(120_000);
    k.handle_engine(9_000, EngineSignal::Moving);
    k.handle_engine(10_000, EngineSignal::Complete { saved: photos(1) });
    assert_eq!(k.poll_timeout(), Some(11_000), "the done screen's time to its reset ticks each second");
    assert_eq!(k.resets_in(), Some(120));
    k.handle_timeout(99_999);
    assert_eq!(k.finishing_in(), None, "no countdown before the last 30 s");
    k.handle_timeout(100_000);
    assert_eq!(k.finishing_in(), Some(30));
    assert_eq!(k.poll_timeout(), Some(101_000));
    k.handle_timeout(101_000);
    assert_eq!(k.finishing_in(), Some(29));
    k.handle_timeout(125_400);
    assert_eq!(k.finishing_in(), Some(5));
    assert!(drain(&mut k).is_empty());
    k.handle_touch(126_000);
    assert_eq!(drain(&mut k), ["Activity"]);
    assert_eq!(k.finishing_in(), None, "a touch stays");
    assert_eq!(k.poll_timeout(), Some(127_000));
    assert_eq!(k.resets_in(), Some(120), "and starts the time to the reset again");
    // A short idle time counts down its last half.
    let mut k = visiting(4_000);
    k.handle_timeout(1_999);
    assert_eq!(k.finishing_in(), None);
    k.handle_timeout(2_000);
    assert_eq!(k.finishing_in(), Some(2));
}

#[test]
fn when_nothing_moves_the_end_comes_at_the_last_activity_plus_the_idle_time() {
    let mut k = visiting(60_000);
    k.handle_engine(1_000, EngineSignal::Moving);
    k.handle_engine(40_000, EngineSignal::Moving);
    k.handle_engine(41_000, EngineSignal::Complete { saved: photos(9) });
    k.on_server(false, Some(5), 42_000);
    k.on_server(false, Some(5), 44_000);
    assert_eq!(k.resets_in(), Some(57), "the end at 41 s + 60 s");
    k.handle_timeout(100_999);
    assert!(drain(&mut k).is_empty());
    k.handle_timeout(101_000);
    assert_eq!(drain(&mut k), ["End", "Forget"]);
}

#[test]
fn touches_reach_the_server_at_most_every_few_seconds() {
    let mut k = visiting(60_000);
    let mut reports = 0;
    for t in (0..20_000).step_by(250) {
        k.handle_touch(t);
        reports += drain(&mut k).len();
    }
    assert_eq!(reports as u64, 20_000 / REPORT_EVERY_MS);
    let mut w = kiosk(60_000);
    w.handle_touch(1);
    assert!(drain(&mut w).is_empty(), "the welcome screen has no visit to report to");
}

#[test]
fn leaving_the_page_ends_the_kiosks_visit_and_a_phone_hears_the_end_from_the_server() {
    let mut k = visiting(60_000);
    k.handle_page_hidden();
    assert_eq!(drain(&mut k), ["Leave"]);
    assert_eq!(k.phase(), &KioskPhase::Resetting);
    assert_eq!(k.poll_timeout(), None);
    let mut w = kiosk(60_000);
    w.handle_page_hidden();
    assert!(drain(&mut w).is_empty(), "no visit, nothing to end");
    // The server ended the visit (Finish at the kiosk): the kiosk forgets it, a phone says so.
    let mut k = visiting(60_000);
    k.on_session_gone();
    assert_eq!(drain(&mut k), ["Reload"]);
    assert_eq!(k.phase(), &KioskPhase::Resetting);
    assert!(!kiosk(60_000).polls(), "a kiosk without a visit asks nothing");
    assert!(!k.polls(), "nor once it has been told the visit ended");
    let mut p = phone();
    assert!(p.polls(), "a phone asks about its link from the start");
    p.handle_files(0);
    p.on_session("d".into(), "c".into(), 0);
    drain(&mut p);
    p.handle_timeout(600_000);
    assert_eq!(drain(&mut p), ["Visit"], "a phone never ends the visit when idle: it only asks about it");
    p.handle_page_hidden();
    assert!(drain(&mut p).is_empty(), "nor when its page is left");
    p.handle_engine(5_000, EngineSignal::SignInNeeded);
    assert_eq!(p.phase(), &KioskPhase::Ended, "an upload refused with 401: the link has ended");
    let mut p = phone();
    p.on_session_gone();
    assert_eq!(p.phase(), &KioskPhase::Ended, "a link found ended before any choice");
    assert!(!p.polls());
    let mut p = phone();
    p.handle_files(0);
    p.on_session_failed();
    assert_eq!(p.phase(), &KioskPhase::Ended);
}

#[test]
fn a_refused_key_is_said_at_once_and_an_unreachable_server_is_left_to_the_first_visit() {
    for status in [401, 403] {
        let mut k = kiosk(60_000);
        k.handle_answer(10, KioskCall::Profile, Ok(ApiReply::new(status, r#"{"code":"unauthorized","message":""}"#)));
        assert_eq!(drain(&mut k), ["ShowNotice(WrongKey)"], "{status}");
    }
    let mut k = kiosk(60_000);
    k.handle_answer(10, KioskCall::Profile, Ok(ApiReply::new(503, "")));
    k.handle_answer(10, KioskCall::Profile, Err(crate::engine::NetError::Connection));
    assert!(drain(&mut k).is_empty(), "a server that may come back is not called wrong");
}

#[test]
fn a_visiting_screen_wakes_only_for_the_last_stretch_and_a_phone_never_counts_down() {
    let mut k = visiting(120_000);
    k.handle_engine(10_000, EngineSignal::Planned);
    assert_eq!(k.resets_in(), None, "only the done screen shows the time to its reset");
    assert_eq!(k.poll_timeout(), Some(90_000), "the flow wakes when the countdown starts (120 s - 30 s)");
    let mut p = phone();
    p.handle_files(0);
    p.on_session(String::new(), String::new(), 0);
    p.handle_engine(1_000, EngineSignal::Complete { saved: photos(2) });
    assert!(matches!(p.phase(), KioskPhase::Done { .. }));
    assert_eq!(p.resets_in(), None, "a phone waits for the server's word");
}
