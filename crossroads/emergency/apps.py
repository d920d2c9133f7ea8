from django.apps import AppConfig


class EmergencyConfig(AppConfig):
    name = "crossroads.emergency"
    label = "emergency"
    verbose_name = "Emergencies"
