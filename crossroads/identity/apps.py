from django.apps import AppConfig


class IdentityConfig(AppConfig):
    name = "crossroads.identity"
    label = "identity"
    verbose_name = "Identity"
