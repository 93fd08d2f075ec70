"""Issue 19's reproducers: every one gives a located one-line error (or a clean run), never a crash,
a hang, a multi-line or over-long message, or an overwritten file. Uses the release binary when present
(`GCTSIM_RELEASE`, or its alias `GCTSIM`, overrides)."""
import os
import pathlib
import re
import stat
import subprocess
import time

import pytest

from conftest import binary_from_environment

ROOT = pathlib.Path(__file__).resolve().parents[2]
RELEASE = ROOT / ".build" / "release" / "gctsim"
SMOKE = "scenarios/ci/smoke.yaml"
LOCATED = re.compile(r"^\S+:\d+:\d+: error: |^--set .+?: error: ")


@pytest.fixture(scope="module")
def g():
    path = binary_from_environment(RELEASE if RELEASE.exists() else ROOT / ".build" / "debug" / "gctsim")
    if not path.exists():
        pytest.skip(f"{path} is missing")

    def run(*args, timeout=20, cwd=ROOT):
        start = time.time()
        r = subprocess.run([str(path), *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=timeout,
                           stdin=subprocess.DEVNULL, errors="replace")
        r.seconds = time.time() - start
        return r
    run.path = path
    return run


def one_line_error(r, pattern=None, located=False):
    assert 0 < r.returncode < 128, f"exit {r.returncode}: {r.stderr[-500:]}"
    lines = [l for l in r.stderr.splitlines() if l.strip() and not l.startswith("check: ")]
    assert len(lines) == 1, r.stderr
    assert len(lines[0]) <= 300, lines[0]
    assert "NSCocoaErrorDomain" not in lines[0] and "Usage:" not in lines[0]
    if located:
        assert LOCATED.match(lines[0]), lines[0]
    if pattern:
        assert re.search(pattern, lines[0]), lines[0]
    return lines[0]


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text) if isinstance(text, str) else p.write_bytes(text)
    return p


# Admission control: what run would trap on, allocate without bound, or loop on is refused by validate.
@pytest.mark.parametrize("sets,pattern", [
    (["warmup=106000d", "duration=106000d"], r"warmup \+ duration .* must not exceed 36500d"),
    (["warmup=9223372036854775807ns", "duration=9223372036854775807ns"], r"must not exceed"),
    (["providers.speed=1e-300"], r"providers.speed must be in"),
    (["providers.service_time.default={dist: pareto, scale: 1s, shape: 0.001}"], r"a service time needs a finite mean: pareto shape must be > 1, got 0.001"),
    (["users.0.arrival.rate_per_s=1e-320"], r"rate_per_s must be in \[1e-9, 1e6\]"),
    (["users.0.arrival.rate_per_s=1e308"], r"rate_per_s must be in"),
    (["users.0.arrival.daily_profile.0=1e308"], r"daily_profile weights must be in"),
    (["economy.initial_supply=9000000000", "economy.treasury=9000000000", "economy.cap=9200000000"], r"must not exceed|exceed"),
    (["users.0.count=4611686018427387904"], r"at most 10000000"),
    (["providers.servers=4611686018427387904"], r"at most 1000000"),
    (["providers.servers=100000000"], r"at most 1000000|max_servers"),
    (["oracle.period=1ns"], r"oracle.period must be at least 1s"),
    (["economy.staking.epoch=1ns"], r"economy.staking.epoch must be at least 1s"),
    (["governance={proposals: [{title: late, at: 106750d, kind: parameter, parameters: {burn_rate: \"0.1\"}}]}"], r"must be before the end of the run"),
    (["replications=1000000000"], r"replications must be at most 100000"),
    (["stakers.balance=1000000000"], r"staker balances .* exceed the initial supply"),
    (["metrics.interval=1ns"], r"metrics.interval must be at least 1s"),
])
def test_admission_control(g, sets, pattern):
    args = ["validate", SMOKE]
    for s in sets:
        args += ["--set", s]
    r = g(*args)
    one_line_error(r, pattern, located=True)
    assert r.seconds < 5


def test_validate_ok_means_run_starts(g):
    """The limits just inside: validate ok, and run starts (stopped by the timeout or ends cleanly)."""
    args = ["--set", "oracle.period=1s", "--set", "duration=7h"]
    assert g("validate", SMOKE, *args).returncode == 0
    r = g("run", SMOKE, *args, "--no-output", "--quiet", timeout=120)
    assert r.returncode == 0, r.stderr


