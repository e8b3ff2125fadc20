//! shoebox-server entry point: parse flags, open the data folder, bind, print the app URL, serve.
use clap::Parser;
use shoebox_server::config::{Args, ServerConfig};
use shoebox_server::{serve, startup_line, AppState};
use std::io::Write;

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "shoebox_server=info,tower_http=warn".into()),
        )
        .init();
    let args = Args::parse();
    if let Some(cmd) = args.command.clone() {
        // Commands block (databases, files): off the async runtime's threads.
        let (dir, db, store) = (args.data_dir.clone(), args.database.clone(), args.store.clone());
        let done =
            tokio::task::spawn_blocking(move || shoebox_server::commands::run_with(cmd, &dir, db.as_deref(), store.as_deref())).await;
        match done.unwrap_or_else(|e| Err(e.to_string())) {
            Ok(out) => {
                println!("{out}");
                return;
            }
            Err(e) => fail(&e),
        }
    }
    let listen = args.listen;
    let config = ServerConfig::from_args(args).unwrap_or_else(|e| fail(&e));
    let state = AppState::open(config).unwrap_or_else(|e| fail(&format!("cannot open the data folder: {e}")));
    let listener = tokio::net::TcpListener::bind(listen).await.unwrap_or_else(|e| fail(&format!("cannot listen on {listen}: {e}")));
    let addr = listener.local_addr().unwrap_or(listen);
    // stdout, flushed: scripts and tests read this line to learn the URL and the port.
    println!("{}", startup_line(addr, &state));
    let _ = std::io::stdout().flush();
    // The server runs without the decoding tools; it says which previews that turns off.
    for off in shoebox_server::previews::missing() {
        eprintln!("shoebox-server: {off}");
    }
    if let Err(e) = serve(listener, state).await {
        fail(&format!("server error: {e}"));
    }
}

fn fail(msg: &str) -> ! {
    eprintln!("shoebox-server: {msg}");
    std::process::exit(2);
}
