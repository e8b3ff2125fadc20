//! Live Photos paired by Apple's content identifier, read from the photo's EXIF MakerNote
//! (tag 0x0011) and the clip's QuickTime metadata (`mdta` key
//! com.apple.quicktime.content.identifier, in a `moov` written after the media data as iPhones
//! do): one identifier pairs two records whatever their names, folders and times; two
//! different identifiers never pair, however alike the names; without one the name rule
//! holds; another user's record with the same identifier is never mine; a HEIC's identifier is
//! read from its EXIF item wherever that is stored. The fixtures are
//! written here, atom by atom and tag by tag.
mod common;
use axum::http::StatusCode;
use common::*;
use shoebox_core::hash::sha256_hex;
use shoebox_server::previews::live::sweep_all;

const T: u64 = 1_714_557_600_000; // 2024-05-01T10:00:00Z
const ID_A: &str = "0B7E4C2A-1D3F-4A5B-9C6D-7E8F90A1B2C3";
const ID_B: &str = "F00DCAFE-0000-4000-8000-000000000002";

async fn put(s: &TestServer, token: &str, bytes: &[u8], path: &str, filetype: &str, at_ms: u64) {
    let name = path.rsplit('/').next().unwrap();
    let at = at_ms.to_string();
    let meta = [("filename", name), ("filetype", filetype), ("relativePath", path), ("lastModified", at.as_str())];
    let r = s.create_as(token, bytes.len() as u64, &meta).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let r = s.patch_as(token, &r.h("location").unwrap(), 0, bytes).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
}

fn be16(v: u16) -> [u8; 2] {
    v.to_be_bytes()
}
fn be32(v: u32) -> [u8; 4] {
    v.to_be_bytes()
}

/// One big-endian IFD entry whose value is `value` (inline when it fits, else at `at`).
fn entry(tag: u16, typ: u16, count: u32, value_or_offset: u32) -> Vec<u8> {
    [&be16(tag)[..], &be16(typ), &be32(count), &be32(value_or_offset)].concat()
}

/// An EXIF TIFF block holding Apple's MakerNote with `id`: header (8), IFD0 at 8 with one
/// entry (18), the Exif IFD at 26 with one (18), the MakerNote at 44: "Apple iOS\0", version 1,
/// "MM", its IFD at 14 (18), the string at 32.
fn apple_tiff(id: &str) -> Vec<u8> {
    let mut note = b"Apple iOS\0\0\x01MM".to_vec();
    note.extend(be16(1));
    note.extend(entry(0x0011, 2, id.len() as u32 + 1, 32));
    note.extend(be32(0));
    note.extend(id.as_bytes());
    note.push(0);
    let mut tiff = b"MM\0*".to_vec();
    tiff.extend(be32(8));
    tiff.extend(be16(1));
    tiff.extend(entry(0x8769, 4, 1, 26));
    tiff.extend(be32(0));
    tiff.extend(be16(1));
    tiff.extend(entry(0x927C, 7, note.len() as u32, 44));
    tiff.extend(be32(0));
    tiff.extend(note);
    tiff
}

/// A JPEG whose EXIF holds Apple's MakerNote with `id` (or no MakerNote).
fn apple_jpeg(id: Option<&str>, seed: u8) -> Vec<u8> {
    let px: Vec<u8> = (0..32 * 24).flat_map(|i| [(i % 200) as u8, seed, 90]).collect();
    let jpeg = shoebox_fixtures::encode_jpeg(&px, 32, 24, 90, false, false);
    let Some(id) = id else { return jpeg };
    let tiff = apple_tiff(id);
    let mut out = jpeg[..2].to_vec();
    out.extend([0xFF, 0xE1]);
    out.extend(be16((tiff.len() + 8) as u16));
    out.extend(b"Exif\0\0");
    out.extend(tiff);
    out.extend(&jpeg[2..]);
    out
}

