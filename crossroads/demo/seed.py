"""Demo data: the ten states of the Almaty Process, agencies in three of them, one user
per role and state, and about 200 synthetic people written in three scripts.

Working languages and national bodies follow the reference notes in
shared/reference/legal-frameworks-and-guidance.md (constitutions; UNHCR country pages)."""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction

from crossroads.accounts.models import Agency, Country, User
from crossroads.accounts.vocab import Role
from crossroads.engines.screening.vocab import AgencyKind

COUNTRIES = [
    ("AF", "Afghanistan", "Афганистан", ["prs", "pus"]),
    ("AZ", "Azerbaijan", "Азербайджан", ["aze", "rus"]),
    ("CN", "China", "Китай", ["zho"]),
    ("IR", "Iran", "Иран", ["fas"]),
    ("KZ", "Kazakhstan", "Казахстан", ["kaz", "rus"]),
    ("KG", "Kyrgyzstan", "Кыргызстан", ["kir", "rus"]),
    ("PK", "Pakistan", "Пакистан", ["urd", "eng"]),
    ("TJ", "Tajikistan", "Таджикистан", ["tgk", "rus"]),
    ("TR", "Türkiye", "Турция", ["tur"]),
    ("TM", "Turkmenistan", "Туркменистан", ["tuk", "rus"]),
]

K = AgencyKind
AGENCIES: dict[str, list[tuple[str, AgencyKind]]] = {
    "KZ": [
        ("Border Service of the National Security Committee (KZ)", K.BORDER_SERVICE),
        ("Migration Service, Ministry of Internal Affairs (KZ)", K.MIGRATION_SERVICE),
        ("Refugee status commission, Ministry of Internal Affairs (KZ)", K.ASYLUM_AUTHORITY),
        ("Committee for the Protection of Children's Rights (KZ)", K.CHILD_PROTECTION),
        ("State Labour Inspection (KZ)", K.LABOUR_INSPECTION),
        ("Police, anti-trafficking unit (KZ)", K.POLICE),
        ("UNHCR Kazakhstan", K.UNHCR),
        ("IOM Kazakhstan", K.IOM),
        ("Kazakh Red Crescent", K.NGO),
        ("City polyclinic, Almaty (KZ)", K.HEALTH_SERVICE),
        ("Legal aid centre (KZ)", K.LEGAL_AID),
    ],
    "KG": [
        ("Border Service (KG)", K.BORDER_SERVICE),
        ("State Migration Service (KG)", K.MIGRATION_SERVICE),
        ("Refugee department, State Migration Service (KG)", K.ASYLUM_AUTHORITY),
        ("Department of Child Protection (KG)", K.CHILD_PROTECTION),
        ("State Labour Inspectorate (KG)", K.LABOUR_INSPECTION),
        ("Police, anti-trafficking unit (KG)", K.POLICE),
        ("UNHCR Kyrgyzstan", K.UNHCR),
        ("IOM Kyrgyzstan", K.IOM),
        ("Red Crescent Society of Kyrgyzstan", K.NGO),
        ("Family medicine centre, Osh (KG)", K.HEALTH_SERVICE),
        ("Legal aid centre (KG)", K.LEGAL_AID),
    ],
    "TJ": [
        ("Border Forces of the State Committee for National Security (TJ)", K.BORDER_SERVICE),
        ("Migration Service, Ministry of Internal Affairs (TJ)", K.MIGRATION_SERVICE),
        ("Refugee status commission, Ministry of Internal Affairs (TJ)", K.ASYLUM_AUTHORITY),
        ("Commission on the Rights of the Child (TJ)", K.CHILD_PROTECTION),
        ("State Labour Inspectorate (TJ)", K.LABOUR_INSPECTION),
        ("Police, anti-trafficking unit (TJ)", K.POLICE),
        ("UNHCR Tajikistan", K.UNHCR),
        ("IOM Tajikistan", K.IOM),
        ("Red Crescent Society of Tajikistan", K.NGO),
        ("City health centre, Dushanbe (TJ)", K.HEALTH_SERVICE),
        ("Legal aid centre (TJ)", K.LEGAL_AID),
    ],
}

