//! What each answer means. `on_response` routes an answer to its handler; each upload answer
//! kind (created, head, patched) has one handler that reads as a flat list of checks.
use super::http::*;
use super::parts::{Req, ReqKind, Timer};
use super::protocol;
use super::retry::{classify, StatusClass};
use super::types::*;
use super::view::*;
use super::Engine;
use crate::facts::{Outcome, SkipReason};
use crate::failure::FailReason;
use crate::tus;

impl Engine {
    pub(crate) fn on_response(&mut self, req: RequestId, result: Result<HttpResponse, NetError>, now: u64) {
        let Some(r) = self.inflight.finish(req) else { return };
        match r.kind.clone() {
            ReqKind::Config => self.on_config(result, now),
            ReqKind::Options => self.on_options(result, now),
            ReqKind::Check(ids) => self.on_check_response(ids, result, now),
            ReqKind::Delete | ReqKind::Fill => {}
            ReqKind::CarryFill(paths) => self.on_carry_fill(paths, result.as_ref().ok().map(|r| r.status)),
            ReqKind::Create(id) | ReqKind::Head(id) | ReqKind::Patch(id) => {
                if self.files.get(&id).and_then(|f| f.up.inflight) != Some(req) {
                    return;
                }
                // Bytes that went out without progress reports count for the speed.
                if let (Ok(resp), true) = (&result, r.body_len() > 0) {
                    if (200..300).contains(&resp.status) {
                        self.speed.meter.add(r.body_len().saturating_sub(r.sent), now);
                    }
                }
                self.with_file(id, |f| {
                    f.up.inflight = None;
                    f.up.inflight_sent = 0;
                });
                let resp = match result {
                    Ok(resp) => resp,
                    Err(e) => return self.on_upload_error(id, &r, e, now),
                };
                match r.kind {
                    ReqKind::Create(_) => self.on_created(id, &r, resp, now),
                    ReqKind::Head(_) => self.on_head(id, &r, resp, now),
                    _ => self.on_patched(id, &r, resp, now),
                }
            }
        }
    }

    /// The creation POST answered.
    fn on_created(&mut self, id: FileId, r: &Req, resp: HttpResponse, now: u64) {
        if resp.status == 507 {
            // No room for it (quota or disk): not this file's fault; everything waits.
            return self.storage_is_full(protocol::reason(&resp), now);
        }
        let class = classify(resp.status, false, false);
        if class != StatusClass::Success {
            // Nothing exists on the server yet: a 404/410 here is an ordinary failure.
            let class = if class == StatusClass::Gone { StatusClass::Fatal } else { class };
            return self.on_failure_status(id, r, &resp, class, now);
        }
        let Some(loc) = resp.header("Location") else {
            return self.count_attempt(id, FailReason::NoLocation, now, true);
        };
        let url = protocol::resolve_url(&r.url, loc);
        if protocol::is_duplicate(&resp) {
            self.with_file(id, |f| f.up.url = Some(url));
            return self.finish(id, Outcome::AlreadyBackedUp, now);
        }
        let off = protocol::upload_offset(&resp);
        let had_body = r.body_len() > 0;
        self.with_file(id, |f| {
            f.up.url = Some(url);
            match (off, had_body) {
                (Some(o), _) => (f.up.offset, f.up.offset_known) = (o, true),
                // No body and no offset: the upload starts empty.
                (None, false) => (f.up.offset, f.up.offset_known) = (0, true),
                // A body went out but the server did not say how much it kept: ask.
                (None, true) => f.up.offset_known = false,
            }
        });
        self.progressed(id, now, true);
    }

    /// A HEAD answered: the server's offset is the truth.
    fn on_head(&mut self, id: FileId, r: &Req, resp: HttpResponse, now: u64) {
        let class = classify(resp.status, false, true);
        if class != StatusClass::Success {
            return self.on_failure_status(id, r, &resp, class, now);
        }
        let Some(off) = protocol::upload_offset(&resp) else {
            return self.count_attempt(id, FailReason::NoOffset, now, true);
        };
        let size = self.files[&id].upload_size();
        let len: Option<u64> = resp.header(tus::H_UPLOAD_LENGTH).and_then(|v| v.parse().ok());
        if len.is_some_and(|l| l != size) || off > size {
            // Not our bytes: start a new upload.
            return self.restart_upload(id);
        }
        self.set_offset(id, off, now);
    }

    /// A PATCH answered.
    fn on_patched(&mut self, id: FileId, r: &Req, resp: HttpResponse, now: u64) {
        let class = classify(resp.status, r.checksummed, false);
        if class != StatusClass::Success {
            return self.on_failure_status(id, r, &resp, class, now);
        }
        self.chunk_answered(id, r.body_len(), now.saturating_sub(r.started));
        match protocol::upload_offset(&resp) {
            Some(off) => self.set_offset(id, off, now),
            // A success without the offset: ask for it.
            None => {
                self.with_file(id, |f| f.up.offset_known = false);
            }
        }
    }

