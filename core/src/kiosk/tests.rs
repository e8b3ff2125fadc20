//! The kiosk flow's tests, with virtual time.
use super::*;

fn drain(k: &mut KioskFlow) -> Vec<KioskAction> {
    std::iter::from_fn(|| k.poll_action()).collect()
}

#[test]
fn a_visit_from_welcome_to_done_and_back_after_the_idle_time() {
    let mut k = KioskFlow::new(60_000, 0);
    assert_eq!(k.poll_timeout(), None, "the welcome screen never times out");
    k.on_files(1_000);
    assert_eq!(drain(&mut k), [KioskAction::StartSession]);
    k.on_files(1_200);
    assert!(drain(&mut k).is_empty(), "files while starting wait for the session");
    k.on_session("Kiosk 2026-12-01 K7QX".into(), "K7QX".into(), 1_500);
    assert_eq!(drain(&mut k), [KioskAction::ReleaseFiles]);
    k.on_status(&Status::Complete { uploaded: 5, already: 1, skipped: 2, failed: 0 }, 1_500);
    assert_eq!(k.phase(), &KioskPhase::Done { drop: "Kiosk 2026-12-01 K7QX".into(), code: "K7QX".into(), saved: 6 });
    k.on_touch(30_000);
    assert_eq!(drain(&mut k), [KioskAction::ReportActivity], "the server hears the visitor is here");
    k.on_timeout(61_499);
    assert!(drain(&mut k).is_empty(), "a touch restarts the idle time");
    assert_eq!(k.finishing_in(), Some(29), "the last 30 s count down");
    assert_eq!(k.poll_timeout(), Some(62_000), "the countdown wakes the flow each second");
    k.on_timeout(90_000);
    assert_eq!(drain(&mut k), [KioskAction::EndSession { keep_uploads: false }, KioskAction::Reset]);
    assert_eq!(k.phase(), &KioskPhase::Resetting);
}

#[test]
fn finish_ends_a_running_backup_unless_the_visitor_lets_it_finish() {
    let mut k = KioskFlow::new(60_000, 0);
    k.on_files(0);
    k.on_session("d".into(), "c".into(), 0);
    k.on_status(&Status::BackingUp { done: 1, total: 9, bytes_left: 10, eta_ms: None }, 0);
    k.set_keep_uploads(true);
    drain(&mut k);
    k.on_finish(5_000);
    assert_eq!(drain(&mut k), [KioskAction::EndSession { keep_uploads: true }, KioskAction::Reset]);
}

#[test]
fn into_your_own_account_waits_for_approval_and_an_unanswered_one_is_forgotten_when_idle() {
    let mut k = KioskFlow::new(60_000, 0);
    k.on_begin_own(0);
    assert_eq!(drain(&mut k), [KioskAction::StartOwnAccount]);
    assert_eq!(k.poll_timeout(), Some(30_000), "waiting for an approval times out too (its countdown first)");
    k.on_timeout(60_000);
    assert_eq!(drain(&mut k), [KioskAction::Reset]);
    let mut k = KioskFlow::new(60_000, 0);
    k.on_begin_own(0);
    drain(&mut k);
    k.on_session("your account".into(), String::new(), 5_000);
    assert_eq!(drain(&mut k), [KioskAction::ReleaseFiles]);
    assert!(matches!(k.phase(), KioskPhase::Visiting { .. }));
}

#[test]
fn more_files_after_done_go_on_in_the_same_drop_and_a_failed_start_goes_back() {
    let mut k = KioskFlow::new(60_000, 0);
    k.on_files(0);
    k.on_session("d".into(), "c".into(), 0);
    k.on_status(&Status::Complete { uploaded: 1, already: 0, skipped: 0, failed: 0 }, 0);
    drain(&mut k);
    k.on_files(10);
    assert_eq!(drain(&mut k), [KioskAction::ReportActivity, KioskAction::ReleaseFiles]);
    k.on_status(&Status::Looking { found: 3 }, 10);
    assert!(matches!(k.phase(), KioskPhase::Visiting { .. }));
    let mut k2 = KioskFlow::new(60_000, 0);
    k2.on_files(0);
    drain(&mut k2);
    k2.on_session_failed();
    assert_eq!(k2.phase(), &KioskPhase::Welcome);
}

