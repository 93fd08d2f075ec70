# GCTSim: two commands for a fresh machine: `make demo` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
# Debian packages the project needs (installed only when missing; `apt-get update` first).
APT_PACKAGES ?= pkg-config jq libhdf5-dev hdf5-tools hipcc libamdhip64-dev rocm-device-libs python3-venv valgrind
# The browser of the notebook check (make notebooks, make notebook-check).
BROWSER_APT_PACKAGES ?= chromium chromium-driver
GCTSIM_RELEASE = .build/release/gctsim
VENV_STAMP = .venv/.requirements-installed

.PHONY: deps deps-browser build gpu test demo notebooks notebook-check bench clean fuzz slurm-check

# Installs the Debian packages given as $(1) that are missing (`apt-get update` first).
define apt_install
@missing=""; for p in $(1); do \
  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
done; \
if [ -n "$$missing" ]; then \
  echo "deps: installing$$missing"; \
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
else echo "deps: all present ($(1))"; fi
endef

deps:
	$(call apt_install,$(APT_PACKAGES))

# The browser of the notebook check (headless Chromium and its WebDriver), only where notebooks are
# exported or checked.
deps-browser:
	$(call apt_install,$(BROWSER_APT_PACKAGES))

# Python packages of the tests and notebooks in .venv: installed once, again when a list changes.
$(VENV_STAMP): Tests/python/requirements.txt notebooks/requirements.txt
	@[ -x .venv/bin/python ] || python3 -m venv .venv
	.venv/bin/pip install -q -r Tests/python/requirements.txt -r notebooks/requirements.txt
	@touch $@

# Release build of the command.
build: deps
	$(SWIFT) build -c release --product gctsim

# The HIP kernel library for AMD targets and its host-only build (docs/gpu.md).
gpu: deps
	$(MAKE) -C gpu

# The whole suite: Package.swift declares exactly what each target imports, HIP kernels compile,
# Swift tests (debug, with the engine's internal checks: the event queue's invariants are audited
# after every change of a small queue and every n/8-th change of a queue of n events; the
# statistical validation runs the release binary), the Python checks of the HDF5 files, and `gctsim check` (economic invariants and statistical baselines of scenarios/ci,
# docs/invariants.md).
TEST_SWIFTFLAGS ?= -Xswiftc -DGCTENGINE_INTERNAL_CHECKS
test: deps gpu
	scripts/check-imports.sh
	$(SWIFT) build --build-tests $(TEST_SWIFTFLAGS)
	$(SWIFT) build -c release --product gctsim
	$(SWIFT) test --skip-build
	Tests/python/run.sh
	$(GCTSIM_RELEASE) check --junit .build/check-junit.xml --force
	python3 Tests/fuzz/fuzz.py --binary $(GCTSIM_RELEASE) --count 1000 --seed 1
	$(MAKE) slurm-check
	$(MAKE) notebook-check

# Part of `make test`: a single-node Slurm cluster in a temporary folder (slurmctld, slurmd, munge:
# installed with apt when missing), a 4-task array sweep and its dependent merge through
# deploy/slurm/submit.sh, compared with the same sweep run locally; then one task killed with scancel,
# resubmitted alone and merged again (SLURM_CHECK_RESUBMIT=0 skips that part). Needs root. docs/slurm.md.
slurm-check:
	@[ -x $(GCTSIM_RELEASE) ] || $(SWIFT) build -c release --product gctsim
	deploy/slurm/check.sh $(GCTSIM_RELEASE)

# The seeded mutation fuzzer over scenarios/ and the command line (docs/scenarios.md, "Limits"):
# `make fuzz N=10000 SEED=7`. Fails on a crash, a hang, or an error that is not one short line.
N ?= 10000
SEED ?= 1
fuzz: build
	python3 Tests/fuzz/fuzz.py --binary $(GCTSIM_RELEASE) --count $(N) --seed $(SEED)

demo: build
	./demo.sh $(GCTSIM_RELEASE)

# The analysis notebooks (notebooks/*.py, jupytext percent format) executed and exported as
# self-contained HTML to $(EXPORT), then opened in headless Chromium (Tests/notebooks/check_html.py,
# screenshots in $(EXPORT)/screenshots). Inputs, each made if missing when left at its default (delete it
# to re-run it): RESULTS, a `gctsim run` trajectory (the baseline year of `make demo`); MMC_RESULTS, a
# notebooks/mmc-sweep.sh folder (the full sweep); PROPOSAL_RESULTS, a `gctsim proposal evaluate --output`
# file (burn-1pct against 20 days of the baseline without its own proposal, 6 pairs, --variance-report);
# ATTACK_RESULTS, a notebooks/attack-grid.sh folder (the full grid).
# E.g. `make notebooks RESULTS=results/other.h5 EXPORT=/tmp/nb NOTEBOOKS=baseline_year`.
RESULTS ?= results/baseline.h5
MMC_RESULTS ?= results/mmc-sweep
PROPOSAL_RESULTS ?= results/proposal-burn-1pct.h5
ATTACK_RESULTS ?= results/attack-grid
NOTEBOOKS ?= baseline_year queueing_validation proposal_verdict attacks
EXPORT ?= notebooks-export
# The proposal evaluation of the notebooks: the baseline's own burn-rate proposal (day 180) removed.
PROPOSAL_EVALUATE = proposal evaluate --baseline scenarios/baseline.yaml --proposal scenarios/proposals/burn-1pct.yaml \
  --set 'governance.proposals=[]' --variance-report
