# %% [markdown]
# # The baseline year
#
# One simulated year of PRD-010's default economy (`scenarios/baseline.yaml`: validators and oracle
# rounds, auto-scaling providers, stakers, one burn-rate proposal), read from the HDF5 trajectory that
# `make demo` writes (layout: `docs/trajectory-format.md`). Every reading under a plot is computed from
# the file. Source: `notebooks/baseline_year.py` (jupytext percent format; the export hides the code).
#
# **Input** (parameter): environment variable `GCTSIM_RESULTS` (default `results/baseline.h5`);
# `make notebooks RESULTS=path/to/run.h5` re-renders this notebook for any `gctsim run` trajectory
# (replication 0). The notebook stops with an error when the file is missing, is not a trajectory,
# has another `format_version`, or did not finish.

# %% tags=["parameters"]
import os

RESULTS = os.environ.get("GCTSIM_RESULTS", "results/baseline.h5")

# %%
import re

import numpy as np
import pandas as pd

import gctnb

GCT = gctnb.GCT
DAY = 86400.0
plt = gctnb.setup_matplotlib()
path = gctnb.input_path("GCTSIM_RESULTS", RESULTS, "the trajectory", "RESULTS")


def table(group):
    """An HDF5 table (group of equal-length columns) as a DataFrame; enum columns as pandas Categoricals."""
    df = pd.DataFrame({k: group[k][:] for k in group})
    for k in group:
        if "categories" in group[k].attrs:
            df[k] = pd.Categorical.from_codes(df[k], list(group[k].attrs["categories"]))
    return df


with gctnb.open_trajectory(path) as f:
    meta = {k: f["meta"].attrs[k] for k in f["meta"].attrs if k != "scenario_yaml"}
    scenario_yaml = str(f["meta"].attrs.get("scenario_yaml", ""))
    gctnb.require(f, ["rep_0000"], str(path))
    rep = f["rep_0000"]
    gctnb.require(rep, ["timeseries", "events"], f"{path}:/rep_0000")
    gctnb.require(rep["timeseries"], ["time_s", "minted", "burned", "total_supply", "circulating", "staked",
                                      "queue_length", "running", "capacity", "price_multiplier", "consensus_price",
                                      "staking_promised", "staking_paid", "staking_shortfall", "burn_rate"],
                  f"{path}:/rep_0000/timeseries")
    ts = table(rep["timeseries"])
    events = rep["events"]
    oracle = table(events["oracle_rounds"]) if "oracle_rounds" in events else None
    alarms = table(events["alarms"]) if "alarms" in events else pd.DataFrame(columns=["time_us", "z_score", "price"])
    scaling = table(events["scaling"]) if "scaling" in events else None
    governance = table(events["governance"]) if "governance" in events else None
    executions = None
    if "executions" in events:
        ex = events["executions"]
        executions = pd.DataFrame({k: ex[k][:] for k in ("time_us", "operation", "outcome", "wait_s", "cost")})
        op_names = list(ex["operation"].attrs["categories"])
        outcome_names = list(ex["outcome"].attrs["categories"])
    final = rep["final"] if "final" in rep else {}
    reputation = final["validator_reputation"][:] if "validator_reputation" in final else None
    rep_attrs = dict(rep.attrs)

attacked = re.search(r"^attacks:", scenario_yaml, re.M) is not None
ts["day"] = ts["time_s"] / DAY
days = float(ts["day"].iloc[-1])
gctnb.reading(f"{gctnb.shown(path)}: scenario {meta['scenario_name']} (hash {meta['scenario_hash']}), seed {meta['seed']}, "
      f"gctsim {meta['gctsim_version']}, status {meta['status']}, {days:.0f} simulated days, "
      f"{int(meta['events_processed']):,} events, {len(ts):,} samples; stop: {rep_attrs.get('stop_reason', '?')}", label="Input")
executed = []
if governance is not None:
    executed = [t / 1e6 / DAY for t in governance.loc[governance["event"] == "executed", "time_us"]]


def mark_governance(ax):
    for i, d in enumerate(executed):
        ax.axvline(d, color="tab:purple", ls=":", lw=1.2, label="proposal executed" if i == 0 else None)


def daily(series: pd.Series, how="mean") -> pd.Series:
    return series.groupby((ts["day"]).astype(int)).agg(how)


