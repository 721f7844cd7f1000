#!/usr/bin/env bash
# Benchmark: `locdoc regen` and `locdoc check` over every sxs/ tree of the corpus against
# the naive perl substitution over the same files, side by side in one hyperfine run, plus
# peak memory.
#
#   perl     the issue's command: one perl over all files, output to /dev/null
#   perl -i  the same substitution writing each page back as a file (what regen does),
#            on a fresh copy of the trees made before each run (not timed)
#   locdoc regen  `locdoc regen` into an empty output folder (emptied before each run, not timed)
#   locdoc check  `locdoc check --format json` with the report to /dev/null
#
# Outputs go to a RAM disk (/dev/shm) where there is one, so the figures measure the tools
# rather than the disk. Usage: bench/speed.sh [CORPUS]  (default $LOCDOC_CORPUS or ../shared/corpus)
source "$(dirname "$0")/common.sh" "$@"

(cd "$corpus" && find "${trees[@]}" -name '*.md' -print0 | sort -z) > "$work/files"
pages=$(tr -cd '\0' < "$work/files" | wc -c)
bytes=$(cd "$corpus" && xargs -0 cat < "$work/files" | wc -c)
largest=$(cd "$corpus" && xargs -0 stat -c %s < "$work/files" | sort -n | tail -1)
echo "corpus: ${#trees[@]} sxs trees, $pages pages, $bytes bytes (largest page $largest bytes); $(nproc) cores; outputs in $base"

subst='s#<span data-ttu-id="[^"]*">(.*?)</span><span class="sxs-lookup"><span data-stu-id="[^"]*">.*?</span></span>#$1#gs'
printf '%s' "$subst" > "$work/subst"
perl_cmd="cd $corpus && xargs -0 perl -0777 -pe \"\$(cat $work/subst)\" < $work/files > /dev/null"
copy_cmd="rm -rf $work/copy && mkdir -p $work/copy && cd $corpus && cp -r --parents ${trees[*]} $work/copy"
perl_i_cmd="cd $work/copy && xargs -0 perl -0777 -i -pe \"\$(cat $work/subst)\" < $work/files"
locdoc_cmd="cd $corpus && $bin regen ${trees[*]} --out $work/out"
check_cmd="cd $corpus && $bin check ${trees[*]} --format json > /dev/null || test \$? = 1"

hyperfine --warmup 2 --runs "${RUNS:-10}" --export-markdown "$work/table.md" --export-json "$work/times.json" \
  --prepare true --prepare "$copy_cmd" --prepare "rm -rf $work/out" --prepare true \
  -n perl "$perl_cmd" -n "perl -i" "$perl_i_cmd" -n "locdoc regen" "$locdoc_cmd" -n "locdoc check" "$check_cmd" >&2
cat "$work/table.md"
python3 - "$work/times.json" <<'PY'
import json, sys
r = {x["command"]: x["mean"] for x in json.load(open(sys.argv[1]))["results"]}
for base in ("perl", "perl -i"):
    print(f"locdoc regen vs {base}: {r[base] / r['locdoc regen']:.2f}x faster")
print(f"locdoc check / perl time: {r['locdoc check'] / r['perl']:.2f}")
PY
rm -rf "$work/out"
/usr/bin/time -f "locdoc regen peak memory: %M KiB" sh -c "$locdoc_cmd" 2>&1 | tail -1
/usr/bin/time -f "locdoc check peak memory: %M KiB" sh -c "$check_cmd" 2>&1 | tail -1
