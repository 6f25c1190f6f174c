#!/usr/bin/env bash
# Simulation benchmark (not a test): the M/M/10 model of des-anchors §3 through the full
# `pitstop simulate` path, against SimPy on the same model.
#
#   bash Tests/Benchmarks/sim/run.sh            # ≥ 10 M customers through pitstop, 1 M through SimPy
#   PITSTOP=path/to/pitstop bash Tests/Benchmarks/sim/run.sh
#
# Measures, on one core (--jobs 1):
#   1. customers/s through `pitstop simulate Tests/Benchmarks/sim/mm10.yaml` (2 replications × 1,950 days
#      = 10.1 M customers; the CLI asks for at least 2 replications), wall time and peak RSS
#      from /usr/bin/time -v (process start, YAML loading and output writing included);
#   2. peak RSS at 1,000 and 3,600 days (streaming statistics: it must not grow; runs are
#      at most 3,660 days, ScenarioLimits);
#   3. SimPy 4 on the same model for ~1 M customers (installed into .build/bench-venv), and the ratio.
# Run it on an idle machine: co-running jobs on a 2-vCPU box halve compiled throughput.
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROOT=$(pwd)
PITSTOP=${PITSTOP:-$ROOT/.build/release/pitstop}
MODEL=Tests/Benchmarks/sim/mm10.yaml
DAYS=${DAYS:-1950}
REPS=${REPS:-2}
SIMPY_CUSTOMERS=${SIMPY_CUSTOMERS:-1000000}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

if [ ! -x "$PITSTOP" ]; then
  echo "error: $PITSTOP not found; build it first: swift build -c release" >&2
  exit 1
fi
if [ ! -x /usr/bin/time ]; then
  echo "error: /usr/bin/time is needed for peak memory (apt-get install time)" >&2
  exit 1
fi

# run_pitstop DAYS REPS → prints "customers seconds rss_kib"
run_pitstop() {
  local days=$1 reps=$2 out="$TMP/run-$1-$2"
  /usr/bin/time -v -o "$out.time" "$PITSTOP" simulate "$MODEL" --days "$days" --replications "$reps" \
    --jobs 1 --format json --out "$out" >"$out.json"
  python3 - "$out.json" "$out.time" "$days" "$reps" <<'PY'
import json, re, sys
results = json.load(open(sys.argv[1]))
timing = open(sys.argv[2]).read()
days, reps = int(sys.argv[3]), int(sys.argv[4])
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", timing).group(1)
seconds = 0.0
for part in wall.split(":"):
    seconds = seconds * 60 + float(part)
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", timing).group(1))
user = float(re.search(r"User time \(seconds\): (\S+)", timing).group(1))
customers = results["kpis"]["visits"]["mean"] * days * reps
k = results["kpis"]
print(f"{customers:.0f} {seconds:.3f} {rss} {user:.3f} {k['wait_mean_min']['mean']:.4f} {k['wait_prob']['mean']:.5f}")
PY
}

echo "== pitstop simulate $MODEL --days $DAYS --replications $REPS --jobs 1"
read -r customers seconds rss user wq pw < <(run_pitstop "$DAYS" "$REPS")
pitstop_rate=$(python3 -c "print(round($customers / $seconds))")
echo "customers: $customers  wall: ${seconds}s  user: ${user}s  customers/s: $pitstop_rate  peak RSS: $((rss / 1024)) MiB"
echo "Wq = $wq min (exact 3.343658), P(wait) = $pw (exact 0.668732)"

echo "== peak memory against the horizon (2 replications, --jobs 1)"
read -r _ _ rss1000 _ _ _ < <(run_pitstop 1000 2)
read -r _ _ rss4000 _ _ _ < <(run_pitstop 3600 2)
echo "1,000 days: $((rss1000 / 1024)) MiB   3,600 days: $((rss4000 / 1024)) MiB"

echo "== SimPy, $SIMPY_CUSTOMERS customers"
if [ ! -x .build/bench-venv/bin/python ]; then
  python3 -m venv .build/bench-venv
  .build/bench-venv/bin/pip install --quiet simpy
fi
simpy_json=$(.build/bench-venv/bin/python Tests/Benchmarks/sim/mm10_simpy.py "$SIMPY_CUSTOMERS")
echo "$simpy_json"
simpy_rate=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['customers_per_s'])" "$simpy_json")

echo "== summary"
python3 - "$pitstop_rate" "$simpy_rate" "$rss1000" "$rss4000" <<'PY'
import sys
p, s, r1, r4 = (float(x) for x in sys.argv[1:])
print(f"pitstop {p/1e6:.2f} M customers/s, SimPy {s/1e3:.0f} k customers/s: {p/s:.0f}x")
print(f"peak RSS 1,000 → 3,600 days: {r1/1024:.1f} → {r4/1024:.1f} MiB ({(r4-r1)/1024:+.1f} MiB)")
ok = p >= 5e6 and p / s >= 35 and r4 - r1 < 4096
print("target (≥ 5 M/s, ≥ 35× SimPy, flat memory):", "met" if ok else "NOT met")
PY
