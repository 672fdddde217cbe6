"""betalint.registry."""
