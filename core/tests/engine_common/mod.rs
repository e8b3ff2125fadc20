//! Test harness for the engine: virtual time, files with known (or virtual) content, a
//! scripted HTTP port ("expect this request, answer with that") and an in-memory tus server
//! (`FakeTus`) for the long-running scenarios.
#![allow(dead_code)]
use shoebox_core::engine::*;
use shoebox_core::facts::{FileFacts, Format, MediaKind};
use shoebox_core::hash::sha256_hex;
use shoebox_core::tus;
use std::collections::{HashMap, VecDeque};

pub const EP: &str = "http://s.test/files/";

/// A file's bytes: real (small files) or virtual (only size; bytes never materialised).
#[derive(Clone, Debug)]
pub enum Content {
    Bytes(Vec<u8>),
    Virtual { size: u64, digest: String },
}

impl Content {
    pub fn size(&self) -> u64 {
        match self {
            Content::Bytes(b) => b.len() as u64,
            Content::Virtual { size, .. } => *size,
        }
    }
    pub fn sha(&self) -> String {
        match self {
            Content::Bytes(b) => sha256_hex(b),
            Content::Virtual { digest, .. } => digest.clone(),
        }
    }
    pub fn slice(&self, s: u64, e: u64) -> Option<Vec<u8>> {
        match self {
            Content::Bytes(b) => Some(b[s as usize..e as usize].to_vec()),
            Content::Virtual { .. } => None,
        }
    }
}

pub fn bytes(n: usize, seed: u8) -> Vec<u8> {
    (0..n).map(|i| (i as u32).wrapping_mul(2654435761).rotate_left(seed as u32 % 31) as u8 ^ seed).collect()
}

pub fn photo_facts() -> FileFacts {
    FileFacts {
        kind: MediaKind::Photo,
        format: Format::Jpeg,
        width: Some(4000),
        height: Some(3000),
        orientation: Some(1),
        captured_at: None,
        readable: true,
    }
}

pub fn video_facts() -> FileFacts {
    FileFacts {
        kind: MediaKind::Video,
        format: Format::Mp4,
        width: None,
        height: None,
        orientation: None,
        captured_at: None,
        readable: true,
    }
}

pub fn ok(status: u16) -> HttpResponse {
    HttpResponse::new(status).with_header("Tus-Resumable", "1.0.0")
}

/// OPTIONS answer of a full-featured server.
pub fn options_full() -> HttpResponse {
    HttpResponse::new(204)
        .with_header("Tus-Version", "1.0.0")
        .with_header("Tus-Extension", "creation,creation-with-upload,termination,checksum,expiration")
        .with_header("Tus-Checksum-Algorithm", "sha1,sha256")
        .with_header("Tus-Max-Size", "10000000000")
}

/// OPTIONS answer of a bare server (creation only, like @tus/server without extras).
pub fn options_bare() -> HttpResponse {
    HttpResponse::new(204).with_header("Tus-Version", "1.0.0").with_header("Tus-Extension", "creation")
}

pub fn config_json(dedup: bool, chunk: u64) -> HttpResponse {
    HttpResponse::new(200).with_body(&format!(
        r#"{{"tusEndpoint":"/files/","chunkSize":{chunk},"limits":{{"name":"seed","maxPhotoBytes":75000000,"maxPhotoPixels":100000000,"maxVideoBytes":10000000000,"minPhotoSide":0}},"dedup":{dedup}}}"#
    ))
}

pub struct FileDef {
    pub entry: FileEntry,
    pub content: Content,
    pub facts: FileFacts,
    /// Prepared output (when Prepare is asked).
    pub prepared: Option<Content>,
}

