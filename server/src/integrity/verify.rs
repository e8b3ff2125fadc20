//! `shoebox-server verify`: re-hash every stored blob against its content address (its file
//! name is its sha256), and check that every record of the index has its blob. The background
//! scrub (`scrub`) runs the same pass. Reads the local layout (`store::local`) directly.
use super::{hash_reader, open_uncached};
use crate::index::MediaIndex;
use shoebox_core::hash::is_sha256_hex;
use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};

/// A stored blob: `blobs/<user>/<sha[0..2]>/<sha>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Blob {
    pub user: String,
    pub sha256: String,
    pub path: PathBuf,
}

#[derive(Debug, Default)]
pub struct Report {
    pub checked: u64,
    pub bytes: u64,
    /// Blobs whose bytes hash to something else, with what they hash to.
    pub mismatches: Vec<(Blob, String)>,
    /// Blobs that could not be read at all, and why.
    pub unreadable: Vec<(Blob, String)>,
    /// (user, sha256) the index lists but no blob holds.
    pub missing: Vec<(String, String)>,
    /// Blobs no record names (a crash left them, or the index was lost: `reindex`).
    pub unnamed: Vec<Blob>,
}

impl Report {
    pub fn is_clean(&self) -> bool {
        self.mismatches.is_empty() && self.unreadable.is_empty() && self.missing.is_empty()
    }

    /// One line per problem, then a summary line.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (b, actual) in &self.mismatches {
            out.push_str(&format!("MISMATCH {} {}: its bytes hash to {actual} ({})\n", b.user, b.sha256, b.path.display()));
        }
        for (b, why) in &self.unreadable {
            out.push_str(&format!("UNREADABLE {} {}: {why} ({})\n", b.user, b.sha256, b.path.display()));
        }
        for (user, sha) in &self.missing {
            out.push_str(&format!("MISSING {user} {sha}: the index lists it but no blob holds it\n"));
        }
        for b in &self.unnamed {
            out.push_str(&format!("UNINDEXED {} {}: stored but in no record (`shoebox-server reindex` lists it)\n", b.user, b.sha256));
        }
        out.push_str(&format!(
            "Verified {} stored files ({} bytes): {} mismatched, {} unreadable, {} missing, {} not in the index.",
            self.checked,
            self.bytes,
            self.mismatches.len(),
            self.unreadable.len(),
            self.missing.len(),
            self.unnamed.len()
        ));
        out
    }
}

fn dir_entries(dir: &Path) -> io::Result<Vec<(String, PathBuf)>> {
    match std::fs::read_dir(dir) {
        Ok(rd) => rd.map(|e| e.map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))).collect(),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(e),
    }
}

/// Every blob under the data folder, in a stable order. Other files (none are expected) are
/// skipped: only a name that is a digest, in the shard of its first two characters, counts.
pub fn list_blobs(data_dir: &Path) -> io::Result<Vec<Blob>> {
    let mut out = Vec::new();
    for (user, udir) in dir_entries(&data_dir.join("blobs"))? {
        if !crate::accounts::auth::valid_user_name(&user) || !udir.is_dir() {
            continue;
        }
        for (shard, sdir) in dir_entries(&udir)? {
            for (name, path) in dir_entries(&sdir)? {
                if is_sha256_hex(&name) && name.starts_with(&shard) && path.is_file() {
                    out.push(Blob { user: user.clone(), sha256: name, path });
                }
            }
        }
    }
    out.sort_by(|a, b| (&a.user, &a.sha256).cmp(&(&b.user, &b.sha256)));
    Ok(out)
}

/// Re-hashes one blob from the disk (not the page cache): Ok(None) when it matches its name,
/// Ok(Some(actual)) when not, and its length.
pub fn check_blob(b: &Blob) -> io::Result<(Option<String>, u64)> {
    let (actual, len) = hash_reader(open_uncached(&b.path)?)?;
    Ok(((actual != b.sha256).then_some(actual), len))
}

/// Re-hashes every blob; `seen` is told of each result as it comes (the scrub logs and counts).
pub fn verify_blobs(data_dir: &Path, mut seen: impl FnMut(&Blob, &io::Result<(Option<String>, u64)>)) -> io::Result<Report> {
    let mut r = Report::default();
    for b in list_blobs(data_dir)? {
        let res = check_blob(&b);
        seen(&b, &res);
        match res {
            Ok((bad, len)) => {
                r.checked += 1;
                r.bytes += len;
                if let Some(actual) = bad {
                    r.mismatches.push((b, actual));
                }
            }
            // Deleted by the purge since it was listed: nothing to verify.
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => r.unreadable.push((b, e.to_string())),
        }
    }
    Ok(r)
}

/// The whole check of `shoebox-server verify`: the blobs, then the index against them (when
/// there is an index: verify never creates one).
pub fn verify(data_dir: &Path) -> io::Result<Report> {
    let mut r = verify_blobs(data_dir, |_, _| {})?;
    let index_path = data_dir.join("index.sqlite");
    if index_path.exists() {
        let index = MediaIndex::open(&index_path).map_err(io::Error::other)?;
        let named: HashSet<(String, String)> = index.contents().map_err(io::Error::other)?.into_iter().collect();
        let stored: HashSet<(String, String)> = list_blobs(data_dir)?.into_iter().map(|b| (b.user, b.sha256)).collect::<HashSet<_>>();
        let mut missing: Vec<_> = named.difference(&stored).cloned().collect();
        missing.sort();
        r.missing = missing;
        r.unnamed = list_blobs(data_dir)?.into_iter().filter(|b| !named.contains(&(b.user.clone(), b.sha256.clone()))).collect();
    }
    Ok(r)
}
