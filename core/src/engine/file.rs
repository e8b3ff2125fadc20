//! One file's internal state: where it is in the pipeline and its upload's progress.
use super::resume::Fingerprint;
use super::types::*;
use super::view::*;

use crate::facts::{Decision, FileFacts, MediaKind, Outcome, UploadNote};
use crate::failure::FailReason;

/// Pipeline position (see `parts::Queues` for how queues and stages agree).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Stage {
    InspectQueued,
    Inspecting,
    /// Inspected (or waiting for limits); not started.
    Planned,
    HashQueued,
    Hashing,
    CheckQueued,
    /// A media/check request is out for it.
    Checking,
    PrepareQueued,
    Preparing,
    UploadQueued,
    /// Holds an upload slot; see `Upload`.
    Active,
    /// Re-hashing after a 422 (holds no slot).
    Rehashing,
    Done,
}

/// The tus side of one file.
#[derive(Clone, Debug, Default)]
pub(crate) struct Upload {
    pub url: Option<String>,
    /// Bytes the server has, as far as we know.
    pub offset: u64,
    /// False when the offset is in doubt: the next request is a HEAD.
    pub offset_known: bool,
    /// Request in flight and the body bytes it reported sent.
    pub inflight: Option<RequestId>,
    pub inflight_sent: u64,
    /// Waiting to retry at this time.
    pub retry_at: Option<u64>,
    pub attempts: u32,
    pub last_error: Option<FailReason>,
    /// The server reason of a 422, kept while re-hashing.
    pub digest_mismatch: Option<FailReason>,
    /// This file's chunk size, grown on a fast link (0: the base chunk; `chunks.rs`).
    pub chunk: u64,
    /// The range of the next PATCH, whose checksum the driver is digesting ahead.
    pub ahead: Option<(u64, u64)>,
    /// An upload from a record created before its SHA-256 was known: its last PATCH declares it.
    pub declare_at_end: bool,
}

#[derive(Clone, Debug)]
pub(crate) struct Prepared {
    pub size: u64,
    pub sha256: String,
    pub mime: Option<String>,
}

#[derive(Clone, Debug)]
pub(crate) struct FileState {
    pub entry: FileEntry,
    /// The batch it belongs to (see `Tallies`).
    pub batch: u32,
    /// From the name until `checked`, then from the content (`Inspect`).
    pub facts: Option<FileFacts>,
    /// The facts come from the content (or the name settles it: system file, empty file).
    pub checked: bool,
    pub decision: Option<Decision>,
    pub stage: Stage,
    pub excluded: bool,
    /// Paused by the user (this file alone).
    pub paused: bool,
    pub sha256: Option<String>,
    /// A large file's probe digest, once made (`stream.rs`).
    pub probe: Option<String>,
    /// Hashed beside its upload (its probe matched nothing the user has); the SHA-256 goes
    /// on the last PATCH. `hash_beside`: that hash was asked.
    pub stream: bool,
    pub hash_beside: bool,
    /// Hash the whole file before its upload, whatever its size (the probe matched, or
    /// could not be made).
    pub hash_first: bool,
    pub prepared: Option<Prepared>,
    /// Prepare was asked and answered (with KeepOriginal or Prepared).
    pub prepare_done: bool,
    pub note: Option<UploadNote>,
    pub up: Upload,
    pub outcome: Option<Outcome>,
    /// What a Takeout export says of this item, once its sidecar is read (`takeout.rs`).
    pub takeout: Option<Box<crate::takeout::ItemMeta>>,
}

impl FileState {
    /// A new file, judged from its name and size until inspected. System files (by name) and
    /// empty files need no inspection: nothing in their content could change the verdict.
    pub fn new(entry: FileEntry, batch: u32) -> Self {
        let guess = FileFacts::guess(&entry.name);
        let settled = guess.kind == MediaKind::System || entry.size == 0;
        let facts = if settled && guess.kind != MediaKind::System { FileFacts::other() } else { guess };
        FileState {
            entry,
            batch,
            facts: Some(facts),
            checked: settled,
            decision: None,
            stage: if settled { Stage::Planned } else { Stage::InspectQueued },
            excluded: false,
            paused: false,
            sha256: None,
            probe: None,
            stream: false,
            hash_beside: false,
            hash_first: false,
            prepared: None,
            prepare_done: false,
            note: None,
            up: Upload::default(),
            outcome: None,
            takeout: None,
        }
    }

