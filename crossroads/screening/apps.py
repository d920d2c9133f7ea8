from django.apps import AppConfig


class ScreeningConfig(AppConfig):
    name = "crossroads.screening"
    label = "screening"
    verbose_name = "Screening"
