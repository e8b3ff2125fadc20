#!/usr/bin/env bash
# The reliability suites' long runs (RELIABILITY.md). The short versions run in scripts/test.sh;
# this runs them longer, in release builds, and prints the figures RELIABILITY.md records.
#   scripts/reliability.sh          the default rounds (as in the test command)
#   scripts/reliability.sh --long   150 fault rounds
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=24
if [[ "${1:-}" == "--long" ]]; then rounds=150; fi
echo "==> Faults: $rounds rounds of the native engine through a fault-injecting proxy"
SHOEBOX_FAULT_ROUNDS=$rounds cargo test --release -p shoebox-server --test faults -- --nocapture 2>&1 | grep -E "rounds in|test result"
