#!/usr/bin/env bash
# Interop: the exports read by translate-toolkit (installed from PyPI into a venv). For the
# seeds (each locale) and one corpus set (hololens, each locale), TMX, XLIFF and PO are
# exported and read with translate-toolkit: pocount counts the PO and TMX units, its XLIFF 2
# parser (translate.storage.xliff2; xliff2po and pocount read XLIFF 1.x only) the XLIFF
# units, and po2xliff must read the PO back. Every count must equal the segment count of
# `locdoc extract`.
# Exits non-zero on any difference. Usage: tests/interop/translate_toolkit.sh [CORPUS]
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=${1:-${LOCDOC_CORPUS:-../shared/corpus}}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
venv=${LOCDOC_VENV:-target/interop-venv}
if [ ! -x "$venv/bin/pocount" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet translate-toolkit
fi
cargo build --quiet
bin=target/debug/locdoc
fail=0

# Units pocount finds in a PO or TMX file (its "Total Message" column; no header entry).
units() { "$venv/bin/pocount" --csv "$1" | awk -F, 'NR==2 {print $9}'; }
# Units translate-toolkit's XLIFF 2 parser finds, with a source and a target each.
xliff_units() {
  "$venv/bin/python" - "$1" <<'PY'
import sys
from translate.storage.xliff2 import Xliff2File
with open(sys.argv[1], "rb") as f:
    store = Xliff2File.parsestring(f.read())
units = [u for u in store.units if not u.isheader()]
assert all(u.source is not None and u.target is not None for u in units)
print(len(units))
PY
}

check() { # name locale inputs...
  local name=$1 locale=$2; shift 2
  local expected
  expected=$("$bin" extract "$@" --format tsv 2>/dev/null | awk -F'\t' -v l="$locale" 'NR>1 && $2==l' | wc -l)
  for format in tmx xliff po; do
    "$bin" export "$@" --format "$format" --target-lang "$locale" -o "$work/$name.$format" 2>/dev/null
  done
  "$venv/bin/po2xliff" --progress=none "$work/$name.po" "$work/$name.po.xlf" >/dev/null
  local po tmx xliff back
  po=$(units "$work/$name.po"); tmx=$(units "$work/$name.tmx"); xliff=$(xliff_units "$work/$name.xliff")
  # po2xliff keeps the PO header entry as one more unit.
  back=$(( $(grep -c '<trans-unit ' "$work/$name.po.xlf" || true) - 1 ))
  printf '%-9s %-6s segments %6d  po %6d  tmx %6d  xliff %6d  po2xliff %6d\n' "$name" "$locale" "$expected" "$po" "$tmx" "$xliff" "$back"
  for got in "$po" "$tmx" "$xliff" "$back"; do
    [ "$got" = "$expected" ] || { echo "MISMATCH: $name $locale: $got units, $expected segments" >&2; fail=1; }
  done
}

for locale in fr-FR nl-NL; do
  check seeds "$locale" content
  check hololens "$locale" "$corpus/hololens/$locale/sxs"
done
exit $fail
