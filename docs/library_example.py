"""betalint as a library: validate a name, check a header value, scan source text.

Run it: python docs/library_example.py (tests/test_library_example.py does, and checks what
it prints). The same code is in the README's "Library" section.
"""

import datetime as dt

import betalint

TODAY = dt.date(2026, 11, 24)  # judge lifecycles as of a fixed day, so the output is stable

# One name: what is it, and what should be written instead?
for name in ["interleaved-thinking-2025-05-14", "files-api-2025-4-14", "prompt-caching-2024-07-31"]:
    verdict = betalint.validate(name, today=TODAY)
    print(f"{verdict.kind:<10} {verdict.message}")

# A whole anthropic-beta header value: each name, duplicates, conflicts, header syntax.
header = "interleaved-thinking-2025-05-14, interleaved-thinking-2025-05-14"
for d in betalint.check_header(header, today=TODAY):
    print(f"header column {d.column}: {d.code} {d.message}")

# Source text; the path's suffix picks the language. Offsets and fixes index `source`.
source = """client.beta.messages.create(
    model="claude-sonnet-4-5",
    betas=["interleaved-thinking-2025-5-14"],
)
"""
for d in betalint.scan_text(source, path="app.py", today=TODAY):
    fixed = d.fix.replacement if d.fix else None
    print(f"app.py:{d.line}:{d.column}: {d.code} {d.name} -> {fixed}")
