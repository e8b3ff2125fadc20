//! The per-file tus flow: create → PATCH… → done, HEAD whenever the offset is in doubt; what
//! a file's next request is, attempts and backoff, resume records, and the 422 re-hash.
use super::file::{FileState, Stage};
use super::parts::{ReqKind, Timer};
use super::requests;
use super::resume::ResumeRecord;
use super::retry::backoff_delay_ms;
use super::types::*;
use super::view::*;
use super::Engine;
use crate::facts::{Outcome, SkipReason};
use crate::failure::FailReason;

/// What a file needs next, from its upload state alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NextStep {
    Create,
    Head,
    Patch { start: u64, end: u64 },
    Complete,
}

/// The next request of a file: a pure function of (url known, offset known, offset, size, chunk).
pub fn next_step(has_url: bool, offset_known: bool, offset: u64, size: u64, chunk: u64) -> NextStep {
    if !has_url {
        NextStep::Create
    } else if !offset_known {
        NextStep::Head
    } else if offset >= size {
        NextStep::Complete
    } else {
        NextStep::Patch { start: offset, end: offset.saturating_add(chunk.max(1)).min(size) }
    }
}

impl Engine {
    /// A file takes an upload slot: reuse an unfinished upload from the resume store if it
    /// matches the bytes we are about to send.
    pub(crate) fn activate(&mut self, id: FileId) {
        self.start_hash_beside(id);
        let f = &self.files[&id];
        if f.up.url.is_some() {
            return;
        }
        let fp = f.fingerprint();
        let Some(rec) = self.resume.progress_for(&fp).cloned() else { return };
        // A streaming upload's record may predate its hash (saved with an empty digest).
        let matches = (rec.upload_sha256.as_str() == f.upload_sha().unwrap_or_default() || (rec.upload_sha256.is_empty() && f.stream))
            && rec.upload_size == f.upload_size()
            && rec.prepared == f.prepared.is_some();
        if matches {
            self.with_file(id, |f| {
                f.up.url = Some(rec.upload_url.clone());
                f.up.offset = rec.offset;
                f.up.offset_known = false;
                f.up.declare_at_end = rec.declare_at_end || rec.upload_sha256.is_empty();
            });
        } else {
            self.resume.remove(&rec.key);
            self.out.act(Action::RemoveResume { key: rec.key });
        }
    }

    /// Send the file's next request, if the bytes-in-flight budget allows. A body-less
    /// creation or a PATCH has the next chunk's checksum digested while it is in flight.
    pub(crate) fn issue_next(&mut self, id: FileId, now: u64) {
        let caps = self.server.caps.clone().unwrap_or_default();
        let f = &self.files[&id];
        let chunk = self.file_chunk(f);
        let size = f.upload_size();
        // Tus-Max-Size is checked here once, whatever the request.
        if let Some(limit) = caps.max_size.filter(|m| size > *m) {
            return self.finish(id, Outcome::Skipped(SkipReason::OverSizeLimit { size, limit: Some(limit) }), now);
        }
        let budget = self.settings.max_bytes_in_flight.saturating_sub(self.inflight.bytes);
        let checksum = caps.checksum_for(&self.checksums).filter(|_| !self.hash_runs_beside(f));
        let (kind, request, next) = match next_step(f.up.url.is_some(), f.up.offset_known || f.up.url.is_none(), f.up.offset, size, chunk) {
            NextStep::Complete => return self.complete(id, now),
            // No room for more: wait (Resume, or the engine's later try, clears it).
            NextStep::Create if self.server.storage_full.is_some() => return,
            NextStep::Create => {
                // Bytes the server already holds would only be read and dropped there.
                let with_body =
                    caps.creation_with_upload && size <= self.settings.creation_with_upload_max && size <= chunk && !self.server_holds(f);
                if with_body && size > budget {
                    return;
                }
                let next = (!with_body).then_some(0);
                (ReqKind::Create(id), requests::create(&self.settings, id, f, with_body), next)
            }
            NextStep::Head => (ReqKind::Head(id), requests::head(&self.settings, f.up.url.as_deref().unwrap_or_default()), None),
            NextStep::Patch { start, .. } => {
                let end = self.patch_end(f, start);
                if end - start > budget || self.last_patch_waits(f, end) {
                    return;
                }
                // Our server checks the whole file's SHA-256 on the last PATCH: for an upload
                // created before the file was hashed, that is where it is declared, and it must
                // be even when the config is not (or no longer) known: its chunks may have gone
                // without checksums, and the declared hash is then their only check.
                let declare = end >= size && (self.server_probes() || f.stream || f.up.declare_at_end);
                (ReqKind::Patch(id), requests::patch(&self.settings, id, f, (start, end), checksum, declare), Some(end))
            }
        };
        let req = self.send(kind, request, now);
        self.with_file(id, |f| f.up.inflight = Some(req));
        if let Some(next) = next {
            self.digest_ahead(id, next, checksum);
        }
    }

