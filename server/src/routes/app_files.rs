//! Everything not routed elsewhere: the built app from --app-dir (index.html for unknown
//! paths, so client-side routes load the app), but a plain 404 under /api/ and /files/ so
//! API clients never mistake the app page for an answer.
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
    match svc.oneshot(req).await {
        Ok(res) => res.into_response(),
        Err(e) => match e {},
    }
}
