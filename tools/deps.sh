#!/usr/bin/env bash
# Installs what Takedown needs on Debian or Ubuntu: the C libraries Ebiten
# builds against, Xvfb for headless window tests, and lua-check for authors;
# headless Chromium and the DejaVu fonts for the after-action report's
# browser test; Node.js and the xAPI validator (tools/xapi-validate).
# As root it installs what is missing; otherwise it prints the command.
set -euo pipefail
pkgs=(gcc pkg-config libgl1-mesa-dev libxcursor-dev libxi-dev libxinerama-dev libxrandr-dev
      libxxf86vm-dev libasound2-dev xvfb xauth chromium fonts-dejavu-core)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "Takedown needs these packages. Run:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
if ! command -v go >/dev/null 2>&1; then
  echo "Go 1.26 or newer is needed: https://go.dev/doc/install (or /usr/local/go/bin on PATH)" >&2
  exit 1
fi
go mod download
# The xAPI validator that CI runs, exactly as package-lock.json pins it.
xv="$(cd "$(dirname "$0")" && pwd)/xapi-validate"
if [ ! -f "$xv/node_modules/.package-lock.json" ] || [ "$xv/package-lock.json" -nt "$xv/node_modules/.package-lock.json" ]; then
  (cd "$xv" && npm ci --no-audit --no-fund --loglevel=error)
fi
