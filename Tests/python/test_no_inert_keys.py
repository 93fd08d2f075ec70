"""No inert keys (issue 13): every documented scenario key, set in a scenario where it applies, changes
the run's summary or its trajectory; a key written where it cannot act warns on stderr.

The keys come from `gctsim keys` (the key declarations in Sources/GCTScenario/Keys/), so a new key
without a case here fails the test. Runs the release binary (`swift build -c release --product gctsim`;
`GCTSIM_RELEASE` overrides), with short runs.
"""
import json
import os
import pathlib
import subprocess
import textwrap

import h5py
import numpy as np
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
RELEASE = pathlib.Path(os.environ.get("GCTSIM_RELEASE", ROOT / ".build" / "release" / "gctsim"))

SMOKE = ["scenarios/ci/smoke.yaml", "--set", "duration=1d"]
SMOKE2 = ["scenarios/ci/smoke.yaml"]  # two days: the proposal's vote ends at 30 h, scale-ups come on day 2
ATTACKS = ["scenarios/ci/attacks.yaml", "--set", "duration=2d"]
FIXED = ["scenarios/ci/fixed-pool.yaml", "--set", "duration=1d"]
# A path given with --set is relative to the working directory (the repository root here).
HOST_PROFILE = "scenarios/calibration/host-cpu.yaml"

# Two classes paying fixed amounts above 100 GCT, 0.005 GCT apart, on an overloaded pool: the
# spec's curve keeps them 0.5 priority points apart (more than the 0.1 fairness term), `log` brings
# them within it (10⁴·ln(t/100) moves 0.05 per 0.005 GCT at 1000 GCT), so the queue order changes:
# the threshold of the priority curves (100 GCT) crossed.
WHALES = textwrap.dedent("""\
    name: priority-threshold
    duration: 2h
    metrics: {interval: 10m}
    providers: {servers: 2, service_time: {default: {dist: exponential, mean: 2s}}}
    users:
      - {name: a, count: 5, arrival: {rate_per_s: 0.6}, ops: {data_transfer: 1}, budget: "1_000_000", payment: "1000"}
      - {name: b, count: 5, arrival: {rate_per_s: 0.6}, ops: {data_transfer: 1}, budget: "1_000_000", payment: "1000.005"}
    """)

