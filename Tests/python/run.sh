#!/usr/bin/env bash
# Python checks of the trajectory format (h5py, pandas): creates .venv in the package root if missing,
# builds gctsim (debug) if missing, and runs pytest on Tests/python.
# Usage: Tests/python/run.sh [pytest args...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
  .venv/bin/pip install -q -r Tests/python/requirements.txt
fi
if [ ! -x .build/debug/gctsim ]; then
  swift build --product gctsim
fi
exec .venv/bin/python -m pytest -q Tests/python "$@"