# role -> the kind of agency the demo user of that role works in.
ROLE_AGENCY = {
    Role.OFFICER: K.BORDER_SERVICE,
    Role.CASEWORKER: K.ASYLUM_AUTHORITY,
    Role.SUPERVISOR: K.ASYLUM_AUTHORITY,
    Role.ANALYST: K.MIGRATION_SERVICE,
    Role.ADMIN: K.MIGRATION_SERVICE,
    Role.PARTNER: K.UNHCR,
}

# Beside the one user per role that the API contract names, users who run the other case
# types, so that every workflow can be tried in the demo: (name, agency kind, role).
EXTRA_USERS = [
    ("child-caseworker", K.CHILD_PROTECTION, Role.CASEWORKER),
    ("child-supervisor", K.CHILD_PROTECTION, Role.SUPERVISOR),
    ("migration-caseworker", K.MIGRATION_SERVICE, Role.CASEWORKER),
    ("migration-supervisor", K.MIGRATION_SERVICE, Role.SUPERVISOR),
    ("iom-partner", K.IOM, Role.PARTNER),
    ("unhcr-supervisor", K.UNHCR, Role.SUPERVISOR),
]

# (given, family stem, patronymic stem or father's name, sex), in the script people of
# each origin are most often written in at first contact.
ARABIC_MALE = ["محمد", "احمد", "علی", "حسین", "عبدالله", "نجیب‌الله", "گل‌احمد", "محمود", "رحیم"]
ARABIC_FEMALE = ["فاطمه", "زهرا", "مریم", "شکیلا", "فرشته", "گلالۍ", "نرگس", "پروین"]
ARABIC_FAMILY = ["رحیمی", "احمدی", "کریمی", "حیدری", "نوری", "صافی", "حکیمی", "یوسفی"]
CYRILLIC_MALE = ["Фарход", "Алишер", "Айбек", "Нурлан", "Рустам", "Бахтиёр", "Азамат", "Мухаммад"]
CYRILLIC_FEMALE = ["Гулнора", "Айгуль", "Нигора", "Малика", "Зарина", "Динара", "Мадина"]
CYRILLIC_FAMILY = ["Рахимов", "Каримов", "Токтогулов", "Сафаров", "Юсупов", "Назаров", "Исмаилов"]
LATIN_MALE = ["MOHAMMAD", "ALI", "FARHOD", "ULUGBEK", "SARDOR", "JASUR", "AHMAD", "DAVRON"]
LATIN_FEMALE = ["FATIMA", "GULNARA", "DILNOZA", "SEVARA", "NILUFAR", "SHAHNOZA"]
LATIN_FAMILY = ["RAKHIMOV", "KARIMOV", "YUSUPOV", "TOSHMATOV", "NAZAROV", "SAIDOV"]


@dataclass
class DemoResult:
    password: str
    password_generated: bool
    users: list[str]
    people_created: int


def demo_password() -> tuple[str, bool]:
    import os

    given = os.environ.get("CROSSROADS_DEMO_PASSWORD", "").strip()
    if given:
        return given, False
    path = Path(settings.CROSSROADS_HOME) / "demo_password"
    if path.exists():
        return path.read_text(encoding="utf-8").strip(), False
    path.parent.mkdir(parents=True, exist_ok=True)
    password = secrets.token_urlsafe(12)
    path.write_text(password, encoding="utf-8")
    path.chmod(0o600)
    return password, True


# Foreign missions hosted in each demo state: nothing about a person goes to the mission
# of their country of origin while non-refoulement stands.
MISSIONS = {
    "KZ": [("Embassy of Afghanistan in Astana", "AF")],
    "KG": [("Embassy of Afghanistan in Bishkek", "AF")],
    "TJ": [("Embassy of Afghanistan in Dushanbe", "AF")],
}


