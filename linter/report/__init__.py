"""betalint.linter.report."""
