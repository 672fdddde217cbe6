"""`--fix` at scale (issue 17, Why 5): every fix of a round in one pass, few re-checks when some
fail, and a syntax guard that is skipped (and says so) for files too big to parse cheaply.
Correctness only; the growth in time per doubling is measured by benchmarks/pathological.py."""

from __future__ import annotations

from dataclasses import replace

from _fix_support import check, source
from hypothesis import given, settings
from hypothesis import strategies as st

from betalint.linter.diagnostic import Diagnostic
from betalint.linter.files.reader import Source
from betalint.linter.fix.fixer import GUARD_MAX_BYTES, fix_source
from betalint.linter.fix.spans import SpanIndex, Taken

TYPO, GOOD = "fils-api-2025-04-14", "files-api-2025-04-14"
IT = "interleaved-thinking-2025-05-14"


def _lines(n: int) -> str:
    return "".join(f'B{i} = ["{TYPO}"]\n' for i in range(n))


def test_thousands_of_fixes_go_in_one_round() -> None:
    result = fix_source(source("a.py", _lines(2000)), check)
    assert result.fixed.text == _lines(2000).replace(TYPO, GOOD)
    assert len(result.applied) == 2000
    assert result.rounds == 1


def test_bad_fixes_are_found_by_halving_not_one_by_one() -> None:
    n, bad_at = 256, {3, 100, 201}
    src = source("a.py", _lines(n))
    poisoned: list[Diagnostic] = []
    for i, d in enumerate(check(src)):
        if i in bad_at and d.fix is not None:  # a "fix" that writes the typo back
            d = replace(d, fix=replace(d.fix, edits=(replace(d.fix.edits[0], content=TYPO),)))
        poisoned.append(d)
    calls = 0

    def counting(s: Source) -> list[Diagnostic]:
        nonlocal calls
        calls += 1
        return check(s)

    result = fix_source(src, counting, diagnostics=poisoned, max_rounds=1)
    assert sorted(d.diagnostic.line - 1 for d in result.dropped) == sorted(bad_at)
    assert len(result.applied) == n - len(bad_at)
    assert calls < 3 * len(bad_at) * 9  # b·log2(k)·(a few); one by one would be 256


def test_the_syntax_guard_is_skipped_for_a_huge_file_and_says_so() -> None:
    padding = "# " + "x" * 78 + "\n"
    text = f'B = ["{TYPO}"]\n' + padding * (GUARD_MAX_BYTES["Python"] // len(padding) + 1)
    result = fix_source(source("big.py", text), check)
    assert result.unguarded is not None and "512 KiB" in result.unguarded
    assert result.fixed.text.startswith(f'B = ["{GOOD}"]\n')
    small = fix_source(source("small.py", f'B = ["{TYPO}"]\n'), check)
    assert small.unguarded is None


_spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)), max_size=30)


@given(_spans, st.integers(0, 70), st.integers(0, 10), st.booleans())
def test_span_index_agrees_with_brute_force(
    spans: list[tuple[int, int]], lo: int, width: int, touching: bool
) -> None:
    items = [(s, s + w, i) for i, (s, w) in enumerate(spans)]
    hi = lo + width

    def meets(s: int, e: int) -> bool:
        return (e >= lo and s <= hi) if touching else (e > lo and s < hi)

    expected = sorted(i for s, e, i in items if meets(s, e))
    assert sorted(SpanIndex(items).meeting(lo, hi, touching=touching)) == expected


@given(_spans)
def test_taken_agrees_with_brute_force(spans: list[tuple[int, int]]) -> None:
    taken, kept = Taken(), []
    for s, w in spans:
        touches = any(s <= te and ts <= s + w for ts, te in kept)
        assert taken.touches(s, s + w) is touches
        if not touches:
            taken.add(s, s + w)
            kept.append((s, s + w))


_LINES = (
    f'B = ["{TYPO}"]\n',
    f'c(betas=["{TYPO}", "{IT}"])\n',
    f'c(betas=["{IT}", "{IT}", "{IT}"])\n',  # a duplicate each round: two rounds
    "x = 1\n",
    f"# {TYPO} in a comment\n",
)


@settings(max_examples=25)
@given(st.lists(st.sampled_from(_LINES), min_size=1, max_size=12))
def test_one_pass_equals_fixing_each_line_alone(lines: list[str]) -> None:
    # The edits of a round are independent: batching them changes nothing but the cost.
    whole = fix_source(source("a.py", "".join(lines)), check)
    alone = "".join(fix_source(source("a.py", line), check).fixed.text for line in lines)
    assert whole.fixed.text == alone
