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
ATTACK_GRID_FORMAT = ("gctsim-attack-grid", 1)  # notebooks/attack-grid.sh manifest


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


def open_record_file(path: pathlib.Path, kind: str, command: str):
    """Opens a gctsim HDF5 record file (e.g. `gctsim proposal evaluate --output`) after checking its
    format version, its `/meta` kind and that it completed."""
    import h5py

    try:
        f = h5py.File(path, "r")
    except OSError as e:
        raise NotebookInputError(f"{path} is not a readable HDF5 file: {e}") from None
    try:
        if "meta" not in f:
            raise NotebookInputError(f"{path} has no /meta group: not written by `{command}`")
        meta = f["meta"].attrs
        version = meta.get("format_version")
        if version is None or int(version) != TRAJECTORY_FORMAT_VERSION:
            raise NotebookInputError(
                f"{path}: format_version {None if version is None else int(version)}, this notebook reads version "
                f"{TRAJECTORY_FORMAT_VERSION} (docs/trajectory-format.md); update the notebook or re-run with a matching gctsim")
        got = str(meta.get("kind", "(none)"))
        if got != kind:
            raise NotebookInputError(f"{path}: /meta kind {got!r}, this notebook reads {kind!r} files (`{command}`)")
        status = str(meta.get("status"))
        if status != "complete":
            raise NotebookInputError(f"{path}: status {status!r}, expected complete (did `{command}` stop early?)")
    except NotebookInputError:
        f.close()
        raise
    return f


def read_attack_grid(folder: pathlib.Path):
    """Reads a notebooks/attack-grid.sh folder: the manifest and each point's `gctsim attack evaluate --json` report."""
    manifest_path = folder / "grid.json"
    if not manifest_path.exists():
        raise NotebookInputError(f"{manifest_path} is missing: make it with notebooks/attack-grid.sh GCTSIM {folder}")
    manifest = json.loads(manifest_path.read_text())
    got = (manifest.get("format"), manifest.get("version"))
    if got != ATTACK_GRID_FORMAT:
        raise NotebookInputError(f"{manifest_path}: format {got}, this notebook reads {ATTACK_GRID_FORMAT}")
    needed = ("coalition_share", "price_move", "max_distortion", "distortion_hours", "honest_noise", "attacker_profit_gct",
              "attacker_gain_gct", "attacker_cost_gct", "alarms_in_window", "false_alarms_twin", "first_alarm_h",
              "honest_extra_paid_gct")
    points = []
    for point in manifest["runs"]:
        p = folder / point["report"]
        if not p.exists():
            raise NotebookInputError(f"{p} (listed in {manifest_path}) is missing")
        try:
            report = json.loads(p.read_text())
        except json.JSONDecodeError as e:
            raise NotebookInputError(f"{p}: not JSON ({e}); was `gctsim attack evaluate --json` interrupted?") from None
        attacks = report.get("attacks")
        if not isinstance(attacks, list) or len(attacks) != 1:
            raise NotebookInputError(f"{p}: expected one evaluated attack, found {None if attacks is None else len(attacks)}")
        figures = attacks[0].get("figures", {})
        missing = [m for m in needed if m not in figures or not {"mean", "ci95", "per_replication"} <= set(figures[m])]
        if missing:
            raise NotebookInputError(f"{p}: the report lacks figures {missing} (a change of `gctsim attack evaluate --json`? docs/attacks.md)")
        points.append((point, report, figures))
    if not points:
        raise NotebookInputError(f"{manifest_path} lists no runs")
    return manifest, points


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
