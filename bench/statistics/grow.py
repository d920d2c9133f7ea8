"""Grows one state (Kyrgyzstan, KG) to N registrations with what statistics read.

The rows are copies of rows the product itself made: `seed_demo` registers the demo
people, screens five of each state's through the screening engine, sends their referrals,
accepts them and opens the cases behind them; one more screening of a person with no
need found is made the same way. Those screenings, referrals and cases are the templates:
each bulk person gets a screening copied from one of them (with its referrals and, where
the template has one, its case), with new ids and references, times spread over the last
twelve months, and varied what statistics count (sex, birth date, nationality, place,
answer times and statuses, case progress and first decisions).

Every column statistics read is as the product writes it, the permanent key included
(`crossroads.statistics.keys`); what statistics never read is not made for the bulk
(name-search and identity keys, grants, audit rows, consents). Run inside Django.
"""

from __future__ import annotations

import copy
import datetime as dt
import random
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

#: share of people whose screening finds no need (the rest copy a demo screening)
NO_NEED_SHARE = 0.8
PLACES = {
    "border": ["Dostuk", "Torugart", "Irkeshtam", "Kyzyl-Kiya"],
    "airport": ["Manas", "Osh airport"],
    "inland": ["Bishkek", "Osh", "Jalal-Abad"],
    "reception": ["Bishkek reception centre"],
}
CHUNK = 5000


@contextmanager
def _times_as_given() -> Iterator[None]:
    """Bulk rows keep the times they are given (not the moment they are written)."""
    from crossroads.cases.models import Case, CaseTransition
    from crossroads.referrals.models import Referral
    from crossroads.registry.models import Person
    from crossroads.screening.models import Screening

    fields = [
        Person._meta.get_field("registered_at"),
        Person._meta.get_field("updated_at"),
        Screening._meta.get_field("screened_at"),
        Referral._meta.get_field("sent_at"),
        Case._meta.get_field("opened_at"),
        CaseTransition._meta.get_field("at"),
    ]
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]  # type: ignore[union-attr]
    for f in fields:
        f.auto_now = f.auto_now_add = False  # type: ignore[union-attr]
    try:
        yield
    finally:
        for f, now, add in saved:
            f.auto_now, f.auto_now_add = now, add  # type: ignore[union-attr]


def templates() -> dict[str, Any]:
    """The demo's rows of KG, made by the product (seeding them when missing)."""
    from django.utils import timezone

    from crossroads.accounts.models import User
    from crossroads.cases.models import Case
    from crossroads.demo.seed import seed_demo
    from crossroads.referrals.models import Referral
    from crossroads.registry.models import Person
    from crossroads.screening.actions import screen_person
    from crossroads.screening.models import Screening

    if not Screening.objects.filter(country_id="KG").exists():
        seed_demo()
    officer = User.objects.get(username="kg-officer")
    plain = Screening.objects.filter(country_id="KG", need_codes="").first()
    if plain is None:
        person = Person.objects.filter(registered_by=officer).order_by("reference").last()
        assert person is not None
        plain = screen_person(
            acting_user=officer,
            person_id=person.pk,
            record_data={
                "country": "KG",
                "date": timezone.localdate().isoformat(),
                "location": {"kind": "border"},
                "person": {"stay": "regular"},
                "statements": {"purpose": "transit"},
            },
        )
    with_needs = list(
        Screening.objects.filter(country_id="KG").exclude(need_codes="").order_by("reference")
    )
    referrals = {
        s.pk: list(Referral.objects.filter(screening=s).order_by("reference")) for s in with_needs
    }
    cases = {
        r.pk: list(Case.objects.filter(opened_from=r)) for rs in referrals.values() for r in rs
    }
    return {
        "plain": plain,
        "with_needs": with_needs,
        "referrals": referrals,
        "cases": cases,
        "officer": officer,
    }


