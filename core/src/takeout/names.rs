//! Takeout's names: which files of an export are sidecars, album descriptions or export-level
//! files, and which sidecar belongs to which photo. Google names a sidecar after its photo's
//! full name: `NAME.EXT.json` (older exports) or `NAME.EXT.supplemental-metadata.json`
//! (newer), the whole name cut to 51 characters when long (`…supplemental-met.json`,
//! `…suppl.json`, `NAME_CUT.json`). Duplicates of one name put the counter after the
//! extension (`NAME(1).EXT` ↔ `NAME.EXT(1).json`, `NAME.EXT.supplemental-metadata(1).json`);
//! edited copies (`NAME-edited.EXT`, with the export language's word) have no sidecar and
//! take the original's.
use std::collections::HashMap;

/// The longest sidecar name Takeout writes (in characters); a name this long may be cut.
pub const CUT_CHARS: usize = 51;
const SUPPLEMENTAL: &str = "supplemental-metadata";

/// Files at the top of an export that describe the export, not an item.
pub const EXPORT_FILES: [&str; 5] = [
    "archive_browser.html",
    "print-subscriptions.json",
    "shared_album_comments.json",
    "user-generated-memory-titles.json",
    "user-generated-memory-titles(1).json",
];

/// The suffixes edited copies carry, in the languages exports are made in.
pub const EDITED_SUFFIXES: [&str; 12] = [
    "-edited",
    "-bearbeitet",
    "-modifié",
    "-editado",
    "-modificato",
    "-bewerkt",
    "-redigerad",
    "-redigeret",
    "-muokattu",
    "-edytowane",
    "-upravené",
    "-編集済み",
];

/// The name an album folder's description has.
pub const ALBUM_META: &str = "metadata.json";

pub(crate) fn base(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// The folder part of a path ("" for a loose file).
pub(crate) fn folder(path: &str) -> &str {
    path.rfind(['/', '\\']).map_or("", |i| &path[..i])
}

/// True for a name that describes the export as a whole.
pub fn is_export_file(name: &str) -> bool {
    let name = base(name);
    EXPORT_FILES.iter().any(|e| e.eq_ignore_ascii_case(name))
}

/// A year folder Google makes ("Photos from 2019" and its translations): never an album.
pub fn is_year_folder(name: &str) -> bool {
    let name = base(name).trim();
    let Some((words, year)) = name.rsplit_once(' ') else { return false };
    year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && ["Photos from", "Fotos von", "Photos de", "Fotos de", "Foto dal", "Foto's uit", "Foto från", "Zdjęcia z", "Фото за"]
            .iter()
            .any(|w| w.eq_ignore_ascii_case(words))
}

/// A trailing `(N)` counter: ("NAME", N).
fn split_counter(s: &str) -> Option<(&str, u32)> {
    let inner = s.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let digits = &inner[open + 1..];
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((&s[..open], digits.parse().ok()?))
}

/// What a `.json` name says about the photo it describes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SidecarName {
    /// The photo's full name, as far as the sidecar's name holds it.
    pub photo: String,
    /// The duplicate counter (`(1)`), 0 for none.
    pub counter: u32,
    /// The name is as long as Takeout's cut: `photo` may be only the start of the photo's name.
    pub cut: bool,
}

/// The photo names a sidecar's name can stand for, best first; none when the name is not a
/// Takeout item sidecar (not `.json`, an album's `metadata.json`, an export-level file).
pub fn sidecar_names(name: &str) -> Vec<SidecarName> {
    let name = base(name);
    let lower = name.to_ascii_lowercase();
    if !lower.ends_with(".json") || lower == ALBUM_META || is_export_file(name) {
        return Vec::new();
    }
    let body = &name[..name.len() - 5];
    let cut = name.chars().count() >= CUT_CHARS - 5;
    let (body, counter) = split_counter(body).unwrap_or((body, 0));
    let mut out = Vec::new();
    // `NAME.EXT.supplemental-metadata` cut anywhere after the dot (`NAME.EXT..json` too).
    if let Some((photo, tail)) = body.rsplit_once('.') {
        if SUPPLEMENTAL.starts_with(tail) && !photo.is_empty() {
            out.push(SidecarName { photo: photo.to_string(), counter, cut: false });
        }
    }
    if !body.is_empty() {
        out.push(SidecarName { photo: body.to_string(), counter, cut });
    }
    out
}

/// The (name, counter) a media file's sidecar is filed under, best first: the name itself,
/// then without a `(N)` counter, then the original of an edited copy.
pub fn photo_keys(name: &str) -> Vec<(String, u32)> {
    let name = base(name);
    let (stem, ext) = match name.rsplit_once('.') {
        Some((s, e)) if !s.is_empty() => (s, format!(".{e}")),
        _ => (name, String::new()),
    };
    let mut out = vec![(name.to_string(), 0)];
    let mut stems = vec![(stem, 0)];
    if let Some((s, n)) = split_counter(stem) {
        out.push((format!("{s}{ext}"), n));
        stems.push((s, n));
    }
    for (s, n) in stems {
        let lower = s.to_lowercase();
        for suffix in EDITED_SUFFIXES {
            if lower.ends_with(suffix) && lower.len() > suffix.len() {
                // Lower-casing keeps the byte length of these suffixes' letters.
                let original = &s[..s.len() - suffix.len()];
                out.push((format!("{original}{ext}"), n));
            }
        }
    }
    out
}

/// The sidecars of one folder, looked up by the photo names they stand for.
#[derive(Debug, Default)]
pub struct FolderSidecars<T> {
    exact: HashMap<(String, u32), T>,
    cut: Vec<(String, u32, T)>,
}

impl<T: Copy> FolderSidecars<T> {
    pub fn add(&mut self, name: &str, id: T) {
        for s in sidecar_names(name) {
            if s.cut {
                self.cut.push((s.photo.clone(), s.counter, id));
            }
            self.exact.entry((s.photo, s.counter)).or_insert(id);
        }
    }

    /// The sidecar of the media file `name` in this folder: a whole name first (in
    /// `photo_keys` order), else the longest cut name its name starts with.
    pub fn find(&self, name: &str) -> Option<T> {
        let keys = photo_keys(name);
        if let Some(id) = keys.iter().find_map(|k| self.exact.get(k)) {
            return Some(*id);
        }
        keys.iter()
            .flat_map(|(photo, n)| {
                self.cut.iter().filter(move |(start, c, _)| c == n && photo.len() > start.len() && photo.starts_with(start.as_str()))
            })
            .max_by_key(|(start, _, _)| start.len())
            .map(|(_, _, id)| *id)
    }
}
