#!/bin/sh
# Photo pipeline + hashing benchmark in headless Chromium (results in BENCHMARKS.md).
# Builds the worker as Trunk would with the `worker` profile (wasm-bindgen no-modules, wasm-opt -O3)
# plus simd128,
# generates the fixtures (24/48 MP JPEGs, a folder of 24 MP photos, a 1 GiB file), then runs
# tests/js/bench/run.mjs. Everything goes to target/ (gitignored).
# Usage: scripts/bench-photo.sh [runs=5]
set -eu
cd "$(dirname "$0")/.."
OUT=target/bench-photo
FIX=target/fixtures
mkdir -p $OUT/wasm
[ -f $FIX/folder24/IMG_0007.jpg ] || cargo run --release -q -p shoebox-fixtures -- $FIX --big
# A separate target dir: RUSTFLAGS would otherwise invalidate the normal build.
RUSTFLAGS="-C target-feature=+simd128" CARGO_TARGET_DIR=target/bench-simd \
  cargo build --profile worker --target wasm32-unknown-unknown -p shoebox-worker --bin worker
wasm-bindgen --target no-modules --no-typescript --out-dir $OUT/wasm --out-name worker \
  target/bench-simd/wasm32-unknown-unknown/worker/worker.wasm
OPT=tests/js/node_modules/.bin/wasm-opt
if [ -x $OPT ]; then
  $OPT -O3 --enable-simd --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    $OUT/wasm/worker_bg.wasm -o $OUT/wasm/worker_bg.wasm
fi
cp tests/js/bench/bench.html tests/js/bench/*.js $OUT/
[ -d tests/js/node_modules/playwright-core ] || (cd tests/js && npm ci)
node tests/js/bench/run.mjs "$(pwd)/$OUT" "$(pwd)/$FIX" "${1:-5}" | tee $OUT/results.json