fn full(ty: &[u8; 4], payload: &[u8]) -> Vec<u8> {
    atom(ty, &[&[0u8; 4][..], payload].concat())
}

/// A HEIC whose `meta` names an `Exif` item holding Apple's MakerNote with `id`, stored after
/// 300 KiB of image data (past the head the server reads first).
fn apple_heic(id: &str) -> Vec<u8> {
    let exif = [&6u32.to_be_bytes()[..], b"Exif\0\0", &apple_tiff(id)].concat();
    let build = |exif_at: u32| {
        let infe = |item: u16, ty: &[u8; 4]| atom(b"infe", &[&[2, 0, 0, 0][..], &be16(item), &[0, 0], ty, b"\0"].concat());
        let iinf = full(b"iinf", &[&be16(2)[..], &infe(1, b"hvc1"), &infe(2, b"Exif")].concat());
        let iloc =
            full(b"iloc", &[&[0x44, 0x00][..], &be16(1), &be16(2), &[0, 0], &be16(1), &be32(exif_at), &be32(exif.len() as u32)].concat());
        let ispe = full(b"ispe", &[be32(4032), be32(3024)].concat());
        let iprp = atom(b"iprp", &[atom(b"ipco", &ispe), full(b"ipma", &[&be32(1)[..], &be16(1), &[1, 0x81]].concat())].concat());
        let hdlr = full(b"hdlr", &[&[0u8; 4][..], b"pict", &[0u8; 13]].concat());
        let meta = full(b"meta", &[hdlr, full(b"pitm", &be16(1)), iinf, iloc, iprp].concat());
        [atom(b"ftyp", b"heic\0\0\0\0mif1heicmiaf"), meta].concat()
    };
    let filler = bytes(300 << 10, 9);
    let at = build(0).len() + 8 + filler.len();
    [build(at as u32), atom(b"mdat", &[filler, exif].concat())].concat()
}

fn atom(ty: &[u8; 4], payload: &[u8]) -> Vec<u8> {
    [&be32(payload.len() as u32 + 8)[..], ty, payload].concat()
}

/// A QuickTime file: `ftyp`, 300 KiB of media data, then a `moov` whose metadata holds `id`.
fn apple_mov(id: Option<&str>, seed: u64) -> Vec<u8> {
    let mut keys = [be32(0), be32(2)].concat();
    let mut ilst = Vec::new();
    for (i, (k, v)) in [("com.apple.quicktime.make", "Apple"), ("com.apple.quicktime.content.identifier", id.unwrap_or(""))]
        .iter()
        .enumerate()
        .filter(|(_, (_, v))| !v.is_empty())
    {
        keys.extend(be32(k.len() as u32 + 8));
        keys.extend(b"mdta");
        keys.extend(k.as_bytes());
        let data = [&be32(1)[..], &be32(0), v.as_bytes()].concat();
        ilst.extend(atom(&be32(i as u32 + 1), &atom(b"data", &data)));
    }
    let meta = [atom(b"hdlr", &[0; 24]), atom(b"keys", &keys), atom(b"ilst", &ilst)].concat();
    let moov = atom(b"moov", &[atom(b"mvhd", &[0; 100]), atom(b"meta", &meta)].concat());
    [atom(b"ftyp", b"qt  \0\0\x02\0qt  "), atom(b"mdat", &bytes(300 << 10, seed)), moov].concat()
}

fn named(items: &[serde_json::Value], name: &str) -> serde_json::Value {
    items.iter().find(|m| m["filename"] == name).cloned().unwrap_or_else(|| panic!("{name} not listed: {items:?}"))
}

