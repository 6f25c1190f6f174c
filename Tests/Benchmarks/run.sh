#!/usr/bin/env bash
# `make bench`: every benchmark, each with its peer measured in the same run.
#   1. the simulation (M/M/10 through `pitstop simulate`) vs SimPy
#   2. rendering a 5,000-person org through the Graphviz library vs `dot -Tsvg`
#   3. loading scenarios (`pitstop validate`) from the bundled size to a large municipality
#   4. `pitstop import` of a 10,000-row HR export (goal: under 2 s)
#   5. the bundled comparison scaled to 3, 30 and 129 sites: memory and time per site
#   6. staffing: Erlang C requirements vs pyworkforce; CBC vs GLPK on the pitstop rota
#   7. sweeps: `pitstop sweep` vs a shell loop of `pitstop simulate --set`; jobs 1 vs 2; memory by variants
set -euo pipefail
cd "$(dirname "$0")/../.."
echo "== Simulation: pitstop simulate vs SimPy (M/M/10, des-anchors §3) =="
bash Tests/Benchmarks/sim/run.sh
echo
echo "== Rendering: Graphviz in-process vs dot -Tsvg (5,000-person org) =="
bash Tests/Benchmarks/render.sh
echo
echo "== Loading: pitstop validate, bundled size to a large municipality =="
bash Tests/Benchmarks/load.sh
echo
echo "== Import: a 10,000-row Danish HR export =="
bash Tests/Benchmarks/import.sh
echo
echo "== Scale: the bundled comparison ×1, ×10, ×43 (memory and time per site) =="
bash Tests/Benchmarks/scale.sh
echo
echo "== Staffing: Erlang C requirements vs pyworkforce; CBC vs GLPK on the pitstop rota =="
bash Tests/Benchmarks/staffing/pyworkforce.sh
swift build -c release --product staffing-bench >/dev/null
bash Tests/Benchmarks/staffing/solver.sh
echo
echo "== Sweeps: pitstop sweep vs a shell loop of pitstop simulate --set (60 variants × 20 × 28 days) =="
bash Tests/Benchmarks/sweep/run.sh
