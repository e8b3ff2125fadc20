#!/bin/sh
# The one benchmark command (not part of the test command): builds the app as it ships
# (`trunk build --release`) and the release server, runs every benchmark natively and in
# headless Chromium, each beside its anchors in the same run, and rewrites the figures part of
# BENCHMARKS.md. Everything it makes goes to target/bench (gitignored); large inputs are made
# once under the system temp folder (shoebox-bench-cache, 100,000-file trees) and reused.
# Usage: scripts/bench.sh [--quick]   (--quick: fewer rounds and a 512 MiB upload, ~10 min)
set -eu
cd "$(dirname "$0")/.."
QUICK=""
[ "${1:-}" = "--quick" ] && QUICK=--quick
export PATH="$PWD/tests/js/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
B=target/bench
FIX=target/fixtures
rm -rf $B/outputs $B/*.txt $B/*.json
mkdir -p $B
say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# The machine, before anything runs (load average again at the end).
{
  echo "STARTED=$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "COMMIT=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!BENCHMARKS.md' || echo ', with uncommitted changes')"
  echo "CPU=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)"
  echo "CORES=$(nproc)"
  echo "MEM=$(awk '/MemTotal/ { printf "%.0f GiB RAM", $2 / 1048576 }' /proc/meminfo)"
  echo "CHROMIUM=$(/usr/bin/chromium --version 2>/dev/null | sed 's/ built on.*//')"
  echo "LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)"
} > $B/machine.env

if [ ! -d tests/js/node_modules/pica ] || [ tests/js/package-lock.json -nt tests/js/node_modules/.package-lock.json ]; then
  say "npm ci in tests/js (playwright-core, tus-js-client, pica, browser-image-compression, hash-wasm)"
  (cd tests/js && npm ci --no-audit --no-fund --loglevel=error)
fi

say "Building the app as it ships: trunk build --release (app: opt-level z + fat LTO; hash and codec workers: the worker profile)"
trunk build --release --dist $B/dist
say "Building the release server, its bench examples, and the native SSIM and prepare tools"
cargo build --release -q -p shoebox-server --bin shoebox-server --example bench_upload --example seed_library --example bench_previews
cargo build --release -q -p shoebox-core --features prepare --example ssim --example prepare_timing
[ -f $FIX/folder24/IMG_0007.jpg ] || cargo run --release -q -p shoebox-fixtures -- $FIX --big

# The benchmark page: our two worker builds straight from the dist (hashing runs on the hash
# worker, downsizing on the codec worker, as in the app), the anchors' libraries from node_modules.
NM=tests/js/node_modules
rm -rf $B/page && mkdir -p $B/page/wasm $B/page/lib
cp tests/js/bench/bench.html tests/js/bench/bench.js tests/js/bench/anchors.js tests/js/bench/canvas-worker.js tests/js/bench/hash-worker.js $B/page/
cp $B/dist/hashworker.js $B/dist/hashworker_bg.wasm $B/dist/worker.js $B/dist/worker_bg.wasm $B/page/wasm/
cp $NM/pica/dist/pica.min.js $NM/browser-image-compression/dist/browser-image-compression.js $B/page/lib/
cp $NM/hash-wasm/dist/sha256.umd.min.js $B/page/lib/hash-wasm-sha256.umd.min.js
# The upload anchors are served by shoebox-server itself, beside the app (same origin, no CORS).
rm -rf $B/site && cp -r $B/dist $B/site && mkdir -p $B/site/bench-lib
cp tests/js/bench/upload-bench.html tests/js/bench/upload-bench.js $B/site/
cp $NM/tus-js-client/dist/tus.min.js $B/site/bench-lib/

say "Native: the server's raw PUT vs tus (bench_upload), our prepare stage by stage"
if [ -n "$QUICK" ]; then set -- 256 1; else set -- 1024 3; fi
target/release/examples/bench_upload "$1" "$2" "$PWD/$B/native-upload-data" | tee $B/native-upload.txt
for p in 24mp 48mp; do target/release/examples/prepare_timing $FIX/$p.jpg; done | tee $B/native-prepare.txt
say "Native: the server's HEIC, RAW and 4K video previews beside the command-line tools (heif-convert, dcraw, ffmpeg)"
if [ -n "$QUICK" ]; then set -- 1; else set -- 3; fi
target/release/examples/bench_previews "${TMPDIR:-/tmp}/shoebox-bench-cache/previews" "$1" | tee $B/native-previews.txt

say "Chromium: downsizing, the pool and hashing beside their anchors"
SHOEBOX_SSIM_BIN=target/release/examples/ssim node tests/js/bench/run.mjs "$PWD/$B/page" "$PWD/$FIX" $B/browser.json "" $QUICK

export SHOEBOX_SERVER_BIN="$PWD/target/release/shoebox-server" SHOEBOX_SEED_BIN="$PWD/target/release/examples/seed_library"
say "Chromium: uploading (ours through the app, tus-js-client, one raw PATCH)"
SHOEBOX_APP_DIR="$PWD/$B/site" node tests/js/bench/upload.mjs $B/upload.json $QUICK

RUNS=3
[ -n "$QUICK" ] && RUNS=1
say "Chromium: planning 100,000 files, Chromium's listing floor, scrolling a 100,000-item library"
SHOEBOX_APP_DIR="$PWD/$B/dist" node tests/js/bench/many_files.mjs $RUNS | tee $B/many_files.txt
if [ -n "$QUICK" ]; then node tests/js/bench/walk_ceiling.mjs list meta; else node tests/js/bench/walk_ceiling.mjs; fi | tee $B/walk.txt
SHOEBOX_APP_DIR="$PWD/$B/dist" node tests/js/bench/library_scroll.mjs $RUNS | tee $B/scroll.txt

echo "LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)" >> $B/machine.env
node tests/js/bench/report.mjs $B BENCHMARKS.md
say "BENCHMARKS.md rewritten (raw results in $B/*.json, *.txt)"
