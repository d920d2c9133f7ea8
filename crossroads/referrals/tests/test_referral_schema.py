"""The OpenAPI schema documents every referral and consent endpoint, with its errors."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_the_schema_documents_referrals_and_consents(api):
    schema = api().get("/api/schema/", HTTP_ACCEPT="application/json").json()
    paths = schema["paths"]
    assert set(paths["/api/v1/referrals/"]) >= {"get", "post"}
    assert {"400", "403", "404", "409"} <= set(paths["/api/v1/referrals/"]["post"]["responses"])
    assert "404" in paths["/api/v1/referrals/{referral_id}/"]["get"]["responses"]
    assert "409" in paths["/api/v1/referrals/{referral_id}/accept/"]["post"]["responses"]
    assert "400" in paths["/api/v1/referrals/{referral_id}/decline/"]["post"]["responses"]
    assert set(paths["/api/v1/consents/"]) >= {"get", "post"}
    assert "409" in paths["/api/v1/consents/{consent_id}/withdraw/"]["post"]["responses"]
    parameters = {p["name"] for p in paths["/api/v1/referrals/"]["get"]["parameters"]}
    assert {"box", "status", "overdue", "page", "page_size"} <= parameters
    referral = schema["components"]["schemas"]["Referral"]
    # Fields that a pathway may not carry are omitted, so they are not required.
    assert "screening" not in referral["required"]
