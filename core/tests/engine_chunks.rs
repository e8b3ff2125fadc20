//! Chunk sizes and digests ahead, with virtual time: the next chunk's checksum is digested while
//! the current PATCH is in flight, chunks grow on a fast link to a Shoebox server (never past
//! the bytes-in-flight budget shared by the uploading files), and stay as they are when the
//! link is slow, the settings fix the size, the server is a third-party one, or a chunk fails.
mod engine_common;
use engine_common::script::*;
use engine_common::*;
use shoebox_core::engine::*;
use shoebox_core::facts::Outcome;

const SIZE: u64 = 300 * MB;

/// One large virtual video, handshake done (`config`: a Shoebox server's, or a 404), started.
fn big(settings: EngineSettings, config: HttpResponse, options: HttpResponse, files: u64) -> H {
    let mut h = H::new(settings);
    for i in 0..files {
        h.add(i + 1, &format!("Videos/{i}.mp4"), Content::Virtual { size: SIZE, digest: format!("{:064x}", i + 1) }, video_facts());
    }
    h.handshake(config, options);
    h.start();
    h
}

fn shoebox() -> HttpResponse {
    config_json(false, 8 * MB)
}

/// Answer creations (with a Location) and PATCHes (after `ms` of virtual time) until every
/// file is done; returns each PATCH as (file's upload URL, start, end, checksum), in order.
fn run(h: &mut H, ms: u64) -> Vec<(String, u64, u64, Option<ChecksumAlgo>)> {
    let mut patches = Vec::new();
    let mut n = 0;
    while let Some((req, r)) = {
        h.drain();
        h.http.pop_front()
    } {
        match r.method {
            Method::Post => {
                n += 1;
                h.answer(req, Ok(ok(201).with_header("Location", &format!("u{n}"))));
            }
            Method::Patch => {
                let Body::Slice { file, start, end, checksum, .. } = r.body else { panic!() };
                // While this chunk is in flight, the next one of the same file is being digested.
                if let Some(algo) = checksum.filter(|_| end < SIZE) {
                    let next = h.digests.iter().rev().find(|d| d.0 == file).copied().expect("a digest ahead");
                    assert_eq!((next.1, next.3), (end, algo), "the next chunk is digested while this one is in flight");
                }
                patches.push((r.url.clone(), start, end, checksum));
                h.advance(ms);
                h.answer(req, Ok(ok(204).with_header("Upload-Offset", &end.to_string())));
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    patches
}

fn sizes(patches: &[(String, u64, u64, Option<ChecksumAlgo>)]) -> Vec<u64> {
    patches.iter().map(|p| (p.2 - p.1) / MB).collect()
}

/// Every chunk but the file's last (shorter) one is `mib` MiB.
fn all_but_last(s: Vec<u64>, mib: u64) -> bool {
    s.len() > 2 && s[..s.len() - 1].iter().all(|c| *c == mib)
}

#[test]
fn each_patch_carries_exactly_the_range_digested_ahead_of_it() {
    // Shoebox's own server (crc32c offered first) and a third-party one offering sha1 and sha256.
    let ours = HttpResponse::new(204)
        .with_header("Tus-Extension", "creation,creation-with-upload,termination,checksum,expiration")
        .with_header("Tus-Checksum-Algorithm", "crc32c,sha1,sha256,md5");
    for (options, algo) in [(ours, ChecksumAlgo::Crc32c), (options_full(), ChecksumAlgo::Sha256)] {
        let mut h = big(H::settings(), shoebox(), options, 1);
        let patches = run(&mut h, 50);
        // The first chunk is digested while the creation is in flight, each next one while the
        // one before it is: every checksummed PATCH was digested ahead, with the same algorithm.
        let ahead: Vec<(u64, u64)> = h.digests.iter().map(|d| (d.1, d.2)).collect();
        assert!(patches.len() > 3);
        let sent: Vec<(u64, u64)> = patches.iter().map(|p| (p.1, p.2)).collect();
        assert_eq!(ahead, sent);
        assert!(h.digests.iter().all(|d| d.3 == algo));
        assert!(patches.iter().all(|p| p.3 == Some(algo)), "{algo:?}");
        assert_eq!(h.view(FileId(1)).outcome, Some(Outcome::Uploaded(None)));
    }
}

#[test]
fn chunks_grow_on_a_fast_link_to_the_bytes_in_flight_budget() {
    let mut h = big(H::settings(), shoebox(), options_full(), 1);
    let s = sizes(&run(&mut h, 100));
    // 8 MiB first; each chunk answered within CHUNK_GROW_BELOW_MS doubles the one after the
    // chunk already digested; at most the 64 MiB budget.
    assert_eq!(&s[..6], &[8, 8, 16, 32, 64, 64]);
    assert!(s.iter().all(|c| *c <= 64));
    assert!(s.len() < 10, "{s:?}");
    // Without a checksum there is nothing digested ahead: the growth shows one chunk sooner.
    let mut h = big(H::settings(), shoebox(), options_bare(), 1);
    assert_eq!(&sizes(&run(&mut h, 100))[..5], &[8, 16, 32, 64, 64]);
    assert!(h.digests.is_empty());
}

#[test]
fn chunks_keep_their_size_on_a_slow_link_a_fixed_setting_or_a_third_party_server() {
    let mut h = big(H::settings(), shoebox(), options_full(), 1);
    assert!(all_but_last(sizes(&run(&mut h, CHUNK_GROW_BELOW_MS)), 8));
    let fixed = EngineSettings { chunk_size: Some(4 * MB), ..H::settings() };
    let mut h = big(fixed, shoebox(), options_full(), 1);
    assert!(all_but_last(sizes(&run(&mut h, 10)), 4));
    // Not a Shoebox server (no config): its proxy may limit a body's size.
    let mut h = big(H::settings(), HttpResponse::new(404), options_full(), 1);
    assert!(all_but_last(sizes(&run(&mut h, 10)), 8));
}

#[test]
fn uploading_files_share_the_budget_when_their_chunks_grow() {
    let mut h = big(H::settings(), shoebox(), options_full(), 3);
    let patches = run(&mut h, 10);
    assert!(h.max_in_flight <= 64 * MB, "{}", h.max_in_flight);
    // Three files at once: each grows to a third of the budget, not to all of it.
    assert!(patches.iter().all(|p| p.2 - p.1 <= 64 * MB / 3 + 1));
    assert!(patches.iter().any(|p| p.2 - p.1 > 8 * MB));
}

#[test]
fn a_failed_chunk_starts_the_file_small_again_with_a_fresh_digest() {
    let mut h = big(H::settings(), shoebox(), options_full(), 1);
    let (c, _) = h.expect(Method::Post);
    h.answer(c, Ok(ok(201).with_header("Location", "u")));
    let mut last = 0;
    for _ in 0..4 {
        let (p, r) = h.expect(Method::Patch);
        let Body::Slice { end, .. } = r.body else { panic!() };
        h.answer(p, Ok(ok(204).with_header("Upload-Offset", &end.to_string())));
        last = end;
    }
    let (p, r) = h.expect(Method::Patch);
    let Body::Slice { start, end, .. } = r.body else { panic!() };
    assert_eq!((start, end - start), (last, 64 * MB), "grown");
    h.answer(p, Err(NetError::Other("reset".into())));
    h.run_until_request();
    let (q, r) = h.expect(Method::Head);
    assert_eq!(r.url, "http://s.test/files/u");
    h.answer(q, Ok(ok(200).with_header("Upload-Offset", &start.to_string()).with_header("Upload-Length", &SIZE.to_string())));
    let (_, r) = h.expect(Method::Patch);
    let Body::Slice { start: s2, end: e2, .. } = r.body else { panic!() };
    assert_eq!((s2, e2 - s2), (start, 8 * MB), "back to the base chunk after an error");
    assert_eq!(h.digests.last().map(|d| (d.1, d.2)), Some((e2, e2 + 8 * MB)), "the next digest ahead follows the new size");
}
