# %% [markdown]
# # Oracle attacks: distortion, attacker profit and detection
#
# `gctsim attack evaluate` runs a scenario with one attack and its attack-free *twin* in pairs (the same
# seed and random streams per replication), so every difference is the attack's (docs/attacks.md).
# `notebooks/attack-grid.sh` evaluates the two oracle-collusion attacks of `scenarios/attacks/` over a grid:
# the **spike** (a coalition reports the GPU-hour price biased by a fixed fraction for a day) against the
# coalition's weight (stake × reputation) at two biases, and the **slow drift** (the bias grows by a step
# per 10-minute round for two days) against the step, by a coalition just above half of the weight. Per point: the price distortion, the
# attacker's profit (gain from the extra provider revenue its weight owns, minus slashing and the
# opportunity cost of its stake) and the detector's alarms, each as the mean with its 95 % CI over the
# paired replications. Source: `notebooks/attacks.py` (jupytext percent format; the export hides the code).
#
# **Input** (parameter): the grid folder, environment variable `GCTSIM_ATTACKS` (default
# `results/attack-grid`, made by `make notebooks`); `make notebooks ATTACK_RESULTS=folder` sets it. Each
# point is a `gctsim attack evaluate --json` report; the notebook stops with an error when the manifest
# is missing or of another format version, or a report lacks a figure it plots.

# %% tags=["parameters"]
import os

ATTACKS = os.environ.get("GCTSIM_ATTACKS", "results/attack-grid")

# %%
import numpy as np
import pandas as pd

import gctnb

plt = gctnb.setup_matplotlib()
folder = gctnb.input_path("GCTSIM_ATTACKS", ATTACKS, "the attack grid folder", "ATTACK_RESULTS")
manifest, points = gctnb.read_attack_grid(folder)

FIGS = ("coalition_share", "price_move", "max_distortion", "distortion_hours", "honest_noise", "attacker_profit_gct",
        "attacker_gain_gct", "attacker_cost_gct", "alarms_in_window", "false_alarms_twin", "first_alarm_h",
        "honest_extra_paid_gct")
rows = []
for point, report, fig in points:
    row = {"family": point["family"], "weight": float(point["weight_share"]), "bias": float(point["bias"]),
           "step": float(point["step"]), "reps": int(report["replications"]), "seed": report.get("seed")}
    for k in FIGS:
        row[k] = fig[k]["mean"]
        row[k + " lo"], row[k + " hi"] = fig[k]["ci95"]
    alarms = np.asarray(fig["alarms_in_window"]["per_replication"], dtype=float)
    row["detected"] = float((alarms > 0).mean())  # share of replications with an alarm in the attack window
    rows.append(row)
df = pd.DataFrame(rows)
spike = df[df["family"] == "spike"].sort_values(["bias", "weight"]).reset_index(drop=True)
drift = df[df["family"] == "drift"].sort_values(["weight", "step"]).reset_index(drop=True)
if spike.empty or drift.empty:
    raise gctnb.NotebookInputError(f"{folder}: the grid needs both spike and drift points "
                                   f"(found {len(spike)} spike, {len(drift)} drift)")
noise = float(df["honest_noise"].mean())
gctnb.reading(f"{gctnb.shown(folder)} ({manifest['size']} grid): spike at "
              + "; ".join(f"bias {b:+.0%}, weights {', '.join(f'{w:g}' for w in d['weight'])}" for b, d in spike.groupby("bias"))
              + "; drift at " + "; ".join(f"weight {w:g}, steps {', '.join(f'{x:g}' for x in d['step'])}" for w, d in drift.groupby("weight"))
              + f"; {manifest['replications']} paired replications per point, seed {df['seed'].iloc[0]}", label="Input")


def ci(ax, x, d, col, scale, colour, label, marker="o", floor=None):
    """The mean with its 95 % CI; `floor` clips the drawn CI of a count (a Student-t CI can go below 0)."""
    y = d[col] * scale
    lo, hi = d[col + " lo"] * scale, d[col + " hi"] * scale
    if floor is not None:
        lo = lo.clip(lower=floor)
    ax.errorbar(x, y, yerr=[y - lo, hi - y], fmt=marker + "-", color=colour, capsize=3, lw=1.3, ms=5, label=label)


def pct(x: float) -> str:
    return f"{x * 100:+.1f} %"


BIAS_COLOURS = ["tab:blue", "tab:red", "tab:purple", "tab:brown"]

# %% [markdown]
# ## The spike against the coalition's weight
#
# x: the coalition's realized share of the oracle weight (stake × reputation when it formed; the
# target weight is rounded to whole validators). Left: the mean consensus-price move over the attack
# window (attack ÷ twin − 1, solid) and the largest distortion |consensus − true| / true in the window
# (dashed), with the honest consensus noise shaded. Middle: the attacker's profit in GCT (symmetric log
# scale). Right: detection — the mean number of detector alarms in the window (CI clipped at 0) and the
# twin's false alarms.

