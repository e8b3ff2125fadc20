//! Secrets never reach the log: the real binary, with every log level on (RUST_LOG=trace),
//! is sent its default token in the startup URL's `?token=`, as a Bearer header, a wrong
//! token, the metrics token and a signed URL's signature; stderr (the log) holds none of
//! them, while the startup line on stdout still carries the default token, as it must.
mod common;
use common::http::request;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

const METRICS: &str = "metrics-secret-token-77";
const WRONG: &str = "wrong-secret-token-1234";
const SIG: &str = "c2lnbmF0dXJlLXNlY3JldC14eXo";

#[test]
fn tokens_and_signatures_never_appear_in_the_log() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("stderr.log");
    let data = dir.path().join("data");
    let mut child = Command::new(common::process::binary())
        .args(["--listen", "127.0.0.1:0", "--metrics-token", METRICS, "--data-dir"])
        .arg(&data)
        .env_remove("SHOEBOX_TOKENS")
        .env("RUST_LOG", "trace")
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let url = line.trim().strip_prefix("Shoebox is running: open http://").unwrap().to_string();
    let (addr, token) = url.split_once("/?token=").expect("a default token in the startup URL");
    let (addr, token): (std::net::SocketAddr, String) = (addr.parse().unwrap(), token.to_string());
    let bearer = |t: &str| vec![("Authorization", format!("Bearer {t}"))];

    assert_eq!(request(addr, "GET", &format!("/?token={token}"), &[], b"").status, 404, "no app folder here");
    assert_eq!(request(addr, "GET", &format!("/some/route?token={token}"), &[], b"").status, 404);
    assert_eq!(request(addr, "GET", "/api/v1/media", &bearer(&token), b"").status, 200);
    assert_eq!(request(addr, "GET", "/api/v1/media", &bearer(WRONG), b"").status, 401);
    assert_eq!(request(addr, "GET", "/metrics", &bearer(METRICS), b"").status, 200);
    let blob = format!("/api/v1/blob/thumb/{}?e=4000000000&sig={SIG}", "a".repeat(64));
    assert!(request(addr, "GET", &blob, &[], b"").status >= 400);
    let mut h = common::http::tus_headers(&token);
    h.push(("Upload-Length", "not-a-number".into()));
    assert_eq!(request(addr, "POST", "/files/", &h, b"").status, 400);
    let _ = child.kill();
    let _ = child.wait();

    let text = std::fs::read_to_string(&log).unwrap();
    assert!(text.contains("started processing request"), "the log was on (trace) and saw the requests:\n{text}");
    for secret in [token.as_str(), METRICS, WRONG, SIG] {
        assert!(!text.contains(secret), "{secret} appears in the log:\n{text}");
    }
    assert!(line.contains(&token), "the startup line itself shows the app URL with its token");
}
