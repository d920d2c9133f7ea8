"""Reading an uploaded file: CSV (any common encoding, Windows-1251 included) or XLSX, in
the column layout of a KoboToolbox or ODK export, of Crossroads' own template, or of any
other with a mapping. Plain Python: no database."""

from __future__ import annotations

import csv
import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

MAX_BYTES = 50 * 1024 * 1024
MAX_ROWS = 100_000

# The fields a row can fill, and the column names that mean each in the layouts we know.
FIELDS = (
    "given_name",
    "family_name",
    "patronymic",
    "sex",
    "birth_date",
    "age",
    "nationality",
    "languages",
    "country",
)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "given_name": ("given_name", "first_name", "firstname", "name_first", "name", "имя"),
    "family_name": ("family_name", "last_name", "lastname", "surname", "name_last", "фамилия"),
    "patronymic": ("patronymic", "father_name", "fathers_name", "middle_name", "отчество"),
    "sex": ("sex", "gender", "пол"),
    "birth_date": ("birth_date", "date_of_birth", "dob", "birthdate", "дата_рождения"),
    "age": ("age", "age_years", "возраст"),
    "nationality": ("nationality", "nationalities", "citizenship", "гражданство"),
    "languages": ("languages", "language", "языки"),
    "country": ("country", "country_of_registration", "state"),
}
# Columns an export adds that identify a submission for good (our row fingerprint).
KOBO_ID = "_uuid"
ODK_IDS = ("meta-instanceid", "meta/instanceid", "instanceid", "key")
KOBO_MARKERS = {"_uuid", "_submission_time", "_id", "_index"}
ODK_MARKERS = {"submissiondate", "meta-instanceid", "key", "submitterid"}
FORMULA_START = ("=", "+", "@", "\t", "\r")


