"""Bundles: a publication as a file that travels between instances (each state runs its
own), signed by the publishing instance and verified on import.

A bundle is one JSON document:

    {"format": "crossroads.regional-bundle/1",
     "instance": {"id": <fingerprint>, "name": ..., "public_key": <base64>},
     "publication": {"country", "period", "from", "to", "published_at", "method", "tables"},
     "hxl_csv": <the same tables as CSV with HXL hashtags>,
     "signature": <base64 Ed25519 signature>}

The signature (Ed25519, through `cryptography`) covers the canonical JSON of everything
but itself (keys sorted, no spaces, UTF-8), so that no number, code or line of the CSV can
change without it failing. The instance id is the SHA-256 fingerprint of its public key;
the importing instance accepts only instances it was told to trust
(`TrustedInstance`), with the key it was given, and only for the states named there.

The CSV follows the Humanitarian Exchange Language (HXL) convention, a row of hashtags
under the header, and is validated with libhxl on import; its figures must be those of
the JSON."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.utils.translation import gettext as _

FORMAT = "crossroads.regional-bundle/1"
MAX_BUNDLE_BYTES = 2 * 1024 * 1024
HXL_HEADER = ["Country", "Period", "Table", "Row", "Figure", "Unit"]
HXL_TAGS = [
    "#country+code",
    "#date+period",
    "#indicator+table",
    "#indicator+row",
    "#value",
    "#meta+unit",
]


class BundleError(Exception):
    """A bundle refused, with the reason in the reader's language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Signer:
    private_key: Ed25519PrivateKey
    name: str

    @property
    def public_raw(self) -> bytes:
        return self.private_key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )

    @property
    def public_key(self) -> str:
        return base64.b64encode(self.public_raw).decode()

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_raw)


def fingerprint(public_raw: bytes) -> str:
    return hashlib.sha256(public_raw).hexdigest()[:32]


def instance_signer(home: Path | None = None) -> Signer:
    """This instance's signing key: generated once and kept under $CROSSROADS_HOME
    (mode 0600), never in git; `CROSSROADS_INSTANCE_NAME` names the instance."""
    home = home or Path(settings.CROSSROADS_HOME)
    path = home / "regional_signing_key"
    if not path.exists():
        home.mkdir(parents=True, exist_ok=True)
        raw = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "wb") as handle:
                handle.write(raw)
    key = Ed25519PrivateKey.from_private_bytes(path.read_bytes()[:32])
    return Signer(key, getattr(settings, "CROSSROADS_INSTANCE_NAME", "") or "Crossroads")