fn visiting(idle_ms: u64) -> KioskFlow {
    let mut k = KioskFlow::new(idle_ms, 0);
    k.on_files(0);
    k.on_session("d".into(), "c".into(), 0);
    drain(&mut k);
    k
}

fn backing_up() -> Status {
    Status::BackingUp { done: 0, total: 9, bytes_left: 1 << 30, eta_ms: None }
}

#[test]
fn a_slow_upload_outlasting_the_idle_time_never_ends_the_visit() {
    let mut k = visiting(3_000);
    k.on_status(&Status::Looking { found: 9 }, 100);
    // A throttled uplink: the status changes now and then, for far longer than the idle time.
    for t in (200..120_000).step_by(7_000) {
        k.on_status(&backing_up(), t);
        assert_eq!(k.poll_timeout(), None, "no end is due while the kiosk's uploads move");
        k.on_timeout(t + 6_999);
        assert_eq!(k.finishing_in(), None, "no countdown while uploads move");
        assert!(drain(&mut k).is_empty(), "never ended mid-upload");
    }
    // The backup completes: the idle time counts from then.
    k.on_status(&Status::Complete { uploaded: 9, already: 0, skipped: 0, failed: 0 }, 130_000);
    assert!(matches!(k.phase(), KioskPhase::Done { .. }));
    k.on_timeout(132_999);
    assert!(drain(&mut k).is_empty());
    k.on_timeout(133_000);
    assert_eq!(drain(&mut k), [KioskAction::EndSession { keep_uploads: false }, KioskAction::Reset]);
}

#[test]
fn a_phone_still_sending_keeps_the_visit_alive() {
    let mut k = visiting(3_000);
    k.on_status(&Status::Ready, 0);
    // Nothing moves at the kiosk; the server says a phone's upload is receiving bytes.
    for t in (1_000..60_000).step_by(2_000) {
        k.on_server(true, Some(1_700_000_000_000 + t), t);
        assert_eq!(k.finishing_in(), None, "no countdown while a phone sends");
        assert_eq!(k.poll_timeout(), Some(t + 3_000));
        k.on_timeout(t + 1_999);
        assert!(drain(&mut k).is_empty(), "the phone keeps the visit alive at {t}");
    }
    // The phone's upload is done, its visitor still taps on it: the server's last activity moves on.
    k.on_server(false, Some(1_700_000_061_000), 61_000);
    k.on_server(false, Some(1_700_000_062_500), 63_000);
    k.on_timeout(65_999);
    assert!(drain(&mut k).is_empty(), "activity on the phone counts");
    // The server's answers go on, but nothing happens anywhere: the end comes.
    k.on_server(false, Some(1_700_000_062_500), 65_000);
    k.on_timeout(66_000);
    assert_eq!(drain(&mut k), [KioskAction::EndSession { keep_uploads: false }, KioskAction::Reset]);
}

#[test]
fn the_countdown_shows_in_the_last_stretch_and_a_touch_cancels_it() {
    let mut k = visiting(120_000);
    k.on_status(&backing_up(), 9_000);
    k.on_status(&Status::Complete { uploaded: 1, already: 0, skipped: 0, failed: 0 }, 10_000);
    assert_eq!(k.poll_timeout(), Some(100_000), "the flow wakes when the countdown starts");
    k.on_timeout(99_999);
    assert_eq!(k.finishing_in(), None, "no countdown before the last 30 s");
    k.on_timeout(100_000);
    assert_eq!(k.finishing_in(), Some(30));
    assert_eq!(k.poll_timeout(), Some(101_000));
    k.on_timeout(101_000);
    assert_eq!(k.finishing_in(), Some(29));
    k.on_timeout(125_400);
    assert_eq!(k.finishing_in(), Some(5));
    assert!(drain(&mut k).is_empty());
    k.on_touch(126_000);
    assert_eq!(drain(&mut k), [KioskAction::ReportActivity]);
    assert_eq!(k.finishing_in(), None, "a touch stays");
    assert_eq!(k.poll_timeout(), Some(216_000));
    // A short idle time counts down its last half.
    let mut k = visiting(4_000);
    k.on_timeout(1_999);
    assert_eq!(k.finishing_in(), None);
    k.on_timeout(2_000);
    assert_eq!(k.finishing_in(), Some(2));
}