class ImportFileError(Exception):
    """The file as a whole cannot be read; `field` names what is wrong."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass
class Table:
    layout: str  # kobo | odk | crossroads | mapped
    encoding: str
    columns: list[str]
    rows: list[dict[str, Any]] = field(default_factory=list)  # raw cells by column
    formulas: dict[int, list[str]] = field(default_factory=dict)  # row index -> columns
    mapping: dict[str, str] = field(default_factory=dict)  # our field -> column
    submission_id_column: str = ""


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def bare(column: str) -> str:
    """A column name without its form groups (Kobo `group/q`, ODK `group-q`), lowered."""
    name = column.strip().lower()
    name = name.rsplit("/", 1)[-1]
    if "-" in name and not name.startswith("meta-"):
        name = name.rsplit("-", 1)[-1]
    return name.replace(" ", "_")


def _decode(content: bytes) -> tuple[str, str]:
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return content.decode("utf-16"), "utf-16"
    try:
        return content.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(
        content[:200_000], cp_isolation=["cp1251", "koi8_r", "cp866", "cp1252", "cp1256"]
    ).best()
    if best is None:
        raise ImportFileError("file", _("The file is not text in an encoding we can read."))
    try:
        return content.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError):
        raise ImportFileError(
            "file", _("The file is not text in an encoding we can read.")
        ) from None


def _read_csv(content: bytes) -> Table:
    text, encoding = _decode(content)
    if "\x00" in text:
        raise ImportFileError("file", _("The file is neither CSV nor XLSX."))
    sample = text[:20_000]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        header = next(reader)
    except StopIteration:
        raise ImportFileError("file", _("The file is empty.")) from None
    except csv.Error as exc:
        raise ImportFileError("file", _("The file is not valid CSV: %(e)s") % {"e": exc}) from None
    table = Table(layout="", encoding=encoding, columns=[h.strip() for h in header])
    try:
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            if len(table.rows) >= MAX_ROWS:
                raise _too_many()
            table.rows.append(dict(zip(table.columns, values, strict=False)))
    except csv.Error as exc:
        raise ImportFileError("file", _("The file is not valid CSV: %(e)s") % {"e": exc}) from None
    return table


def _too_many() -> ImportFileError:
    return ImportFileError(
        "file",
        _("The file has more than %(n)d rows: split it into smaller files.") % {"n": MAX_ROWS},
    )


def _read_xlsx(content: bytes) -> Table:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds on a damaged file
        raise ImportFileError("file", _("The XLSX file cannot be read.")) from None
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows()
    try:
        header_cells = next(rows)
    except StopIteration:
        raise ImportFileError("file", _("The file is empty.")) from None
    columns = [str(c.value).strip() if c.value is not None else "" for c in header_cells]
    table = Table(layout="", encoding="xlsx", columns=columns)
    for cells in rows:
        values: dict[str, Any] = {}
        formulas: list[str] = []
        for column, cell in zip(columns, cells, strict=False):
            if cell.value is None:
                continue
            if getattr(cell, "data_type", "") == "f":
                formulas.append(column)
                values[column] = ""
                continue
            values[column] = cell.value
        if not any(str(v).strip() for v in values.values()) and not formulas:
            continue
        if len(table.rows) >= MAX_ROWS:
            raise _too_many()
        if formulas:
            table.formulas[len(table.rows)] = formulas
        table.rows.append(values)
    workbook.close()
    return table


def read_table(content: bytes, name: str = "") -> Table:
    """The file's rows and what its layout is; raises ImportFileError for a file that is
    not CSV or XLSX, too large, or empty."""
    if not content:
        raise ImportFileError("file", _("The file is empty."))
    if len(content) > MAX_BYTES:
        raise ImportFileError(
            "file", _("The file is larger than %(n)d MB.") % {"n": MAX_BYTES // 1024 // 1024}
        )
    if content.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                is_xlsx = "xl/workbook.xml" in archive.namelist()
        except zipfile.BadZipFile:
            is_xlsx = False
        if not is_xlsx:
            raise ImportFileError("file", _("The file is neither CSV nor XLSX."))
        table = _read_xlsx(content)
    elif content[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" or content.startswith(b"%PDF"):
        raise ImportFileError(
            "file", _("The file is neither CSV nor XLSX (save old .xls files as .xlsx).")
        )
    else:
        table = _read_csv(content)
    if not [c for c in table.columns if c]:
        raise ImportFileError("file", _("The file has no header row."))
    return table


def detect_layout(table: Table) -> None:
    """Names the layout and maps our fields to its columns where the names are known."""
    lowered = {c.strip().lower(): c for c in table.columns}
    if KOBO_MARKERS & set(lowered):
        table.layout = "kobo"
        table.submission_id_column = lowered.get(KOBO_ID, "")
    elif ODK_MARKERS & set(lowered):
        table.layout = "odk"
        table.submission_id_column = next((lowered[k] for k in ODK_IDS if k in lowered), "")
    else:
        table.layout = "crossroads"
    by_bare: dict[str, str] = {}
    for column in table.columns:
        by_bare.setdefault(bare(column), column)
    for name in FIELDS:
        for synonym in SYNONYMS[name]:
            if synonym in by_bare:
                table.mapping[name] = by_bare[synonym]
                break


def apply_mapping(table: Table, mapping: dict[str, str]) -> None:
    """A mapping given by a person (our field -> their column) replaces the guess."""
    unknown_fields = [k for k in mapping if k not in FIELDS]
    if unknown_fields:
        raise ImportFileError(
            "mapping", _("Unknown field: %(name)s.") % {"name": ", ".join(unknown_fields)}
        )
    missing = [v for v in mapping.values() if v and v not in table.columns]
    if missing:
        raise ImportFileError(
            "mapping",
            _("The file has no column %(name)s.") % {"name": ", ".join(map(repr, missing))},
        )
    chosen = {k: v for k, v in mapping.items() if v}
    if chosen != table.mapping:
        table.mapping = chosen
        table.layout = "mapped"


def check_mapping(table: Table) -> None:
    if not ({"given_name", "family_name"} & set(table.mapping)):
        raise ImportFileError(
            "mapping",
            _(
                "No column for the given name or the family name was recognised "
                "(columns: %(columns)s). Give a mapping."
            )
            % {"columns": ", ".join(table.columns[:40])},
        )


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return str(value.isoformat())[:10]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return re.sub(r"\s+", " ", str(value)).strip()


def looks_like_formula(value: str) -> bool:
    """A cell that a spreadsheet would run (CSV injection): refused, never stored."""
    return value.startswith(FORMULA_START)
