"""Messages of Django REST framework that its own Russian catalogue leaves untranslated.

Marked here so that `makemessages` puts them in the project's catalogue, which Django
reads before the framework's (LOCALE_PATHS first): a field error then reaches the user
in their language like every other. Never imported; the strings are what matters."""

from django.utils.translation import gettext_noop

DRF_MESSAGES = (
    gettext_noop("Must be a valid UUID."),
    gettext_noop("Must be a valid boolean."),
    gettext_noop("Not a valid string."),
    gettext_noop("Invalid input."),
    gettext_noop("Ensure this field has at least {min_length} elements."),
    gettext_noop("Ensure this field has no more than {max_length} elements."),
    gettext_noop("This dictionary may not be empty."),
    gettext_noop("Datetime value out of range."),
    gettext_noop("Surrogate characters are not allowed: U+{code_point:X}."),
)
