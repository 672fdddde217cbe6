"""Turn command-line paths into the files to check, streaming, in a deterministic order.

- Directories are walked depth-first with `os.scandir`, entries sorted by name; files are
  yielded as they are found, so memory stays flat however big the tree.
- Excluded: `exclude` + `extend-exclude` of the closest config (gitignore patterns relative
  to its root; the default list is ruff's), and, with `respect-gitignore`, `.gitignore`
  files (inside a git repository, nested ones too, plus `.git/info/exclude`) and `.ignore`
  files (anywhere), with ripgrep's precedence: `.ignore` > `.gitignore` > info/exclude,
  deeper beats shallower, last matching line wins. `.git` itself is never entered.
- Paths given explicitly are checked even when excluded, unless `force_exclude` (what
  pre-commit needs). Ignore files are not applied to explicit files: hook runners pass
  tracked files, and git does not ignore tracked files.
- Symlinked directories are not followed in walks (as git, ruff and ripgrep), so a symlink
  loop cannot be entered and no file is reported twice; a directory given explicitly is
  walked even if it is a symlink, and (st_dev, st_ino) of the directories being walked guard
  against bind-mount loops. Symlinked files are read. Dangling symlinks, FIFOs, sockets and
  devices met in a walk are skipped quietly; given explicitly, they reach the reader, which
  returns a PathError for them.
- A missing path gives a PathError item; the rest are still yielded.
- Files named in the config's `extra-registries` are never scanned in walks: a registry
  lists retired names on purpose.

`-` (stdin) is the caller's business, not discovery's.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from betalint.linter.config import CONFIG_NAMES, ConfigResolver, Settings
from betalint.linter.files.globs import GitPattern, parse_line
from betalint.linter.files.reader import PathError

__all__ = ["FileJob", "PathError", "discover", "is_excluded"]


@dataclass(frozen=True, slots=True)
class FileJob:
    """A file to check. `path` is as the user wrote it, joined with `/` below a directory."""

    path: str
    settings: Settings
    explicit: bool = False  # named on the command line, not found by walking


# --------------------------------------------------------------------------- patterns

_LITERAL = re.compile(r"[^*?\[\]\\!/#\s][^*?\[\]\\/]*")


class _Patterns:
    """A gitignore-style pattern list matched exactly (no descendant matching: the walk
    prunes excluded directories, and an explicit top directory must not exclude its own
    contents). Plain names use set lookups; the rest are `linter.globs` patterns, matched in
    time linear in the path (a glob like `*a*a*a*a*b` cannot backtrack), in order (last
    matching line wins) when one is negated."""

    __slots__ = ("dir_names", "globs", "names", "ordered")
    names: frozenset[str]
    dir_names: frozenset[str]

    def __init__(self, lines: Iterable[str]) -> None:
        lines = [line.rstrip("\r\n") for line in lines]
        self.ordered: list[GitPattern] | None = None
        self.globs: list[GitPattern] = []
        if all(_LITERAL.fullmatch(line.removesuffix("/")) for line in lines):
            self.names = frozenset(line for line in lines if not line.endswith("/"))
            self.dir_names = frozenset(line[:-1] for line in lines if line.endswith("/"))
            return
        parsed = [p for p in map(parse_line, lines) if p is not None]
        self.names = frozenset()
        self.dir_names = frozenset()
        if any(not p.include for p in parsed):
            self.ordered = parsed[::-1]
            return
        names, dir_names = set(), set()
        for pat in parsed:
            line = pat.text.strip()
            if _LITERAL.fullmatch(line):
                names.add(line)
            elif line.endswith("/") and _LITERAL.fullmatch(line[:-1]):
                dir_names.add(line[:-1])
            else:
                self.globs.append(pat)
        self.names, self.dir_names = frozenset(names), frozenset(dir_names)

    def match(self, rel: str, name: str, is_dir: bool) -> bool | None:
        """True: excluded; False: re-included by a `!` line; None: no line matched."""
        if self.ordered is not None:
            for pat in self.ordered:
                if pat.matches(rel, is_dir):
                    return pat.include
            return None
        if name in self.names or (is_dir and name in self.dir_names):
            return True
        if any(pat.matches(rel, is_dir) for pat in self.globs):
            return True
        return None


def _excludes(settings: Settings) -> _Patterns:
    return _compiled(settings.all_excludes)


@lru_cache(maxsize=64)
def _compiled(patterns: tuple[str, ...]) -> _Patterns:
    """Compiled exclude patterns: a pure function of the patterns, so memoised (bounded)."""
    return _Patterns(patterns)


def _read_patterns(path: str) -> _Patterns | None:
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return None  # unreadable or vanished ignore file: as git, carry on without it
    lines = data.decode("utf-8", "surrogateescape").splitlines()
    return _Patterns(lines) if lines else None


def _rel_to(path: str, root: str) -> str | None:
    """`path` relative to `root` with `/` separators, "" for root itself, None if outside."""
    if path == root:
        return ""
    prefix = root if root.endswith(os.sep) else root + os.sep
    if path.startswith(prefix):
        return path[len(prefix) :].replace(os.sep, "/")
    return None


def is_excluded(path: str, settings: Settings, *, is_dir: bool = False) -> bool:
    """Whether `path` (or one of its parent directories) matches the settings' excludes.

    Used for explicit paths under `--force-exclude` (and `--stdin-filename`). Outside the
    config root only patterns without a slash can match, against the names.
    """
    pats = _excludes(settings)
    abs_path = os.path.abspath(path)
    rel = _rel_to(abs_path, str(settings.root))
    parts = (rel.split("/") if rel else []) if rel is not None else [os.path.basename(abs_path)]
    for i, part in enumerate(parts):
        sub = "/".join(parts[: i + 1]) if rel is not None else part
        last = i == len(parts) - 1
        if pats.match(sub, part, is_dir or not last):
            return True
    return bool(settings.extra_registries) and _is_registry(abs_path, settings)


def _is_registry(abs_path: str, settings: Settings) -> bool:
    names = {p.name for p in settings.extra_registries}
    if os.path.basename(abs_path) not in names:
        return False
    real = os.path.realpath(abs_path)
    return any(real == os.path.realpath(p) for p in settings.extra_registries)


# --------------------------------------------------------------------------- git context


def git_root(directory: str) -> str | None:
    """The closest directory at or above `directory` holding `.git` (a directory, or the
    file of a worktree or submodule); found without running git."""
    d = directory
    while True:
        if os.path.lexists(os.path.join(d, ".git")):
            return d
        parent = os.path.dirname(d)
        if parent == d:
            return None
        d = parent


def _info_exclude(repo: str) -> str | None:
    """`.git/info/exclude`, following a `.git` file (worktrees, submodules) to its git dir."""
    dot_git = os.path.join(repo, ".git")
    git_dir = dot_git
    if os.path.isfile(dot_git):
        try:
            with open(dot_git, encoding="utf-8", errors="replace") as f:
                first = f.readline().strip()
        except OSError:
            return None
        if not first.startswith("gitdir:"):
            return None
        git_dir = os.path.join(repo, first[len("gitdir:") :].strip())
        try:
            with open(os.path.join(git_dir, "commondir"), encoding="utf-8") as f:
                git_dir = os.path.join(git_dir, f.read().strip())
        except OSError:
            pass
    return os.path.join(git_dir, "info", "exclude")


# (base relative to the walk anchor, patterns, kind) with kind 0 = info/exclude,
# 1 = .gitignore, 2 = .ignore; checked from the end, so order encodes precedence.
_Ignore = tuple[str, _Patterns, int]


def _push_ignores(
    ignores: tuple[_Ignore, ...], directory: str, rel: str, names: set[str] | None, in_git: bool
) -> tuple[_Ignore, ...]:
    added: list[_Ignore] = []
    for fname, kind in ((".gitignore", 1), (".ignore", 2)):
        if kind == 1 and not in_git:
            continue
        if names is not None and fname not in names:
            continue
        pats = _read_patterns(os.path.join(directory, fname))
        if pats is not None:
            added.append((rel, pats, kind))
    if not added:
        return ignores
    return tuple(sorted((*ignores, *added), key=lambda item: item[2]))  # stable: depth kept


def _ignored(ignores: tuple[_Ignore, ...], rel: str, name: str, is_dir: bool) -> bool:
    for base, pats, _ in reversed(ignores):
        sub = rel[len(base) + 1 :] if base else rel
        hit = pats.match(sub, name, is_dir)
        if hit is not None:
            return hit
    return False


# --------------------------------------------------------------------------- walking


@dataclass(slots=True)
class _Frame:
    abs_dir: str
    prefix: str  # display prefix for children ("" or "path/")
    rel: str  # relative to the ignore anchor ("" for the anchor)
    rel_root: str | None  # relative to settings.root, None when outside it
    settings: Settings
    ignores: tuple[_Ignore, ...]
    in_git: bool
    key: tuple[int, int]
    entries: Iterator[os.DirEntry[str]]


def _display_prefix(display: str) -> str:
    if display in (".", ""):
        return ""
    return display if display.endswith("/") else display + "/"


def _join(base: str, name: str) -> str:
    return f"{base}/{name}" if base else name


def discover(
    paths: Sequence[str],
    *,
    force_exclude: bool = False,
    resolve: Callable[[str], Settings] | None = None,
) -> Iterator[FileJob | PathError]:
    """Yield a FileJob per file to check and a PathError per path that does not exist.

    `paths` default to `.`. `resolve(directory)` gives the settings for a directory (default: a
    fresh `ConfigResolver`'s; the CLI passes one that applies `merge_cli`, or returns fixed
    settings for `--config`/`--isolated`). It is called for the directory of each explicit
    path and for each walked directory holding a config file name; other directories
    inherit their parent's settings.
    """
    get = resolve if resolve is not None else ConfigResolver().settings_for
    for given in paths or ["."]:
        yield from _discover_one(given, force_exclude, get)


def _discover_one(
    given: str, force_exclude: bool, resolve: Callable[[str], Settings]
) -> Iterator[FileJob | PathError]:
    try:
        st = os.stat(given)
    except FileNotFoundError:
        if os.path.islink(given):
            yield PathError(given, f"{given}: broken symbolic link")
        else:
            yield PathError(given, f"{given}: No such file or directory")
        return
    except OSError as exc:
        yield PathError(given, f"{given}: {exc.strerror or type(exc).__name__}")
        return
    abs_path = os.path.abspath(given)
    if not stat.S_ISDIR(st.st_mode):
        settings = resolve(os.path.dirname(abs_path))
        if force_exclude and is_excluded(abs_path, settings):
            return
        yield FileJob(given, settings, explicit=True)
        return
    settings = resolve(abs_path)
    if force_exclude and is_excluded(abs_path, settings, is_dir=True):
        return
    yield from _walk(given, abs_path, settings, (st.st_dev, st.st_ino), resolve)


def _open_dir(abs_dir: str, display: str) -> list[os.DirEntry[str]] | PathError:
    try:
        with os.scandir(abs_dir) as it:
            entries = list(it)
    except OSError as exc:
        return PathError(display, f"{display}: {exc.strerror or type(exc).__name__}")
    entries.sort(key=lambda e: e.name)
    return entries


def _walk(
    display: str,
    abs_top: str,
    settings: Settings,
    key: tuple[int, int],
    resolve: Callable[[str], Settings],
) -> Iterator[FileJob | PathError]:
    """Depth-first, in name order, with an explicit stack (no recursion limit on deep trees);
    a directory already on the stack (a bind mount or a loop) is not entered again."""
    entries = _open_dir(abs_top, display)
    if isinstance(entries, PathError):
        yield entries
        return
    stack = [_top_frame(display, abs_top, settings, key, entries)]
    active = {key}
    while stack:
        frame = stack[-1]
        child = None
        for entry in frame.entries:
            found = _visit(frame, entry)
            if isinstance(found, str):
                yield FileJob(found, frame.settings)
            elif found is not None:
                child = found
                break
        if child is None:
            stack.pop()
            active.discard(frame.key)
            continue
        entered = _enter(frame, *child, active, resolve)
        if isinstance(entered, PathError):
            yield entered
        elif entered is not None:
            stack.append(entered)
            active.add(entered.key)


def _top_frame(
    display: str,
    abs_top: str,
    settings: Settings,
    key: tuple[int, int],
    entries: list[os.DirEntry[str]],
) -> _Frame:
    """The top directory's frame, with the ignore context above it: the repository's
    info/exclude and the ignore files of every directory between the repository root and the
    top (ripgrep's `parents`)."""
    repo_root = git_root(abs_top)
    anchor = repo_root if repo_root is not None else abs_top
    top_rel = _rel_to(abs_top, anchor) or ""
    ignores: tuple[_Ignore, ...] = ()
    if repo_root is not None:
        info = _info_exclude(repo_root)
        pats = _read_patterns(info) if info else None
        if pats is not None:
            ignores = (("", pats, 0),)
        parts = top_rel.split("/") if top_rel else []
        for i in range(len(parts)):
            rel = "/".join(parts[:i])
            ignores = _push_ignores(
                ignores, os.path.join(anchor, *parts[:i]), rel, None, in_git=True
            )
    in_git = repo_root is not None
    ignores = _push_ignores(ignores, abs_top, top_rel, {e.name for e in entries}, in_git)
    rel_root = _rel_to(abs_top, str(settings.root))
    prefix = _display_prefix(display)
    return _Frame(abs_top, prefix, top_rel, rel_root, settings, ignores, in_git, key, iter(entries))


def _enter(
    frame: _Frame,
    abs_child: str,
    display_child: str,
    active: set[tuple[int, int]],
    resolve: Callable[[str], Settings],
) -> _Frame | PathError | None:
    """The frame of a subdirectory: its settings (a config file there starts new ones) and
    its ignore rules (a nested repository drops its parent's); None if not to be entered."""
    name = os.path.basename(abs_child)
    try:
        st = os.stat(abs_child)
    except OSError:
        return None  # vanished since listing
    ckey = (st.st_dev, st.st_ino)
    if ckey in active:
        return None  # a loop (bind mount, or a followed symlink)
    listed = _open_dir(abs_child, display_child)
    if isinstance(listed, PathError):
        return listed
    cnames = {e.name for e in listed}
    rel = _join(frame.rel, name)
    csettings = frame.settings
    crel_root = None if frame.rel_root is None else _join(frame.rel_root, name)
    if not cnames.isdisjoint(CONFIG_NAMES):
        csettings = resolve(abs_child)
        if csettings is not frame.settings:
            crel_root = _rel_to(abs_child, str(csettings.root))
    cignores = frame.ignores
    cin_git = frame.in_git
    if ".git" in cnames:  # a nested repository: its parent's .gitignore rules stop here
        cin_git = True
        cignores = tuple(i for i in cignores if i[2] == 2)
        info = _info_exclude(abs_child)
        pats = _read_patterns(info) if info else None
        if pats is not None:
            cignores = ((rel, pats, 0), *cignores)
    cignores = _push_ignores(cignores, abs_child, rel, cnames, cin_git)
    prefix = display_child + "/"
    return _Frame(
        abs_child, prefix, rel, crel_root, csettings, cignores, cin_git, ckey, iter(listed)
    )


def _visit(frame: _Frame, entry: os.DirEntry[str]) -> str | tuple[str, str] | None:
    """A file's display path, a directory to enter (abs, display), or None."""
    name = entry.name
    if name == ".git":
        return None
    try:
        is_link = entry.is_symlink()
        is_dir = entry.is_dir()
        if is_dir and is_link:
            return None  # symlinked directories are not followed in walks
        if not is_dir and not entry.is_file():
            return None  # dangling symlink, FIFO, socket, device: skipped quietly
    except OSError:
        return None
    settings = frame.settings
    sub = _join(frame.rel_root, name) if frame.rel_root is not None else name
    if _excludes(settings).match(sub, name, is_dir):
        return None
    if (
        settings.respect_gitignore
        and frame.ignores
        and _ignored(frame.ignores, _join(frame.rel, name), name, is_dir)
    ):
        return None
    if is_dir:
        return (entry.path, frame.prefix + name)
    if settings.extra_registries and _is_registry(entry.path, settings):
        return None
    return frame.prefix + name
