"""Every table of the workspace as a file: CSV (one long table) or XLSX (one sheet per
table, written with openpyxl). Only protected figures go in, never a record.

A spreadsheet reads a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage
return as a formula (CSV injection, OWASP): every such text is written with a leading
apostrophe, and in XLSX as a string cell, so nothing in the file is ever computed."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

from django.utils.translation import gettext as _

from .queries import Figures, Grid

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """A text a spreadsheet would read as a formula, made plain text."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _long_rows(figures: Iterable[Figures]) -> Iterator[list[Any]]:
    for part in figures:
        for grid in part.grids:
            rows = [*grid.rows, *([grid.total] if grid.total else [])]
            for row in rows:
                for (code, label), value in zip(grid.columns, row.values, strict=True):
                    yield [
                        part.country,
                        grid.name,
                        str(grid.title),
                        row.value,
                        row.label,
                        code,
                        str(label),
                        grid.unit,
                        "" if value is None else value,
                    ]


def header() -> list[str]:
    return [
        _("state"),
        _("table code"),
        _("table"),
        _("row code"),
        _("row"),
        _("column code"),
        _("column"),
        _("unit"),
        _("value"),
    ]


def as_csv(figures: Iterable[Figures]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header())
    for row in _long_rows(figures):
        writer.writerow([neutralise(v) for v in row])
    # A byte-order mark, so that spreadsheets read the Cyrillic as UTF-8.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _sheet_title(grid: Grid, used: set[str]) -> str:
    base = grid.name[:28]
    title, n = base, 2
    while title in used:
        title, n = f"{base[:26]}-{n}", n + 1
    used.add(title)
    return title


def as_xlsx(figures: Iterable[Figures]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import TYPE_STRING

    book = Workbook()
    about = book.active
    about.title = "about"
    about.append([_("Protected figures: no count is exact when small; see the method.")])
    used = {"about"}
    for part in figures:
        for grid in part.grids:
            sheet = book.create_sheet(_sheet_title(grid, used))
            sheet.append([neutralise(f"{part.country}: {grid.title}")])
            sheet.append(["", *[neutralise(str(label)) for _code, label in grid.columns]])
            for row in [*grid.rows, *([grid.total] if grid.total else [])]:
                sheet.append([neutralise(row.label), *row.values])
            for cells in sheet.iter_rows():
                for cell in cells:
                    if isinstance(cell.value, str):
                        # Written as text whatever it begins with.
                        cell.data_type = TYPE_STRING
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
