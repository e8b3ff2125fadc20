//! The native driver: performs the engine's actions one after another against a real server
//! (Inspect with the photo module's `inspect`, Hash by streaming the file, HTTP over std
//! sockets, one request per connection), with virtual time that jumps to the engine's next
//! timer when nothing is pending; and the few raw HTTP calls the tests make beside it.
use shoebox_core::engine::*;
use shoebox_core::hash::Sha256Stream;
use std::collections::{HashMap, VecDeque};
use std::fs;
use std::io::{Read, Seek, SeekFrom, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The token the engine-against-server tests give their server and every request.
pub const TOKEN: &str = "engine-test-token-1";

pub struct NativeDriver {
    pub engine: Engine,
    /// Where requests really go (a proxy in front of the server, or the server itself).
    pub connect: SocketAddr,
    pub files: HashMap<FileId, PathBuf>,
    pub now: u64,
    pub pending: VecDeque<Action>,
    pub http_count: HashMap<&'static str, u64>,
    /// Probes made, and the `Shoebox-Sha256` values PATCHes declared.
    pub probes: u64,
    pub declared: Vec<String>,
    /// How long a request may wait for its answer (the fault tests stall connections).
    pub read_timeout: Duration,
    /// Upload body bytes sent, answered or not (what a faulty network made it send again).
    pub body_bytes: u64,
    /// When virtual time jumps to the engine's next timer, also wait this long for real (at
    /// most): a server being restarted gets a moment instead of a busy loop of retries.
    pub real_wait: Option<Duration>,
}

impl NativeDriver {
    pub fn new(settings: EngineSettings, connect: SocketAddr) -> Self {
        let mut engine = Engine::new(settings);
        engine.set_workers(2, 1);
        NativeDriver {
            engine,
            connect,
            files: HashMap::new(),
            now: 0,
            pending: VecDeque::new(),
            http_count: HashMap::new(),
            probes: 0,
            declared: Vec::new(),
            read_timeout: Duration::from_secs(30),
            body_bytes: 0,
            real_wait: None,
        }
    }

    /// Walk `root` (the chosen folder) and add every file, with `relativePath` starting with
    /// the folder's own name.
    pub fn add_folder(&mut self, root: &Path) {
        let base = root.parent().unwrap();
        let mut stack = vec![root.to_path_buf()];
        let mut entries = Vec::new();
        while let Some(d) = stack.pop() {
            let mut list: Vec<_> = fs::read_dir(&d).unwrap().map(|e| e.unwrap().path()).collect();
            list.sort();
            for p in list {
                if p.is_dir() {
                    stack.push(p);
                    continue;
                }
                let id = FileId(self.files.len() as u64 + 1);
                let md = fs::metadata(&p).unwrap();
                let rel = p.strip_prefix(base).unwrap().to_string_lossy().replace('\\', "/");
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                let last_modified = md.modified().unwrap().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as i64;
                entries.push(FileEntry { id, relative_path: rel, name, size: md.len(), last_modified, mime: String::new(), album: None });
                self.files.insert(id, p);
            }
        }
        let now = self.now;
        self.engine.add_files(entries, now);
    }

    /// Run until the status is `until` (or panic after too many steps).
    pub fn run_until(&mut self, mut done: impl FnMut(&Status) -> bool) {
        for _ in 0..200_000 {
            while let Some(a) = self.engine.poll_action() {
                self.pending.push_back(a);
            }
            while self.engine.poll_event().is_some() {}
            if let Some(a) = self.pending.pop_front() {
                self.now += 1;
                self.perform(a);
                continue;
            }
            let st = self.engine.status();
            if done(&st) {
                return;
            }
            match self.engine.poll_timeout() {
                Some(t) => {
                    if let Some(w) = self.real_wait {
                        std::thread::sleep(w.min(Duration::from_millis(t.saturating_sub(self.now))));
                    }
                    self.now = self.now.max(t);
                    let now = self.now;
                    self.engine.handle_timeout(now);
                }
                None => panic!("engine idle in status {st:?}"),
            }
        }
        panic!("too many steps: {:?}", self.engine.status());
    }

    pub fn perform(&mut self, a: Action) {
        let now = self.now;
        match a {
            Action::Inspect { file } => {
                let p = &self.files[&file];
                let mut head = vec![0u8; shoebox_core::photo::INSPECT_BYTES];
                let mut f = fs::File::open(p).unwrap();
                let n = read_up_to(&mut f, &mut head);
                let name = p.file_name().unwrap().to_string_lossy();
                let facts = shoebox_core::photo::inspect(&name, &head[..n], fs::metadata(p).unwrap().len());
                self.engine.handle_inspected(file, Ok(facts), now);
            }
            Action::Hash { file } => {
                let mut f = fs::File::open(&self.files[&file]).unwrap();
                let mut h = Sha256Stream::new();
                let mut buf = vec![0u8; 1 << 20];
                loop {
                    let n = f.read(&mut buf).unwrap();
                    if n == 0 {
                        break;
                    }
                    h.update(&buf[..n]);
                }
                self.engine.handle_hashed(file, Ok(h.finish_hex()), now);
            }
            Action::Probe { file, ranges } => {
                self.probes += 1;
                let mut f = fs::File::open(&self.files[&file]).unwrap();
                let mut h = Sha256Stream::new();
                for (start, end) in ranges {
                    let mut buf = vec![0u8; (end - start) as usize];
                    std::io::Seek::seek(&mut f, std::io::SeekFrom::Start(start)).unwrap();
                    f.read_exact(&mut buf).unwrap();
                    h.update(&buf);
                }
                self.engine.handle_probed(file, Ok(h.finish_hex()), now);
            }
            Action::ReadTakeout { file, max_bytes } => {
                let mut bytes = fs::read(&self.files[&file]).unwrap();
                bytes.truncate(max_bytes as usize);
                self.engine.handle_takeout_read(file, Ok(bytes), now);
            }
            Action::ReadRange { file, start, len } => {
                let bytes = fs::read(&self.files[&file]).unwrap();
                let end = ((start + len) as usize).min(bytes.len());
                self.engine.handle_range(file, start, Ok(bytes[(start as usize).min(end)..end].to_vec()), now);
            }
            // This driver is given no archives.
            Action::ArchiveEntries { .. } => self.engine.walk_ended(now),
            // Nothing outlives this driver: what an export batch leaves waiting stays in its engine.
            Action::KeepTakeout { .. } => {}
            Action::Prepare { file, .. } => {
                self.engine.handle_prepared(
                    file,
                    PrepareOutcome::KeepOriginal { reason: shoebox_core::facts::KeepReason::Unsupported },
                    now,
                );
            }
            Action::Http { req, request } => {
                *self.http_count.entry(request.method.as_str()).or_default() += 1;
                self.declared.extend(request.header(shoebox_core::tus::H_SHOEBOX_SHA256).map(str::to_string));
                let body = match &request.body {
                    Body::Empty => Vec::new(),
                    Body::Json(j) => j.clone().into_bytes(),
                    Body::Slice { file, start, end, checksum, .. } => {
                        let mut f = fs::File::open(&self.files[file]).unwrap();
                        f.seek(SeekFrom::Start(*start)).unwrap();
                        let mut b = vec![0u8; (*end - *start) as usize];
                        f.read_exact(&mut b).unwrap();
                        if let Some(algo) = checksum {
                            // Shoebox's server offers crc32c first; sha256 where a test's
                            // driver declares only that.
                            let d = match algo {
                                ChecksumAlgo::Crc32c => shoebox_core::tus::crc32c_digest(&b).to_vec(),
                                ChecksumAlgo::Sha256 => {
                                    use sha2::Digest;
                                    sha2::Sha256::digest(&b).to_vec()
                                }
                                other => panic!("the native driver does not digest {other:?}"),
                            };
                            let mut request = request.clone();
                            request.headers.push(("Upload-Checksum".into(), algo.header_value(&d)));
                            self.body_bytes += b.len() as u64;
                            let result = send_timeout(self.connect, &request, &b, self.read_timeout);
                            if result.is_ok() {
                                self.engine.handle_progress(req, b.len() as u64, now);
                            }
                            self.engine.handle_response(req, result, now);
                            return;
                        }
                        b
                    }
                };
                if matches!(request.body, Body::Slice { .. }) {
                    self.body_bytes += body.len() as u64;
                }
                let result = send_timeout(self.connect, &request, &body, self.read_timeout);
                if result.is_ok() && !body.is_empty() {
                    self.engine.handle_progress(req, body.len() as u64, now);
                }
                self.engine.handle_response(req, result, now);
            }
            Action::Abort { .. }
            | Action::SaveResume(_)
            | Action::RemoveResume { .. }
            | Action::DropPrepared { .. }
            | Action::Digest { .. } => {}
            // Not made here (no decoder in this driver): answered, so the next may go.
            Action::Thumbnail { file, .. } => self.engine.handle_thumbnail_done(file, now),
        }
    }
}

pub fn read_up_to(f: &mut fs::File, buf: &mut [u8]) -> usize {
    let mut n = 0;
    while n < buf.len() {
        match f.read(&mut buf[n..]).unwrap() {
            0 => break,
            k => n += k,
        }
    }
    n
}

/// One HTTP/1.1 request over a fresh connection (`Connection: close`).
pub fn send(addr: SocketAddr, r: &HttpRequest, body: &[u8]) -> Result<HttpResponse, NetError> {
    send_timeout(addr, r, body, Duration::from_secs(30))
}

/// [`send`], giving up when the answer has not come within `timeout` (a stalled connection).
pub fn send_timeout(addr: SocketAddr, r: &HttpRequest, body: &[u8], timeout: Duration) -> Result<HttpResponse, NetError> {
    let err = |e: std::io::Error| NetError::Other(e.to_string());
    let path = match r.url.find("://") {
        Some(i) => {
            let rest = &r.url[i + 3..];
            rest.find('/').map(|j| rest[j..].to_string()).unwrap_or_else(|| "/".into())
        }
        None => r.url.clone(),
    };
    let mut c = TcpStream::connect(addr).map_err(err)?;
    c.set_read_timeout(Some(timeout)).ok();
    c.set_write_timeout(Some(timeout)).ok();
    let mut head = format!("{} {} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n", r.method.as_str(), path);
    for (k, v) in &r.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if !matches!(r.method, Method::Get | Method::Head | Method::Options | Method::Delete) || !body.is_empty() {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    c.write_all(head.as_bytes()).map_err(err)?;
    c.write_all(body).map_err(err)?;
    let mut raw = Vec::new();
    c.read_to_end(&mut raw).map_err(err)?;
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").ok_or_else(|| NetError::Other("truncated response".into()))?;
    let text = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = text.split("\r\n");
    let status: u16 = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| NetError::Other("bad status line".into()))?;
    let headers: Vec<(String, String)> =
        lines.filter_map(|l| l.split_once(':')).map(|(k, v)| (k.trim().to_string(), v.trim().to_string())).collect();
    let mut body = raw[split + 4..].to_vec();
    if headers.iter().any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked")) {
        body = dechunk(&body);
    }
    if r.method == Method::Head {
        body.clear();
    }
    Ok(HttpResponse { status, headers, body: String::from_utf8_lossy(&body).into_owned() })
}

