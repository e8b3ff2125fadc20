//! An in-memory tus server that answers like ours (contracts.md), with knobs, and the
//! automatic run of the engine against it with injected faults.
use super::*;
use shoebox_core::hash::sha256_hex;

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
    /// The config says the server takes probes (`Config::probe`).
    pub probe: bool,
    pub checksum: bool,
    /// Track data only for real content (virtual content: offsets only).
    pub keep_bytes: bool,
    pub completed: Vec<Stored>,
    /// Every creation's metadata, and every Takeout fill (url, JSON body), in order.
    pub creates: Vec<HashMap<String, String>>,
    pub fills: Vec<(String, String)>,
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
            Method::Get if self.probe => Some(
                HttpResponse::new(200)
                    .with_body(&config_json(self.dedup, 8 * 1024 * 1024).body.replace(r#""dedup":true"#, r#""dedup":true,"probe":true"#)),
            ),
            Method::Get => Some(config_json(self.dedup, 8 * 1024 * 1024)),
            Method::Put => Some(HttpResponse::new(204)),
            Method::Post if path.ends_with("/api/v1/media/check") => {
                let Body::Json(j) = &r.body else { panic!() };
                let req: shoebox_core::api::CheckRequest = serde_json::from_str(j).unwrap();
                let present: Vec<String> = req.sha256.into_iter().filter(|s| self.have.contains(s)).collect();
                Some(
                    HttpResponse::new(200)
                        .with_body(&serde_json::to_string(&shoebox_core::api::CheckResponse { present, probable: vec![] }).unwrap()),
                )
            }
            Method::Post if path.ends_with("/takeout") => {
                let Body::Json(j) = &r.body else { panic!() };
                self.fills.push((path, j.clone()));
                Some(HttpResponse::new(200).with_body("{\"dates\":0,\"places\":0,\"albums\":0}"))
            }
            Method::Post => {
                let m = meta(r);
                self.creates.push(m.clone());
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

/// Run every pending request against `srv`, without faults, until nothing is left.
pub fn serve(h: &mut H, srv: &mut FakeTus) {
    h.run(srv, |_| Fault::None, |_| 0, 10, 10_000);
}
