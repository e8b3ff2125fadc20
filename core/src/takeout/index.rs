//! An export as a whole, from its file list: each file's role, each item's sidecar, the album
//! folders, and — as the driver reads sidecars and album descriptions and hands them in — the
//! dates, places and albums the items will carry and the summary the plan shows. Pure: the
//! driver reads the bytes the index asks for and performs nothing it decides.
use super::names::{base, folder, is_export_file, is_year_folder, FolderSidecars, ALBUM_META};
use super::sidecar::{parse_album_title, parse_sidecar, Sidecar, SidecarFault};
use crate::facts::MediaKind;
use crate::photo::sniff::{format_from_name, is_system_name, kind};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// What a file of an export is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// A photo or video (its sidecar, if any, in [`TakeoutIndex::sidecar_of`]).
    Media(MediaKind),
    /// An item's JSON sidecar.
    Sidecar,
    /// An album folder's `metadata.json`.
    AlbumMeta,
    /// A file describing the export (`archive_browser.html`, …): recognised, neither media nor skipped.
    ExportFile,
    /// Anything else (left to the ordinary plan).
    Other,
}

/// The plan's summary line of an export.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub photos: u64,
    pub videos: u64,
    pub albums: u64,
    /// Items with a date from Google (their sidecar read and holding one).
    pub dates: u64,
    /// Items with a position from Google.
    pub places: u64,
    /// Items with no sidecar found.
    pub without_sidecar: u64,
}

#[derive(Debug, Default)]
pub struct TakeoutIndex {
    paths: Vec<String>,
    roles: Vec<Role>,
    sidecar: Vec<Option<usize>>,
    /// Read sidecars, by entry.
    read: HashMap<usize, Result<Sidecar, SidecarFault>>,
    /// Album folder → its title (the folder's name until its `metadata.json` is read).
    albums: BTreeMap<String, String>,
    /// (file name, size) → the entries holding those bytes in different folders.
    copies: HashMap<(String, u64), Vec<usize>>,
    sizes: Vec<u64>,
    export: bool,
    /// Entries from `own` on were carried over from earlier batches (a sidecar or album
    /// description waiting for its photo, a photo waiting for its sidecar): they pair like the
    /// batch's own, but the summary and the unmatched list speak of the batch's own only.
    own: usize,
}

/// True when a list of paths is a Google Photos export: its `Takeout` folder, a sidecar in the
/// newer form, or an export-level file.
pub fn looks_like_export<'a>(paths: impl IntoIterator<Item = &'a str>) -> bool {
    paths.into_iter().any(|p| {
        let name = base(p).to_ascii_lowercase();
        is_export_file(&name)
            || name.contains(".supplemental-metadata")
            || p.split(['/', '\\']).collect::<Vec<_>>().windows(2).any(|w| w[0] == "Takeout" && w[1].starts_with("Google"))
    })
}

