//! Test helpers: an in-process server (the router driven with `oneshot`), a tiny blocking
//! HTTP/1.1 client for real sockets, and a spawned `shoebox-server` process.
#![allow(dead_code, unused_imports)]
pub mod content;
pub mod fault_proxy;
pub mod http;
pub mod native_driver;
pub mod postgres;
pub mod process;
pub mod s3;

use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use axum::Router;
use shoebox_core::hash::sha256_hex;
use shoebox_core::tus::encode_metadata;
use shoebox_server::config::ServerConfig;
use shoebox_server::{app, AppState};
use tower::ServiceExt;

pub const ALICE: &str = "alice-token-0001";
pub const BOB: &str = "bob-token-000002";

pub struct Resp {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Resp {
    pub fn h(&self, name: &str) -> Option<String> {
        self.headers.get(name).map(|v| v.to_str().unwrap().to_string())
    }
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }
}

pub struct TestServer {
    pub state: AppState,
    pub app: Router,
    pub dir: tempfile::TempDir,
}

/// True when this run's servers store their bytes in S3 (the scale-out suite).
pub fn on_s3() -> bool {
    std::env::var("SHOEBOX_TEST_STORE").is_ok_and(|v| v == "s3")
}

pub fn config(dir: &std::path::Path) -> ServerConfig {
    let mut c = ServerConfig::new(dir);
    c.tokens = vec![("alice".into(), ALICE.into()), ("bob".into(), BOB.into())];
    // The scale-out suite (scripts/test.sh) runs the same tests over a real S3-compatible store.
    if on_s3() {
        c.store = Some(s3::store());
    }
    c
}

impl TestServer {
    pub fn new() -> Self {
        Self::with(|_| {})
    }
    pub fn with(f: impl FnOnce(&mut ServerConfig)) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let mut c = config(dir.path());
        if postgres::wanted() {
            c.database = Some(postgres::database());
        }
        f(&mut c);
        let state = AppState::open(c).unwrap();
        TestServer { app: app(state.clone()), state, dir }
    }

    /// What the store holds under `area` ("blobs", "uploads", "thumbs"): files of the data
    /// folder, or object keys in the bucket when the suite runs over S3.
    pub fn stored(&self, area: &str) -> Vec<String> {
        match &self.state.config.store {
            Some(url) => shoebox_server::store::s3::S3Store::open(url).unwrap().list_objects(area).unwrap(),
            None => files_under(&self.dir.path().join(area)).iter().map(|p| p.display().to_string()).collect(),
        }
    }

    /// A server on a fresh PostgreSQL database (whatever SHOEBOX_TEST_DATABASE says).
    /// A server with one kiosk profile: `name` uploading for `user`, opened with `key`.
    pub fn with_kiosk(name: &str, user: &str, key: &str) -> Self {
        Self::with(|c| {
            c.kiosks =
                vec![shoebox_server::config::KioskProfile { name: name.into(), user: user.into(), key: key.into(), ..Default::default() }]
        })
    }

    pub fn postgres(f: impl FnOnce(&mut ServerConfig)) -> Self {
        let url = postgres::database();
        Self::with(|c| {
            c.database = Some(url);
            f(c)
        })
    }

    pub async fn send(&self, req: Request<Body>) -> Resp {
        let res = self.app.clone().oneshot(req).await.unwrap();
        let (parts, body) = res.into_parts();
        let body = http_body_util::BodyExt::collect(body).await.unwrap().to_bytes().to_vec();
        Resp { status: parts.status, headers: parts.headers, body }
    }

    /// A tus request as alice.
    pub fn tus(&self, method: Method, uri: &str) -> axum::http::request::Builder {
        Request::builder().method(method).uri(uri).header("Authorization", format!("Bearer {ALICE}")).header("Tus-Resumable", "1.0.0")
    }

    pub async fn create_as(&self, token: &str, len: u64, meta: &[(&str, &str)]) -> Resp {
        let md = encode_metadata(meta.iter().map(|(k, v)| (*k, Some(*v))));
        let mut b = Request::post("/files/")
            .header("Authorization", format!("Bearer {token}"))
            .header("Tus-Resumable", "1.0.0")
            .header("Upload-Length", len);
        if !md.is_empty() {
            b = b.header("Upload-Metadata", md);
        }
        self.send(b.body(Body::empty()).unwrap()).await
    }

    /// Creates an upload as alice and returns its Location.
    pub async fn create(&self, len: u64, meta: &[(&str, &str)]) -> String {
        let r = self.create_as(ALICE, len, meta).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
        r.h("location").unwrap()
    }

    pub async fn patch_as(&self, token: &str, loc: &str, offset: u64, bytes: &[u8]) -> Resp {
        let req = Request::patch(loc)
            .header("Authorization", format!("Bearer {token}"))
            .header("Tus-Resumable", "1.0.0")
            .header("Upload-Offset", offset)
            .header("Content-Type", "application/offset+octet-stream")
            .body(Body::from(bytes.to_vec()))
            .unwrap();
        self.send(req).await
    }
    pub async fn patch(&self, loc: &str, offset: u64, bytes: &[u8]) -> Resp {
        self.patch_as(ALICE, loc, offset, bytes).await
    }

    pub async fn head_as(&self, token: &str, loc: &str) -> Resp {
        self.send(
            Request::head(loc)
                .header("Authorization", format!("Bearer {token}"))
                .header("Tus-Resumable", "1.0.0")
                .body(Body::empty())
                .unwrap(),
        )
        .await
    }
    pub async fn head(&self, loc: &str) -> Resp {
        self.head_as(ALICE, loc).await
    }

    pub async fn get_as(&self, token: &str, uri: &str) -> Resp {
        self.send(Request::get(uri).header("Authorization", format!("Bearer {token}")).body(Body::empty()).unwrap()).await
    }
    pub async fn get(&self, uri: &str) -> Resp {
        self.get_as(ALICE, uri).await
    }

    /// Uploads `bytes` as alice in `chunk`-sized PATCHes, declaring sha256; returns the Location.
    pub async fn upload(&self, bytes: &[u8], chunk: usize, meta: &[(&str, &str)]) -> String {
        let sha = sha256_hex(bytes);
        let mut m: Vec<(&str, &str)> = meta.to_vec();
        m.push(("sha256", &sha));
        let loc = self.create(bytes.len() as u64, &m).await;
        let mut off = 0;
        for c in bytes.chunks(chunk.max(1)) {
            let r = self.patch(&loc, off as u64, c).await;
            assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
            off += c.len();
        }
        loc
    }

    /// Exchanges the sign-in link on the last line of `user add`/`user link`'s output (its
    /// `?signin=` code) for a device token, as the app does.
    pub async fn sign_in_by_link(&self, cli_output: &str) -> String {
        let code = cli_output.lines().last().unwrap().split("?signin=").nth(1).expect("a ?signin= link").to_string();
        let req = Request::post("/api/v1/signin")
            .header("Content-Type", "application/json")
            .body(Body::from(serde_json::json!({"code": code}).to_string()))
            .unwrap();
        let r = self.send(req).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        r.json()["token"].as_str().unwrap().to_string()
    }

    pub async fn metric(&self, name: &str) -> f64 {
        let r = self.get("/metrics").await;
        metric_value(&r.text(), name)
    }
}

