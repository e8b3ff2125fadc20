//! Scripted-protocol helpers shared by the engine's protocol test files: small chunks, one
//! started file, and the create / PATCH exchanges most tests begin with.
use super::*;

pub const MB: u64 = 1024 * 1024;

pub fn small_chunks() -> EngineSettings {
    EngineSettings { chunk_size: Some(1000), creation_with_upload_max: 0, ..H::settings() }
}

/// One file, handshake done, started; returns the harness and the file id.
pub fn one_file(settings: EngineSettings, size: usize, options: HttpResponse) -> (H, FileId) {
    let mut h = H::new(settings);
    let id = h.add(1, "Holiday/a.jpg", Content::Bytes(bytes(size, 1)), photo_facts());
    h.handshake(HttpResponse::new(404), options);
    assert_eq!(h.e.status(), Status::ReadyToBackUp { count: 1 });
    h.start();
    (h, id)
}

pub fn create(h: &mut H, location: &str) -> RequestId {
    let (c, _) = h.expect(Method::Post);
    h.answer(c, Ok(ok(201).with_header("Location", location)));
    c
}

pub fn patch_ok(h: &mut H, expect_start: u64) -> (RequestId, HttpRequest) {
    let (p, r) = h.expect(Method::Patch);
    let Body::Slice { start, end, .. } = r.body else { panic!() };
    assert_eq!(start, expect_start);
    assert_eq!(r.header("Upload-Offset").unwrap(), start.to_string());
    h.answer(p, Ok(ok(204).with_header("Upload-Offset", &end.to_string())));
    (p, r)
}
