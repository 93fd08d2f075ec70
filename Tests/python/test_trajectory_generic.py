"""Checks of the generic trajectory layout (docs/trajectory-format.md) as h5py and pandas users see it.

The file comes from `gctsim _write-sample-trajectory` (two replications, 300 rows each).
"""
import h5py
import numpy as np
import pandas as pd

REPS = ["rep_0000", "rep_0001"]
ROWS = 300


def datasets(group):
    """All datasets under an h5py group, by path."""
    found = {}
    group.visititems(lambda name, obj: found.__setitem__(name, obj) if isinstance(obj, h5py.Dataset) else None)
    return found


def test_meta_attributes_are_python_values(sample_trajectory):
    with h5py.File(sample_trajectory, "r") as f:
        meta = f["meta"].attrs
        # Variable-length UTF-8 strings come back as str, not bytes.
        for name in ["status", "scenario_name", "scenario_yaml", "gctsim_version", "git_commit", "time_resolution"]:
            assert isinstance(meta[name], str), name
        assert meta["status"] == "complete"
        assert meta["scenario_yaml"].count("\n") == 4
        assert meta["format_version"] == 1
        assert meta["seed"] == 42 and meta["seed"].dtype == np.uint64
        assert meta["events_processed"] == 2 * ROWS * len(REPS)
        assert isinstance(f["provenance"].attrs["created_utc"], str)


def test_every_dataset_has_units_and_description(sample_trajectory):
    with h5py.File(sample_trajectory, "r") as f:
        for rep in REPS:
            for name, ds in datasets(f[rep]).items():
                assert isinstance(ds.attrs["units"], str), name
                assert isinstance(ds.attrs["description"], str) and ds.attrs["description"], name


def test_dtypes(sample_trajectory):
    with h5py.File(sample_trajectory, "r") as f:
        ts = f["rep_0000/timeseries"]
        assert ts["time_s"].dtype == np.float64
        assert ts["queue_length"].dtype == np.int64
        ev = f["rep_0000/events/executions"]
        assert ev["time_us"].dtype == np.int64
        assert ev["wait_s"].dtype == np.float64
        assert ev["status"].dtype == np.uint8
        # The categorical column is an HDF5 enum: h5py exposes the mapping too.
        assert h5py.check_enum_dtype(ev["status"].dtype) == {"completed": 0, "failed": 1}
        assert list(ev["status"].attrs["categories"]) == ["completed", "failed"]


def test_columns_are_chunked_compressed_and_extendible(sample_trajectory):
    with h5py.File(sample_trajectory, "r") as f:
        ds = f["rep_0000/timeseries/queue_length"]
        assert ds.maxshape == (None,)
        assert ds.chunks is not None
        assert ds.compression == "gzip" and ds.compression_opts == 4
        assert ds.shuffle


def test_events_columns_have_equal_lengths(sample_trajectory):
    with h5py.File(sample_trajectory, "r") as f:
        for rep in REPS:
            for group in [f[f"{rep}/events/executions"], f[f"{rep}/timeseries"]]:
                lengths = {name: group[name].shape[0] for name in group}
                assert set(lengths.values()) == {ROWS}, lengths


def test_pandas_frames(sample_trajectory):
    with h5py.File(sample_trajectory, "r") as f:
        ts = f["rep_0000/timeseries"]
        frame = pd.DataFrame({k: ts[k][:] for k in ts})
        assert frame.shape == (ROWS, 3)
        assert frame["time_s"].iloc[-1] == (ROWS - 1) * 60
        # queue_length row i of replication 0 is (7 i) mod 13.
        assert (frame["queue_length"] == (np.arange(ROWS) * 7) % 13).all()
        ev = f["rep_0000/events/executions"]
        events = pd.DataFrame({k: ev[k][:] for k in ev})
        events["status"] = pd.Categorical.from_codes(events["status"], categories=list(ev["status"].attrs["categories"]))
        # Row i failed when i mod 9 == 4.
        assert (events["status"] == "failed").sum() == sum(1 for i in range(ROWS) if i % 9 == 4)


def test_final_arrays_and_replications(sample_trajectory):
    with h5py.File(sample_trajectory, "r") as f:
        assert [k for k in f if k.startswith("rep_")] == REPS
        for index, rep in enumerate(REPS):
            assert f[rep].attrs["replication_index"] == index
            assert list(f[f"{rep}/final/balances"][:]) == [1_000_000_000, 250_000_000, 0]
            kinds = f[f"{rep}/final/account_kind"]
            assert list(pd.Categorical.from_codes(kinds[:], categories=list(kinds.attrs["categories"]))) == [
                "provider", "consumer", "consumer"]


def test_file_of_a_killed_writer_opens_and_says_running(gctsim, tmp_path):
    import subprocess

    path = tmp_path / "killed.h5"
    result = subprocess.run([str(gctsim), "_write-sample-trajectory", str(path), "--rows", "100", "--abandon-after-flush"])
    assert result.returncode == -9  # SIGKILL, no close
    # No h5clear needed: the file format (superblock v2) records no "open for writing" flag.
    with h5py.File(path, "r") as f:
        assert f["meta"].attrs["status"] == "running"
        assert f["rep_0000/timeseries/time_s"].shape == (51,)
