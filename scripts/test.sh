#!/usr/bin/env bash
# Runs every Shoebox test: native unit and integration tests of all crates, browser tests
# (wasm-bindgen-test in headless Chromium), and end-to-end tests (Playwright driving
# /usr/bin/chromium against a real server). Prints one summary line per suite; exits non-zero
# on any failure. Needs chromium and chromium-driver (Debian packages; .ci/run installs them).
source "$(dirname "$0")/lib/bootstrap.sh"
bootstrap
ensure_tuswsgi
ensure_seaweedfs
cd "$ROOT"
for tool in chromium chromedriver; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install -y chromium chromium-driver" >&2; exit 1; }
done
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
LOGS="$ROOT/target/test-logs"
mkdir -p "$LOGS"
declare -a SUMMARY=()
FAILED=0

# Sum cargo's "test result:" lines into "N passed, M failed".
cargo_counts() {
  awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
       END { printf "%d passed, %d failed", p, f }' "$1"
}

run_suite() { # name, log, command...
  local name="$1" log="$2"; shift 2
  say "Running $name tests"
  # The free space before each suite: a disk filling up shows here, not as a suite's odd failures.
  df -h "$ROOT" | awk 'NR == 2 { print "disk: " $4 " free" }'
  set +e
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  set -e
  echo "$rc" > "$log.rc"
  return 0
}

record() { # name, log, counts
  local rc; rc="$(cat "$2.rc")"
  [ "$rc" = 0 ] || FAILED=1
  SUMMARY+=("$1: $3$([ "$rc" = 0 ] || echo " (exit $rc)")")
}

# Lint: formatting (rustfmt.toml) and clippy, natively and for the wasm crates, warnings denied,
# so a newcomer's first edit does not reformat half a file.
LINT_PASS=0
LINT_FAIL=0
lint() { # name, command...
  local name="$1"; shift
  say "Lint: $name"
  if "$@" > "$LOGS/lint-$name.log" 2>&1; then LINT_PASS=$((LINT_PASS + 1)); else LINT_FAIL=$((LINT_FAIL + 1)); tail -n 40 "$LOGS/lint-$name.log"; fi
}
lint rustfmt cargo fmt --all -- --check
# No import cycles between files of a crate (scripts/check_layout.py), and proof the check
# itself still catches one.
lint layout python3 scripts/check_layout.py
lint layout-self-test python3 scripts/check_layout.py --self-test
lint clippy cargo clippy --workspace --all-targets --quiet -- -D warnings
lint clippy-wasm cargo clippy --target wasm32-unknown-unknown -p shoebox -p shoebox-worker --all-targets --quiet -- -D warnings
# The hash worker as Trunk builds it (index.html: no default features, so no photo codecs).
lint clippy-hashworker cargo clippy --target wasm32-unknown-unknown -p shoebox-worker --no-default-features --lib --bins --quiet -- -D warnings
# Every native crate's tests also build alone (`cargo test -p CRATE`): features unified by the
# workspace build must not hide a missing one. `check` is enough to prove it, and cheap.
for crate in shoebox-core shoebox-server shoebox-fixtures shoebox-locales; do
  lint "alone-$crate" cargo check -p "$crate" --all-targets --quiet
done
# Every word a person reads is in src/strings*: the check proves it can catch one, then scans.
lint strings-self-test python3 scripts/check_strings.py --self-test
lint strings python3 scripts/check_strings.py
[ "$LINT_FAIL" = 0 ] || FAILED=1
SUMMARY+=("lint: $LINT_PASS passed, $LINT_FAIL failed")

# --no-fail-fast: one failing test binary must not hide the others' results.
run_suite "native (cargo test --workspace)" "$LOGS/native.log" cargo test --workspace --no-fail-fast
record "native" "$LOGS/native.log" "$(cargo_counts "$LOGS/native.log")"

