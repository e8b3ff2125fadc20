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
    /// Files named by walks in this batch (the sum of the top folders' `listed`).
    listed: u64,
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
            let st = self.map.entry(folder.to_string()).or_insert(FolderStat { included, ..FolderStat::default() });
            st.files += 1;
            st.bytes += size;
            if !folder.contains('/') {
                break;
            }
            folder = folder_of(folder);
        }
        included
    }

    /// Count `n` files a walk has named in `folder` (and its ancestors) before their sizes
    /// are known. A folder first seen here takes its tick from the folders above it, as in `add`.
    pub fn list(&mut self, mut folder: &str, n: u64) {
        if n == 0 {
            return;
        }
        self.listed += n;
        let included = ancestors(folder).all(|a| self.map.get(a).is_none_or(|s| s.included));
        loop {
            self.map.entry(folder.to_string()).or_insert(FolderStat { included, ..FolderStat::default() }).listed += n;
            if !folder.contains('/') {
                break;
            }
            folder = folder_of(folder);
        }
    }

    /// The walks ended: every file named has been added or found unreadable, so the counts
    /// from names give way to the real ones.
    pub fn end_listing(&mut self) -> bool {
        let had = self.listed > 0;
        self.listed = 0;
        self.map.values_mut().for_each(|st| st.listed = 0);
        had
    }

    /// Files named by walks so far in this batch.
    pub fn listed(&self) -> u64 {
        self.listed
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
        self.map.entry(folder.to_string()).or_default().included = false;
        self.set_included(folder, false);
    }

    /// The unticked folders (to keep them for the next scan).
    pub fn excluded(&self) -> Vec<String> {
        self.map.iter().filter(|(_, st)| !st.included).map(|(p, _)| p.clone()).collect()
    }

    pub fn clear(&mut self) {
        self.map.clear();
        self.listed = 0;
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

    #[test]
    fn names_listed_count_up_the_tree_follow_an_untick_and_end_with_the_walk() {
        let mut f = Folders::default();
        f.set_included("A", false);
        f.preset_excluded("A");
        f.list("A/B", 3);
        f.list("C", 2);
        assert_eq!((f.map()["A"].listed, f.map()["A/B"].listed, f.map()["C"].listed), (3, 3, 2));
        assert_eq!(f.listed(), 5);
        assert!(!f.map()["A/B"].included, "a folder listed under an unticked one is unticked");
        assert!(f.map()["C"].included);
        f.add("C/x.jpg", 7);
        assert_eq!((f.map()["C"].files, f.map()["C"].listed), (1, 2));
        assert!(f.end_listing());
        assert_eq!((f.map()["C"].files, f.map()["C"].listed, f.listed()), (1, 0, 0));
        assert!(!f.end_listing());
    }
}
