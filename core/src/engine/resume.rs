//! Resume records: what the storage port (IndexedDB) keeps so a later session continues an
//! upload from the server's offset, and remembers what this browser already backed up.
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// Identifies a file without reading it (size, lastModified, path/name), plus its content
/// digest once known.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Fingerprint {
    pub size: u64,
    pub last_modified: i64,
    pub name: String,
    pub relative_path: String,
    /// SHA-256 of the original, once hashed.
    pub sha256: Option<String>,
}

impl Fingerprint {
    /// The part of the fingerprint known before hashing, as one string.
    pub fn cheap_key(&self) -> String {
        format!("{}:{}:{}", self.size, self.last_modified, self.relative_path)
    }
}

/// One record of the resume store. Two kinds:
/// - in progress (`done == false`): written whenever the offset advances, removed on completion
///   or when the server no longer knows the URL;
/// - done (`done == true`): written on completion; the local "this browser already backed this
///   content up for this account at this endpoint" record. A later session of the same account
///   counts a file with the same fingerprint or the same SHA-256 as already backed up without
///   asking the network; another account's files are never settled by it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResumeRecord {
    /// Store key (opaque to the driver): one per (kind, scope, file fingerprint).
    pub key: String,
    pub fingerprint: Fingerprint,
    /// Whose record: the endpoint and a digest of the account's token (`Engine::record_scope`).
    pub endpoint: String,
    /// The upload URL (absolute, or as the server's Location resolved).
    pub upload_url: String,
    /// Bytes the server has, as last acknowledged.
    pub offset: u64,
    /// Size of the uploaded bytes (differs from the original's after Prepare).
    pub upload_size: u64,
    /// SHA-256 of the uploaded bytes (the prepared bytes when prepared).
    pub upload_sha256: String,
    /// True when the uploaded bytes are Prepare's output.
    pub prepared: bool,
    pub done: bool,
    /// ms (driver's clock) when written; lets the app expire old records.
    pub updated_ms: u64,
    /// The export archive this file is an entry of (its name): a later session where the
    /// browser kept no handle asks for the archive again by name. Absent in older records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archive: Option<String>,
    /// The upload was created before its SHA-256 was known (hashed beside it, `stream.rs`), so
    /// its chunks may have gone without checksums: its last PATCH declares the SHA-256 whatever
    /// the server's config says by then. Absent (false) in older records.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub declare_at_end: bool,
}

impl ResumeRecord {
    pub fn progress_key(endpoint: &str, fp: &Fingerprint) -> String {
        format!("up|{endpoint}|{}", fp.cheap_key())
    }
    pub fn done_key(endpoint: &str, fp: &Fingerprint) -> String {
        format!("done|{endpoint}|{}", fp.cheap_key())
    }
}

/// The records of one scope, indexed by cheap fingerprint and by content digest.
#[derive(Default, Debug)]
pub(crate) struct ResumeIndex {
    by_key: HashMap<String, ResumeRecord>,
    /// cheap fingerprint -> key, for in-progress and done records separately.
    progress_by_fp: HashMap<String, String>,
    done_by_fp: HashMap<String, String>,
    /// original sha256 -> key.
    progress_by_sha: HashMap<String, String>,
    done_by_sha: HashMap<String, String>,
    /// Archive name -> in-progress records of its entries (the continue screen names them).
    progress_archives: BTreeMap<String, usize>,
}

impl ResumeIndex {
    /// Every record, the index emptied.
    pub fn into_records(self) -> impl Iterator<Item = ResumeRecord> {
        self.by_key.into_values()
    }

    pub fn len_in_progress(&self) -> usize {
        self.progress_by_fp.len()
    }

    /// The archives whose entries have unfinished uploads, by name, sorted.
    pub fn archives_in_progress(&self) -> Vec<String> {
        self.progress_archives.keys().cloned().collect()
    }

    fn count_archive(&mut self, r: &ResumeRecord, add: bool) {
        let Some(a) = r.archive.as_ref().filter(|_| !r.done) else { return };
        let n = self.progress_archives.entry(a.clone()).or_default();
        *n = if add { *n + 1 } else { n.saturating_sub(1) };
        if *n == 0 {
            self.progress_archives.remove(a);
        }
    }

    pub fn insert(&mut self, r: ResumeRecord) {
        self.remove(&r.key.clone());
        let fp = r.fingerprint.cheap_key();
        let (by_fp, by_sha) =
            if r.done { (&mut self.done_by_fp, &mut self.done_by_sha) } else { (&mut self.progress_by_fp, &mut self.progress_by_sha) };
        by_fp.insert(fp, r.key.clone());
        if let Some(s) = &r.fingerprint.sha256 {
            by_sha.insert(s.clone(), r.key.clone());
        }
        self.count_archive(&r, true);
        self.by_key.insert(r.key.clone(), r);
    }

    pub fn remove(&mut self, key: &str) -> Option<ResumeRecord> {
        let r = self.by_key.remove(key)?;
        let fp = r.fingerprint.cheap_key();
        let (by_fp, by_sha) =
            if r.done { (&mut self.done_by_fp, &mut self.done_by_sha) } else { (&mut self.progress_by_fp, &mut self.progress_by_sha) };
        if by_fp.get(&fp).map(|k| k == key).unwrap_or(false) {
            by_fp.remove(&fp);
        }
        if let Some(s) = &r.fingerprint.sha256 {
            if by_sha.get(s).map(|k| k == key).unwrap_or(false) {
                by_sha.remove(s);
            }
        }
        self.count_archive(&r, false);
        Some(r)
    }

    /// A done record for this file (by cheap fingerprint, or by original digest when known).
    pub fn done_for(&self, fp: &Fingerprint) -> Option<&ResumeRecord> {
        let key = self.done_by_fp.get(&fp.cheap_key()).or_else(|| fp.sha256.as_ref().and_then(|s| self.done_by_sha.get(s)))?;
        let r = self.by_key.get(key)?;
        // A fingerprint match whose digest differs means the file changed.
        match (&fp.sha256, &r.fingerprint.sha256) {
            (Some(a), Some(b)) if a != b => None,
            _ => Some(r),
        }
    }

    /// An in-progress record for this file.
    pub fn progress_for(&self, fp: &Fingerprint) -> Option<&ResumeRecord> {
        let key = self.progress_by_fp.get(&fp.cheap_key()).or_else(|| fp.sha256.as_ref().and_then(|s| self.progress_by_sha.get(s)))?;
        let r = self.by_key.get(key)?;
        match (&fp.sha256, &r.fingerprint.sha256) {
            (Some(a), Some(b)) if a != b => None,
            _ => Some(r),
        }
    }
}
