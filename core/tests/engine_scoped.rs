//! A scoped token asks the server nothing it would refuse: a kiosk's page sends no request
//! before its visit has a token, and a token whose config says `access.thumbnails: false` (a
//! visitor, a phone link) sends no library thumbnail.
mod engine_common;
use engine_common::*;
use shoebox_core::engine::*;

fn config(thumbnails: Option<bool>) -> HttpResponse {
    let access = thumbnails.map(|t| format!(r#","access":{{"scope":"visitor","library":false,"thumbnails":{t}}}"#)).unwrap_or_default();
    HttpResponse::new(200).with_body(&format!(
        r#"{{"tusEndpoint":"/files/","chunkSize":1000,"limits":{{"name":"seed","maxPhotoBytes":75000000,"maxPhotoPixels":100000000,"maxVideoBytes":10000000000,"minPhotoSide":0}},"dedup":false{access}}}"#
    ))
}

fn upload_one(thumbnails: Option<bool>) -> usize {
    let mut h = H::new(EngineSettings { creation_with_upload_max: 0, ..H::settings() });
    h.add(1, "Kiosk/a.jpg", Content::Bytes(bytes(500, 1)), photo_facts());
    h.handshake(config(thumbnails), options_bare());
    h.start();
    let (c, _) = h.expect(Method::Post);
    h.answer(c, Ok(ok(201).with_header("Location", "u")));
    let (p, _) = h.expect(Method::Patch);
    h.answer(p, Ok(ok(204).with_header("Upload-Offset", "500")));
    h.drain();
    assert_eq!(h.e.status(), Status::Complete { uploaded: 1, already: 0, skipped: 0, failed: 0 });
    h.thumbnails.len()
}

#[test]
fn a_token_that_may_not_send_thumbnails_sends_none() {
    assert_eq!(upload_one(Some(false)), 0, "the config says this token may not");
    assert_eq!(upload_one(Some(true)), 1);
    assert_eq!(upload_one(None), 1, "a server that does not say allows them");
}

#[test]
fn a_page_that_needs_a_token_asks_nothing_before_it_has_one() {
    let waiting = EngineSettings { token: None, token_required: true, ..H::settings() };
    let mut h = H::new(waiting.clone());
    let now = h.now;
    h.e.set_online(true, now);
    h.e.set_settings(waiting.clone(), now + 1);
    h.drain();
    assert!(h.http.is_empty(), "no config request without a token: {:?}", h.http.iter().map(|r| &r.1.url).collect::<Vec<_>>());
    h.e.set_settings(EngineSettings { token: Some("visit".into()), ..waiting }, now + 2);
    let (_, r) = h.expect(Method::Get);
    assert!(r.url.ends_with("/api/v1/config"));
    assert_eq!(r.header("Authorization"), Some("Bearer visit"));
}
