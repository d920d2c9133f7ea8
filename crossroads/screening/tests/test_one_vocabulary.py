"""Each vocabulary is written once: the product's labels and mappings cover exactly the
engines' codes, so a code added to an engine cannot go unlabelled."""

from __future__ import annotations

from crossroads.engines.screening import Sex as EngineSex
from crossroads.engines.screening.record import INDICATOR_FLAGS
from crossroads.registry.vocab import SEX_CODES, Sex
from crossroads.screening.vocab import INDICATOR_LABELS


def test_every_indicator_of_the_record_has_a_label():
    assert set(INDICATOR_FLAGS) | {"forced_labour", "exploitation"} == set(INDICATOR_LABELS)


def test_the_registers_sex_maps_onto_the_screening_records_codes_one_to_one():
    assert set(SEX_CODES) == set(Sex.values)
    assert set(SEX_CODES.values()) == {code.value for code in EngineSex}
