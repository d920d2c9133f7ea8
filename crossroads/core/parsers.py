"""JSON in, as api.md sets it out: UTF-8 text, stored NFC-normalised.

Every string of every request body, keys included, is NFC-normalised here, once for all
endpoints, so that a name typed on two keyboards is one string in the register and in
its search keys. Text no database can store (NUL characters, lone surrogates) is refused
as malformed (400), never left to fail at the database (500)."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser


class UnstorableText(ParseError):
    """Well-formed JSON holding text that cannot be stored."""


def nfc_everywhere(value: Any) -> Any:
    if isinstance(value, str):
        if "\x00" in value:
            raise UnstorableText(_("The request holds a NUL character, which no text may hold."))
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise UnstorableText(_("The request holds text that is not valid Unicode.")) from None
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [nfc_everywhere(item) for item in value]
    if isinstance(value, Mapping):
        return {nfc_everywhere(key): nfc_everywhere(item) for key, item in value.items()}
    return value


class NFCJSONParser(JSONParser):
    def parse(self, stream: Any, media_type: Any = None, parser_context: Any = None) -> Any:
        try:
            return nfc_everywhere(super().parse(stream, media_type, parser_context))
        except RecursionError:
            raise UnstorableText(_("The request is nested too deeply.")) from None
