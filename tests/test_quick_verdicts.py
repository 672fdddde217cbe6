"""`validate`'s table of shipped names (linter/quick_verdicts.py) says what `classify` says."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from betalint.linter import quick_verdicts
from betalint.linter.verdict_text import verdict_lines
from betalint.registry.loader import shipped_registry
from betalint.registry.validator import classify

REGISTRY = shipped_registry()
NAMES = sorted(REGISTRY)
LAST_QUIET_DAY = REGISTRY.date + dt.timedelta(days=90)
# Every day on which a verdict may change, and the days either side of it.
EDGES = [d + dt.timedelta(days=k) for d in quick_verdicts.boundaries(REGISTRY) for k in (-1, 0, 1)]
DAYS = st.one_of(
    st.dates(dt.date(2023, 1, 1), LAST_QUIET_DAY), st.sampled_from(EDGES or [REGISTRY.date])
)


def _classified(name: str, day: dt.date) -> tuple[str, bool]:
    verdict = classify(name, today=day, registry=REGISTRY)
    return verdict_lines([verdict])[0], verdict.ok


@given(st.lists(st.sampled_from(NAMES), min_size=1, max_size=4), DAYS)
def test_the_table_says_what_classify_says_on_any_day(names: list[str], day: dt.date) -> None:
    if day > LAST_QUIET_DAY:
        assert quick_verdicts.answers(names, day) is None
    else:
        assert quick_verdicts.answers(names, day) == [_classified(n, day) for n in names]


def test_the_table_changes_with_the_day_where_a_lifecycle_does() -> None:
    # Not a table of one day's lines: a shipped name whose verdict changes on a registry
    # date changes in the table on that same day.
    days = [d for d in EDGES if d <= LAST_QUIET_DAY]
    changing = [n for n in NAMES if len({_classified(n, d) for d in days}) > 1]
    assert changing, "no shipped name changes verdict on a registry date"
    for name in changing:
        assert [quick_verdicts.answers([name], d) for d in days] == [
            [_classified(name, d)] for d in days
        ]


def test_a_name_the_table_lacks_is_left_to_classify() -> None:
    assert quick_verdicts.answers(["computer-use-2025-01-24", "nope-2025-01-01"]) is None


def test_once_the_age_notice_is_due_the_table_answers_nothing() -> None:
    day = LAST_QUIET_DAY + dt.timedelta(days=1)
    assert quick_verdicts.answers(["computer-use-2025-01-24"], day) is None


def test_a_table_from_other_betas_toml_bytes_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = json.loads(Path(quick_verdicts.PATH).read_text(encoding="utf-8"))
    document["source_digest"] = "crc32:00000000:0"
    forged = tmp_path / "verdicts.json"
    forged.write_text(json.dumps(document), encoding="utf-8")
    monkeypatch.setattr(quick_verdicts, "PATH", str(forged))
    assert quick_verdicts.answers(["computer-use-2025-01-24"], REGISTRY.date) is None


def test_a_missing_table_is_not_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(quick_verdicts, "PATH", str(tmp_path / "absent.json"))
    assert quick_verdicts.answers(["computer-use-2025-01-24"], REGISTRY.date) is None
