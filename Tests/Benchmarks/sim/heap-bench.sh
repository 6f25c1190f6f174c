#!/usr/bin/env bash
# The event list against swift-collections' Heap (hold model). See heap-Tests/Benchmarks/main.swift.
set -euo pipefail
cd "$(dirname "$0")/../../.."
swift build -c release --scratch-path .build-sim --target HeapModule >/dev/null
B=.build-sim/release
swiftc -O -wmo -module-name HeapBench -I "$B/Modules" Tests/Benchmarks/sim/heap-Tests/Benchmarks/main.swift \
  Sources/PitstopSimulation/EventQueue.swift Sources/PitstopSimulation/RNG.swift \
  "$B"/HeapModule.build/*.o "$B"/InternalCollectionsUtilities.build/*.o -o "$B/heap-bench"
"$B/heap-bench" "$@"
