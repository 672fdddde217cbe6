from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from betalint.linter.config import (
    DEFAULT_EXCLUDES,
    ConfigResolver,
    RuleSelector,
    Settings,
    find_config,
    load_settings,
    merge_cli,
    parse_size,
)
from betalint.linter.config.loader import check_required_version
from betalint.registry.errors import BetalintError

CODES = (
    "BL101",
    "BL102",
    "BL103",
    "BL201",
    "BL202",
    "BL203",
    "BL204",
    "BL205",
    "BL301",
    "BL302",
    "BL901",
)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- discovery


def test_find_config_walks_up(tmp_path: Path) -> None:
    cfg = write(tmp_path / "betalint.toml", "")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    assert find_config(sub) == cfg
    assert find_config(sub / "file.py") == cfg  # a file path starts at its directory


def test_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    outer = write(tmp_path / "betalint.toml", "")
    write(tmp_path / "pkg" / "pyproject.toml", "[tool.ruff]\nline-length = 1\n")
    assert find_config(tmp_path / "pkg") == outer


def test_broken_pyproject_not_ours_is_ignored(tmp_path: Path) -> None:
    outer = write(tmp_path / "betalint.toml", "")
    write(tmp_path / "pkg" / "pyproject.toml", "[tool.ruff\n")
    assert find_config(tmp_path / "pkg") == outer


def test_pyproject_with_table_found(tmp_path: Path) -> None:
    cfg = write(tmp_path / "pyproject.toml", "[tool.betalint]\nignore = ['BL204']\n")
    assert find_config(tmp_path) == cfg
    assert load_settings(cfg).ignore == ("BL204",)


@pytest.mark.parametrize(
    ("present", "winner"),
    [
        ((".betalint.toml", "betalint.toml", "pyproject.toml"), ".betalint.toml"),
        (("betalint.toml", "pyproject.toml"), "betalint.toml"),
        (("pyproject.toml",), "pyproject.toml"),
    ],
)
def test_precedence_in_one_directory(tmp_path: Path, present: tuple[str, ...], winner: str) -> None:
    for name in present:
        body = "[tool.betalint]\n" if name == "pyproject.toml" else ""
        write(tmp_path / name, body)
    assert find_config(tmp_path) == tmp_path / winner


def test_closest_config_wins_no_merge(tmp_path: Path) -> None:
    write(tmp_path / "betalint.toml", "ignore = ['BL204']\ntoday = 2026-01-01\n")
    write(tmp_path / "sub" / "betalint.toml", "select = ['BL2']\n")
    inner = settings_for(tmp_path / "sub")
    assert inner.select == ("BL2",)
    assert inner.ignore == ()
    assert inner.today is None
    assert inner.root == tmp_path / "sub"


def test_settings_for_no_config_defaults_at_cwd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    s = settings_for(tmp_path)
    assert s.config_path is None
    assert s.root == tmp_path
    assert s.exclude == DEFAULT_EXCLUDES


def settings_for(directory: Path) -> Settings:
    return ConfigResolver().settings_for(directory)


def test_settings_for_is_cached(tmp_path: Path) -> None:
    write(tmp_path / "betalint.toml", "")
    (tmp_path / "x").mkdir()
    resolver = ConfigResolver()
    assert resolver.settings_for(tmp_path / "x") is resolver.settings_for(tmp_path)


def test_a_new_resolver_sees_a_config_edit(tmp_path: Path) -> None:
    write(tmp_path / ".betalint.toml", 'select = ["BL1"]\n')
    assert ConfigResolver().settings_for(tmp_path).select == ("BL1",)
    write(tmp_path / ".betalint.toml", 'select = ["BL2"]\n')
    assert ConfigResolver().settings_for(tmp_path).select == ("BL2",)


# --------------------------------------------------------------------------- loading


