#!/usr/bin/env bash
# Rendering benchmark: the org chart of a generated 5,000-person organisation, laid out and
# written to SVG by the Graphviz library in process and by `dot -Tsvg` on the same DOT file,
# in the same run. Needs the `dot` CLI (`make bench-deps` installs graphviz).
#   bash Tests/Benchmarks/render.sh [PEOPLE] [--no-stack]
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v dot >/dev/null 2>&1; then
  echo "render bench: the dot command is missing; run \`make bench-deps\`" >&2
  exit 1
fi
BIN=${RENDER_BENCH:-.build/release/render-bench}
if [ ! -x "$BIN" ]; then
  swift build -c release --product render-bench
fi
"$BIN" bench "${1:-5000}" "${@:2}"
