"""The anthropic-beta name grammar (contract): `feature-YYYY-MM-DD`.

`parse` accepts a well-formed name and returns a `BetaName`; anything else raises a
`BetaNameError` that says why in words a person understands and, where one exists, carries
the corrected name. The grammar knows nothing of the registry.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Literal, NamedTuple

Problem = Literal[
    "whitespace",
    "case",
    "separator",
    "date-digits",
    "date-format",
    "invalid-date",
    "missing-date",
    "empty-segment",
    "bad-character",
    "foreign-character",
    "empty",
    "value-suffix",
]

_SEGMENT = r"[a-z0-9]+"
_FEATURE = rf"[a-z][a-z0-9]*(?:-{_SEGMENT})*"
# Digits are spelled [0-9]: `\d` also matches other scripts' digits (`٢٠٢٥`), which int() accepts.
_WELL_FORMED = re.compile(
    rf"(?P<feature>{_FEATURE})-(?P<y>[0-9]{{4}})-(?P<m>[0-9]{{2}})-(?P<d>[0-9]{{2}})"
)
# A date tail that is date-like but not canonical: single-digit month/day or no separators.
_LOOSE_DATE = re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})")
# A date without separators (fullmatch): matches "20250414"; not "2025-04-14" or "2025414".
_COMPACT_DATE = re.compile(r"(?P<y>[0-9]{4})(?P<m>[0-9]{2})(?P<d>[0-9]{2})")
# A date-like tail to diagnose: matches "-2025-4-14", "-20250414" or "-2025-04-14" at the end; not
# "-2025_04_14" or a tail with a trailing "-".
_TAIL = re.compile(r"-(?P<date>[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|[0-9]{8})$")

_REASONS: dict[Problem, str] = {
    "whitespace": "a name has no surrounding or inner spaces",
    "case": "a name is lowercase",
    "separator": "parts are separated by '-', not '_' or '.'",
    "date-digits": "month and day take two digits",
    "date-format": "the date must be YYYY-MM-DD",
    "invalid-date": "the date is not a calendar date",
    "missing-date": "the name lacks its -YYYY-MM-DD date",
    "empty-segment": "a name has no empty parts ('--' or a leading or trailing '-')",
    "bad-character": "a name holds only a-z, 0-9 and '-', and starts with a letter",
    "foreign-character": "a name holds only ASCII a-z, 0-9 and '-'",
    "empty": "the name is empty",
    "value-suffix": "the header takes bare names, not name=value",
}


class BetaName(NamedTuple):
    """A well-formed beta name: its feature part and its calendar date."""

    feature: str
    date: dt.date

    def __str__(self) -> str:
        return f"{self.feature}-{self.date.isoformat()}"


class BetaNameError(ValueError):
    """Why a string is not a well-formed beta name, and the corrected name if one exists."""

    def __init__(self, text: str, problems: tuple[Problem, ...], corrected: str | None) -> None:
        self.text = text
        self.problems = problems
        self.corrected = corrected
        super().__init__(f"{text!r}: {self.reason}")

    @property
    def problem(self) -> Problem:
        """The first (main) problem."""
        return self.problems[0]

    @property
    def reason(self) -> str:
        """All problems, in words; a foreign character is named, since it may not show."""
        words = [_REASONS[p] for p in self.problems]
        if "foreign-character" in self.problems:
            words.insert(0, f"it holds {_name_foreign(self.text)}")
        return "; ".join(words)


def _calendar_date(y: str, m: str, d: str) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def parse(text: str) -> BetaName:
    """Parse a beta name, or raise `BetaNameError` with the reason and a correction."""
    match = _WELL_FORMED.fullmatch(text)
    if match:
        date = _calendar_date(match["y"], match["m"], match["d"])
        if date is not None:
            return BetaName(match["feature"], date)
        raise BetaNameError(text, ("invalid-date",), None)
    problems, corrected = _diagnose(text)
    raise BetaNameError(text, problems, corrected)


# The canonical or compact date that feature_of strips: matches "-2025-04-14" or "-20250219" at
# the end; not "-2025-4-14".
_FEATURE_TAIL = re.compile(r"-(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{8})$")


def feature_of(name: str) -> str:
    """The feature part of a name: the name minus its trailing date.

    `files-api-2025-04-14` → `files-api`; the exempt `claude-code-20250219` → `claude-code`;
    a name without a date is its own feature.
    """
    return _FEATURE_TAIL.sub("", name)


def is_well_formed(text: str) -> bool:
    """True when `parse` would succeed; no exception cost on the common path."""
    match = _WELL_FORMED.fullmatch(text)
    return match is not None and _calendar_date(match["y"], match["m"], match["d"]) is not None


def _diagnose(text: str) -> tuple[tuple[Problem, ...], str | None]:
    """Normalise step by step, recording each problem met; return the result if it parses."""
    problems: list[Problem] = []
    if not text.strip():
        return ("empty",), None
    name = text
    if not text.isascii():
        problems.append("foreign-character")
        name = _fold(text)
    # `extended-thinking-2024-11-01=true` (seen in hand-written headers): the API has no flags.
    head, eq, _value = name.partition("=")
    if eq and head.strip():
        problems.append("value-suffix")
        name = head
    if name != name.strip() or any(c.isspace() for c in name):
        problems.append("whitespace")
        name = "".join(name.split())
    if name != name.lower():
        problems.append("case")
        name = name.lower()
    if "_" in name or "." in name:
        problems.append("separator")
        name = name.replace("_", "-").replace(".", "-")
    # A trailing '-' after the date (`files-api-2025-04-14-`) is an empty part; one where the
    # date should be (`files-api-`) is a missing date, reported below.
    trailing = name.endswith("-") and _TAIL.search(name.rstrip("-")) is not None
    if "--" in name or name.startswith("-") or trailing:
        problems.append("empty-segment")
    name = re.sub(r"-{2,}", "-", name).strip("-")
    name = _fix_date_tail(name, problems)
    bad = re.findall(r"[^a-z0-9-]", name)
    if bad or not name[:1].isalpha():
        # A look-alike left by _fold is already named; repeat the ASCII rule only for others.
        if any(c.isascii() for c in bad) or (name[:1].isascii() and not name[:1].isalpha()):
            problems.append("bad-character")
        return tuple(dict.fromkeys(problems)), None
    match = _WELL_FORMED.fullmatch(name)
    if match is None:
        if not problems or problems[-1] not in ("date-digits", "date-format", "invalid-date"):
            problems.append("missing-date")
        return tuple(dict.fromkeys(problems)), None
    if _calendar_date(match["y"], match["m"], match["d"]) is None:
        problems.append("invalid-date")
        return tuple(dict.fromkeys(problems)), None
    return tuple(dict.fromkeys(problems)), name


# Dashes and minus signs that read as '-' (NFKC keeps most of them): matches "\u2013" (en
# dash) or "\u2212" (minus); not "-" or "_".
_DASH = re.compile("[\u2010-\u2015\u2043\u2212\ufe58\ufe63\uff0d]")
# Unicode categories of characters nobody sees: format (zero-width, bidi), marks, controls.
_INVISIBLE = frozenset({"Cf", "Mn", "Me", "Cc"})


def _fold(text: str) -> str:
    """`text` with the foreign characters that have one unambiguous ASCII reading replaced:
    compatibility forms (fullwidth U+FF46, the ligature U+FB01) by NFKC, dashes by '-',
    invisible characters removed. Look-alikes of other scripts (Cyrillic U+0430) stay."""
    folded = _DASH.sub("-", unicodedata.normalize("NFKC", text))
    return "".join(c for c in folded if unicodedata.category(c) not in _INVISIBLE)


def _name_foreign(text: str) -> str:
    """The first few non-ASCII characters of `text` by code point and name."""
    found = list(dict.fromkeys(c for c in text if not c.isascii()))
    shown = [f"U+{ord(c):04X} {unicodedata.name(c, 'unnamed character')}" for c in found[:3]]
    return ", ".join(shown) + (" and others" if len(found) > 3 else "")


def _fix_date_tail(name: str, problems: list[Problem]) -> str:
    """Rewrite a loose date tail (`2025-4-14`, `20250414`) into `2025-04-14`."""
    tail = _TAIL.search(name)
    if tail is None:
        return name
    raw = tail["date"]
    loose = _LOOSE_DATE.fullmatch(raw) or _COMPACT_DATE.fullmatch(raw)
    if loose is None:
        return name
    y, m, d = loose["y"], loose["m"], loose["d"]
    if "-" not in raw:
        problems.append("date-format")
    elif len(m) == 1 or len(d) == 1:
        problems.append("date-digits")
    else:
        return name
    if _calendar_date(y, m, d) is None:
        problems.append("invalid-date")
        return name
    return f"{name[: tail.start()]}-{y}-{int(m):02d}-{int(d):02d}"
