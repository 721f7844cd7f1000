#!/usr/bin/env bash
# Checks the site `locdoc build` makes in a real browser: Debian's chromium driven by
# puppeteer-core (installed into tests/browser/node_modules, git-ignored) over the site of
# content/ served on 127.0.0.1. Checks that the fr-FR seed page renders, that the language
# switcher leads to the nl-NL page, and that a segment shows its English source on hover
# and on keyboard focus; saves screenshots to docs/screenshots/. Exits non-zero on any
# failed check.
set -euo pipefail
cd "$(dirname "$0")/../.."
sudo=""
[ "$(id -u)" = 0 ] || sudo=sudo
if [ ! -x /usr/bin/chromium ]; then
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq chromium >/dev/null
fi
command -v node >/dev/null && command -v npm >/dev/null || {
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq nodejs npm >/dev/null
}
if [ ! -d tests/browser/node_modules/puppeteer-core ]; then
  (cd tests/browser && npm install --silent --no-audit --no-fund --no-save --no-package-lock puppeteer-core@24 >/dev/null)
fi
cargo build --quiet
work=$(mktemp -d)
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
# Exit status 1 is content problems (the seeds include a file outside content/); the site
# is still written.
status=0
./target/debug/locdoc build content --out "$work/site" 2>"$work/build.log" || status=$?
if [ "$status" -gt 1 ]; then
  cat "$work/build.log" >&2
  echo "FAIL: locdoc build exited with $status" >&2
  exit 1
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/site" >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/index.html')" 2>/dev/null && break
  sleep 0.1
done
node tests/browser/check.mjs "http://127.0.0.1:$port" docs/screenshots
