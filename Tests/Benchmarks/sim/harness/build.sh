#!/usr/bin/env bash
# Builds the temporary harness against a release build of the library targets.
set -euo pipefail
cd "$(dirname "$0")/../../../.."
swift build -c release --scratch-path .build-sim --target PitstopSimulation >/dev/null
B=.build-sim/release
swiftc -O -I "$B/Modules" Tests/Benchmarks/sim/harness/main.swift \
  "$B"/PitstopSimulation.build/*.o "$B"/PitstopModel.build/*.o \
  -o "$B/sim-harness"
echo "$B/sim-harness"
