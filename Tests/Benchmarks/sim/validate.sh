#!/usr/bin/env bash
# Erlang C validation in a release build: the des-anchors §4 table (T1–T5), ~10 M customers
# per case, 20 replications, 1 warm-up day, through the public Simulator API (harness/).
# Prints simulated P(wait>0) and Wq with 95 % half-widths next to the exact values.
set -euo pipefail
cd "$(dirname "$0")/../../.."
H=$(Tests/Benchmarks/sim/harness/build.sh | tail -1)
printf '%-4s %-28s %-10s %-26s %-10s\n' case "P(wait) sim ± hw" exact "Wq sim ± hw" exact
while read -r name lambda mu c days pexact wexact; do
  line=$("$H" "$days" 20 1 "$lambda" "$mu" "$c" 1 | tail -1)
  w=$(echo "$line" | sed -E 's/Wq=([0-9.]+) ± ([0-9.]+).*/\1 ± \2/')
  p=$(echo "$line" | sed -E 's/.*P\(wait\)=([0-9.]+) ± ([0-9.]+).*/\1 ± \2/')
  printf '%-4s %-28s %-10s %-26s %-10s\n' "$name" "$p" "$pexact" "$w" "$wexact"
done <<'TABLE'
T1 0.10 0.2 1 3470 0.500000 5.000000
T2 0.32 0.2 2 1090 0.711111 8.888889
T3 0.70 0.2 5 500 0.377838 1.259461
T4 1.80 0.2 10 193 0.668732 3.343658
T5 3.40 0.2 20 102 0.385056 0.641760
TABLE
