from django.apps import AppConfig


class HouseholdsConfig(AppConfig):
    name = "crossroads.households"
    label = "households"
    verbose_name = "Households"
