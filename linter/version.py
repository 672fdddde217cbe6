"""The tool's version: one definition, read by the facade, reports and `required-version`."""

__version__ = "0.1.0"
