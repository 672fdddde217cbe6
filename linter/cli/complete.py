"""Shell completion for the command line (click's `shell_complete`), and the
`--output-format FORMAT[:PATH]` parameter type.

Completion runs on every Tab press, so each source is cheap: rule codes come from the rule
table, platform names from the registry's platform list, never from a scan.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click
from click.shell_completion import CompletionItem

from betalint.registry.errors import BetalintError

F = TypeVar("F", bound=Callable[..., Any])


def rule_codes(
    _ctx: click.Context, _param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """Rule codes and their family prefixes (`BL`, `BL1`, `BL101`), for `--select`,
    `--ignore`, `--extend-select`; after a comma, the next code of the list."""
    from betalint.linter.rules import RULES

    head, _, last = incomplete.rpartition(",")
    lead = f"{head}," if head else ""
    choices = {"BL": "every rule"}
    for code, rule in sorted(RULES.items()):
        choices.setdefault(code[:3], f"the {code[:3]}x rules")
        choices[code] = rule.summary
    return [
        CompletionItem(lead + code, help=text)
        for code, text in choices.items()
        if code.startswith(last.upper())
    ]


def codes_option(name: str, help_text: str) -> Callable[[F], F]:
    """A repeatable `CODES` option (comma lists allowed) that completes rule codes."""
    option: Callable[[F], F] = click.option(
        name, multiple=True, metavar="CODES", shell_complete=rule_codes, help=help_text
    )
    return option


def rule_names(
    _ctx: click.Context, _param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """Rule codes and rule names, for `explain CODE`."""
    from betalint.linter.rules import RULES

    items = [CompletionItem(c, help=r.summary) for c, r in sorted(RULES.items())]
    items += [CompletionItem(r.name, help=c) for c, r in sorted(RULES.items())]
    return [i for i in items if i.value.lower().startswith(incomplete.lower())]


def platforms(
    _ctx: click.Context, _param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """Platform targets for `--platform`: each platform and `platform:endpoint` (after a
    comma, the next one of the list)."""
    from betalint.registry.platforms import PLATFORMS, parse_target

    head, _, last = incomplete.rpartition(",")
    lead = f"{head}," if head else ""
    targets = [parse_target(p) for p in PLATFORMS]
    targets += [parse_target(f"{p}:{e}") for p, info in PLATFORMS.items() for e in info.endpoints]
    return [
        CompletionItem(lead + str(t), help=t.display)
        for t in targets
        if str(t).startswith(last.lower())
    ]


# click >= 8.2 makes ParamType generic; subscripting it would break click 8.1 at import.
class OutputFormat(click.ParamType):  # type: ignore[type-arg]
    """`FORMAT` or `FORMAT:PATH`; completes the format names."""

    name = "FORMAT[:PATH]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from betalint.linter.report.outputs import Output, parse_output

        if isinstance(value, Output):
            return value
        try:
            return parse_output(str(value))
        except BetalintError as exc:
            self.fail(str(exc).removeprefix("--output-format "), param, ctx)

    def shell_complete(
        self, ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[CompletionItem]:
        from betalint.linter.report import FORMATS

        if ":" in incomplete:  # FORMAT:PATH: complete the path as a file
            return [CompletionItem(incomplete, type="file")]
        return [CompletionItem(f) for f in FORMATS if f.startswith(incomplete.lower())]
