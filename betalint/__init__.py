"""betalint: lint anthropic-beta header names against a sourced registry.

The library API (DESIGN §10, a contract)::

    import betalint
    betalint.parse("files-api-2025-04-14")        # BetaName, or raises BetaNameError
    betalint.validate("files-api-2025-04-14")     # Verdict(kind, message, replacement, ...)
    betalint.check_header("a-2025-01-01, b-2025-02-02")   # list[Diagnostic]
    betalint.scan_text(text, path="x.py")         # list[Diagnostic]
    betalint.load_registry(extra=[...])           # Registry
    betalint.filter_betas(betas, platform="bedrock", model=m)   # FilterResult, at request time
    betalint.check_request(body, betas, platform="bedrock")   # list[CallProblem], call-level
    betalint.guard(client)                        # anthropic client that filters its betas

Attributes load on first use, so `import betalint` costs almost nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from betalint.linter.version import __version__

_EXPORTS = {
    "parse": "betalint.registry.grammar",
    "BetaName": "betalint.registry.grammar",
    "BetaNameError": "betalint.registry.grammar",
    "load_registry": "betalint.registry.loader",
    "Registry": "betalint.registry.model",
    "Verdict": "betalint.registry.validator",
    "validate": "betalint.api",
    "check_header": "betalint.api",
    "scan_text": "betalint.api",
    "Diagnostic": "betalint.linter.diagnostic",
    "BetalintError": "betalint.registry.errors",
    "filter_betas": "betalint.registry.request_filter",
    "filter_header": "betalint.registry.request_filter",
    "FilterResult": "betalint.registry.request_filter",
    "Dropped": "betalint.registry.request_filter",
    "UnknownBetaError": "betalint.registry.request_filter",
    "UnknownPolicy": "betalint.registry.request_filter",
    "check_request": "betalint.registry.request_check",
    "call_facts": "betalint.registry.request_check",
    "BetaCallError": "betalint.registry.request_check",
    "BetaCallWarning": "betalint.registry.request_check",
    "OnProblem": "betalint.registry.request_check",
    "CallFacts": "betalint.registry.call_check",
    "CallProblem": "betalint.registry.call_check",
    # anthropic SDK middleware: imports anthropic on first use only (extra betalint[anthropic])
    "middleware": "betalint.sdk_middleware",
    "guard": "betalint.sdk_middleware",
}

__all__ = [
    "BetaCallError",
    "BetaCallWarning",
    "BetaName",
    "BetaNameError",
    "BetalintError",
    "CallFacts",
    "CallProblem",
    "Diagnostic",
    "Dropped",
    "FilterResult",
    "OnProblem",
    "Registry",
    "UnknownBetaError",
    "UnknownPolicy",
    "Verdict",
    "__version__",
    "call_facts",
    "check_header",
    "check_request",
    "filter_betas",
    "filter_header",
    "guard",
    "load_registry",
    "middleware",
    "parse",
    "scan_text",
    "validate",
]

if TYPE_CHECKING:
    from betalint.api import check_header, scan_text, validate
    from betalint.linter.diagnostic import Diagnostic
    from betalint.registry.call_check import CallFacts, CallProblem
    from betalint.registry.errors import BetalintError
    from betalint.registry.grammar import BetaName, BetaNameError, parse
    from betalint.registry.loader import load_registry
    from betalint.registry.model import Registry
    from betalint.registry.request_check import (
        BetaCallError,
        BetaCallWarning,
        OnProblem,
        call_facts,
        check_request,
    )
    from betalint.registry.request_filter import (
        Dropped,
        FilterResult,
        UnknownBetaError,
        UnknownPolicy,
        filter_betas,
        filter_header,
    )
    from betalint.registry.validator import Verdict
    from betalint.sdk_middleware import guard, middleware


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'betalint' has no attribute {name!r}")
    from importlib import import_module  # here: `validate` never needs importlib (0.5 ms)

    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
