//! Sidecars in the plan: an XMP sidecar (short or full name) and Apple's .AAE beside a photo
//! are backed up with it, judged from their names before inspection and from their content
//! after (real `photo::inspect`), never skipped as "not a photo or video"; text merely named
//! `.xmp` is still not media.
mod engine_common;
use engine_common::*;
use shoebox_core::engine::*;
use shoebox_core::facts::{Decision, Format, MediaKind, Outcome, SkipReason};
use shoebox_core::photo::inspect;

const XMP: &[u8] = b"<?xpacket begin='\xEF\xBB\xBF' id='W5M0MpCehiHzreSzNTczkc9d'?>\n<x:xmpmeta xmlns:x='adobe:ns:meta/'></x:xmpmeta>";
const AAE: &[u8] = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\"><plist/>";

#[test]
fn sidecars_are_backed_up_with_their_photo_and_never_skipped() {
    let mut h = H::new(H::settings());
    let mut srv = FakeTus::new();
    h.auto_local = false;
    let files: [(u64, &str, Vec<u8>); 5] = [
        (1, "Card/IMG_1.JPG", bytes(4000, 1)),
        (2, "Card/IMG_1.JPG.xmp", XMP.to_vec()),
        (3, "Card/IMG_1.xmp", XMP.to_vec()),
        (4, "Card/IMG_1.AAE", AAE.to_vec()),
        (5, "Card/notes.xmp", b"just text, no markup".to_vec()),
    ];
    for (id, path, content) in &files {
        let name = path.rsplit('/').next().unwrap();
        let facts = if *id == 1 { photo_facts() } else { inspect(name, content, content.len() as u64) };
        h.add(*id, path, Content::Bytes(content.clone()), facts);
    }
    h.handshake(config_json(false, 1000), options_bare());
    // From the names alone: four in the backup (notes.xmp too, until its content is read).
    assert_eq!(h.e.status(), Status::ReadyToBackUp { count: 5 });
    assert_eq!(h.view(FileId(4)).decision, Some(Decision::Upload));
    while let Some(a) = h.local.pop_front() {
        h.answer_local(a);
        h.drain();
    }
    let t = h.e.totals();
    assert_eq!((t.photos, t.videos, t.sidecars, t.skipped.not_media, t.files_total()), (1, 0, 3, 1, 4), "{t:?}");
    assert_eq!(h.view(FileId(5)).outcome, Some(Outcome::Skipped(SkipReason::NotMedia)));
    h.auto_local = true;
    h.start();
    serve(&mut h, &mut srv);
    assert_eq!(h.e.status(), Status::Complete { uploaded: 4, already: 0, skipped: 1, failed: 0 });
    let mut sent: Vec<Vec<u8>> = srv.completed.iter().map(|s| s.data.clone()).collect();
    sent.sort();
    let mut want = vec![files[0].2.clone(), XMP.to_vec(), XMP.to_vec(), AAE.to_vec()];
    want.sort();
    // The two XMP files have the same bytes; this server does not deduplicate, so both go.
    sent.dedup();
    want.dedup();
    assert_eq!(sent, want);
}

#[test]
fn inspect_tells_sidecars_by_name_and_markup() {
    let f = inspect("IMG_9.CR3.xmp", XMP, XMP.len() as u64);
    assert_eq!((f.kind, f.format, f.format.mime()), (MediaKind::Sidecar, Format::Xmp, "application/rdf+xml"));
    assert_eq!(inspect("IMG_9.aae", AAE, AAE.len() as u64).format, Format::Aae);
    assert_eq!(inspect("IMG_9.xmp", b"plain words", 11).kind, MediaKind::Other);
    assert_eq!(inspect("IMG_9.txt", XMP, XMP.len() as u64).kind, MediaKind::Other, "markup alone is no sidecar");
    assert_eq!(shoebox_core::facts::FileFacts::guess("x/IMG_9.AAE").kind, MediaKind::Sidecar);
}
