"""The gate is a correlated EXISTS on the row being read, never a list of every person
the agency may see (which costs as much as the register at every read)."""

from __future__ import annotations

import pytest

from crossroads.access.gate import persons_visible_to, visible_persons_q

pytestmark = pytest.mark.django_db


def test_the_list_filter_is_a_correlated_exists(kg_border_officer):
    sql = str(persons_visible_to(kg_border_officer).query).upper()
    assert "EXISTS" in sql
    assert " IN (SELECT" not in sql


def test_a_filter_through_a_person_field_is_correlated_too(kg_border_officer, register):
    from crossroads.screening.models import Screening

    sql = str(
        Screening.objects.filter(visible_persons_q(kg_border_officer, prefix="person")).query
    ).upper()
    assert "EXISTS" in sql
    assert " IN (SELECT" not in sql


def test_prefix_and_plain_filters_agree(kg_border_officer, kg_migration_caseworker, register):
    from crossroads.registry.models import FamilyLink, Person

    mine = register(kg_border_officer)
    theirs = register(kg_migration_caseworker)
    FamilyLink.objects.create(person=mine, relative=theirs, relation="sibling")
    FamilyLink.objects.create(person=theirs, relative=mine, relation="sibling")
    visible = set(persons_visible_to(kg_border_officer).values_list("pk", flat=True))
    assert visible == {mine.pk}
    through = FamilyLink.objects.filter(visible_persons_q(kg_border_officer, prefix="person"))
    assert {link.person_id for link in through} == visible
    assert Person.objects.count() == 2
