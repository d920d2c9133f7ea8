"""Crossroads: registration, screening, referral and case work for mixed migration flows."""

__version__ = "0.1.0"
