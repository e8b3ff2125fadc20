//! Property: random interleavings of failures, partial bodies, lost answers, stalls, pauses
//! and offline periods always end with every file in an outcome, and the bytes the server
//! assembled for each uploaded file are exactly the file.
mod engine_common;
use engine_common::*;
use proptest::prelude::*;
use shoebox_core::engine::*;
use shoebox_core::facts::Outcome;

fn scenario(sizes: Vec<usize>, chunk: u64, parallel: usize, cwu: bool, ops: Vec<(u8, u32)>) {
    let mut h = H::new(EngineSettings {
        chunk_size: Some(chunk),
        parallel_uploads: parallel,
        creation_with_upload_max: if cwu { 4000 } else { 0 },
        max_bytes_in_flight: chunk * 2,
        ..H::settings()
    });
    let defs: Vec<_> = sizes
        .iter()
        .enumerate()
        .map(|(i, s)| (i as u64 + 1, format!("F/{i}.jpg"), Content::Bytes(bytes(*s, i as u8 + 1)), photo_facts()))
        .collect();
    h.add_many(defs);
    let mut srv = FakeTus::new();
    srv.checksum = true;
    h.start();
    let mut paused_all = false;
    let mut online = true;
    let mut paused_files: Vec<FileId> = Vec::new();
    for (op, arg) in ops {
        h.drain();
        let now = h.now;
        match op {
            0..=11 if !h.http.is_empty() => {
                let i = arg as usize % h.http.len();
                let (req, r) = h.http.remove(i).unwrap();
                let body = h.body_bytes(&r.body);
                let len = r.body.slice_len();
                h.now += 10;
                let now = h.now;
                match op {
                    0..=5 => {
                        if len > 0 {
                            h.e.handle_progress(req, len / 2, now);
                        }
                        let resp = srv.handle(&r, body, None).unwrap();
                        h.e.handle_response(req, Ok(resp), now);
                    }
                    6 => h.e.handle_response(req, Err(NetError::Other("reset".into())), now),
                    7 => {
                        let n = if len == 0 { 0 } else { arg as u64 % len };
                        match srv.handle(&r, body, Some(n)) {
                            None => h.e.handle_response(req, Err(NetError::Other("dropped".into())), now),
                            Some(resp) => h.e.handle_response(req, Ok(resp), now),
                        }
                    }
                    8 => {
                        srv.handle(&r, body, None);
                        h.e.handle_response(req, Err(NetError::Timeout), now);
                    }
                    9 => h.e.handle_response(req, Ok(ok([500, 503, 423, 429][arg as usize % 4])), now),
                    10 => h.e.handle_response(req, Err(NetError::Offline), now),
                    _ => {} // hang: the stall timer must catch it
                }
            }
            12 => {
                online = !online;
                h.e.set_online(online, now);
            }
            13 => {
                paused_all = !paused_all;
                if paused_all {
                    h.e.pause_all(now)
                } else {
                    h.e.resume_all(now)
                }
            }
            14 => {
                let id = FileId(1 + arg as u64 % sizes.len() as u64);
                if let Some(pos) = paused_files.iter().position(|x| *x == id) {
                    paused_files.remove(pos);
                    h.e.resume_file(id, now);
                } else if h.view(id).outcome.is_none() {
                    paused_files.push(id);
                    h.e.pause_file(id, now);
                }
            }
            15 => {
                let id = FileId(1 + arg as u64 % sizes.len() as u64);
                h.e.retry_file(id, now);
            }
            _ => {
                h.fire_next_timer();
            }
        }
    }
    // Calm network: everything must reach an outcome.
    let now = h.now;
    h.e.set_online(true, now);
    h.e.resume_all(now);
    for id in paused_files {
        h.e.resume_file(id, now);
    }
    h.run(&mut srv, |_| Fault::None, |_| 0, 10, 100_000);
    assert!(matches!(h.e.status(), Status::Complete { .. }), "{:?}", h.e.status());
    for (i, s) in sizes.iter().enumerate() {
        let id = FileId(i as u64 + 1);
        let v = h.view(id);
        let content = &h.files[&id].content;
        match v.outcome.expect("every file has an outcome") {
            Outcome::Uploaded(_) | Outcome::AlreadyBackedUp => {
                let got = srv.completed.iter().find(|c| c.sha.as_deref() == Some(&content.sha())).expect("stored on the server");
                if srv.keep_bytes && got.data.len() as u64 == got.len {
                    assert_eq!(got.data.len(), *s);
                    assert!(got.data == *content.slice(0, *s as u64).unwrap(), "bytes differ for file {i}");
                }
            }
            Outcome::Skipped(_) => assert_eq!(*s, 0),
            Outcome::Failed(why) => assert!(!matches!(why, shoebox_core::failure::FailReason::Unknown), "{why:?}"),
        }
    }
    assert_eq!(h.e.bytes_in_flight(), 0);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]
    #[test]
    fn every_file_ends_in_an_outcome_with_exact_bytes(
        sizes in prop::collection::vec(0usize..6000, 1..6),
        chunk in 300u64..3000,
        parallel in 1usize..4,
        cwu in any::<bool>(),
        ops in prop::collection::vec((0u8..17, any::<u32>()), 0..200),
    ) {
        scenario(sizes, chunk, parallel, cwu, ops);
    }
}

/// A fixed rough network: one request in three suffers a random fault; every file still ends
/// uploaded with exact bytes (no attempt limit is reached because progress resets it).
#[test]
fn rough_network_still_uploads_everything_exactly() {
    let mut h = H::new(EngineSettings { chunk_size: Some(700), parallel_uploads: 3, ..H::settings() });
    let defs: Vec<_> =
        (1..=20u64).map(|i| (i, format!("F/{i}.jpg"), Content::Bytes(bytes(500 + 397 * i as usize, i as u8)), photo_facts())).collect();
    h.add_many(defs);
    let mut srv = FakeTus::new();
    srv.checksum = true;
    h.start();
    let mut rng = shoebox_core::engine::Rng::new(7);
    let mut faults = 0;
    h.run(
        &mut srv,
        |r| {
            let x = rng.next_u64();
            if !x.is_multiple_of(3) || r.method == Method::Get || r.method == Method::Options {
                return Fault::None;
            }
            faults += 1;
            match (x >> 8) % 5 {
                0 => Fault::NetError,
                1 => Fault::DropAfter((x >> 16) % 700),
                2 => Fault::LostAnswer,
                3 => Fault::Status(503),
                _ => Fault::Hang,
            }
        },
        |_| 0,
        10,
        1_000_000,
    );
    assert!(faults > 20, "{faults}");
    assert_eq!(h.e.status(), Status::Complete { uploaded: 20, already: 0, skipped: 0, failed: 0 });
    for (id, d) in &h.files {
        let c = srv.completed.iter().find(|c| c.sha.as_deref() == Some(&d.content.sha())).unwrap_or_else(|| panic!("{id:?}"));
        assert!(c.data == *d.content.slice(0, d.content.size()).unwrap());
    }
}
