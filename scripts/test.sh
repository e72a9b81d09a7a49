#!/usr/bin/env bash
# Runs every test on a fresh Debian machine: installs what the tests need, builds, tests.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# The tests start their own PostgreSQL server from these binaries, and open pages in headless Chromium (with a font
# for Chinese, so screenshots are legible); the dashboard app is built with Node.js 18 or newer. Nothing else of the
# machine is used.
missing=()
compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
node_major=$(node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/' || true)
if [ -z "$node_major" ] || [ "$node_major" -lt 18 ]; then missing+=(nodejs npm)
elif ! command -v npm >/dev/null; then missing+=(npm); fi
if ((${#missing[@]})); then
  echo "Installing ${missing[*]}…"
  sudo_if_needed apt-get update -qq
  DEBIAN_FRONTEND=noninteractive sudo_if_needed apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The browser tests drive the Chromium above; Playwright never downloads one.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

dotnet build Actors.sln -c Release -nologo -clp:ErrorsOnly

log=$(mktemp)
status=0
dotnet test Actors.sln -c Release --no-build -nologo 2>&1 | tee "$log" || status=$?

passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "tests: ${passed} passed, ${failed} failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi
