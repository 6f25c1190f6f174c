#!/usr/bin/env bash
# Sweeps (make bench): a 60-variant grid of the bundled pitstop scenario × 20 replications ×
# 28 days, against the way a user would do it without the command — a shell loop of
# `pitstop simulate --set … --format json` — measured in the same run:
#   1. on both cores: sweep (--jobs 2) vs the loop (each simulate --jobs 2)
#   2. on one core (taskset -c 0): sweep --jobs 1 vs the loop with --jobs 1
#   3. the sweep's speed-up from --jobs 1 to --jobs 2
#   4. peak memory of a 1,000-variant sweep against a 10-variant one (1 day × 2 replications)
set -euo pipefail
cd "$(dirname "$0")/../../.."
bin=${PITSTOP:-.build/release/pitstop}
work=$(mktemp -d /tmp/pitstop-sweep-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
rel=$(python3 -c "import os, sys; print(os.path.relpath(sys.argv[1], sys.argv[2]))" "$PWD/Scenarios" "$work")

cat > "$work/grid.sweep.yaml" <<YAML
format: 1
name: Benchmark grid
scenario: $rel/pitstop.yaml
parameters:
  - { set: staff.student-main.count, values: [1, 2, 3, 4, 5, 6] }
  - { set: simulation.demand_scale, range: [0.8, 1.2], steps: 5 }
  - { set: staffing.floor_share, values: [0.5, 0.6] }
simulation: { days: 28, replications: 20 }
YAML
# The same 60 variants as --set lines, for the loop.
python3 - "$work" <<'PY'
import itertools, sys
work = sys.argv[1]
with open(f"{work}/variants.txt", "w") as f:
    for s, d, fs in itertools.product([1, 2, 3, 4, 5, 6], [0.8, 0.9, 1, 1.1, 1.2], [0.5, 0.6]):
        f.write(f"--set staff.student-main.count={s} --set simulation.demand_scale={d} --set staffing.floor_share={fs}\n")
PY

now() { date +%s.%N; }
seconds() { python3 -c "print(f'{$2 - $1:.1f}')"; }
loop() {  # loop JOBS
  while read -r sets; do
    # shellcheck disable=SC2086
    "$bin" simulate Scenarios/pitstop.yaml $sets --jobs "$1" --format json --out "$work/loop" > /dev/null 2>&1
  done < "$work/variants.txt"
}

echo "60 variants × 20 replications × 28 days of Scenarios/pitstop.yaml ($(nproc) cores)"
t0=$(now); "$bin" sweep "$work/grid.sweep.yaml" --jobs 2 --out "$work/s2" > /dev/null 2>&1; t1=$(now)
loop 2; t2=$(now)
sweep2=$(seconds "$t0" "$t1"); loop2=$(seconds "$t1" "$t2")
t0=$(now); taskset -c 0 "$bin" sweep "$work/grid.sweep.yaml" --jobs 1 --out "$work/s1" > /dev/null 2>&1; t1=$(now)
taskset -c 0 bash -c "$(declare -f loop); bin='$bin' work='$work' loop 1"; t2=$(now)
sweep1=$(seconds "$t0" "$t1"); loop1=$(seconds "$t1" "$t2")
cmp -s "$work/s1/sweep.json" "$work/s2/sweep.json" && same=yes || same=NO
python3 - "$sweep2" "$loop2" "$sweep1" "$loop1" "$same" <<'PY'
import sys
s2, l2, s1, l1 = map(float, sys.argv[1:5])
print(f"  both cores:  sweep {s2:6.1f} s   shell loop of simulate {l2:6.1f} s   → sweep {l2 / s2:.2f}× faster (goal ≥ 1.5×)")
print(f"  one core:    sweep {s1:6.1f} s   shell loop of simulate {l1:6.1f} s   → sweep {l1 / s1:.2f}× faster (goal ≥ 1.0×)")
print(f"  sweep --jobs 2 over --jobs 1: {s1 / s2:.2f}× (goal ≥ 1.7×); sweep.json identical for 1 and 2 jobs: {sys.argv[5]}")
PY

for n in 10 1000; do
  cat > "$work/lhs$n.sweep.yaml" <<YAML
format: 1
name: Memory $n
scenario: $rel/pitstop.yaml
parameters:
  - { set: staff.student-main.count, range: [1, 8] }
  - { set: simulation.demand_scale, range: [0.8, 1.2] }
design: { lhs: $n, seed: 1 }
simulation: { days: 1, replications: 2 }
YAML
  /usr/bin/time -f "%M" -o "$work/mem$n" "$bin" sweep "$work/lhs$n.sweep.yaml" --jobs 2 --out "$work/m$n" > /dev/null 2>&1
done
python3 - "$(cat "$work/mem10")" "$(cat "$work/mem1000")" <<'PY'
import sys
a, b = int(sys.argv[1]) / 1024, int(sys.argv[2]) / 1024
print(f"  peak memory: 10 variants {a:.1f} MiB, 1,000 variants {b:.1f} MiB → {b / a:.2f}× (goal ≤ 1.5×)")
PY