def band(ax, day, values, colour, what, centre="mean", lo=0.05, hi=0.95):
    """Daily centre line and the daily lo–hi quantile band of a dense series (hourly samples, oracle rounds)."""
    g = pd.Series(np.asarray(values)).groupby(np.asarray(day).astype(int))
    x = np.asarray(g.size().index) + 0.5
    ax.fill_between(x, g.quantile(lo), g.quantile(hi), color=colour, alpha=0.25, lw=0,
                    label=f"{what}: daily {lo * 100:.0f}–{hi * 100:.0f} % range")
    ax.plot(x, g.agg(centre), color=colour, lw=1.3, label=f"{what}: daily {centre}")


# %% [markdown]
# ## Supply: total, circulating, staked, burned

# %%
fig, (ax, ax2) = plt.subplots(1, 2, figsize=(12, 4), gridspec_kw={"width_ratios": [3, 2]})
for col, colour in [("total_supply", "black"), ("circulating", "tab:blue"), ("staked", "tab:green")]:
    ax.plot(ts["day"], ts[col] / GCT / 1e6, color=colour, label=col.replace("_", " "))
ax.set_xlabel("day")
ax.set_ylabel("million GCT")
ax.set_title("Supply")
mark_governance(ax)
ax.legend(fontsize=8)
ax2.plot(ts["day"], ts["burned"] / GCT / 1e3, color="tab:red", label="burned (cumulative)")
ax2.set_xlabel("day")
ax2.set_ylabel("thousand GCT")
ax2.set_title("Burned")
mark_governance(ax2)
ax2.legend(fontsize=8)
plt.show()

first, last = ts.iloc[0], ts.iloc[-1]
minted_new = (last["minted"] - first["minted"]) / GCT
burned = (last["burned"] - first["burned"]) / GCT
reading = (f"total supply went from {first['total_supply'] / GCT:,.0f} to {last['total_supply'] / GCT:,.0f} GCT "
           f"({(last['total_supply'] / first['total_supply'] - 1) * 100:+.2f} % in {days:.0f} days): "
           f"{minted_new:,.0f} GCT minted by emission against {burned:,.0f} GCT burned, so burning offsets "
           f"{burned / minted_new * 100 if minted_new else float('nan'):.2f} % of new issuance. Circulating supply "
           f"moved {first['circulating'] / GCT / 1e6:.2f} → {last['circulating'] / GCT / 1e6:.2f} M GCT "
           f"and staked {first['staked'] / GCT / 1e6:.2f} → {last['staked'] / GCT / 1e6:.2f} M GCT "
           f"({last['staked'] / last['total_supply'] * 100:.1f} % of supply at the end).")
if executed:
    t = executed[0]
    pre, post = ts[ts["day"] <= t], ts[ts["day"] >= t]
    rate_pre = (pre["burned"].iloc[-1] - pre["burned"].iloc[0]) / GCT / max(pre["day"].iloc[-1] - pre["day"].iloc[0], 1e-9)
    rate_post = (post["burned"].iloc[-1] - post["burned"].iloc[0]) / GCT / max(post["day"].iloc[-1] - post["day"].iloc[0], 1e-9)
    reading += (f" The proposal executed on day {t:.1f} (burn rate {pre['burn_rate'].iloc[0]:g} → "
                f"{post['burn_rate'].iloc[-1]:g}); burning went from {rate_pre:,.1f} to {rate_post:,.1f} GCT/day "
                f"(×{rate_post / rate_pre if rate_pre else float('nan'):.2f}).")
gctnb.reading(reading)

# %% [markdown]
# ## Market multiplier and the oracle's consensus price, with the detector's alarms

# %%
true_cols = [c for c in (oracle.columns if oracle is not None else []) if "true" in c]
fig, (ax, ax2) = plt.subplots(2, 1, figsize=(12, 7), sharex=True)
band(ax, ts["day"], ts["price_multiplier"], "tab:blue", "multiplier (hourly)")
ax.axhline(1, color="0.4", ls="--", lw=1)
ax.set_ylabel("market multiplier")
ax.set_title("Market multiplier")
mark_governance(ax)
ax.legend(fontsize=8, loc="upper right")
if oracle is not None:
    od = oracle["time_us"] / 1e6 / DAY
    band(ax2, od, oracle["consensus_price"], "tab:green", "consensus (each round)", centre="median")
    for c in true_cols:
        ax2.plot(od, oracle[c], color="black", lw=0.8, label=c.replace("_", " "))
else:
    ax2.plot(ts["day"], ts["consensus_price"], color="tab:green", lw=0.6, label="consensus price (hourly)")
