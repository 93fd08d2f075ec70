#!/usr/bin/env python3
"""Seeded mutation fuzzer of gctsim: scenario files (through `gctsim validate`, and `run` for a sample
of the mutants that validate) and command lines.

Every mutant is derived from (seed, index) alone, so a run is reproducible and a failure can be
replayed with --only INDEX. Each outcome is classified:
  ok            exit 0
  located       exit 1, one line `FILE:LINE:COL: error: ...` (or `--set ...: error:`)
  error         exit != 0, one line `error: ...` (command-line and other unlocated errors)
  run-started   a validated mutant whose run was still going at the run timeout (admission: it started)
  CRASH         killed by a signal, or an exit status >= 128
  HANG          no answer within the timeout
  MALFORMED     an error of several lines, over 300 characters, or nothing on stderr
The last three fail the fuzzer (exit 1), listing each failing mutant with its reproducer.
"""
import argparse, collections, concurrent.futures, os, random, re, shutil, subprocess, sys, tempfile, time

WEIRD = ["-1", "0", "-0", "1e308", "-1e308", "1e-320", "nan", ".nan", ".inf", "-.inf", "inf",
         "9223372036854775807", "9223372036854775808", "18446744073709551616", "4611686018427387904",
         "1ns", "0s", "1us", "106750d", "99999d", "1e30d", "\"\"", "~", "[]", "{}", "x" * 200,
         "\"" + "9" * 40 + "\"", "0.000000001", "\"1e308\"", "true", "1_000_000_000", "100000000",
         "\"-5\"", "0x10", "'\\u0000'", "&a [1]", "*a", "!!binary aGk=", "1e-9", "1.5e3s", "30m", "\"0.0000000001\""]
LOCATED = re.compile(r"^(\S.*:\d+:\d+|--set \S.*|\S+): error: ")

def mutate_yaml(text, rng):
    lines = text.split("\n")
    kind = rng.choice(["value", "value", "value", "value", "delete", "duplicate", "indent", "bytes",
                       "truncate", "key", "bomb", "nest", "swap"])
    if kind == "value":
        for _ in range(rng.randint(1, 3)):
            idx = [i for i, l in enumerate(lines) if ":" in l and not l.lstrip().startswith("#")]
            if not idx: break
            i = rng.choice(idx)
            key, _, _ = lines[i].partition(":")
            lines[i] = key + ": " + rng.choice(WEIRD)
    elif kind == "delete" and lines:
        del lines[rng.randrange(len(lines))]
    elif kind == "duplicate" and lines:
        i = rng.randrange(len(lines)); lines.insert(i, lines[i])
    elif kind == "indent" and lines:
        i = rng.randrange(len(lines)); lines[i] = " " * rng.randint(1, 5) + lines[i]
    elif kind == "bytes":
        b = bytearray("\n".join(lines).encode())
        for _ in range(rng.randint(1, 4)):
            b.insert(rng.randrange(len(b) + 1), rng.randrange(256))
        return bytes(b)
    elif kind == "truncate":
        return "\n".join(lines).encode()[: rng.randrange(max(1, len(text)))]
    elif kind == "key":
        idx = [i for i, l in enumerate(lines) if ":" in l and not l.lstrip().startswith("#")]
        if idx:
            i = rng.choice(idx); key, sep, rest = lines[i].partition(":")
            lines[i] = key[:-1] + rng.choice("abxyz_") + sep + rest if len(key.strip()) > 1 else lines[i]
    elif kind == "bomb":
        n = rng.randint(5, 12)
        bomb = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"] + [f"a{i}: &a{i} [" + ", ".join([f"*a{i-1}"] * 9) + "]" for i in range(1, n)]
        lines = bomb + lines
    elif kind == "nest":
        d = rng.choice([10, 100, 10000])
        lines.append("description: " + "[" * d + "]" * d)
    elif kind == "swap" and len(lines) > 2:
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines)); lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines).encode()

COMMANDS = [
    ["run", "{S}", "--no-output", "--quiet"], ["validate", "{S}"], ["inspect", "{F}"], ["inspect", "{F}", "--json"],
    ["quote", "stake", "--amount", "1"], ["quote", "priority", "--tokens", "1", "--u", "0.5"],
    ["quote", "market", "--ratio", "1"], ["quote", "autoscale", "--velocity", "1", "--demand", "1", "--supply", "1"],
    ["montecarlo", "oracle", "--rounds", "100", "--device", "cpu"], ["montecarlo", "tokenflow", "--replications", "10", "--days", "10", "--device", "cpu"],
    ["check", "{S}", "--replications", "2", "--baselines", "{D}"], ["calibrate", "--device", "cpu", "--repetitions", "1", "--output", "{D}/profile.yaml"],
    ["run", "{S}", "--output", "{F}"], ["run", "{S}", "--summary-json", "{F}", "--no-output"],
]
OPTIONS = ["--seed", "--replications", "--threads", "--rounds", "--validators", "--attackers", "--bias", "--noise",
           "--days", "--mean-executions", "--capacity", "--repetitions", "--amount", "--tokens", "--u", "--ratio",
           "--set", "--output", "--summary-json", "--junit", "--device", "--history", "--bogus", "-x", "--"]