# key → (base scenario arguments, overrides that change the key). Keys that act only with another
# switch or past a threshold get a base that has it (e.g. slashing fractions with the slash
# switches on, a cap that binds, stakers that unstake for the cooldown).
CASES = {
    "seed": (SMOKE, ["seed=2"]),
    "replications": (SMOKE, ["replications=2"]),
    "duration": (SMOKE, ["duration=12h"]),
    "warmup": (SMOKE, ["warmup=2h"]),
    "metrics.interval": (SMOKE, ["metrics.interval=30m"]),
    "metrics.sample_events": (SMOKE, ["metrics.sample_events=false"]),
    "economy.burn_rate": (SMOKE, ["economy.burn_rate=0.02"]),
    "economy.distribution.provider": (SMOKE, ["economy.distribution={provider: \"0.8\", validators: \"0.15\", fee_pool: \"0.05\"}"]),
    "economy.distribution.validators": (SMOKE, ["economy.distribution={provider: \"0.85\", validators: \"0.05\", fee_pool: \"0.1\"}"]),
    "economy.distribution.fee_pool": (SMOKE, ["economy.distribution={provider: \"0.8\", validators: \"0.1\", fee_pool: \"0.1\"}"]),
    "economy.initial_supply": (SMOKE, ["economy.initial_supply=200_000_000"]),
    "economy.cap": (SMOKE, ["economy.cap=101_000_010"]),
    "economy.staking.min_stake": (SMOKE, ["economy.staking.min_stake=40_000"]),
    "economy.staking.epoch": (SMOKE, ["economy.staking.epoch=12h"]),
    "economy.staking.funding": (SMOKE, ["economy.staking.funding=mint"]),
    "economy.staking.bonus_cap": (SMOKE, ["economy.staking.bonus_cap=0.001"]),  # binds below the stakers' stake / 1 M GCT
    "economy.staking.cooldown": (SMOKE + ["--set", "stakers.outside_yield=0.9", "--set", "stakers.review_period=1h"],
                                 ["economy.staking.cooldown=2h"]),
    "economy.emission.mining": (SMOKE, ["economy.emission.mining=0.05"]),
    "economy.emission.validator": (SMOKE, ["economy.emission.validator=0.2"]),
    "economy.emission.undistributed": (SMOKE, ["economy.emission.undistributed=stay"]),
    "economy.slashing.oracle_outlier": (ATTACKS, ["economy.slashing.oracle_outlier=0.5"]),
    "economy.slashing.unavailability": (ATTACKS, ["economy.slashing.unavailability=0.5"]),
    "economy.slashing.proven_manipulation": (ATTACKS + ["--set", "oracle.investigate_alarms=true"],
                                             ["economy.slashing.proven_manipulation=0.5"]),
    "economy.slashing.destination": (ATTACKS, ["economy.slashing.destination=burn"]),
    "economy.governance_minimum_stake": (SMOKE, ["economy.governance_minimum_stake=100_000_000"]),
    "economy.treasury": (SMOKE, ["economy.treasury=2_000_000"]),
    "economy.fee_pool": (SMOKE, ["economy.fee_pool=keep"]),
    "pricing.mode": (SMOKE, ["pricing.mode=fixed", "pricing.fixed_price=1"]),
    "pricing.market_multiplier": (SMOKE, ["pricing.market_multiplier=literal"]),
    "pricing.lambda_update": (SMOKE, ["pricing.lambda_update=literal"]),
    "pricing.queue_priority": ("WHALES", ["pricing.queue_priority=log"]),
    "pricing.fixed_price": (SMOKE + ["--set", "pricing.mode=fixed", "--set", "pricing.fixed_price=1"], ["pricing.fixed_price=2"]),
    "providers.servers": (SMOKE, ["providers.servers=3"]),
    "providers.count": (SMOKE, ["providers.count=3"]),
    "providers.failure_probability": (SMOKE, ["providers.failure_probability=0.1"]),
    "providers.service_time": (SMOKE, ["providers.service_time={default: {dist: exponential, mean: 3s}}"]),
    "providers.speed": (SMOKE, ["providers.speed=2"]),
    "providers.service_time.calibration": (SMOKE, ["providers.service_time.calibration=" + HOST_PROFILE]),
    "providers.service_time.noise": (SMOKE + ["--set", "providers.service_time.calibration=" + HOST_PROFILE],
                                     ["providers.service_time.noise=0.3"]),
    "providers.groups": (SMOKE, ["providers.groups=[{servers: 2, calibration: " + HOST_PROFILE + "}, {servers: 2}]"]),
    "users": (SMOKE, ["users.0.arrival.rate_per_s=0.7"]),
    "validators.count": (SMOKE, ["validators.count=7"]),
    "validators.stake": (SMOKE, ["validators.stake=60_000"]),
    "validators.reputation": (SMOKE, ["validators.reputation=0.5"]),
    "validators.regions": (SMOKE + ["--set", "oracle.regional_pricing=true"], ["validators.regions={us-east: 3, eu-west: 1}"]),
    "validators.noise": (SMOKE, ["validators.noise=0.2"]),
    "validators.unavailability": (SMOKE, ["validators.unavailability=0.3"]),
    "validators.response_time.mean": (SMOKE, ["validators.response_time.mean=1s"]),
    "validators.response_time.deadline": (SMOKE, ["validators.response_time.deadline=300ms"]),
    "oracle.period": (SMOKE, ["oracle.period=5m"]),
    "oracle.min_reports": (SMOKE + ["--set", "validators.unavailability=0.3"], ["oracle.min_reports=5"]),
    "oracle.outlier_max_deviation": (SMOKE + ["--set", "validators.noise=0.1"], ["oracle.outlier_max_deviation=0.05"]),
    "oracle.slash_outliers": (SMOKE + ["--set", "validators.noise=0.3"], ["oracle.slash_outliers=true"]),
    "oracle.slash_unavailable": (SMOKE + ["--set", "validators.unavailability=0.2"], ["oracle.slash_unavailable=true"]),
    "oracle.detector": (ATTACKS, ["oracle.detector=false"]),
    "oracle.regional_pricing": (SMOKE, ["oracle.regional_pricing=true"]),
    "oracle.time_of_day_pricing": (SMOKE, ["oracle.time_of_day_pricing=true"]),
    "oracle.utc_offset_hours": (SMOKE + ["--set", "oracle.time_of_day_pricing=true"], ["oracle.utc_offset_hours=5"]),
    "oracle.congestion_from": (SMOKE, ["oracle.congestion_from=price"]),
    "oracle.investigate_alarms": (ATTACKS, ["oracle.investigate_alarms=true"]),
    "autoscaling.enabled": (SMOKE, ["autoscaling.enabled=false"]),
    "autoscaling.period": (SMOKE, ["autoscaling.period=30m"]),
    "autoscaling.provisioning_delay": (SMOKE2, ["autoscaling.provisioning_delay=20m"]),
    "autoscaling.min_servers": (SMOKE, ["autoscaling.min_servers=3"]),
    "autoscaling.max_servers": (SMOKE2, ["autoscaling.max_servers=5"]),
    "autoscaling.velocity_window": (SMOKE, ["autoscaling.velocity_window=6h"]),
    "autoscaling.velocity": (SMOKE, ["autoscaling.velocity=annualized"]),
    "stakers.count": (SMOKE, ["stakers.count=30"]),
    "stakers.balance": (SMOKE, ["stakers.balance=40_000"]),
    "stakers.initial_stake_fraction": (SMOKE, ["stakers.initial_stake_fraction=0.9"]),
    "stakers.outside_yield": (SMOKE, ["stakers.outside_yield=0.5"]),
    "stakers.review_period": (SMOKE, ["stakers.review_period=3h"]),
    "stakers.inertia": (SMOKE, ["stakers.inertia=0.2"]),
    "governance.quorum": (SMOKE2, ["governance.quorum=0.99"]),
    "governance.threshold": (SMOKE2, ["governance.threshold=0.99"]),
    "governance.emergency_threshold": (SMOKE2 + ["--set", "governance.proposals.0.kind=emergency"], ["governance.emergency_threshold=0.99"]),
    "governance.turnout": (SMOKE2, ["governance.turnout=0.1"]),
    "governance.proposals": (SMOKE2, ["governance.proposals.0.parameters.burn_rate=0.02"]),
    "attacks": (ATTACKS, ["attacks.whales.0.requests=200"]),
}

