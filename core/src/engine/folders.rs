//! The plan's folders: per-folder counts (sub-folders included) and the check boxes, with the
//! one rule that says which files and folders a tick covers. Loose files (no folder) form the
//! folder "" and a tick there covers only them.
use super::view::FolderStat;
use std::collections::BTreeMap;

/// The folder of a relativePath ("" for a loose file).
pub fn folder_of(path: &str) -> &str {
    path.rsplit_once('/').map(|(d, _)| d).unwrap_or("")
}

/// Whether the check box of `folder` covers the folder `sub`: itself and its sub-folders; the
/// loose-files box ("") covers only itself.
pub fn covers(folder: &str, sub: &str) -> bool {
    sub == folder || (!folder.is_empty() && sub.len() > folder.len() && sub.starts_with(folder) && sub.as_bytes()[folder.len()] == b'/')
}

/// A folder and every folder above it ("A/B/C", "A/B", "A"; "" for loose files).
fn ancestors(folder: &str) -> impl Iterator<Item = &str> {
    std::iter::successors(Some(folder), |f| f.rfind('/').map(|i| &f[..i]))
}

/// Folders of the current batch.
#[derive(Debug, Default)]
pub(crate) struct Folders {
    map: BTreeMap<String, FolderStat>,
}

impl Folders {
    /// Count a new file in its folder and every ancestor; returns whether its folder is ticked
    /// (a file found later in an unticked folder is not chosen either).
    pub fn add(&mut self, path: &str, size: u64) -> bool {
        let mut folder = folder_of(path);
        // Unticked if its folder or any folder above it is (a sub-folder found after the
        // untick, or one left out in an earlier session, follows it).
        let included = ancestors(folder).all(|a| self.map.get(a).is_none_or(|s| s.included));
        loop {
            let st = self.map.entry(folder.to_string()).or_insert(FolderStat { files: 0, bytes: 0, included });
            st.files += 1;
            st.bytes += size;
            if !folder.contains('/') {
                break;
            }
            folder = folder_of(folder);
        }
        included
    }

    /// Tick or untick `folder` and the folders it covers.
    pub fn set_included(&mut self, folder: &str, included: bool) {
        for (p, st) in self.map.iter_mut() {
            if covers(folder, p) {
                st.included = included;
            }
        }
    }

    /// Untick a folder before any of its files is found (exclusions kept across sessions).
    pub fn preset_excluded(&mut self, folder: &str) {
        self.map.entry(folder.to_string()).or_insert(FolderStat { files: 0, bytes: 0, included: false }).included = false;
        self.set_included(folder, false);
    }

    /// The unticked folders (to keep them for the next scan).
    pub fn excluded(&self) -> Vec<String> {
        self.map.iter().filter(|(_, st)| !st.included).map(|(p, _)| p.clone()).collect()
    }

    pub fn clear(&mut self) {
        self.map.clear();
    }

    pub fn map(&self) -> &BTreeMap<String, FolderStat> {
        &self.map
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_rule_for_folders_and_loose_files() {
        assert!(covers("A", "A"));
        assert!(covers("A", "A/B"));
        assert!(!covers("A", "AB"));
        assert!(!covers("A/B", "A"));
        assert!(covers("", ""));
        assert!(!covers("", "A"));
        assert_eq!(folder_of("A/B/x.jpg"), "A/B");
        assert_eq!(folder_of("x.jpg"), "");
    }

    #[test]
    fn counts_go_to_every_ancestor_and_new_files_follow_an_untick() {
        let mut f = Folders::default();
        assert!(f.add("A/B/x.jpg", 10));
        assert!(f.add("A/y.jpg", 5));
        assert_eq!(f.map()["A"].files, 2);
        assert_eq!(f.map()["A"].bytes, 15);
        assert_eq!(f.map()["A/B"].files, 1);
        f.set_included("A", false);
        assert!(!f.map()["A/B"].included);
        assert!(!f.add("A/B/z.jpg", 1));
        assert!(f.add("loose.jpg", 1));
    }
}