/// The harness.
pub struct H {
    pub e: Engine,
    pub now: u64,
    pub files: HashMap<FileId, FileDef>,
    /// HTTP requests the engine sent and nobody answered yet, in order.
    pub http: VecDeque<(RequestId, HttpRequest)>,
    pub aborted: Vec<RequestId>,
    pub store: HashMap<String, ResumeRecord>,
    pub saves: Vec<ResumeRecord>,
    pub removes: Vec<String>,
    pub hashes_asked: Vec<FileId>,
    pub prepares_asked: Vec<FileId>,
    pub dropped_prepared: Vec<FileId>,
    /// Answer Inspect/Hash/Prepare immediately (else they queue in `local`).
    pub auto_local: bool,
    pub local: VecDeque<Action>,
    pub events: Vec<Event>,
    /// Largest bytes-in-flight seen.
    pub max_in_flight: u64,
    /// Content changes (for 422 tests): file → new content returned by the next Hash.
    pub rehash_content: HashMap<FileId, Content>,
}

impl H {
    pub fn new(settings: EngineSettings) -> H {
        let mut e = Engine::new(settings);
        e.set_workers(2, 2);
        H {
            e,
            now: 1_000,
            files: HashMap::new(),
            http: VecDeque::new(),
            aborted: Vec::new(),
            store: HashMap::new(),
            saves: Vec::new(),
            removes: Vec::new(),
            hashes_asked: Vec::new(),
            prepares_asked: Vec::new(),
            dropped_prepared: Vec::new(),
            auto_local: true,
            local: VecDeque::new(),
            events: Vec::new(),
            max_in_flight: 0,
            rehash_content: HashMap::new(),
        }
    }

    pub fn settings() -> EngineSettings {
        EngineSettings { endpoint: EP.into(), token: Some("tok".into()), ..Default::default() }
    }

    pub fn add(&mut self, id: u64, path: &str, content: Content, facts: FileFacts) -> FileId {
        let fid = FileId(id);
        let name = path.rsplit('/').next().unwrap().to_string();
        let entry = FileEntry {
            id: fid,
            relative_path: path.into(),
            name,
            size: content.size(),
            last_modified: 1_700_000_000_000 + id as i64,
            mime: String::new(),
        };
        self.files.insert(fid, FileDef { entry: entry.clone(), content, facts, prepared: None });
        let now = self.now;
        self.e.add_files(vec![entry], now);
        self.drain();
        fid
    }

    pub fn add_many(&mut self, defs: Vec<(u64, String, Content, FileFacts)>) {
        let mut entries = Vec::new();
        for (id, path, content, facts) in defs {
            let fid = FileId(id);
            let name = path.rsplit('/').next().unwrap().to_string();
            let entry = FileEntry {
                id: fid,
                relative_path: path.clone(),
                name,
                size: content.size(),
                last_modified: 1_700_000_000_000 + id as i64,
                mime: "image/jpeg".into(),
            };
            self.files.insert(fid, FileDef { entry: entry.clone(), content, facts, prepared: None });
            entries.push(entry);
        }
        let now = self.now;
        self.e.add_files(entries, now);
        self.drain();
    }

    /// The bytes a body refers to (None for virtual content).
    pub fn body_bytes(&self, body: &Body) -> Option<Vec<u8>> {
        match body {
            Body::Slice { file, source, start, end, .. } => {
                let d = &self.files[file];
                let c = match source {
                    Source::Original => &d.content,
                    Source::Prepared => d.prepared.as_ref().expect("prepared content"),
                };
                c.slice(*start, *end)
            }
            _ => Some(Vec::new()),
        }
    }

    /// Perform every pending action: local ones (if auto), HTTP ones into `self.http`.
    pub fn drain(&mut self) {
        loop {
            let mut did = false;
            while let Some(a) = self.e.poll_action() {
                did = true;
                self.perform(a);
            }
            while let Some(ev) = self.e.poll_event() {
                self.events.push(ev);
            }
            self.max_in_flight = self.max_in_flight.max(self.e.bytes_in_flight());
            if self.auto_local {
                if let Some(a) = self.local.pop_front() {
                    self.answer_local(a);
                    did = true;
                }
            }
            if !did {
                break;
            }
        }
    }