def _seed_reference_data() -> None:
    from crossroads.engines.screening import default_registry

    registry = default_registry()
    for code, name, name_ru, languages in COUNTRIES:
        Country.objects.update_or_create(
            code=code,
            defaults={"name": name, "name_ru": name_ru, "working_languages": languages},
        )
    for code, agencies in AGENCIES.items():
        pathways = registry.packs(code)[-1].pathways
        for name, kind in agencies:
            receives = sorted(p.value for p, k in pathways.items() if k == kind)
            Agency.objects.update_or_create(
                country_id=code,
                name=name,
                defaults={"kind": kind, "active": True, "receives_pathways": receives},
            )
        for name, state in MISSIONS.get(code, []):
            Agency.objects.update_or_create(
                country_id=code,
                name=name,
                defaults={
                    "kind": K.FOREIGN_MISSION,
                    "represents_state": state,
                    "active": True,
                    "receives_pathways": [],
                },
            )
    # Addresses, phones, hours and names in other languages, for the slip (demo only).
    from .contacts import fill_demo_contacts

    fill_demo_contacts()


def _seed_users(password: str) -> list[str]:
    names = []
    for code in AGENCIES:
        accounts = [(role.value, kind, role) for role, kind in ROLE_AGENCY.items()]
        for code_role, kind, role in accounts + EXTRA_USERS:
            agency = Agency.objects.filter(country_id=code, kind=kind).order_by("name").first()
            username = f"{code.lower()}-{code_role}"
            user, created = User.objects.get_or_create(
                username=username, defaults={"agency": agency, "roles": [role.value]}
            )
            user.agency = agency
            user.roles = [role.value]
            user.is_staff = role == Role.ADMIN
            # No language of their own: pages and API messages follow the browser's
            # Accept-Language until the user picks one.
            user.language = ""
            if created or not user.check_password(password):
                user.set_password(password)
            user.save()
            names.append(username)
    return names


def _name(rng: random.Random, script: str, female: bool) -> tuple[str, str, str]:
    if script == "Arab":
        given = rng.choice(ARABIC_FEMALE if female else ARABIC_MALE)
        return given, rng.choice(ARABIC_FAMILY), rng.choice(ARABIC_MALE)
    if script == "Cyrl":
        given = rng.choice(CYRILLIC_FEMALE if female else CYRILLIC_MALE)
        family = rng.choice(CYRILLIC_FAMILY) + ("а" if female else "")
        return given, family, _patronymic("Cyrl", rng.choice(CYRILLIC_MALE), female)
    given = rng.choice(LATIN_FEMALE if female else LATIN_MALE)
    family = rng.choice(LATIN_FAMILY) + ("A" if female else "")
    return given, family, ""


def _patronymic(script: str, father: str, female: bool) -> str:
    """The father's name as each script's documents write it: the bare name on Afghan
    documents, -ovich/-ovna in Cyrillic, none on the Latin passports of the demo."""
    if script == "Arab":
        return father
    if script == "Cyrl":
        return father + ("овна" if female else "ович")
    return ""


