"""Prices around the formula (issue 13, departure P2), read from a trajectory as a user would.

`flame_factor` is the median over the requested operations of the FLAME factor (price drift ×
demand × performance × scarcity) that multiplies PRD-010's compute cost. With the world's `load`
price update its median at utilisation 0.5-0.8 stays within [0.8, 1.25]; the spec's literal update
(`pricing.lambda_update: literal`) compares one operation's pending work with the whole pool and
drifts toward the 0.5 floor, which this test also shows, so it can fail either way.
"""
import subprocess

import h5py
import numpy as np
import pytest


def median_factor_at_mid_utilisation(path):
    values = []
    with h5py.File(path, "r") as f:
        for rep in (k for k in f if k.startswith("rep_")):
            ts = f[rep]["timeseries"]
            utilisation = ts["running"][:] / np.maximum(ts["capacity"][:], 1)
            band = (utilisation >= 0.5) & (utilisation <= 0.8)
            values.append(ts["flame_factor"][:][band])
    values = np.concatenate(values)
    assert values.size >= 10, f"only {values.size} samples at utilisation 0.5-0.8"
    return float(np.median(values))


@pytest.mark.parametrize("rule, low, high", [("load", 0.8, 1.25), ("literal", 0.0, 0.8)])
def test_median_flame_factor_at_utilisation_half_to_four_fifths(gctsim, tmp_path, rule, low, high):
    path = tmp_path / f"smoke-{rule}.h5"
    subprocess.run([str(gctsim), "run", "scenarios/ci/smoke.yaml", "--set", f"pricing.lambda_update={rule}",
                    "--set", "metrics.interval=30m", "--output", str(path)], check=True, capture_output=True)
    median = median_factor_at_mid_utilisation(path)
    assert low <= median <= high, f"{rule}: median flame_factor {median:.4f} outside [{low}, {high}]"
