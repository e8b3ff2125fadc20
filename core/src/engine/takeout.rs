//! A Google Takeout export in the plan: the batch's `.json` and export-level files are held
//! back while walks run; once they end, core's [`TakeoutIndex`] says whether the batch is an
//! export. If it is, the sidecars and album descriptions are read (`Action::ReadTakeout`),
//! never planned as media; each item carries what its sidecar says (`ItemMeta`), the plan
//! waits for the reads, and a dedup hit sends the same facts to the fill call. If it is not,
//! the held files join the plan as any other file.
use super::file::Stage;
use super::http::*;
use super::parts::ReqKind;
use super::protocol::base_headers;
use super::takeout_carry::Waiting;
use super::types::*;
use super::view::Action;
use super::Engine;
use crate::api::MEDIA_PATH;
use crate::takeout::archive::{ArchiveFault, EntryFault};
use crate::takeout::{looks_like_export, ItemMeta, MetaNote, Role, SidecarFault, Summary, TakeoutIndex};
use std::collections::{HashMap, HashSet, VecDeque};

/// The most of a sidecar or album description the driver reads (real ones are a few KiB).
pub const TAKEOUT_READ_MAX: u64 = 1024 * 1024;
/// Sidecar reads out at once: the browser's blob reads go faster with many in flight, but
/// starting all of a large export's in one turn of the page holds it and can exhaust the renderer.
pub const MAX_TAKEOUT_READS: usize = 256;

/// Why a file of an export is listed in the plan's "unmatched" report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TakeoutNote {
    /// A photo or video with no sidecar: it keeps its own date and place.
    NoSidecar,
    /// A sidecar that no photo or video took.
    SidecarUnused,
    /// The sidecar could not be used, or one of its values was dropped.
    Sidecar(SidecarFault),
    /// What the upload had to leave out.
    Meta(MetaNote),
    /// A chosen archive that cannot be read (the path is the archive's).
    Archive(ArchiveFault),
    /// An entry of an archive that is not imported (`archive/entry`).
    Entry(EntryFault),
    /// Left for a later archive but not kept: this account already has `MAX_WAITING` entries
    /// waiting, so its partner must be chosen together with it.
    NotKept,
}

/// What the plan shows of an export: the summary line and the report's lines.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TakeoutView {
    /// The batch is an export (else only archives were chosen, and `summary` is empty).
    pub export: bool,
    pub summary: Summary,
    /// `(path, why)`, in the order of the files.
    pub notes: Vec<(String, TakeoutNote)>,
    /// Sidecars and album descriptions still to be read.
    pub reading: usize,
    /// The archives' part numbers (`takeout-…-003.zip`) present, and those missing below the highest.
    pub parts: Vec<u32>,
    pub missing: Vec<u32>,
}

/// The batch's export, if it is one.
#[derive(Debug, Default)]
pub(crate) struct TakeoutState {
    /// Every file of the batch, in the order added (the index's positions).
    files: Vec<(FileId, String, u64)>,
    /// `.json` and export-level files held back from the plan while walks run.
    held: Vec<FileEntry>,
    pub(crate) index: Option<TakeoutIndex>,
    /// The index position of each file.
    pub(crate) pos: HashMap<FileId, usize>,
    /// Entries carried over from earlier batches, at the index's positions after the batch's own.
    pub(crate) carried_in: Vec<(String, Waiting)>,
    /// The batch's own entries whose text waits for a later batch once read (sidecars no item
    /// took, album descriptions), and what was read of them.
    keep: HashSet<usize>,
    kept: Vec<(String, Waiting)>,
    /// Fill calls for items of earlier batches whose sidecars this batch brought: `(the
    /// waiting paths it ends, sha256, facts)`, sent when the batch is backed up.
    pub(crate) fills: Vec<(Vec<String>, String, ItemMeta)>,
    /// The notes of the batch's own entries, in their order, made once every read is answered
    /// (a view made at each redraw from 100,000 items' facts held the page for a long task).
    entry_notes: Vec<(String, TakeoutNote)>,
    /// The batch is an export and waits for what earlier batches left (the driver's store).
    pub(crate) awaiting_restore: bool,
    /// Paths this batch left for a later one that could not be kept (`TakeoutNote::NotKept`).
    pub(crate) not_kept: Vec<String>,
    /// Reads not answered yet (asked or still queued).
    reading: usize,
    /// Reads not asked yet, and how many are asked and not answered: at most
    /// [`MAX_TAKEOUT_READS`] at once, so an export of 100,000 sidecars does not become 100,000
    /// reads started in one turn of the page.
    queued: VecDeque<FileId>,
    asked: usize,
    /// Archives chosen in this batch (`archives.rs`).
    pub archives: Vec<super::archives::Archive>,
}

/// Files the plan must not judge before the export is known: sidecars and export-level files.
fn held_back(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".json") || crate::takeout::names::is_export_file(&lower)
}

impl TakeoutState {
    /// Sidecars or archive directories still to be read: the plan waits.
    pub fn reading(&self) -> bool {
        self.reading > 0 || self.awaiting_restore || self.archives.iter().any(|a| !a.done)
    }
}

