#!/usr/bin/env bash
# Fuzz locdoc's stages with cargo-fuzz (libFuzzer). Usage: fuzz/run.sh SECONDS [TARGET...]
# Targets: parse, regen, check, inline, render (default: all). Each runs SECONDS seconds, seeded with
# the pages of content/. The stable toolchain runs cargo-fuzz with RUSTC_BOOTSTRAP=1.
# Crashes land in fuzz/artifacts/TARGET/; turn each into a regression test in tests/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:?usage: fuzz/run.sh SECONDS [TARGET...]}
shift
targets=("${@:-parse regen check inline render}")
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
export RUSTC_BOOTSTRAP=1
for target in ${targets[*]}; do
  mkdir -p "fuzz/corpus/$target"
  cp content/*/*.md "fuzz/corpus/$target/" 2>/dev/null || true
  cargo fuzz run -O "$target" -- -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048
done