    /// The server said it holds this file's bytes (original or uploaded) since the endpoint
    /// and token were set; for a large file not hashed yet, that it holds a large file of
    /// its size (it is then hashed whole first, and checked).
    pub(crate) fn server_holds(&self, f: &FileState) -> bool {
        let holds = &self.server.holds;
        f.sha256.as_deref().into_iter().chain(f.upload_sha()).any(|s| holds.contains(s))
            || (f.sha256.is_none() && holds.contains(&f.size_key()))
    }

    /// After an answer that may have moved the offset: reset attempts and save the record when
    /// it advanced; finish when everything is there.
    pub(crate) fn progressed(&mut self, id: FileId, now: u64, advanced: bool) {
        if advanced {
            self.with_file(id, |f| {
                f.up.attempts = 0;
                f.up.last_error = None;
            });
        }
        let f = &self.files[&id];
        if f.up.offset_known && f.up.offset >= f.upload_size() {
            return self.complete(id, now);
        }
        if advanced {
            self.save_progress(id, now);
        }
    }

    fn save_progress(&mut self, id: FileId, now: u64) {
        let f = &self.files[&id];
        // A streaming upload is saved before its hash is known, with an empty digest.
        let sha = f.upload_sha().or(f.stream.then_some(""));
        let (Some(url), Some(sha)) = (f.up.url.clone(), sha) else { return };
        let fp = f.fingerprint();
        let (fp_path, fp_size) = (fp.relative_path.clone(), fp.size);
        let rec = ResumeRecord {
            key: ResumeRecord::progress_key(&self.record_scope(), &fp),
            fingerprint: fp,
            endpoint: self.record_scope(),
            upload_url: url,
            offset: f.up.offset,
            upload_size: f.upload_size(),
            upload_sha256: sha.to_string(),
            prepared: f.prepared.is_some(),
            done: false,
            updated_ms: now,
            archive: self.archive_of(&fp_path, fp_size),
            declare_at_end: f.stream || f.up.declare_at_end,
        };
        self.resume.insert(rec.clone());
        self.out.act(Action::SaveResume(rec));
    }

    fn complete(&mut self, id: FileId, now: u64) {
        self.ask_thumbnail(id);
        let note = self.files[&id].note;
        self.finish(id, Outcome::Uploaded(note), now);
    }

    /// A file reaches an outcome: release its slot, replace the progress record by a done
    /// record (uploaded / already backed up), drop the prepared blob.
    pub(crate) fn finish(&mut self, id: FileId, outcome: Outcome, now: u64) {
        self.release(id);
        if outcome == Outcome::AlreadyBackedUp {
            self.takeout_fill(id, now);
        }
        let f = &self.files[&id];
        if matches!(outcome, Outcome::Uploaded(_) | Outcome::AlreadyBackedUp) && self.server.dedups() {
            let digests = f.sha256.as_deref().into_iter().chain(f.upload_sha()).map(str::to_string);
            let large = f.entry.size >= super::stream::STREAM_HASH_BYTES;
            self.server.holds.extend(digests.chain(large.then(|| f.size_key())));
        }
        let fp = f.fingerprint();
        let ep = self.record_scope();
        let pkey = ResumeRecord::progress_key(&ep, &fp);
        if self.resume.remove(&pkey).is_some() || f.up.url.is_some() {
            self.out.act(Action::RemoveResume { key: pkey });
        }
        if matches!(outcome, Outcome::Uploaded(_) | Outcome::AlreadyBackedUp) && fp.sha256.is_some() {
            let rec = ResumeRecord {
                key: ResumeRecord::done_key(&ep, &fp),
                fingerprint: fp,
                endpoint: ep,
                upload_url: f.up.url.clone().unwrap_or_default(),
                offset: f.upload_size(),
                upload_size: f.upload_size(),
                upload_sha256: f.upload_sha().unwrap_or_default().to_string(),
                prepared: f.prepared.is_some(),
                done: true,
                updated_ms: now,
                archive: None,
                declare_at_end: false,
            };
            self.resume.insert(rec.clone());
            self.out.act(Action::SaveResume(rec));
        }
        if f.prepared.is_some() {
            self.out.act(Action::DropPrepared { file: id });
        }
        let backed_up = matches!(outcome, Outcome::Uploaded(_) | Outcome::AlreadyBackedUp);
        self.with_file(id, |f| {
            f.stage = Stage::Done;
            f.up.retry_at = None;
            f.up.offset = f.upload_size();
            f.outcome = Some(outcome);
        });
        if backed_up {
            self.carry_when_done(id);
        }
    }