notebooks: deps-browser $(VENV_STAMP)
	@if [ "$(RESULTS)" = results/baseline.h5 ] && [ ! -f results/baseline.h5 ]; then $(MAKE) demo; fi
	@if [ "$(MMC_RESULTS)" = results/mmc-sweep ] && [ ! -f results/mmc-sweep/sweep.json ]; then \
	  $(MAKE) build && notebooks/mmc-sweep.sh $(GCTSIM_RELEASE) results/mmc-sweep full; fi
	@if [ "$(PROPOSAL_RESULTS)" = results/proposal-burn-1pct.h5 ] && [ ! -f results/proposal-burn-1pct.h5 ]; then \
	  $(MAKE) build && $(GCTSIM_RELEASE) $(PROPOSAL_EVALUATE) --set days=20 --replications 6 \
	    --output results/proposal-burn-1pct.h5 > results/proposal-burn-1pct.md; fi
	@if [ "$(ATTACK_RESULTS)" = results/attack-grid ] && [ ! -f results/attack-grid/grid.json ]; then \
	  $(MAKE) build && notebooks/attack-grid.sh $(GCTSIM_RELEASE) results/attack-grid full; fi
	GCTSIM_RESULTS=$(RESULTS) GCTSIM_MMC=$(MMC_RESULTS) GCTSIM_PROPOSAL=$(PROPOSAL_RESULTS) \
	  GCTSIM_ATTACKS=$(ATTACK_RESULTS) notebooks/render.sh $(EXPORT) $(NOTEBOOKS)
	.venv/bin/python Tests/notebooks/check_html.py --screenshots $(EXPORT)/screenshots \
	  $(foreach n,$(NOTEBOOKS),$(EXPORT)/$(n).html)

# Part of `make test`: the notebooks on small runs (an M/M/c sweep of a few seconds, 12 days of the
# baseline with its proposal on day 1, a 2-pair proposal evaluation over 12 days, a 4-point attack grid
# of 2 pairs), so that a change of the trajectory, summary, proposal-evaluation or attack-report format
# that breaks a notebook fails CI; then the browser check of those exports and of the committed ones.
NOTEBOOK_CHECK_DIR = .build/notebook-check
notebook-check: deps-browser $(VENV_STAMP)
	@[ -x $(GCTSIM_RELEASE) ] || $(SWIFT) build -c release --product gctsim
	rm -rf $(NOTEBOOK_CHECK_DIR)
	notebooks/mmc-sweep.sh $(GCTSIM_RELEASE) $(NOTEBOOK_CHECK_DIR)/mmc small
	$(GCTSIM_RELEASE) run scenarios/baseline.yaml --set days=12 --set governance.proposals.0.at=1d \
	  --output $(NOTEBOOK_CHECK_DIR)/baseline-12d.h5 >/dev/null
	$(GCTSIM_RELEASE) $(PROPOSAL_EVALUATE) --set days=12 --replications 2 \
	  --output $(NOTEBOOK_CHECK_DIR)/proposal-12d.h5 >/dev/null
	notebooks/attack-grid.sh $(GCTSIM_RELEASE) $(NOTEBOOK_CHECK_DIR)/attacks small
	GCTSIM_MMC=$(NOTEBOOK_CHECK_DIR)/mmc GCTSIM_RESULTS=$(NOTEBOOK_CHECK_DIR)/baseline-12d.h5 \
	  GCTSIM_PROPOSAL=$(NOTEBOOK_CHECK_DIR)/proposal-12d.h5 GCTSIM_ATTACKS=$(NOTEBOOK_CHECK_DIR)/attacks \
	  notebooks/render.sh $(NOTEBOOK_CHECK_DIR) queueing_validation baseline_year proposal_verdict attacks
	.venv/bin/python Tests/notebooks/check_html.py --min-images 2 \
	  $(foreach n,queueing_validation baseline_year proposal_verdict attacks,$(NOTEBOOK_CHECK_DIR)/$(n).html) \
	  $(wildcard notebooks-export/*.html)

bench: build
	cd Benchmarks && $(SWIFT) package --disable-sandbox benchmark
	Benchmarks/memory-flat.sh $(GCTSIM_RELEASE)

clean:
	rm -rf .build .build-* gpu/build
