"""Shared fixtures: the package root, the gctsim binary, and a sample trajectory written by it."""
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


def binary_from_environment(default: pathlib.Path) -> pathlib.Path:
    """The binary the tests run: `GCTSIM_RELEASE` (what the Makefile and the other tests use), else
    `GCTSIM` (an alias kept for older command lines), else `default`."""
    return pathlib.Path(os.environ.get("GCTSIM_RELEASE") or os.environ.get("GCTSIM") or default)


@pytest.fixture(scope="session")
def gctsim() -> pathlib.Path:
    binary = binary_from_environment(ROOT / ".build" / "debug" / "gctsim")
    if not binary.exists():
        pytest.fail(f"{binary} is missing: run `swift build` first (Tests/python/run.sh does)")
    return binary


@pytest.fixture(scope="session")
def sample_trajectory(gctsim, tmp_path_factory) -> pathlib.Path:
    """A small file with every kind of object, from `gctsim _write-sample-trajectory`."""
    path = tmp_path_factory.mktemp("trajectory") / "sample.h5"
    subprocess.run([str(gctsim), "_write-sample-trajectory", str(path), "--rows", "300"], check=True)
    return path
