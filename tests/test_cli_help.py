"""CLI text: every option of every command has help, usage errors read as one clean line,
and shell completion (click's, driven as the shell drives it) offers platforms, rule codes
and format names."""

from __future__ import annotations

import os
import subprocess
import sys

import click
import pytest

from betalint.linter.cli import main
from betalint.linter.cli.app import cli
from betalint.linter.rules import RULES
from betalint.registry.platforms import PLATFORMS


def _commands(group: click.Group, prefix: str = "betalint") -> list[tuple[str, click.Command]]:
    """Every command, as `--help` and completion find them (loading them on the way)."""
    found: list[tuple[str, click.Command]] = [(prefix, group)]
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None, f"{prefix} {name} is listed but not registered"
        if isinstance(command, click.Group):
            found += _commands(command, f"{prefix} {name}")
        else:
            found.append((f"{prefix} {name}", command))
    return found


def test_every_option_has_help_text() -> None:
    missing = [
        f"{path} {param.opts[0]}"
        for path, command in _commands(cli)
        for param in command.params
        if isinstance(param, click.Option) and not (param.help or "").strip()
    ]
    assert missing == []


def test_every_command_has_a_docstring() -> None:
    assert [path for path, command in _commands(cli) if not command.help] == []


def test_missing_argument_is_one_clean_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "betalint: error: Missing argument 'NAMES...'; see `betalint validate --help`\n"
    assert ".;" not in err


def _complete(*words: str) -> list[str]:
    """What bash completion offers after `betalint WORDS` (the last word is incomplete)."""
    env = dict(
        os.environ,
        _BETALINT_COMPLETE="bash_complete",
        COMP_WORDS=" ".join(["betalint", *words]),
        COMP_CWORD=str(len(words)),
    )
    done = subprocess.run(
        [sys.executable, "-m", "betalint"], env=env, capture_output=True, text=True, check=True
    )
    # bash_complete prints `type,value` per line.
    return [line.split(",", 1)[1] for line in done.stdout.splitlines() if "," in line]


def test_completion_of_platforms() -> None:
    offered = _complete("check", "--platform", "")
    assert set(PLATFORMS) <= set(offered)
    assert "bedrock:converse" in offered
    assert _complete("check", "--platform", "ve") == [
        "vertex",
        "vertex:messages",
        "vertex:count_tokens",
    ]
    assert "bedrock,vertex" in _complete("check", "--platform", "bedrock,v")
    assert "vertex" in _complete("validate", "x", "--platform", "v")


@pytest.mark.parametrize("option", ["--select", "--ignore", "--extend-select"])
def test_completion_of_rule_codes(option: str) -> None:
    offered = _complete("check", option, "BL2")
    assert offered[0] == "BL2"
    assert sorted(offered[1:]) == sorted(c for c in RULES if c.startswith("BL2"))
    assert "BL101,BL202" in _complete("check", option, "BL101,BL20")


def test_completion_of_explain_codes_and_names() -> None:
    assert _complete("explain", "BL10") == sorted(c for c in RULES if c.startswith("BL10"))
    names = _complete("explain", "super")
    assert names and all(RULES[c].name in names for c in RULES if RULES[c].name.startswith("super"))


def test_completion_of_output_formats() -> None:
    assert _complete("check", "--output-format", "j") == ["json", "junit"]
    assert "rdjson" in _complete("check", "--output-format", "")


def test_the_lazy_table_names_every_registered_command() -> None:
    from importlib import import_module

    from betalint.linter.cli import app

    for modules in app._COMMANDS.values():
        for module in modules:
            import_module(f"betalint.linter.cli.{module}")
    assert sorted(cli.commands) == sorted(app._COMMANDS)


def test_a_command_loads_only_its_own_modules() -> None:
    code = (
        "import sys; from betalint.linter.cli import main\n"
        "code = main(['validate', '--format', 'json', 'computer-use-2025-01-24'])\n"
        "print(code, sorted(m.rsplit('.', 1)[1] for m in sys.modules"
        " if m.startswith('betalint.linter.cli.') and m.rsplit('.', 1)[1] in"
        " ('check', 'sync', 'server', 'report')), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stderr.strip().splitlines()[-1] == "0 []"