ax2.axhline(0.1, color="0.4", ls="--", lw=1, label="spec base price 0.1 GCT/GPU-h")
if len(alarms):
    ax2.scatter(alarms["time_us"] / 1e6 / DAY, alarms["price"], marker="v", s=60, color="tab:red", zorder=4,
                label=f"alarm ({len(alarms)})")
    for d in alarms["time_us"] / 1e6 / DAY:
        ax.axvline(d, color="tab:red", lw=0.6, alpha=0.5)
ax2.set_xlabel("day")
ax2.set_ylabel("GCT per GPU-hour")
ax2.set_title("Oracle consensus price")
ax2.legend(fontsize=8, loc="upper right")
plt.show()

m = ts["price_multiplier"]
reading = (f"the market multiplier averaged {m.mean():.3f} (hourly range {m.min():.3f}–{m.max():.3f}, "
           f"below 1 in {(m < 1).mean() * 100:.0f} % of hours)")
if oracle is not None:
    p = oracle["consensus_price"]
    implied = p / 0.1
    reading += (f"; over {len(oracle):,} oracle rounds the consensus price had median {p.median():.4f} GCT/GPU-h "
                f"(1st–99th percentile {p.quantile(0.01):.4f}–{p.quantile(0.99):.4f}), i.e. a multiplier of "
                f"{implied.median():.3f} relative to the base price; rounds reached confidence "
                f"{oracle['confidence'].mean():.3f} on average with {oracle['outliers'].sum():,} outlier reports "
                f"and {oracle['unavailable'].sum():,} unavailable answers in all")
reading += "."
if true_cols:
    err = (oracle["consensus_price"] / oracle[true_cols[0]] - 1).abs()
    reading += f" Against the true value ({true_cols[0]}) the consensus is off by {err.median() * 100:.2f} % (median)."
else:
    reading += (" The trajectory holds no true value (no such column under /events/oracle_rounds, see "
                "docs/trajectory-format.md), so the plot shows the consensus against the spec's base price only.")
if len(alarms):
    ad = alarms["time_us"] / 1e6 / DAY
    when = ", ".join(f"day {d:.1f} (z = {z:.2f}, price {pr:.4f})" for d, z, pr in zip(ad, alarms["z_score"], alarms["price"]))
    if len(alarms) > 6:
        when = (", ".join(f"day {d:.1f}" for d in ad[:5]) + f", …, day {ad.iloc[-1]:.1f}; z from "
                f"{alarms['z_score'].min():.2f} to {alarms['z_score'].max():.2f}, at prices "
                f"{alarms['price'].min():.4f}–{alarms['price'].max():.4f} GCT/GPU-h")
    reading += f" The manipulation detector raised {len(alarms)} alarm(s) ({len(alarms) / days * 30:.1f} per 30 days): {when}."
    if oracle is not None:
        p99 = oracle["consensus_price"].quantile(0.99)
        reading += (f" {(alarms['price'] > p99).mean() * 100:.0f} % of them flag a price above the consensus's own 99th "
                    f"percentile; this run has {'attacks configured' if attacked else 'no attack configured'}"
                    + ("." if attacked else ", so these are the detector's false positives on honest noise."))
else:
    reading += " The manipulation detector raised no alarm."
gctnb.reading(reading)

# %% [markdown]
# ## Queue length and waits by operation

# %%
fig, (ax, ax2) = plt.subplots(2, 1, figsize=(12, 7), sharex=True)
band(ax, ts["day"], ts["queue_length"], "tab:orange", "queue length (hourly)")
ax.plot(daily(ts["queue_length"], "max").index + 0.5, daily(ts["queue_length"], "max").values, color="tab:orange",
        lw=0.5, ls=":", label="daily maximum")