# %%
fig, (a1, a2, a3) = plt.subplots(1, 3, figsize=(13, 4))
for i, (b, d) in enumerate(spike.groupby("bias")):
    c = BIAS_COLOURS[i % len(BIAS_COLOURS)]
    x = d["coalition_share"]
    ci(a1, x, d, "price_move", 100, c, f"price move, bias {b:+.0%}")
    a1.plot(x, d["max_distortion"] * 100, ls="--", marker="^", ms=4, color=c, lw=1, label=f"max distortion, bias {b:+.0%}")
    ci(a2, x, d, "attacker_profit_gct", 1, c, f"bias {b:+.0%}")
    ci(a3, x, d, "alarms_in_window", 1, c, f"alarms in window, bias {b:+.0%}", floor=0)
    a3.plot(x, d["false_alarms_twin"], ls=":", marker="x", color=c, lw=1, label=f"twin's false alarms, bias {b:+.0%}")
a1.axhspan(-noise * 100, noise * 100, color="0.5", alpha=0.2, lw=0, label=f"honest noise ±{noise * 100:.2f} %")
for a in (a1, a2, a3):
    a.axvline(0.5, color="0.3", ls=":", lw=1)
    a.set_xlabel("coalition's share of the oracle weight")
a1.set_ylabel("% of the true price")
a1.set_title("Distortion")
a2.set_yscale("symlog", linthresh=100)
a2.axhline(0, color="0.3", lw=0.8)
a2.set_ylabel("GCT (symlog)")
a2.set_title("Attacker profit (gain − cost)")
a3.set_ylabel("alarms per run")
a3.set_title("Detection")
for a in (a1, a2, a3):
    a.legend(fontsize=7)
fig.tight_layout()
plt.show()

sentences = []
for b, d in spike.groupby("bias"):
    moved = d[(d["price_move lo"] > noise) | (d["price_move hi"] < -noise)]
    still = d[~d.index.isin(moved.index)]
    s = f"at bias {b:+.0%}, "
    if len(moved):
        first = moved.iloc[0]
        s += (f"the price moves beyond the honest noise (±{noise * 100:.2f} %) from a weight of {first['coalition_share']:.3f} "
              f"(target {first['weight']:g}): {pct(first['price_move'])} [{pct(first['price_move lo'])}, {pct(first['price_move hi'])}]"
              + (f", against a mean move of at most {still['price_move'].abs().max() * 100:.2f} % (CI including the noise band) below it"
                 if len(still) else "")
              + f"; the largest move is {pct(d['price_move'].max())} of a {b:.0%} bias")
    else:
        s += f"no weight up to {d['coalition_share'].max():.3f} moves the price beyond the honest noise"
    profitable = d[d["attacker_profit_gct lo"] > 0]
    losing = d[d["attacker_profit_gct hi"] < 0]
    if len(profitable):
        s += (f". The attack pays (profit CI above 0) from weight {profitable['coalition_share'].min():.3f}, up to "
              f"{profitable['attacker_profit_gct'].max():,.0f} GCT")
    else:
        s += ". At no weight is the profit's CI above 0"
    if len(losing):
        worst = losing.loc[losing["attacker_profit_gct"].idxmin()]
        s += (f"; below, it loses up to {-worst['attacker_profit_gct']:,.0f} GCT (at weight {worst['coalition_share']:.3f}: "
              f"a cost of {worst['attacker_cost_gct']:,.0f} GCT, slashing and the stake's opportunity cost, against "
              f"{worst['attacker_gain_gct']:,.0f} GCT gained)")
    det = d[d["alarms_in_window"] > d["false_alarms_twin"]]
    if d["alarms_in_window"].max() == 0 and d["false_alarms_twin"].max() == 0:
        s += ". No run raises an alarm, with or without the attack: the detector does not see the spike at any weight."
    else:
        s += (f". Alarms in the window: {d['alarms_in_window'].min():.2f}–{d['alarms_in_window'].max():.2f} per run (twin's false "
              f"alarms {d['false_alarms_twin'].min():.2f}–{d['false_alarms_twin'].max():.2f}); "
              + (f"more alarms than the twin at weights {', '.join(f'{w:.3f}' for w in det['coalition_share'])}, at most "
                 f"{det['detected'].max():.0%} of their runs alarmed" if len(det)
                 else "never more than the twin: the detector does not see the spike at any weight") + ".")
    sentences.append(s[:1].upper() + s[1:])
gctnb.reading(" ".join(sentences))