#[tokio::test]
async fn one_identifier_pairs_any_names_two_never_pair_and_none_falls_back_to_names() {
    let s = TestServer::new();
    // Same identifier, unrelated names, other folders, a day apart; the clip first, swept alone.
    let (p1, c1) = (apple_jpeg(Some(ID_A), 1), apple_mov(Some(ID_A), 1));
    put(&s, ALICE, &c1, "Trip/Exports/clip-from-share.MOV", "video/quicktime", T + 86_400_000).await;
    sweep_all(&s.state).await;
    put(&s, ALICE, &p1, "Trip/DCIM/IMG_0100.JPG", "image/jpeg", T).await;
    // The same stem a second apart, but two identifiers: two captures (a burst).
    let (p2, c2) = (apple_jpeg(Some(ID_B), 2), apple_mov(Some(ID_A.replace('0', "1").as_str()), 2));
    put(&s, ALICE, &p2, "Trip/DCIM/IMG_0200.JPG", "image/jpeg", T).await;
    put(&s, ALICE, &c2, "Trip/DCIM/IMG_0200.MOV", "video/quicktime", T + 1_000).await;
    // No identifier in the clip: the name rule pairs them.
    let (p3, c3) = (apple_jpeg(Some(ID_B.replace('F', "E").as_str()), 3), apple_mov(None, 3));
    put(&s, ALICE, &p3, "Trip/DCIM/IMG_0300.JPG", "image/jpeg", T).await;
    put(&s, ALICE, &c3, "Trip/DCIM/IMG_0300.MOV", "video/quicktime", T + 1_000).await;
    // Bob's clip carries my photo's identifier: never mine.
    put(&s, BOB, &apple_mov(Some(ID_B), 4), "Trip/DCIM/IMG_0200.MOV", "video/quicktime", T).await;
    sweep_all(&s.state).await;

    let list = items(&s, ALICE).await;
    assert_eq!(named(&list, "IMG_0100.JPG")["motion"]["sha256"], sha256_hex(&c1), "paired by identifier");
    assert!(list.iter().all(|m| m["filename"] != "clip-from-share.MOV"));
    assert!(named(&list, "IMG_0200.JPG").get("motion").is_none(), "two identifiers, two captures");
    assert!(named(&list, "IMG_0200.MOV").get("motionOf").is_none());
    assert_eq!(named(&list, "IMG_0300.JPG")["motion"]["sha256"], sha256_hex(&c3), "no identifier: by name");
    assert_eq!(list.len(), 4, "{list:?}");
    let bobs = items(&s, BOB).await;
    assert_eq!((bobs.len(), bobs[0].get("motionOf")), (1, None));
    let played = anon(&s, named(&list, "IMG_0100.JPG")["motion"]["videoUrl"].as_str().unwrap(), Some("bytes=0-15")).await;
    assert_eq!((played.status, played.body.as_slice()), (StatusCode::PARTIAL_CONTENT, &c1[..16]));
    // A HEIC's identifier sits in its EXIF item, read wherever the item is.
    let (p5, c5) = (apple_heic("HEIC-ID-5"), apple_mov(Some("HEIC-ID-5"), 6));
    put(&s, ALICE, &p5, "Trip/A/IMG_0500.HEIC", "image/heic", T).await;
    put(&s, ALICE, &c5, "Trip/B/other-name.MOV", "video/quicktime", T + 7 * 86_400_000).await;
    sweep_all(&s.state).await;
    assert_eq!(named(&items(&s, ALICE).await, "IMG_0500.HEIC")["motion"]["sha256"], sha256_hex(&c5));
    // The identifier pairs only within an album: the same capture in another album stays apart.
    let (p4, c4) = (apple_jpeg(Some("1111-2222"), 5), apple_mov(Some("1111-2222"), 5));
    put(&s, ALICE, &p4, "Home/IMG_0400.JPG", "image/jpeg", T).await;
    put(&s, ALICE, &c4, "Work/IMG_0400.MOV", "video/quicktime", T).await;
    sweep_all(&s.state).await;
    assert!(named(&items(&s, ALICE).await, "IMG_0400.JPG").get("motion").is_none());
}
