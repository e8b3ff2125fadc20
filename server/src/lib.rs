//! shoebox-server: a durable tus 1.0 server with whole-file verification, per-user
//! content-addressed dedup, bearer-token auth, a SQLite (or, for several nodes, PostgreSQL)
//! media index and Prometheus metrics.
//! `app(state)` builds the whole router, so tests drive it in-process without a port.
//!
//! Where things live, one wing a folder:
//! - `http/`: the edge every request crosses: listener, middleware, CORS, client address,
//!   served types, the error type, metrics.
//! - `routes/`: one handler file per endpoint (`app()` below maps paths to them).
//! - `upload/`: the tus upload lifecycle, from creation to the verified, indexed file.
//! - `accounts/`: who is asking: users and devices, tokens, kiosk profiles and visitor
//!   sessions, sign-in links, signed blob URLs.
//! - `index/`: the media index (what each user has, albums, the Trash) in SQL.
//! - `store/`: where the bytes are: the local disk or an S3 bucket, behind one trait.
//! - `db/`: one SQL interface over SQLite and PostgreSQL, and PostgreSQL's schema.
//! - `integrity/`: verify, scrub, back up and rebuild what is stored.
//! - `background/`: what runs on the server's own clock: expiry and the Trash's purge.
//! - `previews/`: thumbnails of HEIC, RAW and video through sandboxed tools, and video facts.
//! - `config/`: the command line, its values and subcommands, validated into `ServerConfig`.
//! - `commands/`: what the subcommands do (users, purge, verify, migrations to S3/PostgreSQL).
//! - `state.rs` (what every handler is handed), `locks.rs` (one writer per upload or blob),
//!   `thumbs.rs` (library thumbnails), `timefmt.rs` (times as the API writes them).
pub mod accounts;
pub mod background;
pub mod commands;
pub mod config;
pub mod db;
pub mod http;
pub mod index;
pub mod integrity;
pub mod locks;
pub mod previews;
pub mod routes;
pub mod state;
pub mod store;
pub mod thumbs;
pub mod timefmt;
pub mod upload;
pub mod zip;

use axum::extract::DefaultBodyLimit;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::{get, post};
use axum::Router;
use http::{cors, listen, middleware};
use routes::*;
pub use state::AppState;
use tower_http::trace::TraceLayer;

/// The JSON API's largest body: a 10,000-digest check is about 670 kB.
const API_BODY_LIMIT: usize = 4 << 20;

pub fn app(state: AppState) -> Router {
    let upload_url =
        post(method_override::post_upload_url).head(head::head).patch(patch::patch).delete(delete::delete).options(options::options);
    let files = Router::new()
        .route("/files", post(create::create).options(options::options))
        .route("/files/", post(create::create).options(options::options))
        .route("/files/{id}", upload_url)
        .layer(from_fn(middleware::tus_protocol))
        .layer(from_fn_with_state(state.clone(), middleware::require_token))
        // Upload bodies are streamed to storage; their size is bounded by Upload-Length.
        .layer(DefaultBodyLimit::disable());
    let api = Router::new()
        .route("/api/v1/config", get(routes::config::config))
        .route("/api/v1/media/check", post(check::check))
        .route("/api/v1/media", get(media_list::list))
        .route("/api/v1/media/summary", get(media_summary::summary))
        .route("/api/v1/media/trash", post(trash::trash))
        .route("/api/v1/media/restore", post(trash::restore))
        .route("/api/v1/media/trash/restore-all", post(trash::restore_all))
        .route("/api/v1/media/trash/empty", post(trash::empty))
        .route("/api/v1/albums", get(albums::albums).post(album_edit::create))
        .route("/api/v1/albums/rename", post(album_edit::rename))
        .route("/api/v1/albums/add", post(album_edit::add))
        .route("/api/v1/albums/remove", post(album_edit::remove))
        .route("/api/v1/albums/zip", post(album_zip::link))
        .route("/api/v1/visits", get(visits::visits))
        .route("/api/v1/media/{sha256}", get(media_get::get))
        .route("/api/v1/media/{sha256}/takeout", post(takeout_fill::fill))
        .route("/api/v1/media/{sha256}/{variant}", axum::routing::put(thumb_put::put))
        .route("/api/v1/kiosk/sessions", post(kiosk::create))
        .route("/api/v1/kiosk/profile", get(kiosk::profile))
        .route("/api/v1/kiosk/sessions/current", get(kiosk::current).delete(kiosk::end))
        .route("/api/v1/kiosk/sessions/current/phone", post(kiosk::phone))
        .route("/api/v1/kiosk/sessions/current/activity", post(kiosk::activity))
        .route("/api/v1/pair/{code}", get(devices::describe))
        .route("/api/v1/pair/{code}/approve", post(devices::approve))
        .route("/api/v1/devices", get(devices::list))
        .route("/api/v1/devices/current", axum::routing::delete(devices::end_current))
        .route("/api/v1/devices/{id}", axum::routing::delete(devices::revoke))
        .route("/api/v1/devices/{id}/rotate", post(devices::rotate))
        .route("/api/v1/account", get(devices::account))
        .layer(from_fn_with_state(state.clone(), middleware::require_token))
        .layer(from_fn(middleware::no_store))
        .layer(from_fn(http::error::json_errors))
        .layer(DefaultBodyLimit::max(API_BODY_LIMIT));
    // Signed library URLs carry their own credential (an <img> cannot send a Bearer header).
    let signed = Router::new()
        .route("/api/v1/blob/{kind}/{sha256}", get(blob::get))
        .route("/api/v1/zip", get(album_zip::get))
        .layer(from_fn(middleware::no_store))
        .layer(from_fn(http::error::json_errors))
        .layer(DefaultBodyLimit::max(0));
    // Pairing starts, polls and sign-in link exchanges carry no token: a new device has none yet.
    let public = Router::new()
        .route("/api/v1/pair", post(devices::start))
        .route("/api/v1/pair/poll", post(devices::poll))
        .route("/api/v1/signin", post(signin::exchange))
        .layer(from_fn(middleware::no_store))
        .layer(from_fn(http::error::json_errors))
        .layer(DefaultBodyLimit::max(64 * 1024));
    Router::new()
        .merge(public)
        .merge(signed)
        .merge(files)
        .merge(api)
        .route("/metrics", get(routes::metrics::metrics))
        .fallback(app_files::app_files)
        .layer(from_fn_with_state(state.clone(), middleware::count_requests))
        // Spans name the path only: query strings carry signatures and sign-in tokens.
        .layer(TraceLayer::new_for_http().make_span_with(
            |req: &axum::http::Request<axum::body::Body>| tracing::debug_span!("request", method = %req.method(), path = %req.uri().path()),
        ))
        .layer(from_fn_with_state(cors::CorsOrigins::new(&state.config.cors_origins), middleware::cors))
        .with_state(state)
}

/// The line tests and the README's run command look for, with the address actually bound.
pub fn startup_line(addr: std::net::SocketAddr, state: &AppState) -> String {
    match &state.default_token {
        Some(t) => format!("Shoebox is running: open http://{addr}/?token={t}"),
        None => format!("Shoebox is running: open http://{addr}/"),
    }
}

/// Serves on a bound listener until the process ends, with the expiry reaper running, under
/// the connection limits and timeouts of `http/listen.rs`.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    background::reaper::spawn(state.clone());
    previews::probe::spawn(state.clone());
    let limits = listen::Limits::from_config(&state.config);
    listen::serve(listener, app(state), limits).await
}
