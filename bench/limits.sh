#!/usr/bin/env bash
# Time and peak memory of `locdoc regen` and `locdoc check` on pages of growing size, to see
# that both grow linearly: a page of copies of the nl-NL seed, a page of one line of segments,
# a page of one-letter segments, each at 25, 50 and 100 MB. Usage: bench/limits.sh
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
cargo build --release --quiet
bin=$PWD/target/release/locdoc
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import os, sys
work = sys.argv[1]
seed = open("content/nl-NL/troubleshoot-onboarding-error-messages.md", encoding="utf-8").read()
cut = seed.index("\n---\n", 4) + 5
front, body = seed[:cut], seed[cut:]
line = '<span data-ttu-id="l-{0}">Selecteer {0}</span><span class="sxs-lookup"><span data-stu-id="l-{0}">Select **{0}**</span></span> '
tiny = '<span data-ttu-id="m-{0}">x</span><span class="sxs-lookup"><span data-stu-id="m-{0}">x</span></span>\n'
for mb in (25, 50, 100):
    size = mb << 20
    for kind in ("copies", "line", "segments"):
        folder = os.path.join(work, f"{kind}-{mb}", "nl-NL")
        os.makedirs(folder)
        with open(os.path.join(folder, "page.md"), "w", encoding="utf-8") as f:
            f.write(front)
            written, i = len(front), 0
            while written < size:
                chunk = body if kind == "copies" else (line if kind == "line" else tiny).format(i)
                f.write(chunk)
                written += len(chunk.encode())
                i += 1
            f.write("\n")
PY
echo "| page | MB | regen s | regen MB | check s | check MB |"
echo "|---|---:|---:|---:|---:|---:|"
for kind in copies line segments; do
  for mb in 25 50 100; do
    dir=$work/$kind-$mb
    /usr/bin/time -f "%e %M" -o "$work/t" "$bin" regen "$dir" --out "$work/out" >/dev/null 2>&1 || true
    r=$(tail -1 "$work/t")
    /usr/bin/time -f "%e %M" -o "$work/t" "$bin" check "$dir" --format json >/dev/null 2>&1 || true
    c=$(tail -1 "$work/t")
    rm -rf "$work/out"
    echo "| $kind | $mb | ${r% *} | $(( ${r#* } / 1024 )) | ${c% *} | $(( ${c#* } / 1024 )) |"
  done
done
