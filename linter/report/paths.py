"""Paths as machine formats write them: relative to the project root, `/`-separated.

GitLab Code Quality matches repository-relative paths only, GitHub code scanning resolves
SARIF URIs against the checkout, reviewdog against the working directory of the diff: a
path written as given (`./src/app.py`, `/home/ci/repo/src/app.py`) matches none of them.

The project root is, in this order: the directory of the config file found walking up from
the working directory (`.betalint.toml`, `betalint.toml`, a `pyproject.toml` with
`[tool.betalint]`), else the root of the git work tree holding it, else the working
directory. A path outside the root is written absolute.
"""

from __future__ import annotations

import os
from pathlib import Path

STDIN = "-"


def project_root(cwd: str | None = None) -> str | None:
    """The absolute project root for a run started in `cwd` (default: the process's); None
    when the working directory is gone (paths are then written as given)."""
    # Imported here: reporters (and the library) use this module without discovery.
    from betalint.linter.config import find_config
    from betalint.linter.files.discovery import git_root

    try:
        start = os.path.abspath(cwd or os.getcwd())
    except OSError:
        return None
    config = find_config(Path(start))
    if config is not None:
        return str(config.parent)
    return git_root(start) or start


def relative_path(path: str, root: str | None) -> str:
    """`path` relative to `root` with `/` separators; absolute when outside `root`; as given
    (but `/`-separated) when there is no root or the path is stdin's `-`."""
    if root is None or path == STDIN:
        return posix_path(path)
    absolute = os.path.abspath(path)
    try:
        rel = os.path.relpath(absolute, root)
    except ValueError:  # another drive on Windows
        return posix_path(absolute)
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return posix_path(absolute)
    return posix_path(rel)


def posix_path(path: str) -> str:
    """The path with `/` separators (on Windows `\\` is a separator, elsewhere a character
    that may really be in a file name)."""
    return path.replace(os.sep, "/") if os.sep != "/" else path
