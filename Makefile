# GCTSim: two commands for a fresh machine: `make demo` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
# Debian packages the project needs (installed only when missing).
APT_PACKAGES ?= valgrind pkg-config libhdf5-dev hdf5-tools hipcc libamdhip64-dev rocm-device-libs
CONFIG ?= release
GCTSIM = .build/$(CONFIG)/gctsim

.PHONY: deps build test demo bench clean

deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "deps: installing$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	else echo "deps: all present"; fi

build: deps
	$(SWIFT) build -c release --product gctsim

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

demo: build
	./demo.sh $(GCTSIM)

bench: deps
	cd Benchmarks && $(SWIFT) package --disable-sandbox benchmark

clean:
	rm -rf .build .build-*
