"""Placeholder until the screening engine branch lands (vocabularies only)."""
