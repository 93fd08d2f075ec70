"""A run killed with SIGKILL leaves a readable file: it opens, says `status = running`, and every
replication's time series has columns of one length (rows up to the writer's last flush).
docs/trajectory-format.md, "A killed run". Uses the release binary when present (GCTSIM overrides)."""
import os
import pathlib
import random
import signal
import subprocess
import time

import h5py
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
RELEASE = ROOT / ".build" / "release" / "gctsim"


@pytest.fixture(scope="module")
def binary():
    path = pathlib.Path(os.environ.get("GCTSIM", RELEASE if RELEASE.exists() else ROOT / ".build" / "debug" / "gctsim"))
    if not path.exists():
        pytest.skip(f"{path} is missing")
    return path


@pytest.mark.parametrize("k", range(20))
def test_sigkilled_run_is_readable(binary, tmp_path, k):
    rng = random.Random(1000 + k)
    path = tmp_path / f"killed-{k}.h5"
    args = [str(binary), "run", "scenarios/ci/smoke.yaml", "--set", "duration=3650d", "--set", "replications=3",
            "--threads", str(1 + k % 2), "--output", str(path), "--quiet"]
    p = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # A random moment once the file exists (before that there is nothing to read), up to 3 s later.
    deadline = time.time() + 60
    while not path.exists() and time.time() < deadline and p.poll() is None:
        time.sleep(0.005)
    time.sleep(rng.uniform(0.0, 3.0))
    os.kill(p.pid, signal.SIGKILL)
    p.wait()
    assert p.returncode == -signal.SIGKILL, "the run ended before it was killed: lengthen it"
    with h5py.File(path, "r") as f:
        status = f["meta"].attrs["status"]
        assert (status.decode() if isinstance(status, bytes) else status) == "running"
        for name, group in f.items():
            if not name.startswith("rep_") or "timeseries" not in group:
                continue
            lengths = {ds.shape[0] for ds in group["timeseries"].values()}
            assert len(lengths) == 1, f"{name}/timeseries columns of unequal lengths {lengths}"
    inspect = subprocess.run([str(binary), "inspect", str(path)], cwd=ROOT, capture_output=True, text=True)
    assert inspect.returncode == 0, inspect.stderr
    assert "status:  running (the writer has not finished" in inspect.stdout
