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
    if any(marker in data for marker in _PREFILTER_EXACT):
        return True
    folded = data.lower()
    return any(marker in folded for marker in _PREFILTER_FOLDED)
