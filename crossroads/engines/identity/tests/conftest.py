"""Shared people for the identity engine's tests, named once and reused."""

from __future__ import annotations

import pytest

from crossroads.engines.identity import PersonRecord


@pytest.fixture
def rakhimov_cyrillic() -> PersonRecord:
    return PersonRecord("kz-1", "Мухаммад", "Рахимов", "", "1990-01-01", "M", "AF")


@pytest.fixture
def rakhimov_passport() -> PersonRecord:
    return PersonRecord("unhcr-1", "MOHAMMAD", "RAKHIMOV", "", "1990", "M", "AF")


@pytest.fixture
def rakhimov_dari() -> PersonRecord:
    return PersonRecord("af-1", "محمد", "رحیموف", "", "1990-01-01", "M", "AF")
