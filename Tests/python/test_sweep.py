"""A sweep file read with h5py and pandas in one line (docs/trajectory-format.md, "Sweep files")."""
import subprocess

import h5py
import numpy as np
import pandas as pd

TINY = """
name: tiny
seed: 3
replications: 3
duration: 30m
metrics: {interval: 10m, sample_events: false}
providers:
  servers: 2
  service_time: {default: {dist: exponential, mean: 2s}}
users:
  - name: u
    count: 4
    arrival: {rate_per_s: 0.5}
    ops: {matrix_multiplication: 1}
    budget: "1_000"
"""


def test_sweep_tables_read_in_one_line(gctsim, tmp_path):
    scenario = tmp_path / "tiny.yaml"
    scenario.write_text(TINY)
    out = tmp_path / "sweep.h5"
    subprocess.run([str(gctsim), "sweep", str(scenario), "--var", "providers.servers=1,2",
                    "--var", "pricing.queue_priority=spec,log", "--output", str(out), "--summary", "csv"],
                   check=True, capture_output=True)
    runs = pd.DataFrame(h5py.File(out)["sweep"][:])
    points = pd.DataFrame(h5py.File(out)["sweep_points"][:])
    assert len(runs) == 4 * 3 and len(points) == 4
    assert list(runs["point"]) == [p for p in range(4) for _ in range(3)]
    assert list(runs["replication"]) == [0, 1, 2] * 4
    assert runs["providers.servers"].dtype == np.float64
    assert list(points["pricing.queue_priority"]) == [b"spec", b"log", b"spec", b"log"]
    means = runs.groupby("point")["mean_wait_s"].mean()
    assert np.allclose(points["mean_wait_s_mean"], means)
    assert (points["mean_wait_s_ci_low"] <= points["mean_wait_s_mean"]).all()
    meta = h5py.File(out)["meta"].attrs
    assert meta["status"] == "complete" and meta["kind"] == "sweep" and meta["seeding"] == "common"
    assert list(meta["vars"]) == ["providers.servers", "pricing.queue_priority"]
