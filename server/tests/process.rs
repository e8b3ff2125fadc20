//! The real binary: the startup line with `--listen 127.0.0.1:0`, the default token kept in the
//! data folder, tokens from the environment, `--help`, and kill -9 then restart mid-upload.
mod common;
use common::http::{head_bytes, patch, request, tus_headers};
use common::process::{binary, ServerProcess};
use common::*;
use shoebox_core::hash::sha256_hex;
use std::io::Write;
use std::net::TcpStream;
use std::time::Duration;

#[test]
fn startup_line_shows_the_bound_address_and_a_persistent_default_token() {
    let dir = tempfile::tempdir().unwrap();
    let first = ServerProcess::start(dir.path(), &[], &[]);
    assert!(first.line.starts_with("Shoebox is running: open http://127.0.0.1:"), "{}", first.line);
    assert_ne!(first.addr.port(), 0);
    let token = first.token.clone().expect("?token= in the startup line");
    assert!(token.len() >= 16);
    let r = request(first.addr, "GET", "/api/v1/config", &[("Authorization", format!("Bearer {token}"))], b"");
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(request(first.addr, "GET", "/api/v1/config", &[], b"").status, 401);
    drop(first);
    assert_eq!(std::fs::read_to_string(dir.path().join("default-token")).unwrap().trim(), token);
    let again = ServerProcess::start(dir.path(), &[], &[]);
    assert_eq!(again.token.as_deref(), Some(token.as_str()), "the app URL survives a restart");
}

#[test]
fn tokens_from_flags_and_environment() {
    let dir = tempfile::tempdir().unwrap();
    let p = ServerProcess::start(dir.path(), &[], &[("SHOEBOX_TOKENS", "alice:alice-secret-1,bob:bob-secret-22")]);
    assert_eq!(p.token, None, "no default token when tokens are configured: {}", p.line);
    for t in ["alice-secret-1", "bob-secret-22"] {
        assert_eq!(request(p.addr, "GET", "/api/v1/media", &[("Authorization", format!("Bearer {t}"))], b"").status, 200);
    }
    drop(p);
    let p = ServerProcess::start(dir.path(), &["--token", "carol:carol-secret-3", "--limits", "google"], &[]);
    let r = request(p.addr, "GET", "/api/v1/config", &[("Authorization", "Bearer carol-secret-3".into())], b"");
    assert!(r.text().contains("\"google\""), "{}", r.text());
    assert_eq!(request(p.addr, "GET", "/api/v1/media", &[("Authorization", "Bearer alice-secret-1".into())], b"").status, 401);
}

#[test]
fn help_explains_every_flag() {
    let out = std::process::Command::new(binary()).arg("--help").output().unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    for f in
        ["--listen", "--data-dir", "--app-dir", "--token", "--cors-origin", "--upload-expiry", "--max-size", "--chunk-size", "--limits"]
    {
        assert!(help.contains(f), "{f} missing from --help");
    }
    for e in [
        "SHOEBOX_LISTEN",
        "SHOEBOX_DATA_DIR",
        "SHOEBOX_APP_DIR",
        "SHOEBOX_TOKENS",
        "SHOEBOX_CORS_ORIGINS",
        "SHOEBOX_UPLOAD_EXPIRY",
        "SHOEBOX_MAX_SIZE",
        "SHOEBOX_CHUNK_SIZE",
        "SHOEBOX_LIMITS",
    ] {
        assert!(help.contains(e), "{e} missing from --help");
    }
    assert!(help.contains("Shoebox is running: open http://ADDR/?token=TOKEN"));
    assert!(help.contains("port 0") || help.contains("Port 0"));
}

#[test]
fn kill_9_mid_upload_then_restart_resumes_at_the_durable_offset() {
    let dir = tempfile::tempdir().unwrap();
    let args = ["--token", "alice:alice-token-0001"];
    let mut p = ServerProcess::start(dir.path(), &args, &[]);
    let data = bytes(3_000_000, 41);
    let sha = sha256_hex(&data);
    let mut h = tus_headers(ALICE);
    h.push(("Upload-Length", data.len().to_string()));
    h.push(("Upload-Metadata", shoebox_core::tus::encode_metadata([("sha256", Some(sha.as_str()))])));
    let r = request(p.addr, "POST", "/files/", &h, b"");
    assert_eq!(r.status, 201);
    let loc = r.h("location").unwrap().to_string();
    assert_eq!(patch(p.addr, &loc, 0, &data[..1_000_000]).status, 204);
    assert_eq!(patch(p.addr, &loc, 1_000_000, &data[1_000_000..2_000_000]).status, 204);
    // A third PATCH is mid-body when the server is killed.
    let mut c = TcpStream::connect(p.addr).unwrap();
    let mut h = tus_headers(ALICE);
    h.push(("Upload-Offset", "2000000".into()));
    h.push(("Content-Type", "application/offset+octet-stream".into()));
    c.write_all(&head_bytes("PATCH", &loc, &h, Some(1_000_000))).unwrap();
    c.write_all(&data[2_000_000..2_400_000]).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    p.kill9();
    drop(c);

    let p = ServerProcess::start(dir.path(), &args, &[]);
    let r = request(p.addr, "HEAD", &loc, &tus_headers(ALICE), b"");
    assert_eq!(r.status, 200);
    let off: usize = r.h("upload-offset").unwrap().parse().unwrap();
    assert!((2_000_000..=2_400_000).contains(&off), "offset {off}");
    let r = patch(p.addr, &loc, off, &data[off..]);
    assert_eq!(r.status, 204, "{}", r.text());
    let got = request(p.addr, "GET", &format!("/api/v1/media/{sha}"), &[("Authorization", format!("Bearer {ALICE}"))], b"");
    assert_eq!(got.status, 200);
    assert_eq!(sha256_hex(&got.body), sha);
    // After the restart the completed upload still answers HEAD as complete.
    let r = request(p.addr, "HEAD", &loc, &tus_headers(ALICE), b"");
    assert_eq!(r.h("upload-offset"), Some("3000000"));
}
