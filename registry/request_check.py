"""At request time: the call-level checks (`call_check`) on a request body and its betas.

`check_request` reads the body (`request_body.read_body`) and asks `call_check.check_call`
about the call twice: once as written (a beta the model rejects or ignores, a tool version
its beta does not match, a beta nothing uses), and once as it leaves after `filter_betas`
(a field or tool whose beta is missing, including one the filter dropped because the
platform refuses it: the message then says so). What the body does not tell stays silent.

`react` turns the problems into what the caller chose: warnings (`BetaCallWarning`, the
default: the request goes out as it would without the check), an exception
(`BetaCallError`, before anything is sent), or nothing. `additions` lists the betas a caller
who opted in (`add_missing=True`) may add: only the one beta the registry names for a gated
field or tool of the call, and only when the platform and model take it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import warnings
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Literal, cast, get_args

from betalint.registry.call_check import CallFacts, CallProblem, check_call, enablers
from betalint.registry.errors import BetalintError
from betalint.registry.request_body import BodyFacts, read_body, request_betas
from betalint.registry.request_filter import FilterResult, UnknownPolicy, filter_betas

if TYPE_CHECKING:
    from betalint.registry.model import Registry

__all__ = [
    "BetaCallError",
    "BetaCallWarning",
    "OnProblem",
    "additions",
    "call_facts",
    "check_on_problem",
    "check_request",
    "react",
]

OnProblem = Literal["warn", "raise", "ignore"]
_ON_PROBLEM: tuple[str, ...] = get_args(OnProblem)

# Kinds decided on the call as written, and kinds decided on what leaves after filtering.
_AS_WRITTEN = frozenset({"model-rejected", "model-no-effect", "tool-version-mismatch"})
_MISSING = frozenset({"field-without-beta", "tool-without-beta"})
# Kinds whose `suggested` beta `additions` may add: the call needs it and names its version.
_ADDABLE = frozenset({"field-without-beta", "tool-without-beta", "tool-version-mismatch"})


class BetaCallWarning(UserWarning):
    """A request whose betas do not fit its model, tools or body fields (`.problem`).

    A `UserWarning`, like the anthropic SDK's own warnings about a call's model; turn it into
    an error with `warnings.simplefilter("error", betalint.BetaCallWarning)`.
    """

    def __init__(self, problem: CallProblem) -> None:
        self.problem = problem
        super().__init__(f"betalint: {problem.message} [{problem.kind}]")

    def __reduce__(self) -> tuple[type[BetaCallWarning], tuple[CallProblem]]:
        return type(self), (self.problem,)  # pickled whole (a process pool, a log queue)


class BetaCallError(BetalintError, ValueError):
    """`on_problem="raise"` met a request that would fail; `.problems` lists every problem."""

    def __init__(self, problems: Sequence[CallProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("request not sent: " + "; ".join(p.message for p in self.problems))

    def __reduce__(self) -> tuple[type[BetaCallError], tuple[tuple[CallProblem, ...]]]:
        return type(self), (self.problems,)


def check_on_problem(on_problem: str) -> OnProblem:
    """`on_problem` as a reaction; ValueError (at set-up, not per request) for anything else."""
    if on_problem in _ON_PROBLEM:
        return cast(OnProblem, on_problem)
    raise ValueError(f"on_problem= takes one of {', '.join(_ON_PROBLEM)}, not {on_problem!r}")


def call_facts(
    body: object, betas: Iterable[object] = (), *, model: str | None = None
) -> CallFacts:
    """The `CallFacts` of one request: `body` as the SDK or gateway holds it, `betas` the
    `anthropic-beta` header values (each may be comma-joined); `model` wins over the body's
    (a gateway knows the deployment's). Never raises on an odd body."""
    facts = read_body(body)
    return _facts(facts, request_betas(betas, facts), model or facts.model, facts.betas_complete)


def check_request(
    body: object,
    betas: Iterable[object] = (),
    *,
    platform: str,
    model: str | None = None,
    unknown: UnknownPolicy = "drop",
    unused: bool = False,
    registry: Registry | None = None,
    today: dt.date | None = None,
) -> list[CallProblem]:
    """The call-level problems of one request to `platform` (e.g. "bedrock").

    `body` is the JSON body (a Mapping; anything else reads as unknown), `betas` the header
    values. Problems of what leaves are judged after `filter_betas(..., unknown=unknown)`, as
    the middleware and the recipes send it (`"raise"` reads as `"keep"` here: the filter
    raises before anything is sent). `unused=True` adds the informational kind
    "beta-unused". Raises `PlatformError` for a platform betalint does not know.
    """
    if registry is None:
        from betalint.registry.loader import shipped_registry

        registry = shipped_registry()
    day = today or dt.date.today()
    facts = read_body(body)
    written = request_betas(betas, facts)
    model = model or facts.model
    policy: UnknownPolicy = "keep" if unknown == "raise" else unknown  # the filter raises first
    result = filter_betas(
        written, platform=platform, model=model, unknown=policy, registry=registry, today=day
    )
    complete = facts.betas_complete
    as_written = check_call(
        _facts(facts, written, model, complete), registry, platform=platform, today=day
    )
    kept = _as_written(result)
    # An unknown name that is kept might be the one that enables a field: say nothing then.
    leaving_complete = complete and all(name in registry for name in kept)
    leaving = (
        as_written
        if (kept, leaving_complete) == (written, complete)
        else check_call(
            _facts(facts, kept, model, leaving_complete), registry, platform=platform, today=day
        )
    )
    found = [
        _with_fate(p, result)
        for p in as_written
        if p.kind in _AS_WRITTEN or (unused and p.kind == "beta-unused")
    ]
    # A tool already reported as a version mismatch is not reported again as lacking a beta.
    said = {p.subject for p in found if p.kind == "tool-version-mismatch"}
    found += [
        _with_drop(p, result, registry)
        for p in leaving
        if p.kind in _MISSING and not (p.kind == "tool-without-beta" and p.subject in said)
    ]
    return found


def react(problems: Sequence[CallProblem], on_problem: OnProblem, *, stacklevel: int = 2) -> None:
    """Warn about each problem (`"warn"`); under `"raise"`, raise `BetaCallError` for the
    errors when there are any (the request is not sent), else warn; `"ignore"`: nothing."""
    if on_problem == "ignore" or not problems:
        return
    if on_problem == "raise":
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            raise BetaCallError(errors)
    for problem in problems:
        warnings.warn(BetaCallWarning(problem), stacklevel=stacklevel + 1)


def additions(
    problems: Sequence[CallProblem],
    *,
    platform: str,
    model: str | None,
    registry: Registry,
    today: dt.date | None = None,
) -> dict[str, str]:
    """The betas to add for `problems` (`add_missing=True`): each problem's one `suggested`
    beta for a gated field or tool → the name to send for it on `platform` (its own name, or
    the platform's), when the platform and model take it. A name the filter would drop is
    never added, nor one that supersedes a beta the call sends (the fix is an upgrade)."""
    found: dict[str, str] = {}
    for problem in problems:
        wanted = problem.suggested
        if problem.kind not in _ADDABLE or wanted is None or wanted in found:
            continue
        if problem.replaces is not None:
            continue  # the fix is upgrading a sent beta: that changes what the caller wrote
        result = filter_betas(
            [wanted], platform=platform, model=model, unknown="drop", registry=registry, today=today
        )
        if result.names:
            found[wanted] = result.names[0]
    return found


def _facts(facts: BodyFacts, betas: Sequence[str], model: str | None, complete: bool) -> CallFacts:
    fields = frozenset(facts.fields) if facts.fields is not None else None
    return CallFacts(
        model, tuple(betas), facts.tools, fields, facts.tools_seen, betas_complete=complete
    )


def _as_written(result: FilterResult) -> tuple[str, ...]:
    """The names the filter keeps, each as the caller wrote it (a mapped name is the
    platform's name for the same beta, so the registry's data is the written name's)."""
    written_as = {sent: written for written, sent in result.mapped}
    return tuple(dict.fromkeys(written_as.get(name, name) for name in result.names))


def _with_fate(problem: CallProblem, result: FilterResult) -> CallProblem:
    """A model problem whose beta the filter drops says so: the request itself still works."""
    if problem.kind not in ("model-rejected", "model-no-effect"):
        return problem
    if not any(d.name == problem.beta and d.cause == "model" for d in result.dropped):
        return problem
    return dataclasses.replace(problem, message=f"{problem.message}; betalint's filter drops it")


def _with_drop(problem: CallProblem, result: FilterResult, registry: Registry) -> CallProblem:
    """`problem` with the reason the filter dropped the beta that would have enabled it."""
    subject = problem.subject
    if subject is None:
        return problem
    if problem.kind == "field-without-beta":
        gates = set(enablers(registry, field=subject))
    else:
        gates = set(enablers(registry, tool=subject))
    why = [f"{d.name} was dropped ({d.reason})" for d in result.dropped if d.name in gates]
    if not why:
        return problem
    return dataclasses.replace(problem, message=f"{problem.message}; {'; '.join(why)}")
