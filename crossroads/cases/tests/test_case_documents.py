"""Uploads: PDF, JPEG or PNG by their content signature, at most 10 MB, stored under
MEDIA_ROOT with a random name, never in the database."""

from __future__ import annotations

import os

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from crossroads.cases.actions import MAX_DOCUMENT_BYTES
from crossroads.cases.models import CaseDocument

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def case(kg_migration_caseworker, register, open_case):
    person = register(kg_migration_caseworker)
    return open_case(kg_migration_caseworker, person=person.pk, type="regularisation")


def upload(api, user, case, name, content, title="Passport copy"):
    return api(user).post(
        f"/api/v1/cases/{case.id}/documents/",
        {"title": title, "file": SimpleUploadedFile(name, content)},
        format="multipart",
    )


def test_a_pdf_is_stored_outside_the_database_under_a_random_name(
    kg_migration_caseworker, case, api
):
    response = upload(api, kg_migration_caseworker, case, "passport-aibek.pdf", PDF)
    assert response.status_code == 201, response.content
    document = CaseDocument.objects.get(pk=response.json()["id"])
    assert document.content_type == "application/pdf" and document.size == len(PDF)
    assert "aibek" not in document.file.name and document.file.name.endswith(".pdf")
    path = os.path.join(settings.MEDIA_ROOT, document.file.name)
    with open(path, "rb") as stored:
        assert stored.read() == PDF


def test_a_png_is_accepted(kg_migration_caseworker, case, api):
    assert upload(api, kg_migration_caseworker, case, "photo.png", PNG).status_code == 201


def test_a_file_whose_content_is_not_what_its_name_says_is_refused(
    kg_migration_caseworker, case, api
):
    response = upload(api, kg_migration_caseworker, case, "letter.pdf", b"MZ\x90\x00 not a pdf")
    assert response.status_code == 400 and "file" in response.json()
    response = upload(api, kg_migration_caseworker, case, "photo.jpg", PDF)
    assert response.status_code == 400
    assert not CaseDocument.objects.exists()


def test_a_file_over_10_mb_is_refused_with_413(kg_migration_caseworker, case, api):
    big = PDF + b"0" * MAX_DOCUMENT_BYTES
    response = upload(api, kg_migration_caseworker, case, "big.pdf", big)
    assert response.status_code == 413
    assert not CaseDocument.objects.exists()


def test_another_agency_cannot_upload(kg_asylum_caseworker, case, api):
    response = upload(api, kg_asylum_caseworker, case, "a.pdf", PDF)
    assert response.status_code == 404
