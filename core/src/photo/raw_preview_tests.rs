//! Tests of the RAW preview finder on RAW-shaped files built here byte by byte.
use super::*;

/// A JPEG-shaped byte run of `len` bytes: SOI, an APP0 segment, SOS, filler, EOI.
fn fake_jpeg(len: usize, fill: u8) -> Vec<u8> {
    let mut j = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xDA, 0x00, 0x02];
    j.resize(len - 2, fill);
    j.extend([0xFF, 0xD9]);
    j
}

/// Little-endian TIFF: IFD0 (orientation, EXIF thumbnail pair, SubIFDs) → one SubIFD holding a
/// JPEG-compressed strip. Returns the file and the two JPEGs' offsets.
fn tiff_raw(orientation: u16, small: &[u8], big: &[u8]) -> (Vec<u8>, usize, usize) {
    let mut d = b"II*\0".to_vec();
    d.extend(8u32.to_le_bytes());
    let ifd0 = 8;
    let sub = ifd0 + 2 + 4 * 12 + 4;
    let small_at = sub + 2 + 3 * 12 + 4;
    let big_at = small_at + small.len();
    let entry = |d: &mut Vec<u8>, tag: u16, typ: u16, val: u32| {
        d.extend(tag.to_le_bytes());
        d.extend(typ.to_le_bytes());
        d.extend(1u32.to_le_bytes());
        d.extend(val.to_le_bytes());
    };
    d.extend(4u16.to_le_bytes());
    entry(&mut d, tag::ORIENTATION, 3, orientation as u32);
    entry(&mut d, tag::SUB_IFDS, 4, sub as u32);
    entry(&mut d, tag::THUMB_OFFSET, 4, small_at as u32);
    entry(&mut d, tag::THUMB_LENGTH, 4, small.len() as u32);
    d.extend(0u32.to_le_bytes());
    assert_eq!(d.len(), sub);
    d.extend(3u16.to_le_bytes());
    entry(&mut d, COMPRESSION, 3, 7);
    entry(&mut d, STRIP_OFFSETS, 4, big_at as u32);
    entry(&mut d, STRIP_BYTE_COUNTS, 4, big.len() as u32);
    d.extend(0u32.to_le_bytes());
    assert_eq!(d.len(), small_at);
    d.extend(small);
    d.extend(big);
    d.extend([0u8; 64]);
    (d, small_at, big_at)
}

#[test]
fn a_tiff_raw_gives_its_largest_jpeg_with_the_files_orientation() {
    let (small, big) = (fake_jpeg(200, 1), fake_jpeg(9000, 2));
    let (raw, _, big_at) = tiff_raw(6, &small, &big);
    let p = raw_preview(&raw).expect("a preview");
    assert_eq!(p.jpeg, &raw[big_at..big_at + big.len()], "the strip JPEG, larger than the EXIF thumbnail");
    assert_eq!(p.orientation, 6, "IFD0's orientation, not the JPEG's");
}

#[test]
fn lying_offsets_and_loops_end_without_a_preview_or_a_panic() {
    let (small, big) = (fake_jpeg(200, 1), fake_jpeg(9000, 2));
    let (mut raw, _, _) = tiff_raw(1, &small, &big);
    // The SubIFD's strip length now runs past the end of the file.
    let len_at = 8 + 2 + 4 * 12 + 4 + 2 + 2 * 12 + 8;
    raw[len_at..len_at + 4].copy_from_slice(&u32::MAX.to_le_bytes());
    let p = raw_preview(&raw).expect("the EXIF thumbnail is still there");
    assert_eq!(p.jpeg.len(), 200);
    // IFD0's SubIFD pointer points at IFD0 itself: visited once.
    let (mut looped, _, _) = tiff_raw(1, &small, &big);
    let sub_val = 8 + 2 + 12 + 8;
    looped[sub_val..sub_val + 4].copy_from_slice(&8u32.to_le_bytes());
    assert_eq!(raw_preview(&looped).map(|p| p.jpeg.len()), Some(200));
    for cut in [0, 3, 9, 40, 120] {
        let _ = raw_preview(&raw[..cut]);
    }
}

#[test]
fn a_raf_header_names_its_jpeg() {
    let jpeg = fake_jpeg(5000, 3);
    let mut raf = b"FUJIFILMCCD-RAW 0201FF383501".to_vec();
    raf.resize(100, 0);
    raf[84..88].copy_from_slice(&100u32.to_be_bytes());
    raf[88..92].copy_from_slice(&(jpeg.len() as u32).to_be_bytes());
    raf.extend(&jpeg);
    let p = raw_preview(&raf).expect("a preview");
    assert_eq!(p.jpeg, &jpeg[..]);
    assert_eq!(p.orientation, 1);
    raf[88..92].copy_from_slice(&(jpeg.len() as u32 + 1).to_be_bytes());
    assert!(raw_preview(&raf).is_none(), "a length past the end is refused");
}

#[test]
fn an_unparsed_container_is_scanned_for_its_largest_whole_jpeg() {
    let mut cr3 = b"\0\0\0\x18ftypcrx \0\0\0\x01crx isom".to_vec();
    cr3.extend(fake_jpeg(5000, 4));
    cr3.extend([0u8; 10]);
    let big = fake_jpeg(20000, 5);
    let at = cr3.len();
    cr3.extend(&big);
    cr3.extend(fake_jpeg(100, 6));
    let p = raw_preview(&cr3).expect("a preview");
    assert_eq!(p.jpeg, &cr3[at..at + big.len()]);
    let mut truncated = cr3[..at + 100].to_vec();
    truncated.truncate(at + 100);
    assert_eq!(raw_preview(&truncated).map(|p| p.jpeg.len()), Some(5000), "a JPEG without its end is not taken");
}
