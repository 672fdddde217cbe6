"""`betalint registry sync` and `betalint registry diff OLD NEW`: keeping the registry true.

`sync` compares the registry with the machine-readable sources CI can reach (the anthropic
wheel, the @anthropic-ai/sdk tarball with its npm release dates, LiteLLM's beta map) and
prints what a maintainer reviews; `--proposal FILE` writes the new names as a registry layer.
It never changes betas.toml. Exit 0 when every listed name is known, 1 when the registry
lags (names to add), 2 on errors. `diff` exits 0 for equal files, 1 when they differ.

Registered on the `registry` click group; linter/cli/__init__.py imports this module.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import click

from betalint.linter.cli.app import format_option, load, registry_option
from betalint.linter.cli.registry_cmd import registry
from betalint.linter.exit_codes import EXIT_FINDINGS, EXIT_OK
from betalint.registry.errors import BetalintError

if TYPE_CHECKING:  # the registry modules load only when the command runs
    from betalint.registry.sync_review import Sources
    from betalint.registry.sync_sources import SdkScan

_FETCH_TIMEOUT = 600


@registry.command("sync")
@click.option(
    "--from-sdk",
    "from_sdk",
    is_flag=False,
    flag_value="",
    default=None,
    metavar="[PATH]",
    help="anthropic: the installed package, or PATH (a wheel, package dir, site-packages, "
    "venv, SDK checkout or the literal's file).",
)
@click.option(
    "--from-npm", "from_npm", metavar="PATH", help="@anthropic-ai/sdk: a tarball or package dir."
)
@click.option(
    "--npm-time",
    "npm_time",
    metavar="FILE",
    help="Release dates: the output of `npm view @anthropic-ai/sdk time --json`.",
)
@click.option(
    "--from-litellm",
    "from_litellm",
    metavar="PATH",
    help="LiteLLM: its wheel, an unpacked wheel, or anthropic_beta_headers_config.json.",
)
@click.option(
    "--fetch",
    "fetch_dir",
    is_flag=False,
    flag_value="",
    default=None,
    metavar="[DIR]",
    help="Download the newest anthropic and litellm wheels (pip) and @anthropic-ai/sdk "
    "tarball and dates (npm) into DIR (default: a temporary dir) and read them.",
)
@click.option(
    "--proposal",
    metavar="FILE",
    help="Write the new names as a registry layer to review (nothing else is changed).",
)
@registry_option
@format_option
def registry_sync(
    from_sdk: str | None,
    from_npm: str | None,
    npm_time: str | None,
    from_litellm: str | None,
    fetch_dir: str | None,
    proposal: str | None,
    registry_path: str | None,
    fmt: str,
) -> int:
    """Compare the registry with the SDKs and LiteLLM: new names, status signals (legacy or
    deprecated wording, GA twins of beta resources), platform disagreements, each with its
    source. Sources are parsed, never imported or run."""
    from betalint.registry.sync_review import proposal_toml, review, review_json, review_lines

    if npm_time and not from_npm:
        raise BetalintError("--npm-time gives the dates of --from-npm PATH; name the tarball too")
    if fetch_dir is not None:
        sources = _fetched(Path(fetch_dir) if fetch_dir else None)
    else:
        if not any(v is not None for v in (from_sdk, from_npm, from_litellm)):
            raise BetalintError(
                "say where to sync from: --from-sdk [PATH], --from-npm PATH, "
                "--from-litellm PATH or --fetch"
            )
        sources = _sources(from_sdk, from_npm, npm_time, from_litellm)
    result = review(load(registry_path), sources)
    if fmt == "json":
        click.echo(json.dumps(review_json(result), indent=2))
    else:
        for line in review_lines(result):
            click.echo(line)
    if proposal:
        _write(Path(proposal), proposal_toml(result))
    return EXIT_FINDINGS if result.lags else EXIT_OK


def _sources(
    from_sdk: str | None, from_npm: str | None, npm_time: str | None, from_litellm: str | None
) -> Sources:
    """The scans the command line names."""
    from betalint.registry.sync_review import Sources
    from betalint.registry.sync_sources import scan_litellm, scan_node_sdk

    return Sources(
        python=_python(from_sdk) if from_sdk is not None else None,
        node=scan_node_sdk(Path(from_npm), Path(npm_time) if npm_time else None)
        if from_npm
        else None,
        litellm=scan_litellm(Path(from_litellm)) if from_litellm else None,
    )


def _python(path: str) -> SdkScan:
    """The anthropic scan: a wheel or package tree in full, a lone literal file as a literal."""
    from betalint.registry.sync import find_sdk, read_sdk
    from betalint.registry.sync_sources import SdkScan, scan_python_sdk

    where = find_sdk(Path(path) if path else None)  # a wheel is a file: returned as it is
    if where.suffix == ".whl":
        return scan_python_sdk(where)
    if where.is_dir():
        return scan_python_sdk(where)
    sdk = read_sdk(where)
    return SdkScan("anthropic", sdk.version, where, sdk.names, sdk.deprecated, (), {}, ())


def _fetched(directory: Path | None) -> Sources:
    """Download the newest releases with pip and npm (binary wheels only, no install
    scripts: nothing fetched is built or run), then read them."""
    from betalint.registry.sync_review import Sources
    from betalint.registry.sync_sources import scan_litellm, scan_node_sdk, scan_python_sdk

    if directory is None:
        directory = Path(tempfile.mkdtemp(prefix="betalint-sync-"))
    directory.mkdir(parents=True, exist_ok=True)
    pip = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:"]
    _run([*pip, "-d", str(directory), "anthropic", "litellm"])
    _run(
        [
            "npm",
            "pack",
            "@anthropic-ai/sdk",
            "--ignore-scripts",
            "--pack-destination",
            str(directory),
        ]
    )
    times = directory / "anthropic-ai-sdk-time.json"
    times.write_text(_run(["npm", "view", "@anthropic-ai/sdk", "time", "--json"]))
    return Sources(
        python=scan_python_sdk(_newest(directory, "anthropic-*.whl")),
        node=scan_node_sdk(_newest(directory, "anthropic-ai-sdk-*.tgz"), times),
        litellm=scan_litellm(_newest(directory, "litellm-*.whl")),
    )


def _run(argv: list[str]) -> str:
    try:
        done = subprocess.run(
            argv, capture_output=True, text=True, timeout=_FETCH_TIMEOUT, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BetalintError(f"--fetch: {argv[0]} failed: {exc}") from None
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise BetalintError(f"--fetch: `{' '.join(argv[:4])} ...` exited {done.returncode}: {last}")
    return done.stdout


def _newest(directory: Path, pattern: str) -> Path:
    from packaging.version import InvalidVersion, Version

    def version(path: Path) -> Version:
        stem = path.name.split("-")
        try:
            return Version(stem[-1].removesuffix(".tgz") if path.suffix == ".tgz" else stem[1])
        except (InvalidVersion, IndexError):
            return Version("0")

    found = sorted(directory.glob(pattern), key=version)
    if not found:
        raise BetalintError(f"--fetch: no {pattern} in {directory}")
    return found[-1]


def _write(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise BetalintError(f"{path}: cannot write the proposal: {exc.strerror or exc}") from None
    click.echo(f"wrote {path}", err=True)


@registry.command("diff")
@click.argument("old", type=click.Path(dir_okay=False))
@click.argument("new", type=click.Path(dir_okay=False))
@format_option
def registry_diff(old: str, new: str, fmt: str) -> int:
    """Compare two registry files: names added and removed, and each changed field."""
    from betalint.registry.diff import diff_files, diff_json, diff_lines

    changes = diff_files(Path(old), Path(new))
    if fmt == "json":
        click.echo(json.dumps(diff_json(changes), indent=2))
    else:
        for line in diff_lines(changes):
            click.echo(line)
    return EXIT_FINDINGS if changes.any else EXIT_OK
