#!/usr/bin/env bash
# Loading benchmark: `pitstop validate` (release build, process start included) on a
# scenario the size of the bundled ones and on a large municipality, and with --sets.
# The mean of RUNS loads each (default 5, after one warm-up).
#   bash Tests/Benchmarks/load.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
BIN=${PITSTOP:-.build/release/pitstop}
if [ ! -x "$BIN" ]; then swift build -c release --product pitstop; fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 Tests/Benchmarks/load/generate.py bundled "$WORK/bundled.yaml"
python3 Tests/Benchmarks/load/generate.py municipality "$WORK/municipality.yaml"

# Mean wall time in milliseconds of RUNS runs of the command.
mean_ms() {
  "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
  local start end
  start=$(date +%s%N)
  for _ in $(seq "$RUNS"); do "$@" >/dev/null 2>&1; done
  end=$(date +%s%N)
  echo $(( (end - start) / RUNS / 1000000 ))
}

printf '%-58s %8s\n' "scenario (pitstop validate, mean of $RUNS)" "ms"
printf '%-58s %8s\n' "bundled size: 3 sites, 60 staff, 16 personas" "$(mean_ms "$BIN" validate "$WORK/bundled.yaml")"
printf '%-58s %8s\n' "Scenarios/pitstop.yaml" "$(mean_ms "$BIN" validate Scenarios/pitstop.yaml)"
printf '%-58s %8s\n' "municipality: 60 sites, 720 zones, 3,000 positions" "$(mean_ms "$BIN" validate "$WORK/municipality.yaml")"
if "$BIN" validate --help 2>/dev/null | grep -q -- '--set'; then
  printf '%-58s %8s\n' "municipality with 3 --sets (each checked for a change)" \
    "$(mean_ms "$BIN" validate "$WORK/municipality.yaml" --set staff.g1.count=60 \
        --set 'sites.*.staffed_hours.sat=10:00-16:00' --set simulation.demand_scale=1.2)"
fi