def test_alias_bomb_refused_fast(g, tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i-1}"] * 9) + "]" for i in range(1, 10)]
    bomb = write(tmp_path, "bomb.yaml", "\n".join(lines) + "\nname: x\n")
    assert len(bomb.read_bytes()) < 700
    r = g("validate", bomb, timeout=10)
    one_line_error(r, r"more than 100000 nodes", located=True)
    assert r.seconds < 1


@pytest.mark.parametrize("content,pattern", [
    (b"", r"empty"),
    (b"name: \xff\xfe bad\n", r"not UTF-8 text \(invalid byte at offset 6\)"),
    ("name: x\n".encode("utf-16"), r"not UTF-8"),
    (b"description: " + b"[" * 100000 + b"\n", r"nested deeper than 64"),
    (b"name: " + b"y" * 100000 + b"\n", r"longer than 10000"),
    (b"name: x\n" + b"#" * (2 << 20), r"more than 1048576"),
])
def test_unreadable_or_huge_text(g, tmp_path, content, pattern):
    r = g("validate", write(tmp_path, "s.yaml", content))
    line = one_line_error(r, pattern)
    assert r.seconds < 1


@pytest.mark.parametrize("target,pattern", [("DIR", r"is a directory"), ("/dev/null", r"not a regular file"),
                                            ("/nonexistent/s.yaml", r"no such file")])
def test_unreadable_files(g, tmp_path, target, pattern):
    one_line_error(g("validate", str(tmp_path) if target == "DIR" else target), pattern)


def test_extends_passwd_not_echoed(g, tmp_path):
    r = g("validate", write(tmp_path, "s.yaml", "extends: /etc/passwd\nname: x\n"))
    line = one_line_error(r)
    assert "/bin/bash" not in line and "nologin" not in line


def test_long_value_shortened(g):
    # The shortened location keeps its ':' before 'error:'.
    one_line_error(g("validate", SMOKE, "--set", "pricing.mode=" + "v" * 5000), r"^--set pricing\.mode=v+…: error: ", located=True)


def test_run_and_check_use_the_validate_form(g):
    for cmd in (["run", SMOKE, "--no-output"], ["check", SMOKE], ["validate", SMOKE]):
        line = one_line_error(g(*cmd, "--set", "providers.servers=0"), located=True)
        assert not line.startswith("error:")


@pytest.mark.parametrize("args,pattern", [
    (["montecarlo", "tokenflow", "--replications", "1000000000", "--device", "cpu"], r"--replications must be in 1…1000000"),
    (["run", SMOKE, "--replications", "1000000000", "--no-output"], r"--replications must be in 1…100000"),
    (["check", SMOKE, "--replications", "1000000000"], r"--replications must be in 2…100000"),
    (["calibrate", "--repetitions", "1000000000", "--device", "cpu"], r"--repetitions must be in 1…1000"),
    (["run", SMOKE, "--seed", "-1"], r"'-1' is invalid for '--seed"),
    (["quote", "stake", "--amount", "-1"], r"negative|-1|amount"),
    (["montecarlo", "oracle", "--bias", "nan", "--device", "cpu"], r"--bias must be a finite number"),
    (["montecarlo", "oracle", "--rounds", "0", "--device", "cpu"], r"--rounds must be in 1…"),
    (["montecarlo", "tokenflow", "--days", "0", "--device", "cpu"], r"--days must be in 1…36500"),
    (["montecarlo", "oracle", "--validators", "2", "--device", "cpu"], r"--validators must be in 3…4096"),
    (["run"], r"Missing expected argument .*run 'gctsim run --help'"),
    (["run", SMOKE, "--bogus"], r"Unknown option '--bogus'.*run 'gctsim run --help'"),
    (["frobnicate"], r"gctsim --help"),
    (["run", SMOKE, "--threads", "0"], r"--threads must be in 1…1024"),
])
def test_command_line_errors(g, args, pattern):
    one_line_error(g(*args), pattern)


def test_output_existing_suggests_force(g, tmp_path):
    out = write(tmp_path, "x.h5", "old")
    line = one_line_error(g("run", SMOKE, "--output", out, "--set", "duration=7h"), r"--force")
    assert "--overwrite" not in line and out.read_text() == "old"


