from django.apps import AppConfig


class OfflineConfig(AppConfig):
    name = "crossroads.offline"
    label = "offline"
    verbose_name = "Offline work and sync"