#[test]
fn when_nothing_moves_the_end_comes_at_the_last_activity_plus_the_idle_time() {
    let mut k = visiting(60_000);
    k.on_status(&backing_up(), 1_000);
    k.on_status(&backing_up(), 40_000);
    k.on_status(&Status::Complete { uploaded: 9, already: 0, skipped: 0, failed: 0 }, 41_000);
    k.on_server(false, Some(5), 42_000);
    k.on_server(false, Some(5), 44_000);
    assert_eq!(k.poll_timeout(), Some(71_000), "the countdown of the end at 41 s + 60 s");
    k.on_timeout(100_999);
    assert!(drain(&mut k).is_empty());
    k.on_timeout(101_000);
    assert_eq!(drain(&mut k), [KioskAction::EndSession { keep_uploads: false }, KioskAction::Reset]);
}

#[test]
fn touches_reach_the_server_at_most_every_few_seconds() {
    let mut k = visiting(60_000);
    let mut reports = 0;
    for t in (0..20_000).step_by(250) {
        k.on_touch(t);
        reports += drain(&mut k).len();
    }
    assert_eq!(reports as u64, 20_000 / REPORT_EVERY_MS);
    let mut w = KioskFlow::new(60_000, 0);
    w.on_touch(1);
    assert!(drain(&mut w).is_empty(), "the welcome screen has no visit to report to");
}

#[test]
fn leaving_the_page_ends_the_kiosks_visit_and_a_phone_hears_the_end_from_the_server() {
    let mut k = visiting(60_000);
    k.on_page_hidden();
    assert_eq!(drain(&mut k), [KioskAction::EndSessionLeaving]);
    assert_eq!(k.phase(), &KioskPhase::Resetting);
    assert_eq!(k.poll_timeout(), None);
    let mut w = KioskFlow::new(60_000, 0);
    w.on_page_hidden();
    assert!(drain(&mut w).is_empty(), "no visit, nothing to end");
    // The server ended the visit (Finish at the kiosk): the kiosk forgets it, a phone says so.
    let mut k = visiting(60_000);
    k.on_session_gone();
    assert_eq!(drain(&mut k), [KioskAction::Reset]);
    assert_eq!(k.phase(), &KioskPhase::Resetting);
    assert!(!KioskFlow::new(60_000, 0).polls(), "a kiosk without a visit asks nothing");
    assert!(!k.polls(), "nor once it has been told the visit ended");
    let mut p = KioskFlow::phone(0);
    assert!(p.polls(), "a phone asks about its link from the start");
    p.on_files(0);
    p.on_session("d".into(), "c".into(), 0);
    drain(&mut p);
    assert_eq!(p.poll_timeout(), None, "a phone never ends the visit when idle");
    p.on_page_hidden();
    assert!(drain(&mut p).is_empty(), "nor when its page is left");
    p.on_status(&Status::SignInNeeded, 5_000);
    assert_eq!(p.phase(), &KioskPhase::Ended, "an upload refused with 401: the link has ended");
    let mut p = KioskFlow::phone(0);
    p.on_session_gone();
    assert_eq!(p.phase(), &KioskPhase::Ended, "a link found ended before any choice");
    assert!(!p.polls());
    let mut p = KioskFlow::phone(0);
    p.on_files(0);
    p.on_session_failed();
    assert_eq!(p.phase(), &KioskPhase::Ended);
}
