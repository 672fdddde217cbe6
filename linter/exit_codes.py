"""The exit codes (a contract, as ruff's): 0 nothing found, 1 findings remain, 2 usage,
config, registry or I/O error, 130 interrupted. Their one definition; no imports, so the
click-free `validate` path (`linter/fast.py`) shares it at no cost."""

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130
