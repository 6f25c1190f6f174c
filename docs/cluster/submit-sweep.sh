#!/usr/bin/env bash
# Submits a Pitstop sweep to Slurm: a job array of N shards, then a merge job that runs
# only when every shard has succeeded (afterok). Prints the two job ids.
#
#   docs/cluster/submit-sweep.sh SWEEP.yaml OUT N [sbatch options...]
#
# Example: docs/cluster/submit-sweep.sh Scenarios/sweeps/evening-mindspotters.sweep.yaml /scratch/me/mindspotters 16 --partition=short
# Logs go to OUT/logs/. Set PITSTOP to the pitstop executable when it is not on PATH; it is
# passed on to the jobs.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
sweep=${1:?usage: submit-sweep.sh SWEEP.yaml OUT N [sbatch options...]}
out=${2:?usage: submit-sweep.sh SWEEP.yaml OUT N [sbatch options...]}
shards=${3:?usage: submit-sweep.sh SWEEP.yaml OUT N [sbatch options...]}
shift 3
case $shards in ''|*[!0-9]*|0) echo "N must be a whole number of at least 1, found '$shards'" >&2; exit 64 ;; esac
[ -f "$sweep" ] || { echo "no sweep file '$sweep'" >&2; exit 1; }
mkdir -p "$out/logs" "$out/shards"
export PITSTOP=${PITSTOP:-$(command -v pitstop || echo pitstop)}
array=$(sbatch --parsable --export=ALL --array="1-$shards" --output="$out/logs/shard-%a.out" "$@" \
  "$here/sweep-shard.sbatch" "$sweep" "$out" "$shards")
array=${array%%;*}
merge=$(sbatch --parsable --export=ALL --dependency="afterok:$array" --kill-on-invalid-dep=yes \
  --output="$out/logs/merge.out" "$@" "$here/sweep-merge.sbatch" "$out")
merge=${merge%%;*}
echo "$array $merge"