# Keys that describe the run rather than drive it, each with the reason it is exempt.
EXEMPT = {
    "name": "names the run (provenance, default output path); no dynamics",
    "description": "one line for people; no dynamics",
    "extends": "file structure, merged before decoding: it acts through the keys it brings",
    "vars": "substituted before decoding: it acts through the keys it sets",
}

# Keys that cannot act in this world: setting them must warn (one located line on stderr).
WARN_ONLY = {
    "validators.hardware.gpu_count": "validators.hardware is not read by this world",
    "validators.hardware.memory_gb": "validators.hardware is not read by this world",
    "validators.hardware.compute_capability": "validators.hardware is not read by this world",
}

WARN_VALUES = {
    "validators.hardware.gpu_count": "4",
    "validators.hardware.memory_gb": "40",
    "validators.hardware.compute_capability": "8.0",
}

# Set where they cannot act: a one-line warning naming what they need.
MISPLACED = [
    (FIXED + ["--set", "pricing.fixed_price=1"], "pricing.fixed_price has no effect unless pricing.mode is fixed"),
    (["scenarios/market-small.yaml", "--set", "duration=1h", "--set", "pricing.market_multiplier=literal"],
     "pricing.market_multiplier has no effect without validators"),
    (FIXED + ["--set", "oracle.regional_pricing=true"], "oracle.regional_pricing needs user classes with a region"),
    (SMOKE + ["--set", "oracle.utc_offset_hours=3"], "oracle.utc_offset_hours has no effect without oracle.time_of_day_pricing"),
]


def documented_keys():
    out = subprocess.run([str(RELEASE), "keys"], capture_output=True, text=True, check=True).stdout
    keys = []
    for line in out.splitlines()[2:]:
        cells = line.split("|")
        if len(cells) > 2:
            keys.append(cells[1].strip().strip("`"))
    return keys


def base_args(base, tmp):
    if base == "WHALES":
        path = tmp / "whales.yaml"
        path.write_text(WHALES)
        return [str(path)]
    return list(base)


