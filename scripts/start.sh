#!/usr/bin/env bash
# Builds Shoebox (app in release mode + server) and starts it on 127.0.0.1 with storage in
# ./shoebox-data; prints the address to open. Extra arguments go to shoebox-server.
source "$(dirname "$0")/lib/bootstrap.sh"
bootstrap
cd "$ROOT"
# The server's HEIC and video previews use Debian's decoders; without them it still runs and
# says which previews are off.
if ! command -v ffmpeg >/dev/null || ! command -v heif-convert >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "Installing ffmpeg and libheif-examples (apt-get) for video and HEIC previews"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ffmpeg libheif-examples >/dev/null || true
  else
    echo "Video and HEIC previews need: sudo apt-get install -y ffmpeg libheif-examples" >&2
  fi
fi
say "Building the app (trunk build --release)"
trunk build --release
say "Building the server (cargo build --release -p shoebox-server)"
cargo build --release --quiet -p shoebox-server
say "Starting shoebox-server (Ctrl-C stops it)"
exec "$ROOT/target/release/shoebox-server" --app-dir "$ROOT/dist" --data-dir "${SHOEBOX_DATA_DIR:-$ROOT/shoebox-data}" "$@"
