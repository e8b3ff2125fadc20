//! A Takeout export's `.zip` archives, read in place: a chosen archive is never planned as a
//! file; its head, tail and central directory are read through `Action::ReadRange` (a
//! `Blob.slice` in the browser) and parsed by core's `ZipReader`; its good entries are then
//! handed to the driver (`Action::ArchiveEntries`) to be added like the files of a walk (the
//! engine counts that walk as started; the driver ends it), where the export rules of
//! `takeout.rs` apply to them. A `.tgz`/`.tar` export, a cut or damaged archive and each bad
//! entry become a line of the plan's report; nothing else is lost.
use super::types::*;
use super::view::Action;
use super::Engine;
use crate::takeout::archive::{parts, ArchiveFault, EntryFault, ZipEntry, ZipReader};

/// How much of an archive's start is read to tell a ZIP from a `.tgz` (a tar header is 512).
pub const ARCHIVE_HEAD: u64 = 512;

/// One chosen archive.
#[derive(Debug)]
pub(crate) struct Archive {
    pub entry: FileEntry,
    reader: Option<ZipReader>,
    pub fault: Option<ArchiveFault>,
    /// Entries refused, by name.
    pub bad: Vec<(String, EntryFault)>,
    /// The good entries' names and sizes: an entry's resume record names this archive.
    good: std::collections::HashSet<(String, u64)>,
    pub done: bool,
}

/// Names that are archives (a gzip'd tar is recognised to say it must be unpacked first).
pub(crate) fn is_archive(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    [".zip", ".tgz", ".tar.gz", ".tar"].iter().any(|x| n.ends_with(x))
}

impl Engine {
    /// An archive was chosen: hold it and read its head.
    pub(crate) fn archive_add(&mut self, e: &FileEntry) {
        self.takeout.archives.push(Archive {
            entry: e.clone(),
            reader: None,
            fault: None,
            bad: Vec::new(),
            good: Default::default(),
            done: false,
        });
        let len = ARCHIVE_HEAD.min(e.size);
        self.out.act(Action::ReadRange { file: e.id, start: 0, len });
        self.out.dirty = true;
    }

    /// Answer to `Action::ReadRange`: the bytes read (fewer when the file ended; `Err` when it
    /// could not be read).
    pub fn handle_range(&mut self, file: FileId, start: u64, bytes: Result<Vec<u8>, crate::failure::FailReason>, now: u64) {
        let Some(i) = self.takeout.archives.iter().position(|a| a.entry.id == file && !a.done) else { return };
        let a = &mut self.takeout.archives[i];
        let bytes = match bytes {
            Ok(b) => b,
            Err(_) => {
                a.fault = Some(ArchiveFault::Corrupt);
                return self.archive_done(i, Vec::new(), now);
            }
        };
        let reader = match a.reader.as_mut() {
            None if start == 0 => a.reader.insert(ZipReader::new(a.entry.size, &bytes)),
            Some(r) => {
                r.handle_bytes(&bytes);
                r
            }
            None => return,
        };
        match (reader.result().cloned(), reader.wants_read()) {
            (Some(Ok(entries)), _) => self.archive_done(i, entries, now),
            (Some(Err(f)), _) => {
                self.takeout.archives[i].fault = Some(f);
                self.archive_done(i, Vec::new(), now)
            }
            (None, Some((at, len))) => self.out.act(Action::ReadRange { file, start: at, len: len as u64 }),
            (None, None) => {}
        }
        self.pump(now);
    }

    fn archive_done(&mut self, i: usize, entries: Vec<ZipEntry>, now: u64) {
        let a = &mut self.takeout.archives[i];
        a.done = true;
        let (good, bad): (Vec<ZipEntry>, Vec<ZipEntry>) = entries.into_iter().partition(|e| e.fault.is_none());
        a.bad = bad.into_iter().filter_map(|e| Some((e.name, e.fault?))).collect();
        a.good = good.iter().map(|e| (e.name.clone(), e.size)).collect();
        let archive = a.entry.id;
        self.out.dirty = true;
        if good.is_empty() {
            self.takeout_walked(now);
            return;
        }
        // The entries arrive like a walk's files: the driver adds them, then ends the walk.
        self.run.walks += 1;
        self.out.act(Action::ArchiveEntries { archive, entries: good });
    }

    /// The name of the archive of this batch a file (by its path and size) is an entry of.
    pub(crate) fn archive_of(&self, path: &str, size: u64) -> Option<String> {
        let key = (path.to_string(), size);
        self.takeout.archives.iter().find(|a| a.good.contains(&key)).map(|a| a.entry.name.clone())
    }

    /// Archives whose directory is still being read.
    pub(crate) fn archives_reading(&self) -> bool {
        self.takeout.archives.iter().any(|a| !a.done)
    }

    /// The archives' part numbers present and missing.
    pub(crate) fn archive_parts(&self) -> (Vec<u32>, Vec<u32>) {
        parts(self.takeout.archives.iter().map(|a| a.entry.name.as_str()))
    }
}
