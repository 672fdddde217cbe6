"""JUnit XML for CI test tabs: a testsuite per file, a failing testcase per finding and a
passing one per clean file (ruff's shape), so `tests`, `failures` and the passed count that
viewers derive from them add up."""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence

from betalint.linter.diagnostic import Diagnostic
from betalint.linter.report.escape import printable
from betalint.linter.report.meta import ReportMeta, url_of

# Characters XML 1.0 cannot carry at all, even escaped (`printable` took the controls).
_INVALID_XML = re.compile("[\ufffe\uffff\ud800-\udfff]")
CLEAN_CASE = "no findings"


def _clean(text: str) -> str:
    return _INVALID_XML.sub("\ufffd", printable(text))


def render(diagnostics: Sequence[Diagnostic], meta: ReportMeta) -> str:
    """A `<testsuites>` document; a run that read no file at all is one passing testcase."""
    by_file: dict[str, list[Diagnostic]] = {meta.path(p): [] for p in meta.checked}
    for d in diagnostics:
        by_file.setdefault(meta.path(d.path), []).append(d)
    if not by_file:
        by_file[meta.tool_name] = []
    root = ET.Element("testsuites", {"name": meta.tool_name})
    for path in sorted(by_file):
        _suite(root, path, by_file[path], meta)
    _count(root, root.findall("testsuite"))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _suite(root: ET.Element, path: str, found: list[Diagnostic], meta: ReportMeta) -> None:
    shown = _clean(path)
    suite = ET.SubElement(root, "testsuite", {"name": shown})
    classname = _clean(os.path.splitext(path)[0])  # viewers split classnames at dots
    if not found:
        ET.SubElement(suite, "testcase", name=CLEAN_CASE, classname=classname, file=shown)
    seen: Counter[str] = Counter()
    for d in found:
        # Named by code and name, not line: a test's history survives edits above it.
        name = f"{d.code} {d.name}"
        seen[name] += 1
        if seen[name] > 1:
            name = f"{name} ({seen[name]})"
        attrs = {"name": _clean(name), "classname": classname, "file": shown, "line": str(d.line)}
        case = ET.SubElement(suite, "testcase", attrs)
        message = _clean(f"{d.code} {d.message}")
        failure = ET.SubElement(case, "failure", message=message, type=d.code)
        failure.text = (
            f"{shown}:{d.line}:{d.column}: {message}\n"
            f"rule: {d.rule} ({d.severity}); see {_clean(url_of(d))}"
        )
    _count(suite, [suite])


def _count(element: ET.Element, suites: list[ET.Element]) -> None:
    """tests/failures/errors/skipped on a testsuite (from its cases) or on the root."""
    cases = [c for s in suites for c in s.findall("testcase")]
    failures = sum(1 for c in cases if c.find("failure") is not None)
    element.set("tests", str(len(cases)))
    element.set("failures", str(failures))
    element.set("errors", "0")
    element.set("skipped", "0")