/// The value of one sample line (`name` includes labels when they matter), 0 when absent.
pub fn metric_value(text: &str, name: &str) -> f64 {
    text.lines().find_map(|l| l.strip_prefix(name).and_then(|r| r.strip_prefix(' ')).map(|v| v.trim().parse().unwrap())).unwrap_or(0.0)
}

/// A JSON POST with a bearer token.
pub fn post_json(token: &str, uri: &str, body: serde_json::Value) -> Request<Body> {
    Request::post(uri)
        .header("Authorization", format!("Bearer {token}"))
        .header("Content-Type", "application/json")
        .body(Body::from(body.to_string()))
        .unwrap()
}

/// The library as `token` sees it: every item of the first page of up to 1000.
pub async fn items(s: &TestServer, token: &str) -> Vec<serde_json::Value> {
    s.get_as(token, "/api/v1/media?limit=1000").await.json()["items"].as_array().unwrap().clone()
}

/// A GET without credentials (what an `<img>` or a download sends), with an optional Range.
pub async fn anon(s: &TestServer, uri: &str, range: Option<&str>) -> Resp {
    let mut b = Request::get(uri);
    if let Some(r) = range {
        b = b.header("Range", r);
    }
    s.send(b.body(Body::empty()).unwrap()).await
}

/// A file's probe (`shoebox_core::hash::probe_ranges`), as a client computes it.
pub fn probe(bytes: &[u8]) -> String {
    let [(a, b), (c, d)] = shoebox_core::hash::probe_ranges(bytes.len() as u64);
    sha256_hex(&[&bytes[a as usize..b as usize], &bytes[c as usize..d as usize]].concat())
}

/// Deterministic pseudo-random bytes (xorshift), so failures reproduce.
pub fn bytes(n: usize, seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

/// Every file under `dir`, recursively.
pub fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(files_under(&p))
            } else {
                out.push(p)
            }
        }
    }
    out
}