impl Engine {
    /// A file added by a walk: noted for the index; `true` when it is held back from the plan.
    pub(crate) fn takeout_add(&mut self, e: &FileEntry) -> bool {
        if super::archives::is_archive(&e.name) {
            self.archive_add(e);
            return true;
        }
        let t = &mut self.takeout;
        t.files.push((e.id, e.relative_path.clone(), e.size));
        if self.run.walks > 0 && held_back(&e.name) {
            t.held.push(e.clone());
            return true;
        }
        false
    }

    /// The walks ended: decide whether the batch is an export and ask for its reads, or
    /// release the held files into the plan.
    pub(crate) fn takeout_walked(&mut self, now: u64) {
        if self.run.walks > 0 || self.archives_reading() || self.takeout.files.is_empty() {
            return;
        }
        let t = &mut self.takeout;
        if !looks_like_export(t.files.iter().map(|(_, p, _)| p.as_str())) {
            let held = std::mem::take(&mut t.held);
            t.index = None;
            self.add_files_inner(held, false, now);
            return;
        }
        if self.takeout_carry.restoring {
            // What earlier batches left is not back from the driver yet: the plan waits for it
            // (`restore_takeout_waiting` walks again), or this batch would pair without it.
            self.takeout.awaiting_restore = true;
            return;
        }
        self.takeout.awaiting_restore = false;
        let own = self.takeout.files.len();
        let owner = self.account_digest();
        let t = &mut self.takeout;
        t.kept.clear();
        t.fills.clear();
        t.carried_in = self.takeout_carry.relevant(&owner, t.files.iter().map(|(_, p, _)| p.as_str()));
        let carried = t.carried_in.iter().map(|(p, w)| (p.as_str(), w.size()));
        let mut index = TakeoutIndex::new(t.files.iter().map(|(_, p, s)| (p.as_str(), *s)).chain(carried));
        index.set_own(own);
        t.pos = t.files.iter().enumerate().map(|(i, (id, _, _))| (*id, i)).collect();
        // Sidecars no item of the batch took are read too: they wait for a later batch. So do
        // those only an earlier batch's photo took (until its fill is answered) and the albums.
        let unpaired = index.unmatched().into_iter().filter(|i| index.role(*i) == Role::Sidecar);
        let albums = index.to_read().into_iter().filter(|i| *i < own && index.role(*i) == Role::AlbumMeta);
        let for_earlier = super::takeout_carry::own_sidecars_of_carried_items(&index);
        t.keep = unpaired.chain(albums).chain(for_earlier).collect();
        let mut reads: Vec<usize> = index.to_read().into_iter().chain(t.keep.iter().copied()).collect();
        reads.sort_unstable();
        reads.dedup();
        // What was carried over is answered at once from its kept text.
        for &i in reads.iter().filter(|i| **i >= own) {
            if let Some((_, Waiting::Text { text })) = t.carried_in.get(i - own) {
                index.handle_read(i, text.as_bytes());
            }
        }
        reads.retain(|i| *i < own);
        t.reading = reads.len();
        t.queued = reads.into_iter().map(|i| t.files[i].0).collect();
        t.index = Some(index);
        self.takeout_ask();
        if self.takeout.reading == 0 {
            self.takeout_apply(now);
        }
        self.out.dirty = true;
    }

    /// Answer to `Action::ReadTakeout`: the file's first bytes (`Err`: it could not be read,
    /// which counts as a sidecar that is not JSON).
    pub fn handle_takeout_read(&mut self, file: FileId, bytes: Result<Vec<u8>, crate::failure::FailReason>, now: u64) {
        let t = &mut self.takeout;
        let ours = match (t.index.as_mut(), t.pos.get(&file)) {
            (Some(index), Some(&i)) => {
                let read = bytes.as_deref().unwrap_or(b"\0");
                index.handle_read(i, read);
                if t.keep.contains(&i) && bytes.is_ok() {
                    t.kept.push((index.path(i).to_string(), Waiting::Text { text: crate::takeout::sidecar::kept_text(read) }));
                }
                t.reading = t.reading.saturating_sub(1);
                t.asked = t.asked.saturating_sub(1);
                true
            }
            _ => false,
        };
        if ours {
            self.takeout_ask();
            if self.takeout.reading == 0 {
                self.takeout_apply(now);
            }
            self.out.dirty = true;
        }
        self.pump(now);
    }

    /// Asks for queued reads while fewer than [`MAX_TAKEOUT_READS`] are out.
    fn takeout_ask(&mut self) {
        let t = &mut self.takeout;
        while t.asked < MAX_TAKEOUT_READS {
            let Some(file) = t.queued.pop_front() else { break };
            t.asked += 1;
            self.out.act(Action::ReadTakeout { file, max_bytes: TAKEOUT_READ_MAX });
        }
    }

