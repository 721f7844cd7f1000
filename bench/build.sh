#!/usr/bin/env bash
# Benchmark: `locdoc build` (the static site, with the check rules for the dashboard) over
# every sxs/ tree of the corpus against `locdoc regen` over the same trees, side by side in
# one hyperfine run. The target is a build time at most 4x regen's. Outputs go to a RAM disk
# (/dev/shm) where there is one, emptied before each run (not timed).
# Usage: bench/build.sh [CORPUS]  (default $LOCDOC_CORPUS or ../shared/corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=$(cd "${1:-${LOCDOC_CORPUS:-../shared/corpus}}" && pwd)
need() { command -v "$1" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need hyperfine hyperfine
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
cargo build --release --quiet
bin=$PWD/target/release/locdoc
base=/dev/shm; [ -d "$base" ] && [ -w "$base" ] || base=${TMPDIR:-/tmp}
work=$(mktemp -d "$base/locdoc-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

mapfile -t trees < <(cd "$corpus" && find . -mindepth 3 -maxdepth 3 -type d -name sxs | sed 's#^\./##' | sort)
pages=$(cd "$corpus" && find "${trees[@]}" -name '*.md' | wc -l)
echo "corpus: ${#trees[@]} sxs trees, $pages pages; $(nproc) cores; outputs in $base"

regen_cmd="cd $corpus && $bin regen ${trees[*]} --out $work/regen 2>/dev/null"
# Exit status 1 is content problems (includes that leave a tree): the site is written.
build_cmd="cd $corpus && $bin build ${trees[*]} --out $work/site 2>/dev/null || test \$? = 1"

hyperfine --warmup 2 --runs "${RUNS:-10}" --export-markdown "$work/table.md" --export-json "$work/times.json" \
  --prepare "rm -rf $work/regen" --prepare "rm -rf $work/site" \
  -n "locdoc regen" "$regen_cmd" -n "locdoc build" "$build_cmd" >&2
cat "$work/table.md"
python3 - "$work/times.json" <<'PY'
import json, sys
r = {x["command"]: x["mean"] for x in json.load(open(sys.argv[1]))["results"]}
ratio = r["locdoc build"] / r["locdoc regen"]
print(f"locdoc build / regen: {ratio:.2f}")
print("target (at most 4x regen):", "met" if ratio <= 4 else "NOT met")
PY
rm -rf "$work/site"
/usr/bin/time -f "locdoc build peak memory: %M KiB" sh -c "$build_cmd" 2>&1 | tail -1
