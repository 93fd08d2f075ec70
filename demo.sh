#!/usr/bin/env bash
# The main job: a scenario end to end. Called by `make demo` with the built gctsim.
set -euo pipefail
GCTSIM=${1:-.build/release/gctsim}
"$GCTSIM" --version
