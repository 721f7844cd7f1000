# Set-up shared by the benchmark scripts (sourced, not run): the corpus, hyperfine and GNU
# time (installed with apt when missing), a release build, a work folder on a RAM disk
# where there is one (removed on exit), and the corpus's sxs/ trees.
# Sets: corpus, bin, base, work, trees (array).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
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
