#!/usr/bin/env bash
# Builds Shoebox (app in release mode + server) and starts it on 127.0.0.1 with storage in
# ./shoebox-data; prints the address to open. Extra arguments go to shoebox-server.
source "$(dirname "$0")/lib/bootstrap.sh"
bootstrap
cd "$ROOT"
say "Building the app (trunk build --release)"
trunk build --release
say "Building the server (cargo build --release -p shoebox-server)"
cargo build --release --quiet -p shoebox-server
say "Starting shoebox-server (Ctrl-C stops it)"
exec "$ROOT/target/release/shoebox-server" --app-dir "$ROOT/dist" --data-dir "${SHOEBOX_DATA_DIR:-$ROOT/shoebox-data}" "$@"
