# Pitstop — developer entry points. `make run` and `make test` are the quick start.
SWIFT      ?= swift
APT_PKGS   := libgraphviz-dev librsvg2-dev coinor-libcbc-dev pkgconf fonts-liberation2 chromium
BENCH_PKGS := graphviz python3-venv time python3-yaml glpk-utils
# The explorer's browser test: Debian's chromium-driver and Selenium, used through /usr/bin/python3.
TEST_PKGS  := chromium-driver python3-selenium poppler-utils
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help deps bench-deps test-deps build release run test bench leakcheck clean print-test deck-test schema-test \
	cluster-test browser-test api-fuzz explorer-screenshot fuzz mutate

## List the targets and what each does.
help:
	@awk '/^## /{doc = doc (doc ? " " : "") substr($$0, 4); next} \
	  /^[a-z][a-z-]*:/{if (doc) {split($$0, t, ":"); printf "  make %-20s %s\n", t[1], doc}; doc = ""; next} \
	  /^$$/{doc = ""}' $(firstword $(MAKEFILE_LIST))

## Install the system packages running needs (make run), only when something is missing.
deps:
	@missing=""; for p in $(APT_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

## Also what the benchmarks need (graphviz's dot, GLPK, python3-venv for SimPy).
bench-deps: deps
	@missing=""; for p in $(BENCH_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

## Also what only tests use (chromium-driver, python3-selenium).
test-deps: deps
	@missing=""; for p in $(TEST_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

## Debug build.
build: deps
	$(SWIFT) build

## Release build (.build/release/pitstop).
release: deps
	$(SWIFT) build -c release

## The main job: compare the bundled scenarios and write the report under Output/.
run: release
	.build/release/pitstop

## The test suite (what CI runs first): swift test — the mutation smoke test included — and the browser test.
test: deps test-deps
	$(SWIFT) test
	$(SWIFT) build --product pitstop
	/usr/bin/python3 Tests/Explorer/browser_test.py .build/debug/pitstop

## The explorer in headless Chromium (Selenium): edit, run, save, validate, compare (also in `make test`).
browser-test: test-deps
	$(SWIFT) build --product pitstop
	/usr/bin/python3 Tests/Explorer/browser_test.py .build/debug/pitstop

## The explorer's API fuzzed against docs/openapi.yaml by schemathesis (PyPI, in .build/venv-api-fuzz).
api-fuzz: bench-deps
	$(SWIFT) build --product pitstop
	bash Tests/Explorer/api-fuzz.sh .build/debug/pitstop

## Renew docs/images/explorer.png (headless Chromium).
explorer-screenshot: test-deps release
	/usr/bin/python3 Tests/Explorer/screenshot.py .build/release/pitstop docs/images/explorer.png

## The report printed by headless Chromium to PDF and read with poppler (installs poppler-utils).
print-test: deps
	@dpkg-query -W -f='$${Status}' poppler-utils 2>/dev/null | grep -q 'install ok installed' || \
	  { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends poppler-utils; }
	$(SWIFT) test --filter ReportPrintTests

## The comparison deck opened by python-pptx and LibreOffice (installs libreoffice-impress, poppler-utils).
deck-test: deps
	bash Tests/Deck/deck-test.sh

## Benchmarks (never timed tests), each beside its peer: simulation vs SimPy and C, rendering vs dot, loading, import, scale, staffing, sweeps, the explorer.
bench: bench-deps release
	bash Tests/Benchmarks/run.sh

## Render many org charts in one process and report memory growth.
leakcheck: release
	bash Tests/Benchmarks/leakcheck.sh

## check-jsonschema (PyPI, venv under .build/) on the bundled scenarios and init's files.
schema-test: deps
	bash Tests/Schema/check.sh

## A real one-node Slurm (installs slurm-wlm, munge): the bundled sweep as 4 shards and a
## merge through docs/cluster/submit-sweep.sh, byte for byte against one run.
cluster-test: build
	@missing=""; for p in slurm-wlm munge; do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	PITSTOP=$(CURDIR)/.build/debug/pitstop bash Tests/Cluster/cluster-test.sh

## libFuzzer + AddressSanitizer on the scenario loader and everything after it, in .build-fuzz (docs/testing.md).
FUZZ_SECONDS ?= 600
fuzz: deps
	bash Tests/Fuzz/fuzz.sh $(FUZZ_SECONDS)

## Mutation check: deliberate one-line bugs, each in a scratch copy (.build-mutate), each must fail
## `swift test` (not CI: slow). MUTATE_ARGS="--full" also runs the whole suite per mutant.
mutate: deps
	python3 Tests/Mutation/mutate.py $(MUTATE_ARGS)

## Remove the build folders and the generated Output/ folders.
clean:
	rm -rf .build .build-fuzz .build-mutate Output/*/