def canonical(document: dict[str, Any]) -> bytes:
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def hxl_csv(publication: dict[str, Any]) -> str:
    """The tables of a publication as CSV with HXL hashtags: one line per figure."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HXL_HEADER)
    writer.writerow(HXL_TAGS)
    for table in publication["tables"]:
        lines = [*table["rows"], {"value": "total", "figure": table["total"]}]
        for row in lines:
            if row["figure"] is None:
                continue
            writer.writerow(
                [
                    publication["country"],
                    publication["period"],
                    table["name"],
                    row["value"],
                    row["figure"],
                    table["unit"],
                ]
            )
    return out.getvalue()


def sign(publication: dict[str, Any], signer: Signer) -> bytes:
    """The bundle file of a publication (`publication` as `Publication` holds it)."""
    document: dict[str, Any] = {
        "format": FORMAT,
        "instance": {
            "id": signer.fingerprint,
            "name": signer.name,
            "public_key": signer.public_key,
        },
        "publication": publication,
        "hxl_csv": hxl_csv(publication),
    }
    signature = signer.private_key.sign(canonical(document))
    document["signature"] = base64.b64encode(signature).decode()
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True).encode()


def _validate_hxl(text: str, publication: dict[str, Any]) -> None:
    import hxl

    def read() -> Any:
        return hxl.data(io.BytesIO(text.encode()), hxl.InputOptions(allow_local=True))

    try:
        # A libhxl schema is itself a HXL table: a row of hashtags, then one rule a row.
        schema = hxl.schema(
            [
                ["#valid_tag", "#valid_required", "#valid_datatype"],
                ["#country+code", "true", "text"],
                ["#date+period", "true", "text"],
                ["#indicator+table", "true", "text"],
                ["#indicator+row", "true", "text"],
                ["#value", "true", "number"],
            ]
        )
        valid = schema.validate(read())
        source = read()
        tags = [column.display_tag for column in source.columns]
        values = [tuple(row.values) for row in source]
    except Exception as error:  # libhxl raises many kinds for a broken file
        raise BundleError(_("The HXL table of the bundle cannot be read.")) from error
    if not valid or tags != HXL_TAGS:
        raise BundleError(_("The HXL table of the bundle does not follow the HXL convention."))
    expected = list(csv.reader(io.StringIO(hxl_csv(publication))))[2:]
    if [list(map(str, v)) for v in values] != expected:
        raise BundleError(_("The HXL table and the JSON tables of the bundle disagree."))


@dataclass(frozen=True)
class Verified:
    instance_id: str
    publication: dict[str, Any]


def verify(content: bytes, trusted: dict[str, tuple[str, list[str]]]) -> Verified:
    """Checks a bundle file; `trusted` maps instance ids to (public key, states). Raises
    `BundleError` with the reason. Checks the signature before the content, and the
    content (nothing person-level, every count protected) whatever the signature."""
    from .tables import check_tables

    if len(content) > MAX_BUNDLE_BYTES:
        raise BundleError(_("The file is too large to be a bundle."))
    try:
        document = json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise BundleError(
            _("The file is not a whole bundle: it is cut short or is not a bundle at all.")
        ) from None
    keys = {"format", "instance", "publication", "hxl_csv", "signature"}
    if not isinstance(document, dict) or set(document) != keys:
        raise BundleError(_("The file is not a bundle: its parts are not those of a bundle."))
    if document["format"] != FORMAT:
        raise BundleError(_("The bundle is of a format this instance does not read."))
    instance = document["instance"]
    if not isinstance(instance, dict) or not isinstance(instance.get("id"), str):
        raise BundleError(_("The bundle does not say which instance made it."))
    if instance["id"] not in trusted:
        raise BundleError(
            _("The bundle comes from an instance this one does not know: %(name)s.")
            % {"name": str(instance.get("name", ""))[:100]}
        )
    key_b64, countries = trusted[instance["id"]]
    if instance.get("public_key") != key_b64:
        raise BundleError(_("The bundle is not signed by the instance it names."))
    unsigned = {k: v for k, v in document.items() if k != "signature"}
    try:
        signature = base64.b64decode(str(document["signature"]), validate=True)
        public = Ed25519PublicKey.from_public_bytes(base64.b64decode(key_b64))
        public.verify(signature, canonical(unsigned))
    except (InvalidSignature, ValueError):
        raise BundleError(
            _("The signature of the bundle does not match: it was changed after it was signed.")
        ) from None
    publication = document["publication"]
    fields = {"country", "period", "from", "to", "published_at", "method", "tables"}
    if not isinstance(publication, dict) or set(publication) != fields:
        raise BundleError(
            _("The bundle holds something other than published tables; nothing was imported.")
        )
    if publication["country"] not in countries:
        raise BundleError(_("That instance may not publish for this state."))
    problems = check_tables(publication["tables"])
    if problems:
        raise BundleError(
            _("The bundle holds something other than protected tables: %(problems)s")
            % {"problems": " ".join(problems)}
        )
    if not isinstance(document["hxl_csv"], str):
        raise BundleError(_("The HXL table of the bundle cannot be read."))
    _validate_hxl(document["hxl_csv"], publication)
    return Verified(instance["id"], publication)
