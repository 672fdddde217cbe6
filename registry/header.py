"""Split an anthropic-beta header value into names, as the API does."""

from __future__ import annotations

from collections.abc import Iterable


def split_header(value: str) -> list[str]:
    """The items of one header value (`"a, b"` → `["a", "b"]`); empty items dropped."""
    return [item.strip() for item in value.split(",") if item.strip()]


def names_in(values: Iterable[str]) -> list[str]:
    """Every name in a mix of names and header values."""
    return [item for value in values for item in split_header(value)]
