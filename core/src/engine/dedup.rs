//! Dedup: batched `POST /api/v1/media/check` (at most 10,000 digests per call, one call at a
//! time, so batches grow while one is out), when the server's config says it has it.
use super::file::Stage;
use super::http::*;
use super::parts::ReqKind;
use super::requests;
use super::types::*;
use super::Engine;
use crate::api::{CheckResponse, Probe, MAX_CHECK_DIGESTS};
use crate::facts::Outcome;
use std::collections::HashSet;

impl Engine {
    pub(crate) fn pump_check(&mut self, now: u64) {
        if self.server.checking || !self.can_transfer() {
            return;
        }
        let mut ids = Vec::new();
        let mut digests = Vec::new();
        let mut probes = Vec::new();
        while ids.len() < MAX_CHECK_DIGESTS {
            let Some(id) = self.q.check.pop_front() else { break };
            let Some(f) = self.files.get(&id) else { continue };
            if f.stage != Stage::CheckQueued || f.paused {
                continue;
            }
            match (&f.sha256, &f.probe) {
                (Some(sha), _) => digests.push(sha.clone()),
                (None, Some(probe)) => probes.push(Probe { size: f.entry.size, probe: probe.clone() }),
                (None, None) => continue,
            }
            self.with_file(id, |f| f.stage = Stage::Checking);
            ids.push(id);
        }
        if ids.is_empty() {
            return;
        }
        let request = requests::check(&self.settings, digests, probes);
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
        let lower = |v: Vec<String>| v.into_iter().map(|s| s.to_ascii_lowercase()).collect::<HashSet<String>>();
        let answer: Option<(HashSet<String>, HashSet<String>)> = match &result {
            Ok(r) if (200..300).contains(&r.status) => {
                serde_json::from_str::<CheckResponse>(&r.body).ok().map(|c| (lower(c.present), lower(c.probable)))
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
            let f = &self.files[&id];
            if f.sha256.is_none() {
                // A probed file: only a match means it may be a duplicate. Without an answer
                // it goes anyway: the server still stores one copy of each content.
                if answer.as_ref().is_some_and(|(_, probable)| f.probe.as_ref().is_some_and(|p| probable.contains(p))) {
                    self.hash_first(id);
                } else {
                    self.probe_missed(id);
                }
                continue;
            }
            let has = answer.as_ref().is_some_and(|(p, _)| f.sha256.as_ref().is_some_and(|s| p.contains(s)));
            if has {
                self.finish(id, Outcome::AlreadyBackedUp, now);
            } else {
                self.after_check(id);
            }
        }
    }
}