def grow(target: int, seed: int = 14, say: Callable[[str], None] = print) -> dict[str, int]:
    """Adds bulk people to KG until it has `target` registrations (demo ones included)."""
    from django.db import transaction
    from django.utils import timezone

    from crossroads.cases.models import Case, CaseTransition
    from crossroads.cases.workflows import WORKFLOWS
    from crossroads.cases.workflows.base import SOLUTION_STATUSES
    from crossroads.referrals.models import Referral
    from crossroads.registry.models import Person
    from crossroads.screening.models import Screening
    from crossroads.statistics.cellkey import record_key
    from crossroads.statistics.keys import place_of, statistics_secret

    made = templates()
    have = Person.objects.filter(country_id="KG").count()
    if have >= target:
        return {"people": have, "added": 0}
    secret = statistics_secret()
    rng = random.Random(seed * 1_000_003 + have)
    officer = made["officer"]
    agency_id = officer.agency_id
    now = timezone.now()
    first = now - dt.timedelta(days=365)
    span = int((now - first).total_seconds()) - 7 * 86400
    solutions = [code for code, _label in SOLUTION_STATUSES] + ["", ""]
    decisions = {"asylum": "decide", "child_protection": "determine_best_interests"}
    began = time.perf_counter()
    counts = {"people": 0, "screenings": 0, "referrals": 0, "cases": 0, "transitions": 0}
    number = have
    with _times_as_given():
        while number < target:
            size = min(CHUNK, target - number)
            people, screenings, referrals, cases, transitions = [], [], [], [], []
            for _ in range(size):
                number += 1
                registered = first + dt.timedelta(seconds=rng.randrange(span))
                year = rng.randint(1960, 2025)
                shape = rng.random()
                birth = (
                    f"{year}"
                    if shape < 0.25
                    else f"{year}-{rng.randint(1, 12):02d}"
                    if shape < 0.35
                    else f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                    if shape < 0.97
                    else ""
                )
                nationalities = rng.choice(
                    [["AF"], ["AF"], ["TJ"], ["UZ"], ["IR"], ["KG"], ["AF", "TJ"], []]
                )
                person_id = uuid.UUID(int=rng.getrandbits(128), version=4)
                people.append(
                    Person(
                        id=person_id,
                        reference=f"KG-B{number:010d}",
                        country_id="KG",
                        family_name=f"P{number}",
                        name_script="Latn",
                        birth_date=birth,
                        birth_date_precision=(
                            "year" if len(birth) == 4 else "month" if len(birth) == 7 else "day"
                        )
                        if birth
                        else "unknown",
                        sex=rng.choice(["female", "male", "male", "other", "unknown"]),
                        nationalities=nationalities,
                        registering_agency_id=agency_id,
                        registered_by=officer,
                        registered_at=registered,
                        updated_at=registered,
                        cell_key=record_key(secret, "person", person_id),
                    )
                )
                template = (
                    made["plain"]
                    if rng.random() < NO_NEED_SHARE
                    else rng.choice(made["with_needs"])
                )
                screened = registered + dt.timedelta(minutes=rng.randint(5, 240))
                record = copy.deepcopy(template.record)
                record["date"] = screened.date().isoformat()
                location = record.setdefault("location", {})
                kind = location.get("kind", "border")
                if rng.random() < 0.9:
                    location["name"] = rng.choice(PLACES.get(kind, ["Bishkek"]))
                screening_id = uuid.UUID(int=rng.getrandbits(128), version=4)
                place_kind, place_name = place_of(record)
                screenings.append(
                    Screening(
                        id=screening_id,
                        reference=f"KG-SB{number:010d}",
                        person_id=person_id,
                        country_id="KG",
                        agency_id=template.agency_id,
                        screened_by_id=template.screened_by_id,
                        screened_at=screened,
                        record=record,
                        result=template.result,
                        pack_version=template.pack_version,
                        cell_key=record_key(secret, "screening", screening_id),
                        need_codes=template.need_codes,
                        location_kind=place_kind,
                        location_name=place_name,
                    )
                )
                for n, sent in enumerate(made["referrals"].get(template.pk, [])):
                    referral_id = uuid.UUID(int=rng.getrandbits(128), version=4)
                    sent_at = screened + dt.timedelta(minutes=rng.randint(1, 60))
                    answer = rng.random()
                    status = "accepted" if answer < 0.45 else "declined" if answer < 0.6 else "sent"
                    answered_at = (
                        sent_at + dt.timedelta(minutes=rng.randint(20, 14 * 24 * 60))
                        if status != "sent"
                        else None
                    )
                    if answered_at is not None and answered_at > now:
                        answered_at, status = None, "sent"
                    referrals.append(
                        Referral(
                            id=referral_id,
                            reference=f"KG-RB{number:010d}{n}",
                            person_id=person_id,
                            screening_id=screening_id,
                            pathway=sent.pathway,
                            needs=sent.needs,
                            safeguards=sent.safeguards,
                            priority=sent.priority,
                            deadline_at=sent_at + (sent.deadline_at - sent.sent_at),
                            from_agency_id=sent.from_agency_id,
                            to_agency_id=sent.to_agency_id,
                            sent_by_id=sent.sent_by_id,
                            sent_at=sent_at,
                            status=status,
                            answered_by_id=sent.answered_by_id if answered_at else None,
                            answered_at=answered_at,
                            decline_reason="Not for this agency." if status == "declined" else "",
                            cell_key=record_key(secret, "referral", referral_id),
                        )
                    )
                    if status != "accepted" or answered_at is None:
                        continue
                    for case in made["cases"].get(sent.pk, []):
                        case_id = uuid.UUID(int=rng.getrandbits(128), version=4)
                        opened = answered_at + dt.timedelta(minutes=rng.randint(5, 600))
                        if opened > now:
                            continue
                        workflow = WORKFLOWS.get(case.type)
                        states = list(workflow.state_codes) if workflow else [case.state]
                        protection = bool(workflow and workflow.protection)
                        cases.append(
                            Case(
                                id=case_id,
                                reference=f"KG-CB{number:010d}{n}",
                                type=case.type,
                                variant=case.variant,
                                person_id=person_id,
                                agency_id=case.agency_id,
                                assignee_id=case.assignee_id,
                                state=rng.choice(states),
                                opened_at=opened,
                                opened_by_id=case.opened_by_id,
                                opened_from_id=referral_id,
                                deadlines=_shifted(case.deadlines, opened - case.opened_at),
                                missed_deadlines=[],
                                durable_solution_status=rng.choice(solutions) if protection else "",
                                summary=case.summary,
                                cell_key=record_key(secret, "case", case_id),
                            )
                        )
                        decision = decisions.get(case.type)
                        if decision and rng.random() < 0.5:
                            at = opened + dt.timedelta(hours=rng.randint(24, 24 * 120))
                            if at < now:
                                transitions.append(
                                    CaseTransition(
                                        case_id=case_id,
                                        name=decision,
                                        from_state=case.state,
                                        to_state=case.state,
                                        by_id=case.opened_by_id,
                                        at=at,
                                    )
                                )
            with transaction.atomic():
                Person.objects.bulk_create(people, batch_size=2000)
                Screening.objects.bulk_create(screenings, batch_size=1000)
                Referral.objects.bulk_create(referrals, batch_size=1000)
                Case.objects.bulk_create(cases, batch_size=1000)
                CaseTransition.objects.bulk_create(transitions, batch_size=2000)
            for name, rows in (
                ("people", people),
                ("screenings", screenings),
                ("referrals", referrals),
                ("cases", cases),
                ("transitions", transitions),
            ):
                counts[name] += len(rows)
            if number % 100_000 < CHUNK or number == target:
                rate = counts["people"] / (time.perf_counter() - began)
                say(f"  KG has {number:,} registrations ({rate:,.0f} people/s)")
    counts["total_people"] = number
    return counts


def _shifted(deadlines: Any, by: dt.timedelta) -> dict[str, Any]:
    """A template case's deadlines, moved with its opening (ISO dates or date-times)."""
    moved: dict[str, Any] = {}
    for name, due in (deadlines or {}).items():
        try:
            if isinstance(due, str) and len(due) == 10:
                moved[name] = (dt.date.fromisoformat(due) + by).isoformat()
            elif isinstance(due, str):
                moved[name] = (dt.datetime.fromisoformat(due) + by).isoformat()
            else:
                moved[name] = due
        except ValueError:
            moved[name] = due
    return moved
