//! Dedup: batched `POST /api/v1/media/check` (at most 10,000 digests per call, one call at a
//! time, so batches grow while one is out), when the server's config says it has it.
use super::file::Stage;
use super::http::*;
use super::parts::ReqKind;
use super::requests;
use super::types::*;
use super::Engine;
use crate::api::{CheckResponse, MAX_CHECK_DIGESTS};
use crate::facts::Outcome;
use std::collections::HashSet;

impl Engine {
    pub(crate) fn pump_check(&mut self, now: u64) {
        if self.server.checking || !self.can_transfer() {
            return;
        }
        let mut ids = Vec::new();
        let mut digests = Vec::new();
        while ids.len() < MAX_CHECK_DIGESTS {
            let Some(id) = self.q.check.pop_front() else { break };
            let Some(f) = self.files.get(&id) else { continue };
            if f.stage != Stage::CheckQueued || f.paused {
                continue;
            }
            let Some(sha) = f.sha256.clone() else { continue };
            self.with_file(id, |f| f.stage = Stage::Checking);
            ids.push(id);
            digests.push(sha);
        }
        if ids.is_empty() {
            return;
        }
        let request = requests::check(&self.settings, digests);
        self.server.checking = true;
        self.send(ReqKind::Check(ids), request, now);
    }

    /// Put files of an unanswered check back in the queue.
    pub(crate) fn requeue_check(&mut self, ids: Vec<FileId>) {
        self.server.checking = false;
        for id in ids.into_iter().rev() {
            if self.stage(id) == Some(Stage::Checking) {
                self.with_file(id, |f| f.stage = Stage::CheckQueued);
                self.q.check.push_front(id);
            }
        }
    }

    pub(crate) fn on_check_response(&mut self, ids: Vec<FileId>, result: Result<HttpResponse, NetError>, now: u64) {
        self.server.checking = false;
        let present: Option<HashSet<String>> = match &result {
            Ok(r) if (200..300).contains(&r.status) => {
                serde_json::from_str::<CheckResponse>(&r.body).ok().map(|c| c.present.into_iter().map(|s| s.to_ascii_lowercase()).collect())
            }
            Ok(r) if r.status == 401 => {
                self.requeue_check(ids);
                self.sign_in_needed(now);
                return;
            }
            Err(NetError::Offline) => {
                self.requeue_check(ids);
                return;
            }
            // Any other failure: go on without the check (creation still dedups on our server).
            _ => None,
        };
        for id in ids {
            if self.stage(id) != Some(Stage::Checking) {
                continue;
            }
            let has = present.as_ref().is_some_and(|p| self.files[&id].sha256.as_ref().is_some_and(|s| p.contains(s)));
            if has {
                self.finish(id, Outcome::AlreadyBackedUp, now);
            } else {
                self.after_check(id);
            }
        }
    }
}
