from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "crossroads.cases"
    label = "cases"
    verbose_name = "Cases"