# Nothing overwritten without --force; never a symlink, directory or device. Each writer gets the path
# and the shard files of a small sweep (for merge).
SWEEP = ["--set", "duration=7h", "--var", "providers.servers=3,4", "--replications", "1", "--threads", "1"]
PROPOSAL = "scenarios/proposals/burn-1pct.yaml"
EVALUATE = ["--baseline", SMOKE, "--set", "duration=7h", "--from-start", "--replications", "2", "--threads", "1"]
ATTACKS = """name: tiny-attack
seed: 5
replications: 1
duration: 3h
metrics: {interval: 1h, sample_events: false}
providers: {servers: 2, service_time: {default: {dist: exponential, mean: 1s}}}
users:
  - {name: u, count: 4, arrival: {rate_per_s: 0.5}, ops: {matrix_multiplication: 1}, budget: "10_000"}
validators: {count: 7, stake: {dist: uniform, min: 20000, max: 100000}}
oracle: {period: 10m}
attacks:
  whales:
    - {at: 1h, user_class: u, payment: "50", requests: 20, spacing: 10s}
"""
WRITERS = {
    "run --output": lambda p, c: ["run", SMOKE, "--set", "duration=7h", "--quiet", "--output", p],
    "run --summary-json": lambda p, c: ["run", SMOKE, "--set", "duration=7h", "--quiet", "--no-output", "--summary-json", p],
    "check --junit": lambda p, c: ["check", "scenarios/ci/fixed-pool.yaml", "--replications", "2", "--junit", p],
    "calibrate --output": lambda p, c: ["calibrate", "--device", "cpu", "--repetitions", "1", "--output", p],
    "sweep --output": lambda p, c: ["sweep", SMOKE, *SWEEP, "--summary", "csv", "--output", p],
    "merge --output": lambda p, c: ["merge", *c["shards"], "--output", p],
    "attack evaluate --output": lambda p, c: ["attack", "evaluate", c["attacks"], "--output", p],
    "attack evaluate --output .h5": lambda p, c: ["attack", "evaluate", c["attacks"], "--output", p],
    "proposal evaluate --output": lambda p, c: ["proposal", "evaluate", *EVALUATE, "--proposal", PROPOSAL, "--output", p],
    "proposal evaluate --report": lambda p, c: ["proposal", "evaluate", *EVALUATE, "--proposal", PROPOSAL, "--report", p],
    "proposal compare --report": lambda p, c: ["proposal", "compare", *EVALUATE, PROPOSAL, "--report", p],
}


@pytest.fixture(scope="module")
def inputs(g, tmp_path_factory):
    """Shard files of a small sweep (for merge) and a small scenario with an attack."""
    d = tmp_path_factory.mktemp("inputs")
    shards = []
    for i in (1, 2):
        shards.append(d / f"s{i}.h5")
        r = g("sweep", SMOKE, *SWEEP, "--shard", f"{i}/2", "--output", shards[-1], timeout=300)
        assert r.returncode == 0, r.stderr
    return {"shards": shards, "attacks": write(d, "attacks.yaml", ATTACKS)}


def target_name(writer, name):
    return name + ".h5" if writer.endswith(".h5") else name


@pytest.mark.parametrize("writer", list(WRITERS))
def test_no_overwrite_without_force(g, tmp_path, inputs, writer):
    target = write(tmp_path, target_name(writer, "existing"), "keep me")
    one_line_error(g(*WRITERS[writer](str(target), inputs), timeout=300), r"already exists \(use --force|--force")
    assert target.read_bytes() == b"keep me"
    r = g(*WRITERS[writer](str(target), inputs), "--force", timeout=300)
    assert r.returncode in (0, 1) and target.read_bytes() != b"keep me", r.stderr


@pytest.mark.parametrize("writer", list(WRITERS))
def test_never_replaces_symlink_directory_or_device(g, tmp_path, inputs, writer):
    real = write(tmp_path, "real", "keep me")
    link = tmp_path / target_name(writer, "link")
    link.symlink_to(real)
    fifo = tmp_path / target_name(writer, "fifo")
    os.mkfifo(fifo)
    folder = tmp_path / target_name(writer, "folder")
    folder.mkdir()
    write(folder, "keep.txt", "precious")
    for target, pattern in [(link, "symbolic link"), (fifo, "not a regular file"), (folder, "is a directory"),
                            (pathlib.Path("/dev/null"), "not a regular file")]:
        one_line_error(g(*WRITERS[writer](str(target), inputs), "--force", timeout=300), pattern)
    assert link.is_symlink() and real.read_text() == "keep me"
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and folder.is_dir() and (folder / "keep.txt").read_text() == "precious"
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


