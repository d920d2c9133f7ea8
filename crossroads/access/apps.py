from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "crossroads.access"
    label = "access"
    verbose_name = "Access"
