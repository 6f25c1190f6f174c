# Pitstop — developer entry points. `make run` and `make test` are the quick start.
SWIFT      ?= swift
APT_PKGS   := libgraphviz-dev librsvg2-dev coinor-libcbc-dev pkgconf fonts-liberation2 chromium
BENCH_PKGS := graphviz python3-venv time python3-yaml glpk-utils
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps bench-deps build release run test bench leakcheck clean images print-test deck-test schema-test cluster-test fuzz mutate

## Install the system packages the project needs, only when something is missing.
deps:
	@missing=""; for p in $(APT_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

bench-deps: deps
	@missing=""; for p in $(BENCH_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

## The main job: compare the bundled scenarios and write the report under Output/.
run: release
	.build/release/pitstop

test: deps
	$(SWIFT) test

## The report printed by headless Chromium to PDF and read with poppler (installs poppler-utils).
print-test: deps
	@dpkg-query -W -f='$${Status}' poppler-utils 2>/dev/null | grep -q 'install ok installed' || \
	  { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends poppler-utils; }
	$(SWIFT) test --filter ReportPrintTests

## The comparison deck opened by python-pptx and LibreOffice (installs libreoffice-impress, poppler-utils).
deck-test: deps
	bash Tests/Deck/deck-test.sh

## Benchmarks (never timed tests): the simulation vs SimPy, rendering vs `dot`.
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

clean:
	rm -rf .build Output/*/
