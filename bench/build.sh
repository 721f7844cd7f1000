#!/usr/bin/env bash
# Benchmark: `locdoc build` (the static site, with the check rules for the dashboard) over
# every sxs/ tree of the corpus against `locdoc regen` over the same trees, side by side in
# one hyperfine run. The target is a build time at most 4x regen's. Outputs go to a RAM disk
# (/dev/shm) where there is one, emptied before each run (not timed).
# Usage: bench/build.sh [CORPUS]  (default $LOCDOC_CORPUS or ../shared/corpus)
source "$(dirname "$0")/common.sh" "$@"

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
