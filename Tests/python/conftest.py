"""Shared fixtures: the package root, the gctsim binary, and a sample trajectory written by it."""
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def gctsim() -> pathlib.Path:
    binary = pathlib.Path(os.environ.get("GCTSIM", ROOT / ".build" / "debug" / "gctsim"))
    if not binary.exists():
        pytest.fail(f"{binary} is missing: run `swift build` first (Tests/python/run.sh does)")
    return binary


@pytest.fixture(scope="session")
def sample_trajectory(gctsim, tmp_path_factory) -> pathlib.Path:
    """A small file with every kind of object, from `gctsim _write-sample-trajectory`."""
    path = tmp_path_factory.mktemp("trajectory") / "sample.h5"
    subprocess.run([str(gctsim), "_write-sample-trajectory", str(path), "--rows", "300"], check=True)
    return path
