"""A run killed with SIGKILL at a random moment leaves a readable file: it opens, says `status =
running`, EVERY dataset reads back in full, every table's columns have one length (rows up to the
writer's last flush point), and `gctsim inspect` succeeds. docs/trajectory-format.md, "A killed run".

20 runs are killed 2.5-8 s after their file appears, i.e. after the first flush points that write
rows (a writer flushes every 2 s of wall time): half are one long replication on one thread, half
many 30-day replications on two threads (so replications also end and begin, with their /final
arrays, between kills). A kill while HDF5 rewrites metadata inside an H5Fflush can still leave a
mixed file (docs/trajectory-format.md): seen once in ~120 kills (one events table with columns of two
lengths, all data readable), with 8-day replications, which make flush points denser; at most one such
file of the 20 is tolerated (test_columns_have_one_length). The runs go 5 at a time to keep the wall time
down. Uses the release binary
when present; GCTSIM (or GCTSIM_RELEASE) overrides it."""
import concurrent.futures
import os
import pathlib
import random
import signal
import subprocess
import time

import h5py
import numpy as np
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
RELEASE = ROOT / ".build" / "release" / "gctsim"
RUNS = 20


@pytest.fixture(scope="module")
def binary():
    default = RELEASE if RELEASE.exists() else ROOT / ".build" / "debug" / "gctsim"
    path = pathlib.Path(os.environ.get("GCTSIM", os.environ.get("GCTSIM_RELEASE", default)))
    if not path.exists():
        pytest.skip(f"{path} is missing")
    return path


def kill_one(binary, directory, k):
    """Starts run k, SIGKILLs it at a random moment once rows are being flushed; returns (path, rc, s)."""
    rng = random.Random(1000 + k)
    path = directory / f"killed-{k}.h5"
    if k % 2 == 0:  # one long replication, one thread
        shape = ["--set", "duration=3650d", "--set", "replications=1", "--threads", "1"]
    else:  # short replications on two threads: some end (writing /final) and new ones start
        shape = ["--set", "duration=30d", "--set", "replications=100", "--threads", "2"]
    p = subprocess.Popen([str(binary), "run", "scenarios/ci/smoke.yaml", *shape, "--output", str(path), "--quiet"],
                         cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while not path.exists() and time.time() < deadline and p.poll() is None:
        time.sleep(0.005)
    wait = rng.uniform(2.5, 8.0)
    time.sleep(wait)
    os.kill(p.pid, signal.SIGKILL)
    p.wait()
    return path, p.returncode, wait


@pytest.fixture(scope="module")
def killed(binary, tmp_path_factory):
    directory = tmp_path_factory.mktemp("killed")
    with concurrent.futures.ThreadPoolExecutor(max_workers=5) as pool:
        return list(pool.map(lambda k: kill_one(binary, directory, k), range(RUNS)))


def read_everything(path):
    """Reads every dataset of the file completely; returns (status, {table group: {column: length}})."""
    tables = {}
    with h5py.File(path, "r") as f:
        status = f["meta"].attrs["status"]
        status = status.decode() if isinstance(status, bytes) else status

        def visit(name, obj):
            if isinstance(obj, h5py.Dataset):
                data = obj[()]  # the whole dataset: every chunk is read and decompressed
                assert np.shape(data) == obj.shape, f"{name}: read {np.shape(data)} of {obj.shape}"
                group, column = name.rsplit("/", 1)
                tables.setdefault(group, {})[column] = obj.shape[0] if obj.shape else 1
            for key in obj.attrs:  # every attribute too
                obj.attrs[key]

        f.visititems(visit)
    return status, tables


@pytest.mark.parametrize("k", range(RUNS))
def test_sigkilled_run_is_readable(binary, killed, k):
    path, returncode, wait = killed[k]
    assert returncode == -signal.SIGKILL, f"run {k} ended before it was killed ({returncode}): lengthen it"
    status, tables = read_everything(path)
    assert status == "running"
    inspect = subprocess.run([str(binary), "inspect", str(path)], cwd=ROOT, capture_output=True, text=True)
    assert inspect.returncode == 0, f"killed {wait:.2f} s after the file appeared: {inspect.stderr}"
    assert "status:  running (the writer has not finished" in inspect.stdout


def test_most_killed_runs_have_rows(killed):
    """The kills come after the first flush points with rows: otherwise the test above checks nothing."""
    with_rows = 0
    for path, _, _ in killed:
        with h5py.File(path, "r") as f:
            series = [g["timeseries"] for name, g in f.items() if name.startswith("rep_") and "timeseries" in g]
            with_rows += any(len(ds) > 0 for ts in series for ds in ts.values())
    assert with_rows >= RUNS * 3 // 4, f"only {with_rows} of {RUNS} killed files have time-series rows"


def mixed_tables(path):
    """The tables whose columns have unequal lengths (a kill inside H5Fflush's metadata writes)."""
    _, tables = read_everything(path)
    return {group: lengths for group, lengths in tables.items()
            if group.startswith("rep_") and ("/timeseries" in group or "/events/" in group)
            and len(set(lengths.values())) > 1}


def test_columns_have_one_length(killed):
    """Every table's columns have one length (rows up to the last flush point). A kill that lands inside
    an H5Fflush can leave one table whose columns stop at two flush points, all data readable (the residual
    case of docs/trajectory-format.md, about 1 kill in 120): at most one such file of 20 is tolerated, so that
    the test stays deterministic in CI while two such files, or any unreadable data (the test above), fail it."""
    mixed = {str(path): m for path, _, _ in killed if (m := mixed_tables(path))}
    assert len(mixed) <= 1, f"{len(mixed)} of {RUNS} killed files have columns of unequal lengths: {mixed}"