def test_all_keys(tmp_path: Path) -> None:
    write(tmp_path / "reg.toml", "")
    cfg = write(
        tmp_path / "betalint.toml",
        """
select = ["BL2"]
ignore = ["BL204"]
extend-select = ["BL901"]
exclude = ["vendor"]
extend-exclude = ["gen/*.py"]
extra-registries = ["reg.toml"]
respect-gitignore = false
today = 2026-05-01
required-version = ">=0.0.1"
platforms = ["bedrock"]
max-file-size = "10MB"

[per-file-ignores]
"tests/*" = ["BL201", "BL202"]
""",
    )
    s = load_settings(cfg)
    assert s == Settings(
        root=tmp_path,
        select=("BL2",),
        ignore=("BL204",),
        extend_select=("BL901",),
        per_file_ignores=(("tests/*", ("BL201", "BL202")),),
        exclude=("vendor",),
        extend_exclude=("gen/*.py",),
        extra_registries=((tmp_path / "reg.toml").resolve(),),
        respect_gitignore=False,
        today=date(2026, 5, 1),
        required_version=">=0.0.1",
        platforms=("bedrock",),
        max_file_size=10 * 1024 * 1024,
        config_path=cfg,
    )


def test_none_gives_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    s = load_settings(None)
    assert s == Settings(root=tmp_path)
    assert s.select is None
    assert s.respect_gitignore is True
    assert s.max_file_size == 20 * 1024 * 1024


def test_today_as_string(tmp_path: Path) -> None:
    cfg = write(tmp_path / "betalint.toml", 'today = "2026-02-03"\n')
    assert load_settings(cfg).today == date(2026, 2, 3)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("bogus = 1\n", r"betalint\.toml:1: unknown key `bogus` in the top level"),
        ("extend_exclude = []\n", r"unknown key `extend_exclude`.*did you mean `extend-exclude`"),
        ("select = 'BL2'\n", r"betalint\.toml:1: `select` must be a list of strings, got string"),
        ("select = [1]\n", r"`select` must be a list of strings, got array"),
        ("respect-gitignore = 'yes'\n", r"`respect-gitignore` must be true or false"),
        ("today = 'tomorrow'\n", r"`today` must be a date YYYY-MM-DD"),
        ("today = '2026-02-30'\n", r"`today` must be a date"),
        ("today = 2026-01-01T00:00:00\n", r"not a date-time"),
        ("max-file-size = true\n", r"`max-file-size` must be a size in bytes"),
        ("max-file-size = -1\n", r"`max-file-size` must be a size"),
        ("max-file-size = '10 parsecs'\n", r"`max-file-size` must be a size"),
        ("per-file-ignores = ['x']\n", r"`per-file-ignores` must be a table"),
        ("[per-file-ignores]\n'x' = 'BL1'\n", r"entry 'x' must be a list of rule codes"),
        ("extra-registries = ['nope.toml']\n", r"entry 'nope.toml' not found \(resolved to"),
        ("required-version = '>=999'\n", r"requires betalint >=999 but .* is installed; upgrade"),
        ("required-version = 'banana'\n", r"'banana' is not a version specifier"),
        ("required-version = 1\n", r"`required-version` must be a version specifier"),
        ("\n\nselect = [\n", r"betalint\.toml:\d+:\d+: invalid TOML: .*fix the syntax"),
        ("a = 1\na = 2\n", r"betalint\.toml:2:\d+: invalid TOML"),
    ],
)
def test_bad_config(tmp_path: Path, body: str, expected: str) -> None:
    cfg = write(tmp_path / "betalint.toml", body)
    with pytest.raises(BetalintError, match=expected) as info:
        load_settings(cfg)
    assert "\n" not in str(info.value)
    assert str(cfg) in str(info.value)


def test_unknown_key_in_pyproject_names_table_and_line(tmp_path: Path) -> None:
    cfg = write(
        tmp_path / "pyproject.toml",
        "[tool.ruff]\nselect = ['E']\nselectt = 1\n\n[tool.betalint]\nselectt = ['BL2']\n",
    )
    with pytest.raises(
        BetalintError,
        match=r"pyproject\.toml:6: unknown key `selectt` in "
        r"\[tool\.betalint\] \(did you mean `select`\?\)",
    ):
        load_settings(cfg)


def test_broken_pyproject_mentioning_betalint_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.betalint\nselect = []\n")
    with pytest.raises(BetalintError, match=r"pyproject\.toml:1:\d+: invalid TOML"):
        find_config(tmp_path)


def test_required_version_bare_version_means_equal(tmp_path: Path) -> None:
    with pytest.raises(BetalintError, match=r"requires betalint 0\.0\.9"):
        check_required_version("0.0.9", "x", installed="0.1.0")
    check_required_version("0.1.0", "x", installed="0.1.0")
    check_required_version(">=0.1", "x", installed="0.2.0.dev1")  # pre-releases count