CLI_WEIRD = ["-1", "0", "nan", "inf", "-inf", "1e308", "", "abc", "99999999999999999999", "-0", "1e-320",
             "x" * 500, "/dev/null", "/", "/nonexistent/x", "replications=0", "duration=1ns", "oracle.period=1ns",
             "a.b.c=1", "=", "seed=-1", "4611686018427387904", "2147483648"]

def mutate_cli(rng, scenario, folder):
    args = list(rng.choice(COMMANDS))
    for _ in range(rng.randint(1, 3)):
        op = rng.choice(["add", "add", "value", "drop"])
        if op == "add":
            args += [rng.choice(OPTIONS), rng.choice(CLI_WEIRD)]
        elif op == "value" and len(args) > 1:
            args[rng.randrange(1, len(args))] = rng.choice(CLI_WEIRD)
        elif op == "drop" and len(args) > 1:
            del args[rng.randrange(1, len(args))]
    sub = {"{S}": scenario, "{F}": os.path.join(folder, "out.h5"), "{D}": folder}
    return [sub.get(a, a.replace("{D}", folder)) for a in args]

def classify(proc_result, timed_out):
    if timed_out: return "HANG", ""
    rc, err = proc_result.returncode, proc_result.stderr.decode("utf-8", "replace")
    if rc < 0 or rc >= 128: return "CRASH", err[-300:]
    if rc == 0: return "ok", ""
    # Warnings (a key written where it cannot act: `FILE:LINE:COL: warning: ...`) precede the error.
    lines = [l for l in err.split("\n") if l.strip() and not l.startswith("check: ") and not l.startswith("calibrate:")
             and ": warning: " not in l]
    if len(lines) != 1 or len(lines[0]) > 320: return "MALFORMED", err[:600]
    return ("located" if LOCATED.match(lines[0]) and not lines[0].startswith("error:") else "error"), lines[0]

def run(binary, args, cwd, timeout):
    try:
        r = subprocess.run([binary] + args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout,
                           stdin=subprocess.DEVNULL)
        return r, False
    except subprocess.TimeoutExpired:
        return None, True

def one(binary, scenarios, seed, index, timeout, run_timeout):
    rng = random.Random(seed * 1_000_003 + index)
    folder = tempfile.mkdtemp(prefix="gctsim-fuzz-")
    try:
        source = rng.choice(scenarios)
        path = os.path.join(folder, "mutant.yaml")
        base = os.path.dirname(source)
        with open(source) as f: text = f.read()
        # Keep `extends` working from the temporary folder.
        text = text.replace("extends: ../", "extends: " + os.path.abspath(os.path.join(base, "..")) + "/")
        if index % 5 == 4:
            with open(path, "w") as f: f.write(text)
            args = mutate_cli(rng, path, folder)
            r, hung = run(binary, args, folder, timeout)
            c, msg = classify(r, hung) if not hung else ("HANG", "")
            if c == "HANG" and args[0] in ("run", "check", "montecarlo", "calibrate"):
                c = "run-started"  # a long legitimate run, not a stuck parser
            return index, "cli", c, msg, " ".join(repr(a) if " " in a or not a else a for a in args)
        data = mutate_yaml(text, rng)
        with open(path, "wb") as f: f.write(data)
        r, hung = run(binary, ["validate", path], folder, timeout)
        c, msg = classify(r, hung)
        if c == "ok" and index % 10 == 0:
            r2, hung2 = run(binary, ["run", path, "--no-output", "--quiet", "--set", "replications=1"], folder, run_timeout)
            c, msg = classify(r2, False) if not hung2 else ("run-started", "")
            if c in ("located", "error") and r2.returncode in (1,):
                c, msg = "MALFORMED", "validate said ok but run refused: " + msg
            elif c in ("located", "error"):
                c = "ok"  # interrupted/failed invariants are results, not refusals
        return index, "yaml", c, msg, f"{source} mutant (seed {seed}, index {index})"
    finally:
        shutil.rmtree(folder, ignore_errors=True)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=".build/release/gctsim")
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--timeout", type=float, default=5)
    ap.add_argument("--run-timeout", type=float, default=2)
    ap.add_argument("--only", type=int)
    a = ap.parse_args()
    binary = os.path.abspath(a.binary)
    scenarios = sorted(os.path.abspath(os.path.join(d, f)) for d in ["scenarios", "scenarios/ci"] for f in os.listdir(d) if f.endswith(".yaml"))
    indices = [a.only] if a.only is not None else range(a.count)
    counts, failures, start = collections.Counter(), [], time.time()
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as pool:
        for index, kind, c, msg, what in pool.map(lambda i: one(binary, scenarios, a.seed, i, a.timeout, a.run_timeout), indices):
            counts[(kind, c)] += 1
            if c in ("CRASH", "HANG", "MALFORMED"): failures.append((index, kind, c, msg, what))
    print(f"fuzz: {len(indices)} mutants, seed {a.seed}, {time.time() - start:.1f} s")
    for (kind, c), n in sorted(counts.items()): print(f"  {kind:5} {c:12} {n}")
    for index, kind, c, msg, what in failures[:50]:
        print(f"{c}: #{index} {kind}: {what}\n    {msg.strip()[:600]}")
    if failures:
        print(f"fuzz: {len(failures)} failures (replay one with --seed {a.seed} --only INDEX)"); sys.exit(1)

if __name__ == "__main__":
    main()
