"""The fear-of-return question, asked in every screening: no silence.

Fear of return in any words is a protection request (mission, "What must always be
true"), so no screening form may be saved with the question unanswered: the officer
records yes, no, or that the person declined to answer. When the person's own words (the
free text) say fear and the officer answered "no", the form shows the words the engine
heard and asks the officer to confirm; the screening keeps both (the answer and its
confirmation in the record, the words in the result's ``because``).

Written once, as a form class that every screening form inherits (the interview now; a
short or emergency screening later), so the rule cannot differ between them.

In the record (screening.md section 1, extended only by adding): yes is
``fear_of_return: true``, no is ``fear_of_return: false`` (with
``fear_of_return_confirmed: true`` once confirmed against words heard), declined is
``fear_of_return_declined: true`` with ``fear_of_return`` absent ("not known").
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from crossroads.engines.screening import FearCategory, FearHeard, hear_fear

YES, NO, DECLINED = "yes", "no", "declined"
FEAR_ANSWER_CHOICES = [
    (YES, _("yes")),
    (NO, _("no")),
    (DECLINED, _("declined to answer")),
]
FEAR_CATEGORY_LABELS = {
    FearCategory.PLEA: _("asks not to be sent back"),
    FearCategory.SOUGHT: _("is being sought"),
    FearCategory.FAMILY_THREAT: _("threats to the family"),
    FearCategory.PERSECUTION: _("persecution or harm"),
    FearCategory.ASYLUM: _("asks for asylum or protection"),
    FearCategory.FEAR_OF_RETURN: _("fear of return"),
}


def answer_of(statements: dict[str, Any]) -> str:
    """The interview's answer that a record's statements hold ("" when not asked)."""
    if statements.get("fear_of_return_declined") is True:
        return DECLINED
    value = statements.get("fear_of_return")
    if value is True:
        return YES
    return NO if value is False else ""


class FearOfReturnQuestion(forms.Form):
    """The question, the person's own words, and the officer's confirmation. A form that
    inherits it sets ``saving`` when the officer saves (a check may be made before the
    question is reached) and puts :meth:`fear_statements` into the record."""

    fear_of_return = forms.ChoiceField(
        label=_("Fears return to their country?"),
        choices=FEAR_ANSWER_CHOICES,
        required=False,
        widget=forms.RadioSelect,
    )
    free_text = forms.CharField(
        label=_("What they said, in their words"),
        max_length=4000,
        required=False,
        widget=forms.Textarea({"rows": 3, "dir": "auto"}),
    )
    fear_of_return_confirmed = forms.BooleanField(
        label=_("I have read these words with the person and confirm the answer “no”."),
        required=False,
    )

    saving = False
    fear_words_heard: tuple[FearHeard, ...] = ()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        answer = data.get("fear_of_return") or ""
        heard = hear_fear(data.get("free_text") or "")
        # Shown whenever the answer "no" meets words heard as fear, on a check as well.
        self.fear_words_heard = heard if answer == NO else ()
        if self.saving and not answer:
            self.add_error(
                "fear_of_return",
                _(
                    "Ask whether they fear return, and record the answer: yes, no, or "
                    "declined to answer."
                ),
            )
        if self.saving and self.fear_words_heard and not data.get("fear_of_return_confirmed"):
            self.add_error(
                "fear_of_return_confirmed",
                _(
                    "Their words were heard as fear of return. Go over them with the person, "
                    "then confirm “no” or change the answer."
                ),
            )
        return data

    def heard_for_page(self) -> list[dict[str, str]]:
        """The words heard, with their category in the officer's language."""
        return [
            {"words": h.words, "category": str(FEAR_CATEGORY_LABELS[h.category])}
            for h in self.fear_words_heard
        ]

    def fear_statements(self) -> dict[str, Any]:
        """The record's statements for the answer and the free text."""
        data = self.cleaned_data
        statements: dict[str, Any] = {}
        answer = data.get("fear_of_return") or ""
        if answer == YES:
            statements["fear_of_return"] = True
        elif answer == NO:
            statements["fear_of_return"] = False
            if self.fear_words_heard and data.get("fear_of_return_confirmed"):
                statements["fear_of_return_confirmed"] = True
        elif answer == DECLINED:
            statements["fear_of_return_declined"] = True
        if data.get("free_text", "").strip():
            statements["free_text"] = data["free_text"].strip()
        return statements
