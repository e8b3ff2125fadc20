//! Large files hashed while they upload. Before its upload a file's SHA-256 is wanted for the
//! dedup check and the creation's declared `sha256`; for a large file that means reading it
//! all before the first byte goes. On a server that takes probes (`Config::probe`) a large
//! file is first probed (its size and the digest of its first and last MiB): when no content
//! of the user's matches, the file cannot be a duplicate, so its upload starts at once and the
//! whole file is hashed beside it; the last PATCH declares the SHA-256 (`Shoebox-Sha256`) and
//! the server checks it against what it stored, as it checks a declared `sha256`. When the
//! probe matches, the file is hashed whole and checked as any other.
use super::file::{FileState, Stage};
use super::types::*;
use super::view::Action;
use super::Engine;
use crate::facts::Decision;
use crate::failure::FailReason;

/// Files from this size on take the probe path: below it the hash before the upload costs
/// less than the probe's round trip saves.
pub const STREAM_HASH_BYTES: u64 = 32 * 1024 * 1024;

impl Engine {
    /// Whether the server takes probes and the last PATCH's declared SHA-256.
    pub(crate) fn server_probes(&self) -> bool {
        self.server.config.as_ref().is_some_and(|c| c.dedup && c.probe)
    }

    /// Whether this file is probed rather than hashed whole before its upload: an original
    /// (a prepared photo is read whole anyway), large, not yet hashed, on a server that
    /// takes probes.
    pub(crate) fn wants_probe(&self, f: &FileState) -> bool {
        !f.hash_first
            && f.sha256.is_none()
            && f.probe.is_none()
            && matches!(f.decision, Some(Decision::Upload))
            && f.entry.size >= STREAM_HASH_BYTES.max(self.settings.creation_with_upload_max + 1)
            && self.server_probes()
    }

    /// Answer to `Action::Probe`: the lower-case hex SHA-256 of the probe's ranges. A probe
    /// that could not be made sends the file down the ordinary path (hashed whole first).
    pub fn handle_probed(&mut self, id: FileId, probe: Result<String, FailReason>, now: u64) {
        if self.stage(id) == Some(Stage::Hashing) && self.files.get(&id).is_some_and(|f| f.probe.is_none()) {
            match probe {
                Ok(p) => {
                    self.with_file(id, |f| {
                        f.probe = Some(p.to_ascii_lowercase());
                        f.stage = Stage::CheckQueued;
                    });
                    self.q.check.push_back(id);
                }
                Err(_) => self.hash_first(id),
            }
        }
        self.pump(now);
    }

    /// The probe matched content the user has (or could not be made): hash the whole file
    /// now, then check it as any other.
    pub(crate) fn hash_first(&mut self, id: FileId) {
        self.with_file(id, |f| {
            f.hash_first = true;
            f.stage = Stage::HashQueued;
        });
        self.q.hash.push_front(id);
    }

    /// No content of the user's has this probe (or no answer came): upload now, hashing beside.
    pub(crate) fn probe_missed(&mut self, id: FileId) {
        self.with_file(id, |f| f.stream = true);
        self.after_check(id);
    }

    /// A streaming file took an upload slot: its hash starts beside the upload.
    pub(crate) fn start_hash_beside(&mut self, id: FileId) {
        let Some(f) = self.files.get(&id) else { return };
        if f.stream && f.sha256.is_none() && !f.hash_beside {
            self.with_file(id, |f| f.hash_beside = true);
            self.out.act(Action::Hash { file: id });
        }
    }

    /// The hash beside an upload answered: the last PATCH may go (true when it was that).
    pub(crate) fn on_hashed_beside(&mut self, id: FileId, sha: &Result<String, FailReason>) -> bool {
        let Some(f) = self.files.get(&id) else { return false };
        // A file hashed whole (its Retry after the hash beside failed, or the 422's re-hash)
        // gets its answer through the ordinary path.
        if !(f.stream && f.hash_beside && f.sha256.is_none()) || matches!(f.stage, Stage::HashQueued | Stage::Hashing | Stage::Rehashing) {
            return false;
        }
        if matches!(f.stage, Stage::Done) {
            return true;
        }
        match sha {
            Ok(s) => {
                let s = s.to_ascii_lowercase();
                self.with_file(id, |f| f.sha256 = Some(s));
            }
            Err(e) => {
                self.with_file(id, |f| f.hash_beside = false);
                self.fail(id, e.clone());
            }
        }
        true
    }

    /// Whether the file's hash is still running beside its upload. Its chunks then go without
    /// `Upload-Checksum`: a chunk's checksum would read it once more, or wait for the hash pass
    /// to reach it, and on two cores either costs the upload a fifth of its speed. The SHA-256
    /// declared on the last PATCH still covers every byte (a mismatch is the 422 path: hashed
    /// whole, sent again with checksums); chunks after the hash is known carry checksums again.
    pub(crate) fn hash_runs_beside(&self, f: &FileState) -> bool {
        f.stream && f.sha256.is_none()
    }

    /// Whether the PATCH ending at `end` must wait: a streaming file's last bytes go with its
    /// SHA-256, so they wait for the hash beside.
    pub(crate) fn last_patch_waits(&self, f: &FileState, end: u64) -> bool {
        self.hash_runs_beside(f) && end >= f.upload_size()
    }
}