def test_required_version_ok_with_installed(tmp_path: Path) -> None:
    cfg = write(tmp_path / "betalint.toml", 'required-version = ">=0.0.1"\n')
    assert load_settings(cfg).required_version == ">=0.0.1"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0", 0),
        ("4096", 4096),
        ("10MB", 10 * 1024**2),
        ("512k", 512 * 1024),
        ("1.5 GiB", int(1.5 * 1024**3)),
        ("2 mb", 2 * 1024**2),
        ("7b", 7),
    ],
)
def test_parse_size(text: str, expected: int) -> None:
    assert parse_size(text) == expected


@pytest.mark.parametrize("text", ["", "MB", "1e6", "-1", "10 XB", "1.2.3"])
def test_parse_size_bad(text: str) -> None:
    with pytest.raises(ValueError):
        parse_size(text)


def test_config_not_utf8(tmp_path: Path) -> None:
    cfg = tmp_path / "betalint.toml"
    cfg.write_bytes(b"select = ['\xff']\n")
    with pytest.raises(BetalintError, match="not valid UTF-8"):
        load_settings(cfg)


def test_unreadable_config_path(tmp_path: Path) -> None:
    with pytest.raises(BetalintError, match="cannot read config"):
        load_settings(tmp_path / "missing.toml")


# --------------------------------------------------------------------------- CLI merge


def test_merge_cli(tmp_path: Path) -> None:
    base = Settings(root=tmp_path, select=("BL1",), ignore=("BL101",), extend_exclude=("a",))
    merged = merge_cli(
        base,
        select=["BL2"],
        ignore=["BL204"],
        extend_exclude=["b"],
        today="2026-01-02",
        max_file_size="1k",
        respect_gitignore=False,
        cwd=tmp_path,
    )
    assert merged.select == ("BL2",)
    assert merged.ignore == ("BL101", "BL204")
    assert merged.extend_exclude == ("a", "b")
    assert merged.today == date(2026, 1, 2)
    assert merged.max_file_size == 1024
    assert merged.respect_gitignore is False
    assert merge_cli(base) == base


def test_merge_cli_rebases_anchored_patterns(tmp_path: Path) -> None:
    base = Settings(root=tmp_path)
    sub = tmp_path / "sub"
    merged = merge_cli(base, extend_exclude=["gen/x.py", "node_modules", "/top", "**/a/b"], cwd=sub)
    assert merged.extend_exclude == ("/sub/gen/x.py", "node_modules", "/sub/top", "**/a/b")


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"today": "2026-13-01"}, "--today '2026-13-01' is not a date"),
        ({"max_file_size": "huge"}, "--max-file-size 'huge' is not a size"),
        ({"max_file_size": -5}, "--max-file-size must be"),
    ],
)
def test_merge_cli_bad(tmp_path: Path, kwargs: dict[str, object], expected: str) -> None:
    with pytest.raises(BetalintError, match=expected):
        merge_cli(Settings(root=tmp_path), **kwargs)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- rule selection


def enabled(settings: Settings, path: str = "x.py") -> set[str]:
    sel = RuleSelector(settings, CODES)
    return {c for c in CODES if sel.enabled(c, path)}


@pytest.mark.parametrize(
    ("select", "ignore", "extend", "expected"),
    [
        (None, (), (), set(CODES)),
        (("ALL",), (), (), set(CODES)),
        (("BL2",), (), (), {"BL201", "BL202", "BL203", "BL204", "BL205"}),
        (("BL2",), ("BL20",), (), set()),
        (("BL2",), ("BL204",), ("BL901",), {"BL201", "BL202", "BL203", "BL205", "BL901"}),
        (("BL202",), ("BL2",), (), {"BL202"}),  # more specific select wins
        (("BL202",), ("BL202",), (), set()),  # tie: ignore wins
        (None, ("BL",), ("BL301",), {"BL301"}),
        (("BL101", "BL1"), (), (), {"BL101", "BL102", "BL103"}),
    ],
)
def test_selection(
    tmp_path: Path,
    select: tuple[str, ...] | None,
    ignore: tuple[str, ...],
    extend: tuple[str, ...],
    expected: set[str],
) -> None:
    s = Settings(root=tmp_path, select=select, ignore=ignore, extend_select=extend)
    assert enabled(s) == expected


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("select", ("BL999",), r"unknown rule code BL999 in --select \(see `betalint rules`\)"),
        ("ignore", ("XX",), r"unknown rule code XX in --ignore"),
        ("extend_select", ("bl202",), r"unknown rule code bl202 in --extend-select"),
        ("per_file_ignores", (("*", ("BL7",)),), r"unknown rule code BL7 in --per-file-ignores"),
    ],
)
def test_unknown_codes(tmp_path: Path, field: str, value: object, message: str) -> None:
    s = Settings(root=tmp_path, **{field: value})  # type: ignore[arg-type]
    with pytest.raises(BetalintError, match=message):
        RuleSelector(s, CODES)