# %% [markdown]
# ## The slow drift against its step per round
#
# x: the step added to the colluders' price bias every 10-minute round (log scale), for two days;
# one line per coalition weight in the grid. Left: mean price move and maximum distortion. Middle: attacker profit.
# Right: the detector — mean alarms in the window and the share of replications with at least one
# (the detection rate), against the twin's false alarms.

# %%
fig, (a1, a2, a3) = plt.subplots(1, 3, figsize=(13, 4))
W_COLOURS = ["tab:green", "tab:orange", "tab:blue", "tab:purple"]
for i, (w, d) in enumerate(drift.groupby("weight")):
    c = W_COLOURS[i % len(W_COLOURS)]
    share = d["coalition_share"].mean()
    ci(a1, d["step"], d, "price_move", 100, c, f"price move, weight {share:.3f}")
    a1.plot(d["step"], d["max_distortion"] * 100, ls="--", marker="^", ms=4, color=c, lw=1, label=f"max distortion, weight {share:.3f}")
    ci(a2, d["step"], d, "attacker_profit_gct", 1, c, f"weight {share:.3f}")
    ci(a3, d["step"], d, "alarms_in_window", 1, c, f"alarms in window, weight {share:.3f}", floor=0)
    a3.plot(d["step"], d["false_alarms_twin"], ls=":", marker="x",
            color=c, lw=1, label=f"twin's false alarms, weight {share:.3f}")
    for _, r in d.iterrows():
        a3.annotate(f"{r['detected']:.0%}", (r["step"], r["alarms_in_window"]), textcoords="offset points", xytext=(4, 4),
                    fontsize=7, color=c)
a1.axhline(noise * 100, color="0.5", ls=":", lw=1.2, label=f"honest noise {noise * 100:.2f} %")
if (drift["price_move lo"] > 0).all():
    a1.set_yscale("log")
    a1.set_ylabel("% of the true price (log)")
else:
    a1.set_yscale("symlog", linthresh=1)
    a1.set_ylabel("% of the true price (symlog)")
a1.set_title("Distortion")
a2.set_yscale("symlog", linthresh=100)
a2.axhline(0, color="0.3", lw=0.8)
a2.set_ylabel("GCT (symlog)")
a2.set_title("Attacker profit (gain − cost)")
a3.set_ylabel("alarms per run (labels: % of runs alarmed)")
a3.set_title("Detection")
for a in (a1, a2, a3):
    a.set_xscale("log")
    a.set_xlabel("drift step per 10-minute round")
    a.legend(fontsize=7)
fig.tight_layout()
plt.show()

sentences = []
for w, d in drift.groupby("weight"):
    share = d["coalition_share"].mean()
    s = f"with {share:.3f} of the weight (target {w:g}), "
    if share > 0.5:
        lo, hi = d.iloc[0], d.iloc[-1]
        growth = np.polyfit(np.log(d["step"]), np.log(np.maximum(d["price_move"].abs(), 1e-9)), 1)[0]
        s += (f"the price move grows from {pct(lo['price_move'])} at step {lo['step']:g} to {pct(hi['price_move'])} at "
              f"{hi['step']:g} (max distortion {hi['max_distortion'] * 100:.0f} %), roughly as step^{growth:.2f}")
    else:
        s += (f"the move stays within {d['price_move'].abs().max() * 100:.2f} % at every step (largest max distortion "
              f"{d['max_distortion'].max() * 100:.1f} %): below half of the weight the weighted median holds")
    prof = d[d["attacker_profit_gct lo"] > 0]
    s += (f"; the profit's CI is above 0 at steps {', '.join(f'{x:g}' for x in prof['step'])} (largest "
          f"{prof['attacker_profit_gct'].max():,.0f} GCT)" if len(prof)
          else f"; the profit is never significantly positive (mean {d['attacker_profit_gct'].min():,.0f} to "
               f"{d['attacker_profit_gct'].max():,.0f} GCT)")
    peak = d.loc[d["alarms_in_window"].idxmax()]
    s += (f". Detection: alarms in the window peak at {peak['alarms_in_window']:.2f} per run at step {peak['step']:g} "
          f"(alarmed in {peak['detected']:.0%} of runs) and fall to {d.iloc[-1]['alarms_in_window']:.2f} at step "
          f"{d.iloc[-1]['step']:g} (alarmed in {d.iloc[-1]['detected']:.0%})"
          + (" — the fastest drift is the quietest" if d.iloc[-1]["alarms_in_window"] == d["alarms_in_window"].min()
             and d.iloc[-1]["alarms_in_window"] < peak["alarms_in_window"] else "")
          + f"; the twin raises {d['false_alarms_twin'].mean():.2f} false alarms per run.")
    sentences.append(s[:1].upper() + s[1:])
