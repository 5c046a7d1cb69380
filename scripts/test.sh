#!/usr/bin/env bash
# Runs every test lane (unit, integration, browser) on a fresh Debian machine with the .NET SDK.
# Installs Debian's Chromium for the browser lane when it is missing (needs root), and fails loudly otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium_path" ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "== Chromium is missing: installing Debian's chromium package"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
  if [ ! -x "$chromium_path" ]; then
    echo "error: Chromium not found at $chromium_path and it could not be installed." >&2
    echo "       Run as root (apt-get install -y chromium), or set CHROMIUM_PATH to a Chromium binary." >&2
    exit 1
  fi
fi

echo "== Restore and build (warnings are errors)"
dotnet restore ClaimReview.sln
dotnet build ClaimReview.sln --no-restore -c Release

echo "== Code style (dotnet format --verify-no-changes)"
dotnet format ClaimReview.sln --verify-no-changes --no-restore

echo "== Tests"
log=$(mktemp)
set +e
# A test that hangs is killed after 5 minutes of silence and named in the output (blame), instead of overrunning CI.
dotnet test ClaimReview.sln --no-build -c Release --blame-hang-timeout 5m 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One closing line over all lanes.
awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { gsub(",", "", p); printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
