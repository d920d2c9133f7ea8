from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "crossroads.registry"
    label = "registry"
    verbose_name = "Register of people"