    /// Every read answered: each item of the export gets what its upload will carry, and what
    /// is carried over between batches is settled.
    fn takeout_apply(&mut self, now: u64) {
        let Some(index) = self.takeout.index.take() else { return };
        let mut notes = Vec::new();
        let mut metas: Vec<(FileId, ItemMeta)> = Vec::new();
        for i in (0..index.own()).filter(|i| matches!(index.role(*i), Role::Media(_))) {
            let path = || index.path(i).to_string();
            if index.sidecar_of(i).is_none() {
                notes.push((path(), TakeoutNote::NoSidecar));
            }
            let (meta, faults) = index.item_meta(i);
            notes.extend(faults.into_iter().map(|f| (path(), TakeoutNote::Sidecar(f))));
            let (_, cut) = meta.pairs(self.settings.strip_location);
            notes.extend(cut.into_iter().filter(|n| *n != MetaNote::PlaceStripped).map(|n| (path(), TakeoutNote::Meta(n))));
            metas.push((self.takeout.files[i].0, meta));
        }
        self.takeout.entry_notes = notes;
        for (id, meta) in metas {
            self.with_file(id, |f| f.takeout = Some(Box::new(meta)));
        }
        if index.is_export() {
            let kept = std::mem::take(&mut self.takeout.kept);
            self.carry_after_reads(&index, kept, now);
        }
        self.takeout.index = Some(index);
    }

    /// The plan's view of the export (`None` when the batch is not one).
    pub fn takeout_view(&self) -> Option<TakeoutView> {
        let t = &self.takeout;
        let mut notes = Vec::new();
        for a in &t.archives {
            notes.extend(a.fault.map(|f| (a.entry.relative_path.clone(), TakeoutNote::Archive(f))));
            notes.extend(a.bad.iter().map(|(n, f)| (format!("{}/{n}", a.entry.relative_path), TakeoutNote::Entry(*f))));
        }
        let (parts, missing) = self.archive_parts();
        let Some(index) = t.index.as_ref().filter(|ix| ix.is_export()) else {
            return (!t.archives.is_empty()).then(|| TakeoutView { notes, reading: t.reading, parts, missing, ..TakeoutView::default() });
        };
        if t.reading == 0 {
            notes.extend(t.entry_notes.iter().cloned());
        } else {
            // While sidecars are read, only what the names tell: the items without one.
            let bare = (0..index.own()).filter(|i| matches!(index.role(*i), Role::Media(_)) && index.sidecar_of(*i).is_none());
            notes.extend(bare.map(|i| (index.path(i).to_string(), TakeoutNote::NoSidecar)));
        }
        let unused = index.unmatched().into_iter().filter(|i| index.role(*i) == Role::Sidecar);
        notes.extend(unused.map(|i| (index.path(i).to_string(), TakeoutNote::SidecarUnused)));
        notes.extend(t.not_kept.iter().map(|p| (p.clone(), TakeoutNote::NotKept)));
        Some(TakeoutView { export: true, summary: index.summary(), notes, reading: t.reading, parts, missing })
    }

    /// A file of the export is already in the library: send what the export says of it to the
    /// fill call (it fills what is missing and adds albums; the answer changes nothing here).
    pub(crate) fn takeout_fill(&mut self, id: FileId, now: u64) {
        let Some(f) = self.files.get(&id) else { return };
        let (Some(meta), Some(sha)) = (f.takeout.clone(), f.sha256.clone()) else { return };
        self.send_fill(&sha, &meta, now);
    }

    /// The fill call for the library's item of this content: what the export says of it.
    pub(crate) fn send_fill(&mut self, sha: &str, meta: &ItemMeta, now: u64) {
        self.send_fill_as(ReqKind::Fill, sha, meta, now);
    }

    /// [`Engine::send_fill`] for a carried photo: its answer decides whether `paths` stop waiting.
    pub(crate) fn send_fill_then_forget(&mut self, sha: &str, meta: &ItemMeta, paths: Vec<String>, now: u64) {
        self.send_fill_as(ReqKind::CarryFill(paths), sha, meta, now);
    }

    fn send_fill_as(&mut self, kind: ReqKind, sha: &str, meta: &ItemMeta, now: u64) {
        let (pairs, _) = meta.pairs(self.settings.strip_location);
        let body: serde_json::Map<String, serde_json::Value> =
            pairs.into_iter().map(|(k, v)| (k.to_string(), serde_json::Value::String(v))).collect();
        let mut headers = base_headers(&self.settings.token, false);
        headers.push(("Content-Type".into(), "application/json".into()));
        let url = format!("{}{MEDIA_PATH}/{sha}/takeout", self.settings.api_base());
        let body = Body::Json(serde_json::Value::Object(body).to_string());
        self.send(kind, HttpRequest { method: Method::Post, url, headers, body }, now);
    }

    /// Whether a file's upload must wait for the export's reads (its metadata is not known yet).
    pub(crate) fn takeout_waits(&self, id: FileId) -> bool {
        self.takeout.reading() && self.takeout.pos.contains_key(&id) && self.stage(id) != Some(Stage::Done)
    }

    /// A new batch begins: its export is its own.
    pub(crate) fn takeout_clear(&mut self) {
        self.takeout = TakeoutState::default();
    }
}
