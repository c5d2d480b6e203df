#!/usr/bin/env bash
# Installs what DealerDesk needs to build (and, with --test, to test; with --bench,
# to run the benchmarks) on Debian/Ubuntu.
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
want_bench=0
[ "${1:-}" = "--test" ] && want_test=1
[ "${1:-}" = "--bench" ] && want_test=1 && want_bench=1

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

pkgs=(build-essential pkg-config curl file libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libxdo-dev libssl-dev libdbus-1-dev
      fonts-noto-cjk)
if [ "$want_test" = 1 ]; then
  pkgs+=(xvfb xauth webkit2gtk-driver qpdf poppler-utils imagemagick dbus-x11 python3-aiosmtpd postgresql
        rpm desktop-file-utils)  # checking the .rpm and the desktop entry of the packages
fi
if [ "$want_bench" = 1 ]; then
  pkgs+=(chromium)  # the browser-engine PDF path the statement benchmark compares against
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then missing+=(nodejs npm); fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  echo "Node.js 20.19 or newer is required (found $(node --version 2>/dev/null || echo none))." >&2
  exit 1
fi
if ! command -v cargo >/dev/null; then
  echo "Rust (cargo) is required: install it with rustup, then run this again." >&2
  exit 1
fi

if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  echo "==> installing npm packages (ui/)"
  (cd ui && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ "$want_test" = 1 ] && ! command -v tauri-driver >/dev/null; then
  echo "==> installing tauri-driver"
  cargo install tauri-driver --locked --version '^2.1' --quiet
fi
