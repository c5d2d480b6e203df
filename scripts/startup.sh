#!/usr/bin/env bash
# Start-up figures of the release build: launch to the dashboard (the first page),
# and the memory (PSS) of the app with its WebKit processes, on an empty database
# and on 40 sample distributors. Builds the release app first (~9 minutes cold on
# 2 cores), so it is not part of scripts/test.sh. Prints figures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/setup.sh --test
(cd ui && npm run --silent build)
cargo build --quiet --release -p dealerdesk --features custom-protocol
cargo build --quiet --release -p dealerdesk-cli
ls -l ui/dist/assets/*.js | awk '{s+=$5} END {printf "UI: %d JavaScript files, %.2f MB in all\n", NR, s/1048576}'
entry=$(grep -o 'assets/index-[^"]*\.js' ui/dist/index.html | head -1)
printf 'UI entry chunk %s: %s bytes (%s gzipped)\n' "$entry" "$(stat -c %s "ui/dist/$entry")" "$(gzip -c "ui/dist/$entry" | wc -c)"
DEALERDESK_APP="$PWD/target/release/dealerdesk" DEALERDESK_CLI="$PWD/target/release/dealerdesk-cli" \
  xvfb-run -a -s "-screen 0 1440x900x24" node scripts/startup.mjs
