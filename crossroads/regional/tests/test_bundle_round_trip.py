"""A publication travels between two instances as a signed bundle: verified and imported
on the other side; refused whole when cut short, edited, re-signed by another key, from
an instance not trusted, for a state that instance may not publish for, or holding
anything person-level."""

from __future__ import annotations

import base64
import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.files.uploadedfile import SimpleUploadedFile

from crossroads.audit.models import AuditEvent
from crossroads.regional.actions import trust_instance
from crossroads.regional.bundles import Signer, canonical, instance_signer, sign
from crossroads.regional.models import Publication
from crossroads.regional.queries import as_document

pytestmark = pytest.mark.django_db

IMPORT = "/api/v1/regional/bundles/"


@pytest.fixture
def kyrgyz_instance(tmp_path):
    """The Kyrgyz state's own instance: its signing key lives under its own home."""
    return instance_signer(tmp_path / "kg-instance")


@pytest.fixture
def bundle(kg_border_officer, kg_migration_supervisor, registered_last_month, last_month, api):
    """A publication of the Kyrgyz instance, and its bundle signed by that instance. The
    publication is then removed here, so that this test database plays the other
    (secretariat's) instance."""
    registered_last_month(kg_border_officer, 8, nationalities=["AF"])
    body = api(kg_migration_supervisor).post(
        "/api/v1/publications/", {"period": last_month[0]}, format="json"
    )
    publication = Publication.objects.get(pk=body.json()["id"])
    document = as_document(publication)
    Publication.objects.all().delete()
    return document


def _upload(client, content: bytes):
    return client.post(
        IMPORT, {"file": SimpleUploadedFile("bundle.json", content)}, format="multipart"
    )


def _resign(document: dict, signer: Signer) -> bytes:
    unsigned = {k: v for k, v in document.items() if k != "signature"}
    document["signature"] = base64.b64encode(signer.private_key.sign(canonical(unsigned))).decode()
    return json.dumps(document).encode()


def test_a_signed_bundle_is_verified_and_imported(bundle, kyrgyz_instance, regional_analyst, api):
    trust_instance(
        acting_user=regional_analyst,
        name="Crossroads Kyrgyzstan",
        public_key=kyrgyz_instance.public_key,
        countries=["KG"],
    )
    response = _upload(api(regional_analyst), sign(bundle, kyrgyz_instance))
    assert response.status_code == 201, response.content
    imported = Publication.objects.get()
    assert imported.country_id == "KG" and imported.source == kyrgyz_instance.fingerprint
    assert imported.tables == bundle["tables"]
    picture = api(regional_analyst).get("/api/v1/regional/").json()
    assert [s["code"] for s in picture["states"]] == ["KG"]
    # the same bundle twice: the period is there already
    assert _upload(api(regional_analyst), sign(bundle, kyrgyz_instance)).status_code == 409


def test_the_bundle_carries_an_hxl_table_that_libhxl_reads(bundle, kyrgyz_instance):
    import io

    import hxl

    document = json.loads(sign(bundle, kyrgyz_instance))
    source = hxl.data(io.BytesIO(document["hxl_csv"].encode()), hxl.InputOptions(allow_local=True))
    assert "#country+code" in [c.display_tag for c in source.columns]
    assert {row.get("#country+code") for row in source} == {"KG"}


def _refused(response, words):
    assert response.status_code == 400, response.content
    message = response.json()["file"][0]
    assert words in message, message
    assert not Publication.objects.exists()


def test_refusals(bundle, kyrgyz_instance, regional_analyst, api):
    client = api(regional_analyst)
    good = sign(bundle, kyrgyz_instance)
    # from an instance this one does not know
    _refused(_upload(client, good), "does not know")
    trust_instance(
        acting_user=regional_analyst,
        name="Crossroads Kyrgyzstan",
        public_key=kyrgyz_instance.public_key,
        countries=["KG"],
    )
    # cut short
    _refused(_upload(client, good[: len(good) // 2]), "cut short")
    # a number changed after signing
    edited = json.loads(good)
    edited["publication"]["tables"][0]["rows"][0]["figure"] += 1
    _refused(_upload(client, json.dumps(edited).encode()), "changed after it was signed")
    # the HXL table changed after signing
    edited = json.loads(good)
    edited["hxl_csv"] = edited["hxl_csv"].replace("\nKG,", "\nKZ,", 1)
    _refused(_upload(client, json.dumps(edited).encode()), "changed after it was signed")
    # re-signed by another key, naming the trusted instance
    intruder = Signer(Ed25519PrivateKey.generate(), "intruder")
    edited = json.loads(good)
    edited["publication"]["tables"][0]["rows"][0]["figure"] += 1
    _refused(_upload(client, _resign(edited, intruder)), "changed after it was signed")
    # ... or presenting its own key under the trusted instance's id
    edited = json.loads(good)
    edited["instance"]["public_key"] = intruder.public_key
    _refused(_upload(client, _resign(edited, intruder)), "not signed by the instance it names")
    assert AuditEvent.objects.filter(object_type="regional.bundle", action="denied").count() == 6


def test_person_level_content_is_refused_even_when_signed(
    bundle, kyrgyz_instance, regional_analyst, api
):
    trust_instance(
        acting_user=regional_analyst,
        name="Crossroads Kyrgyzstan",
        public_key=kyrgyz_instance.public_key,
        countries=["KG", "KZ"],
    )
    client = api(regional_analyst)
    person_row = json.loads(sign(bundle, kyrgyz_instance))
    person_row["publication"]["tables"][0]["rows"].append(
        {"value": "KG-2026-000052-4", "figure": 1, "name": "Gulnara Karimova"}
    )
    _refused(_upload(client, _resign(person_row, kyrgyz_instance)), "protected tables")
    small = json.loads(sign(bundle, kyrgyz_instance))
    small["publication"]["tables"][0]["rows"][0]["figure"] = 3
    _refused(_upload(client, _resign(small, kyrgyz_instance)), "not protected")
    extra = json.loads(sign(bundle, kyrgyz_instance))
    extra["publication"]["persons"] = [{"id": "x"}]
    _refused(_upload(client, _resign(extra, kyrgyz_instance)), "other than published tables")


def test_an_instance_publishes_only_for_the_states_it_was_trusted_for(
    bundle, kyrgyz_instance, regional_analyst, api
):
    trust_instance(
        acting_user=regional_analyst,
        name="Crossroads Kazakhstan",
        public_key=kyrgyz_instance.public_key,
        countries=["KZ"],
    )
    _refused(_upload(api(regional_analyst), sign(bundle, kyrgyz_instance)), "may not publish")


def test_the_supervisor_downloads_her_publications_bundle(
    kg_migration_supervisor, last_month, api, settings, tmp_path
):
    settings.CROSSROADS_HOME = tmp_path
    client = api(kg_migration_supervisor)
    body = client.post("/api/v1/publications/", {"period": last_month[0]}, format="json").json()
    response = client.get(f"/api/v1/publications/{body['id']}/bundle/")
    assert response.status_code == 200
    document = json.loads(response.content)
    assert document["instance"]["id"] == instance_signer(tmp_path).fingerprint
    assert document["publication"]["country"] == "KG"
    assert AuditEvent.objects.filter(action="export", object_id=body["id"]).exists()