def test_unknown_code_from_config_names_file(tmp_path: Path) -> None:
    cfg = write(tmp_path / "betalint.toml", "\nignore = ['BL2', 'BL77']\n")
    with pytest.raises(
        BetalintError,
        match=r"unknown rule code BL77 in `ignore` in .*betalint"
        r"\.toml:2 \(see `betalint rules`\)",
    ):
        RuleSelector(load_settings(cfg), CODES)
    s = merge_cli(load_settings(cfg), select=["BL8"])
    with pytest.raises(BetalintError, match=r"BL8 in --select"):
        RuleSelector(s, CODES)


def test_per_file_ignores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    s = Settings(
        root=tmp_path,
        per_file_ignores=(
            ("tests/*", ("BL2",)),
            ("*.md", ("BL101",)),
            ("!src/**", ("BL901",)),
            ("docs/", ("BL301",)),
        ),
    )
    sel = RuleSelector(s, CODES)
    assert not sel.enabled("BL202", "tests/test_x.py")
    assert sel.enabled("BL202", "src/tests/test_x.py")  # anchored glob
    assert not sel.enabled("BL101", "src/deep/README.md")  # name glob anywhere
    assert sel.enabled("BL901", "src/a.py")
    assert not sel.enabled("BL901", "lib/a.py")  # negated glob: everything outside src
    assert not sel.enabled("BL301", "docs/x/y.txt")  # a directory covers its contents
    assert not sel.enabled("BL202", str(tmp_path / "tests" / "t.py"))  # absolute path
    assert sel.enabled("BL202", "x.py")


def test_per_file_ignores_outside_root_matches_names_only(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    s = Settings(root=root, per_file_ignores=(("*.md", ("BL1",)), ("tests/*", ("BL2",))))
    sel = RuleSelector(s, CODES)
    assert not sel.enabled("BL101", str(tmp_path / "other" / "a.md"))
    assert sel.enabled("BL202", str(tmp_path / "other" / "tests" / "a.py"))


def test_import_is_light() -> None:
    # config is imported on every run; it must not pull in pydantic or pathspec eagerly.
    import subprocess
    import sys

    code = (
        "import sys, betalint.linter.config; "
        "print(any(m.split('.')[0] in ('pydantic', 'pathspec', 'packaging') "
        "for m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": ""},
    )
    assert out.stdout.strip() == "False"


def test_the_key_table_drives_loader_and_cli_merge(tmp_path: Path) -> None:
    from betalint.linter.config import KEYS

    settings_fields = set(Settings.__dataclass_fields__)
    for key in KEYS:
        assert key.attr in settings_fields, key.name
        assert key.doc and key.example
    # Every key's example loads, so the docs' examples are valid config.
    body = "\n".join(f"{k.name} = {k.example}" for k in KEYS if k.kind != "paths")
    (tmp_path / "betalint.toml").write_text(body + "\n", encoding="utf-8")
    loaded = load_settings(tmp_path / "betalint.toml")
    assert loaded.platforms == ("bedrock", "vertex") and loaded.max_file_size == 20 * 1024**2
    # A flag that extends adds to the file's value; one that replaces drops it.
    merged = merge_cli(loaded, ignore=["BL204"], select=["BL2"], cwd=tmp_path)
    assert merged.ignore == ("BL203", "BL204") and merged.select == ("BL2",)
    with pytest.raises(TypeError):
        merge_cli(loaded, selekt=["BL2"])
