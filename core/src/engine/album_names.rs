//! Which album a file's folder makes under the album setting, and the albums a batch's folders
//! will make: the one rule the upload's `album` key and the plan's preview both follow.
use super::folders::folder_of;
use super::types::AlbumMode;
use super::view::FolderStat;
use crate::api::MAX_ALBUM_NAME_BYTES;
use std::collections::{BTreeMap, HashMap};

/// Between a sub-folder's album name and the folders above it ("Holiday 2024 / Day 1").
pub const FOLDER_SEPARATOR: &str = " / ";
/// Leads a name whose upper folders were left out to fit an album name.
const CUT: &str = "… / ";

/// The album of every file in `folder` when each folder is its own album: the folder's path
/// with its folders joined by [`FOLDER_SEPARATOR`], so "Day 1" of two trips stay two albums.
/// A path too long for an album name keeps its deepest folders behind "… / ". Loose files
/// (folder "") have none.
pub fn folder_album(folder: &str) -> Option<String> {
    let parts: Vec<&str> = folder.split('/').map(str::trim).filter(|p| !p.is_empty()).collect();
    let mut name = String::new();
    for (i, part) in parts.iter().enumerate().rev() {
        let joined = if name.is_empty() { part.to_string() } else { format!("{part}{FOLDER_SEPARATOR}{name}") };
        let room = if i == 0 { MAX_ALBUM_NAME_BYTES } else { MAX_ALBUM_NAME_BYTES - CUT.len() };
        if joined.len() > room {
            if name.is_empty() {
                // One folder name longer than an album name: its end, cut on a character.
                let room = MAX_ALBUM_NAME_BYTES - CUT.len();
                let start = (0..=part.len()).find(|&s| part.is_char_boundary(s) && part.len() - s <= room).unwrap_or(part.len());
                name = part[start..].to_string();
            }
            return Some(format!("{CUT}{name}"));
        }
        name = joined;
    }
    (!name.is_empty()).then_some(name)
}

/// The `album` value an upload from `relative_path` carries under `mode`: `None` leaves the key
/// out (the server takes the top folder), `Some("")` asks for no album.
pub fn album_value(mode: &AlbumMode, relative_path: &str) -> Option<String> {
    match mode {
        AlbumMode::Folder => None,
        AlbumMode::None => Some(String::new()),
        AlbumMode::Named(n) => Some(n.clone()),
        AlbumMode::EachFolder => Some(folder_album(folder_of(relative_path)).unwrap_or_default()),
    }
}

/// The albums the ticked folders' files will go to under `mode`, sorted and each once: what
/// the plan shows before anything is sent. A folder's own files count (files named by a walk
/// but not yet sized included), not its sub-folders'.
pub fn planned_albums(mode: &AlbumMode, folders: &BTreeMap<String, FolderStat>) -> Vec<String> {
    let count = |st: &FolderStat| st.files.max(st.listed);
    // Each folder's count includes its sub-folders': what its direct sub-folders hold, once.
    let mut below: HashMap<&str, u64> = HashMap::new();
    for (p, st) in folders.iter().filter(|(p, _)| p.contains('/')) {
        *below.entry(folder_of(p)).or_default() += count(st);
    }
    let own = |path: &str, st: &FolderStat| count(st).saturating_sub(below.get(path).copied().unwrap_or(0));
    let mut names: Vec<String> = folders
        .iter()
        .filter(|(_, st)| st.included)
        .filter(|(p, st)| own(p, st) > 0)
        .filter_map(|(p, _)| match mode {
            AlbumMode::Folder => p.split('/').next().filter(|t| !t.is_empty()).map(str::to_string),
            AlbumMode::None => None,
            AlbumMode::Named(n) => Some(n.clone()),
            AlbumMode::EachFolder => folder_album(p),
        })
        .collect();
    names.sort();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stat(files: u64) -> FolderStat {
        FolderStat { files, included: true, ..FolderStat::default() }
    }

    #[test]
    fn each_folder_is_named_by_its_whole_path() {
        assert_eq!(folder_album("Holiday 2024/Day 1").as_deref(), Some("Holiday 2024 / Day 1"));
        assert_eq!(folder_album("Pictures").as_deref(), Some("Pictures"));
        assert_eq!(folder_album(""), None);
        assert_eq!(album_value(&AlbumMode::EachFolder, "A/B/C/x.jpg").as_deref(), Some("A / B / C"));
        assert_eq!(album_value(&AlbumMode::EachFolder, "x.jpg").as_deref(), Some(""));
        assert_eq!(album_value(&AlbumMode::Folder, "A/B/x.jpg"), None);
        assert_eq!(album_value(&AlbumMode::None, "A/B/x.jpg").as_deref(), Some(""));
    }

    #[test]
    fn a_path_too_long_keeps_its_deepest_folders_and_fits() {
        let deep = (0..200).map(|i| format!("folder {i}")).collect::<Vec<_>>().join("/");
        let name = folder_album(&deep).unwrap();
        assert!(name.len() <= MAX_ALBUM_NAME_BYTES, "{}", name.len());
        assert!(name.starts_with(CUT) && name.ends_with("folder 198 / folder 199"), "{name}");
        assert_eq!(crate::api::album_name(&name), Ok(name.trim()));
        let long_one = "é".repeat(MAX_ALBUM_NAME_BYTES);
        let name = folder_album(&format!("A/{long_one}")).unwrap();
        assert!(name.len() <= MAX_ALBUM_NAME_BYTES && name.starts_with(CUT), "{}", name.len());
        let name = folder_album(&long_one).unwrap();
        assert!(name.len() <= MAX_ALBUM_NAME_BYTES && name.starts_with(CUT), "a top folder alone: {}", name.len());
    }

    #[test]
    fn the_plan_lists_the_albums_a_mode_makes_from_ticked_folders_with_files_of_their_own() {
        let mut f = BTreeMap::new();
        f.insert("Holiday".to_string(), stat(5));
        f.insert("Holiday/Day 1".to_string(), stat(2));
        f.insert("Holiday/Day 2".to_string(), stat(3));
        f.insert("Holiday/Day 2/Raw".to_string(), stat(1));
        f.insert("Work".to_string(), FolderStat { files: 4, included: false, ..FolderStat::default() });
        f.insert(String::new(), stat(1));
        // "Holiday" has no file of its own: its 5 are its days'.
        assert_eq!(planned_albums(&AlbumMode::EachFolder, &f), ["Holiday / Day 1", "Holiday / Day 2", "Holiday / Day 2 / Raw"]);
        assert_eq!(planned_albums(&AlbumMode::Folder, &f), ["Holiday"]);
        assert_eq!(planned_albums(&AlbumMode::Named("Trip".into()), &f), ["Trip"]);
        assert!(planned_albums(&AlbumMode::None, &f).is_empty());
        f.insert("Holiday".to_string(), FolderStat { files: 0, listed: 6, included: true, bytes: 0 });
        assert_eq!(planned_albums(&AlbumMode::EachFolder, &f)[0], "Holiday", "a file named by the walk counts before its size");
    }
}