    fn perform(&mut self, a: Action) {
        match a {
            Action::Http { req, request } => self.http.push_back((req, request)),
            Action::Abort { req } => {
                self.aborted.push(req);
                self.http.retain(|(r, _)| *r != req);
            }
            Action::SaveResume(r) => {
                self.saves.push(r.clone());
                self.store.insert(r.key.clone(), r);
            }
            Action::RemoveResume { key } => {
                self.removes.push(key.clone());
                self.store.remove(&key);
            }
            Action::DropPrepared { file } => self.dropped_prepared.push(file),
            other => {
                if let Action::Hash { file } = &other {
                    self.hashes_asked.push(*file);
                }
                if let Action::Prepare { file, .. } = &other {
                    self.prepares_asked.push(*file);
                }
                self.local.push_back(other)
            }
        }
    }

    pub fn answer_local(&mut self, a: Action) {
        let now = self.now;
        match a {
            Action::Inspect { file } => {
                let f = self.files[&file].facts.clone();
                self.e.handle_inspected(file, Ok(f), now);
            }
            Action::Hash { file } => {
                if let Some(c) = self.rehash_content.remove(&file) {
                    self.files.get_mut(&file).unwrap().content = c;
                }
                let s = self.files[&file].content.sha();
                self.e.handle_hashed(file, Ok(s), now);
            }
            Action::Prepare { file, .. } => {
                let out = match &self.files[&file].prepared {
                    Some(p) => PrepareOutcome::Prepared { size: p.size(), sha256: p.sha(), mime: None },
                    None => PrepareOutcome::KeepOriginal { reason: "not smaller".into() },
                };
                self.e.handle_prepared(file, out, now);
            }
            _ => unreachable!(),
        }
    }

    /// Pop the next HTTP request, asserting its method (and returning it).
    pub fn expect(&mut self, m: Method) -> (RequestId, HttpRequest) {
        self.drain();
        let (req, r) =
            self.http.pop_front().unwrap_or_else(|| panic!("expected a {m:?}, no request pending (status {:?})", self.e.status()));
        assert_eq!(r.method, m, "expected {m:?}, got {} {}", r.method.as_str(), r.url);
        (req, r)
    }

    pub fn answer(&mut self, req: RequestId, resp: Result<HttpResponse, NetError>) {
        let now = self.now;
        self.e.handle_response(req, resp, now);
        self.drain();
    }

    pub fn progress(&mut self, req: RequestId, sent: u64) {
        let now = self.now;
        self.e.handle_progress(req, sent, now);
        self.drain();
    }

    /// Move virtual time forward, firing timers on the way.
    pub fn advance(&mut self, ms: u64) {
        let end = self.now + ms;
        while let Some(t) = self.e.poll_timeout() {
            if t > end {
                break;
            }
            self.now = self.now.max(t);
            let now = self.now;
            self.e.handle_timeout(now);
            self.drain();
        }
        self.now = end;
        let now = self.now;
        self.e.handle_timeout(now);
        self.drain();
    }

    /// Jump to the next timer.
    pub fn fire_next_timer(&mut self) -> Option<u64> {
        let t = self.e.poll_timeout()?;
        self.now = self.now.max(t);
        let now = self.now;
        self.e.handle_timeout(now);
        self.drain();
        Some(t)
    }

    /// Fire timers until a request is pending (or no timer is left).
    pub fn run_until_request(&mut self) {
        self.drain();
        while self.http.is_empty() {
            if self.fire_next_timer().is_none() {
                break;
            }
        }
    }

    /// Answer config and OPTIONS (the first two requests).
    pub fn handshake(&mut self, config: HttpResponse, options: HttpResponse) {
        let (c, cr) = self.expect(Method::Get);
        assert!(cr.url.ends_with("/api/v1/config"), "{}", cr.url);
        let (o, or) = self.expect(Method::Options);
        assert_eq!(or.url, EP);
        self.answer(c, Ok(config));
        self.answer(o, Ok(options));
    }

    pub fn start(&mut self) {
        let now = self.now;
        self.e.start(now);
        self.drain();
    }

    pub fn view(&self, id: FileId) -> FileView {
        self.e.file_view(id).unwrap()
    }

    pub fn is_pending(&self) -> bool {
        !self.http.is_empty()
    }
}

pub fn meta(req: &HttpRequest) -> HashMap<String, String> {
    tus::decode_metadata(req.header("Upload-Metadata").unwrap_or("")).unwrap().into_iter().collect()
}

