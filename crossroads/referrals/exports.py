"""Exporting a person's record to a named recipient: the same consent rules and the same
safeguard check as a referral (screening.md section 6)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from crossroads.access.gate import access_person_by_id
from crossroads.access.policy import Verb, id_or_none, is_state_body, require
from crossroads.accounts.models import Agency, User
from crossroads.audit.models import AuditAction
from crossroads.audit.writer import record
from crossroads.core.exceptions import Conflict, InvalidInput
from crossroads.screening.safeguards import refuse_if_origin_authority

from .models import Consent


def export_person(
    *, acting_user: User, person_id: Any, recipient_id: Any
) -> tuple[Any, Agency, bool]:
    """Checks that the person's record may go to `recipient`, audits the export, and says
    whether the sensitive fields (ethnicity, religion) go with it. Refused while
    non-refoulement stands if the recipient represents a state of the person's origin, and
    for a non-state recipient without any consent covering it. Sensitive fields go to a
    body of the person's own state of registration, and to a non-state recipient only when
    the person's consent says they may (screening.md section 6: a record carries only what
    its purpose needs); never to a foreign state's mission."""
    require(acting_user, Verb.EXPORT_PERSON)
    with transaction.atomic():
        person = access_person_by_id(acting_user, person_id, verb="change_person", audit_read=False)
        recipient = Agency.objects.filter(pk=id_or_none(recipient_id), active=True).first()
        if recipient is None or recipient.country_id != person.country_id:
            raise InvalidInput({"recipient": [_("No such agency in this state.")]})
        refuse_if_origin_authority(person, recipient)
        consents = Consent.objects.filter(
            person=person, to_agency=recipient, withdrawn_at__isnull=True
        )
        if not is_state_body(recipient) and not consents.exists():
            raise Conflict(
                _(
                    "%(agency)s is not a state body: the person's consent to share "
                    "with it is needed first."
                )
                % {"agency": recipient.name}
            )
        if recipient.represents_state:
            sensitive = False
        elif not is_state_body(recipient):
            sensitive = consents.filter(shares_sensitive=True).exists()
        else:
            sensitive = True
        record(
            acting_user,
            AuditAction.EXPORT,
            person,
            detail={"recipient": str(recipient.pk), "sensitive": sensitive},
        )
    return person, recipient, sensitive
