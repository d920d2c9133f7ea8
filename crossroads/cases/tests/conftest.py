"""The case workers' cast, beside the project's personas: a child-protection authority,
IOM and UNHCR offices with caseworkers and supervisors, and helpers that screen a person
and send an accepted referral the way the referrals core does."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from conftest import PASSWORD

CASE_PERSONAS: dict[str, tuple[str, str, list[str]]] = {
    # name: (agency name, kind, roles); in Kyrgyzstan unless the name says otherwise
    "kg_child_caseworker": ("Child Protection Authority (KG)", "child_protection", ["caseworker"]),
    "kg_child_supervisor": ("Child Protection Authority (KG)", "child_protection", ["supervisor"]),
    "kg_child_osh_caseworker": (
        "Child Protection Department, Osh (KG)",
        "child_protection",
        ["caseworker"],
    ),
    "kg_asylum_supervisor": ("Refugee department (KG)", "asylum_authority", ["supervisor"]),
    "kg_iom_partner": ("IOM Kyrgyzstan", "iom", ["partner"]),
    "kg_iom_supervisor": ("IOM Kyrgyzstan", "iom", ["partner", "supervisor"]),
    "kg_unhcr_supervisor": ("UNHCR Kyrgyzstan", "unhcr", ["partner", "supervisor"]),
    "kg_ngo_partner": ("Red Crescent Society of Kyrgyzstan", "ngo", ["partner"]),
    "kg_police_caseworker": ("Police, anti-trafficking unit (KG)", "police", ["caseworker"]),
    "kg_embassy_af": ("Embassy of Afghanistan in Bishkek", "foreign_mission", ["partner"]),
    # Pakistan's pack has no national asylum procedure: UNHCR runs refugee status
    # determination under its mandate.
    "pk_unhcr_caseworker": ("UNHCR Pakistan", "unhcr", ["caseworker"]),
    "pk_unhcr_supervisor": ("UNHCR Pakistan", "unhcr", ["supervisor"]),
    "pk_asylum_caseworker": (
        "Commissionerate for Afghan Refugees (PK)",
        "asylum_authority",
        ["caseworker"],
    ),
}


def _make(name: str) -> Any:
    from crossroads.accounts.models import Agency, User

    agency_name, kind, roles = CASE_PERSONAS[name]
    country = name[:2].upper()
    defaults: dict[str, Any] = {"kind": kind}
    if kind == "foreign_mission":
        defaults["represents_state"] = "AF"
    agency, _ = Agency.objects.get_or_create(
        country_id=country, name=agency_name, defaults=defaults
    )
    user = User.objects.filter(username=name).first()
    if user is None:
        user = User(username=name, agency=agency, roles=roles)
        user.set_password(PASSWORD)
        user.save()
    return User.objects.select_related("agency").get(pk=user.pk)


def _persona(name: str) -> Callable[[Any], Any]:
    @pytest.fixture
    def fixture(db: Any) -> Any:
        return _make(name)

    fixture.__name__ = name
    return fixture


for _name in CASE_PERSONAS:
    globals()[_name] = _persona(_name)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


CHILD = {"birth_date": "2012-03", "nationalities": ["AF"]}


def record(**sections: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "country": "KG",
        "date": "2026-11-20",
        "location": {"kind": "inland"},
        "person": {"nationalities": ["AF"]},
    }
    base.update(sections)
    return base


FEAR = record(statements={"fear_of_return": True})
UNACCOMPANIED_CHILD = record(person=CHILD, travel={"accompanied_by": "none"})
ACCOMPANIED_CHILD = record(person=CHILD, travel={"accompanied_by": "parent"})
TRAFFICKED = record(
    travel={"moved_or_recruited_by_another": True, "facilitated_by": "recruiter"},
    indicators={"forced_labour": ["deception", "debt_bondage"], "exploitation": ["sexual"]},
)


@pytest.fixture
def screen(db: Any) -> Callable[..., Any]:
    from crossroads.screening.actions import screen_person

    def _screen(user: Any, person: Any, record_data: dict[str, Any]) -> Any:
        return screen_person(acting_user=user, person_id=person.pk, record_data=record_data)

    return _screen


@pytest.fixture
def referral(db: Any) -> Callable[..., Any]:
    """referral(sender, person, pathway, receiver) -> an accepted referral; consent is
    recorded first for a non-state receiver."""
    from crossroads.accounts.vocab import NON_STATE_KINDS
    from crossroads.referrals.actions import accept_referral, record_consent, send_referral
    from crossroads.screening.children import appears_child

    def _referral(sender: Any, person: Any, pathway: str, receiver: Any, **kw: Any) -> Any:
        if receiver.agency.kind in NON_STATE_KINDS:
            record_consent(
                acting_user=sender,
                person_id=person.pk,
                to_agency_id=receiver.agency_id,
                purposes=[pathway],
                given_by="guardian" if appears_child(person) else "person",
                given_on=dt.date(2026, 11, 20),
            )
        sent = send_referral(
            acting_user=sender,
            person_id=person.pk,
            pathway=pathway,
            priority=kw.get("priority", "high"),
            to_agency_id=receiver.agency_id,
        )
        return accept_referral(acting_user=receiver, referral_id=sent.pk)

    return _referral


class CaseClient:
    """Drives one case through the API as different users."""

    def __init__(self, api: Callable[[Any], Any], case_id: str) -> None:
        self.api = api
        self.id = case_id

    def get(self, user: Any) -> dict[str, Any]:
        response = self.api(user).get(f"/api/v1/cases/{self.id}/")
        assert response.status_code == 200, response.content
        return dict(response.json())

    def go(self, user: Any, name: str, *, version: int | None = None, **data: Any) -> Any:
        if version is None:
            version = self.get(user)["version"]
        return self.api(user).post(
            f"/api/v1/cases/{self.id}/transitions/{name}/",
            {"version": version, **data},
            format="json",
        )

    def ok(self, user: Any, name: str, **data: Any) -> dict[str, Any]:
        response = self.go(user, name, **data)
        assert response.status_code == 200, (name, response.status_code, response.content)
        return dict(response.json())

    def refused(self, user: Any, name: str, **data: Any) -> str:
        response = self.go(user, name, **data)
        assert response.status_code == 409, (name, response.status_code, response.content)
        return str(response.json()["detail"])

    def approve_pending(self, supervisor: Any) -> dict[str, Any]:
        queue = self.api(supervisor).get("/api/v1/cases/approvals/").json()["results"]
        pending = [a for a in queue if a["case"] == self.id]
        assert len(pending) == 1, queue
        response = self.api(supervisor).post(f"/api/v1/cases/approvals/{pending[0]['id']}/approve/")
        assert response.status_code == 200, response.content
        return dict(response.json())


@pytest.fixture
def open_case(api: Callable[[Any], Any]) -> Callable[..., CaseClient]:
    def _open(user: Any, **body: Any) -> CaseClient:
        body = {k: str(v) for k, v in body.items()}
        response = api(user).post("/api/v1/cases/", body, format="json")
        assert response.status_code == 201, response.content
        return CaseClient(api, response.json()["id"])

    return _open


def days_ago(n: int) -> str:
    return (dt.date.today() - dt.timedelta(days=n)).isoformat()