    /// The server's offset is `off`: keep it (never past the size), note progress.
    fn set_offset(&mut self, id: FileId, off: u64, now: u64) {
        let size = self.files[&id].upload_size();
        let before = self.files[&id].up.offset;
        self.with_file(id, |f| {
            f.up.offset = off.min(size);
            f.up.offset_known = true;
        });
        self.progressed(id, now, off > before);
    }

    /// Any upload answer that is not a success.
    fn on_failure_status(&mut self, id: FileId, r: &Req, resp: &HttpResponse, class: StatusClass, now: u64) {
        let create = matches!(r.kind, ReqKind::Create(_));
        let reason = protocol::reason(resp);
        self.chunk_reset(id);
        match class {
            StatusClass::Success => {}
            StatusClass::OffsetConflict => {
                self.with_file(id, |f| f.up.offset_known = false);
                self.count_attempt(id, reason, now, false);
            }
            StatusClass::ChecksumMismatch => self.count_attempt(id, reason, now, false),
            StatusClass::DigestMismatch => self.start_rehash(id, FailReason::DigestMismatch { detail: protocol::detail(resp) }),
            StatusClass::Gone => {
                self.count_attempt(id, reason, now, false);
                if self.files[&id].outcome.is_none() {
                    self.restart_upload(id);
                }
            }
            StatusClass::Transient => {
                if !create {
                    self.with_file(id, |f| f.up.offset_known = false);
                }
                self.count_attempt_after(id, reason, now, protocol::retry_after_ms(resp));
            }
            StatusClass::Unauthorized => {
                if r.body_len() > 0 || !create {
                    self.with_file(id, |f| f.up.offset_known = f.up.url.is_none());
                }
                self.sign_in_needed(now);
            }
            StatusClass::TooLarge => {
                let size = self.files.get(&id).map_or(0, |f| f.upload_size());
                let limit = self.server.caps.as_ref().and_then(|c| c.max_size);
                self.finish(id, Outcome::Skipped(SkipReason::OverSizeLimit { size, limit }), now)
            }
            StatusClass::Fatal => self.fail(id, reason),
        }
    }

    /// No answer to an upload request.
    fn on_upload_error(&mut self, id: FileId, r: &Req, e: NetError, now: u64) {
        self.chunk_reset(id);
        if !matches!(r.kind, ReqKind::Create(_)) {
            self.with_file(id, |f| f.up.offset_known = false);
        }
        match e {
            NetError::Offline => {
                // No attempt spent; the driver should also report set_online(false).
                let at = now + 1000;
                self.with_file(id, |f| f.up.retry_at = Some(at));
                self.timers.set(at, Timer::Retry(id));
            }
            e => self.count_attempt_after(id, net_reason(e), now, None),
        }
    }

    /// A request reported no progress for the stall timeout: abort it and retry.
    pub(crate) fn on_stalled(&mut self, req: RequestId, now: u64) {
        let Some(r) = self.inflight.get(req).cloned() else { return };
        match r.kind {
            ReqKind::Create(id) | ReqKind::Head(id) | ReqKind::Patch(id) => {
                self.abort_file_request(id);
                self.count_attempt_after(id, FailReason::Stalled, now, None);
            }
            ReqKind::Check(ids) => {
                self.inflight.finish(req);
                self.out.act(Action::Abort { req });
                self.on_check_response(ids, Err(NetError::Timeout), now);
            }
            ReqKind::Config | ReqKind::Options => {
                self.out.act(Action::Abort { req });
                self.on_response(req, Err(NetError::Timeout), now);
            }
            ReqKind::Delete | ReqKind::Fill | ReqKind::CarryFill(_) => {
                self.inflight.finish(req);
                self.out.act(Action::Abort { req });
            }
        }
    }

    pub(crate) fn on_progress(&mut self, req: RequestId, bytes_sent: u64, now: u64) {
        let Some(r) = self.inflight.get_mut(req) else { return };
        let sent = bytes_sent.min(r.body_len());
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
        self.speed.meter.add(delta, now);
        self.with_file(id, |f| f.up.inflight_sent = sent);
    }
}

/// Why a request that got no answer counts as a failed attempt.
fn net_reason(e: NetError) -> FailReason {
    match e {
        NetError::Offline | NetError::Connection => FailReason::Connection,
        NetError::Timeout => FailReason::Timeout,
        NetError::Aborted => FailReason::Aborted,
        NetError::Gone => FailReason::Gone,
        NetError::Worker(fault) => FailReason::Worker { fault },
        NetError::Other(detail) => FailReason::Network { detail },
    }
}
