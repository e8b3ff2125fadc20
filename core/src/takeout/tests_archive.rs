//! Archives read in place: stored and deflated entries and where their bytes are, ZIP64,
//! DOS code page names, every kind of bad entry and bad archive, split parts; and no input
//! makes the reader panic. The archives are written here byte by byte.
use super::archive::*;

struct F {
    name: Vec<u8>,
    data: Vec<u8>,
    method: u16,
    flags: u16,
    size: Option<u32>,
}

fn f(name: &str, data: &[u8]) -> F {
    F { name: name.as_bytes().to_vec(), data: data.to_vec(), method: 0, flags: 0x800, size: None }
}

/// `data` as one stored deflate block: a deflated entry any inflater reads.
fn deflated(name: &str, data: &[u8]) -> F {
    let mut d = vec![1, data.len() as u8, (data.len() >> 8) as u8, !data.len() as u8, !(data.len() >> 8) as u8];
    d.extend_from_slice(data);
    F { method: 8, size: Some(data.len() as u32), ..f(name, &d) }
}

fn zip(files: &[F], zip64: bool) -> Vec<u8> {
    let (mut out, mut cd) = (Vec::new(), Vec::new());
    for x in files {
        let off = out.len() as u32;
        let usize_ = x.size.unwrap_or(x.data.len() as u32);
        let common = |v: &mut Vec<u8>| {
            v.extend(20u16.to_le_bytes());
            v.extend(x.flags.to_le_bytes());
            v.extend(x.method.to_le_bytes());
            v.extend([0, 0, 0x21, 0]);
            v.extend(0u32.to_le_bytes());
        };
        out.extend(0x0403_4b50u32.to_le_bytes());
        common(&mut out);
        out.extend((x.data.len() as u32).to_le_bytes());
        out.extend(usize_.to_le_bytes());
        out.extend((x.name.len() as u16).to_le_bytes());
        out.extend(0u16.to_le_bytes());
        out.extend(&x.name);
        out.extend(&x.data);
        cd.extend(0x0201_4b50u32.to_le_bytes());
        cd.extend(20u16.to_le_bytes());
        common(&mut cd);
        let big = u32::MAX.to_le_bytes();
        if zip64 {
            cd.extend(big);
            cd.extend(big);
        } else {
            cd.extend((x.data.len() as u32).to_le_bytes());
            cd.extend(usize_.to_le_bytes());
        }
        cd.extend((x.name.len() as u16).to_le_bytes());
        cd.extend((if zip64 { 28u16 } else { 0 }).to_le_bytes());
        cd.extend([0u8; 6]);
        cd.extend(0u32.to_le_bytes());
        cd.extend(if zip64 { big } else { off.to_le_bytes() });
        cd.extend(&x.name);
        if zip64 {
            cd.extend(1u16.to_le_bytes());
            cd.extend(24u16.to_le_bytes());
            cd.extend((usize_ as u64).to_le_bytes());
            cd.extend((x.data.len() as u64).to_le_bytes());
            cd.extend((off as u64).to_le_bytes());
        }
    }
    let (cd_off, n) = (out.len() as u64, files.len() as u64);
    out.extend(&cd);
    if zip64 {
        let rec = out.len() as u64;
        out.extend(0x0606_4b50u32.to_le_bytes());
        out.extend(44u64.to_le_bytes());
        out.extend([45, 0, 45, 0]);
        out.extend([0u8; 8]);
        out.extend(n.to_le_bytes());
        out.extend(n.to_le_bytes());
        out.extend((cd.len() as u64).to_le_bytes());
        out.extend(cd_off.to_le_bytes());
        out.extend(0x0706_4b50u32.to_le_bytes());
        out.extend(0u32.to_le_bytes());
        out.extend(rec.to_le_bytes());
        out.extend(1u32.to_le_bytes());
    }
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    let count = if zip64 { [0xFF, 0xFF] } else { (n as u16).to_le_bytes() };
    out.extend(count);
    out.extend(count);
    out.extend((cd.len() as u32).to_le_bytes());
    out.extend(if zip64 { u32::MAX.to_le_bytes() } else { (cd_off as u32).to_le_bytes() });
    out.extend(0u16.to_le_bytes());
    out
}

