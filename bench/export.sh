#!/usr/bin/env bash
# Benchmark: `locdoc export` (XLIFF, TMX and PO) over every sxs/ tree of the corpus against
# `locdoc regen` over the same trees, side by side in one hyperfine run. Each export is one
# command over all trees with `--out-dir`, which writes one file per locale (fr-FR.xliff,
# nl-NL.xliff…), so every page is read and exported once, as regen reads and writes every
# page once. The target is an export time at most 2x regen's. Outputs go to a RAM disk
# (/dev/shm) where there is one.
# Usage: bench/export.sh [CORPUS]  (default $LOCDOC_CORPUS or ../shared/corpus)
source "$(dirname "$0")/common.sh" "$@"

echo "corpus: ${#trees[@]} sxs trees; $(nproc) cores; outputs in $base"

export_cmd() { # format
  echo "cd $corpus && $bin export ${trees[*]} --format $1 --out-dir $work/exports 2>/dev/null"
}
regen_cmd="cd $corpus && $bin regen ${trees[*]} --out $work/out 2>/dev/null"

hyperfine --warmup 2 --runs "${RUNS:-10}" --export-markdown "$work/table.md" --export-json "$work/times.json" \
  --prepare "rm -rf $work/out" --prepare true --prepare true --prepare true \
  -n "locdoc regen" "$regen_cmd" \
  -n "export xliff" "$(export_cmd xliff)" -n "export tmx" "$(export_cmd tmx)" -n "export po" "$(export_cmd po)" >&2
cat "$work/table.md"
python3 - "$work/times.json" <<'PY'
import json, sys
r = {x["command"]: x["mean"] for x in json.load(open(sys.argv[1]))["results"]}
worst = 0
for name in ("export xliff", "export tmx", "export po"):
    ratio = r[name] / r["locdoc regen"]
    worst = max(worst, ratio)
    print(f"{name} / regen: {ratio:.2f}")
print("target (at most 2x regen):", "met" if worst <= 2 else "NOT met")
PY
