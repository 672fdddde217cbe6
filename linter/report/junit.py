"""JUnit XML: one testsuite, a testcase per file, a failure per finding (CI test tabs)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from betalint.linter.diagnostic import Diagnostic
from betalint.linter.report.meta import ReportMeta, posix_path, url_of

# Characters XML 1.0 cannot carry at all, even escaped (a path may hold them).
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _clean(text: str) -> str:
    return _INVALID_XML.sub("\ufffd", text)


def render(diagnostics: Sequence[Diagnostic], meta: ReportMeta) -> str:
    """A `<testsuites>` document; a clean run is one passing testcase."""
    by_file: dict[str, list[Diagnostic]] = {}
    for d in diagnostics:
        by_file.setdefault(posix_path(d.path), []).append(d)
    tests = max(len(by_file), 1)
    counts = {"tests": str(tests), "failures": str(len(diagnostics)), "errors": "0"}
    root = ET.Element("testsuites", {"name": meta.tool_name, **counts})
    suite = ET.SubElement(root, "testsuite", {"name": meta.tool_name, "skipped": "0", **counts})
    if not by_file:
        ET.SubElement(suite, "testcase", name=meta.tool_name, classname=meta.tool_name)
    for path, found in by_file.items():
        case = ET.SubElement(suite, "testcase", name=_clean(path), classname=meta.tool_name)
        for d in found:
            failure = ET.SubElement(
                case, "failure", message=_clean(f"{d.code} {d.message}"), type=d.code
            )
            failure.text = _clean(
                f"{path}:{d.line}:{d.column}: {d.code} {d.message}\n"
                f"rule: {d.rule} ({d.severity}); see {url_of(d)}"
            )
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