// ---------------------------------------------------------------------------------------------
// An in-memory tus server that answers like ours (contracts.md), with knobs.

#[derive(Clone, Debug, Default)]
pub struct Stored {
    pub len: u64,
    pub data: Vec<u8>,
    pub offset: u64,
    pub sha: Option<String>,
    pub source_sha: Option<String>,
    pub done: bool,
}

#[derive(Default)]
pub struct FakeTus {
    pub uploads: HashMap<String, Stored>,
    pub next: u64,
    /// sha256 / sourceSha256 of completed uploads.
    pub have: std::collections::HashSet<String>,
    pub patches: u64,
    pub received: u64,
    pub relative_location: bool,
    pub dedup: bool,
    pub checksum: bool,
    /// Track data only for real content (virtual content: offsets only).
    pub keep_bytes: bool,
    pub completed: Vec<Stored>,
}

impl FakeTus {
    pub fn new() -> Self {
        FakeTus { dedup: true, keep_bytes: true, ..Default::default() }
    }

    /// Process a request. `body` is the slice bytes (None for virtual content); `body_len` its
    /// length; `deliver` how many body bytes arrive before the connection drops (None: all).
    /// Returns None when the connection dropped (the client sees a network error).
    pub fn handle(&mut self, r: &HttpRequest, body: Option<Vec<u8>>, deliver: Option<u64>) -> Option<HttpResponse> {
        let path = r.url.clone();
        let body_len = r.body.slice_len();
        let take = deliver.unwrap_or(body_len).min(body_len);
        match r.method {
            Method::Options => Some(if self.checksum {
                options_full()
            } else {
                options_full().with_header("Tus-Extension", "creation,creation-with-upload,termination")
            }),
            Method::Get => Some(config_json(self.dedup, 8 * 1024 * 1024)),
            Method::Post if path.ends_with("/api/v1/media/check") => {
                let Body::Json(j) = &r.body else { panic!() };
                let req: shoebox_core::api::CheckRequest = serde_json::from_str(j).unwrap();
                let present: Vec<String> = req.sha256.into_iter().filter(|s| self.have.contains(s)).collect();
                Some(HttpResponse::new(200).with_body(&serde_json::to_string(&shoebox_core::api::CheckResponse { present }).unwrap()))
            }
            Method::Post => {
                let m = meta(r);
                let len: u64 = r.header("Upload-Length").unwrap().parse().unwrap();
                let sha = m.get("sha256").cloned();
                let src = m.get("sourceSha256").cloned();
                let dup = sha.as_ref().is_some_and(|s| self.have.contains(s)) || src.as_ref().is_some_and(|s| self.have.contains(s));
                self.next += 1;
                let id = format!("u{}", self.next);
                let loc = if self.relative_location { id.clone() } else { format!("{EP}{id}") };
                if dup {
                    self.uploads
                        .insert(format!("{EP}{id}"), Stored { len, offset: len, done: true, sha, source_sha: src, ..Default::default() });
                    return Some(
                        ok(201)
                            .with_header("Location", &loc)
                            .with_header("Upload-Offset", &len.to_string())
                            .with_header("Upload-Duplicate", "?1"),
                    );
                }
                let mut st = Stored { len, sha, source_sha: src, ..Default::default() };
                if body_len > 0 {
                    self.received += take;
                    if self.keep_bytes {
                        if let Some(b) = &body {
                            st.data.extend_from_slice(&b[..take as usize]);
                        }
                    }
                    st.offset = take;
                }
                let key = format!("{EP}{id}");
                let fin = self.maybe_finish(&mut st);
                if fin.is_none() {
                    self.uploads.insert(key, st.clone());
                }
                if deliver.is_some() && take < body_len {
                    return None;
                }
                if let Some(resp) = fin {
                    return Some(resp);
                }
                Some(ok(201).with_header("Location", &loc).with_header("Upload-Offset", &st.offset.to_string()))
            }
            Method::Head => {
                let Some(st) = self.uploads.get(&path) else { return Some(ok(404)) };
                Some(ok(200).with_header("Upload-Offset", &st.offset.to_string()).with_header("Upload-Length", &st.len.to_string()))
            }
            Method::Patch => {
                self.patches += 1;
                let Some(mut st) = self.uploads.get(&path).cloned() else { return Some(ok(404)) };
                let off: u64 = r.header("Upload-Offset").unwrap().parse().unwrap();
                if off != st.offset {
                    return Some(ok(409));
                }
                self.received += take;
                if self.keep_bytes {
                    if let Some(b) = &body {
                        st.data.extend_from_slice(&b[..take as usize]);
                    }
                }
                st.offset += take;
                let fin = self.maybe_finish(&mut st);
                if fin.is_some() {
                    self.uploads.remove(&path);
                } else {
                    self.uploads.insert(path, st.clone());
                }
                if deliver.is_some() && take < body_len {
                    return None;
                }
                if let Some(resp) = fin {
                    return Some(resp);
                }
                Some(ok(204).with_header("Upload-Offset", &st.offset.to_string()))
            }
            Method::Delete => {
                self.uploads.remove(&path);
                Some(ok(204))
            }
        }
    }