def _seed_people(target: int = 200) -> int:
    from crossroads.registry.actions import PersonData, register_person
    from crossroads.registry.models import Person

    if Person.objects.filter(registered_by__username__endswith="-officer").exists():
        return 0
    rng = random.Random(20261125)
    created = 0
    origins = {
        "Arab": (["AF"], ["prs", "pus"]),
        "Cyrl": (["TJ", "UZ", "KG"], ["tgk", "uzn", "kir", "rus"]),
        "Latn": (["UZ", "TJ"], ["uzn", "tgk"]),
    }
    for code in AGENCIES:
        registrars = list(
            User.objects.filter(
                username__in=[f"{code.lower()}-officer", f"{code.lower()}-caseworker"]
            )
        )
        while created < target * (list(AGENCIES).index(code) + 1) // len(AGENCIES):
            script = rng.choice(["Arab", "Cyrl", "Latn"])
            nationalities, languages = origins[script]
            user = rng.choice(registrars)
            household = rng.choice([1, 1, 2, 3, 4, 5])
            parent_female = rng.random() < 0.4
            parent_given, family, patronymic = _name(rng, script, female=parent_female)
            # the children's father: the registered parent, or a man not registered here
            father = parent_given if not parent_female else _name(rng, script, False)[0]
            year = rng.randint(1965, 1995)
            year_only = rng.random() < 0.3
            parent = register_person(
                acting_user=user,
                data=PersonData(
                    values={
                        "given_name": parent_given,
                        "family_name": family,
                        "patronymic": patronymic,
                        "birth_date": f"{year}" if year_only else f"{year}-01-01",
                        "birth_date_precision": "year" if year_only else "day",
                        "birth_date_estimated": rng.random() < 0.5,
                        "sex": "female" if parent_female else "male",
                        "nationalities": [rng.choice(nationalities)],
                        "languages": [rng.choice(languages)],
                    }
                ),
            )
            created += 1
            for _child in range(household - 1):
                female = rng.random() < 0.5
                child_given, _f, _p = _name(rng, script, female)
                child_family = family[:-1] if family.endswith(("а", "A")) else family
                if female and script != "Arab":
                    child_family += "а" if script == "Cyrl" else "A"
                child_year = rng.randint(max(year + 18, 2005), 2024)
                child_date = f"{child_year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                register_person(
                    acting_user=user,
                    data=PersonData(
                        values={
                            "given_name": child_given,
                            "family_name": child_family,
                            "patronymic": _patronymic(script, father, female),
                            "birth_date": child_date,
                            "birth_date_precision": "day",
                            "sex": "female" if female else "male",
                            "nationalities": parent.nationalities,
                            "languages": parent.languages,
                        },
                        family_links=[{"relative": parent.pk, "relation": "parent"}],
                    ),
                )
                created += 1
    return created


def _demo_records(code: str, today: str) -> list[dict[str, Any]]:
    """First-contact situations the officers of the region meet every week."""
    base = {"country": code, "date": today}
    return [
        {
            **base,
            "location": {"kind": "border"},
            "person": {"nationalities": ["AF"]},
            "statements": {"fear_of_return": True, "fear_reasons": ["political_opinion"]},
        },
        {
            **base,
            "location": {"kind": "airport"},
            "person": {"age_claimed": 15},
            "travel": {"accompanied_by": "none", "separated_from_family": True},
        },
        {
            **base,
            "location": {"kind": "inland"},
            "person": {
                "documents": [{"type": "passport", "held_by": "employer"}],
                "stay": "expired",
            },
            "statements": {"purpose": "work"},
            "indicators": {"forced_labour": ["withholding_of_wages", "excessive_overtime"]},
        },
        {
            **base,
            "location": {"kind": "inland"},
            "person": {"stay": "irregular", "years_in_country": 7},
            "statements": {"purpose": "work"},
        },
        {
            **base,
            "location": {"kind": "reception"},
            "person": {"nationalities": ["stateless"]},
            "indicators": {"serious_medical_condition": True},
        },
    ]


def _seed_screenings() -> int:
    """A few screenings per state, with their referrals sent (consent recorded first for
    partners), so that inboxes, safeguards and slips have something to show."""
    from django.utils import timezone

    from crossroads.accounts.routing import default_agency_for_pathway
    from crossroads.referrals.actions import record_consent, send_screening_referrals
    from crossroads.registry.models import Person
    from crossroads.screening.actions import screen_person
    from crossroads.screening.children import appears_child
    from crossroads.screening.models import Screening

    if Screening.objects.exists():
        return 0
    made = 0
    today = timezone.localdate()
    for code in AGENCIES:
        officer = User.objects.get(username=f"{code.lower()}-officer")
        people = list(Person.objects.filter(registered_by=officer).order_by("reference")[:5])
        for person, record_data in zip(
            people, _demo_records(code, today.isoformat()), strict=False
        ):
            screening = screen_person(
                acting_user=officer, person_id=person.pk, record_data=record_data
            )
            for item in screening.result["referrals"]:
                agency = default_agency_for_pathway(code, item["pathway"])
                if item["consent_required"] and agency is not None:
                    record_consent(
                        acting_user=officer,
                        person_id=person.pk,
                        to_agency_id=agency.pk,
                        purposes=[item["pathway"]],
                        given_by="guardian" if appears_child(person) else "person",
                        given_on=today,
                    )
            send_screening_referrals(acting_user=officer, screening_id=screening.pk)
            made += 1
        _seed_cases(code)
    return made


