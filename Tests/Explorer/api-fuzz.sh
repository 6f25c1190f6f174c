#!/usr/bin/env bash
# The explorer's API fuzzed against its own OpenAPI document with schemathesis (from PyPI,
# in a virtual environment under .build/): no 5xx, no undocumented status, no response that
# violates its schema, no invalid request accepted. `make api-fuzz`.
#
#   bash Tests/Explorer/api-fuzz.sh [path/to/pitstop]
set -euo pipefail
cd "$(dirname "$0")/../.."
BINARY=${1:-.build/debug/pitstop}
VENV=.build/venv-api-fuzz
SCHEMATHESIS_VERSION=4.32.5

if [ ! -x "$VENV/bin/schemathesis" ]; then
  /usr/bin/python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "schemathesis==$SCHEMATHESIS_VERSION"
fi

WORK=$(mktemp -d)
trap 'kill -INT "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null; rm -rf "$WORK"' EXIT
# A copy of the bundled scenarios: the server reads only, but nothing here may touch the repository.
cp -r Scenarios "$WORK/scenarios"
"$BINARY" serve "$WORK/scenarios" --port 0 > "$WORK/serve.out" 2> "$WORK/serve.err" &
SERVER=$!
for _ in $(seq 1 100); do grep -q "http://" "$WORK/serve.out" 2>/dev/null && break; sleep 0.1; done
URL=$(grep -o 'http://[^ ]*' "$WORK/serve.out" | head -1)
URL=${URL%/}
echo "fuzzing $URL/openapi.yaml"

# Run from the scratch folder: schemathesis keeps its example database (.schemathesis/)
# in the working folder. `unsupported_method` is left out: Hummingbird answers a method a
# path does not have with 404, not 405.
ROOT=$PWD
set +e
(cd "$WORK" && NO_PROXY='*' no_proxy='*' "$ROOT/$VENV/bin/schemathesis" \
  --config-file "$ROOT/Tests/Explorer/schemathesis.toml" \
  run "$URL/openapi.yaml" --url "$URL" \
  --seed 2339 --max-examples 60 --workers 2 --no-color \
  --exclude-checks unsupported_method \
  --request-timeout 120 \
  --report junit --report-junit-path "$WORK/junit.xml") 2>&1 | tee "$WORK/fuzz.log"
STATUS=${PIPESTATUS[0]}
cp "$WORK/fuzz.log" .build/api-fuzz.log
set -e
CASES=$(grep -o '[0-9]* generated' "$WORK/fuzz.log" | tail -1 | tr -dc 0-9 || true)
echo "api-fuzz: ${CASES:-?} cases generated, schemathesis exit status $STATUS (log: .build/api-fuzz.log)"
exit "$STATUS"
