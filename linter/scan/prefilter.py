"""The byte prefilter: most files are rejected here, before decoding or loading the scanner."""

from __future__ import annotations

_PREFILTER_EXACT = (b"-20", b"_20")
_PREFILTER_FOLDED = (
    b"anthropic-beta",
    b"anthropic_beta",
    b"anthropicbeta",
    b"betas",
    b"addbeta",
    b"beta_headers",
    b"betaheaders",
)


def might_contain_beta(data: bytes) -> bool:
    """Cheap byte test before decoding: False only when no scan could find anything.

    Every candidate needs one of: a `-20`/`_20` date tail, an `anthropic-beta` or
    `ANTHROPIC_BETA` key, `betas`, `beta_headers`, `addBeta`, or the `AnthropicBeta` constant
    prefix.
    """
    return _passes(data, suppressions=False)


def might_matter(data: bytes) -> bool:
    """`might_contain_beta`, or a `betalint:` suppression comment (BL901 reports unused ones)."""
    return _passes(data, suppressions=True)


def _passes(data: bytes, *, suppressions: bool) -> bool:
    if any(marker in data for marker in _PREFILTER_EXACT):
        return True
    folded = data.lower()
    # Every folded marker holds `beta`, and so does `betalint:` once lowered: one search
    # rules them all out in most files.
    if b"beta" not in folded:
        return False
    if any(marker in folded for marker in _PREFILTER_FOLDED):
        return True
    return suppressions and b"betalint:" in data