    pub fn fingerprint(&self) -> Fingerprint {
        Fingerprint {
            size: self.entry.size,
            last_modified: self.entry.last_modified,
            name: self.entry.name.clone(),
            relative_path: self.entry.relative_path.clone(),
            sha256: self.sha256.clone(),
        }
    }

    /// Whether this file is part of the backup (decided to upload or prepare, or failed before
    /// a decision could be made), and not excluded.
    pub fn in_backup(&self) -> bool {
        if self.excluded {
            return false;
        }
        if matches!(self.outcome, Some(Outcome::Skipped(_))) {
            return false;
        }
        match self.decision {
            Some(Decision::Upload) | Some(Decision::Prepare { .. }) => true,
            Some(Decision::Skip(_)) => false,
            None => matches!(self.outcome, Some(Outcome::Failed(_))),
        }
    }

    /// Bytes that will be uploaded.
    pub fn upload_size(&self) -> u64 {
        self.prepared.as_ref().map(|p| p.size).unwrap_or(self.entry.size)
    }

    /// SHA-256 of the uploaded bytes.
    pub fn upload_sha(&self) -> Option<&str> {
        self.prepared.as_ref().map(|p| p.sha256.as_str()).or(self.sha256.as_deref())
    }

    /// What a large file not hashed yet (one hashed beside its upload) is known by in
    /// `ServerState::holds`: its size. Another file of that size may differ, so the key only
    /// ever makes a file wait, or be hashed whole before its upload.
    pub fn size_key(&self) -> String {
        format!("size:{}", self.entry.size)
    }

    /// Whether the two files may have the same original bytes, as far as is known yet: their
    /// SHA-256s when both are hashed; else (a large file known by its probe, beside one whose
    /// digest came from the resume store) the same size, unless both probes are known and
    /// differ.
    pub fn same_content(&self, other: &FileState) -> bool {
        match (&self.sha256, &other.sha256) {
            (Some(a), Some(b)) => a == b,
            _ => self.entry.size == other.entry.size && !matches!((&self.probe, &other.probe), (Some(a), Some(b)) if a != b),
        }
    }

    pub fn bytes_done(&self) -> u64 {
        if self.outcome.is_some() {
            return self.upload_size();
        }
        (self.up.offset + self.up.inflight_sent).min(self.upload_size())
    }

    pub fn phase(&self, now: u64) -> Phase {
        if self.outcome.is_some() {
            return Phase::Done;
        }
        if self.paused {
            return Phase::Paused;
        }
        match self.stage {
            Stage::InspectQueued => Phase::Waiting,
            Stage::Inspecting => Phase::Inspecting,
            Stage::Planned => Phase::Inspected,
            Stage::HashQueued | Stage::Hashing | Stage::Rehashing => Phase::Hashing,
            Stage::CheckQueued | Stage::Checking => Phase::Checking,
            Stage::PrepareQueued | Stage::Preparing => Phase::Preparing,
            Stage::UploadQueued => Phase::Uploading,
            Stage::Active => match self.up.retry_at {
                Some(at_ms) => Phase::Retrying { at_ms, in_s: at_ms.saturating_sub(now).div_ceil(1000) },
                None => Phase::Uploading,
            },
            Stage::Done => Phase::Done,
        }
    }

    pub fn view(&self, now: u64) -> FileView {
        FileView {
            phase: self.phase(now),
            bytes_done: self.bytes_done(),
            size: self.upload_size(),
            outcome: self.outcome.clone(),
            decision: self.decision,
            facts: self.facts.clone(),
            excluded: self.excluded,
            attempts: self.up.attempts,
            last_error: self.up.last_error.clone(),
        }
    }
}