ax.set_ylabel("requests waiting")
ax.set_title("Queue length")
ax.legend(fontsize=8, loc="upper right")
waits = None
if executions is not None:
    done = executions[executions["outcome"] == outcome_names.index("completed")]
    d_idx = (done["time_us"].to_numpy() // int(DAY * 1e6)).astype(np.int64)
    ops = done["operation"].to_numpy().astype(np.int64)
    w = done["wait_s"].to_numpy()
    cost = done["cost"].to_numpy()
    nd, no = int(d_idx.max()) + 1, len(op_names)
    n = np.bincount(d_idx * no + ops, minlength=nd * no).reshape(nd, no)
    s = np.bincount(d_idx * no + ops, weights=w, minlength=nd * no).reshape(nd, no)
    rows = []
    for k, name in enumerate(op_names):
        wk = w[ops == k]
        if len(wk) == 0:
            continue
        with np.errstate(invalid="ignore", divide="ignore"):
            ax2.plot(np.arange(nd) + 0.5, s[:, k] / n[:, k], lw=1, label=name)
        rows.append({"operation": name, "completed": len(wk), "mean cost (GCT)": cost[ops == k].mean() / GCT,
                     "mean wait (s)": wk.mean(),
                     "median (s)": np.median(wk), "p95 (s)": np.percentile(wk, 95), "p99 (s)": np.percentile(wk, 99),
                     "waited (%)": (wk > 0).mean() * 100})
    waits = pd.DataFrame(rows).set_index("operation")
    ax2.set_yscale("log")
    ax2.legend(fontsize=8, ncol=3, loc="upper right")
ax2.set_xlabel("day")
ax2.set_ylabel("mean wait of completed requests (s, log)")
ax2.set_title("Daily mean wait by operation")
plt.show()

q = ts["queue_length"]
reading = (f"the queue held {q.mean():.2f} requests on average (median {q.median():.0f}, 99th percentile "
           f"{q.quantile(0.99):.0f}); its longest sample was {q.max():,} on day {ts.loc[q.idxmax(), 'day']:.1f}.")
if waits is not None:
    slow, fast = waits["mean wait (s)"].idxmax(), waits["mean wait (s)"].idxmin()
    rank_corr = waits["mean cost (GCT)"].rank().corr(waits["mean wait (s)"].rank())
    reading += (f" Of {int(waits['completed'].sum()):,} completed requests, {slow} waited longest "
                f"({waits.loc[slow, 'mean wait (s)']:.2f} s mean, p95 {waits.loc[slow, 'p95 (s)']:.1f} s) and "
                f"{fast} shortest ({waits.loc[fast, 'mean wait (s)']:.2f} s mean). The rank correlation between an "
                f"operation's mean cost and its mean wait is {rank_corr:+.2f} (−1: the dearer an operation, the shorter "
                f"its wait, as the queue orders requests by payment).")
    has = n.sum(1) > 0
    day_mean = s.sum(1)[has] / n.sum(1)[has]
    day_no = np.arange(nd)[has]
    reading += (f" The daily mean wait over all operations ranges from {day_mean.min():.3g} s (day {day_no[day_mean.argmin()]}) "
                f"to {day_mean.max():.3g} s (day {day_no[day_mean.argmax()]}), median {np.median(day_mean):.3g} s; "
                f"{int((day_mean > 1).sum())} of {len(day_mean)} days average more than 1 s.")
else:
    reading += " The file has no per-request events (metrics.sample_events: false), so no waits by operation."
gctnb.reading(reading)
waits.round(3) if waits is not None else None

# %% [markdown]
# ## Capacity against demand, with the scaling actions

# %%
demand = ts["running"] + ts["queue_length"]
fig, ax = plt.subplots(figsize=(12, 4.5))
band(ax, ts["day"], demand, "tab:orange", "demand: running + waiting (hourly)")
ax.step(ts["day"], ts["capacity"], where="post", color="black", lw=1.4, label="capacity (servers)")
counts = {}
if scaling is not None:
    sd = scaling["time_us"] / 1e6 / DAY
    for action, marker, colour in [("scale_up", "^", "tab:green"), ("scale_down", "v", "tab:red"),
                                   ("capacity_arrived", "o", "tab:blue")]:
        sel = scaling["action"] == action
        counts[action] = int(sel.sum())
        if sel.any():
            y = scaling.loc[sel, "capacity_after" if action != "scale_up" else "capacity_before"]
            ax.scatter(sd[sel], y, marker=marker, s=40, color=colour, zorder=4,
                       label=f"{action.replace('_', ' ')} ({counts[action]})")
ax.set_xlabel("day")
ax.set_ylabel("servers / requests")
ax.set_title("Capacity against demand")
ax.legend(fontsize=8, loc="upper right")
plt.show()

cap = ts["capacity"]
util = (ts["running"] / cap.where(cap > 0)).mean()
reading = (f"capacity ranged {cap.min()}–{cap.max()} servers (time-average {cap.mean():.2f}); demand exceeded "
           f"capacity (requests had to wait) in {(demand > cap).mean() * 100:.1f} % of hourly samples, and busy servers "
           f"averaged {util * 100:.1f} % of capacity.")
if scaling is not None:
    reading += (f" The autoscaler decided {len(scaling):,} times: {counts.get('scale_up', 0)} scale-ups, "
                f"{counts.get('scale_down', 0)} scale-downs, {counts.get('capacity_arrived', 0)} arrivals of new capacity, "
                f"the rest 'maintain'.")
gctnb.reading(reading)

# %% [markdown]
# ## Staking: APY promised against paid, and the funding gap

# %%
day_rows = ts[np.isclose(ts["time_s"] % DAY, 0)].reset_index(drop=True)
per_day = day_rows[["staking_promised", "staking_paid", "staking_shortfall"]].diff().iloc[1:]
staked = day_rows["staked"].iloc[:-1].to_numpy()
apy_promised = per_day["staking_promised"].to_numpy() / np.where(staked > 0, staked, np.nan) * 365 * 100
apy_paid = per_day["staking_paid"].to_numpy() / np.where(staked > 0, staked, np.nan) * 365 * 100
dd = day_rows["day"].iloc[1:].to_numpy()
fig, (ax, ax2) = plt.subplots(1, 2, figsize=(12, 4))
ax.plot(dd, apy_promised, color="tab:blue", lw=1.5, label="promised")
ax.plot(dd, apy_paid, color="tab:green", lw=1, ls="--", label="paid")
ax.set_xlabel("day")
ax.set_ylabel("annualised yield on the staked amount (%)")
ax.set_ylim(0, max(np.nanmax(apy_promised), np.nanmax(apy_paid), 1e-9) * 1.25)  # from zero: no offset axis
ax.set_title("Staking APY, day by day")
ax.legend(fontsize=8)
ax2.plot(ts["day"], ts["staking_shortfall"] / GCT, color="tab:red", label="staking shortfall (cumulative)")
if "emission_cap_shortfall" in ts:
    ax2.plot(ts["day"], ts["emission_cap_shortfall"] / GCT, color="tab:purple", ls="--", label="emission cap shortfall")
ax2.set_xlabel("day")
ax2.set_ylabel("GCT")
ax2.set_title("Funding gap")
ax2.legend(fontsize=8)
plt.show()

promised, paid = last["staking_promised"] / GCT, last["staking_paid"] / GCT
gap = last["staking_shortfall"] / GCT
gctnb.reading(f"stakers were promised {promised:,.0f} GCT over the run and paid {paid:,.0f} GCT "
      f"({paid / promised * 100 if promised else float('nan'):.2f} % of the promise); the funding gap is {gap:,.0f} GCT"
      + (f", first on day {ts.loc[ts['staking_shortfall'] > 0, 'day'].iloc[0]:.1f}" if gap > 0 else " (never short)")
      + f". The promised APY averaged {np.nanmean(apy_promised):.2f} % (range {np.nanmin(apy_promised):.2f}–"
      f"{np.nanmax(apy_promised):.2f} %) and the paid APY {np.nanmean(apy_paid):.2f} %.")

# %% [markdown]
# ## Validator reputation

# %%
if reputation is None or "reputation_median" not in ts:
    gctnb.reading("this run has no validators (no /final/validator_reputation), so there is no reputation to show.")
else:
    fig, (ax, ax2) = plt.subplots(1, 2, figsize=(12, 4), gridspec_kw={"width_ratios": [3, 2]})
    ax.fill_between(ts["day"], ts["reputation_min"], ts["reputation_max"], color="tab:blue", alpha=0.2, label="min–max")
    ax.plot(ts["day"], ts["reputation_median"], color="tab:blue", label="median")
    ax.set_xlabel("day")
    ax.set_ylabel("reputation")
    ax.set_title("Validator reputation over time")
    if len(alarms):
        for d in alarms["time_us"] / 1e6 / DAY:
            ax.axvline(d, color="tab:red", lw=0.6, alpha=0.5)
    ax.legend(fontsize=8)
    ax2.hist(reputation, bins=np.linspace(0, 1, 41), color="tab:blue", edgecolor="white")
    ax2.set_xlabel("reputation at the end")
    ax2.set_ylabel("validators")
    ax2.set_title(f"Final distribution ({len(reputation)} validators)")
    plt.show()
    r = pd.Series(reputation)
    start = float(ts["reputation_median"].iloc[0])
    gctnb.reading(f"at the end the {len(r)} validators' reputations range {r.min():.3f}–{r.max():.3f} "
          f"(median {r.median():.3f}); {(r >= 0.999).sum()} are at the maximum and {(r < start).sum()} below their "
          f"level at the start ({start:.3f}, the first median sample). Over the run the lowest reputation sample was {ts['reputation_min'].min():.3f} "
          f"(day {ts.loc[ts['reputation_min'].idxmin(), 'day']:.1f}).")
