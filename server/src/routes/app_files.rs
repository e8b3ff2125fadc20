//! Everything not routed elsewhere: the built app from --app-dir (index.html for unknown
//! paths, so client-side routes load the app), but a plain 404 under /api/ and /files/ so
//! API clients never mistake the app page for an answer. Every file carries the app's CSP
//! (app_csp.rs).
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

pub async fn app_files(State(state): State<AppState>, req: Request) -> Response {
    let path = req.uri().path();
    if path.starts_with("/api/") || path.starts_with("/files") || !matches!(*req.method(), Method::GET | Method::HEAD) {
        return (StatusCode::NOT_FOUND, "not found").into_response();
    }
    let Some(dir) = state.config.app_dir.clone() else {
        return (
            StatusCode::NOT_FOUND,
            "Shoebox server: no --app-dir given, so no app is served here. The API is at /files/ and /api/v1/.",
        )
            .into_response();
    };
    // ServeDir guesses types from extensions: .wasm → application/wasm, .js → text/javascript.
    let svc = ServeDir::new(&dir).append_index_html_on_directories(true).fallback(ServeFile::new(dir.join("index.html")));
    let immutable = hashed_name(path);
    let visit = holds_a_visit(req.uri().query());
    let mut res = match svc.oneshot(req).await {
        Ok(res) => res.into_response(),
        Err(e) => match e {},
    };
    // Trunk's hashed files never change; every other file (index.html, the workers, sw.js,
    // the manifest) must be revalidated, or a browser's heuristic cache could hand a page the
    // worker of another build.
    // A kiosk's or a phone link's page is never kept: no later visitor gets it back from the
    // HTTP cache or the back/forward cache with a visit in it.
    let value = match (visit, immutable) {
        (true, _) => "no-store",
        (false, true) => "public, max-age=31536000, immutable",
        (false, false) => "no-cache",
    };
    res.headers_mut().insert(axum::http::header::CACHE_CONTROL, axum::http::HeaderValue::from_static(value));
    super::app_csp::set(res.headers_mut(), &dir, state.config.csp_connect_src.as_deref()).await;
    res
}

/// `shoebox-26dfc155b80e3c5f.js`, `app-72550bf87a74e897.css`: a 16-hex-digit content hash.
fn hashed_name(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or("");
    let stem = name.split('.').next().unwrap_or("");
    let hash = stem.rsplit(['-', '_']).find(|p| p.len() == 16);
    hash.is_some_and(|h| h.bytes().all(|b| b.is_ascii_hexdigit())) && !name.is_empty()
}

/// The address opens a kiosk (`?kiosk=NAME`) or a phone's link into a visit (`?visit=TOKEN`).
fn holds_a_visit(query: Option<&str>) -> bool {
    query.unwrap_or("").split('&').any(|kv| matches!(kv.split('=').next(), Some("kiosk" | "visit")))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_kiosk_or_visit_page_is_never_stored() {
        assert!(super::holds_a_visit(Some("kiosk=shop&key=k")));
        assert!(super::holds_a_visit(Some("kiosk=shop")));
        assert!(super::holds_a_visit(Some("visit=abc")));
        for q in [None, Some(""), Some("token=abc"), Some("approve=ABCD-EFGH"), Some("kiosks=1")] {
            assert!(!super::holds_a_visit(q), "{q:?}");
        }
    }

    #[test]
    fn only_trunks_hashed_files_are_immutable() {
        assert!(super::hashed_name("/shoebox-26dfc155b80e3c5f.js"));
        assert!(super::hashed_name("/shoebox-3af8b22d882a7b07_bg.wasm"));
        assert!(super::hashed_name("/app-72550bf87a74e897.css"));
        let workers = ["/hashworker.js", "/hashworker_bg.wasm", "/worker.js", "/worker_bg.wasm"];
        for p in ["/", "/index.html", "/sw.js", "/manifest.webmanifest", "/icons/icon-192.png"].into_iter().chain(workers) {
            assert!(!super::hashed_name(p), "{p}");
        }
    }
}
