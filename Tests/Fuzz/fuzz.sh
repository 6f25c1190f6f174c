#!/usr/bin/env bash
# `make fuzz FUZZ_SECONDS=600`: the libFuzzer target (Tests/Fuzz/PitstopFuzz) built with
# AddressSanitizer in its own scratch folder (.build-fuzz), run for FUZZ_SECONDS on a corpus
# that starts from every scenario in the repository and grows across runs
# (.build-fuzz/corpus). A crash, a hang (FUZZ_TIMEOUT seconds on one input) or memory beyond
# FUZZ_RSS_MB stops it with the input saved under .build-fuzz/findings/; the exit status is
# then non-zero. docs/testing.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-${FUZZ_SECONDS:-600}}
timeout=${FUZZ_TIMEOUT:-60}
rss=${FUZZ_RSS_MB:-4096}
jobs=${FUZZ_JOBS:-1}
scratch=.build-fuzz

echo "Building the fuzz target (release, -sanitize=fuzzer,address) in $scratch …"
PITSTOP_FUZZ=1 swift build --scratch-path "$scratch" -c release \
  -Xswiftc -sanitize=fuzzer,address --product pitstop-fuzz
binary="$(PITSTOP_FUZZ=1 swift build --scratch-path "$scratch" -c release --show-bin-path)/pitstop-fuzz"

# The seed corpus: the bundled scenarios, the examples and every scenario the tests load.
seeds="$scratch/seeds"
rm -rf "$seeds"
mkdir -p "$seeds" "$scratch/corpus" "$scratch/findings"
find Scenarios docs/examples Tests -name '*.yaml' -not -path '*/.build*' -print0 |
  while IFS= read -r -d '' file; do cp "$file" "$seeds/$(echo "$file" | tr '/' '_')"; done

# A dictionary of the format's keys and words, from the published schema.
dictionary="$scratch/scenario.dict"
python3 - docs/schema/scenario.schema.json > "$dictionary" <<'PY'
import json, sys
words = set()
def walk(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                words.update(value.keys())
            if key == "enum" and isinstance(value, list):
                words.update(str(v) for v in value)
            walk(value)
    elif isinstance(node, list):
        for value in node:
            walk(value)
walk(json.load(open(sys.argv[1])))
words.update(["exp(", "uniform(", "triangular(", "lognormal(", "normal(", "const(", "unlimited", "daily",
              "mon-fri", "sat", "sun", "08:00-16:00", "extends: ", "remove: ", "set: ", "1e308", "-0", ".nan",
              ".inf", "&a ", "*a", "<<: ", "!!str ", "---", "\\t", "\\u00e6"])
for word in sorted(words):
    print('"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"')
PY

echo "Fuzzing for $seconds s (timeout $timeout s an input, $rss MB, $jobs job(s)); seeds: $(ls "$seeds" | wc -l)"
parallel=()
if [ "$jobs" -gt 1 ]; then parallel=(-jobs="$jobs" -workers="$jobs"); fi
status=0
# Swift's one-time global initialisers are not leaks (Tests/Fuzz/lsan.supp says why).
export LSAN_OPTIONS="suppressions=$(pwd)/Tests/Fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
"$binary" "$scratch/corpus" "$seeds" \
  -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb="$rss" -max_len=65536 \
  -dict="$dictionary" -artifact_prefix="$scratch/findings/" -print_final_stats=1 "${parallel[@]}" \
  > "$scratch/last-run.log" 2>&1 || status=$?
grep -E '^(#[0-9]+[[:space:]]+(INITED|DONE|pulse)|stat::|Done|==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)' "$scratch/last-run.log" | tail -n 25 || true
if [ "$status" -ne 0 ]; then
  echo "The fuzzer found something (exit $status): see $scratch/findings/ and $scratch/last-run.log" >&2
  exit "$status"
fi
echo "No crash, hang or memory blow-up in $seconds s. Corpus: $(ls "$scratch/corpus" | wc -l) inputs."
