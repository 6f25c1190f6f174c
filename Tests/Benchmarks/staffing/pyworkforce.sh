#!/usr/bin/env bash
# Requirements benchmark (not a test): pitstop's Erlang C requirements against pyworkforce
# (0.5.1, from PyPI into .build/pyworkforce-venv) on the same half hours.
#
#   bash Tests/Benchmarks/staffing/pyworkforce.sh
#
# Patience is set to never for every persona (--set 'personas.*.dialogue.patience=never'),
# so Erlang C applies, and the target is 'wait_p90_min <= T' (90 % of requests answered
# within T minutes): pyworkforce's ErlangC(transactions, aht, asa=T, interval=30)
# .required_positions(service_level=0.9, max_occupancy=1.0)["raw_positions"] must give the
# same integers as the `erlang` column of requirements.csv, interval by interval. Runs on
# the single-desk example (a peaked profile) and on the bundled pitstop scenario.
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROOT=$(pwd)
PITSTOP=${PITSTOP:-$ROOT/.build/release/pitstop}
VENV=$ROOT/.build/pyworkforce-venv
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
[ -x "$PITSTOP" ] || { echo "error: $PITSTOP not found; build it first: swift build -c release" >&2; exit 1; }
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet "pyworkforce==0.5.1"
fi
"$VENV/bin/python" -c 'import importlib.metadata as m; print("pyworkforce", m.version("pyworkforce"))'
status=0
for case in "docs/examples/staffing-desk.yaml 2" "docs/examples/staffing-desk.yaml 0.5" "Scenarios/pitstop.yaml 5" "Scenarios/pitstop.yaml 1"; do
  set -- $case
  file=$1 within=$2 out="$TMP/$(basename "$file" .yaml)-$within"
  echo "$file, wait_p90_min <= $within:"
  "$PITSTOP" staff "$file" --set 'personas.*.dialogue.patience=never' --target "wait_p90_min <= $within" \
    --time-limit 30 --days 1 --replications 2 --format csv --out "$out" >"$TMP/req.csv" 2>"$TMP/err" \
    || { cat "$TMP/err" >&2; status=1; continue; }
  "$VENV/bin/python" Tests/Benchmarks/staffing/compare_pyworkforce.py "$TMP/req.csv" "$within" 0.9 || status=1
done
exit $status