    /// On the last byte: verify the declared digest (422 on mismatch), remember the content.
    fn maybe_finish(&mut self, st: &mut Stored) -> Option<HttpResponse> {
        if st.offset != st.len || st.done {
            return None;
        }
        if self.keep_bytes && st.data.len() as u64 == st.len {
            if let Some(s) = &st.sha {
                if sha256_hex(&st.data) != *s {
                    return Some(ok(422).with_body("sha256 mismatch"));
                }
            }
        }
        st.done = true;
        if let Some(s) = &st.sha {
            self.have.insert(s.clone());
        }
        if let Some(s) = &st.source_sha {
            self.have.insert(s.clone());
        }
        self.completed.push(st.clone());
        None
    }
}

/// What goes wrong with one request in an automatic run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    None,
    /// Connection error before the server sees it.
    NetError,
    /// The server gets this many body bytes, then the connection drops.
    DropAfter(u64),
    /// The server processes it fully, the answer is lost.
    LostAnswer,
    /// The server answers this status without processing.
    Status(u16),
    /// Never answered (the engine's stall timer must catch it).
    Hang,
}

impl H {
    /// Run against `srv` until idle: requests are taken in order (or at `pick(len)`), each
    /// suffering `fault(&request)`; `each_ms` of virtual time passes per request.
    pub fn run(
        &mut self,
        srv: &mut FakeTus,
        mut fault: impl FnMut(&HttpRequest) -> Fault,
        mut pick: impl FnMut(usize) -> usize,
        each_ms: u64,
        max_steps: usize,
    ) {
        for _ in 0..max_steps {
            self.drain();
            if self.http.is_empty() {
                if self.fire_next_timer().is_none() {
                    return;
                }
                continue;
            }
            let i = pick(self.http.len()) % self.http.len();
            let (req, r) = self.http.remove(i).unwrap();
            let body = self.body_bytes(&r.body);
            let len = r.body.slice_len();
            self.now += each_ms;
            let f = fault(&r);
            let now = self.now;
            match f {
                Fault::None => {
                    if len > 0 {
                        self.e.handle_progress(req, len, now);
                    }
                    let resp = srv.handle(&r, body, None).unwrap();
                    self.e.handle_response(req, Ok(resp), now);
                }
                Fault::NetError => self.e.handle_response(req, Err(NetError::Other("reset".into())), now),
                Fault::DropAfter(n) => {
                    let n = n.min(len);
                    match srv.handle(&r, body, Some(n)) {
                        None => {
                            if n > 0 {
                                self.e.handle_progress(req, n, now);
                            }
                            self.e.handle_response(req, Err(NetError::Other("dropped".into())), now)
                        }
                        Some(resp) => self.e.handle_response(req, Ok(resp), now),
                    }
                }
                Fault::LostAnswer => {
                    srv.handle(&r, body, None);
                    self.e.handle_response(req, Err(NetError::Timeout), now);
                }
                Fault::Status(s) => self.e.handle_response(req, Ok(ok(s).with_body("injected")), now),
                Fault::Hang => {}
            }
        }
        panic!("did not finish in {max_steps} steps: {:?}", self.e.status());
    }
}