def _seed_cases(code: str) -> None:
    """Each receiving agency's demo caseworker or partner accepts the referrals sent to it
    and opens the case behind each that its agency runs (registering an asylum claim), so
    that work queues and case pages have something to show."""
    from crossroads.cases.actions import open_case, transition_case
    from crossroads.cases.rules import agency_kinds_for, type_for_pathway
    from crossroads.referrals.actions import accept_referral
    from crossroads.referrals.models import Referral

    workers = {
        user.agency_id: user
        for user in User.objects.filter(
            username__startswith=f"{code.lower()}-", agency__country_id=code
        ).order_by("-username")
        if user.has_role(Role.CASEWORKER, Role.PARTNER)
    }
    for referral in Referral.objects.filter(from_agency__country_id=code, status="sent"):
        worker = workers.get(referral.to_agency_id)
        if worker is None:
            continue
        accept_referral(acting_user=worker, referral_id=referral.pk)
        case_type = type_for_pathway(referral.pathway)
        if case_type is None or referral.to_agency.kind not in agency_kinds_for(case_type, code):
            continue
        case = open_case(
            acting_user=worker, referral_id=referral.pk, summary="Opened from the referral."
        )
        if case.type == "asylum":
            transition_case(
                acting_user=worker,
                case_id=case.pk,
                name="register_claim",
                version=case.version,
                data={},
            )


def _seed_regional(password: str, people_created: int) -> list[str]:
    """The regional picture on first run: `regional-analyst` of the Almaty Process
    secretariat (an office of no state: it sees no person), half of the demo people
    registered in the last closed month (synthetic history, first run only), and each
    demo state's supervisor publishing that month."""
    import datetime as dt

    from django.utils import timezone

    from crossroads.regional.actions import publish_statistics
    from crossroads.regional.models import Publication
    from crossroads.registry.models import Person

    secretariat = Agency.objects.filter(
        country__isnull=True, name="Almaty Process secretariat"
    ).first() or Agency.objects.create(
        name="Almaty Process secretariat", kind=K.IOM, country=None, receives_pathways=[]
    )
    user, created = User.objects.get_or_create(
        username="regional-analyst",
        defaults={"agency": secretariat, "roles": [Role.REGIONAL_ANALYST.value]},
    )
    user.agency = secretariat
    user.roles = [Role.REGIONAL_ANALYST.value]
    user.language = ""
    if created or not user.check_password(password):
        user.set_password(password)
    user.save()
    today = timezone.localdate()
    last_day = today.replace(day=1) - dt.timedelta(days=1)
    month = f"{last_day:%Y-%m}"
    if people_created:
        rng = random.Random(20261207)
        demo = Person.objects.filter(country_id__in=list(AGENCIES))
        for pk in list(demo.order_by("reference").values_list("pk", flat=True))[::2]:
            day = last_day.replace(day=rng.randint(1, last_day.day))
            moment = timezone.make_aware(dt.datetime.combine(day, dt.time(rng.randint(8, 17))))
            Person.objects.filter(pk=pk).update(registered_at=moment)
    for code in AGENCIES:
        supervisor = User.objects.filter(username=f"{code.lower()}-supervisor").first()
        standing = Publication.objects.filter(
            country_id=code, period=month, withdrawn_at__isnull=True
        )
        if supervisor is not None and not standing.exists():
            publish_statistics(acting_user=supervisor, period=month)
    return [user.username]


def seed_demo() -> DemoResult:
    password, generated = demo_password()
    with transaction.atomic():
        _seed_reference_data()
        users = _seed_users(password)
        people = _seed_people()
        _seed_screenings()
        users += _seed_regional(password, people)
    return DemoResult(password, generated, users, people)


def describe(result: DemoResult) -> list[str]:
    lines: list[Any] = [
        f"Demo users ({len(result.users)}): " + ", ".join(result.users),
        "Password for every demo user: "
        + result.password
        + (
            " (generated; kept under $CROSSROADS_HOME/demo_password)"
            if result.password_generated
            else ""
        ),
    ]
    if result.people_created:
        lines.append(f"Registered {result.people_created} synthetic people.")
    return lines
