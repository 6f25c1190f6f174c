#!/usr/bin/env bash
# Scale benchmark (not a test): the bundled comparison with every site copied K times —
# ×1 (3 sites, 58 people), ×10 (30 sites, 580) and ×43 (129 sites, 2,494) — measured side
# by side: peak memory and time per site of `pitstop compare`, and of `pitstop simulate`
# of each scenario alone (the engine's part).
#
#   bash Tests/Benchmarks/scale.sh                 # K = 1 10 43, the scenarios' own run length
#   SCALES="1 43" JOBS=2 bash Tests/Benchmarks/scale.sh
#   PITSTOP=path/to/pitstop bash Tests/Benchmarks/scale.sh
#
# Targets (issue 9): compare below 120 MiB peak RSS at ×43, and time per site growing by
# at most 15 % from ×1 to ×43. Time per site is CPU time (user + sys) ÷ sites compared:
# on a shared 2-core machine wall time measures the neighbours as much as the program.
# Peak RSS from /usr/bin/time -v. The scaled scenarios are made by scale/scale.py
# (PyYAML through /usr/bin/python3: Debian's python3-yaml).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
PITSTOP=${PITSTOP:-$ROOT/.build/release/pitstop}
SCALES=${SCALES:-1 10 43}
JOBS=${JOBS:-2}
PY=${PY:-/usr/bin/python3}
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
if ! "$PY" -c 'import yaml' 2>/dev/null; then
  echo "error: $PY cannot import yaml (apt-get install python3-yaml)" >&2
  exit 1
fi

# measure NAME CMD... → appends "NAME wall cpu rss_kib" to $TMP/rows
measure() {
  local name=$1
  shift
  /usr/bin/time -v -o "$TMP/$name.time" "$@" >"$TMP/$name.out" 2>"$TMP/$name.err" || {
    echo "error: $name failed:" >&2
    tail -5 "$TMP/$name.err" >&2
    exit 1
  }
  "$PY" - "$TMP/$name.time" "$name" >>"$TMP/rows" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
wall = 0.0
for part in re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", t).group(1).split(":"):
    wall = wall * 60 + float(part)
cpu = float(re.search(r"User time \(seconds\): (\S+)", t).group(1)) + float(re.search(r"System time \(seconds\): (\S+)", t).group(1))
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1))
print(sys.argv[2], f"{wall:.2f}", f"{cpu:.2f}", rss)
PY
}

: >"$TMP/rows"
for k in $SCALES; do
  for s in traditional pitstop; do
    "$PY" Tests/Benchmarks/scale/scale.py "Scenarios/$s.yaml" "$k" >"$TMP/$s-x$k.yaml"
  done
  sites=$((3 * k))
  echo "== ×$k: $sites sites, $("$PITSTOP" inspect "$TMP/pitstop-x$k.yaml" 2>/dev/null | sed -n 3p | sed 's/^ *//')"
  for s in traditional pitstop; do
    measure "simulate-$s-x$k" "$PITSTOP" simulate "$TMP/$s-x$k.yaml" --jobs "$JOBS" --out "$TMP/out-$s-x$k"
  done
  measure "compare-x$k" "$PITSTOP" compare "$TMP/traditional-x$k.yaml" "$TMP/pitstop-x$k.yaml" \
    --jobs "$JOBS" --out "$TMP/out-compare-x$k"
done

"$PY" - "$TMP/rows" "$SCALES" <<'PY'
import sys
rows = {}
for line in open(sys.argv[1]):
    name, wall, cpu, rss = line.split()
    rows[name] = (float(wall), float(cpu), int(rss))
scales = [int(k) for k in sys.argv[2].split()]
print()
print(f"{'run':<28} {'sites':>5} {'peak RSS':>10} {'wall':>8} {'CPU':>8} {'CPU/site':>9} {'vs ×' + str(scales[0]):>8}")
def show(kind, label):
    base = None
    for k in scales:
        name = f"{kind}-x{k}"
        if name not in rows:
            continue
        wall, cpu, rss = rows[name]
        sites = 3 * k * (2 if kind == "compare" else 1)
        per = cpu / sites
        base = base or per
        print(f"{label + ' ×' + str(k):<28} {sites:>5} {rss / 1024:>7.1f} MiB {wall:>7.1f}s {cpu:>7.1f}s {per:>8.3f}s {100 * (per / base - 1):>+7.1f}%")
show("simulate-traditional", "simulate traditional")
show("simulate-pitstop", "simulate pitstop")
show("compare", "compare")
k = scales[-1]
c = rows.get(f"compare-x{k}")
if c and len(scales) > 1:
    first = rows[f"compare-x{scales[0]}"]
    growth = (c[1] / (6 * k)) / (first[1] / (6 * scales[0])) - 1
    ok_mem = c[2] / 1024 < 120
    ok_time = growth <= 0.15
    print()
    print(f"compare ×{k}: peak {c[2] / 1024:.1f} MiB (target < 120: {'met' if ok_mem else 'NOT met'}); "
          f"CPU per site {100 * growth:+.1f} % from ×{scales[0]} (target ≤ +15 %: {'met' if ok_time else 'NOT met'})")
PY
