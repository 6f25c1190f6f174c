#!/usr/bin/env bash
# The explorer under load (`make bench`): `pitstop serve` (release) on a copy of the bundled
# scenarios, then Tests/Benchmarks/explorer/load.py — one user's runs, cached repeats, and
# eight users at once. Exit status 1 when a goal is missed or a request failed.
#   bash Tests/Benchmarks/explorer.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${PITSTOP:-.build/release/pitstop}
if [ ! -x "$BIN" ]; then swift build -c release --product pitstop; fi
WORK=$(mktemp -d)
cp -r Scenarios "$WORK/scenarios"
"$BIN" serve "$WORK/scenarios" --port 0 > "$WORK/serve.out" 2> "$WORK/serve.err" &
SERVER=$!
trap 'kill -INT "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 100); do grep -q "http://" "$WORK/serve.out" 2>/dev/null && break; sleep 0.1; done
URL=$(grep -o 'http://[^ ]*' "$WORK/serve.out" | head -1)
NO_PROXY='*' no_proxy='*' /usr/bin/python3 Tests/Benchmarks/explorer/load.py "${URL%/}" "$SERVER"