/// Reads `bytes` as the driver would, through the ranges asked for.
fn read(bytes: &[u8]) -> Result<Vec<ZipEntry>, ArchiveFault> {
    let mut r = ZipReader::new(bytes.len() as u64, &bytes[..bytes.len().min(512)]);
    for _ in 0..10_000 {
        if let Some(done) = r.result() {
            return done.clone();
        }
        let (at, len) = r.wants_read().expect("a reader not done asks for bytes");
        let at = (at as usize).min(bytes.len());
        r.handle_bytes(&bytes[at..(at + len).min(bytes.len())]);
    }
    panic!("the reader never finished");
}

fn payload(bytes: &[u8], e: &ZipEntry) -> Vec<u8> {
    let at = e.header_offset as usize;
    let start = data_start(e, &bytes[at..at + LOCAL_HEADER_READ], bytes.len() as u64).unwrap() as usize;
    bytes[start..start + e.compressed_size as usize].to_vec()
}

#[test]
fn stored_and_deflated_entries_and_where_their_bytes_are() {
    for zip64 in [false, true] {
        let a = zip(&[f("Takeout/Google Photos/Photos from 2019/IMG_1.jpg", b"JPEGDATA"), deflated("Takeout/x.json", b"{\"a\":1}")], zip64);
        let entries = read(&a).unwrap();
        assert_eq!(entries.len(), 2, "zip64 {zip64}");
        assert_eq!((entries[0].packing, entries[0].size, entries[0].fault), (Packing::Stored, 8, None));
        assert_eq!(payload(&a, &entries[0]), b"JPEGDATA");
        assert_eq!((entries[1].packing, entries[1].size, entries[1].fault), (Packing::Deflated, 7, None));
        assert_eq!(&payload(&a, &entries[1])[5..], b"{\"a\":1}");
    }
}

#[test]
fn each_bad_entry_is_a_fault_of_its_own_and_the_rest_still_reads() {
    let enc = F { flags: 0x801, ..f("a/secret.jpg", b"x") };
    let bzip = F { method: 12, ..f("a/b.jpg", b"xyz") };
    let stored_lies = F { size: Some(1_000_000), ..f("a/c.jpg", b"xyz") };
    let bomb = F { size: Some(4_000_000_000), ..deflated("a/bomb.jpg", b"0123456789") };
    let a = zip(
        &[enc, f("../../etc/x.jpg", b"x"), f("/abs.jpg", b"x"), f("C:/x.jpg", b"x"), bzip, stored_lies, bomb, f("a/ok.jpg", b"fine")],
        false,
    );
    let faults: Vec<Option<EntryFault>> = read(&a).unwrap().iter().map(|e| e.fault).collect();
    use EntryFault::*;
    assert_eq!(
        faults,
        [Some(Encrypted), Some(ClimbsOut), Some(Absolute), Some(Absolute), Some(Method), Some(SizesLie), Some(SizesLie), None]
    );
}

#[test]
fn names_in_the_dos_code_page_are_decoded() {
    let dos = F { name: b"Fotos/M\x81nchen Stra\xE1e.jpg".to_vec(), flags: 0, ..f("", b"x") };
    let entries = read(&zip(&[dos], false)).unwrap();
    assert_eq!(entries[0].name, "Fotos/München Straße.jpg");
}

#[test]
fn bad_archives_say_what_they_are() {
    let good = zip(&[f("a.jpg", b"0123456789"), f("b.jpg", b"abcdefghij")], false);
    assert_eq!(read(&good[..good.len() - 30]), Err(ArchiveFault::Truncated), "a download cut short");
    assert_eq!(read(b"just some text, not an archive at all"), Err(ArchiveFault::NotZip));
    assert_eq!(read(&[0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3]), Err(ArchiveFault::Tar), "a .tgz");
    let mut tar = vec![0u8; 600];
    tar[257..262].copy_from_slice(b"ustar");
    assert_eq!(read(&tar), Err(ArchiveFault::Tar));
    let mut corrupt = good.clone();
    let cd = corrupt.len() - 22 - 2 * 46 - 10;
    corrupt[cd..cd + 4].copy_from_slice(b"XXXX");
    assert!(matches!(read(&corrupt), Err(ArchiveFault::Corrupt | ArchiveFault::NotZip)));
}

