from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatisticsConfig(AppConfig):
    name = "crossroads.statistics"
    label = "statistics"
    verbose_name = _("Statistics")

    def ready(self) -> None:
        from .keys import connect

        connect()
