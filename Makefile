# GCTSim: two commands for a fresh machine: `make demo` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
# Debian packages the project needs (installed only when missing; `apt-get update` first).
APT_PACKAGES ?= pkg-config jq libhdf5-dev hdf5-tools hipcc libamdhip64-dev rocm-device-libs python3-venv valgrind
GCTSIM_RELEASE = .build/release/gctsim

.PHONY: deps build gpu test demo notebooks bench clean

deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "deps: installing$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else echo "deps: all present"; fi

# Release build of the command.
build: deps
	$(SWIFT) build -c release --product gctsim

# The HIP kernel library for AMD targets and its host-only build (docs/gpu.md).
gpu: deps
	$(MAKE) -C gpu

# The whole suite: Package.swift declares exactly what each target imports, HIP kernels compile,
# Swift tests (debug, with the engine's internal checks: the event queue's invariants run after
# every change; the statistical validation runs the release binary), the Python checks of the HDF5
# files, and `gctsim check` (economic invariants and statistical baselines of scenarios/ci,
# docs/invariants.md).
TEST_SWIFTFLAGS ?= -Xswiftc -DGCTENGINE_INTERNAL_CHECKS
test: deps gpu
	scripts/check-imports.sh
	$(SWIFT) build --build-tests $(TEST_SWIFTFLAGS)
	$(SWIFT) build -c release --product gctsim
	$(SWIFT) test --skip-build
	Tests/python/run.sh
	$(GCTSIM_RELEASE) check --junit .build/check-junit.xml

demo: build
	./demo.sh $(GCTSIM_RELEASE)

# The analysis notebook of the baseline year, exported to notebooks-export/ (after `make demo`).
notebooks:
	@[ -f results/baseline.h5 ] || $(MAKE) demo
	@[ -x .venv/bin/python ] || (python3 -m venv .venv && .venv/bin/pip install -q -r Tests/python/requirements.txt)
	.venv/bin/python notebooks/baseline_analysis.py

bench: build
	cd Benchmarks && $(SWIFT) package --disable-sandbox benchmark
	Benchmarks/memory-flat.sh $(GCTSIM_RELEASE)

clean:
	rm -rf .build .build-* gpu/build
