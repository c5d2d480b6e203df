#!/usr/bin/env bash
# Benchmarks: print figures, assert nothing about time.
#   statements — one 120-line statement in-process vs headless Chromium, and a
#                batch of 500 distributors × 100 lines (wall time, peak RSS).
#   search     — the distributor list over 10 000 records.
#   agreements — agreement and certificate PDFs, a rebate run, conflict checks,
#                compliance and reminders on the sample data.
#   lists      — one page of each list at 10 000 distributors, 20 000
#                complaints and 1 000 000 ledger rows.
#   backup     — backup, verify and restore of 500 distributors × 100 ledger
#                lines with 200 attachments.
#   scorecards — a quarter's scorecards for 500 distributors × 100 ledger lines.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --bench
cargo bench -p dealerdesk-core --bench statements
cargo bench -p dealerdesk-core --bench search
cargo bench -p dealerdesk-core --bench agreements
cargo bench -p dealerdesk-core --bench lists
cargo bench -p dealerdesk-core --bench backup
cargo bench -p dealerdesk-core --bench scorecards
