"""The consumers' own readers of betalint's reports, shared by the report tests.

`github_commands` follows the Actions runner's workflow-command parser (actions/runner,
`ActionCommand.TryParseV2`): the runner reads output line by line (`\\r`, `\\n` or `\\r\\n`
end a line), a command is a line starting with `::` after leading blanks, properties are
split at `,` and at the first `=`, and values are unescaped in the runner's order.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).parent / "data"
COMMANDS = {"error", "warning", "notice", "debug", "group", "endgroup", "add-mask"}


@dataclass
class Command:
    name: str
    properties: dict[str, str] = field(default_factory=dict)
    data: str = ""


def _unescape_data(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def _unescape_property(text: str) -> str:
    for escaped, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, char)
    return text


def github_commands(output: str) -> list[Command]:
    """Every workflow command the runner would act on in `output`."""
    found = []
    for raw in re.split(r"\r\n|\r|\n", output):
        line = raw.lstrip()
        if not line.startswith("::"):
            continue
        end = line.find("::", 2)
        if end < 0:
            continue
        info = line[2:end]
        name, _, props = info.partition(" ")
        if name not in COMMANDS:
            continue
        command = Command(name, data=_unescape_data(line[end + 2 :]))
        for prop in filter(None, props.strip().split(",")):
            key, sep, value = prop.partition("=")
            if sep and key and value:
                command.properties[key] = _unescape_property(value)
        found.append(command)
    return found


def schema(name: str) -> Any:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def sarif_multitool() -> str | None:
    """Microsoft's SARIF multitool (npm `@microsoft/sarif-multitool`), if installed: on PATH,
    or named by BETALINT_SARIF_MULTITOOL."""
    return os.environ.get("BETALINT_SARIF_MULTITOOL") or shutil.which("sarif-multitool")


def multitool_problems(sarif_file: Path, tmp: Path) -> list[str]:
    """The errors and warnings `sarif-multitool validate` reports about a SARIF file."""
    tool = sarif_multitool()
    if tool is None:
        pytest.skip("sarif-multitool is not installed (npm install @microsoft/sarif-multitool)")
    out = tmp / "validation.sarif"
    subprocess.run(
        [tool, "validate", str(sarif_file), "-o", str(out), "--log", "ForceOverwrite", "-q"],
        capture_output=True,
        check=True,
        timeout=300,
    )
    log = json.loads(out.read_text(encoding="utf-8-sig"))
    return [
        f"{r['ruleId']}: {r['message']}"
        for run in log["runs"]
        for r in run.get("results", [])
        if r.get("level", "warning") in ("error", "warning")
    ]
