"""Record betalint's reports on the generated corpora, then check a later build prints the same.

    python benchmarks/same_output.py record /tmp/throughput-baseline    # on main, before
    python benchmarks/same_output.py compare /tmp/throughput-baseline   # after each change

For each scale (default 1 and 4): the JSON report and the `--diff --unsafe-fixes` output at
`--jobs 1`, and the JSON report at `--jobs 2`; stdout and stderr are kept, byte for byte. A
speed-up must not move a single byte, so `compare` exits 1 on the first difference and names
the file. `--today` is fixed, so a run on another day compares too.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run as bench  # the sibling harness: the corpus and the child environment

TODAY = "2026-12-04"
RUNS: dict[str, list[str]] = {
    "json-j1": ["--jobs", "1", "--output-format", "json"],
    "json-j2": ["--jobs", "2", "--output-format", "json"],
    "diff-j1": ["--jobs", "1", "--diff", "--unsafe-fixes"],
    "text-bedrock-j2": ["--jobs", "2", "--platform", "bedrock", "--platform", "vertex"],
}


def outputs(scale: int) -> dict[str, bytes]:
    """Every recorded run on the scale-N corpus: name → stdout, stderr and exit code."""
    root = bench.ensure_corpus(scale)[0]
    found: dict[str, bytes] = {}
    for name, flags in RUNS.items():
        argv = [sys.executable, "-m", "betalint", "check", "--today", TODAY, *flags, "."]
        done = subprocess.run(argv, cwd=root, env=bench.child_env(), capture_output=True)
        found[f"scale{scale}.{name}.out"] = done.stdout
        found[f"scale{scale}.{name}.err"] = done.stderr + f"exit {done.returncode}\n".encode()
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="record or compare betalint's corpus reports")
    parser.add_argument("mode", choices=("record", "compare"))
    parser.add_argument("directory", type=Path)
    parser.add_argument("--scales", default="1,4")
    args = parser.parse_args(argv)
    args.directory.mkdir(parents=True, exist_ok=True)
    differ = 0
    for scale in (int(s) for s in args.scales.split(",")):
        for name, data in outputs(scale).items():
            path = args.directory / name
            if args.mode == "record":
                path.write_bytes(data)
            elif not path.exists() or path.read_bytes() != data:
                print(f"same_output: {name} differs from {path}")
                differ += 1
    print(f"same_output: {args.mode} done, {differ} differences")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
