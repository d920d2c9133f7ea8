from __future__ import annotations

import io

import pytest

KOBO_HEADER = [
    "start",
    "end",
    "person/given_name",
    "person/family_name",
    "person/sex",
    "person/birth_date",
    "person/age",
    "person/nationality",
    "_id",
    "_uuid",
    "_submission_time",
    "_index",
]


def kobo_rows(n: int, start: int = 0) -> list[list[str]]:
    rows = []
    for i in range(start, start + n):
        rows.append(
            [
                "2026-11-01T10:00:00",
                "2026-11-01T10:05:00",
                f"Given{i:05d}",
                f"Family{i:05d}",
                "female" if i % 2 else "male",
                f"{1960 + i % 50}-0{1 + i % 9}-1{i % 9}",
                "",
                "AF",
                str(1000 + i),
                f"uuid-{i:05d}",
                "2026-11-01T10:06:00",
                str(i + 1),
            ]
        )
    return rows


def csv_bytes(
    header: list[str], rows: list[list[str]], encoding: str = "utf-8", delimiter: str = ","
) -> bytes:
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(header: list[str], rows: list[list[object]]) -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def upload():
    from django.core.files.uploadedfile import SimpleUploadedFile

    def _upload(content: bytes, name: str = "people.csv") -> SimpleUploadedFile:
        return SimpleUploadedFile(name, content)

    return _upload
