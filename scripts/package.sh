#!/usr/bin/env bash
# Builds DealerDesk's release installers for Linux with Tauri's bundler:
#   target/release/bundle/deb/dealerdesk_<version>_amd64.deb
#   target/release/bundle/rpm/dealerdesk-<version>-1.x86_64.rpm
# Each holds the app, dealerdesk-cli (/usr/bin), the desktop entry and icons,
# and the licences. Windows (NSIS) and macOS (.dmg) are built on those systems
# (.github/workflows/installers.yml). AppImage is not built: see the README.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/setup.sh

echo "==> dealerdesk-cli (release)"
cargo build --release --quiet -p dealerdesk-cli

echo "==> the app (release) and its .deb and .rpm"
rm -rf target/release/bundle/deb target/release/bundle/rpm
(cd src-tauri && ../ui/node_modules/.bin/tauri build --ci --bundles deb,rpm)

ls -l target/release/bundle/deb/*.deb target/release/bundle/rpm/*.rpm
