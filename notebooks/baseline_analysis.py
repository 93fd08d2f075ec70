# %% [markdown]
# # The baseline year, read with pandas
#
# A notebook in percent format (opens in Jupyter with jupytext, or runs as a script). It reads
# `results/baseline.h5` (written by `make demo`) and exports its tables to
# `notebooks-export/baseline_analysis.md`. Run: `.venv/bin/python notebooks/baseline_analysis.py`
# (after `make demo`; `make notebooks` does both).

# %%
import pathlib
import sys

import h5py
import numpy as np
import pandas as pd

root = pathlib.Path(__file__).resolve().parents[1]
path = root / "results" / "baseline.h5"
out = root / "notebooks-export" / "baseline_analysis.md"
if not path.exists():
    sys.exit(f"{path} is missing: run `make demo` first")

GCT = 1e9  # base units per GCT

with h5py.File(path, "r") as f:
    meta = {k: f["meta"].attrs[k] for k in ("scenario_name", "scenario_hash", "seed", "gctsim_version", "status")}
    ts = pd.DataFrame({k: f["rep_0000/timeseries"][k][:] for k in f["rep_0000/timeseries"]})
    ex = f["rep_0000/events/executions"]
    executions = pd.DataFrame({k: ex[k][:] for k in ("time_us", "operation", "outcome", "cost", "burned", "wait_s")})
    executions["operation"] = pd.Categorical.from_codes(executions["operation"], list(ex["operation"].attrs["categories"]))
    executions["outcome"] = pd.Categorical.from_codes(executions["outcome"], list(ex["outcome"].attrs["categories"]))
    gov = f["rep_0000/events/governance"]
    governance = pd.DataFrame({k: gov[k][:] for k in gov})
    governance["event"] = pd.Categorical.from_codes(governance["event"], list(gov["event"].attrs["categories"]))

# %% [markdown]
# ## Supply, monthly

# %%
ts["day"] = ts["time_s"] / 86400
monthly = ts[ts["day"] % 30 == 0][["day", "minted", "burned", "total_supply", "circulating", "staked"]].copy()
for c in ["minted", "burned", "total_supply", "circulating", "staked"]:
    monthly[c] = (monthly[c] / GCT).round(3)
monthly["day"] = monthly["day"].astype(int)

# %% [markdown]
# ## Market, monthly means: price multiplier, queue, capacity, token velocity

# %%
ts["month"] = (ts["day"] // 30).astype(int)
market = ts.groupby("month")[["price_multiplier", "queue_length", "capacity", "token_velocity"]].mean().round(3)

# %% [markdown]
# ## Executions by operation: count, mean cost and wait, burn share before and after the proposal

# %%
done = executions[executions["outcome"] == "completed"]
by_op = done.groupby("operation", observed=True).agg(
    executions=("cost", "size"), mean_cost_gct=("cost", lambda c: c.mean() / GCT), mean_wait_s=("wait_s", "mean")
).round(4)
executed_at = governance.loc[governance["event"] == "executed", "time_us"]
burn = None
if len(executed_at):
    t = int(executed_at.iloc[0])
    before, after = done[done["time_us"] < t], done[done["time_us"] >= t]
    burn = pd.DataFrame({
        "period": ["before the proposal", "after the proposal"],
        "burned / paid": [before["burned"].sum() / before["cost"].sum(), after["burned"].sum() / after["cost"].sum()],
    }).round(5)

# %% [markdown]
# ## Staking: promised vs paid (cumulative, GCT)

# %%
staking = ts[ts["day"] % 60 == 0][["day", "staking_promised", "staking_paid", "staking_shortfall"]].copy()
for c in ["staking_promised", "staking_paid", "staking_shortfall"]:
    staking[c] = (staking[c] / GCT).round(3)
staking["day"] = staking["day"].astype(int)

# %%
parts = [
    "# The baseline year, read with pandas",
    "",
    "Exported by `notebooks/baseline_analysis.py` from `results/baseline.h5` "
    f"(scenario `{meta['scenario_name']}`, hash `{meta['scenario_hash']}`, seed {meta['seed']}, "
    f"gctsim {meta['gctsim_version']}, status {meta['status']}).",
    "",
    "## Supply every 30 days (GCT)", "", monthly.to_markdown(index=False, floatfmt=",.3f"), "",
    "## Market, monthly means", "", market.to_markdown(), "",
    "## Completed executions by operation", "", by_op.to_markdown(floatfmt=",.4f", intfmt=","), "",
]
if burn is not None:
    parts += ["## Burn actually applied around the governance proposal", "", burn.to_markdown(index=False), ""]
parts += ["## Staking rewards, cumulative (GCT)", "", staking.to_markdown(index=False, floatfmt=",.3f"), ""]
out.write_text("\n".join(parts))
print(f"wrote {out}")
