//! Who may read /metrics (routes/metrics.rs): nobody anonymous (401); without a metrics token,
//! full-access tokens only (upload-only, kiosk and visitor tokens get 403); with one, that
//! token only, and it opens nothing else. The flag and its variable on the real binary.
mod common;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::http::request;
use common::process::ServerProcess;
use common::*;
use shoebox_server::accounts::DeviceScope;
use shoebox_server::config::KioskProfile;

const METRICS: &str = "metrics-scraper-token-42";
const KEY: &str = "shop-kiosk-key-0123456789";

fn anonymous() -> Request<Body> {
    Request::get("/metrics").body(Body::empty()).unwrap()
}

fn device(s: &TestServer, scope: DeviceScope) -> String {
    s.state.accounts.add_device("alice", "phone", scope, shoebox_server::timefmt::now_ms(), Some(3_600_000)).unwrap().0
}

async fn visitor(s: &TestServer) -> String {
    let r =
        s.send(Request::post("/api/v1/kiosk/sessions").header("Authorization", format!("Bearer {KEY}")).body(Body::empty()).unwrap()).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    r.json()["token"].as_str().unwrap().to_string()
}

fn with_kiosk(c: &mut shoebox_server::config::ServerConfig) {
    c.kiosks = vec![KioskProfile { name: "shop".into(), user: "alice".into(), key: KEY.into(), ..Default::default() }];
}

#[tokio::test]
async fn metrics_refuse_anonymous_and_unknown_tokens_with_401() {
    let s = TestServer::new();
    let r = s.send(anonymous()).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(r.h("www-authenticate").as_deref(), Some("Bearer"));
    assert!(!r.text().contains("shoebox_"), "no counters leak: {}", r.text());
    for t in ["wrong-token-123", "", METRICS] {
        assert_eq!(s.get_as(t, "/metrics").await.status, StatusCode::UNAUTHORIZED, "{t:?}");
    }
}

#[tokio::test]
async fn without_a_metrics_token_full_access_tokens_read_metrics_and_others_get_403() {
    let s = TestServer::with(with_kiosk);
    for t in [ALICE.to_string(), BOB.to_string(), device(&s, DeviceScope::Full)] {
        let r = s.get_as(&t, "/metrics").await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        assert!(r.text().contains("# TYPE shoebox_http_requests_total counter"));
        assert_eq!(r.h("cache-control").as_deref(), Some("no-store"));
    }
    let v = visitor(&s).await;
    for (who, t) in [("upload-only device", device(&s, DeviceScope::Upload)), ("kiosk key", KEY.to_string()), ("visitor", v)] {
        let r = s.get_as(&t, "/metrics").await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{who}: {}", r.text());
        assert!(r.text().contains("full-access token"), "{who}: {}", r.text());
    }
}

#[tokio::test]
async fn with_a_metrics_token_only_it_reads_metrics_and_it_opens_nothing_else() {
    let s = TestServer::with(|c| {
        with_kiosk(c);
        c.metrics_token = Some(METRICS.into());
    });
    let r = s.get_as(METRICS, "/metrics").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.text().contains("shoebox_received_bytes_total"));
    assert_eq!(s.send(anonymous()).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(s.get_as("metrics-scraper-token-43", "/metrics").await.status, StatusCode::UNAUTHORIZED, "a near miss is unknown");
    for t in [ALICE.to_string(), device(&s, DeviceScope::Upload)] {
        let r = s.get_as(&t, "/metrics").await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
        assert!(r.text().contains("the metrics token"), "{}", r.text());
    }
    // The metrics token is no user's: the library, the API and uploads refuse it.
    for uri in ["/api/v1/media", "/api/v1/config", "/api/v1/devices"] {
        assert_eq!(s.get_as(METRICS, uri).await.status, StatusCode::UNAUTHORIZED, "{uri}");
    }
    assert_eq!(s.create_as(METRICS, 10, &[]).await.status, StatusCode::UNAUTHORIZED);
}

#[test]
fn the_metrics_token_comes_from_the_flag_or_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let bearer = |t: &str| vec![("Authorization", format!("Bearer {t}"))];
    let p = ServerProcess::start(dir.path(), &["--token", "alice:alice-token-0001"], &[("SHOEBOX_METRICS_TOKEN", METRICS)]);
    assert_eq!(request(p.addr, "GET", "/metrics", &bearer(METRICS), b"").status, 200);
    assert_eq!(request(p.addr, "GET", "/metrics", &bearer(ALICE), b"").status, 403);
    assert_eq!(request(p.addr, "GET", "/metrics", &[], b"").status, 401);
    drop(p);
    let p = ServerProcess::start(dir.path(), &["--token", "alice:alice-token-0001", "--metrics-token", METRICS], &[]);
    assert_eq!(request(p.addr, "GET", "/metrics", &bearer(METRICS), b"").status, 200);
    drop(p);
    // Without one, the user's own token reads them (what the end-to-end tests do).
    let p = ServerProcess::start(dir.path(), &["--token", "alice:alice-token-0001"], &[]);
    assert_eq!(request(p.addr, "GET", "/metrics", &bearer(ALICE), b"").status, 200);
    let out = std::process::Command::new(common::process::binary())
        .args(["--listen", "127.0.0.1:0", "--metrics-token", "short", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("too short"));
}

#[test]
fn same_secret_compares_whole_values() {
    use shoebox_server::accounts::auth::same_secret;
    assert!(same_secret(METRICS, METRICS));
    assert!(!same_secret("metrics-scraper-token-4", METRICS), "a prefix is not the secret");
    assert!(!same_secret("", METRICS));
    assert!(!same_secret(&format!("{METRICS}x"), METRICS));
}