#[test]
fn no_input_makes_the_reader_panic() {
    let good = zip(&[f("a.jpg", b"0123456789"), deflated("b.json", b"{}")], true);
    for cut in 0..good.len() {
        let _ = read(&good[..cut]);
    }
    let mut x = 0x9E37_79B9u32;
    for i in 0..good.len() * 8 {
        let mut bad = good.clone();
        bad[i / 8] ^= 1 << (i % 8);
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        bad[x as usize % good.len()] = x as u8;
        let _ = read(&bad);
    }
}

#[test]
fn split_parts_and_the_gaps_between_them() {
    assert_eq!(part_number("takeout-20250101T000000Z-003.zip"), Some(3));
    assert_eq!(part_number("Downloads/takeout-20250101T000000Z-012.zip"), Some(12));
    assert_eq!(part_number("holiday.zip"), None);
    let names = ["takeout-20250101T000000Z-001.zip", "takeout-20250101T000000Z-004.zip", "takeout-20250101T000000Z-003.zip"];
    assert_eq!(parts(names), (vec![1, 3, 4], vec![2]));
    assert_eq!(parts(["takeout-x-002.zip"]), (vec![2], vec![1]));
}

#[test]
fn only_zip_archives_are_kept_by_handle_for_a_reload() {
    assert!(kept_by_handle("takeout-20250101T000000Z-001.zip"));
    assert!(kept_by_handle("TAKEOUT-001.ZIP"));
    assert!(!kept_by_handle("takeout-20250101T000000Z-001.tgz"), "it must be unpacked first");
    assert!(!kept_by_handle("IMG_0001.jpg"), "a loose photo would be one more permission prompt");
    assert!(!kept_by_handle("zip"));
}

/// Inflates an entry of `archive` the way the worker does, through core's `EntryStream`.
fn inflate_entry(archive: &[u8], e: &ZipEntry) -> Result<Vec<u8>, super::inflate::InflateFault> {
    use super::inflate::{EntryStream, Step};
    let at = e.header_offset as usize;
    let start = data_start(e, &archive[at..at + LOCAL_HEADER_READ], archive.len() as u64).unwrap();
    let (mut s, mut out) = (EntryStream::new(e, start, 4096), Vec::new());
    loop {
        match s.step(&mut out)? {
            Step::Done => return Ok(out),
            Step::Produced => {}
            Step::NeedInput => {
                let (a, b) = s.next_read().expect("bytes left to read");
                s.feed(&archive[a as usize..b as usize]);
            }
        }
    }
}

#[test]
fn a_bomb_whose_directory_declares_a_small_size_stops_at_that_size() {
    // Three megabytes of zeros packed by real deflate, declared as 100 bytes: a ratio the
    // directory's own check cannot tell from a real photo's, so the inflater is what stops it.
    let packed = miniz_oxide::deflate::compress_to_vec(&vec![0u8; 3_000_000], 9);
    for zip64 in [false, true] {
        let bomb = F { method: 8, size: Some(100), ..f("Takeout/Google Photos/bomb.jpg", &packed) };
        let a = zip(&[bomb, f("Takeout/Google Photos/ok.jpg", b"fine")], zip64);
        let entries = read(&a).unwrap();
        assert_eq!((entries[0].size, entries[0].fault), (100, None), "zip64 {zip64}");
        assert_eq!(inflate_entry(&a, &entries[0]), Err(super::inflate::InflateFault::SizesLie), "zip64 {zip64}");
        assert_eq!(payload(&a, &entries[1]), b"fine", "the entry after it is whole");
    }
}
