#!/usr/bin/env bash
# Coverage-guided fuzzing (RELIABILITY.md "Fuzzing"): cargo-fuzz with libFuzzer, on the stable
# toolchain (`--sanitizer none`: the sanitizers need nightly; coverage guidance does not), over
# the tus header parsers, format sniffing and header readers, and the downsizing pipeline
# (decode, EXIF/XMP/ICC copy, JPEG rewrite) plus the library thumbnail. Seeds come from the
# fixture generator. Any crash is saved under fuzz/artifacts/<target>/ and fails the run.
#   scripts/fuzz.sh [seconds per target, default 60]     scripts/fuzz.sh --long (600 s each)
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-60}"
[[ "$secs" == "--long" ]] && secs=600
export PATH="$HOME/.cargo/bin:$PATH"
if ! command -v cargo-fuzz >/dev/null; then
  echo "==> Installing cargo-fuzz from crates.io (first run only)"
  cargo install cargo-fuzz --locked
fi
seeds=target/fuzz-seeds
if [[ ! -d "$seeds/all" ]]; then
  echo "==> Writing seed files with the fixture generator"
  cargo run -q --release -p shoebox-fixtures -- "$seeds/all"
fi
mkdir -p fuzz/corpus/tus_headers fuzz/corpus/inspect fuzz/corpus/prepare
printf 'filename aW1nLmpwZw==,relativePath SG9saWRheS9pbWcuanBn,album' > fuzz/corpus/tus_headers/metadata
printf 'sha256 47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=' > fuzz/corpus/tus_headers/checksum
printf 'final;/files/a /files/b' > fuzz/corpus/tus_headers/concat
printf 'bytes=0-99' > fuzz/corpus/tus_headers/range
for f in "$seeds"/all/*; do
  [[ -f "$f" ]] || continue
  head -c 65536 "$f" > "fuzz/corpus/inspect/$(basename "$f")"
  # The pipeline's seeds: whole small files only (big photos make each run slow).
  if [[ $(stat -c %s "$f") -le 400000 ]]; then cp "$f" "fuzz/corpus/prepare/$(basename "$f")"; fi
done
cd fuzz
status=0
for t in tus_headers inspect prepare; do
  echo "==> $t for $secs s"
  if ! cargo fuzz run -s none -O "$t" "corpus/$t" -- -max_total_time="$secs" -max_len=400000 -rss_limit_mb=4096 -print_final_stats=1 2> "../target/fuzz-$t.log"; then
    status=1
    echo "CRASH in $t: see fuzz/artifacts/$t and target/fuzz-$t.log"
  fi
  grep -E "^(stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb)|DONE|cov:" "../target/fuzz-$t.log" | tail -4
done
exit $status
