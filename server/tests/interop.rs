//! Interop with the reference JavaScript client: runs tests/js/interop/tus_interop.mjs
//! (tus-js-client under node) against a real server process; see that script for the steps.
mod common;
use common::process::ServerProcess;
use std::process::Command;

#[test]
fn tus_js_client_uploads_aborts_resumes_plain_and_parallel() {
    let manifest = std::fs::canonicalize(env!("CARGO_MANIFEST_DIR")).unwrap();
    let root = manifest.parent().unwrap();
    let script = root.join("tests/js/interop/tus_interop.mjs");
    if Command::new("node").arg("--version").output().is_err() {
        eprintln!("SKIPPED tus-js-client interop: `node` is not installed");
        return;
    }
    if !root.join("tests/js/node_modules/tus-js-client").exists() {
        eprintln!("SKIPPED tus-js-client interop: run `npm ci` in tests/js first");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let token = "interop-token-123";
    let p = ServerProcess::start(dir.path(), &["--token", &format!("alice:{token}")], &[]);
    let out =
        Command::new("node").arg(&script).env("SHOEBOX_URL", format!("http://{}", p.addr)).env("SHOEBOX_TOKEN", token).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    println!("{stdout}");
    eprintln!("{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "tus-js-client interop failed:\n{stdout}");
    assert!(stdout.contains("ok plain-chunks") && stdout.contains("ok parallel-2"));
}
