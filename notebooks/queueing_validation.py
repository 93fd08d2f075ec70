# %% [markdown]
# # Queueing validation: the simulator against Erlang C
#
# `scenarios/mmc-validation.yaml` is an M/M/c queue (Poisson arrivals, exponential service, one price,
# FIFO). `notebooks/mmc-sweep.sh` runs it over several arrival rates; this notebook compares each run's
# simulated mean wait in the queue (with its 95 % confidence interval over replications) with the
# exact Erlang C value computed here, and checks Little's law (mean queue length L = λ·W).
# Source: `notebooks/queueing_validation.py` (jupytext percent format; the export hides the code).
#
# **Input** (parameter): the sweep folder, environment variable `GCTSIM_MMC` (default
# `results/mmc-sweep`); `make notebooks MMC_RESULTS=folder` sets it.

# %% tags=["parameters"]
import os

MMC_FOLDER = os.environ.get("GCTSIM_MMC", "results/mmc-sweep")

# %%
import math

import numpy as np
import pandas as pd

import gctnb

plt = gctnb.setup_matplotlib()
folder = gctnb.input_path("GCTSIM_MMC", MMC_FOLDER, "the M/M/c sweep folder", "MMC_RESULTS")
manifest, runs = gctnb.read_mmc_sweep(folder)
gctnb.reading(f"{gctnb.shown(folder)} ({manifest['size']} sweep of {manifest['scenario']}, {len(runs)} runs)", label="Input")


# %%
def erlang_c(c: int, a: float) -> float:
    """Probability that an arrival waits in M/M/c with offered load a = λ/μ < c (Erlang C), computed stably."""
    if not 0 <= a < c:
        raise ValueError(f"unstable queue: offered load {a} >= servers {c}")
    term, total = 1.0, 1.0  # a^k/k!, k = 0
    for k in range(1, c):
        term *= a / k
        total += term
    last = term * a / c * c / (c - a)  # a^c/c! · c/(c−a)
    return last / (total + last)


def erlang_wq(lam: float, c: int, mu: float) -> float:
    """Mean wait in the queue, Wq = C(c, λ/μ) / (cμ − λ)."""
    return erlang_c(c, lam / mu) / (c * mu - lam)


assert abs(erlang_c(8, 7.2) - 0.7015) < 1e-3 and abs(erlang_c(4, 3) - 0.5094) < 1e-3  # the scenario files' figures

rows = []
for run, s in runs:
    m = s["metrics"]
    lam, c, mu = float(run["arrival_rate"]), int(run["servers"]), 1.0 / float(run["mean_service_s"])
    wq = erlang_wq(lam, c, mu)
    lo, hi = m["mean_wait_s"]["ci95"]
    rows.append({
        "rho": lam / (c * mu), "lambda": lam, "c": c, "reps": s["completed_replications"],
        "W sim": m["mean_wait_s"]["mean"], "W lo": lo, "W hi": hi, "W Erlang C": wq,
        "in CI": lo <= wq <= hi, "rel. error": m["mean_wait_s"]["mean"] / wq - 1,
        "util sim": m["utilization"]["mean"],
        "L sim": m["mean_queue_length"]["mean"], "L lo": m["mean_queue_length"]["ci95"][0],
        "L hi": m["mean_queue_length"]["ci95"][1], "lambda W": m["littles_law_lambda_w"]["mean"],
        "L Erlang C": lam * wq, "throughput": m["throughput_per_s"]["mean"],
    })
df = pd.DataFrame(rows).sort_values("rho").reset_index(drop=True)
df[["rho", "lambda", "c", "reps", "W sim", "W lo", "W hi", "W Erlang C", "in CI", "rel. error", "util sim"]].round(4)

# %% [markdown]
# ## Mean wait in the queue: simulation (95 % CI) against Erlang C

# %%
c_all = sorted(df["c"].unique())
fig, (ax, ax2) = plt.subplots(1, 2, figsize=(11, 4))
for c in c_all:
    grid = np.linspace(0.45, 0.97, 200)
    ax.plot(grid, [erlang_wq(r * c, c, 1.0) for r in grid], color="0.3", lw=1.2, label=f"Erlang C, c = {c}")
    d = df[df["c"] == c]
    ax.errorbar(d["rho"], d["W sim"], yerr=[d["W sim"] - d["W lo"], d["W hi"] - d["W sim"]], fmt="o",
                color="tab:blue", capsize=4, label=f"simulated mean wait (95 % CI), c = {c}")
