#!/usr/bin/env bash
# Builds DealerDesk and opens it on the embedded database in your data folder
# (override with --db PATH or DEALERDESK_DB). Extra arguments go to the app.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
echo "==> building the UI"
(cd ui && npm run --silent build)
echo "==> building and starting the app"
exec cargo run --release -p dealerdesk --features custom-protocol -- "$@"
