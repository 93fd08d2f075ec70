"""A fresh run's trajectory read with h5py and pandas: every documented dataset and attribute
exists with its documented dtype and units (docs/trajectory-format.md, "World datasets")."""
import subprocess

import h5py
import numpy as np
import pandas as pd
import pytest

GCT = "base units (1e-9 GCT)"

TIMESERIES = {
    "time_s": ("float64", "s"), "minted": ("int64", GCT), "burned": ("int64", GCT),
    "total_supply": ("int64", GCT), "circulating": ("int64", GCT), "staked": ("int64", GCT),
    "held": ("int64", GCT), "queue_length": ("int64", "requests"), "running": ("int64", "requests"),
    "capacity": ("int64", "servers"), "price_multiplier": ("float64", "1"),
    "consensus_price": ("float64", "GCT per GPU-hour"), "token_velocity": ("float64", "1/year or 1"), "flame_factor": ("float64", "1"),
    "arrived": ("int64", "requests"), "completed": ("int64", "requests"), "failed": ("int64", "requests"),
    "balked": ("int64", "requests"), "insufficient": ("int64", "requests"),
    "staking_promised": ("int64", GCT), "staking_paid": ("int64", GCT), "staking_shortfall": ("int64", GCT),
    "emission_cap_shortfall": ("int64", GCT), "validator_emission_minted": ("int64", GCT),
    "emission_undistributed": ("int64", GCT), "fee_pool_balance": ("int64", GCT), "reputation_min": ("float64", "1"),
    "reputation_median": ("float64", "1"), "reputation_max": ("float64", "1"), "alarms": ("int64", "alarms"),
    "proposals_passed": ("int64", "proposals"), "burn_rate": ("float64", "1"),
}
EVENTS = {
    "executions": {"time_us": "int64", "user_class": "int64", "user": "int64", "operation": "enum",
                   "outcome": "enum", "cost": "int64", "burned": "int64", "wait_s": "float64",
                   "service_s": "float64", "provider": "int64"},
    "oracle_rounds": {"time_us": "int64", "reports": "int64", "unavailable": "int64", "outliers": "int64",
                      "consensus_price": "float64", "supply_demand_ratio": "float64", "multiplier": "float64",
                      "confidence": "float64"},
    "alarms": {"time_us": "int64", "z_score": "float64", "anomaly_consensus": "float64", "price": "float64"},
    "scaling": {"time_us": "int64", "action": "enum", "factor": "float64", "velocity": "float64", "demand": "float64",
                "capacity_before": "int64", "capacity_after": "int64"},
    "governance": {"time_us": "int64", "proposal": "int64", "event": "enum", "yes": "int64", "no": "int64",
                   "abstain": "int64"},
}
FINAL = {"account_kind": "enum", "balance": "int64", "held": "int64", "staked": "int64", "position_owner": "int64",
         "position_amount": "int64", "position_status": "enum", "position_promised": "int64",
         "position_paid": "int64", "validator_reputation": "float64"}
META = {"format_version": int, "status": str, "scenario_name": str, "scenario_yaml": str, "scenario_hash": str,
        "seed": int, "replications": int, "gctsim_version": str, "git_commit": str, "time_resolution": str,
        "end_time_us": int, "events_processed": int}


@pytest.fixture(scope="module")
def run_file(gctsim, tmp_path_factory):
    path = tmp_path_factory.mktemp("run") / "smoke.h5"
    subprocess.run([str(gctsim), "run", "scenarios/ci/smoke.yaml", "--set", "duration=12h", "--set", "replications=2",
                    "--threads", "2", "--output", str(path)], check=True, capture_output=True)
    return path


def dtype_kind(ds):
    if h5py.check_enum_dtype(ds.dtype) is not None:
        return "enum"
    return str(ds.dtype)


def test_meta_and_provenance(run_file):
    with h5py.File(run_file, "r") as f:
        for key, kind in META.items():
            assert key in f["meta"].attrs, key
            value = f["meta"].attrs[key]
            assert isinstance(value, str) if kind is str else np.issubdtype(type(value), np.integer), key
        assert f["meta"].attrs["status"] == "complete"
        assert f["meta"].attrs["scenario_name"] == "ci-smoke"
        assert "wall_clock_seconds" in f["provenance"].attrs
        assert sorted(k for k in f.keys() if k.startswith("rep_")) == ["rep_0000", "rep_0001"]


@pytest.mark.parametrize("rep", ["rep_0000", "rep_0001"])
def test_timeseries_documented_and_pandas(run_file, rep):
    with h5py.File(run_file, "r") as f:
        ts = f[rep]["timeseries"]
        assert set(ts.keys()) == set(TIMESERIES)
        for name, (dtype, units) in TIMESERIES.items():
            assert str(ts[name].dtype) == dtype, name
            assert ts[name].attrs["units"] == units, name
            assert ts[name].attrs["description"], name
        df = pd.DataFrame({k: f[rep]["timeseries"][k][:] for k in f[rep]["timeseries"]})
    assert len(df) == 13  # samples at 0 h, 1 h, …, 12 h
    assert (df["total_supply"] == df["minted"] - df["burned"]).all()
    assert df["burned"].is_monotonic_increasing


@pytest.mark.parametrize("kind", sorted(EVENTS))
def test_events_columns(run_file, kind):
    with h5py.File(run_file, "r") as f:
        table = f["rep_0000"]["events"][kind]
        assert set(table.keys()) == set(EVENTS[kind])
        lengths = {len(table[c]) for c in table}
        assert len(lengths) == 1, lengths
        for column, dtype in EVENTS[kind].items():
            assert dtype_kind(table[column]) == dtype, (kind, column)
            assert "units" in table[column].attrs and table[column].attrs["description"]
            if dtype == "enum":
                assert list(table[column].attrs["categories"])
        df = pd.DataFrame({c: table[c][:] for c in table})
        if kind == "executions":
            assert len(df) > 1000
            outcomes = pd.Categorical.from_codes(df["outcome"], categories=list(table["outcome"].attrs["categories"]))
            assert "completed" in set(outcomes)


def test_final_arrays(run_file):
    with h5py.File(run_file, "r") as f:
        final = f["rep_0000"]["final"]
        assert set(final.keys()) == set(FINAL)
        for name, dtype in FINAL.items():
            assert dtype_kind(final[name]) == dtype, name
        n = len(final["balance"])
        assert len(final["held"]) == n and len(final["staked"]) == n and len(final["account_kind"]) == n
        total = int(final["balance"][:].sum() + final["held"][:].sum() + final["staked"][:].sum())
        ts = f["rep_0000"]["timeseries"]
        assert total == int(ts["total_supply"][-1])  # conservation to the base unit at the end