impl TakeoutIndex {
    /// The index of an export's files (`(path, size)`, paths relative to what was chosen).
    pub fn new<'a>(files: impl IntoIterator<Item = (&'a str, u64)>) -> Self {
        let mut ix = TakeoutIndex::default();
        for (p, size) in files {
            ix.paths.push(p.replace('\\', "/"));
            ix.sizes.push(size);
        }
        ix.export = looks_like_export(ix.paths.iter().map(String::as_str));
        let mut per_folder: HashMap<&str, FolderSidecars<usize>> = HashMap::new();
        for (i, p) in ix.paths.iter().enumerate() {
            let name = base(p);
            let role = if name.eq_ignore_ascii_case(ALBUM_META) {
                Role::AlbumMeta
            } else if is_export_file(name) {
                Role::ExportFile
            } else if name.to_ascii_lowercase().ends_with(".json") {
                per_folder.entry(folder(p)).or_default().add(name, i);
                Role::Sidecar
            } else if is_system_name(name) {
                Role::Other
            } else {
                match kind(format_from_name(name)) {
                    k @ (MediaKind::Photo | MediaKind::Video) => Role::Media(k),
                    _ => Role::Other,
                }
            };
            ix.roles.push(role);
            if role == Role::AlbumMeta && !is_year_folder(folder(p)) && !folder(p).is_empty() {
                let f = folder(p).to_string();
                ix.albums.insert(f.clone(), base(&f).to_string());
            }
        }
        let mut sidecar = vec![None; ix.paths.len()];
        for (i, p) in ix.paths.iter().enumerate() {
            if let Role::Media(_) = ix.roles[i] {
                sidecar[i] = per_folder.get(folder(p)).and_then(|s| s.find(base(p)));
                ix.copies.entry((base(p).to_string(), ix.sizes[i])).or_default().push(i);
            }
        }
        // A Live Photo's video has no sidecar of its own: it takes its photo's.
        let stem = |p: &str| format!("{}/{}", folder(p), base(p).rsplit_once('.').map_or(base(p), |(s, _)| s).to_lowercase());
        let photos: HashMap<String, usize> = (0..ix.paths.len())
            .filter(|i| ix.roles[*i] == Role::Media(MediaKind::Photo))
            .filter_map(|i| Some((stem(&ix.paths[i]), sidecar[i]?)))
            .collect();
        for (i, p) in ix.paths.iter().enumerate() {
            if ix.roles[i] == Role::Media(MediaKind::Video) && sidecar[i].is_none() {
                sidecar[i] = photos.get(&stem(p)).copied();
            }
        }
        ix.sidecar = sidecar;
        ix.own = ix.paths.len();
        ix
    }

    /// The first `own` entries are the batch's; those after it were carried over.
    pub fn set_own(&mut self, own: usize) {
        self.own = own.min(self.paths.len());
    }
    pub fn own(&self) -> usize {
        self.own
    }

    pub fn is_export(&self) -> bool {
        self.export
    }
    pub fn len(&self) -> usize {
        self.paths.len()
    }
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }
    pub fn path(&self, i: usize) -> &str {
        &self.paths[i]
    }
    pub fn role(&self, i: usize) -> Role {
        self.roles[i]
    }
    /// The entry holding item `i`'s sidecar.
    pub fn sidecar_of(&self, i: usize) -> Option<usize> {
        self.sidecar.get(i).copied().flatten()
    }

    /// The files the driver should read and hand in (sidecars with an item, album descriptions).
    pub fn to_read(&self) -> Vec<usize> {
        let used: BTreeSet<usize> = self.sidecar.iter().flatten().copied().collect();
        (0..self.len())
            .filter(|i| self.roles[*i] == Role::AlbumMeta && self.albums.contains_key(folder(&self.paths[*i])) || used.contains(i))
            .collect()
    }

    /// The driver read entry `i` (a sidecar or an album's `metadata.json`).
    pub fn handle_read(&mut self, i: usize, bytes: &[u8]) {
        match self.roles.get(i) {
            Some(Role::AlbumMeta) => {
                if let (Ok(title), Some(t)) = (parse_album_title(bytes), self.albums.get_mut(folder(&self.paths[i]))) {
                    *t = title;
                }
            }
            Some(Role::Sidecar) => {
                self.read.insert(i, parse_sidecar(bytes));
            }
            _ => {}
        }
    }

    /// What item `i`'s sidecar said, once read; `Err` when it was unusable.
    pub fn sidecar(&self, i: usize) -> Option<&Result<Sidecar, SidecarFault>> {
        self.read.get(&self.sidecar_of(i)?)
    }

    /// The albums item `i` belongs to: the album folders holding it or a copy of it (the same
    /// name and size), by title, sorted and without repeats.
    pub fn albums_of(&self, i: usize) -> Vec<String> {
        let key = (base(&self.paths[i]).to_string(), self.sizes[i]);
        let copies = self.copies.get(&key).map_or(&[][..], Vec::as_slice);
        let titles: BTreeSet<String> = copies.iter().filter_map(|j| self.albums.get(folder(&self.paths[*j]))).cloned().collect();
        titles.into_iter().collect()
    }

    /// Media entries with no sidecar, and sidecars that no item took: the plan's list of the unmatched.
    pub fn unmatched(&self) -> Vec<usize> {
        let used: BTreeSet<usize> = self.sidecar.iter().flatten().copied().collect();
        (0..self.own)
            .filter(|i| match self.roles[*i] {
                Role::Media(_) => self.sidecar[*i].is_none(),
                Role::Sidecar => !used.contains(i),
                _ => false,
            })
            .collect()
    }

    pub fn summary(&self) -> Summary {
        let own_folders: BTreeSet<&str> = self.paths[..self.own].iter().map(|p| folder(p)).collect();
        let albums = self.albums.keys().filter(|f| own_folders.contains(f.as_str())).count();
        let mut s = Summary { albums: albums as u64, ..Summary::default() };
        for i in 0..self.own {
            let Role::Media(k) = self.roles[i] else { continue };
            if k == MediaKind::Photo {
                s.photos += 1;
            } else {
                s.videos += 1;
            }
            match (self.sidecar_of(i), self.sidecar(i)) {
                (None, _) => s.without_sidecar += 1,
                (Some(_), Some(Ok(sc))) => {
                    s.dates += u64::from(sc.taken_at.is_some());
                    s.places += u64::from(sc.place.is_some());
                }
                _ => {}
            }
        }
        s
    }
}
