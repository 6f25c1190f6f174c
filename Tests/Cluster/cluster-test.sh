#!/usr/bin/env bash
# `make cluster-test`: the bundled sweep as 4 shards + a merge on a real one-node Slurm,
# submitted through the shipped docs/cluster/submit-sweep.sh, compared byte for byte with
# an unsharded run. Starts munged, slurmctld and slurmd with a private configuration in a
# temporary folder (never /etc/slurm) and stops exactly the daemons it started.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
bin=${PITSTOP:-$root/.build/release/pitstop}
[ -x "$bin" ] || { echo "build first: swift build -c release" >&2; exit 1; }
shards=${SHARDS:-4}
# The sweep, shortened so that CI's machine runs it in about a minute (the same file
# otherwise): 6 variants × 10 replications × 14 days, compared with the traditional library.
work=$(mktemp -d /tmp/pitstop-cluster.XXXXXX)
cluster="$work/slurm"
cleanup() { Tests/Cluster/slurm-cluster.sh stop "$cluster" || true; rm -rf "$work"; }
trap cleanup EXIT
mkdir -p "$work/sweep"
rel=$(python3 -c "import os, sys; print(os.path.relpath(sys.argv[1], sys.argv[2]))" "$root/Scenarios/sweeps" "$work/sweep")
{
  grep -v -e '^#' -e '^scenario:' -e '^compare_with:' Scenarios/sweeps/evening-mindspotters.sweep.yaml
  echo "scenario: $rel/pitstop-evening.yaml"
  echo "compare_with: $rel/../traditional.yaml"
  echo "simulation: { days: 14, replications: 10 }"
} > "$work/sweep/sweep.yaml"

echo "== starting a private Slurm in $cluster"
export SLURM_CONF=$(Tests/Cluster/slurm-cluster.sh start "$cluster")
sinfo

echo "== unsharded run"
start=$(date +%s.%N)
"$bin" sweep "$work/sweep/sweep.yaml" --out "$work/whole" > "$work/whole.txt"
echo "   $(python3 -c "print(f'{$(date +%s.%N) - $start:.1f}')") s"

echo "== submitting $shards shards and a merge through docs/cluster/submit-sweep.sh"
out="$work/cluster"
read -r array merge < <(PITSTOP="$bin" docs/cluster/submit-sweep.sh "$work/sweep/sweep.yaml" "$out" "$shards")
echo "   array job $array, merge job $merge (afterok:$array)"
deadline=$(( $(date +%s) + ${CLUSTER_TIMEOUT:-900} ))
while squeue -h -j "$array,$merge" 2>/dev/null | grep -q .; do
  if [ "$(date +%s)" -gt "$deadline" ]; then echo "timed out waiting for the jobs" >&2; squeue; exit 1; fi
  sleep 2
done
echo "== job accounting (from the logs)"
for k in $(seq 1 "$shards"); do
  # The shard's own lines (its time), without the scenario's warnings that every run repeats.
  printf '   shard %s: %s\n' "$k" "$(grep -v -E ': (warning|note): ' "$out/logs/shard-$k.out" | tr '\n' ' ')"
done
printf '   merge: %s\n' "$(grep -v -E ': (warning|note): ' "$out/logs/merge.out" | head -1)"
for k in $(seq 1 "$shards"); do
  [ -s "$out/shards/shard-$k-of-$shards.json" ] || { echo "shard $k did not write its file" >&2; cat "$out/logs/shard-$k.out" >&2; exit 1; }
done
[ -s "$out/sweep.json" ] || { echo "the merge job wrote nothing" >&2; cat "$out/logs/merge.out" >&2; exit 1; }

echo "== byte for byte against the unsharded run"
status=0
for f in "$work/whole"/*; do
  name=$(basename "$f")
  if cmp -s "$f" "$out/$name"; then echo "   same  $name ($(stat -c %s "$f") bytes)"; else echo "   DIFFERENT  $name"; status=1; fi
done
[ "$status" = 0 ] && echo "cluster test passed: $shards shards merged to the unsharded files" || echo "cluster test FAILED" >&2
exit $status