def run(args, tmp, tag, trajectory=False):
    """The run's summary (wall-clock metrics and the scenario hash left out), its stderr, and the
    trajectory path when asked."""
    out = tmp / f"{tag}.h5"
    extra = ["--output", str(out), "--force"] if trajectory else ["--no-output"]
    r = subprocess.run([str(RELEASE), "run", *args, "--summary-json", "-", "--quiet", *extra],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, f"{args}: {r.stderr}"
    summary = json.loads(r.stdout[r.stdout.index("{"):r.stdout.rindex("}") + 1])
    summary["metrics"].pop("events_per_second", None)
    summary.pop("scenario_hash", None)
    summary.pop("scenario", None)
    return summary, r.stderr, out


def datasets(path):
    found = {}

    def visit(name, obj):
        if isinstance(obj, h5py.Dataset) and not name.startswith("provenance"):
            found[name] = obj[()]
    with h5py.File(path, "r") as f:
        f.visititems(visit)
    return found


def trajectories_differ(a, b):
    da, db = datasets(a), datasets(b)
    if da.keys() != db.keys():
        return True
    for k in da:
        x, y = da[k], db[k]
        if getattr(x, "shape", None) != getattr(y, "shape", None):
            return True
        if isinstance(x, np.ndarray):
            if x.dtype.names:
                if x.tobytes() != y.tobytes():
                    return True
            elif not np.array_equal(x, y, equal_nan=x.dtype.kind == "f"):
                return True
        elif x != y:
            return True
    return False


def sets(overrides):
    return [a for o in overrides for a in ("--set", o)]


@pytest.fixture(scope="module")
def release():
    if not RELEASE.exists():
        pytest.fail(f"{RELEASE} is missing: run `swift build -c release --product gctsim` (make test does)")
    return RELEASE


def test_every_documented_key_acts_or_warns(release, tmp_path):
    keys = documented_keys()
    unknown = [k for k in keys if k not in CASES and k not in EXEMPT and k not in WARN_ONLY]
    assert not unknown, f"documented keys without a case in this test: {unknown}"
    stale = [k for k in list(CASES) + list(EXEMPT) + list(WARN_ONLY) if k not in keys]
    assert not stale, f"cases for keys that are not declared: {stale}"

    bases = {}
    inert = []
    trajectory_only = []
    exercised = 0
    for key in keys:
        if key in EXEMPT:
            continue
        if key in WARN_ONLY:
            base = SMOKE
            _, err, _ = run(base + ["--set", f"{key}={WARN_VALUES[key]}"], tmp_path, "warn")
            lines = [l for l in err.splitlines() if ": warning: " in l]
            if not any(WARN_ONLY[key] in l for l in lines):
                inert.append(f"{key}: neither acts nor warns ({err.strip()[:200]})")
            exercised += 1
            continue
        base, overrides = CASES[key]
        args = base_args(base, tmp_path)
        name = json.dumps(args)
        if name not in bases:
            bases[name] = run(args, tmp_path, f"base{len(bases)}")
        before, base_err, _ = bases[name]
        after, err, _ = run(args + sets(overrides), tmp_path, "changed")
        exercised += 1
        if before != after:
            continue
        # Same summary: the trajectory must differ.
        _, _, a = run(args, tmp_path, "traj_a", trajectory=True)
        _, _, b = run(args + sets(overrides), tmp_path, "traj_b", trajectory=True)
        if trajectories_differ(a, b):
            trajectory_only.append(key)
        else:
            inert.append(f"{key}: {' '.join(overrides)} on {base if isinstance(base, str) else ' '.join(base)} changes neither the summary nor the trajectory")
    print(f"no-inert-keys: {exercised} keys exercised ({len(keys)} documented, {len(EXEMPT)} exempt: {', '.join(EXEMPT)}; "
          f"{len(WARN_ONLY)} warn instead of acting; changed only the trajectory: {', '.join(trajectory_only) or 'none'})")
    assert not inert, "inert keys:\n" + "\n".join(inert)


@pytest.mark.parametrize("args,fragment", MISPLACED)
def test_misplaced_key_warns_with_what_it_needs(release, tmp_path, args, fragment):
    _, err, _ = run(args, tmp_path, "misplaced")
    lines = [l for l in err.splitlines() if ": warning: " in l]
    assert any(fragment in l for l in lines), err
    # Located: file:line:column, or the --set argument that wrote it (as errors are).
    assert all(l.startswith("--set ") or (l.split(":")[1].isdigit() and l.split(":")[2].isdigit()) for l in lines), lines
