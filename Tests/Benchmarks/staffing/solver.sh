#!/usr/bin/env bash
# Solver benchmark (not a test): CBC and GLPK on the rota of the bundled pitstop scenario.
#
#   bash Tests/Benchmarks/staffing/solver.sh [SECONDS]      (default 60)
#
# 1. The first stage of the rota (the weighted shortfall: 32k columns, 19k binaries) written
#    as free MPS by staffing-bench, then solved within SECONDS by
#      - CBC 2.10.8 in-process (staffing-bench cbc-mps: the wrapper pitstop uses, one thread,
#        wall-clock limit), one plain solve of the whole program;
#      - GLPK 5.0 (glpsol, presolve on), plain and with cuts and the feasibility pump.
#    Objective (expected requests lost a week), bound, gap, wall seconds, peak RSS.
# 2. The whole three-stage rota as `pitstop staff` solves it (staffing-bench solve).
# Run it on an idle machine: on a shared 2-core box the wall-clock limits buy less CPU.
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROOT=$(pwd)
SECONDS_LIMIT=${1:-60}
BENCH=$ROOT/.build/release/staffing-bench
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
[ -x "$BENCH" ] || { echo "error: $BENCH not found; build it: swift build -c release --product staffing-bench" >&2; exit 1; }
command -v glpsol >/dev/null || { echo "error: glpsol not found (apt-get install glpk-utils)" >&2; exit 1; }
peak() { awk -F': ' '/Maximum resident/ {rss = $2} /Elapsed \(wall/ {wall = $2} END {printf "%s wall, peak RSS %.0f MB\n", wall, rss / 1024}' "$1"; }

"$BENCH" mps Scenarios/pitstop.yaml "$TMP/pitstop.mps"
echo "pitstop.yaml, stage 1 (shortfall) as MPS: $(grep -c '^ [GLE] R' "$TMP/pitstop.mps") rows"
echo "-- CBC in-process, ${SECONDS_LIMIT} s"
/usr/bin/time -v -o "$TMP/cbc.time" "$BENCH" cbc-mps Scenarios/pitstop.yaml "$SECONDS_LIMIT"
echo -n "   "; peak "$TMP/cbc.time"
for opts in "" "--cuts --fpump"; do
  echo "-- GLPK glpsol ${opts:-(plain)}, ${SECONDS_LIMIT} s"
  /usr/bin/time -v -o "$TMP/glpk.time" glpsol --freemps "$TMP/pitstop.mps" --tmlim "$SECONDS_LIMIT" $opts \
    >"$TMP/glpk.log" 2>&1 || true
  # The last progress line: "+ iter: mip = best >= bound gap% (…)"; "not found yet" without one.
  grep -E '^\+ *[0-9]+: mip' "$TMP/glpk.log" | tail -1 | sed 's/^/   /'
  grep -E 'TIME LIMIT|INTEGER OPTIMAL|PROBLEM HAS NO' "$TMP/glpk.log" | sed 's/^/   /' || true
  echo -n "   "; peak "$TMP/glpk.time"
done
echo "-- the whole rota, three stages, ${SECONDS_LIMIT} s (as pitstop staff)"
/usr/bin/time -v -o "$TMP/solve.time" "$BENCH" solve Scenarios/pitstop.yaml "$SECONDS_LIMIT"
echo -n "   "; peak "$TMP/solve.time"
