#!/usr/bin/env bash
# `make schema-test`: check-jsonschema (PyPI, in a virtual environment under .build/)
# accepts every bundled scenario and the files of `pitstop init` against `pitstop schema`,
# and rejects files with a misspelt key (a scenario, an overlay, a sweep).
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=.build/schema-venv
if [ ! -x "$venv/bin/check-jsonschema" ]; then
  python3 -m venv "$venv" 2>/dev/null || {
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv && python3 -m venv "$venv"; }
  "$venv/bin/pip" install -q 'check-jsonschema==0.39.0'
fi
check="$venv/bin/check-jsonschema"
swift build --product pitstop >/dev/null
pitstop=.build/debug/pitstop
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$pitstop" schema scenario > "$tmp/scenario.schema.json"
"$pitstop" schema sweep > "$tmp/sweep.schema.json"
cmp -s "$tmp/scenario.schema.json" docs/schema/scenario.schema.json || { echo "docs/schema/scenario.schema.json is stale"; exit 1; }
cmp -s "$tmp/sweep.schema.json" docs/schema/sweep.schema.json || { echo "docs/schema/sweep.schema.json is stale"; exit 1; }
"$pitstop" init "$tmp/starter" >/dev/null

passed=0 failed=0
accepts() {  # SCHEMA FILE...
  local schema=$1; shift
  if "$check" --schemafile "$schema" "$@" > "$tmp/out" 2>&1; then
    passed=$((passed + 1)); echo "ok: accepted $*"
  else
    failed=$((failed + 1)); echo "FAILED: rejected $*"; cat "$tmp/out"
  fi
}
rejects() {  # SCHEMA FILE WORD: rejected, and the message names WORD
  if ! "$check" --schemafile "$1" "$2" > "$tmp/out" 2>&1 && grep -q "$3" "$tmp/out"; then
    passed=$((passed + 1)); echo "ok: rejected $2 ('$3')"
  else
    failed=$((failed + 1)); echo "FAILED: accepted $2"; cat "$tmp/out"
  fi
}

for f in Scenarios/*.yaml; do accepts "$tmp/scenario.schema.json" "$f"; done
accepts "$tmp/scenario.schema.json" "$tmp/starter/library.yaml"
accepts "$tmp/scenario.schema.json" "$tmp/starter/one-more-librarian.yaml"
accepts "$tmp/sweep.schema.json" "$tmp/starter/librarians.sweep.yaml"
sed 's/staffed_hours:/staffed_hour:/' Scenarios/library-base.yaml > "$tmp/misspelt.yaml"
rejects "$tmp/scenario.schema.json" "$tmp/misspelt.yaml" "staffed_hour"
sed 's/  - id: librarian/  - id: librarian\n    cuont: 4/' "$tmp/starter/one-more-librarian.yaml" > "$tmp/starter/misspelt-overlay.yaml"
rejects "$tmp/scenario.schema.json" "$tmp/starter/misspelt-overlay.yaml" "cuont"
sed 's/^design: grid/desing: grid/' "$tmp/starter/librarians.sweep.yaml" > "$tmp/starter/misspelt.sweep.yaml"
rejects "$tmp/sweep.schema.json" "$tmp/starter/misspelt.sweep.yaml" "desing"
echo "schema: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
