# Fake anthropic source checkout for betalint tests: never imported, only parsed.
