"""Server time of every staff page and of the first-contact actions on the demo data
(issue 12: "every staff page and action under 300 ms server time on the demo data").

    python -m bench pages [--runs 5] [--home DIR] [--smoke]

Seeds the demo (`crossroads seed-demo`) into its own CROSSROADS_HOME (a temporary folder
unless --home is given), then, as each Kyrgyz demo user in Russian, requests every page
that user works on through Django's test client in this process: the median CPU time
(process time, which other work on the machine does not inflate) and wall time of --runs
requests after one to warm up, and the number of SQL queries. Then the officer's actions:
register a person, screen them, send their referrals. Prints a Markdown table; exits 1 if
a page answers with an error. Nothing here asserts a time: the figures go to
docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

USERS = ["kg-officer", "kg-caseworker", "kg-supervisor", "kg-analyst", "kg-partner"]


def _setup(home: str) -> None:
    os.environ["CROSSROADS_HOME"] = home
    os.environ.setdefault("CROSSROADS_DEMO_PASSWORD", "bench-pages-demo-1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "crossroads.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
    from crossroads.demo.seed import seed_demo

    seed_demo()


def _pages(username: str) -> list[str]:
    from crossroads.access.gate import persons_visible_to
    from crossroads.access.loaders import cases_visible_to, referrals_visible_to
    from crossroads.access.policy import Verb, role_allows
    from crossroads.accounts.models import User

    user = User.objects.get(username=username)
    pages = ["/", "/frameworks/"]
    if role_allows(user, Verb.VIEW_STATISTICS):
        pages += ["/statistics/", "/statistics/report/"]
    if not role_allows(user, Verb.VIEW_PERSON):
        return pages
    pages += ["/people/", "/referrals/", "/referrals/sent/", "/search/?q=000001"]
    person = persons_visible_to(user).filter(screenings__isnull=False).first()
    if person is not None:
        pages += [f"/people/{person.pk}/", f"/referrals/person/{person.pk}/consents/"]
    if role_allows(user, Verb.REGISTER_PERSON):
        pages += ["/people/register/", "/households/register/", "/screening/", "/emergency/"]
        if person is not None:
            pages += [
                f"/people/{person.pk}/edit/",
                f"/screening/person/{person.pk}/new/",
                f"/referrals/person/{person.pk}/send/",
                f"/screening/{person.screenings.first().pk}/",  # type: ignore[union-attr]
            ]
    referral = referrals_visible_to(user).first()
    if referral is not None:
        pages.append(f"/referrals/{referral.pk}/")
    if role_allows(user, Verb.WORK_ON_CASES):
        pages += ["/cases/", "/cases/approvals/"]
        case = cases_visible_to(user).first()
        if case is not None:
            pages.append(f"/cases/{case.pk}/")
    if role_allows(user, Verb.APPROVE_DECISIONS):
        pages += ["/referrals/overdue/", "/identity/duplicates/", "/access/requests/"]
        if person is not None:
            pages.append(f"/people/{person.pk}/audit/")
    return pages


def _measure(call: Callable[[], Any], runs: int) -> tuple[float, float, int, Any]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    call()  # warm
    cpu, wall = [], []
    queries = 0
    result = None
    for _ in range(runs):
        with CaptureQueriesContext(connection) as captured:
            started_cpu, started_wall = time.process_time(), time.perf_counter()
            result = call()
            cpu.append((time.process_time() - started_cpu) * 1000)
            wall.append((time.perf_counter() - started_wall) * 1000)
        queries = len(captured)
    return statistics.median(cpu), statistics.median(wall), queries, result


def _actions(runs: int) -> list[tuple[str, float, float, int]]:
    from crossroads.accounts.models import User
    from crossroads.referrals.actions import send_screening_referrals
    from crossroads.registry.actions import PersonData, register_person
    from crossroads.screening.actions import screen_person

    officer = User.objects.get(username="kg-officer")
    counter = iter(range(10_000))
    made: list[Any] = []

    def register() -> Any:
        number = next(counter)
        values = {
            "given_name": f"Бенч{number}",
            "family_name": "Каримов",
            "sex": "male",
            "nationalities": ["AF"],
            "birth_date": "1990",
        }
        person = register_person(acting_user=officer, data=PersonData(values=values))
        made.append(person)
        return person

    def screen() -> Any:
        person = register()
        record = {
            "schema": "crossroads.screening/1",
            "country": "KG",
            "date": "2026-12-01",
            "location": {"kind": "border", "name": "Dostuk"},
            "person": {"nationalities": ["AF"], "birth_date": "1990"},
            "statements": {"fear_of_return": True},
        }
        return screen_person(acting_user=officer, person_id=person.pk, record_data=record)

    screenings: list[Any] = []
    rows = []
    cpu, wall, queries, _ = _measure(register, runs)
    rows.append(("action: register a person", cpu, wall, queries))
    started = [screen() for _ in range(runs + 1)]
    screenings += started

    def screen_only() -> Any:
        return screen()

    cpu, wall, queries, _ = _measure(screen_only, runs)
    rows.append(("action: register and screen", cpu, wall, queries))

    def send() -> Any:
        return send_screening_referrals(acting_user=officer, screening_id=screenings.pop().pk)

    cpu, wall, queries, _ = _measure(send, runs)
    rows.append(("action: send a screening's referrals", cpu, wall, queries))
    return rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench pages")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--home", help="CROSSROADS_HOME to seed (default: a new temp dir)")
    parser.add_argument("--smoke", action="store_true", help="one run of each, for CI")
    args = parser.parse_args(argv)
    runs = 1 if args.smoke else args.runs
    home = args.home or tempfile.mkdtemp(prefix="crossroads-bench-pages-")
    _setup(home)
    from django.test import Client

    from crossroads.accounts.models import User

    failed = 0
    print("| user | page | CPU ms (median) | wall ms (median) | queries |")
    print("| --- | --- | ---: | ---: | ---: |")
    worst = 0.0
    for username in USERS:
        client = Client(HTTP_ACCEPT_LANGUAGE="ru")
        client.force_login(User.objects.get(username=username))
        for path in _pages(username):
            cpu, wall, queries, response = _measure(lambda p=path, c=client: c.get(p), runs)
            worst = max(worst, cpu)
            if response.status_code >= 400:
                failed += 1
            print(f"| {username} | `{path}` | {cpu:.1f} | {wall:.1f} | {queries} |")
    for label, cpu, wall, queries in _actions(runs):
        worst = max(worst, cpu)
        print(f"| kg-officer | {label} | {cpu:.1f} | {wall:.1f} | {queries} |")
    print(f"\nhighest median CPU: {worst:.1f} ms; pages that answered an error: {failed}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
