//! The test driver's side of archives: an archive's entries added as files, their bytes taken
//! from the archive as the browser driver does (a slice when stored, inflated when deflated).
use super::*;
use shoebox_core::takeout::archive::{data_start, Packing, ZipEntry, LOCAL_HEADER_READ};

/// Ids given to archive entries, after any a test uses itself.
pub const ENTRY_IDS: u64 = 10_000;

impl H {
    pub fn add_archive_entries(&mut self, archive: FileId, entries: Vec<ZipEntry>) {
        let Content::Bytes(zip) = self.files[&archive].content.clone() else { panic!("a real archive") };
        let mut added = Vec::new();
        for e in entries {
            let at = e.header_offset as usize;
            let start = data_start(&e, &zip[at..at + LOCAL_HEADER_READ], zip.len() as u64).unwrap() as usize;
            let packed = &zip[start..start + e.compressed_size as usize];
            let data = match e.packing {
                Packing::Stored => packed.to_vec(),
                Packing::Deflated => miniz_oxide::inflate::decompress_to_vec(packed).unwrap(),
            };
            let id = FileId(ENTRY_IDS + self.files.len() as u64);
            let name = e.name.rsplit('/').next().unwrap().to_string();
            let facts = if name.ends_with(".jpg") { photo_facts() } else { shoebox_core::facts::FileFacts::guess(&name) };
            let entry = FileEntry {
                id,
                relative_path: e.name.clone(),
                name,
                size: data.len() as u64,
                last_modified: 1_700_000_000_000,
                mime: String::new(),
                album: None,
            };
            self.files.insert(id, FileDef { entry: entry.clone(), content: Content::Bytes(data), facts, prepared: None });
            added.push(entry);
        }
        let now = self.now;
        self.e.add_files(added, now);
        self.e.walk_ended(now);
    }
}

/// A ZIP of `(name, data, deflate, encrypted)` entries, written byte by byte.
pub fn zip(entries: &[(&str, &[u8], bool, bool)]) -> Vec<u8> {
    let (mut out, mut cd) = (Vec::new(), Vec::new());
    for (name, data, deflate, encrypted) in entries {
        let packed = if *deflate { miniz_oxide::deflate::compress_to_vec(data, 6) } else { data.to_vec() };
        let flags: u16 = 0x800 | u16::from(*encrypted);
        let method: u16 = if *deflate { 8 } else { 0 };
        let off = out.len() as u32;
        let fields = |v: &mut Vec<u8>| {
            v.extend(flags.to_le_bytes());
            v.extend(method.to_le_bytes());
            v.extend([0u8; 4]);
            v.extend(0u32.to_le_bytes());
            v.extend((packed.len() as u32).to_le_bytes());
            v.extend((data.len() as u32).to_le_bytes());
            v.extend((name.len() as u16).to_le_bytes());
            v.extend(0u16.to_le_bytes());
        };
        out.extend(0x0403_4b50u32.to_le_bytes());
        out.extend(20u16.to_le_bytes());
        fields(&mut out);
        out.extend(name.as_bytes());
        out.extend(&packed);
        cd.extend(0x0201_4b50u32.to_le_bytes());
        cd.extend([20u8, 0, 20, 0]);
        fields(&mut cd);
        cd.extend([0u8; 10]);
        cd.extend(off.to_le_bytes());
        cd.extend(name.as_bytes());
    }
    let (at, len) = (out.len() as u32, cd.len() as u32);
    out.extend(cd);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend(len.to_le_bytes());
    out.extend(at.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}
