"""The registry stays true over time: dated model support, newer names (BL207), the
registry-age notice, the evidence-age check, the source rule and the new platform targets.

Everything here runs on the small registries in tests/data/registries, never the shipped file
(tests/test_registry_audit.py covers that), so the dates are fixed by the test.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from betalint.linter.cli import main
from betalint.registry import integrity
from betalint.registry.loader import RegistryError, load_registry
from betalint.registry.model import Registry
from betalint.registry.platforms import platform_verdict
from betalint.registry.request_filter import filter_header
from betalint.registry.schema import ModelSpan, models_on
from betalint.registry.validator import classify

DATA = Path(__file__).parent / "data" / "registries"
FRESH = DATA / "freshness.toml"  # registry_date 2026-06-01


@pytest.fixture(scope="module")
def fresh() -> Registry:
    return load_registry(base=FRESH)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --- dated model support -------------------------------------------------------------------


def test_span_holds_from_since_until_the_day_before_until() -> None:
    span = ModelSpan("claude-opus-4-8", since=dt.date(2026, 2, 1), until=dt.date(2026, 11, 30))
    assert not span.holds_on(dt.date(2026, 1, 31))
    assert span.holds_on(dt.date(2026, 2, 1))
    assert span.holds_on(dt.date(2026, 11, 29))
    assert not span.holds_on(dt.date(2026, 11, 30))


def test_models_on_mixes_plain_ids_and_spans() -> None:
    models = ("claude-a", ModelSpan("claude-b", until=dt.date(2026, 3, 1)))
    assert models_on(models, dt.date(2026, 2, 1)) == ("claude-a", "claude-b")
    assert models_on(models, dt.date(2026, 3, 1)) == ("claude-a",)
    assert models_on(models, None) == ("claude-a", "claude-b")  # no date: every listed model


@pytest.mark.parametrize(
    ("model", "today", "effect"),
    [
        ("claude-opus-4-8", "2026-11-29", None),  # the day before its `until`
        ("claude-opus-4-8", "2026-11-30", "no-effect"),  # removed on that day, by itself
        ("claude-opus-5", "2026-04-30", "no-effect"),  # before its `since`
        ("claude-opus-5", "2026-05-01", None),
        ("claude-fable-5-2", "2030-01-01", None),  # a plain id never expires
    ],
)
def test_validate_model_verdict_follows_today(
    fresh: Registry, model: str, today: str, effect: str | None
) -> None:
    day = dt.date.fromisoformat(today)
    verdict = classify("speedy-2026-02-01", today=day, registry=fresh, model=model)
    assert verdict.platform is not None
    assert verdict.platform.model_effect == effect
    assert verdict.ok is (effect is None)


def test_dated_platform_rejection_starts_on_its_date(fresh: Registry) -> None:
    before = platform_verdict(
        "speedy-2026-02-01", "bedrock", fresh, model="claude-opus-5", today=dt.date(2026, 5, 14)
    )
    after = platform_verdict(
        "speedy-2026-02-01", "bedrock", fresh, model="claude-opus-5", today=dt.date(2026, 5, 15)
    )
    assert before.model_effect is None
    assert after.model_effect == "rejected"
    dropped = filter_header(
        "speedy-2026-02-01",
        platform="bedrock",
        model="claude-opus-5",
        registry=fresh,
        today=dt.date(2026, 5, 15),
    )
    assert dropped.header == ""


def test_the_old_flat_models_list_still_reads(fresh: Registry) -> None:
    verdict = classify("flat-2026-03-01", registry=fresh, model="claude-haiku-4-5")
    assert verdict.platform is not None and verdict.platform.model_effect == "no-effect"
    assert "works only on claude-sonnet-4-6" in verdict.platform.note


def test_validate_cli_model_verdict_changes_with_today(capsys: pytest.CaptureFixture[str]) -> None:
    args = ("validate", "--registry", str(FRESH), "--model", "claude-opus-4-8")
    code, out, _ = run(capsys, *args, "--today", "2026-11-29", "speedy-2026-02-01")
    assert code == 0, out
    code, out, _ = run(capsys, *args, "--today", "2026-12-01", "speedy-2026-02-01")
    assert code == 1
    assert "no effect on claude-opus-4-8" in out


# --- a newer name: its own verdict, a warning, never a fix -----------------------------------


def test_a_name_dated_after_the_registry_is_newer(fresh: Registry) -> None:
    verdict = classify("shiny-2026-07-01", today=dt.date(2026, 7, 2), registry=fresh)
    assert verdict.kind == "newer"
    assert verdict.ok
    assert verdict.replacement is None and not verdict.certain
    assert "newer than this registry (2026-06-01)" in verdict.message
    assert "upgrade betalint or add it to an extra registry" in verdict.message


@pytest.mark.parametrize(
    ("name", "today", "kind"),
    [
        ("shiny-2026-06-01", "2026-07-01", "unknown"),  # the registry's own day: it could know
        ("shiny-2026-08-01", "2026-07-01", "unknown"),  # dated after today: not released yet
        ("shiny-2026-06-02", "2026-06-02", "newer"),
        ("Shiny-2026-07-01", "2026-07-02", "malformed"),  # newer needs a well-formed name
    ],
)
def test_newer_needs_a_date_after_the_registry_and_not_after_today(
    fresh: Registry, name: str, today: str, kind: str
) -> None:
    assert classify(name, today=dt.date.fromisoformat(today), registry=fresh).kind == kind


def test_a_newer_look_alike_is_never_rewritten(fresh: Registry) -> None:
    """A one-character date slip of a known name is a did-you-mean, never a safe fix."""
    verdict = classify("speedy-2026-07-01", today=dt.date(2026, 7, 2), registry=fresh)
    assert verdict.kind == "newer"
    assert verdict.replacement is None
    assert "speedy-2026-02-01" in verdict.suggestions


def test_validate_newer_exits_0_with_its_kind(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "validate", "--registry", str(FRESH), "--today", "2026-07-02", "shiny-2026-07-01"
    )
    assert code == 0
    assert out.startswith("newer ")
    code, out, _ = run(
        capsys,
        "validate",
        "--registry",
        str(FRESH),
        "--today",
        "2026-07-02",
        "--format",
        "json",
        "shiny-2026-07-01",
    )
    (item,) = json.loads(out)
    assert (item["kind"], item["ok"], item["replacement"]) == ("newer", True, None)


def test_check_reports_bl207_as_a_warning_and_exits_0(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    app = tmp_path / "app.py"
    app.write_text('client.beta.messages.create(betas=["shiny-2026-07-01"])\n', encoding="utf-8")
    args = ("check", "--registry", str(FRESH), "--today", "2026-07-02", "--output-format", "json")
    code, out, _ = run(capsys, *args, str(app))
    (diag,) = json.loads(out)["diagnostics"]
    assert (diag["code"], diag["rule"], diag["severity"]) == (
        "BL207",
        "newer-than-registry",
        "warning",
    )
    assert diag["fix"] is None
    assert code == 0  # BL207 never fails the run
    before = app.read_bytes()
    code, _, _ = run(
        capsys,
        "check",
        "--registry",
        str(FRESH),
        "--today",
        "2026-07-02",
        "--fix",
        "--unsafe-fixes",
        str(app),
    )
    assert app.read_bytes() == before


def test_bl207_with_a_failing_finding_still_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    app = tmp_path / "app.py"
    app.write_text(
        'client.beta.messages.create(betas=["shiny-2026-07-01", "spedy-2026-02-01"])\n',
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "check", "--registry", str(FRESH), "--today", "2026-07-02", str(app))
    assert "BL207" in out and "BL201" in out
    assert code == 1


# --- the registry-age notice (the shipped registry: a --registry file is its owner's) --------


def _days_after_shipped(days: int) -> str:
    return (load_registry().date + dt.timedelta(days=days)).isoformat()


def test_age_notice_after_the_default_90_days(capsys: pytest.CaptureFixture[str]) -> None:
    base = ("validate", "computer-use-2025-01-24")
    _, _, err = run(capsys, *base, "--today", _days_after_shipped(90))  # 90 days: not yet
    assert err == ""
    _, _, err = run(capsys, *base, "--today", _days_after_shipped(91))
    assert err.count("\n") == 1
    assert err.startswith("betalint: note: the registry (")
    assert f"is 91 days old on {_days_after_shipped(91)}" in err
    _, _, err = run(capsys, *base, "--today", _days_after_shipped(91), "--no-registry-age-notice")
    assert err == ""


def test_no_age_notice_for_a_registry_given_on_the_command_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, _, err = run(
        capsys, "validate", "--registry", str(FRESH), "--today", "2027-01-01", "speedy-2026-02-01"
    )
    assert err == ""


def test_age_notice_in_check_follows_config(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    today = _days_after_shipped(44)

    def in_dir(name: str, config: str | None, *extra: str) -> tuple[int, str]:
        here = tmp_path / name  # one directory per config: settings are cached per directory
        here.mkdir()
        (here / "ok.py").write_text("x = 1\n", encoding="utf-8")
        if config is not None:
            (here / "betalint.toml").write_text(config, encoding="utf-8")
        monkeypatch.chdir(here)
        code, _, err = run(capsys, "check", "--today", today, *extra, "ok.py")
        return code, err

    assert in_dir("default", None) == (0, "")  # 44 days old: under the default 90
    code, err = in_dir("strict", "registry-age-notice = 30\n")
    assert code == 0
    assert f"44 days old on {today}" in err and err.count("\n") == 1
    assert in_dir("flag", "registry-age-notice = 30\n", "--no-registry-age-notice") == (0, "")
    assert in_dir("off", "registry-age-notice = false\n") == (0, "")


def test_age_notice_config_rejects_a_bad_value(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "ok.py").write_text("x = 1\n", encoding="utf-8")
    (tmp_path / "betalint.toml").write_text('registry-age-notice = "soon"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "check", "ok.py")
    assert code == 2
    assert "registry-age-notice" in err and "number of days" in err


# --- the evidence-age check ------------------------------------------------------------------


def test_evidence_age_reports_old_verdicts_not_excepted(fresh: Registry) -> None:
    problems = integrity.stale_evidence(fresh)
    # bedrock (2026-01-10) is 142 days before 2026-06-01; flat/anthropic is excepted.
    assert [(p.name, p.field) for p in problems] == [
        ("speedy-2026-02-01", "platforms.bedrock.as_of")
    ]
    assert "2026-01-10" in problems[0].message and "90 days" in problems[0].message


def test_evidence_age_limit_can_be_set_or_turned_off(fresh: Registry) -> None:
    assert integrity.stale_evidence(fresh, 0) == []
    names = {(p.name, p.field) for p in integrity.stale_evidence(fresh, 5)}
    assert ("speedy-2026-02-01", "platforms.anthropic.as_of") in names  # 12 days > 5


def test_evidence_age_flags_a_needless_or_dangling_exception(tmp_path: Path) -> None:
    text = FRESH.read_text(encoding="utf-8").replace(
        'verdicts = ["flat-2026-03-01/anthropic"]',
        'verdicts = ["flat-2026-03-01/anthropic", "speedy-2026-02-01/anthropic", "gone/x"]',
    )
    path = tmp_path / "r.toml"
    path.write_text(text, encoding="utf-8")
    messages = [str(p) for p in integrity.stale_evidence(load_registry(base=path))]
    assert any(
        "speedy-2026-02-01/anthropic" in m and "drop its age exception" in m for m in messages
    )
    assert any("'gone/x' is no verdict" in m for m in messages)


def test_registry_check_cli_includes_evidence_age(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "registry", "check", "--registry", str(FRESH))
    assert code == 2
    assert "platforms.bedrock.as_of" in out
    code, out, _ = run(
        capsys, "registry", "check", "--registry", str(FRESH), "--max-evidence-age", "0"
    )
    assert code == 0, out


# --- the source rule -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "https://tangled.org/nonbinary.computer/claude-code/blob/main/constants/betas.ts",
        "DroxKiwi/claude-code-leak-packaged@0000000:src/constants/betas.ts",
        "someone/claude-code-leak@abc:src/x.ts",
        "binary strings of a decompiled client build",
    ],
)
def test_unofficial_copies_of_proprietary_code_are_not_citable(source: str) -> None:
    assert integrity.denied_source(source) is not None


@pytest.mark.parametrize(
    "source",
    [
        "https://platform.claude.com/docs/en/build-with-claude/fast-mode",
        "https://github.com/anthropics/claude-code/issues/49370",
        "https://pypi.org/project/litellm/1.110.2/",
        "anthropic-sdk-python 0.52.0",
    ],
)
def test_public_sources_are_citable(source: str) -> None:
    assert integrity.denied_source(source) is None


def test_a_registry_citing_leaked_code_fails_to_load() -> None:
    with pytest.raises(RegistryError, match="unofficial copy of proprietary code"):
        load_registry(base=DATA / "leaked_source.toml")


# --- platform targets ------------------------------------------------------------------------


def test_claude_platform_on_aws_uses_its_own_table(fresh: Registry) -> None:
    found = platform_verdict("speedy-2026-02-01", "claude-platform-on-aws", fresh)
    assert (found.status, found.target.display) == ("unsupported", "Claude Platform on AWS")
    assert found.confidence == "high"


def test_a_platform_running_the_claude_api_inherits_it_at_low_confidence(
    fresh: Registry,
) -> None:
    found = platform_verdict("flat-2026-03-01", "claude-platform-aws", fresh)
    assert found.status == "supported"
    assert found.confidence == "low"
    assert "as on the Claude API" in found.message and "inferred" in found.message
    other = platform_verdict("flat-2026-03-01", "google-cloud-anthropic", fresh)
    assert other.status == "supported"
    assert other.target.display == "Claude Models on Google Cloud (Anthropic managed)"


@pytest.mark.parametrize(
    ("spec", "display"),
    [
        ("bedrock:messages", "Amazon Bedrock (the Messages API on bedrock-runtime)"),
        ("bedrock:managed-agents", "Amazon Bedrock (Claude Managed Agents)"),
        ("vertex:messages", "Google Vertex AI (rawPredict)"),
    ],
)
def test_new_bedrock_endpoints_are_targets(fresh: Registry, spec: str, display: str) -> None:
    found = platform_verdict("speedy-2026-02-01", spec, fresh)
    assert found.target.display == display