    /// The stored upload is gone (404/410, or not ours): forget it and create a new one from 0.
    pub(crate) fn restart_upload(&mut self, id: FileId) {
        let fp = self.files[&id].fingerprint();
        let key = ResumeRecord::progress_key(&self.record_scope(), &fp);
        if self.resume.remove(&key).is_some() {
            self.out.act(Action::RemoveResume { key });
        }
        self.with_file(id, |f| {
            f.up.url = None;
            f.up.offset = 0;
            f.up.offset_known = true;
        });
    }

    /// One more attempt without progress: fail past the limit, else retry at once or (with
    /// `backoff`) after an exponential, jittered delay.
    pub(crate) fn count_attempt(&mut self, id: FileId, reason: FailReason, now: u64, backoff: bool) {
        let max = self.settings.max_attempts.max(1);
        let attempts = self
            .with_file(id, |f| {
                f.up.attempts += 1;
                f.up.last_error = Some(reason.clone());
                f.up.attempts
            })
            .unwrap_or(1);
        if attempts >= max {
            return self.fail(id, reason);
        }
        if backoff {
            let at = now + backoff_delay_ms(attempts, self.rng.next_f64());
            self.retry_at(id, at);
        }
    }

    /// `count_attempt` with backoff, no sooner than the server's Retry-After.
    pub(crate) fn count_attempt_after(&mut self, id: FileId, reason: FailReason, now: u64, retry_after: Option<u64>) {
        self.count_attempt(id, reason, now, true);
        let (Some(ra), Some(at)) = (retry_after, self.files.get(&id).and_then(|f| f.up.retry_at)) else { return };
        self.retry_at(id, at.max(now + ra.min(super::retry::BACKOFF_CAP_MS)));
    }

    fn retry_at(&mut self, id: FileId, at: u64) {
        self.with_file(id, |f| f.up.retry_at = Some(at));
        self.timers.set(at, Timer::Retry(id));
    }

    /// 422: the server's digest of the whole upload did not match what we declared. Hash the
    /// original again: changed → start over, unchanged → fail with the server's reason.
    pub(crate) fn start_rehash(&mut self, id: FileId, reason: FailReason) {
        self.restart_upload(id);
        self.release(id);
        self.with_file(id, |f| {
            f.stage = Stage::Rehashing;
            f.up.digest_mismatch = Some(reason);
        });
        self.out.act(Action::Hash { file: id });
    }

    pub(crate) fn on_rehashed(&mut self, id: FileId, sha: Result<String, FailReason>, now: u64) {
        let f = &self.files[&id];
        let reason = f.up.digest_mismatch.clone().unwrap_or(FailReason::Unknown);
        match sha {
            Err(e) => self.fail(id, e),
            // A streaming file's hash was read apart from the bytes sent: the same digest again
            // says the file changed while it was sent, so it goes once more, declared at creation.
            Ok(s) if Some(s.to_ascii_lowercase()) == f.sha256 && !f.stream => self.fail(id, reason),
            Ok(s) => {
                // The file changed since it was hashed: everything starts again.
                if f.prepared.is_some() {
                    self.out.act(Action::DropPrepared { file: id });
                }
                self.with_file(id, |f| {
                    f.sha256 = Some(s.to_ascii_lowercase());
                    f.stream = false;
                    f.hash_beside = false;
                    f.hash_first = true;
                    f.prepared = None;
                    f.prepare_done = false;
                    f.up = Default::default();
                    f.up.offset_known = true;
                    f.stage = Stage::Hashing;
                });
                self.on_hashed(id, Ok(s), now);
            }
        }
    }
}
