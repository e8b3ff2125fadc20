//! The status card while the destination cannot be reached: "Waiting for connection" also
//! before anything is chosen (never "Ready"), steady while the server is asked again, a plan
//! still built meanwhile, and "Ready" once the server answers.
mod engine_common;
use engine_common::*;
use shoebox_core::engine::*;

fn refused() -> Result<HttpResponse, NetError> {
    Err(NetError::Other("connection refused".into()))
}

/// The engine hears it is online, asks the server (config and OPTIONS), and both are refused.
fn online_and_refused(h: &mut H) {
    let now = h.now;
    h.e.set_online(true, now);
    let (c, _) = h.expect(Method::Get);
    let (o, _) = h.expect(Method::Options);
    h.answer(c, refused());
    h.answer(o, refused());
}

/// The app starts: the engine hears it is online and asks the server (config and OPTIONS).
fn started_with_no_server() -> H {
    let mut h = H::new(H::settings());
    assert_eq!(h.e.status(), Status::Ready, "nothing known about the server yet");
    online_and_refused(&mut h);
    h
}

#[test]
fn nothing_chosen_and_no_server_is_waiting_for_connection_until_it_answers() {
    let mut h = started_with_no_server();
    assert_eq!(h.e.status(), Status::WaitingForConnection { running: false });
    // Asked again later: still waiting while the question is out, and after another refusal.
    for _ in 0..3 {
        h.run_until_request();
        let (c, _) = h.expect(Method::Get);
        let (o, _) = h.expect(Method::Options);
        assert_eq!(h.e.status(), Status::WaitingForConnection { running: false }, "while asking again");
        h.answer(c, refused());
        h.answer(o, refused());
        assert_eq!(h.e.status(), Status::WaitingForConnection { running: false });
    }
    // The server is back.
    h.run_until_request();
    let (c, _) = h.expect(Method::Get);
    let (o, _) = h.expect(Method::Options);
    h.answer(c, Ok(config_json(true, 1000)));
    h.answer(o, Ok(options_full()));
    assert_eq!(h.e.status(), Status::Ready);
}

#[test]
fn offline_before_anything_is_chosen_is_waiting_for_connection() {
    let mut h = H::new(H::settings());
    let now = h.now;
    h.e.set_online(false, now);
    h.drain();
    assert_eq!(h.e.status(), Status::WaitingForConnection { running: false });
    h.e.set_online(true, now);
    h.handshake(config_json(true, 1000), options_full());
    assert_eq!(h.e.status(), Status::Ready);
}

#[test]
fn unfinished_work_waits_for_the_server_before_offering_to_continue() {
    let mut h = H::new(H::settings());
    let fingerprint = Fingerprint { size: 3000, last_modified: 1, name: "a.jpg".into(), relative_path: "A/a.jpg".into(), sha256: None };
    h.e.load_resume_records(vec![ResumeRecord {
        key: "k".into(),
        fingerprint,
        endpoint: h.e.record_scope(),
        upload_url: format!("{EP}u"),
        offset: 1000,
        upload_size: 3000,
        upload_sha256: String::new(),
        prepared: false,
        done: false,
        updated_ms: 1,
        archive: None,
        declare_at_end: false,
    }]);
    online_and_refused(&mut h);
    assert_eq!(h.e.status(), Status::WaitingForConnection { running: false });
    h.run_until_request();
    h.handshake(config_json(true, 1000), options_full());
    assert_eq!(h.e.status(), Status::ContinueBackup { remaining: 1, archives: vec![] });
}

#[test]
fn files_chosen_while_waiting_are_still_looked_through_and_planned_once_it_answers() {
    let mut h = started_with_no_server();
    let id = h.add(1, "A/a.jpg", Content::Bytes(bytes(500, 1)), photo_facts());
    // Inspected while waiting (the plan is built); its verdict waits for the server's limits.
    assert!(h.view(id).facts.is_some(), "inspected while the server is away");
    assert_eq!(h.e.status(), Status::WaitingForConnection { running: false });
    h.run_until_request();
    h.handshake(config_json(true, 1000), options_full());
    assert_eq!(h.e.status(), Status::ReadyToBackUp { count: 1 });
}