gctnb.reading(" ".join(sentences))

# %% [markdown]
# ## Cost and damage: who pays for a successful attack
#
# For every point: the attacker's profit against the extra amount honest users paid because of the
# distorted price (attack − twin), both in GCT; each point labelled with its coalition weight.

# %%
fig, ax = plt.subplots(figsize=(9, 5))
for fam, d, marker in (("spike", spike, "o"), ("drift", drift, "s")):
    ax.scatter(d["honest_extra_paid_gct"], d["attacker_profit_gct"], marker=marker, s=40,
               c=["tab:red" if w > 0.5 else "tab:blue" for w in d["coalition_share"]], alpha=0.8, label=None)
for _, r in df.iterrows():
    ax.annotate(f"{r['family'][0]}{r['coalition_share']:.2f}", (r["honest_extra_paid_gct"], r["attacker_profit_gct"]),
                textcoords="offset points", xytext=(4, 3), fontsize=6, color="0.3")
ax.scatter([], [], marker="o", color="0.4", label="spike")
ax.scatter([], [], marker="s", color="0.4", label="drift")
ax.scatter([], [], marker="o", color="tab:red", label="coalition above half")
ax.scatter([], [], marker="o", color="tab:blue", label="coalition below half")
ax.set_xscale("symlog", linthresh=100)
ax.set_yscale("symlog", linthresh=100)
ax.axhline(0, color="0.3", lw=0.8)
ax.axvline(0, color="0.3", lw=0.8)
ax.set_xlabel("honest users' extra payments (GCT, symlog)")
ax.set_ylabel("attacker profit (GCT, symlog)")
ax.set_title("Attacker profit against users' damage (labels: s/d and realized weight)")
ax.legend(fontsize=8)
plt.show()

def span(d: pd.DataFrame, col: str) -> str:
    lo, hi = d[col].min(), d[col].max()
    return f"{lo:,.0f}" if lo == hi else f"{lo:,.0f} to {hi:,.0f}"


def points_(n: int) -> str:
    return f"{n} point" + ("" if n == 1 else "s")


major = df[df["coalition_share"] > 0.5]
minor = df[df["coalition_share"] <= 0.5]
parts = []
if len(major):
    gain = major["attacker_gain_gct"].where(major["attacker_gain_gct"] > 0)
    parts.append(f"above half of the weight ({points_(len(major))}) the attacker's profit is {span(major, 'attacker_profit_gct')} GCT "
                 f"while honest users pay {span(major, 'honest_extra_paid_gct')} GCT more (median "
                 f"{(major['honest_extra_paid_gct'] / gain).median():.2f}× the attacker's gain: the rest goes to the providers the "
                 f"attacker is not assumed to own)")
if len(minor):
    parts.append(f"at or below half ({points_(len(minor))}) the profit is {span(minor, 'attacker_profit_gct')} GCT, "
                 f"{int((minor['attacker_profit_gct'] < 0).sum())} of them at a loss, the cost (slashing and the stake's "
                 f"opportunity cost) reaching {minor['attacker_cost_gct'].max():,.0f} GCT against gains of at most "
                 f"{minor['attacker_gain_gct'].max():,.0f} GCT, while users pay {span(minor, 'honest_extra_paid_gct')} GCT more")
gctnb.reading("; ".join(parts) + ".")

# %% [markdown]
# ## All points
#
# Means over the paired replications; the price move's 95 % CI in brackets; first alarm: hours from the
# window's start to the first alarm, averaged over replications with −1 for none (docs/attacks.md).

# %%
out = pd.DataFrame({
    "attack": df["family"], "target weight": df["weight"], "realized weight": df["coalition_share"].round(3),
    "bias": df["bias"], "step": df["step"],
    "price move": [f"{pct(r['price_move'])} [{r['price_move lo'] * 100:+.1f}, {r['price_move hi'] * 100:+.1f}]" for _, r in df.iterrows()],
    "max distortion": [f"{x * 100:.1f} %" for x in df["max_distortion"]],
    "distortion-hours": df["distortion_hours"].round(2),
    "profit (GCT)": [f"{x:,.0f}" for x in df["attacker_profit_gct"]],
    "users' extra paid (GCT)": [f"{x:,.0f}" for x in df["honest_extra_paid_gct"]],
    "alarms in window": df["alarms_in_window"].round(2), "share alarmed": [f"{x:.0%}" for x in df["detected"]],
    "first alarm (h)": df["first_alarm_h"].round(1), "twin false alarms": df["false_alarms_twin"].round(2),
})
out.sort_values(["attack", "bias", "step", "target weight"], ascending=[False, True, True, True]).set_index(["attack", "target weight"])