ax.set_yscale("log")
ax.set_xlabel("utilisation ρ = λ / (c μ)")
ax.set_ylabel("mean wait in queue Wq (s, log scale)")
ax.set_title("Mean wait against Erlang C")
ax.legend(fontsize=8)
rel = df["rel. error"] * 100
ax2.errorbar(df["rho"], rel, yerr=[(df["W sim"] - df["W lo"]) / df["W Erlang C"] * 100,
             (df["W hi"] - df["W sim"]) / df["W Erlang C"] * 100], fmt="o", color="tab:blue", capsize=4)
ax2.axhline(0, color="0.3", lw=1)
ax2.set_xlabel("utilisation ρ")
ax2.set_ylabel("(simulated − Erlang C) / Erlang C  (%)")
ax2.set_title("Relative error with its 95 % CI")
plt.show()

inside = int(df["in CI"].sum())
worst = df.loc[rel.abs().idxmax()]
outside = ", ".join(f"ρ = {r:.2f}" for r in df.loc[~df["in CI"], "rho"]) or "none"
gctnb.reading(f"Erlang C lies inside the simulated 95 % CI at {inside} of {len(df)} utilisations "
      f"(outside: {outside}; about {0.05 * len(df):.1f} misses are expected by chance). "
      f"The largest relative error is {worst['rel. error'] * 100:+.2f} % at ρ = {worst['rho']:.2f} "
      f"(simulated {worst['W sim']:.4f} s against {worst['W Erlang C']:.4f} s). "
      f"The wait grows from {df['W Erlang C'].iloc[0]:.3f} s at ρ = {df['rho'].iloc[0]:.2f} to "
      f"{df['W Erlang C'].iloc[-1]:.3f} s at ρ = {df['rho'].iloc[-1]:.2f} "
      f"({df['W Erlang C'].iloc[-1] / df['W Erlang C'].iloc[0]:.0f}×); the CI half-width goes from "
      f"{(df['W hi'] - df['W lo']).iloc[0] / 2:.4f} s to {(df['W hi'] - df['W lo']).iloc[-1] / 2:.4f} s "
      f"({(df['W hi'] - df['W lo']).iloc[0] / 2 / df['W sim'].iloc[0] * 100:.2f} % → "
      f"{(df['W hi'] - df['W lo']).iloc[-1] / 2 / df['W sim'].iloc[-1] * 100:.2f} % of the mean). "
      f"Measured utilisation differs from ρ by at most {(df['util sim'] - df['rho']).abs().max():.4f}.")

# %% [markdown]
# ## Little's law: mean queue length L against λ·W

# %%
fig, ax = plt.subplots(figsize=(6, 5))
hi_all = float(max(df["L hi"].max(), df["lambda W"].max())) * 1.1
ax.plot([0, hi_all], [0, hi_all], color="0.3", lw=1, label="L = λ·W")
ax.errorbar(df["lambda W"], df["L sim"], yerr=[df["L sim"] - df["L lo"], df["L hi"] - df["L sim"]], fmt="o",
            color="tab:orange", capsize=4, label="time-average queue length (95 % CI)")
ax.scatter(df["lambda W"], df["L Erlang C"], marker="x", color="0.2", label="Erlang C: Lq = λ·Wq", zorder=3)
for _, r in df.iterrows():
    ax.annotate(f"ρ={r['rho']:.2f}", (r["lambda W"], r["L sim"]), textcoords="offset points", xytext=(6, -10), fontsize=8)
ax.set_xscale("log")
ax.set_yscale("log")
ax.set_xlabel("λ·W from the same runs (throughput × mean wait)")
ax.set_ylabel("mean queue length L")
ax.set_title("Little's law")
ax.legend(fontsize=8)
plt.show()

little = (df["L sim"] / df["lambda W"] - 1).abs()
gctnb.reading(f"the time-average queue length and λ·W (measured independently: one from the queue's "
      f"occupancy over time, one from the requests' waits) agree to within {little.max() * 100:.3f} % at every "
      f"utilisation (mean {little.mean() * 100:.3f} %), from L = {df['L sim'].iloc[0]:.3f} at ρ = "
      f"{df['rho'].iloc[0]:.2f} to L = {df['L sim'].iloc[-1]:.2f} at ρ = {df['rho'].iloc[-1]:.2f}; "
      f"against Erlang C's Lq the largest difference is {(df['L sim'] / df['L Erlang C'] - 1).abs().max() * 100:.2f} %.")

# %%
df[["rho", "lambda", "throughput", "L sim", "L lo", "L hi", "lambda W", "L Erlang C"]].round(4)
