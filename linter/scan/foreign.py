"""Characters a beta name cannot hold: which ones, where, and their ASCII stand-ins (BL104).

A name is `[a-z0-9-]`; uppercase, `_`, `.` and `=` are grammar findings (BL101). Everything else
inside a name the scanner found (a Cyrillic a U+0430, a zero-width space, a fullwidth digit, an
en dash, an RTL override, a combining mark, a `/`) is foreign: the API rejects the name, and
the reader cannot see why. Source escapes (`\\u200b`, `\\x{AD}`) count as the character they
write, since that is what is sent.

A stand-in is offered only where it is unambiguous: a look-alike letter or digit becomes
its ASCII twin, a dash becomes `-`, an invisible character is removed. Anything else (`/`,
an ideograph, an emoji) has none, and the finding carries no fix.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = [
    "Foreign",
    "describe",
    "fold",
    "foreign_chars",
    "is_foreign",
    "skeleton",
    "weak_joinable",
]

# Characters the grammar reports itself (BL101): uppercase, `_`, `.`, and the `=flag` suffix
# of a header item (`name=true`).
_NAME_ASCII = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-=")
_ESCAPE = re.compile(
    r"\\(?:u\{(?P<b>[0-9A-Fa-f]{1,6})\}|x\{(?P<xb>[0-9A-Fa-f]{1,6})\}"
    r"|u(?P<hi>[dD][89abAB][0-9A-Fa-f]{2})\\u(?P<lo>[dD][c-fC-F][0-9A-Fa-f]{2})"
    r"|u(?P<u>[0-9A-Fa-f]{4})|U(?P<U>[0-9A-Fa-f]{8})|x(?P<x>[0-9A-Fa-f]{2}))"
)
# Look-alikes that no normalisation maps (Cyrillic and Greek letters, a few symbols).
_CONFUSABLES = dict(
    zip(
        "аеорсухіјѕԁһԛԝӏкАВЕКМНОРСТХУІЈЅαοεικνρτυχΑΒΕΖΗΙΚΜΝΟΡΤΥΧıℓ",
        "aeopcyxijsdhqwlkABEKMHOPCTXYIJSaoeikvptuxABEZHIKMNOPTYXil",
        strict=True,
    )
)
# Dashes and minus signs that read as '-'.
_DASHES = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\ufe58\ufe63\uff0d")
_REMOVED_CATEGORIES = frozenset({"Cf", "Mn", "Me", "Cc", "Zs", "Zl", "Zp"})


@dataclass(frozen=True, slots=True)
class Foreign:
    """One foreign character of a written name."""

    offset: int  # where it starts in the written text
    length: int  # how many characters of the written text it takes (an escape takes several)
    char: str  # the code point it stands for
    stand_in: str | None  # ASCII replacement ("" = remove it), None = no unambiguous one


def is_foreign(written: str) -> bool:
    """Cheap test: does the text hold anything outside the token characters?"""
    return not _NAME_ASCII.issuperset(written)


def _stand_in(char: str) -> str | None:
    if char in _DASHES:
        return "-"
    if char in _CONFUSABLES:
        return _CONFUSABLES[char]
    if unicodedata.category(char) in _REMOVED_CATEGORIES:
        return ""
    # Fullwidth letters and digits, ligatures, accented letters: their compatibility
    # decomposition without combining marks.
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    base = "".join(_CONFUSABLES.get(c, c) for c in base)
    if base and base.isascii() and base.replace("-", "").isalnum():
        return base
    return None


def weak_joinable(char: str) -> bool:
    """May `char` be part of a weak token? Only an invisible character (format, combining),
    a dash or a look-alike letter or fullwidth form: never a space, a control or an accented
    letter of a word in another language written against a name."""
    if char.isascii():
        return False
    if char in _DASHES or char in _CONFUSABLES or "\uff01" <= char <= "\uff5e":
        return True
    return unicodedata.category(char) in ("Cf", "Mn", "Me")


def _escaped_code(escape: re.Match[str]) -> str | None:
    """The hex code point an escape writes (a surrogate pair of `\\u` escapes is one)."""
    if escape.group("hi") is not None:
        high, low = int(escape.group("hi"), 16), int(escape.group("lo"), 16)
        return f"{0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00):X}"
    return next((g for g in escape.groups() if g), None)


def foreign_chars(written: str) -> list[Foreign]:
    """The foreign characters of `written`, in order; empty for a name of token characters."""
    if not is_foreign(written):
        return []
    found: list[Foreign] = []
    i = 0
    while i < len(written):
        char = written[i]
        if char in _NAME_ASCII:
            i += 1
            continue
        escape = _ESCAPE.match(written, i) if char == "\\" else None
        code = _escaped_code(escape) if escape else None
        if escape is not None and code is not None and int(code, 16) <= 0x10FFFF:
            decoded = chr(int(code, 16))
            stand_in = decoded if decoded in _NAME_ASCII else _stand_in(decoded)
            found.append(Foreign(i, escape.end() - i, decoded, stand_in))
            i = escape.end()
            continue
        found.append(Foreign(i, 1, char, None if char.isascii() else _stand_in(char)))
        i += 1
    return found


def fold(written: str, found: list[Foreign]) -> str | None:
    """`written` with every foreign character replaced by its stand-in; None when one has
    none. A look-alike takes the case of the name's ASCII letters when they are all lower."""
    parts: list[str] = []
    pos = 0
    lower = not any(c.isupper() for c in written if c.isascii())
    for f in found:
        if f.stand_in is None:
            return None
        parts.append(written[pos : f.offset])
        parts.append(f.stand_in.lower() if lower else f.stand_in)
        pos = f.offset + f.length
    parts.append(written[pos:])
    return "".join(parts)


def describe(char: str) -> str:
    """`U+0430 CYRILLIC SMALL LETTER A`; unnamed code points (controls) by their category."""
    name = unicodedata.name(char, "")
    if not name:
        category = unicodedata.category(char)
        name = "<control>" if category == "Cc" else f"<unnamed, category {category}>"
    return f"U+{ord(char):04X} {name}"


def skeleton(written: str, *, stand_ins: bool = True) -> str:
    """`written` with each foreign character as its stand-in (or dropped: with `stand_ins`
    False, or when it has none): the shape the scanner tests for name-likeness."""
    parts: list[str] = []
    pos = 0
    for f in foreign_chars(written):
        parts.append(written[pos : f.offset])
        parts.append((f.stand_in or "") if stand_ins else "")
        pos = f.offset + f.length
    parts.append(written[pos:])
    return "".join(parts)
