"""Shared helpers of the GCTSim analysis notebooks (notebooks/*.py, jupytext percent format).

Every notebook takes its input from an environment variable (set by `make notebooks`), resolves it
against the repository root, and fails loudly (an exception with a clear message, so nbconvert stops
and `make` fails) when the input is missing, incomplete or of another format version.
"""
from __future__ import annotations

import json
import os
import pathlib

GCT = 1e9  # base units per GCT (docs/trajectory-format.md)
TRAJECTORY_FORMAT_VERSION = 1  # the /meta format_version these notebooks read
MMC_SWEEP_FORMAT = ("gctsim-mmc-sweep", 1)  # notebooks/mmc-sweep.sh manifest


class NotebookInputError(RuntimeError):
    """The notebook's input is missing or not what it reads."""


def repo_root() -> pathlib.Path:
    """The repository root: GCTSIM_ROOT, or the first parent of the working directory with Package.swift."""
    if "GCTSIM_ROOT" in os.environ:
        return pathlib.Path(os.environ["GCTSIM_ROOT"]).resolve()
    here = pathlib.Path.cwd().resolve()
    for d in (here, *here.parents):
        if (d / "Package.swift").exists() and (d / "notebooks").is_dir():
            return d
    raise NotebookInputError(f"cannot find the GCTSim repository root above {here}; set GCTSIM_ROOT")


def input_path(variable: str, default: str, what: str, make_variable: str) -> pathlib.Path:
    """The path named by environment variable `variable` (else `default`), relative to the repository root."""
    raw = os.environ.get(variable, default)
    p = pathlib.Path(raw).expanduser()
    if not p.is_absolute():
        p = repo_root() / p
    if not p.exists():
        raise NotebookInputError(f"{what} {p} does not exist (set {variable}=PATH, or `make notebooks {make_variable}=PATH`)")
    return p


def shown(p: pathlib.Path) -> str:
    """A path as shown in the exported HTML: relative to the repository root when inside it (byte-stable)."""
    try:
        return str(p.resolve().relative_to(repo_root()))
    except ValueError:
        return str(p)


def open_trajectory(path: pathlib.Path):
    """Opens a `gctsim run` HDF5 trajectory after checking its format version and status."""
    import h5py

    try:
        f = h5py.File(path, "r")
    except OSError as e:
        raise NotebookInputError(f"{path} is not a readable HDF5 trajectory: {e}") from None
    if "meta" not in f:
        f.close()
        raise NotebookInputError(f"{path} has no /meta group: not a gctsim trajectory")
    meta = f["meta"].attrs
    version = meta.get("format_version")
    if version is None or int(version) != TRAJECTORY_FORMAT_VERSION:
        f.close()
        raise NotebookInputError(
            f"{path}: trajectory format_version {None if version is None else int(version)}, this notebook reads version {TRAJECTORY_FORMAT_VERSION} "
            "(docs/trajectory-format.md); update the notebook or re-run with a matching gctsim")
    status = str(meta.get("status"))
    if status not in ("complete", "interrupted"):
        f.close()
        raise NotebookInputError(f"{path}: run status {status!r} (expected complete or interrupted)")
    return f


def require(group, names, where: str):
    """Raises unless every name is a member of the HDF5 group."""
    missing = [n for n in names if n not in group]
    if missing:
        raise NotebookInputError(f"{where} lacks {', '.join(missing)} (docs/trajectory-format.md lists them)")


def read_mmc_sweep(folder: pathlib.Path):
    """Reads a notebooks/mmc-sweep.sh folder: the manifest and each run's `gctsim run --summary-json` summary."""
    manifest_path = folder / "sweep.json"
    if not manifest_path.exists():
        raise NotebookInputError(f"{manifest_path} is missing: make it with notebooks/mmc-sweep.sh GCTSIM {folder}")
    manifest = json.loads(manifest_path.read_text())
    got = (manifest.get("format"), manifest.get("version"))
    if got != MMC_SWEEP_FORMAT:
        raise NotebookInputError(f"{manifest_path}: format {got}, this notebook reads {MMC_SWEEP_FORMAT}")
    needed = ("mean_wait_s", "mean_queue_length", "littles_law_lambda_w", "throughput_per_s", "utilization", "completed")
    runs = []
    for run in manifest["runs"]:
        p = folder / run["summary"]
        if not p.exists():
            raise NotebookInputError(f"{p} (listed in {manifest_path}) is missing")
        s = json.loads(p.read_text())
        if s.get("status") != "complete":
            raise NotebookInputError(f"{p}: status {s.get('status')!r}, expected complete")
        missing = [m for m in needed if m not in s.get("metrics", {}) or "ci95" not in s["metrics"][m]]
        if missing:
            raise NotebookInputError(f"{p}: the summary lacks metrics {missing} (a change of `gctsim run --summary-json`?)")
        runs.append((run, s))
    if not runs:
        raise NotebookInputError(f"{manifest_path} lists no runs")
    return manifest, runs


def setup_matplotlib():
    """PNG figures (embedded as base64 by nbconvert) with no varying metadata, a compact size."""
    import matplotlib
    import matplotlib.pyplot as plt
    from matplotlib_inline.backend_inline import set_matplotlib_formats

    set_matplotlib_formats("png")
    from IPython import get_ipython

    ip = get_ipython()
    ip.run_line_magic("config", "InlineBackend.print_figure_kwargs = "
                      "{'bbox_inches': 'tight', 'metadata': {'Software': None}}")
    matplotlib.rcParams.update({
        "figure.figsize": (10, 4), "figure.dpi": 80, "savefig.dpi": 80, "axes.grid": True,
        "grid.alpha": 0.3, "svg.hashsalt": "gctsim", "axes.spines.top": False, "axes.spines.right": False,
    })
    return plt


def reading(text: str, label: str = "Reading") -> None:
    """Shows a computed reading under a plot as Markdown (wraps in the HTML, unlike printed text)."""
    from IPython.display import Markdown, display

    if label == "Reading":
        text = text[:1].upper() + text[1:]
    escaped = text.replace("\\", "\\\\").replace("_", "\\_").replace("*", "\\*")
    display(Markdown(f"**{label}.** {escaped}"))
