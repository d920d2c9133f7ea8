from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "crossroads.imports"
    label = "imports"
    verbose_name = "Bulk imports"
