"""betalint.linter."""
