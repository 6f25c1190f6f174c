#!/usr/bin/env python3
"""`make mutate`: the mutation check of issue 16 (docs/testing.md).

Every mutant of Tests/Mutation/mutants.txt — a deliberate one-line bug — is applied to a
scratch copy of the repository (.build-mutate/src, never the working tree), and the suites
it names are run there with `swift test --filter`; a mutant is killed when they fail. The
table says which test killed each mutant; the exit status is non-zero when one survives,
does not compile, or its original text is not found exactly once.

  python3 Tests/Mutation/mutate.py                 every mutant, its suites
  python3 Tests/Mutation/mutate.py --full          also the whole suite, per mutant
  python3 Tests/Mutation/mutate.py --only NAME ...  some mutants
  python3 Tests/Mutation/mutate.py --check         only check the list against the sources
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
LIST = os.path.join(ROOT, "Tests", "Mutation", "mutants.txt")
SCRATCH = os.path.join(ROOT, ".build-mutate")
SOURCE = os.path.join(SCRATCH, "src")
EXCLUDED = {".git", ".swiftpm", "Output"}
KEYS = ("mutant", "about", "file", "find", "replace", "suites")


def read_mutants(path=LIST):
    """The mutants of the list, in order; a malformed block is an error naming its line."""
    mutants, block, start = [], {}, None
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for number, line in enumerate(lines + [""], start=1):
        if line.startswith("#"):
            continue
        if not line.strip():
            if block:
                missing = [k for k in KEYS if k not in block]
                if missing:
                    sys.exit(f"{path}:{start}: error: mutant block lacks {', '.join(missing)}")
                block["line"] = start
                mutants.append(block)
            block, start = {}, None
            continue
        key, sep, value = line.partition(": ")
        if not sep or key not in KEYS:
            sys.exit(f"{path}:{number}: error: expected one of {', '.join(k + ':' for k in KEYS)}, found '{line}'")
        if start is None:
            start = number
        block[key] = value
    names = [m["mutant"] for m in mutants]
    for name in names:
        if names.count(name) > 1:
            sys.exit(f"{path}: error: mutant '{name}' is listed twice")
    return mutants


def check(mutants, root):
    """Problems with the list against the sources under `root`: each original text exactly once."""
    problems = []
    for m in mutants:
        path = os.path.join(root, m["file"])
        if not os.path.isfile(path):
            problems.append(f"{LIST}:{m['line']}: {m['mutant']}: no file {m['file']}")
            continue
        count = open(path, encoding="utf-8").read().count(m["find"])
        if count != 1:
            problems.append(f"{LIST}:{m['line']}: {m['mutant']}: the original text occurs {count} times in {m['file']} (must be once)")
        if m["find"] == m["replace"]:
            problems.append(f"{LIST}:{m['line']}: {m['mutant']}: the replacement is the original")
    return problems


def sync_scratch():
    """Mirrors the working tree into .build-mutate/src (its own .build kept, so builds are incremental)."""
    os.makedirs(SOURCE, exist_ok=True)
    wanted = set()
    for directory, dirs, files in os.walk(ROOT):
        relative = os.path.relpath(directory, ROOT)
        dirs[:] = [d for d in dirs if not (relative == "." and (d in EXCLUDED or d.startswith(".build")))]
        for name in files:
            rel = os.path.normpath(os.path.join(relative, name))
            if rel == "Package.resolved":
                continue
            wanted.add(rel)
            source, target = os.path.join(ROOT, rel), os.path.join(SOURCE, rel)
            s = os.stat(source)
            try:
                t = os.stat(target)
                if t.st_size == s.st_size and int(t.st_mtime) == int(s.st_mtime):
                    continue
            except FileNotFoundError:
                pass
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copy2(source, target)
    for directory, dirs, files in os.walk(SOURCE):
        relative = os.path.relpath(directory, SOURCE)
        dirs[:] = [d for d in dirs if not (relative == "." and (d in EXCLUDED or d.startswith(".build")))]
        for name in files:
            rel = os.path.normpath(os.path.join(relative, name))
            if rel not in wanted and rel != "Package.resolved":
                os.remove(os.path.join(SOURCE, rel))


FAILED_TEST = re.compile(r"✘ Test (\S+?)\(.*?\) (?:recorded an issue|failed)")
FAILED_SUITE = re.compile(r"✘ Suite (\S+) failed")
RAN = re.compile(r"Test run with (\d+) tests? (?:in \d+ suites? )?(passed|failed)")


def run_tests(filters, log, timeout):
    """Runs swift test in the scratch copy: (outcome, failing tests, tests run)."""
    command = ["swift", "test"]
    for f in filters:
        command += ["--filter", f]
    with open(log, "w", encoding="utf-8") as out:
        out.write("$ " + " ".join(command) + "\n")
        out.flush()
        try:
            result = subprocess.run(command, cwd=SOURCE, stdout=out, stderr=subprocess.STDOUT, timeout=timeout)
            status = result.returncode
        except subprocess.TimeoutExpired:
            return "timeout", [], 0
    text = open(log, encoding="utf-8", errors="replace").read()
    if "error: fatalError" in text or re.search(r"error: .*compil|\.swift:\d+:\d+: error:", text):
        return "build-error", [], 0
    failing = []
    for name in FAILED_TEST.findall(text):
        if name not in failing:
            failing.append(name)
    ran = sum(int(n) for n, _ in RAN.findall(text))
    if status == 0:
        return "passed", failing, ran
    return "failed", failing, ran


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--full", action="store_true", help="also run the whole suite for each mutant")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="only these mutants")
    parser.add_argument("--check", action="store_true", help="only check the list against the sources")
    parser.add_argument("--timeout", type=int, default=3600, help="seconds for one swift test run (a hang kills the mutant)")
    args = parser.parse_args()

    mutants = read_mutants()
    problems = check(mutants, ROOT)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        sys.exit(2)
    if args.check:
        print(f"{len(mutants)} mutants, each original text found once.")
        return
    if args.only:
        unknown = [n for n in args.only if n not in {m["mutant"] for m in mutants}]
        if unknown:
            sys.exit(f"error: no mutant named {', '.join(unknown)}")
        mutants = [m for m in mutants if m["mutant"] in args.only]

    print(f"Scratch copy: {SOURCE}")
    sync_scratch()
    os.makedirs(os.path.join(SCRATCH, "logs"), exist_ok=True)
    print("Building the unmutated copy and running the suites the mutants name …", flush=True)
    suites = sorted({s for m in mutants for s in m["suites"].split()})
    outcome, failing, ran = run_tests(suites, os.path.join(SCRATCH, "logs", "baseline.log"), args.timeout)
    if outcome != "passed" or ran == 0:
        sys.exit(f"error: the unmutated suites do not pass ({outcome}, {ran} tests ran): {SCRATCH}/logs/baseline.log")

    rows, exit_status = [], 0
    # Mutants of one file one after another: each build recompiles as little as possible.
    order = sorted(range(len(mutants)), key=lambda i: (mutants[i]["file"], i))
    for i in order:
        m = mutants[i]
        path = os.path.join(SOURCE, m["file"])
        original = open(path, encoding="utf-8").read()
        started = time.time()
        try:
            with open(path, "w", encoding="utf-8") as f:
                f.write(original.replace(m["find"], m["replace"], 1))
            log = os.path.join(SCRATCH, "logs", m["mutant"] + ".log")
            outcome, failing, ran = run_tests(m["suites"].split(), log, args.timeout)
            full = None
            if args.full and outcome in ("failed", "passed"):
                full = run_tests([], os.path.join(SCRATCH, "logs", m["mutant"] + "-full.log"), args.timeout)
        finally:
            with open(path, "w", encoding="utf-8") as f:
                f.write(original)
        seconds = time.time() - started
        if outcome == "failed" and failing:
            verdict = "killed by " + ", ".join(failing[:3]) + (f" (+{len(failing) - 3})" if len(failing) > 3 else "")
        elif outcome == "failed":
            verdict = "killed (the run failed; see its log)"
        elif outcome == "timeout":
            verdict = f"killed by a hang (over {args.timeout} s)"
        elif outcome == "build-error":
            verdict = "DOES NOT COMPILE (fix the mutant)"
            exit_status = 1
        else:
            verdict = f"SURVIVED ({ran} tests passed)"
            exit_status = 1
        if full is not None:
            full_outcome, full_failing, _ = full
            if full_outcome == "failed":
                verdict += f"; full suite: killed ({len(full_failing)} tests failed)"
            else:
                verdict += f"; full suite: {full_outcome.upper()}"
                exit_status = 1
        rows.append((m["mutant"], m["file"], verdict, seconds))
        print(f"  {m['mutant']}: {verdict} [{seconds:.0f} s]", flush=True)

    width = max(len(r[0]) for r in rows)
    print()
    print(f"{'mutant'.ljust(width)}  result")
    print(f"{'─' * width}  {'─' * 60}")
    for name, _, verdict, _ in sorted(rows, key=lambda r: [m["mutant"] for m in mutants].index(r[0])):
        print(f"{name.ljust(width)}  {verdict}")
    survived = sum(1 for r in rows if not r[2].startswith("killed"))
    print(f"\n{len(rows) - survived} of {len(rows)} mutants killed. Logs: {SCRATCH}/logs/")
    sys.exit(exit_status)


if __name__ == "__main__":
    main()
