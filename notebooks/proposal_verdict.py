# %% [markdown]
# # Proposal verdict: a governance proposal against its baseline, stakeholder by stakeholder
#
# `gctsim proposal evaluate --baseline B.yaml --proposal P.yaml --output E.h5` runs the baseline and the
# proposal in pairs: replication r of both arms draws the same random numbers (common random numbers),
# so each paired difference proposal − baseline is the proposal's effect on that replication, without the
# noise the two runs share. Per stakeholder metric it reports the mean paired difference, its 95 %
# Student-t CI and a verdict: *better* or *worse* when the CI excludes 0 (in the metric's "better when"
# direction), else *no significant change*. This notebook reads that file (`/verdicts`, `/runs`, `/meta`:
# docs/trajectory-format.md, "Proposal evaluations"), recomputes the paired differences from the runs,
# and plots them. Source: `notebooks/proposal_verdict.py` (jupytext percent format; the export hides the code).
#
# **Input** (parameter): environment variable `GCTSIM_PROPOSAL` (default `results/proposal-burn-1pct.h5`,
# which `make notebooks` makes: `scenarios/proposals/burn-1pct.yaml` against 20 days of `scenarios/baseline.yaml`
# without its own proposal, 6 pairs, with `--variance-report`); `make notebooks PROPOSAL_RESULTS=E.h5`
# re-renders it for any evaluation. The notebook stops with an error when the file is missing, is not a
# proposal evaluation, has another `format_version` or did not complete.

# %% tags=["parameters"]
import os

PROPOSAL = os.environ.get("GCTSIM_PROPOSAL", "results/proposal-burn-1pct.h5")

# %%
import math

import numpy as np
import pandas as pd

import gctnb

plt = gctnb.setup_matplotlib()
path = gctnb.input_path("GCTSIM_PROPOSAL", PROPOSAL, "the proposal evaluation", "PROPOSAL_RESULTS")


def text(column) -> list[str]:
    return [v.decode() if isinstance(v, bytes) else str(v) for v in column]


with gctnb.open_record_file(path, "proposal_evaluation", "gctsim proposal evaluate --output") as f:
    gctnb.require(f, ["verdicts", "runs"], str(path))
    meta = {k: (v.decode() if isinstance(v, bytes) else v) for k, v in f["meta"].attrs.items()}
    v = f["verdicts"][:]
    runs_raw = f["runs"][:]
verdict_fields = ("stakeholder", "metric", "better_when", "baseline_mean", "proposal_mean", "diff_mean", "diff_ci_low",
                  "diff_ci_high", "diff_variance", "independent_diff_variance", "verdict")
missing = [k for k in verdict_fields if k not in (v.dtype.names or ())]
if missing:
    raise gctnb.NotebookInputError(f"{path}:/verdicts lacks fields {missing} (docs/trajectory-format.md)")
verdicts = pd.DataFrame({k: text(v[k]) if v.dtype[k].kind == "S" else v[k] for k in verdict_fields})
runs = pd.DataFrame({k: text(runs_raw[k]) if runs_raw.dtype[k].kind == "S" else runs_raw[k] for k in runs_raw.dtype.names})
if len(verdicts) == 0:
    raise gctnb.NotebookInputError(f"{path}:/verdicts is empty")
absent = [m for m in verdicts["metric"] if m not in runs.columns]
if absent:
    raise gctnb.NotebookInputError(f"{path}:/runs lacks the columns of metrics {absent}")

# Paired differences per replication, from /runs.
base = runs[runs["arm"] == "baseline"].set_index("replication").sort_index()
prop = runs[runs["arm"] == "proposal"].set_index("replication").sort_index()
indep = runs[runs["arm"] == "proposal_independent"].set_index("replication").sort_index()
if len(base) < 2 or list(base.index) != list(prop.index):
    raise gctnb.NotebookInputError(f"{path}:/runs: baseline replications {list(base.index)} and proposal "
                                   f"replications {list(prop.index)} do not pair (at least two pairs needed)")
n = len(base)
diffs = pd.DataFrame({m: prop[m] - base[m] for m in verdicts["metric"]})
# The file's verdict table must agree with its own runs (a check of the reading, not a recomputation).
for _, r in verdicts.iterrows():
    d = diffs[r["metric"]]
    tol = 1e-9 * max(1.0, abs(r["baseline_mean"]), abs(r["proposal_mean"]))
    if abs(d.mean() - r["diff_mean"]) > tol:
        raise gctnb.NotebookInputError(f"{path}: /verdicts {r['metric']} diff_mean {r['diff_mean']} differs from the mean "
                                       f"of the /runs differences {d.mean()}")

