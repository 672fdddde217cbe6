"""betalint: lint anthropic-beta header names."""
