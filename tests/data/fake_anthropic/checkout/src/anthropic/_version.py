__title__ = "anthropic"
__version__ = "9.2.0"