title = meta.get("proposal_title", "?")
enacted = ("applied from the start as scenario overrides" if meta.get("from_start") == "true"
           else "enacted through governance (submitted, voted, executed inside the run)")
gctnb.reading(f"{gctnb.shown(path)}: proposal “{title}” ({meta.get('proposal_file')}, hash {meta.get('proposal_hash')}) "
              f"against scenario {meta.get('baseline')} (hash {meta.get('baseline_hash')}), {n} paired replications, "
              f"{enacted}; {len(verdicts)} stakeholder metrics; status {meta.get('status')}", label="Input")

COLOURS = {"better": "tab:green", "worse": "tab:red", "no significant change": "0.45"}


def fmt(x: float) -> str:
    if x == 0:
        return "0"
    if not math.isfinite(x):
        return str(x)
    return f"{x:.4g}" if abs(x) >= 1e5 or abs(x) < 1e-3 else f"{x:,.4f}".rstrip("0").rstrip(".")


# %% [markdown]
# ## The paired differences, metric by metric
#
# One panel per stakeholder metric, in its own units: each dot is one replication's difference
# proposal − baseline; the bar is the mean with its 95 % CI; the colour is the verdict (green better,
# red worse, grey no significant change). The shaded side of zero is the "better" side.

# %%
k = len(verdicts)
cols = 4
rows_n = math.ceil(k / cols)
fig, axes = plt.subplots(rows_n, cols, figsize=(12, 2.3 * rows_n), squeeze=False)
for ax, (_, r) in zip(axes.flat, verdicts.iterrows()):
    d = diffs[r["metric"]].to_numpy()
    colour = COLOURS.get(r["verdict"], "tab:blue")
    span = max(abs(r["diff_ci_low"]), abs(r["diff_ci_high"]), np.abs(d).max()) * 1.3
    if span == 0:  # every pair identical: say so instead of an axis of rounding noise
        span = 1.0
        ax.text(0.5, 0.9, "every pair identical: 0", transform=ax.transAxes, ha="center", va="center", fontsize=8,
                color=colour, bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
        ax.set_xticks([0])
    ax.set_ylim(-0.6, 0.6)
    ax.set_xlim(-span, span)
    better_sign = 1 if r["better_when"] == "higher" else -1
    ax.axvspan(0, better_sign * span, color="tab:green", alpha=0.07, lw=0)
    ax.axvline(0, color="0.3", lw=0.8)
    jitter = np.linspace(-0.25, 0.25, len(d)) if len(d) > 1 else np.zeros(1)
    ax.scatter(d, jitter, s=14, color=colour, alpha=0.6, zorder=3)
    ax.errorbar([r["diff_mean"]], [0], xerr=[[r["diff_mean"] - r["diff_ci_low"]], [r["diff_ci_high"] - r["diff_mean"]]],
                fmt="D", color=colour, ms=6, capsize=5, lw=2, zorder=4)
    ax.set_yticks([])
    ax.tick_params(axis="x", labelsize=7)
    ax.xaxis.get_offset_text().set_fontsize(7)
    ax.set_title(f"{r['stakeholder']}: {r['metric']}\n({r['better_when']} is better) → {r['verdict']}", fontsize=8, color=colour)
    ax.grid(False)
for ax in list(axes.flat)[k:]:
    ax.axis("off")
fig.suptitle(f"“{title}”: proposal − baseline per replication ({n} pairs), mean and 95 % CI", y=1.0)
fig.tight_layout()
plt.show()

counts = verdicts["verdict"].value_counts()
by_holder = verdicts.groupby("stakeholder", sort=False)["verdict"].agg(lambda s: ", ".join(f"{c} {v}" for v, c in s.value_counts().items()))
exact_zero = [m for m in verdicts["metric"] if (diffs[m] == 0).all()]
significant = verdicts[verdicts["verdict"] != "no significant change"]
sentences = [f"of {k} metrics, {counts.get('better', 0)} are better, {counts.get('worse', 0)} worse and "
             f"{counts.get('no significant change', 0)} show no significant change under the proposal "
             f"(by stakeholder: " + "; ".join(f"{h}: {s}" for h, s in by_holder.items()) + ")."]
for _, r in significant.iterrows():
    rel = r["diff_mean"] / abs(r["baseline_mean"]) * 100 if r["baseline_mean"] else float("nan")
    sentences.append(f"{r['metric']} ({r['stakeholder']}) moves by {fmt(r['diff_mean'])} "
                     f"[{fmt(r['diff_ci_low'])}, {fmt(r['diff_ci_high'])}]"
                     + (f", {rel:+.3g} % of its baseline {fmt(r['baseline_mean'])}" if math.isfinite(rel) else "")
                     + f": {r['verdict']}.")
if exact_zero:
    sentences.append(f"In {len(exact_zero)} metrics ({', '.join(exact_zero)}) every pair is identical: with common random "
                     "numbers (the same arrivals, services and reports in both arms) the proposal leaves them exactly "
                     "unchanged in every replication, not merely within noise.")
noisy = verdicts[(verdicts["verdict"] == "no significant change") & ~verdicts["metric"].isin(exact_zero)]
for _, r in noisy.iterrows():
    sentences.append(f"{r['metric']} varies between pairs (CI [{fmt(r['diff_ci_low'])}, {fmt(r['diff_ci_high'])}]) "
                     "but its CI contains 0.")
gctnb.reading(" ".join(sentences))

# %% [markdown]
# ## All metrics on one scale: the difference relative to the baseline
#
# The mean paired difference and its 95 % CI as a percentage of the baseline mean (metrics whose
# baseline mean is 0 cannot be scaled and are listed under the plot), so that the size of each
# effect can be compared across stakeholders.

# %%
scaled = verdicts[verdicts["baseline_mean"] != 0].copy()
zero_base = verdicts[verdicts["baseline_mean"] == 0]
scaled["rel"] = scaled["diff_mean"] / scaled["baseline_mean"].abs() * 100
scaled["rel_lo"] = scaled["diff_ci_low"] / scaled["baseline_mean"].abs() * 100
scaled["rel_hi"] = scaled["diff_ci_high"] / scaled["baseline_mean"].abs() * 100
fig, ax = plt.subplots(figsize=(10, 0.42 * len(scaled) + 1.2))
y = np.arange(len(scaled))[::-1]
for yi, (_, r) in zip(y, scaled.iterrows()):
    colour = COLOURS.get(r["verdict"], "tab:blue")
    ax.errorbar([r["rel"]], [yi], xerr=[[r["rel"] - r["rel_lo"]], [r["rel_hi"] - r["rel"]]], fmt="o", color=colour,
                capsize=4, lw=1.6)
ax.axvline(0, color="0.3", lw=0.8)
ax.set_yticks(y)
ax.set_yticklabels([f"{r['stakeholder']}: {r['metric']} ({'↑' if r['better_when'] == 'higher' else '↓'} better)"
                    for _, r in scaled.iterrows()], fontsize=8)
# Symmetric log scale, linear below the smallest non-zero effect, one labelled tick per decade.
ends = scaled[["rel", "rel_lo", "rel_hi"]].to_numpy().ravel()
nonzero = np.abs(ends[ends != 0])
if len(nonzero):
    lin = 10.0 ** np.floor(np.log10(nonzero.min()))
    top = 10.0 ** np.ceil(np.log10(nonzero.max()))
    ax.set_xscale("symlog", linthresh=lin)
    decades = [lin * 10.0 ** i for i in range(int(round(np.log10(top / lin))) + 1)]
    ticks = ([-d for d in decades[::-1] if -d >= min(ends.min(), 0) * 10] + [0]
             + [d for d in decades if d <= max(ends.max(), 0) * 10])
    ax.set_xticks(ticks)
    ax.set_xticklabels([("0" if t == 0 else f"{t:+g}") for t in ticks], fontsize=7, rotation=45)
    ax.minorticks_off()
ax.set_xlabel("mean paired difference, % of the baseline mean (symmetric log scale, linear near 0), 95 % CI")
ax.set_title(f"“{title}”: effect size per stakeholder metric")
for v, c in COLOURS.items():
    ax.scatter([], [], color=c, label=v)
ax.legend(fontsize=8, loc="lower right")
plt.show()

largest = scaled.loc[scaled["rel"].abs().idxmax()]
reading = (f"the largest relative effect is on {largest['metric']} ({largest['stakeholder']}): {largest['rel']:+.3g} % "
           f"[{largest['rel_lo']:+.3g}, {largest['rel_hi']:+.3g}] of its baseline mean {fmt(largest['baseline_mean'])}.")
sig = scaled[scaled["verdict"] != "no significant change"]
if len(sig) > 1:
    smallest = sig.loc[sig["rel"].abs().idxmin()]
    reading += (f" The smallest effect still declared significant is {smallest['metric']}: {smallest['rel']:+.3g} % — the "
                f"pairing resolves a change of that size because its CI half-width is only "
                f"{(smallest['rel_hi'] - smallest['rel_lo']) / 2:.2g} % of the baseline.")
if len(zero_base):
    reading += (f" Not on this scale (baseline mean 0): {', '.join(zero_base['metric'])}, with differences "
                + ", ".join(f"{fmt(r['diff_mean'])}" for _, r in zero_base.iterrows()) + ".")
gctnb.reading(reading)

# %% [markdown]
# ## Why the runs are paired: variance of the differences, common vs independent random numbers
#
# With `--variance-report` the proposal also runs with independent seeds; the variance of
# proposal − baseline across replications is then compared under common random numbers (CRN, the
# pairs above) and independent seeds. A smaller variance means a narrower CI for the same number of runs.

# %%
vr = verdicts[np.isfinite(verdicts["independent_diff_variance"])].copy()
if len(vr):
    fig, ax = plt.subplots(figsize=(10, 0.42 * len(vr) + 1.2))
    y = np.arange(len(vr))[::-1]
    floor = 1e-16
    ax.barh(y + 0.18, np.maximum(vr["independent_diff_variance"], floor), height=0.36, color="tab:orange",
            label="independent seeds")
    ax.barh(y - 0.18, np.maximum(vr["diff_variance"], floor), height=0.36, color="tab:blue", label="common random numbers")
    ax.set_xscale("log")
    ax.set_xlim(left=floor)
    ax.set_yticks(y)
    ax.set_yticklabels([f"{r['stakeholder']}: {r['metric']}" for _, r in vr.iterrows()], fontsize=8)
    ax.set_xlabel(f"variance of the paired difference across replications (log scale; 0 drawn at {floor:g})")
    ax.set_title("Variance of proposal − baseline: CRN against independent seeds")
    ax.legend(fontsize=8, loc="lower right")
    plt.show()
    both = vr[(vr["diff_variance"] > 0) & (vr["independent_diff_variance"] > 0)]
    ratio = both["independent_diff_variance"] / both["diff_variance"]
    crn_zero = vr[(vr["diff_variance"] == 0) & (vr["independent_diff_variance"] > 0)]
    reading = (f"{len(vr)} metrics measured both ways. Where both variances are positive ({len(both)} metrics), CRN reduces "
               f"the variance by a factor from {ratio.min():.3g} to {ratio.max():.3g} (median {ratio.median():.3g}); "
               f"a factor f is worth f times as many independent replications for the same CI width.")
    if len(crn_zero):
        reading += (f" For {len(crn_zero)} metrics ({', '.join(crn_zero['metric'])}) the paired difference is exactly 0 under "
                    "CRN but not with independent seeds: there, any apparent effect in an unpaired comparison would be noise.")
    worse = vr[vr["diff_variance"] > vr["independent_diff_variance"]]
    if len(worse):
        reading += f" CRN is worse for {', '.join(worse['metric'])}."
    gctnb.reading(reading)
else:
    gctnb.reading("this evaluation was run without `--variance-report`, so there are no independent-seed runs to compare "
                  "with; re-run `gctsim proposal evaluate … --variance-report --output …` to see the gain of pairing.")

# %% [markdown]
# ## The verdict table
#
# As `gctsim proposal evaluate` prints it (differences proposal − baseline, 95 % Student-t CI over
# the pairs), with the CI's half-width relative to the baseline mean.

# %%
table = verdicts[["stakeholder", "metric", "better_when", "baseline_mean", "proposal_mean", "diff_mean",
                  "diff_ci_low", "diff_ci_high", "verdict"]].copy()
table["CI half-width (% of baseline)"] = [
    fmt((r["diff_ci_high"] - r["diff_ci_low"]) / 2 / abs(r["baseline_mean"]) * 100) if r["baseline_mean"] else "–"
    for _, r in verdicts.iterrows()]
for c in ("baseline_mean", "proposal_mean", "diff_mean", "diff_ci_low", "diff_ci_high"):
    table[c] = table[c].map(fmt)
table.columns = ["stakeholder", "metric", "better when", "baseline", "proposal", "mean difference", "CI low", "CI high",
                 "verdict", "CI half-width (% of baseline)"]
table.set_index(["stakeholder", "metric"])