# Issue 19's message defects: one `error:`, a reason, no Foundation error dump.
@pytest.mark.parametrize("args,pattern,located", [
    (["keys", "--update", "/nonexistent/doc.md"], r"^error: --update: cannot read '/nonexistent/doc.md': no such file$", False),
    (["proposal", "evaluate", "--baseline", SMOKE, "--proposal", SMOKE], r"smoke.yaml:\d+:\d+: error: unknown key 'name' in a proposal", True),
    (["proposal", "evaluate", "--baseline", "UNKNOWN", "--proposal", PROPOSAL], r"unknown key 'providrs'", True),
    (["proposal", "evaluate", "--baseline", SMOKE, "--proposal", "/nonexistent/p.yaml"],
     r"cannot read proposal file '/nonexistent/p.yaml': no such file", False),
    (["sweep", SMOKE, "--var", "providers.servrs=1,2"], r"^error: sweep point 0 \(providers.servrs=1\): unknown key 'servrs' in providers.*did you mean 'servers'", False),
    (["sweep", SMOKE, "--set", "providers.servrs=4", "--var", "providers.servers=1,2"], r"^--set providers.servrs=4: error: unknown key 'servrs'", True),
])
def test_one_error_prefix(g, tmp_path, args, pattern, located):
    unknown = write(tmp_path, "unknownkey.yaml", "name: x\nduration: 1h\nprovidrs: {servers: 2}\n")
    line = one_line_error(g(*[str(unknown) if a == "UNKNOWN" else a for a in args], timeout=60), pattern, located=located)
    assert line.count("error:") == 1, line


def test_progress_only_to_a_terminal(g, tmp_path):
    r = g("run", SMOKE, "--set", "duration=7h", "--no-output")
    assert "\r" not in r.stderr


def test_inspect_json_of_a_killed_file(g, tmp_path):
    p = tmp_path / "s.h5"
    subprocess.run([str(g.path), "_write-sample-trajectory", str(p), "--rows", "50", "--abandon-after-flush"], cwd=ROOT)
    r = g("inspect", p, "--json")
    assert r.returncode == 0, r.stderr
    assert '"running"' in r.stdout


def test_sigint_counts_only_finished_replications(g, tmp_path):
    """R21: SIGINT during the second of three replications (one thread, so they run in order): the file
    says `interrupted`, and `completed_replications` (file and summary) counts only the replications that
    finished: on one thread each replication's group appears when it starts, so the last group is the
    stopped one (it still gets its /final arrays, as of the stop)."""
    import json
    import signal

    import h5py
    out, summary = tmp_path / "int.h5", tmp_path / "int.json"
    p = subprocess.Popen([str(g.path), "run", SMOKE, "--set", "duration=20d", "--set", "replications=3", "--threads", "1",
                          "--output", str(out), "--summary-json", str(summary), "--quiet"],
                         cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 120
    started_second = False
    while time.time() < deadline and p.poll() is None and not started_second:
        time.sleep(0.2)
        try:  # the writer flushes rep_0001's tables when it creates them, after rep_0000's /final
            with h5py.File(out, "r", locking=False) as f:
                started_second = "rep_0001" in f
        except (OSError, KeyError):
            pass
    assert started_second and p.poll() is None, "the second replication did not start while the run was going"
    p.send_signal(signal.SIGINT)
    _, err = p.communicate(timeout=60)
    assert p.returncode == 130, err
    with h5py.File(out, "r") as f:
        status = f["meta"].attrs["status"]
        status = status.decode() if isinstance(status, bytes) else status
        started = sorted(name for name in f if name.startswith("rep_"))
        finished = len(started) - 1
        completed = int(f["meta"].attrs["completed_replications"])
    assert status == "interrupted"
    assert 1 <= finished < 3
    assert completed == finished
    report = json.loads(summary.read_text())
    assert report["completed_replications"] == finished
    assert report["status"] == "interrupted"


def test_inspect_json_writes_nan_and_infinity_as_null(g, tmp_path):
    """R36: `inspect --json` of a file whose last values include NaN and ±infinity is strict JSON (null),
    and the text form names them."""
    import json

    import h5py
    p = tmp_path / "nan.h5"
    r = subprocess.run([str(g.path), "_write-sample-trajectory", str(p), "--rows", "20"], cwd=ROOT, capture_output=True)
    assert r.returncode == 0, r.stderr
    with h5py.File(p, "r+") as f:
        doubles = []
        f.visititems(lambda name, obj: doubles.append(name)
                     if isinstance(obj, h5py.Dataset) and obj.dtype.kind == "f" and obj.ndim == 1 and len(obj) > 0 else None)
        assert len(doubles) >= 2, doubles
        f[doubles[0]][-1] = float("nan")
        f[doubles[1]][-1] = float("inf")
    r = g("inspect", p, "--json")
    assert r.returncode == 0, r.stderr

    def refuse(token):
        raise AssertionError(f"non-JSON constant {token} in inspect --json")
    json.loads(r.stdout, parse_constant=refuse)
    assert "null" in r.stdout
    text = g("inspect", p)
    assert text.returncode == 0 and "nan" in text.stdout.lower()