pub fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = b.windows(2).position(|w| w == b"\r\n") {
        let n = usize::from_str_radix(std::str::from_utf8(&b[..eol]).unwrap_or("0").split(';').next().unwrap().trim(), 16).unwrap_or(0);
        if n == 0 || b.len() < eol + 2 + n {
            break;
        }
        out.extend_from_slice(&b[eol + 2..eol + 2 + n]);
        b = &b[(eol + 4 + n).min(b.len())..];
    }
    out
}

pub fn get(addr: SocketAddr, path: &str) -> (u16, Vec<u8>) {
    let r = HttpRequest {
        method: Method::Get,
        url: path.into(),
        headers: vec![("Authorization".into(), format!("Bearer {TOKEN}"))],
        body: Body::Empty,
    };
    // Binary bodies: read raw.
    let mut c = TcpStream::connect(addr).unwrap();
    let head = format!("GET {} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nAuthorization: Bearer {TOKEN}\r\n\r\n", r.url);
    c.write_all(head.as_bytes()).unwrap();
    let mut raw = Vec::new();
    c.read_to_end(&mut raw).unwrap();
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let text = String::from_utf8_lossy(&raw[..split]).into_owned();
    let status = text.split(' ').nth(1).unwrap().parse().unwrap();
    let mut body = raw[split + 4..].to_vec();
    if text.to_ascii_lowercase().contains("transfer-encoding: chunked") {
        body = dechunk(&body);
    }
    (status, body)
}

pub fn metric(addr: SocketAddr, name: &str, filter: &str) -> u64 {
    let (_, b) = get(addr, "/metrics");
    String::from_utf8_lossy(&b)
        .lines()
        .filter(|l| l.starts_with(name) && l.contains(filter))
        .filter_map(|l| l.rsplit(' ').next().and_then(|v| v.parse::<f64>().ok()))
        .sum::<f64>() as u64
}

// ---- the folder ----------------------------------------------------------------------------
