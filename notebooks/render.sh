#!/usr/bin/env bash
# Executes notebooks (jupytext percent-format .py in notebooks/) and exports each, without its code
# cells (the report: prose, plots, tables, computed readings; the code is notebooks/NAME.py), to one
# self-contained HTML file (CSS inline, plots as base64 PNG, no external scripts).
#
# Usage: notebooks/render.sh OUTDIR NAME...   (NAME: notebooks/NAME.py; run from the repository root)
# The inputs come from the environment (GCTSIM_RESULTS, GCTSIM_MMC, see each notebook); a notebook that
# raises stops the export and this script exits non-zero.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out=${1:?usage: render.sh OUTDIR NAME...}
shift
py=.venv/bin/python
work=.build/notebooks
mkdir -p "$out" "$work"
export GCTSIM_ROOT="$root" PYTHONPATH="$root/notebooks${PYTHONPATH:+:$PYTHONPATH}" PYTHONHASHSEED=0 \
  MPLBACKEND=module://matplotlib_inline.backend_inline
for name in "$@"; do
  src=notebooks/$name.py
  [ -f "$src" ] || { echo "render.sh: no notebook $src" >&2; exit 2; }
  start=$(date +%s)
  "$py" -m jupytext --quiet --to ipynb --output "$work/$name.ipynb" "$src"
  # jupytext draws random cell ids; number them instead (the ids appear in the HTML).
  "$py" -c 'import sys, nbformat
nb = nbformat.read(sys.argv[1], as_version=4)
for i, cell in enumerate(nb.cells):
    cell.id = f"cell-{i:03d}"
nbformat.write(nb, sys.argv[1])' "$work/$name.ipynb"
  # Execute (inputs resolve against GCTSIM_ROOT), no timeout per cell; clear the execution
  # metadata (timestamps) so that a re-run gives the same bytes.
  "$py" -m jupyter nbconvert --to html --execute "$work/$name.ipynb" \
    --ExecutePreprocessor.timeout=-1 --no-input \
    --ClearMetadataPreprocessor.enabled=True --ClearMetadataPreprocessor.preserve_cell_metadata_mask='[("tags")]' \
    --TemplateExporter.extra_template_basedirs="$root/notebooks/templates" --template gctsim \
    --output-dir "$out" --output "$name" --log-level WARN
  printf 'render.sh: %s -> %s/%s.html (%s bytes, %d s)\n' "$name" "$out" "$name" \
    "$(stat -c %s "$out/$name.html")" "$(( $(date +%s) - start ))"
done
