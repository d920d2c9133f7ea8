from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "crossroads.core"
    label = "core"
    verbose_name = "Crossroads"
