from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from betalint.linter import config
from betalint.linter.config import Settings, merge_cli
from betalint.linter.files.discovery import FileJob, PathError, discover, is_excluded


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.chdir(tmp_path)
    yield


def make(root: Path, *files: str) -> None:
    for f in files:
        p = root / f
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x\n")


def git_init(root: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git not installed")
    subprocess.run(["git", "init", "-q", str(root)], check=True)


def found(*paths: str, force_exclude: bool = False) -> list[str]:
    out = []
    for item in discover(list(paths), force_exclude=force_exclude):
        assert isinstance(item, FileJob), item
        out.append(item.path)
    return out


def test_walk_sorted_relative_paths(tmp_path: Path) -> None:
    make(tmp_path, "b.py", "a/z.txt", "a/b/c.md", "A.txt", "a-b/x")
    assert found() == ["A.txt", "a/b/c.md", "a/z.txt", "a-b/x", "b.py"]
    assert found(".") == found()
    assert found("a") == ["a/b/c.md", "a/z.txt"]
    assert found("a/") == ["a/b/c.md", "a/z.txt"]
    assert found(str(tmp_path / "a")) == [str(tmp_path / "a/b/c.md"), str(tmp_path / "a/z.txt")]


def test_streams_lazily(tmp_path: Path) -> None:
    make(tmp_path, "a/1", "b/2")
    it = discover(["."])
    first = next(it)
    assert isinstance(first, FileJob) and first.path == "a/1"
    shutil.rmtree(tmp_path / "b")  # the walk has not listed b yet
    assert list(it) == []


def test_default_excludes(tmp_path: Path) -> None:
    make(
        tmp_path,
        "src/a.py",
        "node_modules/x.js",
        "src/node_modules/y.js",
        ".venv/lib/z.py",
        "dist/w.js",
        "build/keep.py",
        "__pycache__/m.pyc",
        "venv",
    )
    # `venv` is a file here, and the name pattern excludes files too, as gitignore does
    assert found() == ["build/keep.py", "src/a.py"]


def test_dot_git_never_walked(tmp_path: Path) -> None:
    git_init(tmp_path)
    (tmp_path / "betalint.toml").write_text("exclude = []\n")
    make(tmp_path, "a.py")
    assert found() == ["a.py", "betalint.toml"]


def test_exclude_and_extend_exclude_relative_to_config(tmp_path: Path) -> None:
    (tmp_path / "proj").mkdir()
    (tmp_path / "proj/betalint.toml").write_text(
        'extend-exclude = ["gen/", "/top.py", "*.min.js", "docs/**/*.md"]\n'
    )
    make(
        tmp_path / "proj",
        "gen/a.py",
        "src/gen/b.py",
        "top.py",
        "src/top.py",
        "x.min.js",
        "docs/a/b/c.md",
        "docs/a/keep.txt",
        "ok.py",
    )
    assert found("proj") == [
        "proj/betalint.toml",
        "proj/docs/a/keep.txt",
        "proj/ok.py",
        "proj/src/top.py",
    ]


def test_exclude_replaces_defaults(tmp_path: Path) -> None:
    (tmp_path / "betalint.toml").write_text('exclude = ["skip"]\n')
    make(tmp_path, "node_modules/a.js", "skip/b.js")
    assert found() == ["betalint.toml", "node_modules/a.js"]


def test_nested_config_changes_settings(tmp_path: Path) -> None:
    (tmp_path / "betalint.toml").write_text('extend-exclude = ["*.txt"]\n')
    make(tmp_path, "a.txt", "sub/b.txt", "sub/c.py")
    (tmp_path / "sub/pyproject.toml").write_text("[tool.betalint]\nignore = ['BL204']\n")
    jobs = [j for j in discover(["."]) if isinstance(j, FileJob)]
    assert [j.path for j in jobs] == [
        "betalint.toml",
        "sub/b.txt",
        "sub/c.py",
        "sub/pyproject.toml",
    ]
    assert jobs[0].settings.config_path == tmp_path / "betalint.toml"
    assert all(j.settings.ignore == ("BL204",) for j in jobs[1:])


def test_pyproject_without_table_inherits(tmp_path: Path) -> None:
    (tmp_path / "betalint.toml").write_text('extend-exclude = ["*.txt"]\n')
    make(tmp_path, "sub/b.txt", "sub/c.py")
    (tmp_path / "sub/pyproject.toml").write_text("[tool.ruff]\n")
    assert found("sub") == ["sub/c.py", "sub/pyproject.toml"]


def test_gitignore_in_repo(tmp_path: Path) -> None:
    git_init(tmp_path)
    (tmp_path / ".gitignore").write_text("*.log\n/out/\n!keep.log\nsecret*\n")
    (tmp_path / ".git/info/exclude").write_text("local.txt\n")
    make(
        tmp_path,
        "a.log",
        "keep.log",
        "out/x.py",
        "src/out/y.py",
        "secret.env",
        "local.txt",
        "src/local.txt",
        "src/ok.py",
    )
    (tmp_path / "src/.gitignore").write_text("ok.py\n!secret2\n")
    make(tmp_path, "src/secret2", "src/secret3")
    assert found() == [".gitignore", "keep.log", "src/.gitignore", "src/out/y.py", "src/secret2"]


def test_gitignore_applies_when_walking_a_subdirectory(tmp_path: Path) -> None:
    git_init(tmp_path)
    (tmp_path / ".gitignore").write_text("gen/\n*.tmp\nsub/local\n")
    make(tmp_path, "sub/gen/a.py", "sub/b.tmp", "sub/c.py", "sub/local")
    assert found("sub") == ["sub/c.py"]
    os.chdir(tmp_path / "sub")
    assert found() == ["c.py"]


def test_gitignore_outside_repo_not_honoured_but_dot_ignore_is(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("*.log\n")
    (tmp_path / ".ignore").write_text("*.tmp\n")
    make(tmp_path, "a.log", "b.tmp")
    assert found() == [".gitignore", ".ignore", "a.log"]


def test_dot_ignore_beats_gitignore(tmp_path: Path) -> None:
    git_init(tmp_path)
    (tmp_path / ".gitignore").write_text("*.gen.py\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / ".ignore").write_text("!keep.gen.py\n")
    make(tmp_path, "a.gen.py", "keep.gen.py")
    assert found() == [".gitignore", ".ignore", "keep.gen.py"]


def test_respect_gitignore_false(tmp_path: Path) -> None:
    git_init(tmp_path)
    (tmp_path / "betalint.toml").write_text("respect-gitignore = false\n")
    (tmp_path / ".gitignore").write_text("*.log\n")
    make(tmp_path, "a.log")
    assert found() == [".gitignore", "a.log", "betalint.toml"]


def test_nested_repo_resets_gitignore(tmp_path: Path) -> None:
    git_init(tmp_path)
    (tmp_path / ".gitignore").write_text("*.txt\n")
    git_init(tmp_path / "vendor")
    make(tmp_path, "a.txt", "vendor/b.txt")
    assert found() == [".gitignore", "vendor/b.txt"]


def test_explicit_paths_bypass_excludes_unless_forced(tmp_path: Path) -> None:
    git_init(tmp_path)
    (tmp_path / "betalint.toml").write_text('extend-exclude = ["tests/fixtures"]\n')
    (tmp_path / ".gitignore").write_text("*.log\n")
    make(tmp_path, "tests/fixtures/a.py", "node_modules/m.js", "x.log", "ok.py")
    paths = ["tests/fixtures/a.py", "node_modules/m.js", "x.log", "ok.py"]
    assert found(*paths) == paths
    # pre-commit: excludes apply (to the file or any parent); gitignore never blocks a file
    # passed explicitly (git does not ignore tracked files)
    assert found(*paths, force_exclude=True) == ["x.log", "ok.py"]


def test_explicit_excluded_directory(tmp_path: Path) -> None:
    (tmp_path / "betalint.toml").write_text('extend-exclude = ["tests/fixtures"]\n')
    make(tmp_path, "tests/fixtures/a.py", "tests/fixtures/node_modules/b.js", "tests/t.py")
    assert found("tests") == ["tests/t.py"]
    assert found("tests/fixtures") == ["tests/fixtures/a.py"]  # asked for: walked
    assert found("tests/fixtures", force_exclude=True) == []


def test_cli_exclude_via_merge(tmp_path: Path) -> None:
    make(tmp_path, "a.py", "b.py")

    def resolve(directory: str) -> Settings:
        return merge_cli(config.ConfigResolver().settings_for(directory), extend_exclude=["b.py"])

    assert [j.path for j in discover(["."], resolve=resolve) if isinstance(j, FileJob)] == ["a.py"]


def test_missing_path_is_an_item_and_scan_continues(tmp_path: Path) -> None:
    make(tmp_path, "a.py")
    items = list(discover(["nope.py", "a.py", "nodir/"]))
    assert items[0] == PathError("nope.py", "nope.py: No such file or directory")
    assert isinstance(items[1], FileJob) and items[1].path == "a.py" and items[1].explicit
    assert items[2] == PathError("nodir/", "nodir/: No such file or directory")


def test_symlink_loop_is_not_followed(tmp_path: Path) -> None:
    make(tmp_path, "a/f.py")
    (tmp_path / "a/loop").symlink_to(tmp_path / "a")
    (tmp_path / "a/up").symlink_to("..")
    assert found() == ["a/f.py"]


def test_symlinked_dir_given_explicitly_is_walked(tmp_path: Path) -> None:
    make(tmp_path, "real/f.py")
    (tmp_path / "real/self").symlink_to(tmp_path / "real")
    (tmp_path / "link").symlink_to(tmp_path / "real")
    assert found("link") == ["link/f.py"]


def test_symlinked_file_is_read_dangling_skipped(tmp_path: Path) -> None:
    make(tmp_path, "f.py")
    (tmp_path / "alias.py").symlink_to(tmp_path / "f.py")
    (tmp_path / "dangling.py").symlink_to(tmp_path / "nowhere.py")
    assert found() == ["alias.py", "f.py"]
    assert list(discover(["dangling.py"])) == [
        PathError("dangling.py", "dangling.py: broken symbolic link")
    ]


def test_fifo_skipped_in_walk_passed_through_when_explicit(tmp_path: Path) -> None:
    make(tmp_path, "a.py")
    os.mkfifo(tmp_path / "pipe")
    assert found() == ["a.py"]
    assert found("pipe") == ["pipe"]  # the reader reports it without opening it


def test_unreadable_directory_is_an_error_item(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root bypasses directory permissions, so the denial is simulated at scandir.
    make(tmp_path, "a/x.py", "b/y.py")
    real = os.scandir

    def scandir(path: str) -> object:
        if str(path).endswith("/a"):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr("betalint.linter.files.discovery.os.scandir", scandir)
    items = list(discover(["."]))
    assert items == [PathError("a", "a: Permission denied"), FileJob("b/y.py", items[1].settings)]  # type: ignore[union-attr]


def test_extra_registries_not_scanned(tmp_path: Path) -> None:
    make(tmp_path, "reg/private.toml", "a.py")
    (tmp_path / "betalint.toml").write_text('extra-registries = ["reg/private.toml"]\n')
    assert found() == ["a.py", "betalint.toml"]
    assert found("reg/private.toml", force_exclude=True) == []


@pytest.mark.parametrize(
    ("path", "is_dir", "expected"),
    [
        ("node_modules/a/b.js", False, True),
        ("src/x.py", False, False),
        ("src/gen", True, True),
        ("src/gen/a.py", False, True),
        ("srcgen/a.py", False, False),
        ("../elsewhere/node_modules/x.js", False, False),  # outside the root: names only
        ("../elsewhere/x.min.js", False, True),
    ],
)
def test_is_excluded(tmp_path: Path, path: str, is_dir: bool, expected: bool) -> None:
    root = tmp_path / "root"
    root.mkdir()
    s = Settings(root=root, extend_exclude=("src/gen", "*.min.js"))
    assert is_excluded(str(root / path), s, is_dir=is_dir) is expected


def test_deep_tree_no_recursion_limit(tmp_path: Path) -> None:
    d = tmp_path
    for _ in range(120):
        d = d / "d"
    d.mkdir(parents=True)
    (d / "f").write_text("x")
    [job] = found()
    assert job.endswith("/d/f") and job.count("/") == 120


def test_walk_is_fast(tmp_path: Path) -> None:
    git_init(tmp_path)
    (tmp_path / ".gitignore").write_text("\n".join(["*.log", "tmp/", "!keep.log", "/x*"] * 5))
    for i in range(40):
        for j in range(100):
            (tmp_path / f"d{i}").mkdir(exist_ok=True)
            (tmp_path / f"d{i}/f{j}.py").write_text("")
    start = time.perf_counter()
    n = sum(1 for _ in discover(["."]))
    elapsed = time.perf_counter() - start
    assert n == 4001
    assert elapsed < 1.0, elapsed
