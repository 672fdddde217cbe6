"""betalint.linter.rules."""
