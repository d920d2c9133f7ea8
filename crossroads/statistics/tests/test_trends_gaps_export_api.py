"""`statistics/trends/`, `statistics/gaps/` and `statistics/export/`: one state's protected
tables, for analysts and supervisors, with bad input answered 400 in the caller's
language, an audit row per request, and never a person."""

from __future__ import annotations

import csv
import io

import pytest
from django.utils import timezone

from crossroads.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

TRENDS = "/api/v1/statistics/trends/"
GAPS = "/api/v1/statistics/gaps/"
EXPORT = "/api/v1/statistics/export/"
ROLES = [
    ("kg_border_officer", 403),
    ("kg_migration_caseworker", 403),
    ("kg_migration_supervisor", 200),
    ("kg_analyst", 200),
    ("kg_admin", 403),
    ("kg_unhcr_partner", 403),
]


@pytest.mark.parametrize("url", [TRENDS, GAPS, EXPORT + "?format=csv", "/statistics/"])
@pytest.mark.parametrize(("persona", "status"), ROLES)
def test_role_matrix(request, api, web, url, persona, status):
    user = request.getfixturevalue(persona)
    client = web(user) if url.startswith("/statistics/") else api(user)
    assert client.get(url).status_code == status


def test_an_anonymous_caller_gets_401(api):
    assert api().get(TRENDS).status_code == 401


def test_trends_come_by_month_with_every_table(kg_border_officer, kg_analyst, register, api):
    for _ in range(8):
        register(kg_border_officer, sex="female", nationalities=["AF"])
    month = timezone.localdate().strftime("%Y-%m")
    body = api(kg_analyst).get(TRENDS, {"from": month, "to": month}).json()
    assert body["country"] == "KG" and body["by"] == "month" and body["periods"] == [month]
    names = {t["name"] for t in body["tables"]}
    assert {
        "registrations_by_nationality",
        "registrations_by_sex",
        "registrations_by_age_band",
        "screenings_by_need",
        "referrals_by_pathway",
        "referral_answer_hours_by_pathway",
        "referrals_late_share_by_agency",
        "cases_by_type",
        "case_decision_days_by_type",
        "durable_solutions_by_progress",
    } <= names
    nationality = next(t for t in body["tables"] if t["name"] == "registrations_by_nationality")
    afghans = next(r for r in nationality["rows"] if r["value"] == "AF")
    assert abs(afghans["values"][0] - 8) <= 2
    assert afghans["label"] == "Afghanistan"
    assert body["method"]["name"] == "cell-key"


def test_trends_by_quarter_cover_whole_quarters(kg_analyst, api):
    body = api(kg_analyst).get(TRENDS, {"from": "2026-02", "to": "2026-08", "by": "quarter"})
    assert body.json()["periods"] == ["2026-Q1", "2026-Q2", "2026-Q3"]
    assert body.json()["from"] == "2026-01-01" and body.json()["to"] == "2026-09-30"


def test_a_place_filter_counts_only_what_happened_there(
    kg_border_officer, kg_analyst, register, api
):
    from crossroads.screening.actions import screen_person

    today = timezone.localdate().isoformat()
    for place in ["Dostuk"] * 6 + ["Torugart"] * 6:
        person = register(kg_border_officer)
        screen_person(
            acting_user=kg_border_officer,
            person_id=person.pk,
            record_data={
                "country": "KG",
                "date": today,
                "location": {"kind": "border", "name": place},
                "statements": {"fear_of_return": True},
            },
        )
    client = api(kg_analyst)
    body = client.get(TRENDS, {"location": "Dostuk"}).json()
    screenings = next(t for t in body["tables"] if t["name"] == "screenings_by_need")
    assert abs(screenings["total"]["values"][-1] - 6) <= 2
    gaps = client.get(GAPS).json()
    places = next(t for t in gaps["tables"] if t["name"] == "needs_per_100_screenings_by_location")
    assert {r["value"] for r in places["rows"]} == {"Dostuk", "Torugart"}


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"from": "2026-13"}, "from"),
        ({"to": "last year"}, "to"),
        ({"from": "2026-05", "to": "2026-04"}, "to"),
        ({"by": "week"}, "by"),
        ({"from": "1900-01", "to": "2026-01", "by": "month"}, "to"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(kg_analyst, api, params, field):
    response = api(kg_analyst).get(TRENDS, params)
    assert response.status_code == 400
    assert field in response.json()


def test_errors_are_in_the_callers_language(kg_analyst, api):
    response = api(kg_analyst).get(TRENDS, {"from": "2026-13"}, HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 400
    assert "период" in response.json()["from"][0].lower()
    response = api(kg_analyst).get(EXPORT, {"format": "pdf"}, HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 400
    assert "csv" in response.json()["format"][0] and "или" in response.json()["format"][0]


def test_an_export_format_not_offered_is_a_400(kg_analyst, api):
    assert api(kg_analyst).get(EXPORT, {"format": "pdf"}).status_code == 400
    assert api(kg_analyst).get(EXPORT).status_code == 400


def test_each_request_leaves_one_audit_row(kg_analyst, api):
    before = AuditEvent.objects.count()
    api(kg_analyst).get(TRENDS, {"from": "2026-01", "to": "2026-03"})
    api(kg_analyst).get(EXPORT, {"format": "csv"})
    rows = list(AuditEvent.objects.order_by("id")[before:])
    assert [(r.action, r.object_type) for r in rows] == [
        ("list", "statistics"),
        ("export", "statistics"),
    ]
    assert rows[0].detail["from"] == "2026-01-01" and rows[0].detail["to"] == "2026-03-31"


def test_the_xlsx_export_opens_with_openpyxl_and_names_no_one(
    kg_border_officer, kg_analyst, register, api
):
    from openpyxl import load_workbook

    people = [register(kg_border_officer, given_name="Gulnara", family_name="Karimova")]
    people += [register(kg_border_officer, nationalities=["AF"]) for _ in range(6)]
    response = api(kg_analyst).get(EXPORT, {"format": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    assert "registrations_by_nationality" in book.sheetnames
    sheet = book["registrations_by_nationality"]
    labels = [row[0].value for row in sheet.iter_rows(min_row=3)]
    assert "Afghanistan" in labels
    text = " ".join(
        str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value
    )
    assert "Gulnara" not in text and "Karimova" not in text
    assert not any(str(p.pk) in text or p.reference in text for p in people)


def test_the_csv_export_is_one_long_table(kg_analyst, api):
    response = api(kg_analyst).get(EXPORT, {"format": "csv", "by": "year"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:2] == ["state", "table code"]
    assert {r[1] for r in rows[1:]} >= {"registrations_by_sex", "late_referrals_by_pathway"}


def test_text_a_spreadsheet_would_compute_is_neutralised():
    from openpyxl import load_workbook

    from crossroads.statistics.exports import as_csv, as_xlsx, neutralise
    from crossroads.statistics.periods import parse_period
    from crossroads.statistics.queries import Figures, Grid, Row

    for bad in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise(bad) == "'" + bad
    grid = Grid(
        "referrals_by_agency",
        "Referrals",
        "count",
        [("2026-11", "November 2026")],
        [Row("x", '=HYPERLINK("http://example.invalid","x")', [7])],
    )
    figures = Figures("KG", "month", [parse_period("2026-11")], "", [grid])
    book = load_workbook(io.BytesIO(as_xlsx([figures])))
    cell = book["referrals_by_agency"]["A3"]
    assert cell.value.startswith("'=") and cell.data_type == "s"
    assert "'=HYPERLINK" in as_csv([figures]).decode("utf-8-sig")
