//! The per-file tus flow (create → PATCH… → done, HEAD whenever the offset is in doubt) and
//! what each answer means; also the one-off config and OPTIONS requests.
use super::file::Stage;
use super::protocol::{self, base_headers, ServerCaps};
use super::retry::{backoff_delay_ms, classify, StatusClass};
use super::scheduler::{config_request, Fetch, ReqKind, Timer};
use super::types::*;
use super::Engine;
use crate::api::Config;
use crate::facts::{Outcome, SkipReason};
use crate::tus::{self, keys};

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
    fn chunk_size(&self) -> u64 {
        let c =
            self.settings.chunk_size.or(self.server.config.as_ref().map(|c| c.chunk_size).filter(|c| *c > 0)).unwrap_or(DEFAULT_CHUNK_SIZE);
        c.min(self.settings.max_bytes_in_flight).max(1)
    }

    /// Config and OPTIONS, once per endpoint (again after going back online if they could not run).
    pub(crate) fn pump_server(&mut self, now: u64) {
        if !self.online || self.server.signin {
            return;
        }
        if self.server.config_state == Fetch::NotAsked {
            self.server.config_state = Fetch::InFlight;
            let r = config_request(&self.settings);
            self.new_request(ReqKind::Config, r, now);
        }
        if self.server.options_state == Fetch::NotAsked {
            self.server.options_state = Fetch::InFlight;
            let r = HttpRequest {
                method: Method::Options,
                url: self.settings.endpoint.clone(),
                headers: base_headers(&self.settings.token, false),
                body: Body::Empty,
            };
            self.new_request(ReqKind::Options, r, now);
        }
    }

    pub(crate) fn sign_in_needed(&mut self, now: u64) {
        if !self.server.signin {
            self.abort_transfers(now);
            self.server.signin = true;
            self.dirty = true;
        }
    }

    pub(crate) fn on_response(&mut self, req: RequestId, result: Result<HttpResponse, NetError>, now: u64) {
        let Some(r) = self.finish_request(req) else { return };
        match r.kind.clone() {
            ReqKind::Config => self.on_config(result, now),
            ReqKind::Options => {
                self.server.caps = match &result {
                    Err(NetError::Offline) => {
                        self.server.options_state = Fetch::NotAsked;
                        self.set_timer(now + 1000, Timer::Server);
                        return;
                    }
                    Ok(resp) if (200..300).contains(&resp.status) => Some(ServerCaps::from_options(resp)),
                    _ => Some(ServerCaps::default()),
                };
                self.server.options_state = Fetch::Done;
            }
            ReqKind::Check(ids) => self.on_check_response(ids, result, now),
            ReqKind::Delete => {}
            ReqKind::Create(id) | ReqKind::Head(id) | ReqKind::Patch(id) => {
                if self.files.get(&id).and_then(|f| f.up.inflight) != Some(req) {
                    return;
                }
                // Bytes that went out without progress reports count for the speed.
                if let (Ok(resp), true) = (&result, r.end > r.start) {
                    if (200..300).contains(&resp.status) {
                        self.speed.add((r.end - r.start).saturating_sub(r.sent), now);
                    }
                }
                self.with_file(id, |f| {
                    f.up.inflight = None;
                    f.up.inflight_sent = 0;
                });
                match result {
                    Ok(resp) => self.on_upload_answer(id, &r, resp, now),
                    Err(e) => self.on_upload_error(id, &r, e, now),
                }
            }
        }
    }

    fn on_config(&mut self, result: Result<HttpResponse, NetError>, now: u64) {
        self.server.config_state = Fetch::Done;
        match result {
            Ok(resp) if resp.status == 401 => {
                self.server.config = None;
                self.sign_in_needed(now);
            }
            Ok(resp) if (200..300).contains(&resp.status) => {
                self.server.config = serde_json::from_str::<Config>(&resp.body).ok();
            }
            Err(NetError::Offline) => {
                self.server.config_state = Fetch::NotAsked;
                self.set_timer(now + 1000, Timer::Server);
            }
            // A plain tus server: no dedup API, seed limits.
            _ => self.server.config = None,
        }
        self.dirty = true;
    }

    /// A file takes an upload slot: reuse an unfinished upload from the resume store if it
    /// matches the bytes we are about to send.
    pub(crate) fn activate(&mut self, id: FileId, _now: u64) {
        let f = &self.files[&id];
        if f.up.url.is_some() {
            return;
        }
        let fp = f.fingerprint();
        let Some(rec) = self.resume.progress_for(&fp).cloned() else { return };
        let matches = Some(rec.upload_sha256.as_str()) == f.upload_sha()
            && rec.upload_size == f.upload_size()
            && rec.prepared == f.prepared.is_some();
        if matches {
            self.with_file(id, |f| {
                f.up.url = Some(rec.upload_url.clone());
                f.up.offset = rec.offset;
                f.up.offset_known = false;
            });
        } else {
            self.resume.remove(&rec.key);
            self.actions.push_back(Action::RemoveResume { key: rec.key });
        }
    }

    /// Send the file's next request, if the bytes-in-flight budget allows.
    pub(crate) fn issue_next(&mut self, id: FileId, now: u64) {
        let caps = self.server.caps.clone().unwrap_or_default();
        let chunk = self.chunk_size();
        let f = &self.files[&id];
        let size = f.upload_size();
        if caps.max_size.is_some_and(|m| size > m) {
            return self.finish(id, Outcome::Skipped(SkipReason::OverSizeLimit), now);
        }
        let source = if f.prepared.is_some() { Source::Prepared } else { Source::Original };
        let budget = self.settings.max_bytes_in_flight.saturating_sub(self.bytes_in_flight);
        let token = &self.settings.token;
        match next_step(f.up.url.is_some(), f.up.offset_known || f.up.url.is_none(), f.up.offset, size, chunk) {
            NextStep::Complete => self.complete(id, now),
            NextStep::Create => {
                let with_body = caps.creation_with_upload && size <= self.settings.creation_with_upload_max && size <= chunk;
                if with_body && size > budget {
                    return;
                }
                let mut headers = base_headers(token, true);
                headers.push((tus::H_UPLOAD_LENGTH.into(), size.to_string()));
                headers.push((tus::H_UPLOAD_METADATA.into(), self.metadata(id)));
                let body = if with_body {
                    headers.push(("Content-Type".into(), tus::OFFSET_CONTENT_TYPE.into()));
                    Body::Slice { file: id, source, start: 0, end: size, checksum: None }
                } else {
                    Body::Empty
                };
                let request = HttpRequest { method: Method::Post, url: self.settings.endpoint.clone(), headers, body };
                let req = self.new_request(ReqKind::Create(id), request, now);
                self.with_file(id, |f| f.up.inflight = Some(req));
            }
            NextStep::Head => {
                let request = HttpRequest {
                    method: Method::Head,
                    url: f.up.url.clone().unwrap_or_default(),
                    headers: base_headers(token, true),
                    body: Body::Empty,
                };
                let req = self.new_request(ReqKind::Head(id), request, now);
                self.with_file(id, |f| f.up.inflight = Some(req));
            }
            NextStep::Patch { start, end } => {
                if end - start > budget {
                    return;
                }
                let mut headers = base_headers(token, true);
                headers.push((tus::H_UPLOAD_OFFSET.into(), start.to_string()));
                headers.push(("Content-Type".into(), tus::OFFSET_CONTENT_TYPE.into()));
                let body = Body::Slice { file: id, source, start, end, checksum: caps.checksum };
                let request = HttpRequest { method: Method::Patch, url: f.up.url.clone().unwrap_or_default(), headers, body };
                let req = self.new_request(ReqKind::Patch(id), request, now);
                self.with_file(id, |f| f.up.inflight = Some(req));
            }
        }
    }

    /// `Upload-Metadata` for a file (contracts.md keys).
    fn metadata(&self, id: FileId) -> String {
        let f = &self.files[&id];
        let mime = f
            .prepared
            .as_ref()
            .and_then(|p| p.mime.clone())
            .or_else(|| (!f.entry.mime.is_empty()).then(|| f.entry.mime.clone()))
            .unwrap_or_else(|| f.facts.as_ref().map(|x| x.format.mime()).unwrap_or("application/octet-stream").to_string());
        let last_modified = f.entry.last_modified.to_string();
        let mut pairs: Vec<(&str, Option<&str>)> = vec![
            (keys::FILENAME, Some(&f.entry.name)),
            (keys::FILETYPE, Some(&mime)),
            (keys::RELATIVE_PATH, Some(&f.entry.relative_path)),
            (keys::LAST_MODIFIED, Some(&last_modified)),
        ];
        if let Some(s) = f.upload_sha() {
            pairs.push((keys::SHA256, Some(s)));
        }
        if f.prepared.is_some() {
            if let Some(s) = &f.sha256 {
                pairs.push((keys::SOURCE_SHA256, Some(s)));
            }
        }
        match &self.settings.album {
            AlbumMode::Folder => {}
            AlbumMode::None => pairs.push((keys::ALBUM, None)),
            AlbumMode::Named(n) => pairs.push((keys::ALBUM, Some(n))),
        }
        tus::encode_metadata(pairs)
    }

    fn on_upload_answer(&mut self, id: FileId, r: &super::scheduler::Req, resp: HttpResponse, now: u64) {
        let head = matches!(r.kind, ReqKind::Head(_));
        let create = matches!(r.kind, ReqKind::Create(_));
        let size = self.files[&id].upload_size();
        match classify(resp.status, r.checksummed, head) {
            StatusClass::Success => {
                if create {
                    let Some(loc) = resp.header("Location") else {
                        return self.retry_later(id, "server answered the creation without a Location".into(), now);
                    };
                    let url = protocol::resolve_url(&r.url, loc);
                    if protocol::is_duplicate(&resp) {
                        self.with_file(id, |f| f.up.url = Some(url));
                        return self.finish(id, Outcome::AlreadyBackedUp, now);
                    }
                    let off = protocol::upload_offset(&resp);
                    let had_body = r.end > r.start;
                    self.with_file(id, |f| {
                        f.up.url = Some(url);
                        match (off, had_body) {
                            (Some(o), _) => {
                                f.up.offset = o;
                                f.up.offset_known = true;
                            }
                            (None, false) => {
                                f.up.offset = 0;
                                f.up.offset_known = true;
                            }
                            (None, true) => f.up.offset_known = false,
                        }
                    });
                    self.progressed(id, now, true);
                    return;
                }
                let Some(off) = protocol::upload_offset(&resp) else {
                    if head {
                        return self.retry_later(id, "server answered HEAD without Upload-Offset".into(), now);
                    }
                    self.with_file(id, |f| f.up.offset_known = false);
                    return;
                };
                if head {
                    let len: Option<u64> = resp.header(tus::H_UPLOAD_LENGTH).and_then(|v| v.parse().ok());
                    if len.is_some_and(|l| l != size) || off > size {
                        // Not our bytes: start a new upload.
                        return self.restart_upload(id, now, false);
                    }
                }
                let before = self.files[&id].up.offset;
                self.with_file(id, |f| {
                    f.up.offset = off.min(size);
                    f.up.offset_known = true;
                });
                self.progressed(id, now, off > before);
            }
            StatusClass::OffsetConflict => {
                self.with_file(id, |f| f.up.offset_known = false);
                self.count_attempt(id, protocol::reason(&resp), now, false);
            }
            StatusClass::ChecksumMismatch => {
                self.count_attempt(id, protocol::reason(&resp), now, false);
            }
            StatusClass::DigestMismatch => self.start_rehash(id, protocol::reason(&resp), now),
            StatusClass::Gone if !create => {
                self.count_attempt(id, protocol::reason(&resp), now, false);
                if self.files[&id].outcome.is_none() {
                    self.restart_upload(id, now, true);
                }
            }
            StatusClass::Transient => {
                let ra = protocol::retry_after_ms(&resp);
                if !create {
                    self.with_file(id, |f| f.up.offset_known = false);
                }
                self.count_attempt_after(id, protocol::reason(&resp), now, ra);
            }
            StatusClass::Unauthorized => {
                if r.end > r.start || !create {
                    self.with_file(id, |f| f.up.offset_known = f.up.url.is_none());
                }
                self.sign_in_needed(now);
            }
            StatusClass::TooLarge => self.finish(id, Outcome::Skipped(SkipReason::OverSizeLimit), now),
            StatusClass::Gone | StatusClass::Fatal => self.fail(id, protocol::reason(&resp)),
        }
    }

    fn on_upload_error(&mut self, id: FileId, r: &super::scheduler::Req, e: NetError, now: u64) {
        let create = matches!(r.kind, ReqKind::Create(_));
        if !create {
            self.with_file(id, |f| f.up.offset_known = false);
        }
        match e {
            NetError::Offline => {
                // No attempt spent; the driver should also report set_online(false).
                let at = now + 1000;
                self.with_file(id, |f| f.up.retry_at = Some(at));
                self.set_timer(at, Timer::Retry(id));
            }
            NetError::Timeout => self.count_attempt_after(id, "the request timed out".into(), now, None),
            NetError::Aborted => self.count_attempt_after(id, "the request was aborted".into(), now, None),
            NetError::Other(m) => self.count_attempt_after(id, format!("network error: {m}"), now, None),
        }
    }

    /// A request reported no progress for the stall timeout: abort it and retry.
    pub(crate) fn on_stalled(&mut self, req: RequestId, now: u64) {
        let Some(r) = self.requests.get(&req).cloned() else { return };
        match r.kind {
            ReqKind::Create(id) | ReqKind::Head(id) | ReqKind::Patch(id) => {
                self.abort_file_request(id, now);
                self.count_attempt_after(id, "the connection stalled".into(), now, None);
            }
            ReqKind::Check(ids) => {
                self.finish_request(req);
                self.actions.push_back(Action::Abort { req });
                self.on_check_response(ids, Err(NetError::Timeout), now);
            }
            ReqKind::Config | ReqKind::Options => {
                self.actions.push_back(Action::Abort { req });
                self.on_response(req, Err(NetError::Timeout), now);
            }
            ReqKind::Delete => {
                self.finish_request(req);
                self.actions.push_back(Action::Abort { req });
            }
        }
    }

    pub(crate) fn on_progress(&mut self, req: RequestId, bytes_sent: u64, now: u64) {
        let Some(r) = self.requests.get_mut(&req) else { return };
        let len = r.end - r.start;
        let sent = bytes_sent.min(len);
        if sent <= r.sent {
            return;
        }
        let delta = sent - r.sent;
        r.sent = sent;
        r.last_progress = now;
        let id = match r.kind {
            ReqKind::Create(id) | ReqKind::Patch(id) => id,
            _ => return,
        };
        self.speed.add(delta, now);
        self.with_file(id, |f| f.up.inflight_sent = sent);
    }

    /// After an answer that may have moved the offset: reset attempts and save the record when
    /// it advanced; finish when everything is there.
    fn progressed(&mut self, id: FileId, now: u64, advanced: bool) {
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
        let (Some(url), Some(sha)) = (f.up.url.clone(), f.upload_sha()) else { return };
        let fp = f.fingerprint();
        let rec = ResumeRecord {
            key: ResumeRecord::progress_key(&self.settings.endpoint, &fp),
            fingerprint: fp,
            endpoint: self.settings.endpoint.clone(),
            upload_url: url,
            offset: f.up.offset,
            upload_size: f.upload_size(),
            upload_sha256: sha.to_string(),
            prepared: f.prepared.is_some(),
            done: false,
            updated_ms: now,
        };
        self.resume.insert(rec.clone());
        self.actions.push_back(Action::SaveResume(rec));
    }

    fn complete(&mut self, id: FileId, now: u64) {
        let note = self.files[&id].note;
        self.finish(id, Outcome::Uploaded(note), now);
    }

    /// A file reaches an outcome: release its slot, replace the progress record by a done
    /// record (uploaded / already backed up), drop the prepared blob.
    pub(crate) fn finish(&mut self, id: FileId, outcome: Outcome, now: u64) {
        self.release(id);
        let f = &self.files[&id];
        let fp = f.fingerprint();
        let ep = self.settings.endpoint.clone();
        let pkey = ResumeRecord::progress_key(&ep, &fp);
        if self.resume.remove(&pkey).is_some() || f.up.url.is_some() {
            self.actions.push_back(Action::RemoveResume { key: pkey });
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
            };
            self.resume.insert(rec.clone());
            self.actions.push_back(Action::SaveResume(rec));
        }
        if f.prepared.is_some() {
            self.actions.push_back(Action::DropPrepared { file: id });
        }
        self.with_file(id, |f| {
            f.stage = Stage::Done;
            f.up.retry_at = None;
            f.up.offset = f.upload_size();
            f.outcome = Some(outcome);
        });
    }

    /// The stored upload is gone (404/410, or not ours): forget it and create a new one from 0.
    fn restart_upload(&mut self, id: FileId, _now: u64, _counted: bool) {
        let fp = self.files[&id].fingerprint();
        let key = ResumeRecord::progress_key(&self.settings.endpoint, &fp);
        if self.resume.remove(&key).is_some() {
            self.actions.push_back(Action::RemoveResume { key });
        }
        self.with_file(id, |f| {
            f.up.url = None;
            f.up.offset = 0;
            f.up.offset_known = true;
        });
    }

    /// One more attempt without progress; retry at once (`immediate`) or fail past the limit.
    fn count_attempt(&mut self, id: FileId, reason: String, now: u64, backoff: bool) {
        let max = self.settings.max_attempts.max(1);
        let attempts = self.with_file(id, |f| {
            f.up.attempts += 1;
            f.up.last_error = Some(reason.clone());
            f.up.attempts
        });
        if attempts.unwrap_or(0) >= max {
            return self.fail(id, reason);
        }
        if backoff {
            let delay = backoff_delay_ms(attempts.unwrap_or(1), self.rng.next_f64());
            let at = now + delay;
            self.with_file(id, |f| f.up.retry_at = Some(at));
            self.set_timer(at, Timer::Retry(id));
        }
    }

    fn count_attempt_after(&mut self, id: FileId, reason: String, now: u64, retry_after: Option<u64>) {
        self.count_attempt(id, reason, now, true);
        if let (Some(ra), Some(f)) = (retry_after, self.files.get(&id)) {
            if let Some(at) = f.up.retry_at {
                let at2 = at.max(now + ra.min(super::retry::BACKOFF_CAP_MS));
                self.with_file(id, |f| f.up.retry_at = Some(at2));
                self.set_timer(at2, Timer::Retry(id));
            }
        }
    }

    fn retry_later(&mut self, id: FileId, reason: String, now: u64) {
        self.count_attempt(id, reason, now, true);
    }

    /// 422: the server's digest of the whole upload did not match what we declared. Hash the
    /// original again: changed → start over, unchanged → fail with the server's reason.
    fn start_rehash(&mut self, id: FileId, reason: String, now: u64) {
        self.restart_upload(id, now, false);
        self.release(id);
        self.with_file(id, |f| {
            f.stage = Stage::Rehashing;
            f.up.digest_mismatch = Some(reason);
        });
        self.actions.push_back(Action::Hash { file: id });
    }

    pub(crate) fn on_rehashed(&mut self, id: FileId, sha: Result<String, String>, now: u64) {
        let f = &self.files[&id];
        let reason = f.up.digest_mismatch.clone().unwrap_or_default();
        match sha {
            Err(e) => self.fail(id, e),
            Ok(s) if Some(s.to_ascii_lowercase()) == f.sha256 => self.fail(id, reason),
            Ok(s) => {
                // The file changed since it was hashed: everything starts again.
                let had_prepared = f.prepared.is_some();
                if had_prepared {
                    self.actions.push_back(Action::DropPrepared { file: id });
                }
                self.with_file(id, |f| {
                    f.sha256 = Some(s.to_ascii_lowercase());
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
