"""`gctsim attack evaluate --output PATH.h5` read with h5py and pandas in one line (docs/trajectory-format.md, "Attack reports")."""
import json
import subprocess

import h5py
import numpy as np
import pandas as pd

# A small market with 7 validators and an oracle spike by a weight-share coalition, and a whale.
TINY = """
name: tiny-attack
seed: 5
replications: 3
duration: 3h
metrics: {interval: 1h, sample_events: false}
providers:
  servers: 2
  service_time: {default: {dist: exponential, mean: 1s}}
users:
  - name: u
    count: 4
    arrival: {rate_per_s: 0.5}
    ops: {matrix_multiplication: 1}
    budget: "10_000"
    top_up: {amount: "5_000", when_below: "500"}
validators:
  count: 7
  stake: {dist: uniform, min: 20000, max: 100000}
oracle: {period: 10m, slash_outliers: true, congestion_from: price}
attacks:
  oracle_manipulation:
    - {start: 1h, end: 2h, weight_share: 0.6, bias: {price: 0.5}}
  whales:
    - {at: 1h, user_class: u, payment: "50", requests: 20, spacing: 10s}
"""


def test_attack_tables_read_in_one_line(gctsim, tmp_path):
    scenario = tmp_path / "tiny.yaml"
    scenario.write_text(TINY)
    out = tmp_path / "attack.h5"
    js = tmp_path / "attack.json"
    subprocess.run([str(gctsim), "attack", "evaluate", str(scenario), "--output", str(out)], check=True, capture_output=True)
    subprocess.run([str(gctsim), "attack", "evaluate", str(scenario), "--output", str(js)], check=True, capture_output=True)
    with h5py.File(out) as f:  # closed before the file is replaced below (HDF5 locks open files)
        rows = pd.DataFrame(f["attack"][:])
        summary = pd.DataFrame(f["attack_summary"][:])
        figures = pd.DataFrame(f["attack_figures"][:])
        meta = dict(f["meta"].attrs)
    assert list(rows["attack"]) == [b"oracle_manipulation.0"] * 3 + [b"whales.0"] * 3
    assert list(rows["replication"]) == [0, 1, 2] * 2
    assert list(summary["attack"]) == [b"oracle_manipulation.0", b"whales.0"]
    assert list(summary["n"]) == [3, 3]
    names = [f.decode() for f in figures["figure"]]
    assert names[:3] == ["coalition_share", "coalition_stake_gct", "coalition_size"] and "price_move" in names
    # The per-replication rows and the summary agree with the JSON report.
    report = json.loads(js.read_text())
    for a in report["attacks"]:
        mine = rows[rows["attack"] == a["name"].encode()]
        s = summary[summary["attack"] == a["name"].encode()].iloc[0]
        for name in names:
            f = a["figures"][name]
            assert np.allclose(mine[name].to_numpy(), f["per_replication"]), name
            assert np.isclose(s[f"{name}_mean"], f["mean"]), name
            assert np.isclose(s[f"{name}_mean"], mine[name].mean()), name
            if f.get("ci95") is not None:
                assert np.isclose(s[f"{name}_ci_low"], f["ci95"][0]) and np.isclose(s[f"{name}_ci_high"], f["ci95"][1]), name
    # The spike moves the price up; the whale waits less than the others would.
    assert summary.iloc[0]["price_move_mean"] > 0.2
    assert meta["status"] == "complete" and meta["kind"] == "attack_evaluation"
    assert meta["attacks"] == "oracle_manipulation.0,whales.0"
    # Never overwritten without --force.
    again = subprocess.run([str(gctsim), "attack", "evaluate", str(scenario), "--output", str(out)], capture_output=True, text=True)
    assert again.returncode != 0 and "already exists" in again.stderr
    subprocess.run([str(gctsim), "attack", "evaluate", str(scenario), "--output", str(out), "--force"], check=True, capture_output=True)
    with h5py.File(out) as f:
        assert len(pd.DataFrame(f["attack"][:])) == 6
