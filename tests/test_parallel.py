"""`check --jobs N`: a tree scanned by forked workers reports exactly what a serial run does.

The tree is written with the benchmark corpus generator's own file builders (sources in
every language it knows, .env files, VCR cassettes, notebooks with planted names, typos and
stale names with fixes), above the file count at which a pool starts. Correctness only: no
timings here (speed lives in benchmarks/).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from betalint.linter import parallel
from betalint.linter.cli import main
from betalint.linter.config import ConfigResolver
from betalint.linter.engine import Linter
from betalint.linter.files.discovery import FileJob, discover
from betalint.linter.files.reader import PathError
from betalint.linter.report.meta import edit_positions
from betalint.linter.report.rdjson import byte_columns
from betalint.linter.runner import FileOutcome, Linters, RunOptions
from betalint.registry.errors import BetalintError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import gen_corpus

TODAY = ("--today", "2026-11-25")
SEED = 7


def _write(root: Path, rel: str, text: str | bytes) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def _tree(root: Path, files: int) -> None:
    """`files` generated files in nested directories, plus the odd ones a real tree has."""
    betas = gen_corpus.load_betas()
    exts = sorted(gen_corpus.LANGS)
    for i in range(files):
        rel = f"{gen_corpus.nested('src', i)}/mod_{i}{exts[i % len(exts)]}"
        w = gen_corpus.Writer(gen_corpus.file_rng(SEED, rel), betas)
        if i % 50 == 7:
            rel, text = f"env/svc{i}/.env", gen_corpus.env_text(w, 1)
        elif i % 50 == 19:
            rel, text = f"cassettes/c_{i}.yaml", gen_corpus.cassette_text(w, 1)
        elif i % 97 == 3:
            rel, text = f"notebooks/n_{i}.ipynb", gen_corpus.notebook_text(w, 1)
        else:
            ext = exts[i % len(exts)]
            text = gen_corpus.source_text(w, ext, 600, 1 if i % 3 == 0 else 0)
        _write(root, rel, text)
    _write(root, "pyproject.toml", '[project]\nname = "t"\n\n[tool.betalint]\n')
    # another directory's own settings: a pool must carry each file's settings, not one
    _write(root, "strict/pyproject.toml", '[tool.betalint]\nignore = ["BL201"]\n')
    _write(root, "strict/call.py", 'c(betas=["files-api-2025-04-14", "token-efficient-tool"])\n')
    _write(root, "legacy/latin1.py", b'# caf\xe9\nc(betas=["files-api-2025-04-15"])\n')  # notice
    _write(root, "assets/blob.bin", b"\x00\x01files-api-2025-04-14\x00" * 40)


# The real command line, with the pool's file-count threshold lowered so a small tree forks.
POOLED_AT = 200
CLI = (
    "import sys\nfrom betalint.linter import parallel\n"
    f"parallel.MIN_FILES = {POOLED_AT}\n"
    "from betalint.__main__ import run\nrun()\n"
)


def _run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CLI, "check", *TODAY, *args, "."],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("tree")
    _tree(root, POOLED_AT + 250)
    return root


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_two_jobs_report_what_one_job_reports(tree: Path, fmt: str) -> None:
    serial = _run(tree, "--jobs", "1", "--output-format", fmt)
    pooled = _run(tree, "--jobs", "2", "--output-format", fmt)
    assert serial.returncode == pooled.returncode == 1, serial.stderr
    assert pooled.stdout == serial.stdout
    assert pooled.stderr == serial.stderr
    assert "latin1.py" in serial.stderr  # the reader's notice travelled back from a worker
    if fmt == "text":
        assert serial.stdout.count("\n") > 50  # the tree really has findings to order


def test_the_default_uses_the_usable_cores_and_reports_the_same(tree: Path) -> None:
    assert parallel.default_jobs() == len(os.sched_getaffinity(0))
    default = _run(tree, "--output-format", "json")
    assert default.stdout == _run(tree, "--jobs", "1", "--output-format", "json").stdout


def _outcomes(jobs: int, root: Path) -> list[tuple[object, object]]:
    linters = Linters(RunOptions())
    found = discover([str(root)], resolve=ConfigResolver().settings_for)
    items: list[FileJob | PathError] = list(found)
    # discovery errors interleaved: they must come back in their place, not first or last
    for at in (0, 5, len(items) // 2, len(items)):
        items.insert(at, PathError(f"missing-{at}", f"missing-{at}: No such file or directory"))
    return [(_plain(o), s) for o, s in parallel.check_jobs(items, linters, jobs)]


def _plain(outcome: object) -> object:
    """What a report uses of an outcome (a worker's carries positions, not the text)."""
    if isinstance(outcome, FileOutcome):
        return (outcome.path, outcome.diagnostics, outcome.notice)
    return outcome


def test_pooled_outcomes_keep_discovery_order_with_errors_interleaved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tree(tmp_path, 120)
    monkeypatch.setattr(parallel, "MIN_FILES", 16)
    monkeypatch.setattr(parallel, "BATCH_FILES", 7)  # many batches, a partial last one
    assert _outcomes(3, tmp_path) == _outcomes(1, tmp_path)


def test_worker_outcomes_carry_edit_positions_not_texts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tree(tmp_path, 60)
    monkeypatch.setattr(parallel, "MIN_FILES", 8)
    linters = Linters(RunOptions())
    found = discover([str(tmp_path)], resolve=ConfigResolver().settings_for)
    edited = [
        o
        for o, _ in parallel.check_jobs(found, linters, 2)
        if isinstance(o, FileOutcome) and any(d.fix and d.fix.edits for d in o.diagnostics)
    ]
    assert edited
    for outcome in edited:
        assert isinstance(outcome, parallel.Checked) and outcome.source is None
        text = Path(outcome.path).read_text(encoding="utf-8", errors="replace")
        assert outcome.positions == edit_positions(text, outcome.diagnostics)


def test_fix_with_jobs_fixes_every_file_as_a_serial_run_does(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    _tree(one, POOLED_AT + 10)
    _tree(two, POOLED_AT + 10)
    first = _run(one, "--fix", "--jobs", "1")
    second = _run(two, "--fix", "--jobs", "2")
    assert (first.returncode, first.stdout) == (second.returncode, second.stdout)
    assert "fixed" in first.stderr + first.stdout
    files = [p.relative_to(one) for p in sorted(one.rglob("*")) if p.is_file()]
    assert files == [p.relative_to(two) for p in sorted(two.rglob("*")) if p.is_file()]
    for rel in files:
        assert (one / rel).read_bytes() == (two / rel).read_bytes(), rel


def test_jobs_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--jobs", "0", "."]) == 2
    assert "--jobs" in capsys.readouterr().err


def test_a_worker_error_reaches_the_parent_as_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tree(tmp_path, 60)
    monkeypatch.setattr(parallel, "MIN_FILES", 8)
    real = parallel.check_path
    found = list(discover([str(tmp_path)], resolve=ConfigResolver().settings_for))
    bad = found[len(found) // 2].path

    def failing(path: str, *args: Any) -> Any:
        if path == bad:
            raise BetalintError(f"{path}: cannot read")
        return real(path, *args)

    monkeypatch.setattr(parallel, "check_path", failing)  # inherited by the forked workers
    with pytest.raises(BetalintError, match=f"^{re.escape(bad)}: cannot read$"):
        list(parallel.check_jobs(found, Linters(RunOptions()), 2))


_FINDINGS = st.lists(
    st.sampled_from(
        [
            'betas=["mcp-client-2025-04-04"]\n',  # superseded: a finding with a fix
            'h = {"anthropic-beta": "files-api-2025-4-14"}\n',  # malformed
            "x = 1  # fils-api-2025-04-14 typo\n",
            "caf\u00e9 = 'prompt-caching-2024-07-31'\n",  # non-ASCII before a name
            "\u4e2d\u6587 betas=['computer-use-2025-01-24', 'x-2025-01-01']\n",
            "plain line\n",
            "\n",
        ]
    ),
    min_size=1,
    max_size=12,
).map("".join)


@given(_FINDINGS)
def test_worker_utf8_columns_are_rdjsons(mini_linter: Linter, text: str) -> None:
    """Workers skip reading each line again for ASCII text: same columns as rdjson's."""
    found = mini_linter.check(text, "a.py")
    positions = edit_positions(text, found)
    assert parallel.utf8_columns(text, found, positions) == byte_columns(text, found)
