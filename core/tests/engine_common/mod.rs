//! Test harness for the engine: virtual time, files with known (or virtual) content, a
//! scripted HTTP port ("expect this request, answer with that") and an in-memory tus server
//! (`FakeTus`) for the long-running scenarios.
#![allow(dead_code, unused_imports)]
use shoebox_core::engine::*;
use shoebox_core::facts::{FileFacts, Format, MediaKind};
use shoebox_core::hash::sha256_hex;
use shoebox_core::tus;
use std::collections::{HashMap, VecDeque};

pub const EP: &str = "http://s.test/files/";

mod content;
pub use content::*;

pub fn photo_facts() -> FileFacts {
    FileFacts {
        kind: MediaKind::Photo,
        format: Format::Jpeg,
        width: Some(4000),
        height: Some(3000),
        orientation: Some(1),
        captured_at: None,
        ..FileFacts::other()
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
        ..FileFacts::other()
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
    pub probes_asked: Vec<FileId>,
    pub prepares_asked: Vec<FileId>,
    pub dropped_prepared: Vec<FileId>,
    /// Thumbnails the engine asked for: (file, source, width, height, the PUT to send).
    pub thumbnails: Vec<(FileId, Source, u32, u32, HttpRequest)>,
    /// Chunk digests asked ahead of their PATCH: (file, start, end, algorithm).
    pub digests: Vec<(FileId, u64, u64, ChecksumAlgo)>,
    /// Answer Inspect/Hash/Prepare immediately (else they queue in `local`).
    pub auto_local: bool,
    /// Answer each Thumbnail as done immediately (else they wait in `thumbs_open`).
    pub auto_thumbs: bool,
    pub thumbs_open: VecDeque<FileId>,
    pub local: VecDeque<Action>,
    pub events: Vec<Event>,
    /// Largest bytes-in-flight seen.
    pub max_in_flight: u64,
    /// Content changes (for 422 tests): file → new content returned by the next Hash.
    pub rehash_content: HashMap<FileId, Content>,
    /// What the engine asked to keep for a later export batch (the driver's IndexedDB store).
    pub kept: std::collections::BTreeMap<String, String>,
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
            probes_asked: Vec::new(),
            prepares_asked: Vec::new(),
            dropped_prepared: Vec::new(),
            thumbnails: Vec::new(),
            digests: Vec::new(),
            auto_local: true,
            auto_thumbs: true,
            thumbs_open: VecDeque::new(),
            local: VecDeque::new(),
            events: Vec::new(),
            max_in_flight: 0,
            rehash_content: HashMap::new(),
            kept: Default::default(),
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
            album: None,
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
                album: None,
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
            if self.auto_thumbs {
                if let Some(file) = self.thumbs_open.pop_front() {
                    self.e.handle_thumbnail_done(file, self.now);
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
            Action::KeepTakeout { put, forget } => {
                self.kept.extend(put);
                for path in forget {
                    self.kept.remove(&path);
                }
            }
            Action::Digest { file, start, end, algo, .. } => self.digests.push((file, start, end, algo)),
            Action::Thumbnail { file, source, video, width, height, request } => {
                assert!(!self.dropped_prepared.contains(&file), "a thumbnail is asked before its prepared blob is dropped");
                assert_eq!(video, (width, height) == (0, 0), "a video and only a video leaves the size to its frame");
                self.thumbnails.push((file, source, width, height, request));
                self.thumbs_open.push_back(file);
            }
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
                    Some(p) => PrepareOutcome::Prepared { size: p.size(), sha256: p.sha(), mime: "image/jpeg".into() },
                    None => PrepareOutcome::KeepOriginal { reason: shoebox_core::facts::KeepReason::NotSmaller },
                };
                self.e.handle_prepared(file, out, now);
            }
            Action::Probe { file, ranges } => {
                self.probes_asked.push(file);
                let p = self.files[&file].content.probe(ranges);
                self.e.handle_probed(file, Ok(p), now);
            }
            Action::ReadTakeout { file, max_bytes } => {
                let c = &self.files[&file].content;
                let bytes = c.slice(0, c.size().min(max_bytes)).ok_or(shoebox_core::failure::FailReason::Unreadable);
                self.e.handle_takeout_read(file, bytes, now);
            }
            Action::ReadRange { file, start, len } => {
                let c = &self.files[&file].content;
                let end = (start + len).min(c.size());
                let bytes = c.slice(start.min(end), end).ok_or(shoebox_core::failure::FailReason::Unreadable);
                self.e.handle_range(file, start, bytes, now);
            }
            Action::ArchiveEntries { archive, entries } => self.add_archive_entries(archive, entries),
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

pub mod archive;
pub mod fake_tus;
pub mod script;
pub use fake_tus::*;
