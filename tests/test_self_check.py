"""`betalint check .` on this repository passes (issue 4: CI runs it), with no network.

The run is a real process from the repository root, so the repository's own
`[tool.betalint]` in pyproject.toml applies. A `sitecustomize` on PYTHONPATH installs an audit
hook in that process (and any Python child it starts) that records and refuses every
network attempt: name lookups and non-local socket connections.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
TODAY = ("--today", "2026-11-25")

NO_NETWORK = textwrap.dedent(
    """\
    import os
    import sys

    _LOG = os.environ["BETALINT_TEST_NETWORK_LOG"]
    _LOOKUPS = {
        "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
        "socket.gethostbyname_ex", "socket.getnameinfo", "urllib.Request",
    }

    def _refuse(event, args):
        remote = event in ("socket.connect", "socket.sendto") and isinstance(
            args[1] if len(args) > 1 else None, tuple
        )
        if event in _LOOKUPS or remote:
            with open(_LOG, "a", encoding="utf-8") as log:
                log.write(f"{event} {args!r}\\n")
            raise OSError(f"network refused in tests: {event}")

    sys.addaudithook(_refuse)
    """
)


def _run(directory: Path, *argv: str) -> tuple[subprocess.CompletedProcess[str], str]:
    """Run `python ARGV` from the repo root with the network refused; (result, network log)."""
    hook = directory / "hook"
    hook.mkdir(exist_ok=True)
    (hook / "sitecustomize.py").write_text(NO_NETWORK, encoding="utf-8")
    log = directory / "network.log"
    log.write_text("", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "PYTHONPATH")}
    env["PYTHONPATH"] = str(hook)
    env["BETALINT_TEST_NETWORK_LOG"] = str(log)
    result = subprocess.run(
        [sys.executable, *argv],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,  # "finishes": a hang fails the test instead of the CI job
    )
    return result, log.read_text(encoding="utf-8")


SelfCheck = tuple[subprocess.CompletedProcess[str], str]


@pytest.fixture(scope="module")
def self_check(tmp_path_factory: pytest.TempPathFactory) -> SelfCheck:
    """One `betalint check --output-format json .` over the repository, shared by the tests."""
    return _run(
        tmp_path_factory.mktemp("self-check"),
        "-m", "betalint", "check", *TODAY, "--output-format", "json", ".",
    )  # fmt: skip


def test_the_network_guard_works(tmp_path: Path) -> None:
    """Without this, an empty network log below would prove nothing."""
    result, log = _run(
        tmp_path,
        "-c",
        "import socket\ntry: socket.getaddrinfo('example.com', 443)\nexcept OSError: pass",
    )
    assert result.returncode == 0, result.stderr
    assert log.startswith("socket.getaddrinfo ('example.com', 443")


def test_self_check_takes_no_network_and_finishes(self_check: SelfCheck) -> None:
    """Whatever it finds, the run over the whole repository stays offline and ends cleanly."""
    result, log = self_check
    assert log == "", f"betalint touched the network:\n{log}"
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    assert json.loads(result.stdout)["version"] == 1


def test_betalint_check_on_this_repository_passes(self_check: SelfCheck) -> None:
    result, _ = self_check
    assert result.stderr == ""
    doc = json.loads(result.stdout)
    by_file = Counter(f"{d['path']} {d['code']}" for d in doc["diagnostics"])
    listing = "\n".join(f"{n:4} {key}" for key, n in sorted(by_file.items()))
    assert result.returncode == 0, f"findings in this repository:\n{listing}"
    assert doc["diagnostics"] == []
