from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "crossroads.core"
    label = "core"
    verbose_name = "Crossroads"

    def ready(self) -> None:
        from . import schema  # noqa: F401  (registers the OpenAPI extensions)