# Scale-out: the in-process server suites again, with the bytes in a real S3-compatible store
# (SeaweedFS, tests/common/s3.rs) and the index, accounts and sessions in a real PostgreSQL
# (a throwaway cluster, tests/common/postgres.rs). The two-node, migrate and store-backend
# tests run in the native suite above; the two-node browser test with the end-to-end tests.
# The test binaries the native suite built are run directly: a second `cargo test` with other
# target filters would unify features differently and rebuild every crate (minutes).
SCALE_OUT="tus durability concat api api_access bad_input library library_blobs library_zones user_content kiosk accounts cors metrics_auth trust pairing_limits previews heic_grid live_photos sidecars live_ids samsung_motion motion_h264 probes takeout kiosk_visits"
scale_out() {
  local bins
  bins="$(cargo test --workspace --no-run --message-format=json 2>/dev/null | python3 -c '
import json, sys
want = set(sys.argv[1].split())
for line in sys.stdin:
    m = json.loads(line)
    t = m.get("target", {})
    if m.get("reason") == "compiler-artifact" and t.get("kind") == ["test"] and t.get("name") in want and m.get("executable"):
        print(m["executable"])' "$SCALE_OUT")"
  [ "$(echo "$bins" | grep -c .)" = "$(echo "$SCALE_OUT" | wc -w)" ] || { echo "scale-out: test binaries not found: $bins"; return 1; }
  local rc=0 weedlogs="$LOGS/weed"
  rm -rf "$weedlogs"
  # A binary gets 15 minutes (they take seconds to a minute): a store that stops answering must
  # fail its binary, not use up the whole run.
  for b in $bins; do
    (cd "$ROOT/server" && SHOEBOX_TEST_STORE=s3 SHOEBOX_TEST_DATABASE=postgres SHOEBOX_WEED_LOGS="$weedlogs" timeout 900 "$b") || rc=1
  done
  if [ "$rc" != 0 ]; then
    # What SeaweedFS reported (errors), and the disk, for a run that cannot be repeated by hand.
    df -h "${TMPDIR:-/tmp}" "$ROOT" | sed 's/^/disk: /'
    for f in "$weedlogs"/*.log; do
      [ -e "$f" ] || continue
      grep -a -E '^[EF][0-9]{4} ' "$f" | tail -n 10 | sed "s|^|$(basename "$f"): |"
    done
  fi
  return $rc
}
run_suite "scale-out (server suites over S3 + PostgreSQL)" "$LOGS/scale-out.log" scale_out
record "scale-out" "$LOGS/scale-out.log" "$(cargo_counts "$LOGS/scale-out.log")"

run_suite "browser (wasm-bindgen-test in headless Chromium)" "$LOGS/browser.log" \
  cargo test --target wasm32-unknown-unknown -p shoebox -p shoebox-worker --tests
record "browser" "$LOGS/browser.log" "$(cargo_counts "$LOGS/browser.log")"

say "Building the app for end-to-end tests (trunk, profile ci-release) and the server"
DIST="$ROOT/target/dist-e2e"
set +e
trunk build --release --cargo-profile ci-release --dist "$DIST" > "$LOGS/trunk.log" 2>&1 && cargo build -p shoebox-server >> "$LOGS/trunk.log" 2>&1
BUILD_RC=$?
set -e
if [ "$BUILD_RC" != 0 ]; then
  tail -n 40 "$LOGS/trunk.log"
  FAILED=1
  SUMMARY+=("end-to-end: 0 passed, 1 failed (app build failed, see $LOGS/trunk.log)")
else
  export SHOEBOX_APP_DIR="$DIST" SHOEBOX_SERVER_BIN="$ROOT/target/debug/shoebox-server"
  # A test file gets 10 minutes (the longest takes about three): one that hangs is stopped and
  # fails alone instead of using up the rest of a CI run. Node kills the file's process then,
  # so its hooks do not run: its server may outlive it until the run ends.
  run_suite "end-to-end (Playwright + Chromium + shoebox-server)" "$LOGS/e2e.log" \
    node --test --test-concurrency=1 --test-timeout=600000 --test-reporter=spec tests/js/e2e/
  counts="$(awk '/^ℹ pass/ {p=$3} /^ℹ fail/ {f=$3} END {printf "%d passed, %d failed", p, f}' "$LOGS/e2e.log")"
  record "end-to-end" "$LOGS/e2e.log" "$counts"
fi

echo
say "Summary"
for line in "${SUMMARY[@]}"; do echo "$line"; done
total="$(printf '%s\n' "${SUMMARY[@]}" | awk -F'[:,]' '{ split($2, a, " "); split($3, b, " "); p += a[1]; f += b[1] } END { printf "%d passed, %d failed", p, f }')"
echo "all suites: $total"
# CI machines' disks vary: say what the run left, so a near-full disk shows before it fails.
df -h "$ROOT" | awk 'NR == 2 { print "disk: " $4 " free after the run" }'
echo "target/: $(du -sh "$ROOT/target" 2>/dev/null | cut -f1)"
exit "$FAILED"
